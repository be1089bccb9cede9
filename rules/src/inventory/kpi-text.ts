/** The inventory in words: one line per KPI for the terminal (`scan --kpis`), the asset counts, and the phrases the other writers share. */
import * as path from 'node:path';
import type { Colors } from '../report/text.js';
import { plural } from '../report/common.js';
import type { Inventory, Kpi } from './types.js';

/** Items listed per KPI in the terminal; JSON, Markdown and HTML list them all. */
const MAX_TEXT_ITEMS = 20;

/** How many of each asset the inventory holds, in words: `3 agents`, `1 MCP server`, ... (the Markdown and HTML headers). */
export function assetCounts(inv: Inventory): string[] {
  return [
    plural(inv.agents.length, 'agent'),
    plural(inv.mcpServers.length, 'MCP server'),
    plural(inv.tools.length, 'tool'),
    plural(inv.models.length, 'model'),
    plural(inv.modelCalls.length, 'model call'),
    plural(inv.clients.length, 'SDK client'),
    plural(inv.credentials.length, 'credential'),
    plural(inv.memories.length, 'memory', 'memories'),
    plural(inv.retrievalSources.length, 'retrieval source'),
    plural(inv.egress.length, 'egress path'),
  ];
}

/** `3 of 6 (50%)`, `1 of 4 egress paths`, `not measured (rule off)`. */
export function kpiValue(k: Kpi): string {
  if (!k.measured) return `not measured (${k.ruleId} is off)`;
  if (k.total === 0) return k.higherIsBetter ? 'nothing to measure' : '0 (no network requests found)';
  if (!k.higherIsBetter) return `${k.value} of ${k.total} egress paths`;
  return `${k.value} of ${k.total} (${percent(k.fraction)})`;
}

export function percent(fraction: number | null): string {
  return fraction === null ? '–' : `${Math.round(fraction * 100)}%`;
}

/** Whether the KPI is fully met (all items meet the control, or no unrestricted path). */
export function kpiMet(k: Kpi): boolean {
  return k.measured && (k.higherIsBetter ? k.value === k.total : k.value === 0);
}

export function formatKpisText(kpis: Kpi[], options: { colors: Colors; cwd: string; root: string }): string {
  const c = options.colors;
  const where = (file: string, line: number, column: number) => `${path.relative(options.cwd, path.join(options.root, file)) || file}:${line}:${column}`;
  const width = Math.max(...kpis.map((k) => k.title.length));
  const out = ['', c.bold('Zero Trust KPIs')];
  for (const k of kpis) {
    const value = kpiValue(k);
    out.push(`  ${k.title.padEnd(width)}  ${!k.measured ? c.dim(value) : kpiMet(k) ? c.green(value) : c.yellow(value)}  ${c.dim(`step ${k.step}, ${k.ruleId}`)}`);
    // The items behind the number: those that fall short first, they are the work to do.
    const items = [...k.items].sort((a, b) => Number(a.ok) - Number(b.ok));
    for (const i of items.slice(0, MAX_TEXT_ITEMS)) {
      const mark = i.ok ? c.green('✓') : c.red('✖');
      out.push(`    ${mark} ${i.name}  ${c.dim(where(i.location.file, i.location.line, i.location.column))}`);
    }
    if (items.length > MAX_TEXT_ITEMS) out.push(c.dim(`    … and ${items.length - MAX_TEXT_ITEMS} more (--format json lists them all)`));
  }
  return out.join('\n') + '\n';
}
