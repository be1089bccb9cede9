/**
 * A rule's case table: small projects whose `// ruleid:` and `// ok:` marks say what the rule must
 * and must not report (see marks.ts). Every rule test file runs its table the same way.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ResolvedConfig } from '../../rules/src/config/load.js';
import { expectMarks, parseMarks } from './marks.js';

export interface MarkedCase {
  name: string;
  files: Record<string, string>;
  /** Config text (JSON) or fields of the resolved config the case runs with. */
  config?: string | Partial<ResolvedConfig>;
}

/** One test per case: the rule's findings match the case's marks exactly. */
export function testMarkedCases(ruleId: string, cases: readonly MarkedCase[]): void {
  for (const c of cases) test(c.name, () => void expectMarks(c.files, ruleId, c.config));
}

/** The table keeps at least `min` marks of each kind for the rule: every supported shape has its case. */
export function testCaseTableSize(ruleId: string, cases: readonly MarkedCase[], min: number): void {
  test('the case table holds many invalid and valid cases', () => {
    const marks = cases.flatMap((c) => Object.entries(c.files).flatMap(([name, text]) => parseMarks(name, text))).filter((m) => m.ruleId === ruleId);
    const invalid = marks.filter((m) => m.kind === 'ruleid').length;
    const valid = marks.length - invalid;
    assert.ok(invalid >= min && valid >= min, `${invalid} invalid and ${valid} valid marks; the table needs ${min} of each`);
  });
}
