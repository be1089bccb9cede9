/**
 * Drives the BUILT language server (dist/server/server.js --stdio) over real LSP messages, the
 * way an editor does: a JSON-RPC connection over the child's stdio.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import {
  ApplyWorkspaceEditRequest,
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowDocumentRequest,
  ShutdownRequest,
  type ClientCapabilities,
  type Diagnostic,
  type PublishDiagnosticsParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';

export const REPO = path.resolve(import.meta.dirname, '../..');
let server: string | undefined;

/**
 * Builds the bundles once per test process (tests exercise what ships) and snapshots the server
 * bundle: other tests (the e2e packaging) rebuild dist/ while these run.
 */
export function buildOnce(): string {
  if (server) return server;
  const r = spawnSync(process.execPath, [path.join(REPO, 'scripts/build.mjs')], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zta-server-'));
  server = path.join(dir, 'server.js');
  for (const bundle of ['server.js', 'worker.js']) fs.copyFileSync(path.join(REPO, 'dist/server', bundle), path.join(dir, bundle));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return server;
}

export const uriOf = (file: string) => URI.file(file).toString();

export function tempWorkspace(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'zta-lsp-')));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

export interface StartOptions {
  root: string;
  initializationOptions?: unknown;
  /** Answer to workspace/configuration (section zeroTrustAi); undefined: the client does not support it. */
  settings?: Record<string, unknown>;
}

export class LspClient {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcess;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  readonly shownDocuments: string[] = [];
  readonly messages: string[] = [];
  readonly logs: string[] = [];
  registrations: unknown[] = [];
  private waiters: Array<() => void> = [];
  private versions = new Map<string, number>();
  stderr = '';

  constructor(readonly options: StartOptions) {
    this.child = spawn(process.execPath, [buildOnce(), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (d) => (this.stderr += d));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const list = this.diagnostics.get(p.uri) ?? [];
      list.push(p);
      this.diagnostics.set(p.uri, list);
      this.wake();
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
      this.wake();
    });
    this.connection.onNotification('window/showMessage', (p: { message: string }) => {
      this.messages.push(p.message);
      this.wake();
    });
    this.connection.onNotification('zeroTrustAi/status', () => this.wake());
    this.connection.onRequest('window/showMessageRequest', (p: { message: string }) => {
      this.messages.push(p.message);
      this.wake();
      return null;
    });
    this.connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => options.settings ?? null));
    this.connection.onRequest(RegistrationRequest.type, (p) => {
      this.registrations.push(...p.registrations);
    });
    this.connection.onRequest(ShowDocumentRequest.type, (p) => {
      this.shownDocuments.push(p.uri);
      return { success: true };
    });
    this.connection.onRequest(ApplyWorkspaceEditRequest.type, () => ({ applied: true }));
    this.connection.listen();
  }

  private wake() {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  async initialize(): Promise<void> {
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: this.options.settings !== undefined,
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceEdit: { documentChanges: true },
        workspaceFolders: true,
      },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true, versionSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, dataSupport: true },
        hover: { contentFormat: ['markdown'] },
      },
      window: { showDocument: { support: true }, workDoneProgress: true },
    };
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uriOf(this.options.root),
      workspaceFolders: [{ uri: uriOf(this.options.root), name: path.basename(this.options.root) }],
      capabilities,
      initializationOptions: this.options.initializationOptions,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** Resolves when `predicate` holds, re-checked on every message from the server. */
  async waitFor<T>(what: string, predicate: () => T | undefined | false, timeoutMs = 60_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = predicate();
      if (v) return v;
      if (Date.now() > deadline) {
        const latest = [...this.diagnostics].map(([uri, list]) => `${path.basename(uri)} v${list.at(-1)?.version}: ${list.at(-1)?.diagnostics.map((d) => d.code).join(', ')}`);
        throw new Error(`timed out waiting for ${what}\nlatest diagnostics:\n${latest.join('\n')}\nserver log:\n${this.logs.slice(-20).join('\n')}\nstderr:\n${this.stderr}`);
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 200);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Waits until the files of `root` are loaded (the server says so in its log). */
  waitLoaded(): Promise<string> {
    return this.waitFor('the folder to load', () => this.logs.find((l) => l.startsWith('loaded ')));
  }

  latest(uri: string): PublishDiagnosticsParams | undefined {
    return this.diagnostics.get(uri)?.at(-1);
  }

  /** The diagnostics published for `version` of `uri` (the next publish for it). */
  diagnosticsFor(uri: string, version: number, predicate: (d: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    return this.waitFor(`diagnostics for ${path.basename(uri)} v${version}`, () => {
      const p = this.latest(uri);
      return p && p.version === version && predicate(p.diagnostics) ? p.diagnostics : undefined;
    });
  }

  async open(file: string, text?: string): Promise<{ uri: string; version: number }> {
    const uri = uriOf(file);
    const version = 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: file.endsWith('x') ? 'typescriptreact' : 'typescript', version, text: text ?? fs.readFileSync(file, 'utf8') },
    });
    return { uri, version };
  }

  /** Replaces the whole text (incremental clients send ranges; the server handles both). */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async fileChanged(file: string, type: 1 | 2 | 3 = 2): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(file), type }] });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 5000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      /* already gone */
    }
    const exited = new Promise((r) => this.child.once('exit', r));
    setTimeout(() => this.child.kill('SIGKILL'), 3000).unref();
    if (this.child.exitCode === null) await exited;
    this.connection.dispose();
  }
}

/** Applies LSP text edits to a text (edits must not overlap). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const offsets = lineOffsets(text);
  const at = (p: { line: number; character: number }) => (offsets[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => at(b.range.start) - at(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, at(e.range.start)) + e.newText + out.slice(at(e.range.end));
  return out;
}

function lineOffsets(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') out.push(i + 1);
  return out;
}

/** The edits of a workspace edit for one document. */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  const fromChanges = edit.changes?.[uri] ?? [];
  const fromDocs = (edit.documentChanges ?? []).flatMap((c) => ('textDocument' in c && c.textDocument.uri === uri ? c.edits.filter((e): e is TextEdit => 'range' in e) : []));
  return [...fromChanges, ...fromDocs];
}
