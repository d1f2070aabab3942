// Checks masa's OpenAPI document and live responses against it.
//
//   node tests/api/validate.mjs OPENAPI.json SAMPLES.tsv
//
// OPENAPI.json is the document as the server served it; it must be a valid
// OpenAPI 3.1 document (@seriousme/openapi-schema-validator). SAMPLES.tsv
// has one response a test made per line: METHOD, path with query, status
// and the file holding the body, separated by tabs. Each body must match
// the schema the document declares for that path, method, status and
// application/json (validated with Ajv's JSON Schema 2020-12, the dialect of
// OpenAPI 3.1). Prints one line per check, "ok - ..." or "not ok - ...",
// for tests/cli/test_api.sh to count.
import { readFileSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [specFile, samplesFile] = process.argv.slice(2);
if (!specFile || !samplesFile) {
	console.error("usage: validate.mjs OPENAPI.json SAMPLES.tsv");
	process.exit(2);
}

const spec = JSON.parse(readFileSync(specFile, "utf8"));
const validator = new Validator();
const result = await validator.validate(spec);
if (result.valid && validator.version.startsWith("3.1")) {
	console.log(`ok - the document is valid OpenAPI ${validator.version}`);
} else {
	console.log(`not ok - the document is valid OpenAPI 3.1 (version ${validator.version})`);
	console.log(`# ${JSON.stringify(result.errors).slice(0, 2000)}`);
	process.exit(0);
}
const resolved = validator.resolveRefs();

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const compiled = new Map();

// The path template that matches path, preferring more literal segments
// ("/actions/{body}/{standing}/updates" over "/actions/{body}/{date}/{number}").
function template(path) {
	const segs = path.split("/");
	let best = null;
	let bestLiterals = -1;
	for (const t of Object.keys(resolved.paths)) {
		const ts = t.split("/");
		if (ts.length !== segs.length) continue;
		let literals = 0;
		let match = true;
		for (let i = 0; i < ts.length; i++) {
			if (/^\{.+\}$/.test(ts[i])) {
				if (segs[i] === "") match = false;
			} else if (ts[i] === segs[i]) {
				literals++;
			} else {
				match = false;
			}
		}
		if (match && literals > bestLiterals) {
			best = t;
			bestLiterals = literals;
		}
	}
	return best;
}

for (const line of readFileSync(samplesFile, "utf8").split("\n")) {
	if (line.trim() === "") continue;
	const [method, url, status, file] = line.split("\t");
	const name = `${method} ${url} ${status} matches the document`;
	const path = decodeURIComponent(url.split("?")[0]);
	const t = template(path);
	const op = t && resolved.paths[t][method.toLowerCase()];
	const response = op && (op.responses[status] || op.responses.default);
	const schema = response?.content?.["application/json"]?.schema;
	if (!schema) {
		console.log(`not ok - ${name}`);
		console.log(`# no schema for ${method} ${t ?? path} ${status}`);
		continue;
	}
	let body;
	try {
		body = JSON.parse(readFileSync(file, "utf8"));
	} catch (e) {
		console.log(`not ok - ${name}`);
		console.log(`# the body is not JSON: ${e.message}`);
		continue;
	}
	const key = `${t} ${method} ${status}`;
	if (!compiled.has(key)) compiled.set(key, ajv.compile(schema));
	const validate = compiled.get(key);
	if (validate(body)) {
		console.log(`ok - ${name}`);
	} else {
		console.log(`not ok - ${name}`);
		for (const e of validate.errors.slice(0, 5))
			console.log(`# ${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
	}
}
