/**
 * The trust-boundary map page (runs inside the webview, bundled for the browser). It draws each
 * folder's Mermaid flowchart with the bundled renderer (strict security level: labels are text,
 * no click scripts), then makes the nodes that stand for code clickable: a click or Enter asks the
 * extension to open the node's source.
 */
import type { FromMap, MapFolder, ToMap } from './messages.js';

interface VsCodeApi {
  postMessage(message: FromMap): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
declare const mermaid: {
  initialize(config: Record<string, unknown>): void;
  render(id: string, text: string): Promise<{ svg: string }>;
};

const vscode = acquireVsCodeApi();
const FLOWCHART_NODE = /-flowchart-(.+)-\d+$/;
const main = document.getElementById('map')!;
const status = document.getElementById('status')!;
let renderCount = 0;
/** Zoom chosen by the user (1 = actual size); undefined: fit the width, but never below MIN_FIT_ZOOM, where labels become unreadable. */
let zoom = (vscode.getState() as { zoom?: number } | undefined)?.zoom;
const MIN_FIT_ZOOM = 0.6;
const ZOOM_STEP = 1.25;

function isDark(): boolean {
  return document.body.classList.contains('vscode-dark') || document.body.classList.contains('vscode-high-contrast');
}

mermaid.initialize({
  startOnLoad: false,
  securityLevel: 'strict',
  theme: isDark() ? 'dark' : 'default',
  maxTextSize: 2_000_000,
  maxEdges: 20_000,
  flowchart: { useMaxWidth: false, wrappingWidth: 320 },
});

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string } = {}, children: Node[] = []): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (props.className) e.className = props.className;
  if (props.text !== undefined) e.textContent = props.text;
  for (const c of children) e.appendChild(c);
  return e;
}

function setStatus(text: string, state: string) {
  status.textContent = text;
  document.body.dataset.diagram = state;
}

async function render(message: ToMap) {
  const run = ++renderCount;
  if (message.state === 'error') setStatus(`The inventory could not be built: ${message.message ?? ''}`, 'error');
  else if (message.state === 'loading') setStatus(message.folders.length ? 'Updating…' : 'Building the AI inventory…', message.folders.length ? document.body.dataset.diagram ?? 'loading' : 'loading');
  if (message.state !== 'ready') return;
  const sections: HTMLElement[] = [];
  let nodes = 0;
  let clickable = 0;
  try {
    for (const [i, folder] of message.folders.entries()) {
      const section = await renderFolder(folder, `zta-map-${run}-${i}`, message.folders.length > 1);
      nodes += section.nodes;
      clickable += section.clickable;
      sections.push(section.element);
      if (run !== renderCount) return; // a newer inventory arrived while drawing
    }
  } catch (err) {
    const text = `The map could not be drawn: ${err instanceof Error ? err.message : String(err)}`;
    setStatus(text, 'error');
    vscode.postMessage({ type: 'error', message: text });
    return;
  }
  main.replaceChildren(...sections);
  applyZoom();
  setStatus(message.folders.length ? '' : 'No AI agents, tools or model calls found in this workspace.', message.folders.length ? 'rendered' : 'empty');
  vscode.postMessage({ type: 'rendered', nodes, clickable });
}

async function renderFolder(folder: MapFolder, id: string, showName: boolean): Promise<{ element: HTMLElement; nodes: number; clickable: number }> {
  const kpis = el('ul', { className: 'kpis' }, folder.kpis.map((k) => el('li', { className: k.met ? 'met' : 'unmet' }, [el('span', { className: 'title', text: k.title }), el('span', { className: 'value', text: k.value })])));
  const heading = el('h2', { text: showName ? folder.name : `${folder.findings} finding${folder.findings === 1 ? '' : 's'} · trust boundaries of ${folder.name}` });
  const diagram = el('div', { className: 'diagram' });
  const { svg } = await mermaid.render(id, folder.diagram);
  diagram.innerHTML = svg;
  let nodes = 0;
  let clickable = 0;
  for (const g of diagram.querySelectorAll<SVGGElement>('g.node')) {
    // Mermaid names a node's element `<render id>-flowchart-<node id>-<counter>`.
    const node = folder.nodes[FLOWCHART_NODE.exec(g.id)?.[1] ?? ''];
    if (!node) continue;
    nodes++;
    g.setAttribute('data-node', node.id);
    if (!node.hasLocation) continue;
    clickable++;
    g.classList.add('clickable');
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    g.setAttribute('aria-label', `${node.label}${node.findings.length ? `, findings: ${node.findings.join(', ')}` : ''}. Open in editor`);
    const open = () => vscode.postMessage({ type: 'open', folder: folder.uri, node: node.id });
    g.addEventListener('click', open);
    g.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        open();
      }
    });
  }
  return { element: el('section', {}, [heading, kpis, diagram]), nodes, clickable };
}

window.addEventListener('message', (event: MessageEvent<ToMap>) => {
  if (event.data?.type === 'inventory') void render(event.data);
});

document.getElementById('refresh')!.addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
/** Sizes each drawn map: the chosen zoom, or the width of the window. */
function applyZoom() {
  for (const svg of main.querySelectorAll<SVGSVGElement>('.diagram > svg')) {
    const natural = svg.viewBox.baseVal?.width || svg.getBBox().width;
    const available = (svg.parentElement?.clientWidth ?? natural) - 16;
    const scale = zoom ?? Math.min(1, Math.max(MIN_FIT_ZOOM, available / natural));
    svg.style.maxWidth = 'none';
    svg.style.width = `${Math.round(natural * scale)}px`;
    svg.style.height = 'auto';
    document.getElementById('zoom-level')!.textContent = `${Math.round(scale * 100)}%`;
  }
}

function setZoom(next: number | undefined) {
  zoom = next === undefined ? undefined : Math.min(4, Math.max(0.1, next));
  vscode.setState({ zoom });
  applyZoom();
}

const currentScale = () => Number.parseInt(document.getElementById('zoom-level')!.textContent ?? '100', 10) / 100 || 1;
document.getElementById('zoom-in')!.addEventListener('click', () => setZoom(currentScale() * ZOOM_STEP));
document.getElementById('zoom-out')!.addEventListener('click', () => setZoom(currentScale() / ZOOM_STEP));
document.getElementById('fit')!.addEventListener('click', () => setZoom(undefined));
window.addEventListener('resize', () => zoom === undefined && applyZoom());

vscode.postMessage({ type: 'ready' });
