/**
 * Finds, parses and validates the project's policy file. Never executes anything: the config is
 * JSON data. A bad file or a bad key yields a notice (file, JSON path, reason) and the defaults
 * for that key; the rest of the config still applies.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ts } from 'ts-morph';
import { configSchema, ruleSettingSchema, type ZeroTrustConfig } from './schema.js';
import { allRules } from '../rules/index.js';
import type { AnalyzerNotice, Severity, SeverityOrOff } from '../types.js';

export const CONFIG_FILE_NAME = 'zero-trust-ai.config.json';
export const PACKAGE_JSON_KEY = 'zeroTrustAi';

export interface RuleSetting {
  severity: SeverityOrOff;
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  /** The file the config came from, if any. */
  source?: string;
  /** Folder that relative paths and ignore globs are resolved against. */
  root: string;
  rules: Record<string, RuleSetting>;
  redactors: string[];
  loggers: string[];
  allowListChecks: string[];
  sensitiveFields: string[];
  approvedEgressHosts: string[];
  agentIdentities: Record<string, string>;
  frameworks: NonNullable<ZeroTrustConfig['frameworks']>;
  sources: NonNullable<ZeroTrustConfig['sources']>;
  sinks: NonNullable<ZeroTrustConfig['sinks']>;
  sanitizers: NonNullable<ZeroTrustConfig['sanitizers']>;
  ignore: string[];
}

export interface LoadedConfig {
  config: ResolvedConfig;
  notices: AnalyzerNotice[];
}

export function defaultConfig(root: string): ResolvedConfig {
  return {
    root: normalizePath(root),
    rules: {},
    redactors: [],
    loggers: [],
    allowListChecks: [],
    sensitiveFields: [],
    approvedEgressHosts: [],
    agentIdentities: {},
    frameworks: [],
    sources: [],
    sinks: [],
    sanitizers: [],
    ignore: [],
  };
}

export function normalizePath(p: string): string {
  return path.resolve(p).replace(/\\/g, '/');
}

/** Looks for the config in `root` (the config file first, then package.json's key). */
export function findConfigFile(root: string): string | undefined {
  const direct = path.join(root, CONFIG_FILE_NAME);
  if (fs.existsSync(direct)) return direct;
  const pkg = path.join(root, 'package.json');
  if (fs.existsSync(pkg)) {
    try {
      const parsed = parseJson(fs.readFileSync(pkg, 'utf8'));
      if (parsed && typeof parsed === 'object' && PACKAGE_JSON_KEY in parsed) return pkg;
    } catch {
      // A broken package.json is not ours to report; the project has other tools for that.
    }
  }
  return undefined;
}

/**
 * Loads the config for `root`. `explicitFile` (CLI --config, editor setting) wins over discovery;
 * a missing explicit file is an error notice.
 */
export function loadConfig(root: string, explicitFile?: string): LoadedConfig {
  const file = explicitFile ? path.resolve(root, explicitFile) : findConfigFile(root);
  if (!file) return { config: defaultConfig(root), notices: [] };
  if (!fs.existsSync(file)) {
    return {
      config: defaultConfig(root),
      notices: [{ level: 'error', file, message: `Config file not found: ${file}` }],
    };
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    return { config: defaultConfig(root), notices: [{ level: 'error', file, message: `Cannot read config: ${(err as Error).message}` }] };
  }
  return parseConfigText(text, file, path.dirname(file));
}

/** Parses and validates config text. Exposed for the language server, which sees unsaved buffers. */
export function parseConfigText(text: string, file: string, root: string): LoadedConfig {
  const notices: AnalyzerNotice[] = [];
  const config = defaultConfig(root);
  config.source = normalizePath(file);
  let raw: unknown;
  try {
    raw = parseJson(text);
  } catch (err) {
    notices.push({ level: 'error', file, path: '$', message: `Invalid JSON${jsonErrorAt(text, file, err as Error)}. Using the default policy.` });
    return { config, notices };
  }
  if (path.basename(file) === 'package.json') {
    raw = (raw as Record<string, unknown> | null)?.[PACKAGE_JSON_KEY];
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    notices.push({ level: 'error', file, path: '$', message: 'The config must be a JSON object. Using the default policy.' });
    return { config, notices };
  }
  // Validate key by key so that one bad entry costs only itself.
  const shape = configSchema.shape as Record<string, import('zod').ZodType>;
  const good: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const keySchema = shape[key];
    if (!keySchema) {
      notices.push({ level: 'warning', file, path: key, message: `Unknown key "${key}" ignored. Known keys: ${Object.keys(shape).join(', ')}.` });
      continue;
    }
    if (key === 'rules' && isPlainObject(value)) {
      good.rules = readRuleSettings(value, file, notices);
      continue;
    }
    const result = keySchema.safeParse(value);
    if (result.success) {
      good[key] = result.data;
    } else {
      for (const issue of result.error.issues) {
        const where = [key, ...issue.path.map(String)].join('.');
        notices.push({ level: 'error', file, path: where, message: `${where}: ${issue.message}. Using the default for "${key}".` });
      }
    }
  }
  const parsed = good as ZeroTrustConfig;
  for (const [ruleId, setting] of Object.entries(parsed.rules ?? {})) {
    if (typeof setting === 'string') config.rules[ruleId] = { severity: setting, options: {} };
    else config.rules[ruleId] = { severity: setting[0], options: (setting[1] as Record<string, unknown>) ?? {} };
  }
  config.redactors = parsed.redactors ?? [];
  config.loggers = parsed.loggers ?? [];
  config.allowListChecks = parsed.allowListChecks ?? [];
  config.sensitiveFields = parsed.sensitiveFields ?? [];
  config.approvedEgressHosts = parsed.approvedEgressHosts ?? [];
  config.agentIdentities = parsed.agentIdentities ?? {};
  config.frameworks = parsed.frameworks ?? [];
  config.sources = parsed.sources ?? [];
  config.sinks = parsed.sinks ?? [];
  config.sanitizers = parsed.sanitizers ?? [];
  config.ignore = parsed.ignore ?? [];
  return { config, notices };
}

