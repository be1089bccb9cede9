/**
 * The AI inventory: built from one analysis (agent model + findings), written as JSON, CycloneDX
 * 1.6, a Mermaid trust-boundary map, Markdown, or inside the HTML scan report. Editor views render
 * the same data: `Inventory` items carry locations and findings, `graph` is the map, `kpis` the KPIs.
 */
export * from './types.js';
export { buildInventory, type InventoryInput } from './build.js';
export { formatInventoryJson, type ToolInfo } from './json.js';
export { formatCycloneDx, CYCLONEDX_SPEC_VERSION, type CycloneDxOptions } from './cyclonedx.js';
export { formatMermaid, mermaidDiagram, mermaidText, type MermaidDiagram } from './mermaid.js';
export { formatInventoryMarkdown } from './markdown.js';
export { formatHtml, type HtmlOptions } from './html.js';
export { formatKpisText, kpiValue, kpiMet } from './kpi-text.js';
export { loadMermaidBundle, MERMAID_BUNDLE_FILE } from './mermaid-bundle.js';
