/**
 * What every report format is written from: one scan's findings and notices plus the rule
 * metadata, independent of how the scan was run (CLI, a script, a test).
 */
import * as path from 'node:path';
import type { AnalyzerNotice, Finding, RuleMeta, Severity, SeverityOrOff } from '../types.js';
import type { Kpi } from '../inventory/types.js';

export interface ScanReport {
  /** Absolute scan root with forward slashes: paths in JSON and SARIF are relative to it. */
  root: string;
  findings: Finding[];
  notices: AnalyzerNotice[];
  /** How many files were analyzed. */
  fileCount: number;
  /** Every rule the analyzer knows, enabled or not (SARIF rules[] lists them all). */
  rules: RuleMeta[];
  /** Severity each rule ran at after the config was applied. */
  severityOf(ruleId: string): SeverityOrOff;
  tool: { name: string; version: string; informationUri: string };
  /** The Zero Trust KPIs, when asked for (`scan --kpis`). */
  kpis?: Kpi[];
}

export interface Counts {
  problems: number;
  errors: number;
  warnings: number;
  infos: number;
}

export function countFindings(findings: readonly Finding[]): Counts {
  const by = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return { problems: findings.length, errors: by('error'), warnings: by('warning'), infos: by('info') };
}

/** `file` relative to `root` with forward slashes; files outside the root keep their absolute path. */
export function relativePath(root: string, file: string): string {
  const rel = path.posix.relative(root, file.replace(/\\/g, '/'));
  return rel && !rel.startsWith('../') && !path.posix.isAbsolute(rel) ? rel : file.replace(/\\/g, '/');
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
