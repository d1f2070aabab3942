// Signed out: the home page, the stylesheet and the page for an unknown path.
export default async function (t) {
	const page = await t.visit('/');
	t.match(await page.title(), /Rotherham Safeguarding Children Partnership/, 'the home page names the partnership');
	t.ok(await page.getByRole('heading', { level: 1 }).isVisible(), 'the home page has a visible heading');
	// Without masa.css a body has the browser's 8px margin.
	const margin = await page.evaluate(() => getComputedStyle(document.body).margin);
	t.equal(margin, '0px', 'masa.css is applied (the body has no margin)');
	await t.axe('home page');
	await t.shot('public-home');
	await t.mobile();

	const css = await t.context.request.get(`${t.url}/static/masa.css`);
	t.equal(css.status(), 200, 'GET /static/masa.css is 200');
	t.match(css.headers()['content-type'] || '', /^text\/css/, 'masa.css is served as text/css');

	await t.visit('/no/such/page', { status: 404 });
	t.ok(await page.getByText('Page not found').first().isVisible(), 'the 404 page says the page was not found');
	await t.axe('404 page');
	await t.shot('public-404');
}
