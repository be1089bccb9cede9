/**
 * Test fixtures as multi-file strings with Semgrep-style marks (rust-analyzer / Semgrep style):
 * `// ruleid: <id>` on the line directly above a line that must be reported by <id>, and
 * `// ok: <id>` above a tempting negative that must not be. A finding matches a mark when its
 * range covers the marked line.
 */
import * as path from 'node:path';
import { AnalysisHost } from '../../rules/src/engine.js';
import { defaultConfig, parseConfigText, type ResolvedConfig } from '../../rules/src/config/load.js';
import type { Finding } from '../../rules/src/types.js';

export const VIRTUAL_ROOT = '/virtual/project';

export interface Mark {
  file: string;
  /** 1-based line the mark points at (the line after the comment). */
  line: number;
  ruleId: string;
  kind: 'ruleid' | 'ok';
}

export function parseMarks(file: string, text: string): Mark[] {
  const lines = text.split('\n');
  const marks: Mark[] = [];
  lines.forEach((line, i) => {
    const m = /\/\/\s*(ruleid|ok):\s*([\w-]+)/.exec(line);
    if (!m) return;
    // Stacked marks point at the first non-mark line below them.
    let target = i + 1;
    while (target < lines.length && /^\s*\/\/\s*(ruleid|ok):/.test(lines[target])) target++;
    marks.push({ file, line: target + 1, ruleId: m[2], kind: m[1] as Mark['kind'] });
  });
  return marks;
}

export function analyzeFiles(files: Record<string, string>, config?: Partial<ResolvedConfig> | string, root = VIRTUAL_ROOT) {
  let resolved: ResolvedConfig;
  if (typeof config === 'string') resolved = parseConfigText(config, path.posix.join(root, 'zero-trust-ai.config.json'), root).config;
  else resolved = { ...defaultConfig(root), ...config };
  const host = new AnalysisHost({ root, config: resolved });
  for (const [name, text] of Object.entries(files)) host.updateFile(path.posix.join(root, name), text);
  return host.analyze();
}

export interface MarkReport {
  missed: Mark[];
  /** Findings of the checked rules on no ruleid mark. */
  unexpected: Finding[];
  /** ok marks that were reported anyway. */
  okViolated: Mark[];
  matched: number;
}

/** Compares findings of `ruleIds` with the marks in `files`. */
export function compareWithMarks(files: Record<string, string>, findings: Finding[], ruleIds: string[], root = VIRTUAL_ROOT): MarkReport {
  const marks = Object.entries(files).flatMap(([name, text]) => parseMarks(path.posix.join(root, name), text)).filter((m) => ruleIds.includes(m.ruleId));
  const relevant = findings.filter((f) => ruleIds.includes(f.ruleId));
  const covers = (f: Finding, m: Mark) => f.ruleId === m.ruleId && f.range.file === m.file && f.range.startPos.line <= m.line && f.range.endPos.line >= m.line;
  const missed = marks.filter((m) => m.kind === 'ruleid' && !relevant.some((f) => covers(f, m)));
  const okViolated = marks.filter((m) => m.kind === 'ok' && relevant.some((f) => f.range.startPos.line === m.line && f.range.file === m.file && f.ruleId === m.ruleId));
  const unexpected = relevant.filter((f) => !marks.some((m) => m.kind === 'ruleid' && covers(f, m)));
  return { missed, unexpected, okViolated, matched: marks.filter((m) => m.kind === 'ruleid').length - missed.length };
}

export function describeReport(r: MarkReport): string {
  const out: string[] = [];
  for (const m of r.missed) out.push(`missed ${m.ruleId} at ${path.basename(m.file)}:${m.line}`);
  for (const f of r.unexpected) out.push(`unexpected ${f.ruleId} at ${path.basename(f.range.file)}:${f.range.startPos.line}: ${f.message}`);
  for (const m of r.okViolated) out.push(`ok mark violated ${m.ruleId} at ${path.basename(m.file)}:${m.line}`);
  return out.join('\n');
}

/** Asserts that findings of `ruleIds` match the marks exactly. */
export function expectMarks(files: Record<string, string>, ruleIds: string | string[], config?: Partial<ResolvedConfig> | string): Finding[] {
  const ids = Array.isArray(ruleIds) ? ruleIds : [ruleIds];
  const { findings } = analyzeFiles(files, config);
  const report = compareWithMarks(files, findings, ids);
  if (report.missed.length || report.unexpected.length || report.okViolated.length) {
    throw new Error(`Findings do not match the marks:\n${describeReport(report)}`);
  }
  return findings.filter((f) => ids.includes(f.ruleId));
}
