/**
 * Rule options and shared settings of the ESLint plugin, and how they merge with the project's
 * zero-trust-ai.config.json so that the CLI, the editor and ESLint apply one policy.
 *
 * Both are cut from the config's zod schema (the single definition): a rule's options are the
 * policy keys that tune recognizers (redactors, loggers, ...), and apply to that rule only;
 * `settings.zeroTrustAi` takes the same keys plus the team's rows (frameworks, sources, sinks,
 * sanitizers) for every rule, and says where the config file and project root are.
 */
import { z } from 'zod';
import { configSchema } from '../config/schema.js';
import type { ResolvedConfig } from '../config/load.js';

const POLICY_KEYS = { redactors: true, loggers: true, allowListChecks: true, sensitiveFields: true, approvedEgressHosts: true, agentIdentities: true } as const;
/** Table rows the settings add to the config file's, for every rule. */
const ROW_KEYS = { frameworks: true, sources: true, sinks: true, sanitizers: true } as const;
type RowKey = keyof typeof ROW_KEYS;

/** Policy keys a single rule can extend. Arrays are added to the config file's lists, never replace them. */
export const ruleOptionsSchema = configSchema.pick(POLICY_KEYS).strict();

export type RuleOptions = z.infer<typeof ruleOptionsSchema>;

export const settingsSchema = configSchema
  .pick({ ...POLICY_KEYS, ...ROW_KEYS })
  .extend({
    configFile: z.string().optional().describe('Path of the zero-trust-ai config file, relative to ESLint\'s cwd. Default: found in the project root.'),
    root: z.string().optional().describe('Project root, relative to ESLint\'s cwd. Default: the nearest folder with zero-trust-ai.config.json, package.json or tsconfig.json.'),
  })
  .strict();

export type PluginSettings = z.infer<typeof settingsSchema>;

export const SETTINGS_KEY = 'zeroTrustAi';

/** JSON Schema (draft-04, what ESLint validates with) for one rule's options. */
export function ruleOptionsJsonSchema(): Record<string, unknown> {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(ruleOptionsSchema, { target: 'draft-4' }) as Record<string, unknown>;
  return schema;
}

/** Reads `settings.zeroTrustAi`; a bad value is a configuration error the user must see, so it throws. */
export function parseSettings(settings: Record<string, unknown> | undefined): PluginSettings {
  const raw = settings?.[SETTINGS_KEY];
  if (raw === undefined) return {};
  const result = settingsSchema.safeParse(raw);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `settings.${SETTINGS_KEY}${i.path.map((p) => `.${String(p)}`).join('')}: ${i.message}`);
  throw new Error(`eslint-plugin-zero-trust-ai: invalid settings.\n${issues.join('\n')}`);
}

type PolicyKeys = Pick<ResolvedConfig, keyof typeof POLICY_KEYS>;
const LIST_KEYS = ['redactors', 'loggers', 'allowListChecks', 'sensitiveFields', 'approvedEgressHosts'] as const;

/** The config file's policy extended by settings or rule options: lists are unions, identities are merged. */
export function extendPolicy<T extends PolicyKeys>(config: T, extra: RuleOptions | PluginSettings): T {
  const out = { ...config };
  for (const key of LIST_KEYS) {
    const more = extra[key];
    if (more?.length) out[key] = [...new Set([...config[key], ...more])];
  }
  if (extra.agentIdentities) out.agentIdentities = { ...config.agentIdentities, ...extra.agentIdentities };
  return out;
}

/** Applies settings to the config loaded from the file (rows are added after the file's). */
export function applySettings(config: ResolvedConfig, settings: PluginSettings): ResolvedConfig {
  const out = extendPolicy(config, settings);
  const append = <K extends RowKey>(key: K) => {
    const rows = settings[key] as ResolvedConfig[K] | undefined;
    if (rows?.length) out[key] = [...config[key], ...rows] as ResolvedConfig[K];
  };
  (Object.keys(ROW_KEYS) as RowKey[]).forEach(append);
  return out;
}

/** A stable key for a rule's options: rules with equal options share one analysis. */
export function optionsKey(options: RuleOptions): string {
  const sorted = Object.keys(options)
    .sort()
    .map((k) => {
      const v = options[k as keyof RuleOptions];
      return [k, Array.isArray(v) ? [...v].sort() : v && typeof v === 'object' ? Object.entries(v).sort() : v];
    })
    .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0));
  return JSON.stringify(sorted);
}
