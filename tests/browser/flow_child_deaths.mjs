// Child death reviews: the business unit of the panel's home partnership
// records a child's death (a Sheffield child: the panel serves both
// partnerships of the demo's region), reviews it with its category,
// modifiable factors and the safe-sleeping theme, and finds it in the
// panel's list filtered by that theme; a board member who does not sit on
// the panel is shown no case, only where to find the public dashboard.
//
// Only CDOP-2022-901 is recorded; no other flow reads child deaths.
const ref = 'CDOP-2022-901';

export default async function (t) {
	const page = await t.signIn(t.users.admin);
	await t.visit('/child-deaths');
	t.ok(await page.getByRole('heading', { name: 'Child death reviews', level: 1 }).isVisible(),
		'the list of cases');
	t.ok(await page.getByRole('cell', { name: 'Sheffield Safeguarding Children Partnership' }).first().isVisible(),
		'cases of both partnerships, each named');
	await t.axe('child deaths list');
	await t.shot('child-deaths-list');
	await t.mobile();

	await t.click('Record a death');
	await t.axe('record a death');
	// A name as the reference is refused, what was typed kept.
	await page.getByLabel('Case reference').fill('Jayden-Smith');
	await page.getByLabel("The child's partnership").selectOption('sheffield');
	await page.getByLabel('Age').selectOption('28-364d');
	const died = page.getByRole('group', { name: 'Date of death' });
	await died.getByLabel('Day').fill('3');
	await died.getByLabel('Month').fill('2');
	await died.getByLabel('Year').fill('2022');
	await page.getByLabel('Place of death').selectOption('home');
	await page.getByRole('radio', { name: 'Unexpected', exact: true }).check();
	await t.press('Record', { status: 400 });
	t.match(await page.locator('.govuk-error-summary').textContent(), /looks like a name/,
		'a name as the reference is refused, saying why');
	t.equal(await page.getByLabel('Case reference').inputValue(), 'Jayden-Smith', 'and what was typed is kept');
	await t.axe('record a death with an error');
	await page.getByLabel('Case reference').fill(ref);
	await t.press('Record', { status: 200 });
	t.equal(new URL(page.url()).pathname, `/child-deaths/${ref}`, 'the case page follows');
	t.match(await page.locator('.govuk-notification-banner').textContent(), /has been recorded/,
		'saying the death has been recorded');

	// The panel's review.
	const reviewed = page.getByRole('group', { name: 'Date the panel reviewed the death' });
	await reviewed.getByLabel('Day').fill('1');
	await reviewed.getByLabel('Month').fill('9');
	await reviewed.getByLabel('Year').fill('2022');
	await page.getByLabel('Category of death').selectOption('10');
	await page.getByRole('radio', { name: 'Modifiable factors identified', exact: true }).check();
	await page.getByLabel('Physical environment').fill('Baby asleep on a sofa with an adult');
	await page.getByRole('checkbox', { name: 'Safe sleeping', exact: true }).check();
	await page.getByLabel('Learning').fill('Repeat safe sleeping advice at every contact.');
	await t.press('Save the review');
	t.match(await page.locator('.govuk-summary-list').textContent(), /Sudden unexpected, unexplained death/,
		'the category is shown in words');
	t.match(await page.locator('.govuk-summary-list').textContent(), /Safe sleeping/, 'with the theme');
	await t.axe('a reviewed case');
	await t.shot('child-deaths-case');
	await t.mobile();

	await t.visit('/child-deaths?theme=safe-sleeping');
	t.ok(await page.getByRole('link', { name: ref, exact: true }).isVisible(),
		'the case is among the safe-sleeping deaths');
	await t.signOut();

	// A board member who is not on the panel: no case.
	await t.signIn(t.users.member);
	await t.visit('/child-deaths');
	t.ok(await page.getByRole('link', { name: 'the child death dashboard' }).isVisible(),
		'someone who may see no case is pointed to the dashboard');
	t.equal(await page.getByRole('link', { name: ref }).count(), 0, 'and shown no case');
	await t.visit(`/child-deaths/${ref}`, { status: 404 });
	await t.axe('what a member may see');
}
