/**
 * One ESLint rule per engine rule, generated from the engine rule's metadata. The adapter holds
 * no detection logic: it asks the engine for the linted file's findings and reports them, with
 * safe fixes as ESLint `fix` and everything else as `suggest`.
 *
 * ESLint creates every enabled rule for a file before it walks the tree, so the rules of one lint
 * pass register in a shared batch from `create()` and the first `Program` visit analyzes them all
 * at once: only the rules enabled in ESLint run, and rules with equal options share one analysis.
 */
import * as path from 'node:path';
import type { Rule, SourceCode } from 'eslint';
import { docsUrl, type RuleModule } from '../rule.js';
import { allRules } from '../rules/index.js';
import { isSourceFile, toPosix } from '../project/files.js';
import type { ResolvedConfig, RuleSetting } from '../config/load.js';
import type { Finding, FindingFix } from '../types.js';
import { applySettings, extendPolicy, optionsKey, parseSettings, ruleOptionsJsonSchema, type PluginSettings, type RuleOptions } from './options.js';
import { findProjectRoot, projectFor, type AnalysisGroup } from './project.js';

interface LintBatch {
  context: Rule.RuleContext;
  options: Map<string, RuleOptions>;
  findings?: Map<string, Finding[]>;
}

/** One batch per lint pass: ESLint makes a new SourceCode for every pass (and every --fix round). */
const batches = new WeakMap<SourceCode, LintBatch>();

export function createEslintRule(rule: RuleModule): Rule.RuleModule {
  const { meta } = rule;
  const fixable = meta.fixKind === 'fix';
  return {
    meta: {
      type: 'problem',
      docs: { description: meta.description, url: docsUrl(meta.id), recommended: meta.preset === 'recommended' },
      messages: { finding: '{{message}}', suggestion: '{{title}}' },
      ...(fixable ? { fixable: 'code' as const } : {}),
      hasSuggestions: meta.fixKind !== 'none',
      schema: [ruleOptionsJsonSchema()],
    },
    create(context) {
      let batch = batches.get(context.sourceCode);
      if (!batch) {
        batch = { context, options: new Map() };
        batches.set(context.sourceCode, batch);
      }
      batch.options.set(meta.id, (context.options[0] ?? {}) as RuleOptions);
      const shared = batch;
      return {
        Program() {
          for (const finding of findingsOf(shared).get(meta.id) ?? []) report(context, finding, fixable);
        },
      };
    },
  };
}

const rootByDir = new Map<string, string>();

/** The file's path as the engine knows it; undefined when the engine does not analyze such files. */
function engineFileName(context: Rule.RuleContext): string | undefined {
  const name = context.filename;
  // ESLint names stdin `<text>` (or `<input>`); analyze it as a TypeScript file in the cwd.
  if (/^<\w+>$/.test(name)) return toPosix(path.join(context.cwd, '__stdin__.ts'));
  const abs = toPosix(path.resolve(context.cwd, name));
  return isSourceFile(abs) ? abs : undefined;
}

function projectRoot(context: Rule.RuleContext, settings: PluginSettings): string {
  if (settings.root) return toPosix(path.resolve(context.cwd, settings.root));
  const dir = path.dirname(path.resolve(context.cwd, context.physicalFilename));
  let root = rootByDir.get(dir);
  if (!root) {
    // Without a marker, the cwd is the project, unless the file lies outside it or the cwd is a
    // filesystem root (RuleTester runs there): then the file's own folder is, never the whole disk.
    const cwd = path.resolve(context.cwd);
    const inCwd = !path.relative(cwd, dir).startsWith('..') && path.parse(cwd).root !== cwd;
    root = findProjectRoot(dir, inCwd ? cwd : dir);
    rootByDir.set(dir, root);
  }
  return root;
}

function findingsOf(batch: LintBatch): Map<string, Finding[]> {
  if (batch.findings) return batch.findings;
  const byRule = new Map<string, Finding[]>();
  batch.findings = byRule;
  const { context } = batch;
  const file = engineFileName(context);
  if (!file) return byRule;
  const settings = parseSettings(context.settings);
  const project = projectFor({
    root: projectRoot(context, settings),
    configFile: settings.configFile ? path.resolve(context.cwd, settings.configFile) : undefined,
  });
  const base = applySettings(project.config, settings);
  const settingsKey = JSON.stringify(settings);
  // Rules with equal options share one analysis; each group runs only its own rules.
  const members = new Map<string, { options: RuleOptions; ruleIds: string[] }>();
  for (const [ruleId, options] of batch.options) {
    const key = optionsKey(options);
    const group = members.get(key) ?? { options, ruleIds: [] };
    group.ruleIds.push(ruleId);
    members.set(key, group);
  }
  const groups: AnalysisGroup[] = [...members.values()].map(({ options, ruleIds }) => ({
    key: JSON.stringify([settingsKey, optionsKey(options), [...ruleIds].sort()]),
    config: { ...extendPolicy(base, options), rules: onlyRules(base, ruleIds) },
  }));
  for (const findings of project.findings(file, context.sourceCode.text, groups).values()) {
    for (const f of findings) {
      const list = byRule.get(f.ruleId);
      if (list) list.push(f);
      else byRule.set(f.ruleId, [f]);
    }
  }
  return byRule;
}

/**
 * The config file's rule settings for `ruleIds`, every other rule off. ESLint decides which rules
 * run and at what level; a rule the shared config turns off stays off here too, so the CLI, the
 * editor and ESLint agree.
 */
function onlyRules(config: ResolvedConfig, ruleIds: string[]): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const r of allRules) rules[r.meta.id] = ruleIds.includes(r.meta.id) ? (config.rules[r.meta.id] ?? { severity: r.meta.defaultSeverity, options: {} }) : { severity: 'off', options: {} };
  return rules;
}

/**
 * ESLint applies edits to the linted file only, so a fix that also edits another file (an import
 * added where a redactor lives) is dropped rather than applied half-way; so is one whose edits
 * overlap, which ESLint rejects. A safe fix becomes the ESLint `fix` (ESLint allows one), every
 * other fix a suggestion.
 */
export function eslintFixes(finding: Finding, fixable: boolean): { fix?: FindingFix; suggestions: FindingFix[] } {
  const usable = finding.fixes.filter((f) => {
    if (f.edits.length === 0 || f.edits.some((e) => e.file !== finding.range.file)) return false;
    const sorted = [...f.edits].sort((a, b) => a.start - b.start);
    return sorted.every((e, i) => i === 0 || sorted[i - 1].end <= e.start);
  });
  const fix = fixable ? usable.find((f) => f.kind === 'fix') : undefined;
  return { fix, suggestions: usable.filter((f) => f !== fix) };
}

function report(context: Rule.RuleContext, finding: Finding, fixable: boolean): void {
  const { sourceCode } = context;
  const { fix, suggestions } = eslintFixes(finding, fixable);
  const toFixer = (f: FindingFix) => (fixer: Rule.RuleFixer) => f.edits.map((e) => fixer.replaceTextRange([e.start, e.end], e.newText));
  context.report({
    loc: { start: sourceCode.getLocFromIndex(finding.range.start), end: sourceCode.getLocFromIndex(finding.range.end) },
    messageId: 'finding',
    data: { message: finding.message },
    ...(fix ? { fix: toFixer(fix) } : {}),
    suggest: suggestions.map((f) => ({ messageId: 'suggestion', data: { title: f.title }, fix: toFixer(f) })),
  });
}
