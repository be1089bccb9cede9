/** `inventory --format json`: the inventory as it is, with the tool that wrote it. */
import type { Inventory } from './types.js';

export interface ToolInfo {
  name: string;
  version: string;
  informationUri: string;
}

export function formatInventoryJson(inv: Inventory, tool: ToolInfo): string {
  return JSON.stringify({ tool: { name: tool.name, version: tool.version }, ...inv }, null, 2) + '\n';
}
