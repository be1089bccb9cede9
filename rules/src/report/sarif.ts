/**
 * `--format sarif`: SARIF 2.1.0 for code-scanning dashboards (GitHub, Azure DevOps). rules[] is
 * generated from rule metadata; uris are relative to the scan root (%SRCROOT%); positions are
 * 1-based lines and UTF-16 columns, offsets for fixes. Nothing here reads file contents, so no
 * source text (and no secret) reaches the log beyond the rules' own masked messages.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { docsUrl } from '../rule.js';
import { ZERO_TRUST_STEPS, type AnalyzerNotice, type Finding, type RelatedLocation, type RuleMeta, type SeverityOrOff, type SourceRange, type TextEdit } from '../types.js';
import { relativePath, type ScanReport } from './common.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note' | 'none';
const LEVEL: Record<SeverityOrOff, SarifLevel> = { error: 'error', warning: 'warning', info: 'note', off: 'none' };
/** GitHub ranks alerts by `security-severity` (0-10): critical > 9, high >= 7, medium >= 4. */
const SECURITY_SEVERITY: Record<RuleMeta['defaultSeverity'], string> = { error: '8.0', warning: '5.5', info: '3.0' };
const PRECISION: Record<RuleMeta['confidence'], string> = { high: 'high', medium: 'medium', low: 'low' };

function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, ch: string) => ch.toUpperCase());
}

export function ruleDescriptor(meta: RuleMeta, severity: SeverityOrOff) {
  const url = docsUrl(meta.id);
  const steps = meta.steps.map((s) => `${s} (${ZERO_TRUST_STEPS[s]})`).join(', ');
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: `${meta.description}.` },
    fullDescription: { text: meta.rationale },
    help: {
      text: `${meta.description}.\n\n${meta.rationale}\n\nZero Trust step: ${steps}. OWASP: ${meta.owasp.join(', ')}. CWE: ${meta.cwe.map((c) => `CWE-${c}`).join(', ')}.\n\nSee ${url}`,
      markdown: [
        `**${meta.description}.**`,
        '',
        meta.rationale,
        '',
        `| Zero Trust step | OWASP | CWE |`,
        `|---|---|---|`,
        `| ${steps} | ${meta.owasp.join(', ')} | ${meta.cwe.map((c) => `[CWE-${c}](https://cwe.mitre.org/data/definitions/${c}.html)`).join(', ')} |`,
        '',
        `[How to fix, with examples](${url})`,
      ].join('\n'),
    },
    helpUri: url,
    defaultConfiguration: { enabled: severity !== 'off', level: LEVEL[severity === 'off' ? meta.defaultSeverity : severity] },
    properties: {
      tags: ['security', 'zero-trust', 'ai-agents', ...meta.owasp.map((o) => `external/owasp/${o}`), ...meta.cwe.map((c) => `external/cwe/cwe-${c}`)],
      'security-severity': SECURITY_SEVERITY[meta.defaultSeverity],
      precision: PRECISION[meta.confidence],
      zeroTrustSteps: meta.steps,
    },
  };
}

export function formatSarif(report: ScanReport): string {
  const rules = report.rules;
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));

  const artifactLocation = (file: string) => {
    const rel = relativePath(report.root, file);
    if (rel === file.replace(/\\/g, '/')) return { uri: pathToFileURL(file).href };
    return { uri: rel.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  };
  const region = (r: SourceRange) => ({
    startLine: r.startPos.line,
    startColumn: r.startPos.column,
    endLine: r.endPos.line,
    endColumn: r.endPos.column,
    charOffset: r.start,
    charLength: r.end - r.start,
  });
  const location = (r: SourceRange, message?: string, id?: number) => ({
    ...(id !== undefined ? { id } : {}),
    physicalLocation: { artifactLocation: artifactLocation(r.file), region: region(r) },
    ...(message ? { message: { text: message } } : {}),
  });
  const artifactChanges = (edits: TextEdit[]) => {
    const byFile = new Map<string, TextEdit[]>();
    for (const e of edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
    return [...byFile].map(([file, list]) => ({
      artifactLocation: artifactLocation(file),
      replacements: list.map((e) => ({ deletedRegion: { charOffset: e.start, charLength: e.end - e.start }, insertedContent: { text: e.newText } })),
    }));
  };
  // Stable across unrelated edits that shift lines: rule, file, message and the finding's rank among identical ones.
  const seen = new Map<string, number>();
  const fingerprint = (f: Finding, uri: string) => {
    const key = `${f.ruleId}\u0000${uri}\u0000${f.message}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return createHash('sha256').update(`${key}\u0000${n}`).digest('hex').slice(0, 32);
  };
  const threadFlow = (steps: RelatedLocation[]) => ({
    threadFlows: [{ locations: steps.map((s, i) => ({ location: location(s.range, s.message), executionOrder: i + 1 })) }],
  });

  const results = report.findings.map((f) => {
    const primary = location(f.range);
    return {
      ruleId: f.ruleId,
      ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [primary],
      ...(f.related.length ? { relatedLocations: f.related.map((r, i) => location(r.range, r.message, i + 1)) } : {}),
      ...(f.flow?.length ? { codeFlows: [threadFlow(f.flow)] } : {}),
      ...(f.fixes.length ? { fixes: f.fixes.map((x) => ({ description: { text: x.title }, artifactChanges: artifactChanges(x.edits), properties: { kind: x.kind } })) } : {}),
      partialFingerprints: { 'zeroTrustAi/v1': fingerprint(f, primary.physicalLocation.artifactLocation.uri) },
    };
  });

  const notification = (n: AnalyzerNotice) => ({
    level: LEVEL[n.level],
    message: { text: n.path ? `${n.message} (at ${n.path})` : n.message },
    ...(n.file ? { locations: [{ physicalLocation: { artifactLocation: artifactLocation(n.file) } }] } : {}),
  });

  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: report.tool.informationUri,
            rules: rules.map((r) => ruleDescriptor(r, report.severityOf(r.id))),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(report.root.replace(/\/?$/, '/')).href } },
        columnKind: 'utf16CodeUnits',
        results,
        invocations: [
          {
            executionSuccessful: !report.notices.some((n) => n.level === 'error'),
            toolExecutionNotifications: report.notices.map(notification),
          },
        ],
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
