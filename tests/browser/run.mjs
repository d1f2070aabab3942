// Runs every tests/browser/flow_*.mjs in name order, each in a fresh browser
// context, against the masa server at MASA_URL, and prints TAP. A flow that
// throws counts as one failure (with its stack) and the next flow runs.
// Started by tests/browser/run.sh, which starts the server and sets up the
// accounts; `tests/run browser` runs that.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { Tap, launchBrowser, makeTest } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv[2]; // e.g. "signin" runs flow_signin.mjs alone
const flows = readdirSync(here)
	.filter((f) => /^flow_.*\.mjs$/.test(f))
	.filter((f) => !only || f === `flow_${only}.mjs`)
	.sort();

const tap = new Tap();
let browser;
try {
	browser = await launchBrowser();
} catch (err) {
	tap.result(false, 'Chromium starts', [err.stack || String(err)]);
	tap.plan();
	process.exit(1);
}

for (const file of flows) {
	const name = path.basename(file, '.mjs');
	tap.diag(name);
	let t = null;
	let completed = false;
	try {
		const flow = (await import(pathToFileURL(path.join(here, file)))).default;
		if (typeof flow !== 'function')
			throw new Error(`${file} has no default-exported async function (t)`);
		t = await makeTest(browser, tap, name);
		await flow(t);
		completed = true;
	} catch (err) {
		tap.result(false, `${name} ran to its end`, [err.stack || String(err)]);
	}
	// The errors of the last pages are checked even when the flow threw.
	if (t)
		await t.finish(completed).catch((err) => tap.result(false, `${name} closed`, [String(err)]));
}

await browser.close();
tap.plan();
process.exit(tap.failed > 0 ? 1 : 0);
