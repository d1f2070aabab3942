// The business unit minutes a meeting: signs in, records the attendance of
// the Improving Lives Select Commission's meeting of 11 June 2019 (which has
// none yet), writes the minutes of its item 6 with a preview first, raises
// an action at the item, signs out, and reads the published minutes as the
// public. Changes only that meeting, which no other flow reads.
const meeting = '/meetings/ILSC/2019-06-11';
const minutes = 'The Commissioner set out the **regional picture** for academies.\n\n' +
	'- Two schools had converted\n- One more was in consultation\n\n<script>alert(1)</script>';

export default async function (t) {
	// The public, before: published minutes, no attendance yet, no forms.
	let page = await t.visit(meeting);
	t.match(await page.textContent('h1'), /Improving Lives Select Commission, 11 June 2019/, 'the heading names the body and the day');
	t.ok(await page.getByText('No attendance has been recorded.').isVisible(), 'no attendance is recorded yet');
	t.equal(await page.getByRole('heading', { name: 'Manage this meeting' }).count(), 0, 'the public sees no forms');
	await t.axe('meeting page, public');
	await t.shot('meeting-public-before');
	await t.mobile();

	await t.signIn(t.users.admin);
	page = await t.visit(meeting);
	t.ok(await page.getByRole('heading', { name: 'Manage this meeting' }).isVisible(), 'the business unit sees the forms');
	await t.axe('meeting page, admin');
	await t.shot('meeting-admin');
	await t.mobile();

	// Attendance: every member present but one, who sent apologies.
	await t.click('Record attendance');
	t.match(await page.textContent('h1'), /Record attendance/, 'the attendance form opens');
	await t.axe('attendance form');
	await t.shot('meeting-attendance-form');
	await t.mobile();
	const rows = page.locator('.masa-attendance-row fieldset');
	const n = await rows.count();
	t.ok(n >= 14, `a row for each of the 14 members (${n})`);
	for (let i = 0; i < n; i++) {
		const row = rows.nth(i);
		const who = await row.locator('legend').textContent();
		await row.getByLabel(/Marriott/.test(who) ? 'Apologies' : 'Present', { exact: true }).check();
	}
	await t.press('Save attendance');
	t.match(page.url(), /\/meetings\/ILSC\/2019-06-11\?done=attendance#attendance$/, 'back on the meeting page');
	t.ok(await page.getByText('Attendance saved').isVisible(), 'the banner says attendance was saved');
	t.ok(await page.getByRole('table', { name: /^Present \(13\)/ }).isVisible(), 'thirteen present');
	t.ok(await page.getByRole('table', { name: /^Apologies \(1\)/ }).isVisible(), 'one apology');
	await t.axe('meeting page after attendance');
	await t.shot('meeting-attendance-saved');

	// Minutes of item 6, previewed first.
	await t.click('Edit item 6: minutes, resolutions and actions');
	await t.axe('item form');
	await t.shot('meeting-item-form');
	await t.mobile();
	await page.getByLabel('Minutes of the item').fill(minutes);
	await t.press('Preview');
	const preview = page.locator('.govuk-inset-text .masa-markdown');
	t.ok(await preview.locator('strong', { hasText: 'regional picture' }).isVisible(), 'the preview shows the Markdown rendered');
	t.equal(await preview.locator('li').count(), 2, 'with its list');
	t.equal(await page.locator('script:not([src])').count(), 0, 'and no script from the text');
	await t.axe('item form with a preview');
	await t.shot('meeting-item-preview');
	await t.press('Save minutes');
	t.ok(await page.getByText('Minutes saved: item 6').isVisible(), 'the banner says the minutes were saved');

	// An action at the item: first without an owner, then properly.
	await t.click('Edit item 6: minutes, resolutions and actions');
	await page.getByLabel('Raise an action').fill('Circulate the Commissioner\'s letter to members');
	await t.press('Raise action', { status: 400 });
	t.ok(await page.locator('.govuk-error-summary').isVisible(), 'without an owner: an error summary');
	t.ok(await page.getByText('Choose who will do it').first().isVisible(), 'saying what is missing');
	await t.axe('item form with errors');
	await t.shot('meeting-item-errors');
	await page.getByLabel('Cllr Cusworth', { exact: true }).check();
	await page.getByLabel('By a date').check();
	await page.getByLabel('Day').fill('30');
	await page.getByLabel('Month').fill('6');
	await page.getByLabel('Year').fill('2019');
	await t.press('Raise action');
	t.ok(await page.getByText('Action raised: item 6').isVisible(), 'the banner says the action was raised');
	t.ok(await page.getByRole('link', { name: 'ILSC/2019-06-11/1' }).isVisible(), 'the action is listed with its reference');

	// The public reads the new minutes.
	await t.signOut();
	page = await t.visit(meeting);
	t.ok(await page.locator('.masa-markdown strong', { hasText: 'regional picture' }).isVisible(), 'the public reads the minutes just written');
	t.ok(await page.getByText('Circulate the Commissioner\'s letter to members').isVisible(), 'and the action raised');
	t.ok(await page.getByRole('table', { name: /^Present \(13\)/ }).isVisible(), 'and who was there');
	t.equal(await page.locator('script:not([src])').count(), 0, 'no script from the minutes reaches the page');
	t.equal(await page.getByRole('heading', { name: 'Manage this meeting' }).count(), 0, 'and no forms');
	await t.axe('meeting page, public, after');
	await t.shot('meeting-public-after');
	await t.mobile();
}
