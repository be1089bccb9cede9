/**
 * `--format text`: ESLint's "stylish" layout. One block per file (path relative to the current
 * folder, so terminals can open it), one aligned row per finding, and a summary line.
 */
import type { AnalyzerNotice, Finding, Severity } from '../types.js';
import { countFindings, plural, relativePath, type ScanReport } from './common.js';

export interface Colors {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
}

const sgr = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
export const ansiColors: Colors = {
  red: sgr(31, 39),
  yellow: sgr(33, 39),
  blue: sgr(34, 39),
  green: sgr(32, 39),
  dim: sgr(2, 22),
  bold: sgr(1, 22),
  underline: sgr(4, 24),
};
const same = (s: string) => s;
export const noColors: Colors = { red: same, yellow: same, blue: same, green: same, dim: same, bold: same, underline: same };

export interface TextOptions {
  colors: Colors;
  /** Folder printed paths are relative to. */
  cwd: string;
}

function severityLabel(s: Severity | AnalyzerNotice['level'], c: Colors): string {
  return s === 'error' ? c.red('error') : s === 'warning' ? c.yellow('warning') : c.blue('info');
}

export function formatText(report: ScanReport, options: TextOptions): string {
  const c = options.colors;
  const byFile = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const list = byFile.get(f.range.file) ?? [];
    list.push(f);
    byFile.set(f.range.file, list);
  }
  let out = '';
  for (const [file, findings] of byFile) {
    const rows = findings.map((f) => ({
      line: String(f.range.startPos.line),
      column: String(f.range.startPos.column),
      severity: f.severity,
      // One row per finding: fold line breaks, drop the final period like ESLint does.
      message: f.message.replace(/\s*\n\s*/g, ' ').replace(/([^ ])\.$/, '$1'),
      ruleId: f.ruleId,
    }));
    const width = (key: 'line' | 'column' | 'severity' | 'message') => Math.max(...rows.map((r) => r[key].length));
    const [wl, wc, ws, wm] = [width('line'), width('column'), width('severity'), width('message')];
    out += `\n${c.underline(relativePath(options.cwd, file))}\n`;
    for (const r of rows) {
      const pos = c.dim(`${r.line.padStart(wl)}:${r.column.padEnd(wc)}`);
      const sev = severityLabel(r.severity, c) + ' '.repeat(ws - r.severity.length);
      out += `  ${pos}  ${sev}  ${r.message.padEnd(wm)}  ${c.dim(r.ruleId)}\n`;
    }
  }
  const n = countFindings(report.findings);
  if (n.problems === 0) return '';
  const parts = [plural(n.errors, 'error'), plural(n.warnings, 'warning'), ...(n.infos ? [`${n.infos} info`] : [])];
  const summary = `\u2716 ${plural(n.problems, 'problem')} (${parts.join(', ')})`;
  out += `\n${c.bold(n.errors ? c.red(summary) : n.warnings ? c.yellow(summary) : c.blue(summary))}\n`;
  return out;
}

/**
 * One line per notice, for stderr, with paths relative to `cwd`. Config problems name the file and
 * the JSON path: `error: zero-trust-ai.config.json (at rules.foo): …`; other notices name their file.
 */
export function formatNotices(notices: readonly AnalyzerNotice[], options: TextOptions): string {
  return notices
    .map((n) => {
      const file = n.file && relativePath(options.cwd, n.file);
      // The first line only: a rule failure carries its stack trace, which JSON and SARIF keep for bug reports.
      const firstLine = n.message.split('\n')[0];
      const message = n.file && file ? firstLine.split(n.file).join(file) : firstLine;
      const at = n.path && !message.startsWith(n.path) ? ` (at ${n.path})` : '';
      // Every notice about a file names it, also when its message does not (e.g. a read error).
      const where = file && (n.path || !message.includes(file)) ? `${file}${at}: ` : '';
      return `${severityLabel(n.level, options.colors)}: ${where}${message}\n`;
    })
    .join('');
}
