// The harness of masa's browser tests: Chromium (through playwright-core)
// against a masa server that tests/browser/run.sh started, with TAP output.
//
// A flow file (tests/browser/flow_*.mjs) default-exports an async function
// that gets a `t` (see makeTest below and docs/testing.md): it visits pages,
// asserts what they show, runs axe on them and takes screenshots. Every
// assertion prints one TAP line. Every page a flow visits is also checked for
// console errors and Content-Security-Policy violations.
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { inspect } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const axeSource = readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const screenshotDir = path.join(root, 'build/screenshots');
const desktop = { width: 1280, height: 800 };
const mobileWidth = 320;

// Without the background-networking flags Chromium tries to reach Google's
// services, and this machine refuses every outside connection.
export function launchBrowser() {
	return chromium.launch({
		executablePath: process.env.MASA_CHROMIUM || '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
			'--no-first-run', '--disable-background-networking',
			'--disable-component-update', '--disable-sync'],
	});
}

// TAP output shared by every flow of a run: one numbering, one count of
// failures.
export class Tap {
	constructor() {
		this.count = 0;
		this.failed = 0;
	}
	diag(text) {
		for (const line of String(text).split('\n'))
			console.log(`# ${line}`);
	}
	result(pass, name, diagnostics = []) {
		this.count++;
		if (!pass)
			this.failed++;
		console.log(`${pass ? 'ok' : 'not ok'} ${this.count} - ${name}`);
		if (!pass)
			for (const d of diagnostics)
				this.diag(d);
		return pass;
	}
	plan() {
		console.log(`1..${this.count}`);
	}
}

// The users run.sh created: MASA_USERS is "role=username ..." and all share
// MASA_PASSWORD.
function usersFromEnv() {
	const users = {};
	for (const pair of (process.env.MASA_USERS || '').split(/\s+/)) {
		const [role, username] = pair.split('=');
		if (role && username)
			users[role] = username;
	}
	return users;
}

