/**
 * eslint-plugin-zero-trust-ai: the engine's rules as an ESLint 9 flat-config plugin. Rules, their
 * metadata and the presets are generated from the engine's rule registry; nothing here decides
 * what a finding is.
 *
 *   import zeroTrust from 'eslint-plugin-zero-trust-ai';
 *   export default [zeroTrust.configs.recommended];
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ESLint, Linter, Rule } from 'eslint';
import { allRules } from '../rules/index.js';
import { createEslintRule } from './adapter.js';
import { createConfigs, type ConfigName } from './configs.js';

const PACKAGE_NAME = 'eslint-plugin-zero-trust-ai';

/** The package's own package.json, found from wherever this module runs (source or bundle). */
function packageVersion(): string {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
      if (pkg.name === PACKAGE_NAME) return pkg.version;
    } catch {
      // not here; keep walking up
    }
  }
  return '0.0.0';
}

interface ZeroTrustPlugin extends ESLint.Plugin {
  meta: { name: string; version: string };
  rules: Record<string, Rule.RuleModule>;
  configs: Record<ConfigName, Linter.Config>;
}

const plugin: ZeroTrustPlugin = {
  meta: { name: PACKAGE_NAME, version: packageVersion() },
  rules: Object.fromEntries(allRules.map((r) => [r.meta.id, createEslintRule(r)])),
  configs: {} as Record<ConfigName, Linter.Config>,
};
plugin.configs = createConfigs(plugin);

// CommonJS `module.exports = plugin`, so `import zeroTrust from` and `require()` both get the plugin.
export = plugin;
