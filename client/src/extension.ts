/**
 * The VS Code extension: starts the language server (dist/server/server.js), shows its state in
 * the status bar, and adds the commands. Everything else (diagnostics, quick fixes, hovers) is
 * plain LSP, so the same server serves other editors.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  NotificationType,
  RequestType,
  State,
  TransportKind,
  WorkDoneProgress,
  type LanguageClientOptions,
  type ServerOptions,
  type WorkDoneProgressReport,
} from 'vscode-languageclient/node';
import { Methods, type InitializationOptions, type ScanResult, type StatusParams } from '../../server/src/protocol.js';
import { TrustMapPanel } from './inventory/map-panel.js';
import { InventoryStore } from './inventory/store.js';
import { INVENTORY_VIEW_ID, InventoryTree, kpiSummary } from './inventory/tree.js';

const StatusNotification = new NotificationType<StatusParams>(Methods.status);
const ScanWorkspaceRequest = new RequestType<{ workDoneToken?: string }, ScanResult, void>(Methods.scanWorkspace);

const LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'];

let client: LanguageClient | undefined;
let status: vscode.StatusBarItem;
let inventory: InventoryStore;
let lastStatus: StatusParams | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Zero Trust AI', { log: true });
  status = vscode.window.createStatusBarItem('zeroTrustAi.status', vscode.StatusBarAlignment.Left, 10);
  status.name = 'Zero Trust AI';
  status.command = 'zeroTrustAi.showOutput';
  inventory = new InventoryStore();
  context.subscriptions.push(output, status, inventory, new InventoryTree(inventory), inventory.onDidChange(() => lastStatus && showStatus(lastStatus)));

  const start = async () => {
    client = createClient(context, output);
    client.onNotification(StatusNotification, (s) => showStatus(s));
    client.onDidChangeState((e) => {
      if (e.newState === State.Stopped) showStatus({ state: 'disabled', findings: 0, files: 0, loadedFiles: 0, message: 'Server stopped: run "Zero Trust AI: Restart server"' });
    });
    showStatus({ state: 'starting', findings: 0, files: 0, loadedFiles: 0 });
    await client.start();
    inventory.attach(client);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('zeroTrustAi.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('zeroTrustAi.restartServer', async () => {
      if (client) await client.stop();
      await start();
    }),
    vscode.commands.registerCommand('zeroTrustAi.scanWorkspace', () => scanWorkspace()),
    vscode.commands.registerCommand('zeroTrustAi.showTrustBoundaryMap', () => TrustMapPanel.show(context, inventory, output)),
    vscode.commands.registerCommand('zeroTrustAi.refreshInventory', () => inventory.refresh()),
    vscode.commands.registerCommand('zeroTrustAi.showInventory', () => vscode.commands.executeCommand(`${INVENTORY_VIEW_ID}.focus`)),
    // Trust granted: restart so that the server reads the workspace config.
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      if (client) await client.stop();
      await start();
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const initializationOptions: InitializationOptions = { trusted: vscode.workspace.isTrusted };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.map((language) => ({ scheme: 'file', language })),
    initializationOptions,
    outputChannel: output,
    // The server registers its own file watchers; settings are pulled with workspace/configuration.
    synchronize: { configurationSection: 'zeroTrustAi' },
  };
  // Id 'zeroTrustAi': the client reads the trace level from the `zeroTrustAi.trace.server` setting.
  return new LanguageClient('zeroTrustAi', 'Zero Trust AI', serverOptions, clientOptions);
}

function showStatus(s: StatusParams) {
  lastStatus = s;
  const busy = s.state === 'analyzing' || s.state === 'loading' || s.state === 'starting';
  const restricted = !vscode.workspace.isTrusted;
  const icon = busy ? '$(sync~spin)' : s.state === 'disabled' ? '$(circle-slash)' : restricted ? '$(workspace-untrusted)' : '$(shield)';
  status.text = `${icon} Zero Trust AI${s.state === 'disabled' ? '' : `: ${s.findings}`}`;
  const state = { starting: 'starting', loading: 'loading the workspace', analyzing: 'analyzing', idle: 'up to date', disabled: 'stopped' }[s.state];
  status.tooltip = new vscode.MarkdownString(
    [
      `**Zero Trust AI**: ${state}`,
      `${s.findings} finding${s.findings === 1 ? '' : 's'} in ${s.files} file${s.files === 1 ? '' : 's'}`,
      s.message ?? '',
      inventory.result ? kpiSummary(inventory.result) : '',
      'Click to show the log.',
    ].filter(Boolean).join('\n\n'),
  );
  status.accessibilityInformation = { label: `Zero Trust AI, ${state}, ${s.findings} findings${s.message ? `. ${s.message}` : ''}` };
  status.show();
}

async function scanWorkspace() {
  const c = client;
  if (!c || !c.isRunning()) {
    void vscode.window.showWarningMessage('Zero Trust AI: the language server is not running. Run "Zero Trust AI: Restart server".');
    return;
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Zero Trust AI: scanning workspace', cancellable: true },
    async (progress, token) => {
      const workDoneToken = `zeroTrustAi/scan/${Date.now()}`;
      let last = 0;
      const sub = c.onProgress(WorkDoneProgress.type, workDoneToken, (v) => {
        if (v.kind !== 'report') return;
        const r = v as WorkDoneProgressReport;
        const pct = r.percentage ?? last;
        progress.report({ message: r.message, increment: Math.max(0, pct - last) });
        last = pct;
      });
      try {
        return await c.sendRequest(ScanWorkspaceRequest, { workDoneToken }, token);
      } catch (err) {
        if (token.isCancellationRequested) return undefined;
        throw err;
      } finally {
        sub.dispose();
      }
    },
  );
  if (!result) return;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  void vscode.window.showInformationMessage(
    `Zero Trust AI: ${plural(result.findings, 'finding')} in ${plural(result.filesWithFindings, 'file')}; ${plural(result.scannedFiles, 'file')} scanned in ${(result.durationMs / 1000).toFixed(1)} s.`,
  );
}
