// Signed out: the partnership's structure, a body's page and the meetings
// calendar, as the public sees them.
export default async function (t) {
	let page = await t.visit('/structure?on=2015-01-01');
	t.match(await page.textContent('h1'), /Structure/, 'the structure page has its heading');
	t.ok(await page.getByRole('link', { name: /Rotherham Local Safeguarding Children Board \(RLSCB\)/ }).isVisible(),
		'the board of 2015 is listed');
	t.equal(await page.getByRole('link', { name: /Chief Officers' Group/ }).count(), 0,
		'bodies founded later are hidden');
	await t.axe('structure page');
	await t.shot('public-structure');
	await t.mobile();

	await t.click('RLSCB Child Sexual Exploitation Sub Group (RLSCB-CSE)');
	t.match(await page.textContent('h1'), /Child Sexual Exploitation Sub Group/, 'the body page names the body');
	t.ok(await page.getByRole('table').first().isVisible(), 'its members are a table');
	t.ok(await page.getByText('Mr Steve Ashley').isVisible(), 'the chair on 1 January 2015 is shown');
	await t.axe('body page');
	await t.shot('public-body');
	await t.mobile();

	await page.fill('#on-day', '3');
	await page.fill('#on-month', '12');
	await page.fill('#on-year', '2014');
	await t.press('Show members');
	t.ok(await page.getByText('Mr Jason Harwin').isVisible(), 'the members on another date are shown');

	page = await t.visit('/meetings?from=2014-01-01&to=2014-12-31');
	t.match(await page.textContent('h1'), /Meetings/, 'the calendar has its heading');
	t.ok(await page.getByRole('heading', { name: 'December 2014' }).isVisible(), 'meetings are grouped by month');
	await t.axe('meetings calendar');
	await t.shot('public-meetings');
	await t.mobile();
}
