/**
 * The language server: LSP wiring only. Analysis runs in a worker (analysis/worker.ts); this
 * thread keeps documents, schedules analyses, publishes their results unless newer ones are on the
 * way, and answers code actions and hovers from what it published.
 *
 * Scheduling: an edit analyzes its file first (after a short debounce; an analysis of an older
 * version of the file is cancelled), then, when the editor is idle, the files whose findings may
 * depend on it (the other open documents and files with published findings).
 */
import * as fs from 'node:fs';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  LSPErrorCodes,
  NotificationType,
  NotificationType0,
  RequestType,
  RequestType0,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  WatchKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
// Light engine modules only: this thread must not load the analyzer (the worker does).
import { docsUrl } from '../../rules/src/rule.js';
import { kpiMet, kpiValue } from '../../rules/src/inventory/kpi-text.js';
import { AnalysisClient, type Job, type JobResult } from './analysis/client.js';
import type { AnalysisTarget, ConfigReport, FromWorker } from './analysis/messages.js';
import { fileToUri, hoverMarkdown, uriToFile, type HoverMeta } from './convert.js';
import {
  Commands,
  DEFAULT_SETTINGS,
  DIAGNOSTIC_SOURCE,
  FIX_ALL_KIND,
  Methods,
  SERVER_NAME,
  SETTINGS_SECTION,
  type AnalysisState,
  type DiagnosticData,
  type FileTextEdit,
  type FixData,
  type FolderInventory,
  type InitializationOptions,
  type InventoryResult,
  type ScanResult,
  type ServerStats,
  type Settings,
  type StatusParams,
} from './protocol.js';

const StatusNotification = new NotificationType<StatusParams>(Methods.status);
const ScanWorkspaceRequest = new RequestType<{ workDoneToken?: string | number }, ScanResult, void>(Methods.scanWorkspace);
const StatsRequest = new RequestType0<ServerStats, void>(Methods.stats);
const InventoryRequest = new RequestType<{ workDoneToken?: string | number } | undefined, InventoryResult, void>(Methods.inventory);
const InventoryChangedNotification = new NotificationType0(Methods.inventoryChanged);

/** Edits typed in quick succession are analyzed once. */
const EDIT_DEBOUNCE_MS = 15;
/** Dependent files wait until the editor is idle this long. */
const DEPENDENTS_DELAY_MS = 300;
/** Changes in quick succession make one inventoryChanged notification. */
const INVENTORY_CHANGED_DELAY_MS = 500;
const LANGUAGES = new Set(['typescript', 'typescriptreact', 'javascript', 'javascriptreact']);

interface Published {
  version: number | null;
  diagnostics: Diagnostic[];
  /** Job id that produced it: an older job never overwrites a newer one's result. */
  job: number;
}

interface Running {
  job: Job;
  /** 'inventory' is a full scan that also builds the inventory; unlike 'scan', an edit cancels it. */
  kind: 'edit' | 'dependents' | 'scan' | 'inventory';
  files: Set<string>;
}

export interface ServerOptions {
  /** The script the analysis worker runs (the server's own bundle). */
  workerScript: string;
  version: string;
}

