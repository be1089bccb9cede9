/**
 * `inventory --format cyclonedx`: a CycloneDX 1.6 BOM of the AI assets. Models are
 * `machine-learning-model` components with a minimal model card; agents, MCP servers, tools, request
 * handlers, model providers, data stores and external hosts are services, each with its trust zone,
 * its outbound data flows (BOM-Links to what it sends data to) and `dependencies`. Credentials appear
 * as properties by name, findings as properties of the item they concern.
 */
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import type { ToolInfo } from './json.js';
import type { Boundary, FindingRef, GraphEdge, GraphNode, Inventory, Location } from './types.js';

export const CYCLONEDX_SPEC_VERSION = '1.6';
const NS = 'zero-trust-ai';

export interface CycloneDxOptions {
  /** `urn:uuid:...`; a fresh one by default (a BOM's serial number is unique per generation). */
  serialNumber?: string;
  timestamp?: Date;
}

interface Property {
  name: string;
  value: string;
}

const TRUST_ZONE: Record<Boundary, string> = {
  users: 'request-handlers',
  app: 'application',
  'model-providers': 'model-provider',
  'data-stores': 'data-store',
  'host-system': 'host-system',
  'external-hosts': 'external',
};

const DESCRIPTION: Partial<Record<GraphNode['kind'], string>> = {
  route: 'HTTP request handler',
  function: 'Application function that runs agents or model calls',
  agent: 'AI agent',
  tool: 'Tool the model can call',
  'mcp-server': 'Model Context Protocol server',
  memory: 'Conversation memory',
  retrieval: 'Retrieval source',
  database: 'Database reached with SQL',
  filesystem: 'Local filesystem',
  shell: 'Shell commands on the host',
  code: 'Dynamic code execution',
  host: 'External host reached over the network',
  'any-host': 'Any host: the URL is chosen at run time',
};

const where = (l: Location) => `${l.file}:${l.line}:${l.column}`;
const findingProps = (findings: FindingRef[]): Property[] => findings.map((f) => ({ name: `${NS}:finding`, value: `${f.ruleId} (${f.severity}) at ${where(f.location)}` }));

