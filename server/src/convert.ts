/**
 * Engine findings to LSP: diagnostics with code = rule id, a link to the rule's doc, related
 * locations and the fixes in `data`, and the hover text. Pure functions; positions of fix edits
 * come from a callback because only the analysis side holds the analyzed text. Imports only light
 * engine modules: the LSP thread uses this file and must not load the analyzer (ts-morph).
 */
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Position, type Range } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { docsUrl } from '../../rules/src/rule.js';
import { ZERO_TRUST_STEPS, type Finding, type RuleMeta, type Severity, type SourceRange, type ZeroTrustStep } from '../../rules/src/types.js';
import { DIAGNOSTIC_SOURCE, type DiagnosticData, type FixData } from './protocol.js';

/** 0-based offset in `file` -> LSP position in the analyzed text. */
export type PositionAt = (file: string, offset: number) => Position;

export function fileToUri(file: string): string {
  return URI.file(file).toString();
}

export function uriToFile(uri: string): string {
  return URI.parse(uri).fsPath.replace(/\\/g, '/');
}

export function toRange(r: SourceRange): Range {
  return { start: { line: r.startPos.line - 1, character: r.startPos.column - 1 }, end: { line: r.endPos.line - 1, character: r.endPos.column - 1 } };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toDiagnostic(finding: Finding, version: number | null, positionAt: PositionAt, suppress?: FixData): Diagnostic {
  // Related locations, then the data-flow steps; a step that repeats a place and message adds nothing.
  const seen = new Set<string>();
  const related: DiagnosticRelatedInformation[] = [];
  for (const r of [...finding.related, ...(finding.flow ?? [])]) {
    const key = `${r.range.file}:${r.range.start}:${r.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    related.push({ location: { uri: fileToUri(r.range.file), range: toRange(r.range) }, message: r.message });
  }
  const fixes: FixData[] = finding.fixes.map((fix) => ({
    title: fix.title,
    kind: fix.kind,
    edits: fix.edits.map((e) => ({ uri: fileToUri(e.file), range: { start: positionAt(e.file, e.start), end: positionAt(e.file, e.end) }, newText: e.newText })),
  }));
  if (suppress) fixes.push(suppress);
  const data: DiagnosticData = { ruleId: finding.ruleId, version, fixes };
  return {
    range: toRange(finding.range),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    ...(related.length ? { relatedInformation: related } : {}),
    data,
  };
}

/** What a hover says about a rule; the worker sends it for every rule (the LSP thread has no rule registry). */
export type HoverMeta = Pick<RuleMeta, 'rationale' | 'steps' | 'owasp' | 'cwe'>;

/** Markdown for a hover on a finding: the message, why it matters, the Zero Trust step, OWASP/CWE ids and the doc link. */
export function hoverMarkdown(ruleId: string, message: string, meta: HoverMeta | undefined): string {
  const url = docsUrl(ruleId);
  if (!meta) return `**${ruleId}**: ${message}\n\n[Rule documentation](${url})`;
  const steps = meta.steps.map((s: ZeroTrustStep) => `${s}. ${ZERO_TRUST_STEPS[s]}`).join('; ');
  const cwe = meta.cwe.map((c) => `[CWE-${c}](https://cwe.mitre.org/data/definitions/${c}.html)`).join(', ');
  return [
    `**Zero Trust AI: \`${ruleId}\`**`,
    '',
    message,
    '',
    `**Why it matters.** ${meta.rationale}`,
    '',
    `**Zero Trust step:** ${steps}  `,
    `**OWASP:** ${meta.owasp.join(', ')}  `,
    `**CWE:** ${cwe}`,
    '',
    `[Rule documentation](${url})`,
  ].join('\n');
}