export function startServer(connection: Connection, { workerScript, version }: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const published = new Map<string, Published>();
  const running = new Set<Running>();
  const folders = new Map<string, WorkspaceFolder>();
  const configDiagnostics = new Map<string, string>(); // folder root -> uri of the config file with diagnostics
  const loading = new Set<string>();
  let ruleMeta: Record<string, HoverMeta> = {};
  let analysis!: AnalysisClient;
  let trusted = true;
  let initOptions: InitializationOptions = {};
  let caps = { configuration: false, watchedFiles: false, documentChanges: false, showDocument: false, workDoneProgress: false };
  const editTimers = new Map<string, NodeJS.Timeout>();
  let dependentsTimer: NodeJS.Timeout | undefined;
  let inventoryTimer: NodeJS.Timeout | undefined;

  const log = (message: string) => connection.console.log(message);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    initOptions = (params.initializationOptions ?? {}) as InitializationOptions;
    trusted = initOptions.trusted !== false;
    const c = params.capabilities;
    caps = {
      configuration: !!c.workspace?.configuration,
      watchedFiles: !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration,
      documentChanges: !!c.workspace?.workspaceEdit?.documentChanges,
      showDocument: !!c.window?.showDocument?.support,
      workDoneProgress: !!c.window?.workDoneProgress,
    };
    for (const f of params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : [])) folders.set(uriToFile(f.uri), f);
    analysis = new AnalysisClient(workerScript, trusted, (e) => onWorkerEvent(e));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        executeCommandProvider: { commands: [Commands.showRuleDocumentation] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: SERVER_NAME, version: version },
    };
  });

  connection.onInitialized(async () => {
    log(`${SERVER_NAME} ${version} on Node ${process.version}; workspace ${trusted ? 'trusted' : 'not trusted (Restricted Mode): workspace config files are ignored'}`);
    for (const [root] of folders) analysis.post({ kind: 'addFolder', root, settings: await settingsFor(root) });
    if (folders.size) setState();
    for (const root of folders.keys()) loading.add(root);
    if (caps.watchedFiles) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}', kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete },
          { globPattern: '**/{zero-trust-ai.config.json,package.json}' },
          ...(await configPathWatchers()),
        ],
      });
    }
    connection.workspace.onDidChangeWorkspaceFolders(async (e) => {
      for (const f of e.removed) {
        const root = uriToFile(f.uri);
        folders.delete(root);
        analysis.post({ kind: 'removeFolder', root });
      }
      for (const f of e.added) {
        const root = uriToFile(f.uri);
        folders.set(root, f);
        loading.add(root);
        analysis.post({ kind: 'addFolder', root, settings: await settingsFor(root) });
      }
      setState();
    });
  });

  async function settingsFor(root: string): Promise<Settings> {
    let s: Partial<Settings> | undefined = initOptions.settings;
    if (caps.configuration) {
      const scopeUri = folders.get(root)?.uri ?? fileToUri(root);
      s = ((await connection.workspace.getConfiguration({ scopeUri, section: SETTINGS_SECTION })) as Partial<Settings> | null) ?? s;
    }
    return { ...DEFAULT_SETTINGS, ...s, rules: { ...(s?.rules ?? {}) }, configPath: trusted ? (s?.configPath ?? '') : '' };
  }

  async function configPathWatchers() {
    const names = new Set<string>();
    for (const root of folders.keys()) {
      const p = (await settingsFor(root)).configPath;
      if (p) names.add(p.split(/[\\/]/).pop()!);
    }
    return [...names].map((n) => ({ globPattern: `**/${n}` }));
  }

  connection.onDidChangeConfiguration(async () => {
    for (const root of folders.keys()) analysis.post({ kind: 'settings', root, settings: await settingsFor(root) });
  });

  // Documents: every version goes to the worker right away, so that jobs see the newest text.
  documents.onDidOpen((e) => onDocument(e.document, true));
  documents.onDidChangeContent((e) => onDocument(e.document, false));
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    if (!LANGUAGES.has(e.document.languageId)) return;
    analysis.post({ kind: 'close', file: uriToFile(uri) });
    clearTimeout(editTimers.get(uri));
    editTimers.delete(uri);
    publish(uri, null, [], Number.MAX_SAFE_INTEGER - 1);
    published.delete(uri);
    setState();
  });
  documents.onDidSave((e) => {
    // Saving a config file that is open: the file watcher may be absent (standalone clients).
    const file = uriToFile(e.document.uri);
    if (/(^|\/)(zero-trust-ai\.config\.json|package\.json)$/.test(file)) analysis.post({ kind: 'disk', file, change: 'changed' });
  });

  function onDocument(doc: TextDocument, opened: boolean) {
    if (!LANGUAGES.has(doc.languageId)) return;
    const uri = doc.uri;
    analysis.post({ kind: 'update', file: uriToFile(uri), text: doc.getText() });
    // An analysis of an older version of this file is now useless, and so is an inventory in the making.
    for (const r of running) if ((r.kind !== 'scan' && r.files.has(uri)) || r.kind === 'inventory') r.job.cancel();
    if (!opened) inventoryChanged();
    clearTimeout(editTimers.get(uri));
    editTimers.set(
      uri,
      setTimeout(
        () => {
          editTimers.delete(uri);
          void analyzeEdit(uri);
        },
        opened ? 0 : EDIT_DEBOUNCE_MS,
      ),
    );
  }

  function target(uri: string): AnalysisTarget {
    return { file: uriToFile(uri), version: documents.get(uri)?.version ?? null };
  }

  async function analyzeEdit(uri: string) {
    const result = await run('edit', [target(uri)]).done;
    if (!result.cancelled) scheduleDependents();
  }

  function scheduleDependents() {
    clearTimeout(dependentsTimer);
    // Every shown file, the edited ones included: a file analyzed before another one's edit may be stale.
    dependentsTimer = setTimeout(reanalyzeShown, DEPENDENTS_DELAY_MS);
  }

  /** Re-analyzes what is shown: open documents and files with published findings (after a config change or a folder load). */
  function reanalyzeShown() {
    const uris = new Set<string>();
    for (const doc of documents.all()) if (LANGUAGES.has(doc.languageId)) uris.add(doc.uri);
    for (const [uri, p] of published) if (p.diagnostics.length) uris.add(uri);
    // Files about to be analyzed for an edit get their turn then.
    for (const uri of editTimers.keys()) uris.delete(uri);
    if (uris.size) run('dependents', [...uris].map(target));
  }

  /** Tells the client, once changes pause, that an inventory it shows is out of date. */
  function inventoryChanged() {
    clearTimeout(inventoryTimer);
    inventoryTimer = setTimeout(() => void connection.sendNotification(InventoryChangedNotification), INVENTORY_CHANGED_DELAY_MS);
  }

  /** Starts an analysis job; its results are published when it ends, unless they are stale. */
  function run(kind: Running['kind'], targets: AnalysisTarget[] | 'all'): { job: Job; done: Promise<JobResult> } {
    // A newer dependents pass (or inventory) replaces an older one.
    if (kind === 'dependents' || kind === 'inventory') for (const r of running) if (r.kind === kind) r.job.cancel();
    const job = analysis.analyze(targets, { inventory: kind === 'inventory' });
    const entry: Running = { job, kind, files: new Set(targets === 'all' ? [] : targets.map((t) => fileToUri(t.file))) };
    running.add(entry);
    setState();
    return { job, done: finish(entry, targets) };
  }

  async function finish(entry: Running, targets: AnalysisTarget[] | 'all'): Promise<JobResult> {
    const { job, kind, files } = entry;
    try {
      const result = await job.done;
      if (result.cancelled) return result;
      const seen = new Set<string>();
      for (const f of result.files) {
        const uri = fileToUri(f.file);
        seen.add(uri);
        const doc = documents.get(uri);
        // Stale: the document changed since this job read it; the analysis of the newer version publishes.
        if (doc && doc.version !== f.version) continue;
        if (!doc && f.version !== null) continue;
        publish(uri, f.version, f.diagnostics, job.id);
      }
      if (targets === 'all') {
        // A full scan also clears files whose findings are gone.
        for (const [uri, p] of published) if (!seen.has(uri) && !documents.get(uri) && p.job < job.id) publish(uri, null, [], job.id);
      }
      const names = [...files].map((u) => uriToFile(u).split('/').pop()).join(', ');
      if (kind === 'edit') log(`analyzed ${names} in ${result.durationMs.toFixed(0)} ms`);
      else if (kind === 'dependents') log(`re-analyzed ${names} in ${result.durationMs.toFixed(0)} ms`);
      return result;
    } finally {
      running.delete(entry);
      setState();
    }
  }

  function publish(uri: string, version: number | null, diagnostics: Diagnostic[], job: number) {
    const prev = published.get(uri);
    if (prev && prev.job > job) return;
    const unchanged = prev && prev.version === version && JSON.stringify(prev.diagnostics) === JSON.stringify(diagnostics);
    published.set(uri, { version, diagnostics, job });
    if (unchanged) return;
    void connection.sendDiagnostics({ uri, ...(version !== null ? { version } : {}), diagnostics });
  }

  const progressListeners = new Set<(e: WorkerEvent & { kind: 'progress' }) => void>();

  function onWorkerEvent(e: WorkerEvent) {
    switch (e.kind) {
      case 'log':
        if (e.level === 'error') connection.console.error(e.message);
        else if (e.level === 'warning') connection.console.warn(e.message);
        else log(e.message);
        break;
      case 'progress':
        for (const l of progressListeners) l(e);
        break;
      case 'rules':
        ruleMeta = e.meta;
        break;
      case 'loading':
        loading.add(e.root);
        setState();
        break;
      case 'loaded':
        loading.delete(e.root);
        log(`loaded ${e.files} files of ${e.root} in ${e.durationMs} ms`);
        setState();
        reanalyzeShown();
        inventoryChanged();
        break;
      case 'config':
        onConfig(e.report);
        reanalyzeShown();
        inventoryChanged();
        break;
    }
  }

  /** Config problems: diagnostics on the config file (file, JSON path, reason) and a message. */
  function onConfig(report: ConfigReport) {
    if (report.restricted) log(`${report.root}: Restricted Mode, workspace config ignored; analyzing with the default policy`);
    else log(`${report.root}: policy from ${report.source ?? 'defaults (no zero-trust-ai.config.json)'}`);
    const old = configDiagnostics.get(report.root);
    const uri = report.source ? fileToUri(report.source) : report.problems.find((p) => p.file)?.file ? fileToUri(report.problems.find((p) => p.file)!.file!) : undefined;
    if (old && old !== uri) void connection.sendDiagnostics({ uri: old, diagnostics: [] });
    if (!uri) {
      configDiagnostics.delete(report.root);
      return;
    }
    configDiagnostics.set(report.root, uri);
    const text = documents.get(uri)?.getText() ?? readText(uriToFile(uri));
    const diagnostics: Diagnostic[] = report.problems.map((p) => ({
      range: rangeOfJsonPath(text, p.path),
      severity: p.level === 'error' ? 1 : p.level === 'warning' ? 2 : 3,
      source: DIAGNOSTIC_SOURCE,
      message: p.message,
    }));
    void connection.sendDiagnostics({ uri, diagnostics });
    const errors = report.problems.filter((p) => p.level === 'error');
    if (errors.length) {
      for (const p of errors) connection.console.error(`${p.file ?? report.root}: ${p.message}`);
      void connection.window.showWarningMessage(`Zero Trust AI: problem in ${uriToFile(uri).split('/').pop()}: ${errors[0].message}${errors.length > 1 ? ` (+${errors.length - 1} more)` : ''}`);
    }
  }

  let stateTimer: NodeJS.Timeout | undefined;
  let lastState = '';
  function setState() {
    if (stateTimer) return;
    stateTimer = setTimeout(() => {
      stateTimer = undefined;
      let findings = 0;
      let files = 0;
      for (const p of published.values()) {
        findings += p.diagnostics.length;
        if (p.diagnostics.length) files++;
      }
      const state: AnalysisState = running.size ? 'analyzing' : loading.size ? 'loading' : 'idle';
      const params: StatusParams = { state, findings, files, loadedFiles: 0, ...(trusted ? {} : { message: 'Restricted Mode: workspace config ignored' }) };
      const key = JSON.stringify(params);
      if (key === lastState) return;
      lastState = key;
      void connection.sendNotification(StatusNotification, params);
    }, 50);
  }

  // Code actions: from the data of the diagnostics in the request, no new analysis.
  connection.onCodeAction((params) => {
    const uri = params.textDocument.uri;
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
    const actions: CodeAction[] = [];
    const current = documents.get(uri)?.version ?? null;
    if (wants(CodeActionKind.QuickFix)) {
      const docsShown = new Set<string>();
      for (const d of params.context.diagnostics) {
        if (d.source !== DIAGNOSTIC_SOURCE) continue;
        const data = dataOf(uri, d);
        if (!data || data.version !== current) continue;
        for (const fix of data.fixes) {
          actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: fix.kind === 'fix', edit: workspaceEdit(fix.edits) });
        }
        if (!docsShown.has(data.ruleId)) {
          docsShown.add(data.ruleId);
          const title = `Show documentation for ${data.ruleId}`;
          actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title, command: Commands.showRuleDocumentation, arguments: [data.ruleId] } });
        }
      }
    }
    if (wants(FIX_ALL_KIND)) {
      const fixAll = fixAllEdits(uri, current);
      if (fixAll.length) actions.push({ title: 'Fix all safe Zero Trust AI problems', kind: FIX_ALL_KIND, edit: workspaceEdit(fixAll) });
    }
    return actions;
  });

  /** The data of a diagnostic; clients that drop `data` get it back from what was published. */
  function dataOf(uri: string, d: Diagnostic): DiagnosticData | undefined {
    if (d.data) return d.data as DiagnosticData;
    const match = published.get(uri)?.diagnostics.find((p) => p.code === d.code && p.message === d.message && p.range.start.line === d.range.start.line && p.range.start.character === d.range.start.character);
    return match?.data as DiagnosticData | undefined;
  }

  /** Safe fixes ('fix', not suggestions) of the file's findings, without overlapping edits. */
  function fixAllEdits(uri: string, version: number | null): FileTextEdit[] {
    const p = published.get(uri);
    if (!p || p.version !== version) return [];
    const edits: FileTextEdit[] = [];
    const overlaps = (a: FileTextEdit, b: FileTextEdit) => a.uri === b.uri && !(comparePos(a.range.end, b.range.start) <= 0 || comparePos(b.range.end, a.range.start) <= 0);
    for (const d of p.diagnostics) {
      const fix = (d.data as DiagnosticData | undefined)?.fixes.find((f: FixData) => f.kind === 'fix');
      if (!fix || fix.edits.some((e) => edits.some((x) => overlaps(e, x)))) continue;
      edits.push(...fix.edits);
    }
    return edits;
  }

  function workspaceEdit(edits: FileTextEdit[]): WorkspaceEdit {
    const byUri = new Map<string, TextEdit[]>();
    for (const e of edits) {
      const list = byUri.get(e.uri) ?? [];
      list.push({ range: e.range, newText: e.newText });
      byUri.set(e.uri, list);
    }
    if (!caps.documentChanges) return { changes: Object.fromEntries(byUri) };
    // Versioned: the client refuses the edit if the document changed since it was analyzed.
    const documentChanges: TextDocumentEdit[] = [...byUri].map(([uri, list]) => ({ textDocument: { uri, version: published.get(uri)?.version ?? documents.get(uri)?.version ?? null }, edits: list }));
    return { documentChanges };
  }

  connection.onHover((params) => {
    const p = published.get(params.textDocument.uri);
    if (!p || p.version !== (documents.get(params.textDocument.uri)?.version ?? null)) return null;
    const pos = params.position;
    const hits = p.diagnostics.filter((d) => comparePos(d.range.start, pos) <= 0 && comparePos(pos, d.range.end) <= 0);
    if (!hits.length) return null;
    return {
      contents: { kind: 'markdown', value: hits.map((d) => hoverMarkdown(String(d.code), typeof d.message === 'string' ? d.message : d.message.value, ruleMeta[String(d.code)])).join('\n\n---\n\n') },
      range: hits[0].range,
    };
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command !== Commands.showRuleDocumentation) return;
    const ruleId = String(params.arguments?.[0] ?? '');
    const url = docsUrl(ruleId);
    if (caps.showDocument) await connection.window.showDocument({ uri: url, external: true });
    else void connection.window.showInformationMessage(`${ruleId}: ${url}`);
  });

  connection.onDidChangeWatchedFiles((params) => {
    for (const c of params.changes) {
      const file = uriToFile(c.uri);
      const change = c.type === FileChangeType.Created ? 'created' : c.type === FileChangeType.Deleted ? 'deleted' : 'changed';
      analysis.post({ kind: 'disk', file, change });
      if (change === 'deleted' && published.has(c.uri) && !documents.get(c.uri)) publish(c.uri, null, [], Number.MAX_SAFE_INTEGER - 1);
    }
    scheduleDependents();
    inventoryChanged();
  });

  /** A job over every file of every folder, with work-done progress; cancelled by the request's token. */
  async function runAll(kind: 'scan' | 'inventory', title: string, workDoneToken: string | number | undefined, token: { onCancellationRequested(f: () => void): unknown }): Promise<JobResult> {
    const progress = connection.window.attachWorkDoneProgress(workDoneToken);
    progress.begin(title, 0, undefined, true);
    const { job, done } = run(kind, 'all');
    token.onCancellationRequested(() => job.cancel());
    const onProgress = (e: WorkerEvent & { kind: 'progress' }) => {
      if (e.id === job.id) progress.report(e.percentage, e.message);
    };
    progressListeners.add(onProgress);
    try {
      const result = await done;
      if (result.cancelled) throw new ResponseError(LSPErrorCodes.RequestCancelled, `${title}: cancelled`);
      return result;
    } finally {
      progressListeners.delete(onProgress);
      progress.done();
    }
  }

  connection.onRequest(ScanWorkspaceRequest, async (params, token) => {
    const started = performance.now();
    const result = await runAll('scan', 'Zero Trust AI: scanning workspace', params?.workDoneToken, token);
    const findings = result.files.reduce((n, f) => n + f.diagnostics.length, 0);
    const filesWithFindings = result.files.filter((f) => f.diagnostics.length).length;
    const durationMs = Math.round(performance.now() - started);
    log(`workspace scan: ${findings} findings in ${filesWithFindings} of ${result.analyzedFiles} files, ${durationMs} ms`);
    return { scannedFiles: result.analyzedFiles, filesWithFindings, findings, cancelled: false, durationMs };
  });

  connection.onRequest(InventoryRequest, async (params, token) => {
    const started = performance.now();
    const result = await runAll('inventory', 'Zero Trust AI: building the AI inventory', params?.workDoneToken, token);
    const inventories: FolderInventory[] = (result.inventories ?? []).map((f) => {
      const folder = folders.get(f.root);
      return { uri: folder?.uri ?? fileToUri(f.root), name: folder?.name ?? (f.root.split('/').pop() || f.root), inventory: f.inventory, mermaid: f.mermaid, findings: f.findings, kpiText: Object.fromEntries(f.inventory.kpis.map((k) => [k.id, { value: kpiValue(k), met: kpiMet(k) }])) };
    });
    const durationMs = Math.round(performance.now() - started);
    log(`inventory: ${inventories.map((f) => `${f.name}: ${f.inventory.agents.length} agents, ${f.inventory.tools.length} tools, ${f.inventory.modelCalls.length} model calls`).join('; ') || 'no folder'} in ${durationMs} ms`);
    return { folders: inventories, analyzedFiles: result.analyzedFiles, durationMs };
  });
  connection.onRequest(StatsRequest, async () => {
    const s = await analysis.stats();
    return { rssBytes: s.rssBytes, heapUsedBytes: s.heapUsedBytes, loadedFiles: s.loadedFiles, analyses: s.analyses };
  });

  connection.onShutdown(async () => {
    await analysis?.dispose();
  });

  documents.listen(connection);
  connection.listen();
}

type WorkerEvent = Exclude<FromWorker, { kind: 'result' | 'stats' }>;

function comparePos(a: { line: number; character: number }, b: { line: number; character: number }): number {
  return a.line - b.line || a.character - b.character;
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** The range of the key a JSON path like `rules.no-unscoped-tools` names, found by text (good enough to point at it). */
export function rangeOfJsonPath(text: string, jsonPath: string | undefined) {
  const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  if (!jsonPath || jsonPath === '$') return zero;
  let from = 0;
  let hit = -1;
  let key = '';
  for (const part of jsonPath.split('.')) {
    if (/^\d+$/.test(part)) continue;
    const i = text.indexOf(`"${part}"`, from);
    if (i < 0) break;
    hit = i;
    key = part;
    from = i + part.length + 2;
  }
  if (hit < 0) return zero;
  const before = text.slice(0, hit).split('\n');
  const line = before.length - 1;
  const character = before[before.length - 1].length;
  return { start: { line, character }, end: { line, character: character + key.length + 2 } };
}
