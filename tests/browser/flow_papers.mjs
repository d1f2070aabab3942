// The business unit readies a meeting that has not happened yet: schedules
// it (Improving Lives Select Commission, 5 March 2030), adds an open item
// and a part-two item with its reason, uploads three PDF papers through the
// upload form (two to the open item, one to the part-two item; a file named
// .pdf that is not a PDF is refused, naming it, with nothing added) and
// publishes the agenda. Then the public, in a fresh browser context, reads
// the open agenda and its two papers and downloads the agenda pack and a
// paper, and never sees part two (its pack's address is 404); a member of
// another body gets 404 for the part-two pack too; a member of the
// Commission on that date downloads it. Each page with axe, at 1280 and
// 320 px. Changes only ILSC's meeting of 5 March 2030, which no other flow
// reads.
import { readFileSync } from 'node:fs';

const meeting = '/meetings/ILSC/2030-03-05';
const openTitle = 'Children in care: quarterly performance';
const secretTitle = 'Child W: placement breakdown review';
const secretReason = 'Paragraph 2: information likely to reveal the identity of a child';

// A valid PDF of `pages` A4 pages saying `words` on each, with its
// cross-reference table (qpdf --check, which the upload runs, finds it
// clean).
function pdf(words, pages) {
	const objects = ['<< /Type /Catalog /Pages 2 0 R >>', null];
	const kids = [];
	for (let i = 1; i <= pages; i++) {
		const n = objects.length + 1;
		kids.push(`${n} 0 R`);
		const text = `BT /F1 24 Tf 72 700 Td (${words} page ${i}) Tj ET`;
		objects.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ' +
			`/Contents ${n + 1} 0 R /Resources << /Font << /F1 << /Type /Font ` +
			'/Subtype /Type1 /BaseFont /Helvetica >> >> >> >>');
		objects.push(`<< /Length ${text.length} >>\nstream\n${text}\nendstream`);
	}
	objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`;
	let out = '%PDF-1.4\n';
	const offsets = [];
	objects.forEach((body, i) => {
		offsets.push(out.length);
		out += `${i + 1} 0 obj\n${body}\nendobj\n`;
	});
	const xref = out.length;
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const o of offsets)
		out += `${String(o).padStart(10, '0')} 00000 n \n`;
	out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(out, 'latin1');
}

// axe and the 320 px check of the page shown, with a screenshot at each
// width.
async function look(t, name, shot) {
	await t.axe(name);
	await t.shot(shot);
	await t.page.setViewportSize({ width: 320, height: 640 });
	try {
		await t.axe(`${name} at 320px`);
		await t.shot(`${shot}-320`);
	} finally {
		await t.page.setViewportSize({ width: 1280, height: 800 });
	}
	await t.mobile();
}

// Asserts that response is a PDF file; returns its bytes.
async function isPdf(t, response, what) {
	t.equal(response.status(), 200, `${what} answers 200`);
	t.match(response.headers()['content-type'] || '', /^application\/pdf/, `${what} is served as a PDF`);
	const bytes = await response.body();
	t.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-', `${what} is a PDF file`);
	return bytes;
}

// Uploads file (name, bytes) to item through the upload form.
async function upload(t, name, bytes, title, item, status = 200) {
	const page = t.page;
	await page.setInputFiles('#file', { name, mimeType: 'application/pdf', buffer: bytes });
	await page.fill('#title', title);
	await page.fill('#item', item);
	await t.press('Upload', { status });
}

async function businessUnit(t) {
	let page = await t.signIn(t.users.admin);
	await t.visit('/meetings/schedule?body=ILSC');
	await page.getByLabel('One meeting').check();
	await page.locator('input[name="one-date-day"]').fill('5');
	await page.locator('input[name="one-date-month"]').fill('3');
	await page.locator('input[name="one-date-year"]').fill('2030');
	await page.getByLabel('Start time').fill('10:00');
	await page.getByLabel('End time').fill('12:30');
	await page.getByLabel('Place').fill('Town Hall, Rotherham');
	await t.press('Schedule');
	t.match(page.url(), /\/meetings\/ILSC\/2030-03-05\/manage\?done=scheduled$/,
		'the meeting is scheduled; its management page follows');

	// The agenda: an open item and a part-two item with its reason.
	await page.getByLabel('Title', { exact: true }).fill(openTitle);
	await t.press('Add item');
	t.ok(await page.getByRole('heading', { name: `1. ${openTitle}` }).isVisible(), 'the open item is item 1');
	await page.getByLabel('Title', { exact: true }).fill(secretTitle);
	await page.getByLabel('Part 2: the press and public are excluded').last().check();
	await page.getByLabel('Why it is taken in part 2 (if it is)').fill(secretReason);
	await t.press('Add item');
	t.ok(await page.getByRole('heading', { name: `2. ${secretTitle}` }).isVisible(), 'the part-two item is item 2');

	// The upload page, from the meeting page.
	await t.visit(meeting);
	await t.click('Upload and manage papers');
	t.match(await page.textContent('h1'), /Papers/, 'the upload page opens from the meeting page');
	await upload(t, 'performance-report.pdf', pdf('Performance report', 3), 'Performance report', '1');
	t.ok(await page.getByText('Paper uploaded').isVisible(), 'the first paper is uploaded');
	await upload(t, 'audit-findings.pdf', pdf('Audit findings', 2), 'Audit findings', '1');
	await upload(t, 'child-w-chronology.pdf', pdf('Child W chronology', 4), 'Child W chronology', '2');
	const rows = page.locator('tbody tr');
	t.equal(await rows.count(), 3, 'the page lists three papers');
	const row = (title) => rows.filter({ hasText: title });
	t.match(await row('Performance report').textContent(), /^1\s*Performance report.*performance-report\.pdf, \d+ (bytes|KB), 3 pages/,
		'the first paper: its item, file, size and pages');
	t.match(await row('Audit findings').textContent(), /^1\s*Audit findings.*audit-findings\.pdf, \d+ (bytes|KB), 2 pages/,
		'the second: its item, file, size and pages');
	t.match(await row('Child W chronology').textContent(), /^2\s*Child W chronology \(part two\).*child-w-chronology\.pdf, \d+ (bytes|KB), 4 pages/,
		'the part-two paper, marked so');

	// A file named .pdf that is not a PDF: refused, naming the file.
	await upload(t, 'minutes-draft.pdf', Buffer.from('These are not the minutes you are looking for.\n'),
		'Draft minutes', '1', 400);
	const summary = page.locator('.govuk-error-summary');
	t.ok(await summary.isVisible(), 'a refused upload shows the error summary');
	t.match(await summary.textContent(), /minutes-draft\.pdf/, 'which names the file');
	t.equal(await page.locator('#title').inputValue(), 'Draft minutes', 'the title typed is kept');
	t.equal(await rows.count(), 3, 'and nothing is added');
	await look(t, 'upload page with an error', 'papers-upload-error');
	await t.visit(`${meeting}/papers`);
	t.equal(await rows.count(), 3, 'still three papers after the refusal');
	await look(t, 'upload page', 'papers-upload');

	// Publish the agenda.
	await t.visit(`${meeting}/manage`);
	await t.press('Publish the agenda');
	t.ok(await page.getByText('Agenda published').first().isVisible(), 'the agenda is published');
	await t.signOut();
}

async function thePublic(t) {
	const page = t.page;
	await t.visit(meeting);
	t.ok(await page.getByRole('heading', { name: 'Agenda', exact: true }).isVisible(), 'the public sees the agenda');
	t.ok(await page.getByText(openTitle).first().isVisible(), 'with its open item');
	t.ok(await page.getByRole('link', { name: 'Performance report', exact: true }).isVisible(), 'the first open paper');
	t.ok(await page.getByRole('link', { name: 'Audit findings', exact: true }).isVisible(), 'the second open paper');
	const packLink = page.getByRole('link', { name: /^Download the agenda pack \(PDF, \d+ pages?\)$/ });
	t.ok(await packLink.isVisible(), 'the agenda pack, with its pages');
	const main = await page.textContent('main');
	t.ok(!main.includes('Child W'), 'no part-two title or paper on the page', [main.slice(0, 300)]);
	t.equal(await page.getByText(/part-two pack/).count(), 0, 'no part-two pack link');
	t.equal(await page.getByRole('link', { name: 'Upload and manage papers' }).count(), 0, 'no upload link');
	await look(t, 'meeting page with papers, public', 'papers-public');

	// Downloads, in a browser context that never signed in.
	const fresh = await t.context.browser().newContext({ acceptDownloads: true });
	try {
		const other = await fresh.newPage();
		await other.goto(t.url + meeting);
		const [download] = await Promise.all([
			other.waitForEvent('download'),
			other.getByRole('link', { name: /^Download the agenda pack/ }).click(),
		]);
		t.equal(download.suggestedFilename(), 'ILSC-2030-03-05-agenda-pack.pdf', 'the pack downloads under its name');
		const file = await download.path();
		const bytes = readFileSync(file);
		t.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-', 'the downloaded pack is a PDF file');
		t.ok(!bytes.toString('latin1').includes('Child W'), 'with no part-two words in it');
		const pack = await isPdf(t, await fresh.request.get(t.url + await packLink.getAttribute('href')), 'the agenda pack');
		t.equal(pack.length, bytes.length, 'the same pack either way');
		const paper = await page.getByRole('link', { name: 'Performance report', exact: true }).getAttribute('href');
		await isPdf(t, await fresh.request.get(t.url + paper), `an open paper (${paper})`);
		const secret = await fresh.request.get(`${t.url}${meeting}/part-two-pack.pdf`);
		t.equal(secret.status(), 404, "the part-two pack's address is 404 to the public");
	} finally {
		await fresh.close();
	}
}

// A member of the board (not the Commission): no part-two pack.
async function memberOfAnotherBody(t) {
	await t.signIn(t.users.member);
	const secret = await t.context.request.get(`${t.url}${meeting}/part-two-pack.pdf`);
	t.equal(secret.status(), 404, 'the part-two pack is 404 to a member of another body');
	await t.signOut();
}

async function memberOfTheCommission(t) {
	const page = await t.signIn(t.users.commissioner);
	await t.visit(meeting);
	const link = page.getByRole('link', { name: /^Download the part-two pack \(PDF, \d+ pages?\)$/ });
	t.ok(await link.isVisible(), "a member of the Commission on the meeting's date has the part-two pack");
	t.ok(await page.getByRole('link', { name: 'Child W chronology', exact: true }).isVisible(), 'and the part-two paper');
	await t.axe('meeting page with papers, a member');
	await t.mobile();
	await isPdf(t, await t.context.request.get(t.url + await link.getAttribute('href')), 'the part-two pack');
	await t.signOut();
}

export default async function (t) {
	await businessUnit(t);
	await thePublic(t);
	await memberOfAnotherBody(t);
	await memberOfTheCommission(t);
}
