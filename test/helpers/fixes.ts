/**
 * Fixes are verified mechanically (eslint's fuzzer idea): applied to the fixture, the code still
 * parses, the finding is gone, and analyzing and fixing again changes nothing at that spot.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { ts } from 'ts-morph';
import type { ResolvedConfig } from '../../rules/src/config/load.js';
import type { Finding, FindingFix } from '../../rules/src/types.js';
import { analyzeFiles, VIRTUAL_ROOT } from './marks.js';

/** Applies a fix's edits (absolute paths under the virtual root) to in-memory files. */
export function applyFix(files: Record<string, string>, fix: FindingFix, root = VIRTUAL_ROOT): Record<string, string> {
  const out = { ...files };
  const byFile = new Map<string, FindingFix['edits']>();
  for (const e of fix.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const [file, edits] of byFile) {
    const name = path.posix.relative(root, file);
    assert.ok(name in out, `fix edits a file of the fixture: ${file}`);
    let text = out[name];
    for (const e of [...edits].sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
    out[name] = text;
  }
  return out;
}

/** Syntax errors of a file, as TypeScript reports them while parsing. */
export function syntaxErrors(name: string, text: string): string[] {
  const out = ts.transpileModule(text, { fileName: name, reportDiagnostics: true, compilerOptions: { jsx: ts.JsxEmit.Preserve, allowJs: true } });
  return (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

function sameSpot(a: Finding, b: Finding): boolean {
  return a.ruleId === b.ruleId && a.range.file === b.range.file && a.range.startPos.line === b.range.startPos.line;
}

/**
 * Applies the first fix of `finding`, checks the edited files parse, that the rule no longer
 * reports at that line, and that a second round offers no fix there (applying twice changes nothing).
 */
export function assertFixWorks(files: Record<string, string>, finding: Finding, config?: Partial<ResolvedConfig> | string): Record<string, string> {
  const fix = finding.fixes[0];
  assert.ok(fix, `finding has a fix: ${finding.message}`);
  assert.ok(fix.edits.length > 0, 'fix has edits');
  const fixed = applyFix(files, fix);
  for (const [name, text] of Object.entries(fixed)) {
    if (text !== files[name]) assert.deepEqual(syntaxErrors(name, text), [], `${name} still parses after "${fix.title}":\n${text}`);
  }
  const again = analyzeFiles(fixed, config).findings.filter((f) => sameSpot(f, finding));
  assert.deepEqual(
    again.map((f) => f.message),
    [],
    `finding gone after "${fix.title}"`,
  );
  return fixed;
}
