/**
 * `inventory --format mermaid`: the trust-boundary map as a Mermaid flowchart. One subgraph per
 * boundary (users, the application with its request handlers, model providers, data stores, the host
 * system, external hosts), one node per asset, one edge per call or data flow. Nodes and edges with
 * findings are drawn red and their labels name the rules, so the flows that cross a boundary
 * against a Zero Trust control stand out.
 */
import { BOUNDARY_LABELS, type Boundary, type GraphNode, type Inventory, type NodeKind, type TrustGraph } from './types.js';

export interface MermaidDiagram {
  text: string;
  /** Mermaid node id of each graph node, so a viewer can link drawn nodes back to code. */
  nodeIds: Record<string, string>;
}

const BOUNDARY_ORDER: Boundary[] = ['users', 'app', 'model-providers', 'data-stores', 'host-system', 'external-hosts'];

/** Node shapes by kind: [open, close]. */
const SHAPES: Record<NodeKind, [string, string]> = {
  users: ['(["', '"])'],
  route: ['["', '"]'],
  function: ['["', '"]'],
  agent: ['{{"', '"}}'],
  tool: ['["', '"]'],
  'mcp-server': ['[["', '"]]'],
  model: ['(["', '"])'],
  memory: ['[("', '")]'],
  retrieval: ['[("', '")]'],
  database: ['[("', '")]'],
  filesystem: ['[("', '")]'],
  shell: ['[["', '"]]'],
  code: ['[["', '"]]'],
  host: ['>"', '"]'],
  'any-host': ['>"', '"]'],
};

export const FINDING_COLOR = '#c62828';

/** Text made safe inside a quoted Mermaid label: no quote, bracket, pipe or markup gets through. */
export function mermaidText(s: string): string {
  return s
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/\|/g, '#124;')
    .replace(/`/g, '#96;')
    .replace(/[\r\n]+/g, ' ');
}

function label(main: string, findings: string[]): string {
  return findings.length ? `${mermaidText(main)}<br/>⚠ ${findings.map(mermaidText).join(', ')}` : mermaidText(main);
}

export function mermaidDiagram(graph: TrustGraph): MermaidDiagram {
  const nodeIds: Record<string, string> = {};
  graph.nodes.forEach((n, i) => (nodeIds[n.id] = `n${i}`));
  const lines = ['flowchart LR'];
  for (const boundary of BOUNDARY_ORDER) {
    const members = graph.nodes.filter((n) => n.boundary === boundary);
    if (members.length === 0) continue;
    lines.push(`  subgraph b_${boundary.replace(/-/g, '_')}["${mermaidText(BOUNDARY_LABELS[boundary])}"]`);
    for (const n of members) lines.push(`    ${nodeLine(n, nodeIds[n.id])}`);
    lines.push('  end');
  }
  const flagged: number[] = [];
  graph.edges.forEach((e, i) => {
    const rules = [...new Set(e.findings.map((f) => f.ruleId))].sort();
    if (rules.length) flagged.push(i);
    lines.push(`  ${nodeIds[e.from]} -- "${label(e.label, rules)}" --> ${nodeIds[e.to]}`);
  });
  lines.push(`  classDef finding fill:#fdecea,stroke:${FINDING_COLOR},stroke-width:2px,color:#7f1d1d`);
  lines.push('  classDef external fill:#eef3fb,stroke:#5b7db1');
  const external = graph.nodes.filter((n) => n.boundary !== 'app' && n.boundary !== 'users' && n.findings.length === 0);
  const withFindings = graph.nodes.filter((n) => n.findings.length > 0);
  if (external.length) lines.push(`  class ${external.map((n) => nodeIds[n.id]).join(',')} external`);
  if (withFindings.length) lines.push(`  class ${withFindings.map((n) => nodeIds[n.id]).join(',')} finding`);
  if (flagged.length) lines.push(`  linkStyle ${flagged.join(',')} stroke:${FINDING_COLOR},stroke-width:2px,color:${FINDING_COLOR}`);
  return { text: lines.join('\n') + '\n', nodeIds };
}

function nodeLine(n: GraphNode, id: string): string {
  const [open, close] = SHAPES[n.kind];
  return `${id}${open}${label(n.label, n.findings)}${close}`;
}

export function formatMermaid(inv: Inventory): string {
  return mermaidDiagram(inv.graph).text;
}
