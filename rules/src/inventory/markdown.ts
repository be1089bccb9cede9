/**
 * `inventory --format markdown`: a page a reviewer reads in a pull request or a wiki. The KPIs with
 * the items behind them, the trust-boundary map as a ```mermaid block (GitHub and most Markdown
 * viewers draw it), then one table per kind of asset and one of the data flows.
 */
import * as path from 'node:path';
import type { ToolInfo } from './json.js';
import { assetCounts, kpiValue } from './kpi-text.js';
import { mermaidDiagram } from './mermaid.js';
import type { FindingRef, Inventory, Location } from './types.js';

/** Text made safe in a table cell. */
function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/([`*_<>[\]])/g, '\\$1');
}

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;
const at = (l: Location) => code(`${l.file}:${l.line}:${l.column}`);
const rules = (findings: FindingRef[]) => [...new Set(findings.map((f) => f.ruleId))].sort().map(code).join(', ') || '–';
const list = (xs: string[]) => (xs.length ? xs.map(cell).join(', ') : '–');

function table(head: string[], rows: string[][]): string[] {
  if (rows.length === 0) return ['None found.', ''];
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''];
}

export function formatInventoryMarkdown(inv: Inventory, tool: ToolInfo): string {
  const name = (id: string | undefined) => {
    if (!id) return '–';
    const all = [...inv.agents, ...inv.mcpServers, ...inv.tools, ...inv.models, ...inv.clients, ...inv.credentials, ...inv.modelCalls, ...inv.entryPoints, ...inv.memories, ...inv.retrievalSources];
    return all.find((i) => i.id === id)?.name ?? id;
  };
  const names = (ids: string[]) => list(ids.map(name));
  const nodeLabel = (id: string) => inv.graph.nodes.find((n) => n.id === id)?.label ?? id;
  const out: string[] = [
    `# AI inventory: ${cell(path.posix.basename(inv.root) || inv.root)}`,
    '',
    `Written by ${tool.name} ${tool.version} from the code under ${code(inv.root)}. Credentials are named, never shown: env var names, or a masked prefix for literals.`,
    '',
    `${assetCounts(inv).join(', ')}.`,
    '',
    '## Zero Trust KPIs',
    '',
    ...table(
      ['KPI', 'Value', 'Step', 'Decided by'],
      inv.kpis.map((k) => [cell(k.title), cell(kpiValue(k)), String(k.step), code(k.ruleId)]),
    ),
  ];
  for (const k of inv.kpis) {
    if (k.items.length === 0) continue;
    out.push(`### ${cell(k.title)}`, '');
    for (const i of k.items) out.push(`- ${i.ok ? '✓' : '✗'} ${cell(i.name)} at ${at(i.location)}${i.ok ? '' : ` (${i.ruleIds.map(code).join(', ')})`}`);
    out.push('');
  }
  out.push('## Trust-boundary map', '', '```mermaid', mermaidDiagram(inv.graph).text.trimEnd(), '```', '');
  out.push('## Agents', '', ...table(['Agent', 'Framework', 'Model', 'Credential', 'Tools', 'MCP servers', 'Findings', 'Location'], inv.agents.map((a) => [cell(a.name), a.framework, cell(name(a.model)), cell(name(a.credential)), names(a.tools), names(a.mcpServers), rules(a.findings), at(a.location)])));
  out.push('## MCP servers', '', ...table(['Server', 'Role', 'Tools', 'Findings', 'Location'], inv.mcpServers.map((s) => [cell(s.name), s.role, names(s.tools), rules(s.findings), at(s.location)])));
  out.push(
    '## Tools',
    '',
    ...table(
      ['Tool', 'Capabilities', 'Input schema', 'Used by', 'Findings', 'Location'],
      inv.tools.map((t) => [cell(t.name), list(t.capabilities.map((c) => `${c.capability} (${c.operation}${c.host ? ` to ${c.host}` : ''})`)), t.schema, names(t.usedBy), rules(t.findings), at(t.location)]),
    ),
  );
  out.push('## Models', '', ...table(['Model', 'Provider', 'Task', 'Used by', 'Location'], inv.models.map((m) => [cell(m.name), cell(m.provider), m.task, names(m.usedBy), at(m.location)])));
  out.push(
    '## Model calls',
    '',
    ...table(['Call', 'Model', 'Agent', 'Runs in', 'Tools', 'Findings', 'Location'], inv.modelCalls.map((c) => [code(c.name), cell(name(c.model)), cell(name(c.agent)), cell(name(c.caller)), names(c.tools), rules(c.findings), at(c.location)])),
  );
  out.push('## SDK clients', '', ...table(['Client', 'Provider', 'Framework', 'Credential', 'Findings', 'Location'], inv.clients.map((c) => [cell(c.name), cell(c.provider), c.framework, cell(name(c.credential)), rules(c.findings), at(c.location)])));
  out.push('## Credentials', '', ...table(['Credential', 'Kind', 'Used by', 'Findings', 'Location'], inv.credentials.map((c) => [cell(c.name), c.kind, names(c.usedBy), rules(c.findings), at(c.location)])));
  out.push('## Memories', '', ...table(['Memory', 'Scope', 'Feeds', 'Findings', 'Location'], inv.memories.map((m) => [cell(m.name), m.scope, names(m.feeds), rules(m.findings), at(m.location)])));
  out.push('## Retrieval sources', '', ...table(['Source', 'Feeds', 'Location'], inv.retrievalSources.map((r) => [code(r.name), names(r.feeds), at(r.location)])));
  out.push('## Egress', '', ...table(['Destination', 'Request', 'In', 'Findings', 'Location'], inv.egress.map((e) => [cell(e.name), code(e.operation), cell(name(e.tool ?? e.caller)), rules(e.findings), at(e.location)])));
  out.push(
    '## Data flows',
    '',
    ...table(['From', 'To', 'Flow', 'Findings', 'Where'], inv.graph.edges.map((e) => [cell(nodeLabel(e.from)), cell(nodeLabel(e.to)), cell(`${e.kind}: ${e.label}`), rules(e.findings), e.locations.slice(0, 3).map(at).join(', ') + (e.locations.length > 3 ? ` and ${e.locations.length - 3} more` : '') || '–'])),
  );
  return out.join('\n').trimEnd() + '\n';
}