// Makes the `t` of one flow, with its own browser context (fresh cookies and
// storage) and one page. The runner calls t.finish() after the flow.
export async function makeTest(browser, tap, flowName) {
	const context = await browser.newContext({ viewport: desktop });
	context.setDefaultTimeout(10000);
	// Reports CSP violations on the console too, where they are collected
	// with every other error.
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'}`);
		});
	});
	const page = await context.newPage();
	let errors = [];
	let seen = []; // the pages whose errors are being collected
	let allowedStatus = null; // an error status that visit() expected
	let mobileChecked = false;
	page.on('console', (msg) => {
		if (msg.type() !== 'error')
			return;
		const where = msg.location().url;
		// Chromium logs an error status of the page itself; visit() asserts
		// the status, so an expected 404 is not a console error.
		if (allowedStatus && where === page.url() && msg.text().includes(`status of ${allowedStatus}`))
			return;
		// Chromium asks for /favicon.ico by itself, whatever the page says.
		if (where.endsWith('/favicon.ico'))
			return;
		errors.push(`console: ${msg.text()}${where ? ` (${where})` : ''}`);
	});
	page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));

	const baseUrl = (process.env.MASA_URL || '').replace(/\/$/, '');
	const here = () => {
		const u = new URL(page.url());
		return u.pathname + u.search;
	};

	// Asserts that the pages seen since the last visit() logged no error.
	const checkErrors = () => {
		if (seen.length > 0)
			t.ok(errors.length === 0, `no console errors or CSP violations on ${seen.join(' then ')}`, errors);
		errors = [];
		seen = [];
	};
	// Clicks, waits for the page that follows and returns its response
	// (whose status, when an error, is expected).
	const clickThrough = async (locator, status = 200) => {
		allowedStatus = status >= 400 ? status : null;
		const [response] = await Promise.all([page.waitForNavigation(), locator.click()]);
		seen.push(here());
		return response;
	};

	const follow = async (role, name, { status = 200 } = {}) => {
		const target = page.getByRole(role, { name, exact: true });
		if ((await target.count()) === 0)
			throw new Error(`no ${role} named "${name}" on ${here()}`);
		const response = await clickThrough(target.first(), status);
		t.equal(response ? response.status() : 0, status, `${role} "${name}" leads to ${here()} (${status})`);
		return page;
	};

	const t = {
		url: baseUrl,
		page,
		context,
		users: usersFromEnv(),
		password: process.env.MASA_PASSWORD || '',
		flow: flowName,

		ok(cond, name, diagnostics = []) {
			return tap.result(Boolean(cond), name, [].concat(diagnostics));
		},
		equal(got, want, name) {
			return tap.result(Object.is(got, want), name,
				[`got:  ${inspect(got)}`, `want: ${inspect(want)}`]);
		},
		match(text, pattern, name) {
			return tap.result(pattern.test(text), name,
				[`${inspect(String(text).slice(0, 300))} does not match ${pattern}`]);
		},
		diag(text) {
			tap.diag(text);
		},
		// Opens path (relative to the server) and asserts its HTTP status
		// (200 unless options.status says otherwise); returns the page.
		async visit(pathname, { status = 200 } = {}) {
			checkErrors();
			allowedStatus = status >= 400 ? status : null;
			seen.push(pathname);
			const response = await page.goto(baseUrl + pathname);
			t.equal(response ? response.status() : 0, status, `GET ${pathname} is ${status}`);
			return page;
		},

		// Follows the link named name (its text), or presses the button
		// named name (submitting its form), and asserts the status of the
		// page that follows; returns the page.
		async click(name, options) {
			return follow('link', name, options);
		},
		async press(name, options) {
			return follow('button', name, options);
		},

		// Runs axe-core on the page and asserts that it finds no violation.
		async axe(name) {
			// Evaluated, not added as a <script>: masa's CSP allows no
			// inline scripts.
			if (!(await page.evaluate(() => typeof window.axe !== 'undefined')))
				await page.evaluate(axeSource);
			const violations = await page.evaluate(async (tags) => {
				const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
				return result.violations.map((v) => ({
					id: v.id, impact: v.impact, help: v.help,
					targets: v.nodes.map((n) => n.target.join(' ')),
				}));
			}, axeTags);
			return t.ok(violations.length === 0, `axe finds no violations: ${name}`,
				violations.map((v) => `${v.id} (${v.impact}): ${v.help}; at ${v.targets.slice(0, 5).join(', ')}`));
		},

		// Saves a full-page screenshot as build/screenshots/NAME.png.
		async shot(name) {
			mkdirSync(screenshotDir, { recursive: true });
			const file = path.join(screenshotDir, `${name}.png`);
			await page.screenshot({ path: file, fullPage: true });
			let size = 0;
			try {
				size = statSync(file).size;
			} catch {
				// size stays 0: the assertion below fails.
			}
			return t.ok(size > 2000, `screenshot ${name}.png (${size} bytes)`);
		},

		// Asserts that the current page fits a 320px-wide phone without
		// horizontal scrolling. Every flow calls it at least once.
		async mobile() {
			mobileChecked = true;
			await page.setViewportSize({ width: mobileWidth, height: 640 });
			const width = await page.evaluate(() => document.documentElement.scrollWidth);
			await page.setViewportSize(desktop);
			return t.ok(width <= mobileWidth, `${here()} fits ${mobileWidth}px without scrolling sideways`,
				[`scrollWidth is ${width}`]);
		},

		// Signs in through the sign-in form; the password defaults to the
		// one run.sh gave every account.
		async signIn(username, password = t.password) {
			await t.visit('/sign-in');
			await page.locator('input[name="username"]').fill(username);
			await page.locator('input[name="password"]').fill(password);
			await clickThrough(page.getByRole('button', { name: 'Sign in', exact: true }));
			const cookies = await context.cookies();
			t.ok(cookies.some((c) => c.name === '__Host-masa'), `signed in as ${username}`,
				[`now at ${here()}`, `cookies: ${cookies.map((c) => c.name).join(', ') || 'none'}`]);
			return page;
		},

		// Signs out with the "Sign out" button (of the current page, or of
		// the home page when the current one has none).
		async signOut() {
			const button = page.getByRole('button', { name: 'Sign out', exact: true });
			if ((await button.count()) === 0)
				await t.visit('/');
			await clickThrough(button.first());
			const cookies = await context.cookies();
			t.ok(!cookies.some((c) => c.name === '__Host-masa'), 'signed out: the session cookie is gone',
				[`now at ${here()}`]);
			return page;
		},

		// Called by the runner after the flow (completed: it returned).
		async finish(completed) {
			checkErrors();
			if (completed && !mobileChecked)
				t.ok(false, `${flowName} checks a page at ${mobileWidth}px (t.mobile())`);
			await context.close();
		},
	};
	return t;
}
