// A practice review from commissioning to learning: the business unit
// commissions a local review, moves it through its stages, records the
// partners' sign-off, sending to the national panel and publication, adds
// a recommendation, raises an action from it into the practice review
// panel's action log, records evidence of impact and judges it; the public
// then finds the review on the learning page. axe and 320px on each page.
const ref = 'LCSPR-2025-09';

async function date(page, prefix, iso) {
	const [y, m, d] = iso.split('-');
	await page.fill(`#${prefix}-day`, String(Number(d)));
	await page.fill(`#${prefix}-month`, String(Number(m)));
	await page.fill(`#${prefix}-year`, y);
}

export default async function (t) {
	let page = await t.signIn(t.users.admin);

	page = await t.visit('/reviews/practice');
	t.ok(await page.getByText('Held (Criminal proceedings)').first().isVisible(),
		"the 2014 serious case review's publication is held");
	await t.axe('practice reviews');
	await t.mobile();

	await t.press('Commission a review');
	await page.fill('#f-reference', 'Baby Smith');
	await page.fill('#f-title', 'Child W');
	await page.selectOption('#f-body', 'RSCP-CPRP');
	await t.press('Save', { status: 400 });
	t.ok(await page.locator('.govuk-error-summary').getByText(/has a space/).isVisible(),
		'a name as a reference is refused, saying why');
	t.equal(await page.inputValue('#f-title'), 'Child W', 'what was typed is kept');
	await t.axe('commission form with an error');
	await page.fill('#f-reference', ref);
	await date(page, 'f-commissioned-on', '2025-01-06');
	await page.fill('#f-method', 'Systems approach');
	await t.press('Save');
	t.match(await page.textContent('h1'), /LCSPR-2025-09: Child W/, 'the review page');
	t.ok(await page.getByText('Due 6 July 2025').first().isVisible(), 'publication due six months on');
	await t.axe('review page');
	await t.shot('review-commissioned');
	await t.mobile();

	for (const [stage, on] of [['fieldwork', '2025-02-03'], ['draft', '2025-04-07'], ['final', '2025-05-06']]) {
		await page.selectOption('#stage', stage);
		await date(page, 'started', on);
		await t.press('Move stage');
		t.ok(await page.getByText('The review has moved on.').isVisible(), `moved to ${stage}`);
	}

	await t.click('Change the details, sign-off and publication');
	await date(page, 'f-signed-off-on', '2025-04-01');
	await t.press('Save', { status: 400 });
	t.ok(await page.locator('.govuk-error-summary').getByText(/before Date of the final report/).isVisible(),
		'a sign-off before the final report is refused, naming both dates');
	await date(page, 'f-signed-off-on', '2025-05-12');
	await date(page, 'f-sent-to-panel-on', '2025-05-19');
	await date(page, 'f-published-on', '2025-06-02');
	await page.fill('#f-published-url', 'https://www.example.org/rscp/lcspr-2025-09.pdf');
	await page.fill('#f-summary', 'What the review of Child W found.');
	await t.axe('review details form');
	await t.press('Save');
	t.ok(await page.getByText('Published 2 June 2025').first().isVisible(), 'published');

	await t.click('Add a recommendation');
	await page.fill('#f-text', 'Health visitors share concerns about unborn babies with early help.');
	await page.selectOption('#f-organisation', 'rotherham-nhs-foundation-trust');
	await page.selectOption('#f-body', 'RSCP-CPRP');
	await date(page, 'f-due-on', '2099-03-31');
	await t.press('Save');
	t.match(await page.textContent('h1'), /Recommendation 1/, 'the recommendation page');

	await page.fill('#details', 'Brief every health visitor team on the protocol.');
	await t.press('Raise action');
	t.ok(await page.getByRole('link', { name: 'RSCP-CPRP/A3' }).isVisible(),
		"the action is in the panel's action log, linked");

	await page.fill('#checkpoint', '6 months');
	await page.selectOption('#kind', 'audit');
	await page.fill('#summary', 'Audit of 30 records: concerns shared before 20 weeks in 24.');
	await t.press('Record evidence');
	t.ok(await page.getByText('The evidence has been recorded.').isVisible(), 'evidence recorded');

	await page.selectOption('#rag', 'amber');
	await t.press('Judge');
	t.ok(await page.locator('.govuk-tag', { hasText: 'Amber' }).first().isVisible(), 'judged amber');
	await t.axe('recommendation page');
	await t.shot('recommendation');
	await t.mobile();

	await t.signOut();
	page = await t.visit('/learning');
	t.ok(await page.getByText('LCSPR-2025-09: Child W').isVisible(), 'the public finds the published review');
	await t.axe('learning page');
	await t.mobile();
	await t.visit(`/reviews/practice/SCR-2014-01`, { status: 404 });
}
