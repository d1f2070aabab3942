// The action pages and the home page: the police partner lead updates an
// action their organisation owns; the business unit reads what is waiting,
// the action log (filtered, and as at a past date), a work programme and
// every body's counts; the chair reads the log.
//
// Only RLSCB/2014-06-05/10 is changed (one update in its history); no other
// flow reads that action's history.
const key = 'RLSCB/2014-06-05/10';
const note = 'Spreadsheet sent to the CSE Board secretary (browser test).';

// On a 320px phone: axe on the page as laid out there (a table that
// overflows must be a scrolling region a keyboard can reach), every table's
// title is readable without scrolling it, and the table named region,
// focused, scrolls sideways with the arrow keys.
async function narrow(t, name, region) {
	const page = t.page;
	await page.setViewportSize({ width: 320, height: 640 });
	try {
		await t.axe(`${name} at 320px`);
		const cut = await page.evaluate(() => [...document.querySelectorAll('caption')]
			.filter((c) => c.getBoundingClientRect().right > document.documentElement.clientWidth)
			.map((c) => c.textContent));
		t.ok(cut.length === 0, `${name}: every table's caption fits 320px`, cut.map((c) => `cut off: ${c}`));
		if (region) {
			const wrap = page.getByRole('region', { name: region, exact: true });
			if (!t.equal(await wrap.count(), 1, `the table "${region}" is a region of its own`))
				return;
			await wrap.focus();
			t.ok(await wrap.evaluate((e) => e === document.activeElement), `"${region}" takes keyboard focus`);
			// A table stacked as labelled rows on a phone has nothing to
			// scroll: it must then fit.
			const [scroll, client] = await wrap.evaluate((e) => [e.scrollWidth, e.clientWidth]);
			if (scroll <= client) {
				t.ok(true, `"${region}" is stacked at 320px and fits (${scroll}px)`);
				return;
			}
			await page.keyboard.press('ArrowRight');
			// Keyboard scrolling is animated: wait (a bounded poll, at each
			// frame) until it has moved.
			const moved = await page.waitForFunction((e) => e.scrollLeft > 0, await wrap.elementHandle(),
				{ polling: 'raf', timeout: 10000 }).then(() => true, (err) => err.message);
			t.ok(moved === true, 'and the arrow keys scroll it sideways at 320px',
				[`it did not scroll: ${moved}`]);
		}
	} finally {
		await page.setViewportSize({ width: 1280, height: 800 });
	}
}

// The partner lead: their organisation's actions on the home page, one
// action opened from there, an update posted and a mistaken one refused.
async function partner(t) {
	const page = await t.signIn(t.users.partner);
	t.ok(await page.getByRole('heading', { name: "My organisation's actions" }).isVisible(),
		'the home page shows the organisation\'s actions');
	t.ok(await page.getByRole('link', { name: key, exact: true }).first().isVisible(),
		`and lists ${key}`);
	await t.axe('partner home page');
	await t.shot('actions-partner-home');

	await t.click(key);
	t.equal(new URL(page.url()).pathname, `/actions/${key}`, 'the link opens the action page');
	t.match(await page.textContent('h1'), new RegExp(`Action ${key}`), 'the action page names the action');
	t.ok(await page.getByRole('heading', { name: 'Add an update' }).isVisible(), 'an owner is offered the update form');
	await t.axe('action page');
	await t.shot('actions-action');
	await t.mobile();

	await page.getByLabel('What has been done').fill(note);
	await page.getByRole('radio', { name: 'In progress', exact: true }).check();
	await t.press('Add update');
	const banner = page.locator('.govuk-notification-banner--success');
	t.ok(await banner.isVisible(), 'a success banner follows the update');
	t.match(await banner.textContent(), /Your update has been added to the history/, 'it says the update was added');
	const history = page.getByRole('table', { name: /Updates, oldest first/ });
	t.ok(await history.getByRole('cell', { name: note }).isVisible(), 'the update is in the history');
	t.ok(await history.getByText('In progress').isVisible(), 'with its new status');
	await t.axe('action page after an update');
	await t.shot('actions-action-updated');
	await narrow(t, 'action page', 'Updates, oldest first');

	// Neither text nor a new status: nothing to record.
	await page.getByRole('radio', { name: /^Keep it/ }).check();
	await t.press('Add update', { status: 400 });
	const summary = page.locator('.govuk-error-summary');
	t.ok(await summary.isVisible(), 'an empty update shows the error summary');
	t.match(await summary.textContent(), /Enter what has been done/, 'which says what to do');
	t.match(await page.title(), /^Error: /, 'the title begins "Error: "');
	t.equal(await page.getByRole('table', { name: /Updates, oldest first/ }).getByRole('cell', { name: note }).count(),
		1, 'and nothing more was recorded');
	await t.axe('action page with an error');
	await t.shot('actions-action-error');
	await t.signOut();
}

// The business unit: what is waiting, the log filtered and as at a date, a
// work programme and the counts of every body.
async function admin(t) {
	const page = await t.signIn(t.users.admin);
	t.ok(await page.getByRole('heading', { name: 'Waiting', exact: true }).isVisible(),
		'the business unit\'s home page has a Waiting section');
	t.ok(await page.getByRole('table', { name: /Open and overdue actions by organisation/ }).isVisible(),
		'with the open and overdue actions of each organisation');
	await t.axe('admin home page');
	await t.shot('actions-admin-home');

	await t.visit('/bodies/RLSCB/actions');
	t.match(await page.textContent('h1'), /Action log/, 'the action log has its heading');
	await t.axe('action log');
	await t.shot('actions-log');
	await t.mobile();
	await narrow(t, 'action log');

	await page.getByLabel('Show').selectOption('open');
	await page.getByLabel('Organisation').selectOption('south-yorkshire-police');
	await t.press('Apply filters');
	const search = new URL(page.url()).searchParams;
	t.equal(search.get('status'), 'open', 'the filter form asks for open actions');
	t.equal(search.get('organisation'), 'south-yorkshire-police', 'of the chosen organisation');
	t.ok(await page.getByRole('link', { name: key, exact: true }).isVisible(), `the filtered log lists ${key}`);
	await t.axe('filtered action log');
	await t.shot('actions-log-filtered');

	await t.visit('/bodies/RLSCB/actions?as_at=2014-12-04');
	t.match(await page.textContent('main'), /as at 4 December 2014/, 'the log as at a date says which');
	await t.axe('action log as at 4 December 2014');
	await t.shot('actions-log-as-at');
	await t.mobile();

	await t.visit('/bodies/ILSC/programme');
	t.match(await page.textContent('h1'), /programme/i, 'the work programme has its heading');
	await t.axe('work programme');
	await t.shot('actions-programme');
	await t.mobile();

	await t.visit('/actions');
	t.ok(await page.getByRole('table', { name: /Open and overdue actions by body/ }).isVisible(),
		'the actions page counts each body\'s actions');
	await t.axe('actions index');
	await t.shot('actions-index');
	await t.signOut();
}

// The chair reads the board's log.
async function chair(t) {
	const page = await t.signIn(t.users.chair);
	await t.visit('/bodies/RLSCB/actions');
	t.ok(await page.getByRole('table').first().isVisible(), 'the chair sees the log');
	t.ok(await page.getByRole('heading', { name: 'Add an update' }).count() === 0, 'and no update form on it');
	await t.axe('action log (chair)');
	await t.shot('actions-log-chair');
	await t.signOut();
}

export default async function (t) {
	await partner(t);
	await admin(t);
	await chair(t);
}
