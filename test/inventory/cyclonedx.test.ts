/** The CycloneDX output is a valid 1.6 BOM (checked against the official schema, offline) with the AI assets in it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { formatCycloneDx } from '../../rules/src/inventory/index.js';
import { EXAMPLE_ROOT, TOOL, inventoryOfFiles, inventoryOfFolder } from './helpers.js';
import { INVENTORY_FIXTURE } from './fixture.js';

interface Bom {
  specVersion: string;
  serialNumber: string;
  components: Array<{ type: string; 'bom-ref': string; name: string; publisher?: string; modelCard?: { modelParameters?: { task?: string } } }>;
  services: Array<{ 'bom-ref': string; name: string; trustZone?: string; 'x-trust-boundary'?: boolean; data?: Array<{ flow: string; classification: string; destination: string[] }>; properties?: Array<{ name: string; value: string }> }>;
  dependencies: Array<{ ref: string; dependsOn: string[] }>;
  metadata: { properties: Array<{ name: string; value: string }> };
}

const validator = new Validation.JsonValidator(Spec.Version.v1dot6);

async function validBom(text: string): Promise<Bom> {
  const errors = await validator.validate(text);
  assert.equal(errors, null, `schema errors: ${JSON.stringify(errors, null, 2)?.slice(0, 2000)}`);
  return JSON.parse(text) as Bom;
}

test('the validator really checks the 1.6 schema (a broken BOM fails)', async () => {
  const broken = JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, components: [{ type: 'ml-model', name: 'x' }] });
  assert.notEqual(await validator.validate(broken), null);
});

test('examples/agent-app: a valid CycloneDX 1.6 BOM with models as machine-learning-model components', async () => {
  const inv = inventoryOfFolder(EXAMPLE_ROOT);
  const bom = await validBom(formatCycloneDx(inv, TOOL));
  assert.equal(bom.specVersion, '1.6');
  assert.match(bom.serialNumber, /^urn:uuid:[0-9a-f-]{36}$/);
  const models = bom.components.filter((c) => c.type === 'machine-learning-model');
  assert.deepEqual(models.map((m) => `${m.publisher}/${m.name}`).sort(), ['anthropic/claude-haiku-4-5', 'anthropic/claude-sonnet-4-5', 'openai/gpt-4.1-mini']);
  assert.ok(models.every((m) => m.modelCard?.modelParameters?.task === 'text-generation'));

  const service = (ref: string) => {
    const s = bom.services.find((x) => x['bom-ref'] === ref);
    assert.ok(s, `no service ${ref}`);
    return s;
  };
  const billing = service('agent:billing');
  assert.equal(billing.trustZone, 'application');
  assert.deepEqual(billing.properties?.filter((p) => p.name === 'zero-trust-ai:credential').map((p) => p.value), ['OPENAI_API_KEY (read by default)']);
  assert.ok(billing.properties?.some((p) => p.name === 'zero-trust-ai:finding' && p.value.startsWith('no-shared-agent-credentials')));
  const support = service('agent:support');
  assert.ok(support.data?.some((d) => d.flow === 'outbound' && d.classification === 'uses-tool' && d.destination[0].endsWith('#tool%3Aread_file')));
  assert.ok(support.data?.every((d) => d.destination.every((x) => x.startsWith(`urn:cdx:${bom.serialNumber.slice(9)}/1#`))));
  const diagnostics = service('tool:diagnostics');
  assert.deepEqual(diagnostics.properties?.filter((p) => p.name === 'zero-trust-ai:capability').map((p) => p.value), ['shell']);
  assert.equal(service('provider:anthropic')['x-trust-boundary'], true);
  assert.deepEqual(service('provider:anthropic').properties?.map((p) => p.value).sort(), ['TRIAGE_ANTHROPIC_API_KEY', 'literal sk-ant…(57 chars)']);

  const deps = new Map(bom.dependencies.map((d) => [d.ref, d.dependsOn]));
  assert.deepEqual(deps.get('agent:support')?.sort(), ['model:openai/gpt-4.1-mini', 'tool:read_article', 'tool:read_file']);
  assert.deepEqual(deps.get('model:openai/gpt-4.1-mini'), ['provider:openai']);
  assert.ok(bom.metadata.properties.some((p) => p.name === 'zero-trust-ai:kpi:unique-identity' && p.value === '3/6'));
});

test('fixture: MCP servers, memories, retrieval, hosts and data stores are services too, and the BOM validates', async () => {
  const bom = await validBom(formatCycloneDx(inventoryOfFiles(INVENTORY_FIXTURE), TOOL, { serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79', timestamp: new Date(0) }));
  const refs = bom.services.map((s) => s['bom-ref']);
  for (const ref of ['mcp:github', 'memory:history', 'memory:conversations', 'host:api.weather.example', 'host:*', 'store:database', 'system:code', 'system:shell', 'route:post-/api/chat']) {
    assert.ok(refs.includes(ref), `no service ${ref}`);
  }
  assert.equal(bom.services.find((s) => s['bom-ref'] === 'mcp:github')?.trustZone, 'external');
  assert.ok(bom.services.find((s) => s['bom-ref'] === 'host:*')?.['x-trust-boundary']);
  assert.equal(new Set(refs).size, refs.length, 'bom-refs are unique');
});
