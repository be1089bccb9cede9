#!/usr/bin/env node
/**
 * Everything that follows from rule metadata and the config schema is generated here and checked
 * in CI (`--check` fails when a generated file is stale):
 *   rules/config-schema.json          JSON Schema of zero-trust-ai.config.json (from the zod schema)
 *   docs/rules/<id>.md header         between <!-- begin generated --> and <!-- end generated -->
 *   README.md rule table              between <!-- begin rules table --> and <!-- end rules table -->
 *   package.json zeroTrustAi.rules    the editor setting's keys: one severity enum per rule id
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { configSchema } from '../rules/src/config/schema.js';
import { allRules } from '../rules/src/rules/index.js';
import { docsUrl } from '../rules/src/rule.js';
import { ZERO_TRUST_STEPS, type RuleMeta } from '../rules/src/types.js';

const root = path.resolve(import.meta.dirname, '..');
const check = process.argv.includes('--check');
const stale: string[] = [];

function write(file: string, content: string) {
  const abs = path.join(root, file);
  const old = fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8') : undefined;
  if (old === content) return;
  if (check) stale.push(file);
  else fs.writeFileSync(abs, content);
}

function replaceBetween(text: string, begin: string, end: string, body: string): string {
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  if (i < 0 || j < 0 || j < i) throw new Error(`markers ${begin} … ${end} not found`);
  return text.slice(0, i + begin.length) + '\n' + body + '\n' + text.slice(j);
}

export function configJsonSchema(): object {
  const schema = z.toJSONSchema(configSchema, { target: 'draft-7' }) as Record<string, unknown>;
  const rules = allRules.map((r) => r.meta.id);
  // Rule ids are known at build time: give the editor completion for them.
  const props = schema.properties as Record<string, Record<string, unknown>>;
  props.rules = { ...props.rules, propertyNames: { enum: rules } };
  return { $id: 'https://zero-trust-ai.dev/config-schema.json', title: 'Zero Trust AI configuration', ...schema };
}

export function docHeader(meta: RuleMeta): string {
  const steps = meta.steps.map((s) => `${s} (${ZERO_TRUST_STEPS[s]})`).join(', ');
  return [
    '',
    `> ${meta.description}.`,
    '',
    `| | |`,
    `|---|---|`,
    `| Zero Trust step | ${steps} |`,
    `| OWASP | ${meta.owasp.join(', ')} |`,
    `| CWE | ${meta.cwe.map((c) => `[CWE-${c}](https://cwe.mitre.org/data/definitions/${c}.html)`).join(', ')} |`,
    `| Default severity | ${meta.defaultSeverity} |`,
    `| Preset | ${meta.preset} |`,
    `| Fix | ${meta.fixKind === 'fix' ? 'safe fix' : meta.fixKind === 'suggestion' ? 'suggestion' : 'none'} |`,
    `| Scope | ${meta.scope === 'project' ? 'project (follows data and identities across files)' : 'file'} |`,
    '',
  ].join('\n');
}

export function rulesTable(): string {
  const rows = allRules.map((r) => `| [\`${r.meta.id}\`](docs/rules/${r.meta.id}.md) | ${r.meta.description} | ${r.meta.steps.join(', ')} | ${r.meta.owasp.join(', ')} | ${r.meta.cwe.map((c) => `CWE-${c}`).join(', ')} | ${r.meta.defaultSeverity} | ${r.meta.fixKind === 'none' ? '' : r.meta.fixKind} |`);
  return ['| rule | what it checks | Zero Trust step | OWASP | CWE | default | fix |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}

/** The VS Code setting `zeroTrustAi.rules`: completion and validation for every rule id. */
export function rulesSetting(): Record<string, unknown> {
  const properties = Object.fromEntries(
    allRules.map((r) => [r.meta.id, { type: 'string', enum: ['error', 'warning', 'info', 'off'], markdownDescription: `${r.meta.description} (default: \`${r.meta.defaultSeverity}\`).` }]),
  );
  return { properties, additionalProperties: false };
}

function main() {
  write('rules/config-schema.json', JSON.stringify(configJsonSchema(), null, 2) + '\n');
  for (const rule of allRules) {
    const file = `docs/rules/${rule.meta.id}.md`;
    const abs = path.join(root, file);
    if (!fs.existsSync(abs)) {
      stale.push(`${file} (missing)`);
      continue;
    }
    const text = fs.readFileSync(abs, 'utf8');
    write(file, replaceBetween(text, '<!-- begin generated -->', '<!-- end generated -->', docHeader(rule.meta)));
  }
  const pkgText = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
  const pkg = JSON.parse(pkgText);
  const setting = pkg.contributes?.configuration?.properties?.['zeroTrustAi.rules'];
  if (setting) {
    Object.assign(setting, rulesSetting());
    write('package.json', JSON.stringify(pkg, null, 2) + '\n');
  }
  const readme = path.join(root, 'README.md');
  if (fs.existsSync(readme)) write('README.md', replaceBetween(fs.readFileSync(readme, 'utf8'), '<!-- begin rules table -->', '<!-- end rules table -->', rulesTable()));
  if (stale.length) {
    console.error(`Generated files are out of date (run \`npm run gen\`):\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
  console.log(check ? 'generated files are up to date' : 'generated files written');
  void docsUrl;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
