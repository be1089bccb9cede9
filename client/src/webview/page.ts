/**
 * The map page's HTML. Its content security policy lets nothing in but the given scripts (by nonce:
 * Mermaid's bundled build and the page script) and inline styles (Mermaid styles the SVG it draws;
 * styles cannot run code). No network: every source is the extension's own files.
 */

/** The page's scripts, relative to the extension root, in load order. */
export const MAP_SCRIPTS = { mermaid: 'dist/vendor/mermaid.min.js', page: 'dist/client/map.js' } as const;

export interface MapPageOptions {
  /** The webview's own origin for styles, images and fonts (`webview.cspSource`). */
  cspSource: string;
  /** A fresh random value per page. */
  nonce: string;
  /** Script URLs in load order. */
  scripts: string[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function mapPageHtml({ cspSource, nonce, scripts }: MapPageOptions): string {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'unsafe-inline'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    // Not covered by default-src.
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Trust-boundary map</title>
<style>
  body { padding: 0 16px 16px; color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
  header { display: flex; align-items: center; gap: 8px; position: sticky; top: 0; padding: 8px 0; background: var(--vscode-editor-background); z-index: 1; }
  header .grow { flex: 1; color: var(--vscode-descriptionForeground); }
  button { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); border: none; padding: 4px 10px; border-radius: 2px; cursor: pointer; }
  button:hover { background: var(--vscode-button-secondaryHoverBackground); }
  h2 { font-size: 1.1em; font-weight: 600; margin: 12px 0 6px; }
  ul.kpis { list-style: none; display: flex; flex-wrap: wrap; gap: 8px; padding: 0; margin: 0 0 12px; }
  ul.kpis li { border: 1px solid var(--vscode-panel-border, #8884); border-radius: 4px; padding: 4px 8px; }
  ul.kpis .title { color: var(--vscode-descriptionForeground); margin-right: 6px; }
  ul.kpis li.met .value { color: var(--vscode-testing-iconPassed, #388a34); }
  ul.kpis li.unmet .value { color: var(--vscode-problemsWarningIcon-foreground, #bf8803); font-weight: 600; }
  .diagram { overflow: auto; border: 1px solid var(--vscode-panel-border, #8884); border-radius: 4px; padding: 8px; background: var(--vscode-editor-background); }
  #zoom-level { min-width: 3.5em; text-align: center; color: var(--vscode-descriptionForeground); }
  g.node.clickable { cursor: pointer; }
  g.node.clickable:hover > *, g.node.clickable:focus > * { filter: brightness(0.92); }
  g.node.clickable:focus { outline: 2px solid var(--vscode-focusBorder); }
  .legend { color: var(--vscode-descriptionForeground); margin: 6px 0 0; }
</style>
</head>
<body data-diagram="loading">
<header><span class="grow" id="status" role="status">Building the AI inventory…</span><button id="zoom-out" type="button" title="Zoom out" aria-label="Zoom out">−</button><span id="zoom-level" aria-live="polite">100%</span><button id="zoom-in" type="button" title="Zoom in" aria-label="Zoom in">+</button><button id="fit" type="button">Fit width</button><button id="refresh" type="button">Refresh</button></header>
<main id="map"></main>
<p class="legend">Red nodes and arrows carry findings: a flow that crosses a trust boundary against a Zero Trust control. Click a node to open its code.</p>
${scripts.map((src) => `<script nonce="${esc(nonce)}" src="${esc(src)}"></script>`).join('\n')}
</body>
</html>`;
}
