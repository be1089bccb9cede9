/** Builds inventories for tests: from in-memory files (the virtual root) or from a folder on disk. */
import * as path from 'node:path';
import { scan } from '../../rules/src/engine.js';
import { defaultConfig, type ResolvedConfig } from '../../rules/src/config/load.js';
import { buildInventory, type Inventory, type ToolInfo } from '../../rules/src/inventory/index.js';
import { analyzeFiles, VIRTUAL_ROOT } from '../helpers/marks.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const EXAMPLE_ROOT = path.join(REPO_ROOT, 'examples/agent-app');
export const TOOL: ToolInfo = { name: 'zero-trust-ai', version: '0.0.0-test', informationUri: 'https://example.invalid/zero-trust-ai' };

export function inventoryOfFiles(files: Record<string, string>, config: Partial<ResolvedConfig> = {}): Inventory {
  const resolved = { ...defaultConfig(VIRTUAL_ROOT), ...config };
  const result = analyzeFiles(files, resolved);
  return buildInventory({ root: VIRTUAL_ROOT, model: result.model, findings: result.findings, config: resolved });
}

export function inventoryOfFolder(root: string): Inventory {
  const result = scan(root);
  return buildInventory({ root: result.host.root, model: result.model, findings: result.findings, config: result.host.config });
}

/** Item names per kind, sorted: what an exact-count assertion compares. */
export function namesOf(items: Array<{ name: string }>): string[] {
  return items.map((i) => i.name).sort();
}

/** Mermaid parses flowcharts in Node once DOMPurify (which needs a DOM only to sanitize labels) is stubbed. */
export async function mermaidParser(): Promise<(text: string) => Promise<unknown>> {
  // The ESM build, the same instance mermaid imports.
  const purify = (await import('dompurify')).default as unknown as Record<string, unknown>;
  purify.addHook ??= () => undefined;
  purify.sanitize ??= (s: string) => s;
  const { default: mermaid } = await import('mermaid');
  return (text) => mermaid.parse(text);
}
