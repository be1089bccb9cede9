/** Files derived from rule metadata and the config schema must be current (`npm run gen` rewrites them). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configJsonSchema, docHeader, rulesTable } from '../scripts/generate.js';
import { allRules } from '../rules/src/rules/index.js';
import { configSchema } from '../rules/src/config/schema.js';

const root = path.resolve(import.meta.dirname, '..');

test('README rule table is generated from rule metadata', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const table = readme.split('<!-- begin rules table -->')[1]?.split('<!-- end rules table -->')[0]?.trim();
  assert.equal(table, rulesTable());
  for (const r of allRules) assert.ok(table.includes(`\`${r.meta.id}\``));
});

test('shipped config JSON Schema matches the zod schema', () => {
  const shipped = JSON.parse(fs.readFileSync(path.join(root, 'rules/config-schema.json'), 'utf8'));
  assert.deepEqual(shipped, JSON.parse(JSON.stringify(configJsonSchema())));
  assert.deepEqual(Object.keys(shipped.properties).sort(), Object.keys(configSchema.shape).sort());
});

test('doc page headers are generated from rule metadata', () => {
  for (const r of allRules) {
    const md = fs.readFileSync(path.join(root, 'docs/rules', `${r.meta.id}.md`), 'utf8');
    const header = md.split('<!-- begin generated -->')[1]?.split('<!-- end generated -->')[0];
    assert.equal(header?.trim(), docHeader(r.meta).trim(), `${r.meta.id}: run npm run gen`);
  }
});
