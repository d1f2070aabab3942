// The business unit schedules the Improving Lives Select Commission's
// meetings for 2031 (quarterly, first Thursday), builds the first one's
// agenda (the proposed items, an open item moved up, a part-two item with
// its reason) and publishes it; then the public reads the open agenda, and
// not the part-two item's title. Changes only ILSC's meetings of 2031,
// which no other flow reads.
const first = '/meetings/ILSC/2031-01-02';

export default async function (t) {
	await t.signIn(t.users.admin);
	let page = await t.visit('/meetings?body=ILSC');
	await t.click('Schedule meetings');
	t.match(await page.textContent('h1'), /Schedule meetings/, 'the scheduling form opens from the calendar');
	await t.axe('scheduling form');
	await t.shot('agenda-schedule-form');
	await t.mobile();

	// A series with no end is refused, with what was typed kept.
	await page.getByLabel('A series, such as quarterly on the first Thursday').check();
	await page.getByLabel('How often').selectOption('quarterly');
	await page.getByLabel('Which week of the month').selectOption('first');
	await page.getByLabel('Day of the week').selectOption('thursday');
	await page.locator('input[name="from-day"]').fill('1');
	await page.locator('input[name="from-month"]').fill('1');
	await page.locator('input[name="from-year"]').fill('2031');
	await page.getByLabel('Start time').fill('13:00');
	await page.getByLabel('End time').fill('16:00');
	await page.getByLabel('Place').fill('Riverside House');
	await t.press('Schedule', { status: 400 });
	t.ok(await page.locator('.govuk-error-summary').getByText(/a series must end/).isVisible(), 'a series must end');
	t.equal(await page.getByLabel('Place').inputValue(), 'Riverside House', 'what was typed is kept');
	await t.axe('scheduling form with an error');
	await t.shot('agenda-schedule-error');
	await page.getByLabel('Or how many meetings').fill('4');
	await t.press('Schedule', { status: 200 });
	t.match(page.url(), /\/meetings\/ILSC\/2031-01-02\/manage\?done=scheduled$/, 'the first meeting, Thursday 2 January 2031');
	t.ok(await page.getByText('Meetings scheduled').isVisible(), 'the banner says they were scheduled');

	// The agenda: the proposed items, then two more.
	await t.press('Add the proposed items');
	t.ok(await page.getByText('Proposed items added to the agenda').isVisible(), 'the proposed items are added');
	const items = page.locator('#agenda ~ ol > li');
	const proposed = await items.count();
	t.ok(proposed >= 4, `the proposed agenda has its standing items (${proposed})`);
	await page.getByLabel('Title', { exact: true }).fill('Annual report of the Commission');
	await t.press('Add item');
	const annual = `${proposed + 1}. Annual report of the Commission`;
	t.ok(await page.getByRole('heading', { name: annual }).isVisible(), `added as item ${proposed + 1}`);
	await t.press(`Move up item ${proposed + 1}`);
	t.ok(await page.getByRole('heading', { name: `${proposed}. Annual report of the Commission` }).isVisible(),
		'moved up, it takes the number before');
	await page.getByLabel('Title', { exact: true }).fill('Child V: placement review');
	await page.getByLabel('Part 2: the press and public are excluded').last().check();
	await page.getByLabel('Why it is taken in part 2 (if it is)').fill('Paragraph 2: information likely to reveal the identity of a child');
	await t.press('Add item');
	t.ok(await page.getByText('Paragraph 2: information likely to reveal').first().isVisible(), 'the part-two item shows its reason');
	await t.press('Publish the agenda');
	t.ok(await page.getByText('Agenda published').first().isVisible(), 'the agenda is published');
	await t.axe('management page');
	await t.shot('agenda-manage');
	await t.mobile();

	page = await t.visit(first);
	t.ok(await page.getByRole('link', { name: 'Manage this meeting' }).isVisible(), 'the meeting page links to its management');
	await t.signOut();

	// The public: the open agenda, its contents list, not part two.
	page = await t.visit(first);
	t.ok(await page.getByRole('heading', { name: 'Agenda', exact: true }).isVisible(), 'the public sees the agenda');
	t.ok(await page.getByText('Annual report of the Commission').first().isVisible(), 'with its open items');
	t.equal(await page.getByText('Child V').count(), 0, 'and not the part-two title');
	t.ok(await page.getByText(/confidential/).first().isVisible(), 'only that a confidential item is there');
	t.ok(await page.getByRole('navigation', { name: 'Items' }).isVisible(), 'a contents list of the items');
	t.equal(await page.getByRole('link', { name: 'Manage this meeting' }).count(), 0, 'no management link');
	await t.axe('meeting page with a published agenda, public');
	await t.shot('agenda-public');
	await t.mobile();
}
