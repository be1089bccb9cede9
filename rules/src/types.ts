/**
 * The engine's public vocabulary. Every front end (CLI, language server, ESLint adapter) speaks
 * in these types; nothing here knows about VS Code, LSP or ESLint.
 *
 * Positions are 0-based character offsets into the file text (what ESLint fixes and ts-morph
 * use) plus 1-based line/column for humans (what SARIF and the CLI print). LSP converts offsets
 * with its own TextDocument.
 */

export type Severity = 'error' | 'warning' | 'info';
export type SeverityOrOff = Severity | 'off';

/** Zero Trust for AI steps (Microsoft, March 2026). */
export type ZeroTrustStep = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const ZERO_TRUST_STEPS: Record<ZeroTrustStep, string> = {
  1: 'Inventory AI assets and trust boundaries',
  2: 'Verify every identity',
  3: 'Least privilege and isolation',
  4: 'Protect data',
  5: 'Defend against prompt and agent attacks',
  6: 'Observe and log',
  7: 'Automate assessment and KPIs',
};

export type FixKind = 'fix' | 'suggestion' | 'none';
export type Preset = 'recommended' | 'strict' | 'experimental';

export interface RuleMeta {
  /** Stable id: ESLint reports `zero-trust-ai/<id>`, SARIF ruleId is `<id>`. */
  id: string;
  /** One line, imperative, shown in rule lists and SARIF shortDescription. */
  description: string;
  /** Why the construct breaks Zero Trust (hover, SARIF fullDescription). */
  rationale: string;
  steps: ZeroTrustStep[];
  owasp: string[];
  cwe: number[];
  defaultSeverity: Severity;
  /** Whether the rule offers safe fixes, suggestions only, or nothing. */
  fixKind: FixKind;
  /** The presets the rule is in: recommended implies strict and all. */
  preset: Preset;
  /** Whether findings depend on other files (cross-file data flow, shared clients). */
  scope: 'file' | 'project';
  confidence: 'high' | 'medium' | 'low';
}

export interface SourcePosition {
  /** 1-based */
  line: number;
  /** 1-based, in UTF-16 code units like every editor */
  column: number;
}

export interface SourceRange {
  /** Absolute, normalized path with forward slashes. */
  file: string;
  /** 0-based offsets into the file text. */
  start: number;
  end: number;
  startPos: SourcePosition;
  endPos: SourcePosition;
}

export interface TextEdit {
  file: string;
  start: number;
  end: number;
  newText: string;
}

export interface FindingFix {
  title: string;
  /** 'fix' is safe to apply automatically (fix-all, eslint --fix); 'suggestion' needs a human. */
  kind: 'fix' | 'suggestion';
  edits: TextEdit[];
}

export interface RelatedLocation {
  range: SourceRange;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** What the construct is, why it breaks Zero Trust, what to do. Never contains a secret in full. */
  message: string;
  range: SourceRange;
  related: RelatedLocation[];
  fixes: FindingFix[];
  /** Ordered steps of a data flow from source to sink, for SARIF codeFlows. */
  flow?: RelatedLocation[];
}

/** A problem the analyzer met that is not a finding: a skipped file, a bad config. */
export interface AnalyzerNotice {
  level: 'error' | 'warning' | 'info';
  message: string;
  file?: string;
  /** JSON path for config errors, e.g. `rules.no-unscoped-tools`. */
  path?: string;
}
