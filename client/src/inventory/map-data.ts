/** What the map webview is sent for a folder: the Mermaid text and, per drawn node, what a click opens. */
import type { FolderInventory } from '../../../server/src/protocol.js';
import type { MapFolder } from '../webview/messages.js';

export function mapFolder(f: FolderInventory): MapFolder {
  const byGraphId = new Map(f.inventory.graph.nodes.map((n) => [n.id, n]));
  const nodes: MapFolder['nodes'] = {};
  for (const [graphId, mermaidId] of Object.entries(f.mermaid.nodeIds)) {
    const n = byGraphId.get(graphId);
    if (n) nodes[mermaidId] = { id: n.id, label: n.label, hasLocation: !!n.location, findings: n.findings };
  }
  return {
    uri: f.uri,
    name: f.name,
    diagram: f.mermaid.text,
    nodes,
    kpis: f.inventory.kpis.map((k) => ({ title: k.title, value: f.kpiText[k.id]?.value ?? '', met: f.kpiText[k.id]?.met ?? false })),
    findings: f.findings,
  };
}
