/**
 * The flat-config presets, generated from rule metadata: a rule's `preset` says which presets
 * enable it and its `defaultSeverity` at what level, exactly as the CLI and the editor apply it.
 */
import type { ESLint, Linter } from 'eslint';
import { allRules } from '../rules/index.js';
import { SOURCE_EXTENSIONS } from '../project/files.js';
import type { Preset, RuleMeta, Severity } from '../types.js';

export const PLUGIN_NAME = 'zero-trust-ai';
export const CONFIG_NAMES = ['recommended', 'strict', 'all'] as const;
export type ConfigName = (typeof CONFIG_NAMES)[number];

const ESLINT_SEVERITY: Record<Severity, Linter.RuleSeverity> = { error: 'error', warning: 'warn', info: 'warn' };

/** Recommended rules are also strict, and `all` has every rule, experimental ones included. */
const PRESETS_OF: Record<Preset, ConfigName[]> = {
  recommended: ['recommended', 'strict', 'all'],
  strict: ['strict', 'all'],
  experimental: ['all'],
};

/** The rules a preset enables, at the engine's default severity. */
export function presetRules(name: ConfigName, metas: RuleMeta[] = allRules.map((r) => r.meta)): Linter.RulesRecord {
  return Object.fromEntries(metas.filter((m) => PRESETS_OF[m.preset].includes(name)).map((m) => [`${PLUGIN_NAME}/${m.id}`, ESLINT_SEVERITY[m.defaultSeverity]]));
}

/** The engine analyzes these files; the presets name them so `eslint .` lints TypeScript too. */
export const PRESET_FILES = SOURCE_EXTENSIONS.map((ext) => `**/*${ext}`);

export function createConfigs(plugin: ESLint.Plugin): Record<ConfigName, Linter.Config> {
  const configs = {} as Record<ConfigName, Linter.Config>;
  for (const name of CONFIG_NAMES) configs[name] = { name: `${PLUGIN_NAME}/${name}`, files: PRESET_FILES, plugins: { [PLUGIN_NAME]: plugin }, rules: presetRules(name) };
  return configs;
}
