/**
 * `zero-trust-ai scan [paths...]`: analyze files, write a report, exit with a status CI can act on.
 *
 * A bad config does not stop the scan: its problems are printed first (file, JSON path, reason),
 * the scan runs with the default for every bad entry, and the exit code is 2 at the end, so CI
 * fails on a broken policy while the report still shows what the defaults find.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { AnalysisHost } from '../engine.js';
import { findConfigFile, loadConfig } from '../config/load.js';
import { allRules } from '../rules/index.js';
import type { AnalyzerNotice, Finding, SeverityOrOff } from '../types.js';
import { ansiColors, countFindings, formatJson, formatNotices, formatSarif, formatText, noColors, plural, type ScanReport } from '../report/index.js';
import { buildInventory, formatHtml, formatKpisText, loadMermaidBundle } from '../inventory/index.js';
import { EXIT, INFORMATION_URI, TOOL_NAME, UsageError, toolVersion, type CliIO } from './io.js';
import { Progress } from './progress.js';

export const FORMATS = ['text', 'json', 'sarif', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export const SCAN_USAGE = `Usage: zero-trust-ai scan [paths...] [options]

Scan TypeScript and JavaScript agent code for breaks of Zero Trust for AI.

Arguments:
  paths                   Files or folders to scan (default: the current folder). The scan root
                          is their common folder, or the nearest folder above it (up to the
                          current folder) with a config: the config is read from it, and JSON
                          and SARIF paths are relative to it.

Options:
  -f, --format <format>   Report format: text (default), json, sarif, or html (a self-contained page
                          with the KPIs, the trust-boundary map and the findings by Zero Trust step)
  -o, --output <file>     Write the report to a file instead of stdout
      --kpis              Add the Zero Trust KPIs, each with the items behind it (text and json)
  -c, --config <file>     Config file (default: zero-trust-ai.config.json, or the "zeroTrustAi"
                          key of package.json, in the scan root); the scan root is then the
                          common folder of the paths
      --max-warnings <n>  Exit 1 when there are more than n warnings
  -q, --quiet             Report errors only: no warnings, infos or informational notices
      --no-color          Plain output (so does the NO_COLOR environment variable)
  -h, --help              Show this help
  -v, --version           Show the version

Exit codes:
  0  no finding at error level, and no more warnings than --max-warnings
  1  findings at error level, or too many warnings
  2  a usage error, a config error, a path that does not exist, or a rule that failed. A bad
     config entry is reported (file, JSON path, reason) and replaced by its default, the scan
     still runs and writes its report, and the exit code is 2.

Problems the scanner meets (skipped files, config errors) are printed on stderr.
`;

interface ScanFlags {
  paths: string[];
  format: Format;
  output?: string;
  config?: string;
  maxWarnings: number;
  quiet: boolean;
  kpis: boolean;
  /** Colors on stdout (the report) and on stderr (notices, progress). */
  color: boolean;
  stderrColor: boolean;
  help: boolean;
  version: boolean;
}

const SCAN_OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  kpis: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  color: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

function parseOrThrowUsage(args: string[]) {
  try {
    return parseArgs({ args, allowPositionals: true, strict: true, options: SCAN_OPTIONS });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function parseScanArgs(args: string[], io: CliIO): ScanFlags {
  const { values, positionals } = parseOrThrowUsage(args);
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`Unknown format "${values.format}". Use one of: ${FORMATS.join(', ')}.`);
  if (values.kpis && format === 'sarif') throw new UsageError('--kpis works with the text, json and html formats (html always shows them).');
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(values['max-warnings'])) throw new UsageError(`--max-warnings needs a whole number, got "${values['max-warnings']}".`);
    maxWarnings = Number(values['max-warnings']);
  }
  for (const key of ['output', 'config'] as const) {
    if (values[key] === '') throw new UsageError(`--${key} needs a file name.`);
  }
  const noColor = values['no-color'] === true || !!io.env.NO_COLOR;
  const forced = values.color === true || (!!io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0');
  return {
    paths: positionals,
    format,
    output: values.output,
    config: values.config,
    maxWarnings,
    quiet: values.quiet === true,
    kpis: values.kpis === true,
    color: !noColor && (forced || (!values.output && io.stdout.isTTY === true)),
    stderrColor: !noColor && (forced || io.stderr.isTTY === true),
    help: values.help === true,
    version: values.version === true,
  };
}

