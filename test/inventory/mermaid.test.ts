/** The Mermaid trust-boundary map parses (Mermaid's own flowchart parser) and marks the findings that cross boundaries. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatMermaid, mermaidDiagram, type TrustGraph } from '../../rules/src/inventory/index.js';
import { EXAMPLE_ROOT, inventoryOfFiles, inventoryOfFolder, mermaidParser } from './helpers.js';
import { INVENTORY_FIXTURE } from './fixture.js';

test('the parser rejects broken flowcharts (so a pass means something)', async () => {
  const parse = await mermaidParser();
  await assert.rejects(parse('flowchart LR\n  a -- "x" --> (b\n'));
});

test('examples/agent-app: the map parses, with one subgraph per boundary and red findings', async () => {
  const parse = await mermaidParser();
  const inv = inventoryOfFolder(EXAMPLE_ROOT);
  const { text, nodeIds } = mermaidDiagram(inv.graph);
  await parse(text);
  assert.match(text, /^flowchart LR\n/);
  for (const boundary of ['Users (untrusted callers)', 'Application: request handlers, agents and tools', 'Model providers (external)', 'Data stores and memory', 'Host system']) {
    assert.ok(text.includes(`["${boundary}"]`), `no subgraph ${boundary}`);
  }
  assert.equal(Object.keys(nodeIds).length, inv.graph.nodes.length);
  // The unscoped shell tool: its node and its edge to the shell are red and name the rule.
  const tool = nodeIds['tool:diagnostics'];
  const shell = nodeIds['system:shell'];
  assert.match(text, new RegExp(`${tool}\\["tool diagnostics<br/>⚠ no-unscoped-tools"\\]`));
  const edgeLines = text.split('\n').filter((l) => /^ {2}n\d+ -- /.test(l));
  const index = edgeLines.findIndex((l) => l.startsWith(`  ${tool} -- `) && l.endsWith(` --> ${shell}`));
  assert.ok(index >= 0 && edgeLines[index].includes('⚠ no-unscoped-tools'));
  const linkStyle = /linkStyle ([\d,]+) stroke:#c62828/.exec(text);
  assert.ok(linkStyle && linkStyle[1].split(',').map(Number).includes(index), 'the edge is styled red');
  assert.match(text, new RegExp(`class [n\\d,]*\\b${tool}\\b[n\\d,]* finding`));
});

test('fixture: the map parses with memories, retrieval, MCP servers and external hosts', async () => {
  const parse = await mermaidParser();
  const text = formatMermaid(inventoryOfFiles(INVENTORY_FIXTURE));
  await parse(text);
  assert.ok(text.includes('["External hosts"]'));
  assert.ok(text.includes('"shared memory history<br/>⚠ no-shared-conversation-memory"'));
  assert.ok(text.includes('>"Any host (URL chosen at run time)"]'));
});

test('labels cannot break out of their quotes or inject markup', async () => {
  const parse = await mermaidParser();
  const nasty = 'a "quoted" | pipe <img src=x onerror=alert(1)> `tick` #hash\nnewline';
  const graph: TrustGraph = {
    nodes: [
      { id: 'x', label: nasty, kind: 'agent', boundary: 'app', findings: ['rule"one'] },
      { id: 'y', label: 'end', kind: 'tool', boundary: 'app', findings: [] },
    ],
    edges: [{ from: 'x', to: 'y', kind: 'uses-tool', label: nasty, locations: [], findings: [] }],
  };
  const { text } = mermaidDiagram(graph);
  await parse(text);
  assert.ok(!text.includes('<img'));
  const quotes = (line: string) => line.split('"').length - 1;
  assert.equal(quotes(text.split('\n').find((l) => l.includes('-->'))!), 2, 'the edge label is one quoted string');
  assert.equal(quotes(text.split('\n').find((l) => l.trim().startsWith('n0'))!), 2, 'the node label is one quoted string');
});
