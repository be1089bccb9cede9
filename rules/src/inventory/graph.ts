/**
 * The trust-boundary map as a graph: users, the application's request handlers, agents and
 * tools, model providers, data stores, the host system and external hosts, with an edge for each
 * call or data flow between them. An edge carries the findings on that flow (an unredacted prompt
 * to a provider, a model-chosen shell command, a shared key): those are the boundary crossings a
 * rule objects to. Built from inventory data only, so any front end can redraw it.
 */
import { ruleIdsOf } from './findings.js';
import type { Boundary, Capability, EdgeKind, FindingRef, GraphEdge, GraphNode, Inventory, Location, NodeKind, TrustGraph } from './types.js';

const CAPABILITY_TARGET: Record<Exclude<Capability, 'network'>, { id: string; label: string; kind: NodeKind; boundary: Boundary }> = {
  shell: { id: 'system:shell', label: 'Shell commands', kind: 'shell', boundary: 'host-system' },
  filesystem: { id: 'system:filesystem', label: 'Filesystem', kind: 'filesystem', boundary: 'host-system' },
  'code-execution': { id: 'system:code', label: 'Code execution (eval)', kind: 'code', boundary: 'host-system' },
  database: { id: 'store:database', label: 'Database (SQL)', kind: 'database', boundary: 'data-stores' },
};
const ANY_HOST = 'host:*';

export function buildGraph(inv: Inventory): TrustGraph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const node = (id: string, label: string, kind: NodeKind, boundary: Boundary, item?: { id: string; location: Location; findings: FindingRef[] }) => {
    if (!nodes.has(id)) nodes.set(id, { id, label, kind, boundary, ...(item ? { item: item.id, location: item.location } : {}), findings: item ? ruleIdsOf(item.findings) : [] });
    return id;
  };
  const edge = (from: string, to: string, kind: EdgeKind, label: string, location?: Location, findings: FindingRef[] = []) => {
    const key = `${from}|${to}|${kind}`;
    let e = edges.get(key);
    if (!e) edges.set(key, (e = { from, to, kind, label, locations: [], findings: [] }));
    if (location && !e.locations.some((l) => l.file === location.file && l.start === location.start)) e.locations.push(location);
    for (const f of findings) if (!e.findings.some((g) => g.ruleId === f.ruleId && g.location.file === f.location.file && g.location.start === f.location.start)) e.findings.push(f);
  };
  const users = () => node('users', 'Users / callers', 'users', 'users');
  const app = () => node('app', 'Application code', 'function', 'app');
  const credentialName = (id: string | undefined) => (id ? inv.credentials.find((c) => c.id === id)?.name : undefined);

  for (const e of inv.entryPoints) {
    node(e.id, e.name, e.kind === 'route' ? 'route' : 'function', 'app', e);
    edge(users(), e.id, 'request', e.kind === 'route' ? 'HTTP request' : 'calls', e.location);
  }
  for (const m of inv.models) node(m.id, m.model ? `${m.model} (${m.provider})` : m.name, 'model', 'model-providers', m);
  for (const s of inv.mcpServers) node(s.id, `MCP server ${s.name}`, 'mcp-server', s.role === 'exposed' ? 'app' : 'external-hosts', s);
  for (const t of inv.tools) node(t.id, `tool ${t.name}`, 'tool', 'app', t);
  for (const a of inv.agents) {
    node(a.id, `agent ${a.name}`, 'agent', 'app', a);
    // Tool findings on the agent itself (handed a whole registry) concern its tool edges; the rest its identity.
    const toolFindings = a.findings.filter((f) => f.ruleId === 'no-unscoped-tools');
    if (a.model) edge(a.id, a.model, 'calls-model', credentialName(a.credential) ?? 'model', a.location, a.findings.filter((f) => !toolFindings.includes(f)));
    for (const t of a.tools) edge(a.id, t, 'uses-tool', 'tool', a.location, toolFindings);
    for (const s of a.mcpServers) edge(a.id, s, 'uses-tool', 'MCP', a.location);
  }
  for (const s of inv.mcpServers) for (const t of s.tools) edge(s.id, t, 'exposes', 'exposes', s.location);

  const targetOf = (callId: string): string | undefined => {
    const c = inv.modelCalls.find((x) => x.id === callId);
    return c && (c.agent ?? c.model);
  };
  for (const c of inv.modelCalls) {
    const from = c.caller ?? app();
    const to = c.agent ?? c.model;
    const client = c.client ? inv.clients.find((x) => x.id === c.client) : undefined;
    if (to) edge(from, to, c.agent ? 'runs' : 'calls-model', c.agent ? 'runs' : (credentialName(client?.credential) ?? 'prompt'), c.location, c.findings);
    for (const t of c.tools) edge(from, t, 'uses-tool', 'tool', c.location);
  }

  const networkTarget = (host: string | undefined) => (host ? node(`host:${host}`, host, 'host', 'external-hosts') : node(ANY_HOST, 'Any host (URL chosen at run time)', 'any-host', 'external-hosts'));
  for (const t of inv.tools) {
    for (const c of t.capabilities) {
      const to = c.capability === 'network' ? networkTarget(c.host) : (({ id, label, kind, boundary }) => node(id, label, kind, boundary))(CAPABILITY_TARGET[c.capability]);
      edge(t.id, to, 'capability', c.operation, c.location, c.findings);
    }
  }
  for (const e of inv.egress) if (!e.tool) edge(e.caller ?? app(), networkTarget(e.host), 'capability', e.operation, e.location, e.findings);
  for (const m of inv.memories) {
    node(m.id, `${m.scope === 'shared' ? 'shared' : 'per-session'} memory ${m.name}`, 'memory', 'data-stores', m);
    for (const c of m.feeds) {
      const to = targetOf(c);
      if (to) edge(m.id, to, 'feeds', 'history', m.location, m.findings);
    }
  }
  for (const r of inv.retrievalSources) {
    node(r.id, r.name, 'retrieval', 'data-stores', r);
    for (const c of r.feeds) {
      const to = targetOf(c);
      if (to) edge(r.id, to, 'feeds', 'documents', r.location, r.findings);
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
