/**
 * Every rule through @typescript-eslint/rule-tester, with the typescript-eslint parser: the
 * focused cases of cases.ts (literal suggestion outputs) and the rule's doc examples, whose
 * expected errors, suggestions and fix output come from the engine on the same project. The
 * tester also checks that each fix and suggestion output still parses.
 *
 * Each case is a project on disk (the plugin reads the linted file's neighbours from disk, as it
 * does in CI); the linted file's text comes from the tester.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { RuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import { allRules } from '../../rules/src/rules/index.js';
import { AnalysisHost } from '../../rules/src/engine.js';
import { eslintFixes } from '../../rules/src/eslint/adapter.js';
import type { RuleOptions } from '../../rules/src/eslint/options.js';
import { isSourceFile } from '../../rules/src/project/files.js';
import type { Finding } from '../../rules/src/types.js';
import { parseMarks } from '../helpers/marks.js';
import { docExamples } from '../helpers/doc-examples.js';
import { focusedCases } from './cases.js';
import { applyEdits, plugin, writeProject } from './helpers.js';

RuleTester.afterAll = after;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

type Options = [RuleOptions?];
type Valid = ValidTestCase<Options>;
type Invalid = InvalidTestCase<'finding' | 'suggestion', Options>;

const ruleTester = new RuleTester();

function focused(ruleId: string): { valid: Valid[]; invalid: Invalid[] } {
  const valid: Valid[] = [];
  const invalid: Invalid[] = [];
  for (const c of focusedCases[ruleId] ?? []) {
    const dir = writeProject(c.files);
    const base: Valid = { name: c.name, code: c.files[c.lint], filename: path.join(dir, c.lint), ...(c.options && { options: [c.options] }), ...(c.settings && { settings: c.settings }) };
    if (!c.errors) {
      valid.push(base);
      continue;
    }
    invalid.push({
      ...base,
      output: c.output ?? null,
      errors: c.errors.map((e) => ({ messageId: 'finding', line: e.line, column: e.column, suggestions: (e.suggestions ?? []).map((output) => ({ messageId: 'suggestion', output })) })),
    });
  }
  return { valid, invalid };
}

/** What ESLint's fix loop makes of a file: the engine's safe fixes applied until none is left. */
function fixedByEngine(host: AnalysisHost, ruleId: string, file: string, text: string, fixable: boolean): string | null {
  if (!fixable) return null;
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    host.updateFile(file, current);
    const findings = host.analyze({ files: [file] }).findings.filter((f) => f.ruleId === ruleId);
    const edits: Array<{ start: number; end: number; newText: string }> = [];
    for (const f of findings) {
      const fix = eslintFixes(f, true).fix;
      // Like ESLint: fixes that overlap an earlier one wait for the next pass.
      if (fix && fix.edits.every((e) => edits.every((d) => e.end <= d.start || e.start >= d.end))) edits.push(...fix.edits);
    }
    if (edits.length === 0) break;
    current = applyEdits(current, edits);
  }
  return current === text ? null : current;
}

/** The rule's doc examples as tester cases: files with `ruleid` marks are invalid, the others valid. */
function fromDocs(ruleId: string): { valid: Valid[]; invalid: Invalid[] } {
  const valid: Valid[] = [];
  const invalid: Invalid[] = [];
  const fixable = plugin.rules[ruleId].meta?.fixable === 'code';
  for (const example of docExamples(ruleId)) {
    const dir = writeProject(example.files);
    const host = new AnalysisHost({ root: dir });
    host.loadFiles();
    const findings = host.analyze().findings.filter((f) => f.ruleId === ruleId);
    for (const [name, code] of Object.entries(example.files)) {
      if (!isSourceFile(name)) continue;
      const filename = path.posix.join(dir, name);
      const marked = parseMarks(filename, code).filter((m) => m.ruleId === ruleId && m.kind === 'ruleid');
      const mine = findings.filter((f) => f.range.file === filename);
      const caseName = `${example.name} ${name}`;
      if (marked.length === 0 && mine.length === 0) {
        valid.push({ name: caseName, code, filename });
        continue;
      }
      // The expected errors are the engine's; a mark the engine misses still fails, at its line.
      const errors = mine.length ? mine.map((f) => expectedError(f, code, fixable)) : marked.map((m) => ({ messageId: 'finding' as const, line: m.line }));
      invalid.push({ name: caseName, code, filename, errors, output: fixedByEngine(host, ruleId, filename, code, fixable) });
    }
  }
  return { valid, invalid };
}

function expectedError(f: Finding, code: string, fixable: boolean): Invalid['errors'][number] {
  return {
    messageId: 'finding',
    line: f.range.startPos.line,
    column: f.range.startPos.column,
    endLine: f.range.endPos.line,
    endColumn: f.range.endPos.column,
    suggestions: eslintFixes(f, fixable).suggestions.map((s) => ({ messageId: 'suggestion', data: { title: s.title }, output: applyEdits(code, s.edits) })),
  };
}

for (const { meta } of allRules) {
  const mine = focused(meta.id);
  const docs = fromDocs(meta.id);
  const valid = [...mine.valid, ...docs.valid];
  const invalid = [...mine.invalid, ...docs.invalid];
  it(`${meta.id} has valid and invalid cases`, () => {
    assert.ok(valid.length > 0 && invalid.length > 0, `no ${valid.length ? 'invalid' : 'valid'} case for ${meta.id}: add focused cases in test/eslint/cases.ts or examples to docs/rules/${meta.id}.md`);
  });
  ruleTester.run(meta.id, plugin.rules[meta.id] as never, { valid, invalid });
}
