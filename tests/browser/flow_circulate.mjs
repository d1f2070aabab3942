// The business unit sends a paper to a sub-group's members: uploads it,
// chooses it and the members on the send form, checks the preview of who
// will get it and how, sends, and sees the circulation record, the messages
// arriving at a real SMTP listener (run.sh starts it; MASA_MAILDIR), the
// record on the meeting page, and a re-send to one person. Each page at
// 1280 and 320 px, with axe.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const MEETING = '/meetings/RLSCB-QA/2014-11-11';

function messages() {
	const dir = process.env.MASA_MAILDIR;
	try {
		return readdirSync(path.join(dir, 'new')).map((f) => readFileSync(path.join(dir, 'new', f), 'utf8'));
	} catch {
		return [];
	}
}

export default async function (t) {
	if (!process.env.MASA_MAILDIR) {
		t.ok(true, 'circulation flow # SKIP python3-aiosmtpd is not installed (scripts/setup --test)');
		return;
	}
	const before = messages().length;
	await t.signIn(t.users.admin);

	// A paper for the meeting, through the upload form.
	let page = await t.visit(`${MEETING}/papers`);
	await page.setInputFiles('#file', {
		name: 'quality-report.txt',
		mimeType: 'text/plain',
		buffer: Buffer.from('Quality assurance report: the audit of case files, autumn 2014.\n'),
	});
	await page.fill('#title', 'Quality assurance report');
	await t.press('Upload');
	t.ok(await page.getByText('Paper uploaded').isVisible(), 'the paper is uploaded');

	// The form: what, and to whom (the members ticked).
	page = await t.visit(`${MEETING}/circulate`);
	t.match(await page.textContent('h1'), /Send papers/, 'the send form has its heading');
	const ticked = await page.locator('input[name="to"]:checked').count();
	t.ok(ticked > 0, `the members on the meeting's date are ticked (${ticked})`);
	t.equal(await page.locator('#to-others').isChecked(), false, 'anyone else is not');
	await t.axe('send form');
	await t.shot('circulate-form');
	await t.mobile();

	// Nothing chosen: the error summary, the form kept.
	await t.press('Continue', { status: 400 });
	t.ok(await page.getByText('There is a problem').isVisible(), 'an error summary');
	t.equal(await page.getByRole('link', { name: 'Choose what to send' }).count(), 1,
		'which links to the field');
	t.equal(await page.locator('input[name="to"]:checked').count(), ticked, 'the ticks are kept');
	await t.axe('send form with an error');

	await page.getByLabel(/Quality assurance report/).check();
	await t.press('Continue');
	t.match(await page.textContent('h1'), /Check who will be sent it/, 'the preview');
	const rows = await page.locator('tbody tr').count();
	t.equal(rows, ticked, 'it lists everyone ticked');
	t.ok((await page.getByRole('cell', { name: 'Attached' }).count()) > 0, 'the paper goes attached');
	const send = page.getByRole('button', { name: /^Send to \d+ (person|people)$/ });
	const going = Number((await send.textContent()).match(/\d+/)[0]);
	t.equal(messages().length, before, 'the preview sends nothing');
	await t.axe('preview');
	await t.shot('circulate-preview');
	await t.mobile();

	// Send: the record, and the messages at the listener.
	await Promise.all([page.waitForNavigation(), send.click()]);
	t.match(page.url(), /\/circulation\?sent=/, 'sending leads to the circulation record');
	t.ok(await page.getByText(`Sent to ${going}; not sent to 0`).isVisible(), 'it says how many were sent');
	t.equal(messages().length, before + going, `${going} messages reach the SMTP listener`);
	t.ok(messages().slice(-1)[0].includes('filename="quality-report.txt"'), 'with the paper attached');
	await t.axe('circulation record');
	await t.shot('circulation-record');
	await t.mobile();

	// A re-send to one person.
	const resend = page.getByRole('button', { name: /^Re-send Quality assurance report to / }).first();
	await Promise.all([page.waitForNavigation(), resend.click()]);
	t.ok(await page.getByText('Sent to 1; not sent to 0').isVisible(), 'a re-send goes to one person');
	t.equal(messages().length, before + going + 1, 'one more message');

	// The record on the meeting page.
	page = await t.visit(MEETING);
	const line = page.locator('summary', { hasText: /^Sent to \d+ members? on / }).first();
	t.ok(await line.isVisible(), 'the meeting page says who the paper was sent to');
	await line.click();
	t.ok(await page.getByText(/\((attached|link)\)/).first().isVisible(), 'and lists their names');
	await t.axe('meeting page with circulation');
	await t.shot('circulation-meeting-page');
	await t.mobile();
}
