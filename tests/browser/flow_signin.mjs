// Signing in and out as the business unit's admin, and a wrong password.
export default async function (t) {
	const admin = t.users.admin;

	const page = await t.visit('/sign-in');
	await t.axe('sign-in page');
	await t.shot('signin-form');
	await t.mobile();

	await page.locator('input[name="username"]').fill(admin);
	await page.locator('input[name="password"]').fill(`${t.password}-wrong`);
	await t.press('Sign in', { status: 400 });
	t.ok(await page.locator('.govuk-error-summary').isVisible(), 'a wrong password shows an error summary');
	t.ok(!(await t.context.cookies()).some((c) => c.name === '__Host-masa'), 'and gives no session cookie');
	await t.axe('sign-in page with an error');

	await t.signIn(admin);
	t.ok(await page.getByText(admin, { exact: false }).first().isVisible(), `the page says ${admin} is signed in`);
	t.ok(await page.getByRole('button', { name: 'Sign out' }).isVisible(), 'and offers to sign out');
	const cookie = (await t.context.cookies()).find((c) => c.name === '__Host-masa') || {};
	t.ok(cookie.httpOnly, 'the session cookie is HttpOnly');
	t.ok(cookie.secure, 'the session cookie is Secure');
	t.equal(cookie.sameSite, 'Lax', 'the session cookie is SameSite=Lax');
	t.equal(cookie.path, '/', 'the session cookie is for the whole site');
	t.ok(!(await page.evaluate(() => document.cookie)).includes('__Host-masa'), 'scripts cannot read the session cookie');
	await t.axe('signed in home page');
	await t.shot('signin-signed-in');

	await t.signOut();
	t.ok(!(await page.getByRole('button', { name: 'Sign out' }).isVisible()), 'signed out, the page offers no sign-out');
}
