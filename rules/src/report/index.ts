/** Report writers shared by the CLI and scripts: text (stylish), JSON, SARIF 2.1.0. */
export { countFindings, relativePath, plural, type Counts, type ScanReport } from './common.js';
export { formatText, formatNotices, ansiColors, noColors, type Colors, type TextOptions } from './text.js';
export { formatJson, JSON_REPORT_VERSION } from './json.js';
export { formatSarif, ruleDescriptor, SARIF_SCHEMA_URI } from './sarif.js';
