/**
 * `--format sarif` against the SARIF 2.1.0 JSON schema (the OASIS schema as published by
 * Microsoft's SARIF SDK team in @microsoft/jest-sarif: lib/schemas/sarif-2.1.0-rtm.5.json, a
 * draft-04 schema, hence ajv-draft-04), plus what the schema cannot check: rules[] from metadata,
 * relative uris, 1-based regions that agree with the JSON report, flows, fixes, fingerprints.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { allRules } from '../../rules/src/rules/index.js';
import { docsUrl } from '../../rules/src/rule.js';
import { FIXTURE, SECRET, writeProject } from './fixture.js';
import { runInProcess } from './helpers.js';

const schemaFile = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
// The schema's `language` pattern is not valid with the `u` flag (`[a-zA-Z]{2}]?`); plain RegExp reads it as intended.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));

function assertValid(log: unknown) {
  const ok = validate(log);
  assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
}

const project = writeProject();
const sarifOf = (args: string[] = [], cwd = project) => {
  const r = runInProcess(['scan', '--format', 'sarif', ...args], { cwd });
  return { ...r, log: JSON.parse(r.stdout) };
};

test('the validator rejects a broken log (the schema is really applied)', () => {
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ ruleId: 'a', level: 'loud' }] }] }), false);
});

test('the SARIF log validates against the SARIF 2.1.0 schema', () => {
  const { code, log } = sarifOf();
  assert.equal(code, 1);
  assertValid(log);
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
});

test('tool.driver.rules[] carries every rule with help, helpUri and security metadata', () => {
  const { driver } = sarifOf().log.runs[0].tool;
  assert.equal(driver.name, 'zero-trust-ai');
  assert.match(driver.version, /^\d+\.\d+\.\d+/);
  assert.ok(driver.informationUri.startsWith('https://'));
  assert.deepEqual(
    driver.rules.map((r: { id: string }) => r.id),
    allRules.map((r) => r.meta.id),
  );
  for (const [i, rule] of driver.rules.entries()) {
    const meta = allRules[i].meta;
    assert.equal(rule.helpUri, docsUrl(meta.id));
    assert.equal(rule.shortDescription.text, `${meta.description}.`);
    assert.equal(rule.fullDescription.text, meta.rationale);
    assert.ok(rule.help.text.includes(meta.rationale) && rule.help.markdown.includes(`](${docsUrl(meta.id)})`));
    assert.match(rule.name, /^[A-Z][A-Za-z]+$/);
    for (const cwe of meta.cwe) assert.ok(rule.properties.tags.includes(`external/cwe/cwe-${cwe}`), `${meta.id} CWE-${cwe}`);
    for (const owasp of meta.owasp) assert.ok(rule.properties.tags.includes(`external/owasp/${owasp}`), `${meta.id} ${owasp}`);
    assert.match(rule.properties['security-severity'], /^\d+\.\d$/);
    assert.ok(['very-high', 'high', 'medium', 'low'].includes(rule.properties.precision));
    assert.equal(rule.defaultConfiguration.enabled, true);
  }
});

test('results: bare rule ids, ruleIndex, levels, uris relative to %SRCROOT%, 1-based regions equal to the JSON report', () => {
  const { log } = sarifOf();
  const run = log.runs[0];
  const json = JSON.parse(runInProcess(['scan', '--format', 'json'], { cwd: project }).stdout);
  assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: pathToFileURL(project).href + '/' } });
  assert.equal(run.results.length, json.findings.length);
  run.results.forEach((r: any, i: number) => {
    const f = json.findings[i];
    assert.equal(r.ruleId, f.ruleId);
    assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
    assert.equal(r.level, f.severity === 'info' ? 'note' : f.severity);
    assert.equal(r.message.text, f.message);
    const loc = r.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.equal(decodeURIComponent(loc.artifactLocation.uri), f.file);
    assert.deepEqual(loc.region, { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn, charOffset: f.start, charLength: f.end - f.start });
    assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1);
  });
  const uris = run.results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri);
  assert.ok(uris.includes('src/tools/shell%20tool.ts'));
  assert.ok(uris.every((u: string) => !u.startsWith('/') && !u.startsWith('file:')));
});

test('related locations, code flows, fixes and fingerprints', () => {
  const { results } = sarifOf().log.runs[0];
  const shared = results.find((r: any) => r.ruleId === 'no-shared-agent-credentials');
  assert.equal(shared.relatedLocations[0].id, 1);
  assert.match(shared.relatedLocations[0].physicalLocation.artifactLocation.uri, /^src\/agents\/(billing|support)\.ts$/);
  assert.ok(shared.relatedLocations[0].message.text);

  const tool = results.find((r: any) => r.ruleId === 'no-unscoped-tools');
  const steps = tool.codeFlows[0].threadFlows[0].locations;
  assert.ok(steps.length >= 2);
  assert.deepEqual(
    steps.map((s: any) => s.executionOrder),
    steps.map((_: unknown, i: number) => i + 1),
  );
  assert.ok(steps.every((s: any) => s.location.message.text && s.location.physicalLocation.region.startLine >= 1));

  const key = results.find((r: any) => r.ruleId === 'no-hardcoded-credentials');
  const change = key.fixes[0].artifactChanges[0];
  assert.equal(change.artifactLocation.uri, 'src/lib/clients.ts');
  const { charOffset, charLength } = change.replacements[0].deletedRegion;
  const text = FIXTURE['src/lib/clients.ts'];
  assert.equal(text.slice(charOffset, charOffset + charLength), `'${SECRET}'`);
  assert.equal(change.replacements[0].insertedContent.text, 'process.env.OPENAI_API_KEY');

  const prints = results.map((r: any) => r.partialFingerprints['zeroTrustAi/v1']);
  assert.equal(new Set(prints).size, prints.length);
  // Stable when unrelated lines move the findings.
  const shifted = writeProject({ ...FIXTURE, 'src/lib/clients.ts': `// header\n\n${FIXTURE['src/lib/clients.ts']}` });
  const again = sarifOf([], shifted).log.runs[0].results.map((r: any) => r.partialFingerprints['zeroTrustAi/v1']);
  assert.deepEqual(again, prints);
});

test('a run with notices (bad config, skipped file) and a disabled rule still validates', () => {
  const dir = writeProject({
    ...FIXTURE,
    'zero-trust-ai.config.json': '{ "rules": { "no-hardcoded-credentials": "off", "no-unscoped-tools": "info" }, "bogus": true }',
    'bin.ts': '\u0000\u0001binary',
  });
  const { code, log } = sarifOf([], dir);
  assert.equal(code, 2);
  assertValid(log);
  const run = log.runs[0];
  const notes = run.invocations[0].toolExecutionNotifications;
  assert.ok(notes.some((n: any) => n.level === 'warning' && /Unknown key "bogus"/.test(n.message.text)));
  assert.ok(notes.some((n: any) => n.level === 'note' && n.locations[0].physicalLocation.artifactLocation.uri === 'bin.ts'));
  const off = run.tool.driver.rules.find((r: any) => r.id === 'no-hardcoded-credentials');
  assert.deepEqual(off.defaultConfiguration, { enabled: false, level: 'error' });
  assert.ok(run.results.some((r: any) => r.ruleId === 'no-unscoped-tools' && r.level === 'note'));
  assert.ok(!run.results.some((r: any) => r.ruleId === 'no-hardcoded-credentials'));
});

test('an empty scan is a valid log too', () => {
  const dir = writeProject({ 'README.md': '# nothing to scan' });
  const { code, log, stderr } = sarifOf([], dir);
  assert.equal(code, 0);
  assertValid(log);
  assert.deepEqual(log.runs[0].results, []);
  assert.match(stderr, /No TypeScript or JavaScript files found/);
});

test('sarif written with --output matches stdout', () => {
  const out = path.join(project, 'out.sarif');
  runInProcess(['scan', '-f', 'sarif', '-o', out], { cwd: project });
  assertValid(JSON.parse(fs.readFileSync(out, 'utf8')));
  fs.rmSync(out);
});
