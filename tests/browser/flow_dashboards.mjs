// The dashboards of child deaths and reviews: the public opens the child
// death figures of 2023-24 (small numbers read "fewer than 6", drawn as
// hatched bars), changes the period with the date fields, and opens the
// reviews dashboard; the chair signs in and sees the exact figures. axe on
// each, and the pages at 320px.
//
// The demo has no child deaths: 22 fictional ones of rotherham's panel
// (CDOP) are added to the database first (no other flow reads them).
import { execFileSync } from 'node:child_process';

const deaths = [
	// reference, died on, category, modifiable, expected, age band, theme
	...[1, 2, 3].map((i) => [`SUDI-23-${i}`, `2023-0${i + 4}-10`, 10, 'yes', 0, '28-364d', 'safe-sleeping']),
	...Array.from({ length: 12 }, (_, i) => [`PN-23-${i + 1}`, `2023-${String(i % 9 + 4).padStart(2, '0')}-15`, 8, 'no', 1, '0-27d', null]),
	...Array.from({ length: 7 }, (_, i) => [`CM-22-${i + 1}`, `2022-${String(i + 4).padStart(2, '0')}-20`, 7, 'no', 1, '1-4', null]),
];

function addDeaths() {
	const sql = ['BEGIN;'];
	for (const [ref, died, cat, mod, expected, age, theme] of deaths) {
		sql.push(`INSERT INTO child_death (partnership_id, panel_body_id, reference, age_band, died_on, expected,
			category, modifiable) SELECT p.id, b.id, '${ref}', '${age}', '${died}', ${expected}, ${cat}, '${mod}'
			FROM partnership p JOIN body b ON b.partnership_id = p.id AND b.short_name = 'CDOP'
			WHERE p.key = 'rotherham';`);
		if (theme)
			sql.push(`INSERT INTO child_death_theme (child_death_id, theme_id) SELECT cd.id, t.id FROM child_death cd,
				cdr_theme t WHERE cd.reference = '${ref}' AND t.key = '${theme}' AND t.body_id IS NULL;`);
	}
	sql.push('COMMIT;');
	execFileSync('sqlite3', [process.env.MASA_DB], { input: sql.join('\n') });
}

export default async function (t) {
	addDeaths();
	let page = await t.visit('/child-deaths/dashboard?from=2023-04-01&to=2024-03-31');
	t.match(await page.title(), /Child death figures/, 'the public opens the child death figures');
	const cell = (set, row) => page.locator(`#set-${set} ~ div table tr`, { hasText: row }).locator('td').last();
	t.equal((await cell('category', '10. Sudden unexpected').textContent()).trim(), 'fewer than 6',
		'the public reads 3 sudden unexpected deaths as fewer than 6');
	t.equal((await cell('category', '8. Perinatal').textContent()).trim(), 'not shown',
		'12 perinatal deaths are withheld with them, so that the total gives neither back');
	t.equal((await cell('category', 'Total').textContent()).trim(), '15', 'the total is shown');
	t.equal((await cell('theme', 'Safe sleeping').textContent()).trim(), 'fewer than 6',
		'the safe sleeping theme is suppressed for the public');
	t.ok(await page.locator('svg[role="img"] rect[fill^="url(#chart-"]').count() > 0,
		'a suppressed value is drawn as a hatched bar');
	t.ok(await page.getByText('so that no child can be recognised').isVisible(), 'the page says why numbers are hidden');
	await t.axe('child death figures, the public');
	await t.shot('dashboard-child-deaths-public');
	await t.mobile();
	// At 320px the charts scale down to the column and their text stays readable.
	await page.setViewportSize({ width: 320, height: 640 });
	const fontPx = await page.locator('svg.masa-chart text').first().evaluate((e) => e.getBoundingClientRect().height);
	t.ok(fontPx >= 10, `chart labels are readable at 320px (${fontPx.toFixed(1)}px high)`);
	await t.shot('dashboard-child-deaths-320');
	await t.axe('child death figures at 320px');
	await page.setViewportSize({ width: 1280, height: 800 });

	// The period changed with the GOV.UK date fields.
	await page.locator('#from-year').fill('2022');
	await page.locator('#to-year').fill('2023');
	await t.press('Show the figures');
	t.ok(await page.getByText('Child deaths from 1 April 2022 to 31 March 2023').isVisible(),
		'the period changes to 2022-23');
	t.equal((await cell('category', '7. Chromosomal').textContent()).trim(), '7', 'with its 7 deaths of category 7');

	// A period ending before it starts: the error summary, the fields kept.
	await page.locator('#to-year').fill('2021');
	await t.press('Show the figures', { status: 400 });
	t.ok(await page.locator('.govuk-error-summary').getByText('must not be after its end').isVisible(),
		'a period ending before it starts is refused with a message');
	t.equal(await page.locator('#to-year').inputValue(), '2021', 'and the year typed is kept');
	await t.axe('child death figures with an error');

	page = await t.visit('/reviews/dashboard');
	t.ok(await page.getByRole('heading', { name: 'Notifications to the national panel (within 5 working days)' }).isVisible(),
		'the public opens the reviews dashboard');
	await t.axe('practice review figures, the public');
	await t.mobile();

	// The chair sees the exact figures.
	await t.signIn('chair');
	page = await t.visit('/child-deaths/dashboard?from=2023-04-01&to=2024-03-31');
	t.ok(await page.getByText('You see the exact figures').isVisible(), 'the chair is told the figures are exact');
	t.equal((await cell('category', '10. Sudden unexpected').textContent()).trim(), '3',
		'the chair reads the 3 sudden unexpected deaths');
	t.equal((await cell('theme', 'Safe sleeping').textContent()).trim(), '3', 'and the safe sleeping theme');
	await t.axe('child death figures, the chair');
	await t.shot('dashboard-child-deaths-chair');
	await t.mobile();
	await t.signOut();
}
