/**
 * The Zero Trust KPIs: exact values on the fixture, decided by the rules' findings, unmeasured when
 * a rule is off; and the CLI: `scan --kpis` (text and json) and `inventory` in every format.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { Kpi } from '../../rules/src/inventory/index.js';
import { runInProcess } from '../cli/helpers.js';
import { writeProject } from '../cli/fixture.js';
import { EXAMPLE_ROOT, inventoryOfFiles, inventoryOfFolder } from './helpers.js';
import { FIXTURE_SECRET, INVENTORY_FIXTURE } from './fixture.js';

const summary = (kpis: Kpi[]) => Object.fromEntries(kpis.map((k) => [k.id, `${k.value}/${k.total}`]));
const failing = (k: Kpi | undefined) => k!.items.filter((i) => !i.ok).map((i) => i.name).sort();

test('fixture: every KPI as number, total and the items behind it', () => {
  const kpis = inventoryOfFiles(INVENTORY_FIXTURE).kpis;
  assert.deepEqual(summary(kpis), {
    // Ops and support share OPENAI_API_KEY; the legacy client has a key of its own (hard-coded, another rule's matter).
    'unique-identity': '1/3',
    // Ops has the shell tool; the generateText() call is handed fetchPage, runQuery and calculate.
    'scoped-tools': '0/2',
    // supportAgent.generate() gets the customer's e-mail address.
    'redacted-inputs': '0/1',
    // run() and the shell tool it runs are traced by @openai/agents; nothing else logs.
    'audit-logging': '2/9',
    'unrestricted-egress': '1/2',
  });
  const byId = new Map(kpis.map((k) => [k.id, k]));
  assert.deepEqual(failing(byId.get('unique-identity')), ['Ops', 'support']);
  assert.deepEqual(byId.get('unique-identity')!.items.find((i) => i.ok)?.name, 'openai client legacy');
  assert.deepEqual(failing(byId.get('scoped-tools')), ['Ops', 'generateText()']);
  assert.deepEqual(failing(byId.get('audit-logging')), ['calculate', 'fetchPage', 'generateText()', 'legacy.chat.completions.create()', 'runQuery', 'supportAgent.generate()', 'weather']);
  assert.deepEqual(failing(byId.get('unrestricted-egress')), ['URL computed at run time']);
  const egress = byId.get('unrestricted-egress')!;
  assert.equal(egress.higherIsBetter, false);
  assert.equal(egress.fraction, 0.5);
  for (const k of kpis) {
    assert.equal(k.measured, true);
    for (const i of k.items) assert.deepEqual(i.ok ? [] : [k.ruleId], i.ruleIds);
  }
});

test('examples/agent-app: KPI populations are exact; their failing items are the marked ones', () => {
  const kpis = new Map(inventoryOfFolder(EXAMPLE_ROOT).kpis.map((k) => [k.id, k]));
  const total = (id: string) => kpis.get(id as Kpi['id'])!.total;
  assert.equal(total('unique-identity'), 6, 'Billing, Support, researchAgent and the openai, anthropic and triage clients');
  assert.equal(total('scoped-tools'), 4, 'Support, researchAgent, the acme-orders MCP server and the generateText() call with tools');
  assert.equal(total('redacted-inputs'), 4, 'run(), generateText(), the /summary call and the triage call receive personal data or secrets');
  assert.equal(total('audit-logging'), 22, 'thirteen model calls and nine tools');
  assert.equal(total('unrestricted-egress'), 3, 'fetchPolicyPage, fetch_page and fetch_api make requests to computed URLs');
  assert.deepEqual(failing(kpis.get('unrestricted-egress')), ['URL computed at run time'], 'only fetch_page is unrestricted');
  assert.deepEqual(failing(kpis.get('unique-identity')), ['Billing', 'Support', 'openai client openai']);
  assert.deepEqual(failing(kpis.get('scoped-tools')), ['Support', 'acme-orders', 'generateText()']);
  assert.deepEqual(failing(kpis.get('redacted-inputs')), ['generateText()', 'triage.messages.create()']);
  assert.ok(['openai.chat.completions.create()', 'triage.messages.create()'].every((n) => failing(kpis.get('audit-logging')).includes(n)));
});

test('a KPI whose rule is off is not measured, not perfect', () => {
  const kpis = inventoryOfFiles(INVENTORY_FIXTURE, { rules: { 'no-unscoped-tools': { severity: 'off', options: {} } } }).kpis;
  const scoped = kpis.find((k) => k.id === 'scoped-tools')!;
  assert.equal(scoped.measured, false);
  assert.equal(kpis.find((k) => k.id === 'unique-identity')!.measured, true);
});

const project = writeProject(INVENTORY_FIXTURE, 'zta-inventory-');

test('scan --kpis prints the KPIs after the findings; json includes them', () => {
  const text = runInProcess(['scan', '--kpis'], { cwd: project });
  assert.equal(text.code, 1);
  assert.match(text.stdout, /\nZero Trust KPIs\n {2}Agents with a unique identity +1 of 3 \(33%\) +step 2, no-shared-agent-credentials\n {4}✖ Ops {2}agents\/ops\.ts:\d+:\d+\n/);
  assert.match(text.stdout, /Unrestricted egress paths +1 of 2 egress paths/);
  const json = JSON.parse(runInProcess(['scan', '--kpis', '--format', 'json'], { cwd: project }).stdout) as { kpis: Kpi[]; findings: unknown[] };
  assert.equal(json.findings.length > 0, true);
  assert.deepEqual(summary(json.kpis)['scoped-tools'], '0/2');
  assert.equal(JSON.parse(runInProcess(['scan', '--format', 'json'], { cwd: project }).stdout).kpis, undefined, 'only when asked');
  const sarif = runInProcess(['scan', '--kpis', '--format', 'sarif'], { cwd: project });
  assert.equal(sarif.code, 2);
  assert.match(sarif.stderr, /--kpis works with the text, json and html formats/);
});

test('inventory writes json, cyclonedx, mermaid and markdown, to stdout or a file, and never the secret', () => {
  const outputs: Record<string, RegExp> = { json: /^\{\n {2}"tool"/, cyclonedx: /"bomFormat": "CycloneDX"/, mermaid: /^flowchart LR\n/, markdown: /^# AI inventory: / };
  for (const [format, shape] of Object.entries(outputs)) {
    const r = runInProcess(['inventory', '--format', format], { cwd: project });
    assert.equal(r.code, 0, `${format}: ${r.stderr}`);
    assert.match(r.stdout, shape);
    assert.ok(!r.stdout.includes(FIXTURE_SECRET), `${format} shows the secret`);
  }
  assert.match(runInProcess(['inventory'], { cwd: project }).stdout, /"agents": \[/, 'json by default');
  const file = path.join(project, 'out/inventory.cdx.json');
  const r = runInProcess(['inventory', '.', '-f', 'cyclonedx', '-o', 'out/inventory.cdx.json'], { cwd: project });
  assert.equal(r.code, 0);
  assert.equal(r.stdout, '');
  assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).specVersion, '1.6');
});

test('inventory: --help, usage errors, and the command list', () => {
  const help = runInProcess(['inventory', '--help'], { cwd: project });
  assert.equal(help.code, 0);
  for (const word of ['--format', 'cyclonedx', 'mermaid', 'markdown', '--output', '--config']) assert.ok(help.stdout.includes(word), word);
  const bad = runInProcess(['inventory', '--format', 'xml'], { cwd: project });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /Unknown format "xml"\. Use one of: json, cyclonedx, mermaid, markdown\./);
  assert.match(runInProcess(['--help'], { cwd: project }).stdout, /\n {2}inventory +Write the AI inventory/);
});
