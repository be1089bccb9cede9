/** Public engine API: what the CLI, the language server and the ESLint adapter build on. */
export * from './types.js';
export { AnalysisHost, scan, rangeOf, type AnalysisHostOptions, type AnalyzeOptions, type AnalysisResult } from './engine.js';
export { allRules, ruleById } from './rules/index.js';
export { docsUrl, type RuleModule, type RuleContext } from './rule.js';
export { loadConfig, parseConfigText, defaultConfig, findConfigFile, CONFIG_FILE_NAME, type ResolvedConfig } from './config/load.js';
export { maskSecret } from './util/mask.js';
