/**
 * The AI inventory as the extension knows it: asked of the language server when something shows it
 * (the tree view is visible or the map is open) and the code changed since. The server says when it
 * changed (inventoryChanged, after edits pause); an edit also cancels a request in flight, so the
 * view never settles on an answer older than the code.
 */
import * as vscode from 'vscode';
import { LSPErrorCodes, NotificationType0, RequestType, ResponseError, type LanguageClient } from 'vscode-languageclient/node';
import { Methods, type FolderInventory, type InventoryResult, type Location } from '../../../server/src/protocol.js';

const InventoryRequest = new RequestType<{ workDoneToken?: string } | undefined, InventoryResult, void>(Methods.inventory);
const InventoryChangedNotification = new NotificationType0(Methods.inventoryChanged);

const MAX_REFRESH_DELAY_MS = 10_000;

export type InventoryState =
  | { kind: 'empty' }
  | { kind: 'loading'; previous?: InventoryResult }
  | { kind: 'ready'; result: InventoryResult }
  | { kind: 'error'; message: string; previous?: InventoryResult };

export class InventoryStore implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private current: InventoryState = { kind: 'empty' };
  private stale = true;
  private request: vscode.CancellationTokenSource | undefined;
  private readonly watchers = new Set<() => boolean>();
  private readonly changed = new vscode.EventEmitter<InventoryState>();
  private subscription: vscode.Disposable | undefined;
  private timer: NodeJS.Timeout | undefined;
  readonly onDidChange = this.changed.event;

  get state(): InventoryState {
    return this.current;
  }

  /** The newest inventory there is, even while a newer one is being built. */
  get result(): InventoryResult | undefined {
    const s = this.current;
    return s.kind === 'ready' ? s.result : s.kind === 'empty' ? undefined : s.previous;
  }

  /** A (re)started language client: listen to it, and rebuild what is shown. */
  attach(client: LanguageClient): void {
    this.subscription?.dispose();
    this.client = client;
    this.subscription = client.onNotification(InventoryChangedNotification, () => this.invalidate());
    this.invalidate();
  }

  /** Registers something that shows the inventory; `isShown` says whether it is on screen now. */
  watch(isShown: () => boolean): vscode.Disposable {
    this.watchers.add(isShown);
    return new vscode.Disposable(() => this.watchers.delete(isShown));
  }

  /**
   * The code changed: rebuild if the inventory is on screen, else when it is shown next. The rebuild
   * waits as long as the last one took (up to 10 s), so that a large workspace being edited spends
   * at most about half of the analysis worker's time on the inventory.
   */
  invalidate(): void {
    this.stale = true;
    clearTimeout(this.timer);
    const wait = Math.min(MAX_REFRESH_DELAY_MS, this.result?.durationMs ?? 0);
    this.timer = setTimeout(() => {
      if (this.stale && [...this.watchers].some((shown) => shown())) void this.refresh();
    }, wait);
  }

  /** A view became visible: rebuild if the code changed since the last inventory. */
  shown(): void {
    if (this.stale || this.current.kind === 'empty') void this.refresh();
  }

  async refresh(): Promise<void> {
    clearTimeout(this.timer);
    const client = this.client;
    if (!client?.isRunning()) return;
    this.request?.cancel();
    const request = (this.request = new vscode.CancellationTokenSource());
    this.stale = false;
    this.set({ kind: 'loading', previous: this.result });
    try {
      const result = await client.sendRequest(InventoryRequest, {}, request.token);
      if (request.token.isCancellationRequested) return;
      this.set({ kind: 'ready', result });
    } catch (err) {
      if (request.token.isCancellationRequested) return;
      // The server cancels an inventory when an edit makes it stale; its inventoryChanged follows.
      if (err instanceof ResponseError && err.code === LSPErrorCodes.RequestCancelled) {
        this.stale = true;
        this.set(this.result ? { kind: 'ready', result: this.result } : { kind: 'empty' });
        return;
      }
      this.set({ kind: 'error', message: err instanceof Error ? err.message : String(err), previous: this.result });
    } finally {
      if (this.request === request) this.request = undefined;
      request.dispose();
    }
  }

  private set(state: InventoryState) {
    this.current = state;
    this.changed.fire(state);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.request?.cancel();
    this.subscription?.dispose();
    this.changed.dispose();
  }
}

/** The editor location of an inventory location (1-based lines and columns, file relative to the folder's root). */
export function locationOf(folder: FolderInventory, loc: Location): vscode.Location {
  const uri = vscode.Uri.file(`${folder.inventory.root.replace(/\/$/, '')}/${loc.file}`);
  return new vscode.Location(uri, new vscode.Range(loc.line - 1, loc.column - 1, loc.endLine - 1, loc.endColumn - 1));
}

/** Opens a location in an editor with the cursor at its start. */
export async function reveal(location: vscode.Location, viewColumn?: vscode.ViewColumn): Promise<void> {
  const start = location.range.start;
  await vscode.window.showTextDocument(location.uri, { selection: new vscode.Range(start, start), preserveFocus: false, ...(viewColumn ? { viewColumn } : {}) });
}