/** JSON.parse that accepts the byte-order mark editors on Windows often save JSON with. */
function parseJson(text: string): unknown {
  return JSON.parse(text.replace(/^\uFEFF/, ''));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * `rules`, entry by entry: a typo in one rule id or severity costs only that entry, and an id the
 * analyzer does not know is reported (it would otherwise silently leave the intended rule as it was).
 */
function readRuleSettings(rules: Record<string, unknown>, file: string, notices: AnalyzerNotice[]): NonNullable<ZeroTrustConfig['rules']> {
  const known = allRules.map((r) => r.meta.id);
  const out: NonNullable<ZeroTrustConfig['rules']> = {};
  for (const [id, value] of Object.entries(rules)) {
    const where = `rules.${id}`;
    if (!known.includes(id)) {
      notices.push({ level: 'warning', file, path: where, message: `${where}: Unknown rule "${id}" ignored. ${closestRuleHint(id, known)}` });
      continue;
    }
    const result = ruleSettingSchema.safeParse(value);
    if (!result.success) {
      const shown = typeof value === 'string' && value.length <= 20 ? ` "${value}"` : '';
      notices.push({ level: 'error', file, path: where, message: `${where}: Invalid severity${shown}: use "error", "warning", "info" or "off", or ["warning", {}]. Using the default for "${id}".` });
      continue;
    }
    const options = typeof result.data === 'string' ? undefined : result.data[1];
    if (options && Object.keys(options).length) {
      notices.push({
        level: 'warning',
        file,
        path: `${where}.1`,
        message: `${where}.1: The rules have no options of their own; ${Object.keys(options).map((k) => `"${k}"`).join(', ')} ignored. Policy keys such as "redactors" go at the top level of the config.`,
      });
    }
    out[id] = result.data;
  }
  return out;
}

function closestRuleHint(id: string, known: string[]): string {
  const bare = id.replace(/^zero-trust-ai\//, '');
  if (bare !== id && known.includes(bare)) return `Write it without the ESLint prefix: "${bare}".`;
  const near = known.find((k) => editDistance(k, bare) <= 3);
  return near ? `Did you mean "${near}"?` : `Known rules: ${known.join(', ')}.`;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/**
 * Where JSON.parse failed, as " at line L, column C: reason". Node's own message quotes the text
 * around the error, which can be part of a secret pasted into the file, so only the reason is kept
 * and the position comes from TypeScript's JSON parser (when it also rejects the text).
 */
function jsonErrorAt(text: string, file: string, err: Error): string {
  const reason = err.message.replace(/, (\.\.\.)?".*"(\.\.\.)? is not valid JSON$/s, '').replace(/ (in JSON )?at position \d+.*$/s, '');
  const parsed = ts.parseJsonText(file, text) as ts.JsonSourceFile & { parseDiagnostics?: ts.Diagnostic[] };
  const first = parsed.parseDiagnostics?.[0];
  const offset = first?.start ?? Number(/at position (\d+)/.exec(err.message)?.[1] ?? NaN);
  if (Number.isNaN(offset)) return `: ${reason}`;
  const { line, character } = ts.getLineAndCharacterOfPosition(parsed, offset);
  return ` at line ${line + 1}, column ${character + 1}: ${reason}`;
}

export function effectiveSeverity(config: ResolvedConfig, ruleId: string, fallback: Severity): SeverityOrOff {
  return config.rules[ruleId]?.severity ?? fallback;
}
