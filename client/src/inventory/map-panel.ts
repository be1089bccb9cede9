/**
 * "Zero Trust AI: Show trust-boundary map": a webview that draws the inventory's Mermaid map with
 * the renderer bundled in the extension (dist/vendor/mermaid.min.js). Nothing is loaded from the
 * network: the content security policy allows only the extension's two scripts (by nonce) and
 * inline styles (Mermaid styles its SVG). Clicking a node opens its source beside the map.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { FromMap, ToMap } from '../webview/messages.js';
import { MAP_SCRIPTS, mapPageHtml } from '../webview/page.js';
import { mapFolder } from './map-data.js';
import { locationOf, reveal, type InventoryStore } from './store.js';

export const MAP_VIEW_TYPE = 'zeroTrustAi.trustBoundaryMap';

export class TrustMapPanel implements vscode.Disposable {
  private static current: TrustMapPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;

  static show(context: vscode.ExtensionContext, store: InventoryStore, output: vscode.LogOutputChannel): void {
    if (TrustMapPanel.current) {
      TrustMapPanel.current.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(MAP_VIEW_TYPE, 'Trust-boundary map', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist')],
    });
    TrustMapPanel.current = new TrustMapPanel(panel, context, store, output);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    context: vscode.ExtensionContext,
    private readonly store: InventoryStore,
    private readonly output: vscode.LogOutputChannel,
  ) {
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'images/icon.png');
    panel.webview.html = pageHtml(panel.webview, context.extensionUri);
    this.disposables.push(
      store.watch(() => panel.visible),
      store.onDidChange(() => this.post()),
      panel.onDidChangeViewState((e) => e.webviewPanel.visible && store.shown()),
      panel.webview.onDidReceiveMessage((m: FromMap) => this.onMessage(m)),
      panel.onDidDispose(() => this.dispose()),
    );
    store.shown();
  }

  private onMessage(m: FromMap) {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.post();
        break;
      case 'refresh':
        void this.store.refresh();
        break;
      case 'open':
        void this.open(m.folder, m.node);
        break;
      case 'rendered':
        this.output.info(`trust-boundary map drawn: ${m.nodes} nodes, ${m.clickable} linked to code`);
        break;
      case 'error':
        this.output.error(m.message);
        break;
    }
  }

  private async open(folderUri: string, nodeId: string) {
    const folder = this.store.result?.folders.find((f) => f.uri === folderUri);
    const node = folder?.inventory.graph.nodes.find((n) => n.id === nodeId);
    if (!folder || !node?.location) return;
    // Beside the map, so that the map stays in view.
    await reveal(locationOf(folder, node.location), vscode.ViewColumn.Beside);
  }

  private post() {
    if (!this.ready) return;
    const state = this.store.state;
    const result = this.store.result;
    const message: ToMap = {
      type: 'inventory',
      state: state.kind,
      ...(state.kind === 'error' ? { message: state.message } : {}),
      folders: (result?.folders ?? []).filter((f) => f.inventory.graph.nodes.length > 0).map(mapFolder),
    };
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    TrustMapPanel.current = undefined;
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }
}

function pageHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const script = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, file)).toString();
  return mapPageHtml({ cspSource: webview.cspSource, nonce: randomBytes(16).toString('base64'), scripts: [script(MAP_SCRIPTS.mermaid), script(MAP_SCRIPTS.page)] });
}
