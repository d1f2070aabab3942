// The business unit records a serious incident from the browser: the
// incident (a name typed as its reference is refused, with the error
// summary and the typed values kept), the notification to the national
// panel, the rapid review at a meeting of the panel (a date before the
// local authority became aware is refused, naming both fields), the
// decision; the reviews page then shows its clocks. Each page is checked
// with axe, at 1280 px and at 320 px.
export default async function (t) {
	await t.signIn(t.users.admin);
	let page = await t.visit('/reviews');
	t.match(await page.textContent('h1'), /Reviews/, 'the reviews page');
	t.ok(await page.getByRole('link', { name: 'RR-2019-02' }).isVisible(), 'lists the demo incidents');
	t.match(await page.textContent('main'), /done 2 working days late/, 'with the late notification');
	await t.axe('reviews');
	await t.shot('reviews');
	await t.mobile();

	page = await t.press('Record a serious incident');
	await t.axe('record an incident');
	await t.mobile();
	await page.fill('#f-reference', 'Jane Smith');
	await page.selectOption('#f-body', 'RSCP-CPRP');
	await page.check('input[name="f-kind"][value="serious_harm"]').catch(async () => {
		await page.selectOption('#f-kind', 'serious_harm');
	});
	await page.selectOption('#f-age-band', '1-4').catch(async () => {
		await page.check('input[name="f-age-band"][value="1-4"]');
	});
	await page.fill('#f-aware-on-day', '20');
	await page.fill('#f-aware-on-month', '12');
	await page.fill('#f-aware-on-year', '2024');
	page = await t.press('Record the incident', { status: 400 });
	t.match(await page.locator('.govuk-error-summary').textContent(),
		/Case reference .*a child's name must never be typed here/, 'a name is refused, saying why');
	t.equal(await page.inputValue('#f-aware-on-year'), '2024', 'the typed date is kept');
	await t.axe('record an incident, with errors');
	await t.shot('incident-new-errors');
	await page.fill('#f-reference', 'RR-2024-07');
	page = await t.press('Record the incident');
	t.match(await page.textContent('.govuk-notification-banner'), /Incident recorded/, 'recorded');
	t.match(await page.textContent('h1'), /RR-2024-07/, 'its page follows');
	t.match(await page.textContent('main'), /31 December 2024/, 'notification due 5 working days on');
	await t.axe('an incident');
	await t.mobile();

	// The notification, two working days late across New Year.
	page = await t.click('Change the notification (Notification to the national panel)');
	await page.fill('#f-notified-on-day', '3');
	await page.fill('#f-notified-on-month', '1');
	await page.fill('#f-notified-on-year', '2025');
	await t.axe('the notification');
	await t.mobile();
	page = await t.press('Save');
	t.match(await page.textContent('main'), /done 2 working days late/, 'late by 2 working days');

	// The rapid review: a date before awareness is refused.
	page = await t.click('Change the rapid review (Rapid review)');
	await page.fill('#f-rapid-review-on-day', '19');
	await page.fill('#f-rapid-review-on-month', '12');
	await page.fill('#f-rapid-review-on-year', '2024');
	page = await t.press('Save', { status: 400 });
	t.match(await page.locator('.govuk-error-summary').textContent(),
		/Date of the rapid review: 19 December 2024 is before the date the local authority became aware/,
		'dates out of order are refused, naming both');
	await t.axe('the rapid review, with errors');
	await t.mobile();
	await page.fill('#f-rapid-review-on-day', '14');
	await page.fill('#f-rapid-review-on-month', '1');
	await page.fill('#f-rapid-review-on-year', '2025');
	await page.fill('#f-rapid-review-sent-on-day', '15');
	await page.fill('#f-rapid-review-sent-on-month', '1');
	await page.fill('#f-rapid-review-sent-on-year', '2025');
	page = await t.press('Save');
	t.match(await page.textContent('.govuk-notification-banner'), /Incident saved/, 'the rapid review saved');
	t.match(await page.textContent('main'), /done on time/, 'its report on time');

	// The decision.
	page = await t.click('Change the decision (Decision)');
	await page.check('input[name="f-decision"][value="local_review"]').catch(async () => {
		await page.selectOption('#f-decision', 'local_review');
	});
	await page.fill('#f-decision-on-day', '15');
	await page.fill('#f-decision-on-month', '1');
	await page.fill('#f-decision-on-year', '2025');
	await page.fill('#f-decision-reasons', 'Learning about information sharing across agencies.');
	await t.axe('the decision');
	await t.mobile();
	page = await t.press('Save');
	t.match(await page.textContent('main'), /A local child safeguarding practice review/, 'decided');
	await t.shot('incident');

	// The demo's reviewed incident: its meeting's attendance.
	page = await t.visit('/reviews/incidents/RR-2019-01');
	t.match(await page.textContent('main'), /Jon Stonehouse/, 'the rapid review meeting\'s attendance');
	await t.axe('a decided incident');
	await t.mobile();
	page = await t.visit('/reviews');
	t.ok(await page.getByRole('link', { name: 'RR-2024-07' }).isVisible(), 'the new incident is listed');
}
