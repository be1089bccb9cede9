/**
 * `--format json`: findings with paths relative to the scan root, notices and a summary. Stable
 * field names for scripts; positions are given both 1-based (line/column) and as 0-based offsets.
 */
import { docsUrl } from '../rule.js';
import type { RelatedLocation, SourceRange } from '../types.js';
import { countFindings, relativePath, type ScanReport } from './common.js';

export const JSON_REPORT_VERSION = 1;

export function formatJson(report: ScanReport): string {
  const rel = (file: string) => relativePath(report.root, file);
  const location = (r: SourceRange) => ({
    file: rel(r.file),
    line: r.startPos.line,
    column: r.startPos.column,
    endLine: r.endPos.line,
    endColumn: r.endPos.column,
    start: r.start,
    end: r.end,
  });
  const step = (s: RelatedLocation) => ({ ...location(s.range), message: s.message });
  const body = {
    version: JSON_REPORT_VERSION,
    tool: { name: report.tool.name, version: report.tool.version },
    root: report.root,
    summary: { files: report.fileCount, ...countFindings(report.findings) },
    findings: report.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      ...location(f.range),
      docsUrl: docsUrl(f.ruleId),
      related: f.related.map(step),
      ...(f.flow ? { flow: f.flow.map(step) } : {}),
      fixes: f.fixes.map((x) => ({ title: x.title, kind: x.kind, edits: x.edits.map((e) => ({ ...e, file: rel(e.file) })) })),
    })),
    notices: report.notices.map((n) => ({ ...n, ...(n.file ? { file: rel(n.file) } : {}) })),
    ...(report.kpis ? { kpis: report.kpis } : {}),
  };
  return JSON.stringify(body, null, 2) + '\n';
}
