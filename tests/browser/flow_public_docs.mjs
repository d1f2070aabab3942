// What the public reads and downloads: a published meeting (its actions by
// reference, with no link to action pages the public may not open), the
// minutes as a PDF, the meetings calendar's periods and years, and the
// footer's pages; the business unit edits the contact page and the public
// sees the change; a member reads the action log on a phone, each row
// stacked as labelled values. Every page is checked with axe, at 1280 and
// at 320 pixels.
//
// The contact page is changed here and read by no other flow.
const meeting = '/meetings/RLSCB/2014-12-04';
const marker = 'Ring the business unit on 01709 000000 (browser test).';

// axe and the 320px check of the page shown, and a screenshot of each width.
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

// Follows the calendar's link rel (prev or next) and returns the new address.
async function period(t, rel) {
	const page = t.page;
	const link = page.locator(`.govuk-pagination a[rel="${rel}"]`);
	t.equal(await link.count(), 1, `the calendar has a ${rel === 'prev' ? 'previous' : 'next'} period`);
	const [response] = await Promise.all([page.waitForNavigation(), link.click()]);
	t.equal(response ? response.status() : 0, 200, `the ${rel} period answers 200`);
	return new URL(page.url());
}

async function publicPages(t) {
	let page = await t.visit(meeting);
	t.ok(await page.getByRole('cell', { name: 'RLSCB/2014-12-04/1', exact: true }).isVisible(),
		'the public reads an action raised at the meeting by its reference');
	t.equal(await page.locator('a[href^="/actions/"]').count(), 0,
		'with no link to an action page, which needs an account');
	const download = page.getByRole('link', { name: /^Download the minutes \(PDF, \d+ KB\)$/ });
	t.ok(await download.isVisible(), 'the page offers the minutes as a PDF, with its size');
	await look(t, 'published meeting page', 'docs-meeting');

	const href = await download.getAttribute('href');
	const pdf = await t.context.request.get(t.url + href);
	t.equal(pdf.status(), 200, `GET ${href} is 200`);
	t.match(pdf.headers()['content-type'] || '', /^application\/pdf/, 'it is served as a PDF');
	const bytes = await pdf.body();
	t.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-', 'it is a PDF file');
	t.ok(bytes.length > 10000, `of some size (${bytes.length} bytes)`);

	page = await t.visit('/meetings');
	const first = new Date();
	const from = `${first.getUTCFullYear()}-${String(first.getUTCMonth() + 1).padStart(2, '0')}-01`;
	t.match(await page.textContent('main'), /meetings? from 1 \w+ \d{4} to \d+ \w+ \d{4}\./,
		'the calendar says which period it shows');
	t.ok(await page.getByRole('heading', { name: 'Meetings by year' }).isVisible(), 'and lists the years');
	await look(t, 'meetings calendar', 'docs-calendar');
	let at = await period(t, 'prev');
	t.ok(at.searchParams.get('to') < from, 'the previous period ends before this month');
	at = await period(t, 'next');
	t.equal(at.searchParams.get('from'), from, 'and the next one after it starts this month again');
	await t.click('2014 (7 meetings)');
	t.ok(await page.getByRole('heading', { name: 'December 2014' }).isVisible(), "the year's meetings by month");
	t.ok(await page.getByText('2014 (7 meetings)', { exact: true }).isVisible(), 'the year shown is marked');
	await look(t, 'a year of meetings', 'docs-calendar-2014');
	at = await period(t, 'next');
	t.equal(at.searchParams.get('year'), '2015', 'the next period of a year is the next year');

	await t.click('Accessibility statement');
	t.match(await page.textContent('h1'), /Accessibility statement/, 'the footer links the accessibility statement');
	t.ok(await page.getByText(/version 2\.2 at level AA/).isVisible(), 'it says what the pages aim at');
	await look(t, 'accessibility statement', 'docs-accessibility');
	await t.click('Privacy notice');
	t.ok(await page.getByText('e-mail addresses, for members', { exact: false }).isVisible(),
		'the privacy notice says what masa holds');
	await t.axe('privacy notice');
	await t.mobile();
}

async function businessUnit(t) {
	const page = await t.signIn(t.users.admin);
	await t.visit('/contact');
	await t.click('Edit the contact page');
	t.match(await page.textContent('h1'), /Edit the contact page/, 'the business unit opens the edit form');
	await look(t, 'contact page form', 'docs-contact-form');
	const text = `## Write to us\n\n${marker}\n\n- E-mail: lscb@rotherham.example`;
	await page.getByLabel('Text of the page').fill(text);
	await t.press('Preview');
	t.ok(await page.getByRole('heading', { name: 'Write to us' }).isVisible(), 'the preview shows the text');
	await t.press('Save');
	t.ok(await page.getByText('Saved: everyone now reads the page as you wrote it.').isVisible(), 'saved, and it says so');
	await t.signOut();

	await t.visit('/contact');
	t.ok(await page.getByText(marker).isVisible(), 'the public sees the changed contact page');
	t.equal(await page.getByText('[the business unit').count(), 0, 'and no longer the default');
	await look(t, 'changed contact page', 'docs-contact');
}

async function actionLogOnAPhone(t) {
	const page = await t.signIn(t.users.member);
	await t.visit('/bodies/RLSCB/actions');
	await page.setViewportSize({ width: 320, height: 640 });
	try {
		const cell = page.locator('td[data-label="Owners"]').first();
		t.ok(await cell.isVisible(), 'at 320px a row shows its owners');
		const label = await cell.evaluate((e) => getComputedStyle(e, '::before').content);
		t.equal(label, '"Owners: "', "the cell is labelled with its column's header");
		const head = await page.locator('thead').first().evaluate((e) => e.getBoundingClientRect().height);
		t.ok(head <= 1, 'the header row is hidden (its labels are on the cells)', [`height ${head}`]);
		const cells = await page.locator('tbody tr').first().locator('td:not(:empty)').evaluateAll(
			(tds) => tds.map((td) => Math.round(td.getBoundingClientRect().left)));
		t.ok(cells.length > 1 && new Set(cells).size === 1, 'the cells of a row are stacked', [`lefts ${cells}`]);
		await t.axe('action log at 320px');
		await t.shot('docs-action-log-320');
	} finally {
		await page.setViewportSize({ width: 1280, height: 800 });
	}
	await t.visit(meeting);
	t.ok(await page.getByRole('link', { name: 'RLSCB/2014-12-04/1', exact: true }).isVisible(),
		'a member signed in reads the same action as a link to its page');
	await t.mobile();
	await t.signOut();
}

export default async function (t) {
	await publicPages(t);
	await businessUnit(t);
	await actionLogOnAPhone(t);
}