export function formatCycloneDx(inv: Inventory, tool: ToolInfo, options: CycloneDxOptions = {}): string {
  const serialNumber = options.serialNumber ?? `urn:uuid:${randomUUID()}`;
  const link = (ref: string) => `urn:cdx:${serialNumber.slice('urn:uuid:'.length)}/1#${encodeURIComponent(ref)}`;
  const credentialName = (id: string | undefined) => (id ? inv.credentials.find((c) => c.id === id)?.name : undefined);
  const items = new Map<string, { findings: FindingRef[]; location: Location }>(
    [...inv.agents, ...inv.mcpServers, ...inv.tools, ...inv.memories, ...inv.retrievalSources, ...inv.entryPoints].map((i) => [i.id, i]),
  );
  // Users are the outside world, and "application code" is the BOM's own subject: neither is a service.
  const serviceNodes = inv.graph.nodes.filter((n) => n.kind !== 'model' && n.id !== 'users' && n.id !== 'app');
  const refs = new Set([...inv.models.map((m) => m.id), ...serviceNodes.map((n) => n.id)]);
  const outbound = (id: string) => inv.graph.edges.filter((e) => e.from === id && refs.has(e.to));

  const components = inv.models.map((m) => ({
    type: 'machine-learning-model',
    'bom-ref': m.id,
    name: m.model ?? m.name,
    publisher: m.provider,
    modelCard: {
      modelParameters: {
        task: m.task,
        inputs: [{ format: 'text' }],
        outputs: [{ format: m.task === 'embeddings' ? 'embedding' : 'text' }],
      },
    },
    properties: [
      { name: `${NS}:provider`, value: m.provider },
      ...m.locations.map((l) => ({ name: `${NS}:location`, value: where(l) })),
      ...m.usedBy.map((u) => ({ name: `${NS}:used-by`, value: u })),
    ],
  }));

  const services = serviceNodes.map((n) => {
    const item = items.get(n.id);
    const agent = inv.agents.find((a) => a.id === n.id);
    const tool = inv.tools.find((t) => t.id === n.id);
    const credential = credentialName(agent?.credential);
    const host = n.kind === 'host' ? n.label : undefined;
    const props: Property[] = [
      { name: `${NS}:kind`, value: n.kind },
      ...(item ? [{ name: `${NS}:location`, value: where(item.location) }] : []),
      ...(credential ? [{ name: `${NS}:credential`, value: credential }] : []),
      ...(tool ? [{ name: `${NS}:input-schema`, value: tool.schema }, ...[...new Set(tool.capabilities.map((c) => c.capability))].map((c) => ({ name: `${NS}:capability`, value: c }))] : []),
      ...findingProps(item?.findings ?? []),
    ];
    return {
      'bom-ref': n.id,
      name: n.label,
      ...(DESCRIPTION[n.kind] ? { description: DESCRIPTION[n.kind] } : {}),
      ...(host ? { endpoints: [`https://${host}`] } : {}),
      ...(agent ? { authenticated: !!agent.credential } : {}),
      'x-trust-boundary': n.boundary !== 'app',
      trustZone: TRUST_ZONE[n.boundary],
      ...(outbound(n.id).length ? { data: outbound(n.id).map((e) => dataFlow(e, link)) } : {}),
      ...(props.length ? { properties: props } : {}),
    };
  });

  // The providers behind the models: the external services prompts are sent to, with the credentials used to reach them.
  const providers = [...new Set(inv.models.map((m) => m.provider))].map((p) => {
    const credentials = new Set<string>();
    for (const a of inv.agents) if (inv.models.find((m) => m.id === a.model)?.provider === p && credentialName(a.credential)) credentials.add(credentialName(a.credential)!);
    for (const c of inv.clients) if (c.provider === p && credentialName(c.credential)) credentials.add(credentialName(c.credential)!);
    return {
      'bom-ref': `provider:${p}`,
      provider: { name: p },
      name: p,
      description: 'Model provider API',
      authenticated: credentials.size > 0,
      'x-trust-boundary': true,
      trustZone: TRUST_ZONE['model-providers'],
      properties: [...credentials].map((c) => ({ name: `${NS}:credential`, value: c })),
    };
  });

  const dependsOn = new Map<string, Set<string>>();
  const depend = (from: string, to: string) => {
    if (!dependsOn.has(from)) dependsOn.set(from, new Set());
    dependsOn.get(from)!.add(to);
  };
  for (const e of inv.graph.edges) if (refs.has(e.from) && refs.has(e.to)) depend(e.from, e.to);
  for (const m of inv.models) depend(m.id, `provider:${m.provider}`);

  const bom = {
    bomFormat: 'CycloneDX',
    specVersion: CYCLONEDX_SPEC_VERSION,
    serialNumber,
    version: 1,
    metadata: {
      timestamp: (options.timestamp ?? new Date()).toISOString(),
      tools: { components: [{ type: 'application', name: tool.name, version: tool.version, externalReferences: [{ type: 'website', url: tool.informationUri }] }] },
      component: { type: 'application', 'bom-ref': 'app', name: path.posix.basename(inv.root) || inv.root },
      properties: inv.kpis.map((k) => ({ name: `${NS}:kpi:${k.id}`, value: k.measured ? `${k.value}/${k.total}` : 'not measured (rule off)' })),
    },
    components,
    services: [...services, ...providers],
    dependencies: [...refs, ...providers.map((p) => p['bom-ref'])].map((ref) => ({ ref, dependsOn: [...(dependsOn.get(ref) ?? [])] })),
  };
  return JSON.stringify(bom, null, 2) + '\n';
}

function dataFlow(e: GraphEdge, link: (ref: string) => string) {
  const findings = e.findings.map((f) => `${f.ruleId} at ${where(f.location)}`);
  return {
    flow: 'outbound',
    classification: e.kind,
    name: e.label,
    ...(findings.length ? { description: `Findings on this flow: ${findings.join('; ')}` } : {}),
    destination: [link(e.to)],
  };
}
