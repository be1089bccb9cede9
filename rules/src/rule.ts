/**
 * What a rule is: typed metadata plus a check over the agent model. Rules return findings through
 * the context; front ends (CLI, language server, ESLint) turn findings into their own reports.
 * Detection, message and fix are separate steps: a rule reports a construct with a message and
 * optional fixes, and the engine applies severity, suppression and file filtering.
 */
import type { Node, SourceFile } from 'ts-morph';
import type { FindingFix, RuleMeta, Severity } from './types.js';
import type { AgentModel } from './model/model.js';
import type { DataFlow } from './dataflow/flow.js';
import type { Recognizers } from './dataflow/recognizers.js';
import type { ResolvedConfig } from './config/load.js';

export const DOCS_BASE_URL = 'https://github.com/zero-trust-ai/zero-trust-ai/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}

export interface ReportDescriptor {
  node: Node;
  message: string;
  related?: Array<{ node: Node; message: string }>;
  /** Source-to-sink steps for data-flow findings. */
  flow?: Array<{ node: Node; message: string }>;
  fixes?: FindingFix[];
}

export interface RuleContext {
  readonly model: AgentModel;
  readonly flow: DataFlow;
  /** Sanitizers, loggers, allow-list checks and sensitive names: defaults plus config. */
  readonly recognizers: Recognizers;
  readonly config: ResolvedConfig;
  /** Rule options from the config (`rules: { id: ["warning", { ... }] }`). */
  readonly options: Record<string, unknown>;
  /** Files the caller wants findings for; a rule may skip work outside them. */
  isTarget(file: SourceFile): boolean;
  report(descriptor: ReportDescriptor): void;
}

export interface RuleModule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export function defineRule(rule: RuleModule): RuleModule {
  return rule;
}

export type { Severity };