/** The deepest folder that holds every path (a file stands for its folder). */
export function commonFolder(paths: string[]): string {
  const dirs = paths.map((p) => {
    try {
      return fs.statSync(p).isDirectory() ? p : path.dirname(p);
    } catch {
      return path.dirname(p);
    }
  });
  let common = dirs[0].split(path.sep);
  for (const d of dirs.slice(1)) {
    const parts = d.split(path.sep);
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.join(path.sep) || path.parse(dirs[0]).root;
}

/**
 * The scan root: the common folder of the paths, or the nearest folder above it, up to the current
 * folder, that holds the policy file. So `scan src` run from the project root applies the
 * project's policy and reports paths from the project root, as code scanning expects.
 */
export function scanRoot(paths: string[], cwd: string, explicitConfig?: string): string {
  const common = commonFolder(paths);
  const top = path.resolve(cwd);
  const rel = path.relative(top, common);
  if (explicitConfig || rel.startsWith('..') || path.isAbsolute(rel)) return common;
  for (let dir = common; ; dir = path.dirname(dir)) {
    if (findConfigFile(dir)) return dir;
    if (dir === top || path.dirname(dir) === dir) return common;
  }
}

export function runScan(args: string[], io: CliIO): number {
  const flags = parseScanArgs(args, io);
  if (flags.help) {
    io.stdout.write(SCAN_USAGE);
    return EXIT.ok;
  }
  if (flags.version) {
    io.stdout.write(`${toolVersion()}\n`);
    return EXIT.ok;
  }
  const paths = (flags.paths.length ? flags.paths : ['.']).map((p) => path.resolve(io.cwd, p));
  const root = scanRoot(paths, io.cwd, flags.config);
  const colors = flags.color ? ansiColors : noColors;
  const stderrColors = flags.stderrColor ? ansiColors : noColors;
  const printNotices = (notices: AnalyzerNotice[]) => {
    const shown = flags.quiet ? notices.filter((n) => n.level === 'error') : notices;
    if (shown.length) io.stderr.write(formatNotices(shown, { colors: stderrColors, cwd: io.cwd }));
  };

  const loaded = loadConfig(root, flags.config && path.resolve(io.cwd, flags.config));
  // Any config problem fails the run: a typo in a policy key must not pass CI silently.
  const configFailed = loaded.notices.some((n) => n.level === 'error' || n.level === 'warning');
  printNotices(loaded.notices);

  const progress = new Progress(io.stderr, io.stderr.isTTY === true);
  const host = new AnalysisHost({ root, config: loaded.config });
  const fileCount = host.loadFiles(paths, (done, total) => progress.update('reading files', done, total));
  progress.update('building the agent model');
  const result = host.analyze({ onProgress: (done, total, rule) => progress.update(`ran ${rule}`, done, total) });
  progress.done();

  const severityOf = (id: string): SeverityOrOff => loaded.config.rules[id]?.severity ?? allRules.find((r) => r.meta.id === id)?.meta.defaultSeverity ?? 'off';
  const findings: Finding[] = flags.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
  const notices = [...loaded.notices, ...result.notices];
  if (fileCount === 0 && !result.notices.some((n) => n.level === 'error')) {
    notices.push({ level: 'warning', message: `No TypeScript or JavaScript files found to scan under ${root}.` });
  }
  printNotices(notices.slice(loaded.notices.length));

  const report: ScanReport = {
    root: root.replace(/\\/g, '/'),
    findings,
    notices,
    fileCount,
    rules: allRules.map((r) => r.meta),
    severityOf,
    tool: { name: TOOL_NAME, version: toolVersion(), informationUri: INFORMATION_URI },
  };
  // The KPIs and the map come from the AI inventory, built from the same analysis and findings.
  const inventory = flags.kpis || flags.format === 'html' ? buildInventory({ root, model: result.model, findings: result.findings, config: loaded.config }) : undefined;
  if (flags.kpis) report.kpis = inventory!.kpis;
  const text =
    flags.format === 'json'
      ? formatJson(report)
      : flags.format === 'sarif'
        ? formatSarif(report)
        : flags.format === 'html'
          ? formatHtml(report, inventory!, { mermaidScript: loadMermaidBundle() })
          : formatText(report, { colors, cwd: io.cwd }) + (report.kpis ? formatKpisText(report.kpis, { colors, cwd: io.cwd, root }) : '');
  if (!writeReport(text, flags.output, io)) return EXIT.usage;

  if (configFailed || notices.some((n) => n.level === 'error')) return EXIT.usage;
  const counts = countFindings(findings);
  if (counts.errors > 0) return EXIT.findings;
  if (flags.maxWarnings >= 0 && counts.warnings > flags.maxWarnings) {
    io.stderr.write(`zero-trust-ai found too many warnings: ${plural(counts.warnings, 'warning')}, at most ${flags.maxWarnings} allowed (--max-warnings).\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

/** Writes a report to `output` (relative to the current folder) or to stdout; false when the file cannot be written. */
export function writeReport(text: string, output: string | undefined, io: CliIO): boolean {
  if (!output) {
    io.stdout.write(text);
    return true;
  }
  const out = path.resolve(io.cwd, output);
  // Written beside the target, then renamed over it: a reader, or a run killed mid-write, never sees half a report.
  const partial = `${out}.${process.pid}.partial`;
  try {
    if (fs.statSync(out, { throwIfNoEntry: false })?.isDirectory()) throw new Error('it is a folder');
    makeFolders(path.dirname(out));
    fs.writeFileSync(partial, text);
    fs.renameSync(partial, out);
    return true;
  } catch (err) {
    try {
      fs.unlinkSync(partial);
    } catch {
      // never created
    }
    io.stderr.write(`error: Cannot write the report to ${output}: ${(err as Error).message}\n`);
    return false;
  }
}

/** mkdir -p one level at a time: Node's recursive mkdirSync spins forever on a path under /proc. */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !fs.existsSync(d) && path.dirname(d) !== d; d = path.dirname(d)) missing.unshift(d);
  for (const d of missing) fs.mkdirSync(d);
}
