/**
 * `zero-trust-ai inventory [paths...]`: the AI inventory of the code (agents, tools and their
 * capabilities, models, SDK clients, credentials by name, memories, retrieval sources, egress, MCP
 * servers, data flows) as JSON, a CycloneDX 1.6 BOM, a Mermaid trust-boundary map or Markdown.
 * Findings do not change the exit code: 0, or 2 for a usage, config or analyzer error.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { AnalysisHost } from '../engine.js';
import { loadConfig } from '../config/load.js';
import { ansiColors, formatNotices, noColors } from '../report/index.js';
import { buildInventory, formatCycloneDx, formatInventoryJson, formatInventoryMarkdown, formatMermaid, type Inventory, type ToolInfo } from '../inventory/index.js';
import { EXIT, INFORMATION_URI, TOOL_NAME, UsageError, toolVersion, type CliIO } from './io.js';
import { Progress } from './progress.js';
import { scanRoot, writeReport } from './scan.js';

const WRITERS: Record<string, (inv: Inventory, tool: ToolInfo) => string> = {
  json: formatInventoryJson,
  cyclonedx: formatCycloneDx,
  mermaid: formatMermaid,
  markdown: formatInventoryMarkdown,
};

export const INVENTORY_USAGE = `Usage: zero-trust-ai inventory [paths...] [options]

Write the AI inventory: agents, tools and their capabilities (shell, filesystem, network, database,
code execution), models and providers, SDK clients and their credentials (by name, never the
value), memories, retrieval sources, egress hosts, MCP servers, the data flows between them with
their source locations, and the Zero Trust KPIs.

Arguments:
  paths                   Files or folders (default: the current folder); locations are relative
                          to the scan root, where the config is read from: as for scan, their
                          common folder or the nearest folder above it with a config.

Options:
  -f, --format <format>   json (default), cyclonedx (a CycloneDX 1.6 BOM), mermaid (the
                          trust-boundary map as a flowchart) or markdown (KPIs, map and tables)
  -o, --output <file>     Write to a file instead of stdout
  -c, --config <file>     Config file (default: zero-trust-ai.config.json in the root)
  -h, --help              Show this help

Exit codes: 0 written (findings do not change it), 2 usage, config or analyzer error.
`;

export function runInventory(args: string[], io: CliIO): number {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) {
    io.stdout.write(INVENTORY_USAGE);
    return EXIT.ok;
  }
  const format = values.format ?? 'json';
  const write = WRITERS[format];
  if (!write) throw new UsageError(`Unknown format "${format}". Use one of: ${Object.keys(WRITERS).join(', ')}.`);
  for (const key of ['output', 'config'] as const) if (values[key] === '') throw new UsageError(`--${key} needs a file name.`);

  const paths = (positionals.length ? positionals : ['.']).map((p) => path.resolve(io.cwd, p));
  const root = scanRoot(paths, io.cwd, values.config);
  const loaded = loadConfig(root, values.config && path.resolve(io.cwd, values.config));
  const progress = new Progress(io.stderr, io.stderr.isTTY === true);
  const host = new AnalysisHost({ root, config: loaded.config });
  host.loadFiles(paths, (done, total) => progress.update('reading files', done, total));
  progress.update('building the agent model');
  const result = host.analyze({ onProgress: (done, total, rule) => progress.update(`ran ${rule}`, done, total) });
  progress.done();
  const notices = [...loaded.notices, ...result.notices];
  if (notices.length) io.stderr.write(formatNotices(notices, { colors: io.stderr.isTTY ? ansiColors : noColors, cwd: io.cwd }));

  const inventory = buildInventory({ root: host.root, model: result.model, findings: result.findings, config: loaded.config });
  const text = write(inventory, { name: TOOL_NAME, version: toolVersion(), informationUri: INFORMATION_URI });
  if (!writeReport(text, values.output, io)) return EXIT.usage;
  // As for scan: a config problem fails the run even though the inventory was written with the defaults.
  const failed = loaded.notices.some((n) => n.level === 'error' || n.level === 'warning') || result.notices.some((n) => n.level === 'error');
  return failed ? EXIT.usage : EXIT.ok;
}
