// The business unit sets up a new sub-group from the browser: adds the body,
// a person, its chair and five members, then changes its chair; a refused
// change (dated before the chair started) shows the error summary and the
// typed values. Each form is checked with axe, at 1280 px and at 320 px.
export default async function (t) {
	await t.signIn(t.users.admin);
	let page = await t.visit('/structure');
	await t.click('Add a body');
	t.match(await page.textContent('h1'), /Add a body/, 'the form to add a body');
	await t.axe('add a body');
	await t.shot('setup-body-new');
	await t.mobile();

	// Sent empty: every required field is named by its label.
	page = await t.press('Add the body', { status: 400 });
	const summary = await page.locator('.govuk-error-summary').textContent();
	t.match(summary, /Short name: required/, 'the summary names the short name');
	t.match(summary, /Kind of body: choose one/, 'and the kind of body');
	await t.axe('add a body, with errors');
	await t.shot('setup-body-errors');

	await page.fill('#f-short-name', 'RSCP-NEG');
	await page.fill('#f-name', 'Neglect Sub-group');
	await page.selectOption('#f-kind', 'subgroup');
	await page.selectOption('#f-parent', 'RSCP-EXEC');
	await page.fill('#f-founding-date-day', '1');
	await page.fill('#f-founding-date-month', '4');
	await page.fill('#f-founding-date-year', '2024');
	await page.fill('#f-quorum-fraction', '1/3');
	page = await t.press('Add the body');
	t.match(await page.textContent('.govuk-notification-banner'), /Body added/, 'the banner says the body was added');
	t.match(await page.textContent('h1'), /Members/, 'its members page follows');
	await t.axe('members page');
	await t.mobile();

	// A person new to the partnership, to chair it.
	page = await t.visit('/people');
	await t.press('Add a person');
	await t.axe('add a person');
	await t.mobile();
	await page.fill('#f-name', 'Ruth Okafor');
	await page.fill('#f-honorific-prefix', 'Dr');
	await page.fill('#f-job-title', 'Designated Doctor for Safeguarding');
	await page.fill('#f-email', 'ruth.okafor@example.org');
	page = await t.press('Add the person');
	t.match(await page.textContent('.govuk-notification-banner'), /Person added/, 'the person is added');
	t.ok(await page.getByRole('link', { name: 'Change Ruth Okafor' }).isVisible(),
		'the list links to changing her details');

	// The chair and five members.
	const members = [
		['ruth-okafor', 'chair'], ['anne-riley', 'member'], ['carole-lavelle', 'member'],
		['catherine-hall', 'member'], ['chrissy-wright', 'member'], ['dawn-peet', 'member'],
	];
	for (const [key, role] of members) {
		page = await t.visit('/bodies/RSCP-NEG/members/new');
		await page.selectOption('#f-person', key);
		await page.selectOption('#f-role', role);
		await page.fill('#f-start-date-day', '1');
		await page.fill('#f-start-date-month', '4');
		await page.fill('#f-start-date-year', '2024');
		page = await t.press('Add the member');
		t.match(await page.textContent('.govuk-notification-banner'), /Member added/, `${key} added as ${role}`);
	}
	await t.axe('add a member');
	t.equal(await page.locator('tbody tr').count(), 6, 'six memberships are listed');
	await t.shot('setup-members');
	await t.mobile();

	// The public page of the body shows its chair.
	page = await t.visit('/bodies/RSCP-NEG?on=2024-05-01');
	t.ok(await page.getByText('Dr Ruth Okafor').isVisible(), 'the body page shows its chair');
	t.ok(await page.getByRole('link', { name: 'Change the chair' }).isVisible(), 'and, to the admin, how to change it');

	// A change of chair dated before the chair started is refused.
	page = await t.click('Change the chair');
	await t.axe('change the chair');
	await t.shot('setup-chair');
	await t.mobile();
	await page.selectOption('#f-person', 'anne-riley');
	await page.selectOption('#f-previous-role', 'member');
	await page.fill('#f-date-day', '1');
	await page.fill('#f-date-month', '4');
	await page.fill('#f-date-year', '2024');
	page = await t.press('Change the chair', { status: 400 });
	t.match(await page.locator('.govuk-error-summary').textContent(),
		/Date of the change: 2024-04-01 is not after the current chair, Ruth Okafor, started on 2024-04-01/,
		'the summary names the date of the change');
	t.equal(await page.inputValue('#f-date-year'), '2024', 'the typed year is shown again');
	t.equal(await page.inputValue('#f-person'), 'anne-riley', 'and the chosen chair');
	await t.axe('change the chair, refused');
	await t.shot('setup-chair-error');

	await page.fill('#f-date-day', '1');
	await page.fill('#f-date-month', '9');
	page = await t.press('Change the chair');
	t.match(await page.textContent('.govuk-notification-banner'), /Chair changed/, 'the chair is changed');
	t.equal(await page.locator('tbody tr').count(), 8, 'history stays: two memberships ended, two began');

	page = await t.visit('/bodies/RSCP-NEG?on=2024-09-01');
	const chairRow = page.locator('tr', { hasText: 'Chair' }).first();
	t.match(await chairRow.textContent(), /Anne Riley/, 'Anne Riley chairs from 1 September 2024');
	page = await t.visit('/bodies/RSCP-NEG?on=2024-08-31');
	t.match(await page.locator('tr', { hasText: 'Chair' }).first().textContent(), /Ruth Okafor/,
		'Dr Okafor chaired to the day before');
	await t.mobile();

	// Dawn Peet leaves on 31 October 2024.
	page = await t.visit('/bodies/RSCP-NEG/members');
	await t.click('End membership of Dawn Peet');
	t.match(await page.textContent('h1'), /End a membership/, 'the form to end a membership');
	await t.axe('end a membership');
	await t.mobile();
	await page.fill('#f-end-date-day', '31');
	await page.fill('#f-end-date-month', '10');
	await page.fill('#f-end-date-year', '2024');
	page = await t.press('End the membership');
	t.match(await page.textContent('.govuk-notification-banner'), /Membership ended/, 'the membership is ended');
	t.match(await page.locator('tr', { hasText: 'Dawn Peet' }).textContent(), /31 October 2024/,
		'it stays on the list, with its end');

	// The other forms: each passes axe and fits a phone.
	for (const [path, heading] of [
		['/organisations/new', /Add an organisation/],
		['/organisations/south-yorkshire-police/edit', /Change an organisation/],
		['/people/ruth-okafor/edit', /Change a person's details/],
		['/bodies/RSCP-NEG/edit', /Change this body/],
		['/organisations', /Organisations/],
	]) {
		page = await t.visit(path);
		t.match(await page.textContent('h1'), heading, `${path} has its heading`);
		await t.axe(path);
		await t.mobile();
	}
	// The police's lead safeguarding partner, chosen by name.
	page = await t.visit('/organisations/south-yorkshire-police/edit');
	await page.selectOption('#f-lead-person', 'jason-harwin');
	page = await t.press('Save');
	t.match(await page.textContent('.govuk-notification-banner'), /Organisation saved/, 'the lead safeguarding partner is saved');
	await t.shot('setup-organisations');

	// The sub-group closes at the end of March 2025.
	page = await t.visit('/bodies/RSCP-NEG/close');
	await t.axe('close a body');
	await t.mobile();
	await page.fill('#f-dissolution-date-day', '31');
	await page.fill('#f-dissolution-date-month', '3');
	await page.fill('#f-dissolution-date-year', '2025');
	page = await t.press('Close the body');
	t.match(await page.textContent('.govuk-notification-banner'), /Body closed/, 'the body is closed');
	t.equal(await page.getByRole('link', { name: 'Change the chair' }).count(), 0,
		'a closed body has no chair to change');
	page = await t.visit('/bodies/RSCP-NEG?on=2025-04-01');
	t.ok(await page.getByText('Nobody sat on RSCP-NEG on this date').isVisible(), 'nobody sits on it after');
}
