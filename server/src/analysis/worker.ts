/**
 * The analysis side of the language server, in a worker thread: one AnalysisHost per workspace
 * folder, unsaved buffers as overlays, files of a folder loaded in small chunks after the open
 * documents so that these are analyzed first. Jobs run one at a time; messages (edits,
 * cancellations) are handled between jobs, and the engine polls the shared cancel flags between
 * rules.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import type { Position } from 'vscode-languageserver';
import { AnalysisHost, allRules, defaultConfig, loadConfig, CONFIG_FILE_NAME, type AnalyzerNotice, type Finding, type ResolvedConfig } from '../../../rules/src/index.js';
import { discoverFiles, isSourceFile, readSourceFile, toPosix } from '../../../rules/src/project/files.js';
import { suppressionComment } from '../../../rules/src/suppress.js';
import { buildInventory, mermaidDiagram } from '../../../rules/src/inventory/index.js';
import { fileToUri, toDiagnostic } from '../convert.js';
import type { FixData, Settings } from '../protocol.js';
import { CANCEL_SLOTS, type AnalysisTarget, type ConfigReport, type FileDiagnostics, type FolderInventoryData, type FromWorker, type ToWorker, type WorkerInit } from './messages.js';

/** Milliseconds of file loading per turn: edits and analyses queued meanwhile wait at most about this long. */
const LOAD_SLICE_MS = 40;
/** What "suppress with reason" writes; the user replaces it (the engine ignores suppressions without a reason). */
export const SUPPRESSION_REASON_PLACEHOLDER = 'TODO: explain why this risk is accepted';

class Folder {
  host: AnalysisHost;
  report: ConfigReport;
  /** Files discovered but not read yet; undefined until discovery ran. */
  pending: string[] | undefined;
  loaded = false;
  loadStarted = 0;
  readonly overlays = new Set<string>();

  constructor(
    readonly root: string,
    public settings: Settings,
    /** A folder made up for open files outside every workspace folder: never loaded from disk. */
    readonly loose: boolean,
    trusted: boolean,
  ) {
    const { config, report } = resolveConfig(root, settings, trusted && !loose);
    this.host = new AnalysisHost({ root, config });
    this.report = report;
    if (loose) {
      this.pending = [];
      this.loaded = true;
    }
  }

  contains(file: string): boolean {
    return file === this.root || file.startsWith(this.root.endsWith('/') ? this.root : `${this.root}/`);
  }

  /** Config files whose change reloads the policy. */
  isConfigFile(file: string): boolean {
    if (this.report.source === file) return true;
    if (path.posix.dirname(file) !== this.root) return false;
    const base = path.posix.basename(file);
    return base === CONFIG_FILE_NAME || base === 'package.json';
  }
}

/** The folder's policy: its config file (trusted workspaces only), then the editor's per-rule settings on top. */
export function resolveConfig(root: string, settings: Settings, trusted: boolean): { config: ResolvedConfig; report: ConfigReport } {
  const loaded = trusted ? loadConfig(root, settings.configPath || undefined) : { config: defaultConfig(root), notices: [] as AnalyzerNotice[] };
  const { config } = loaded;
  const problems: ConfigReport['problems'] = [...loaded.notices];
  for (const [ruleId, severity] of Object.entries(settings.rules ?? {})) {
    if (!['error', 'warning', 'info', 'off'].includes(severity)) {
      problems.push({ level: 'warning', message: `Setting zeroTrustAi.rules.${ruleId}: "${severity}" is not one of error, warning, info, off; ignored.` });
      continue;
    }
    config.rules[ruleId] = { severity, options: config.rules[ruleId]?.options ?? {} };
  }
  return { config, report: { root, source: config.source, problems, restricted: !trusted } };
}

export class AnalysisWorker {
  private readonly folders = new Map<string, Folder>();
  private readonly queue: Array<ToWorker & { kind: 'analyze' }> = [];
  private readonly cancelFlags: Int32Array;
  private pumping = false;
  private analyses = 0;

  constructor(
    private readonly port: Pick<MessagePort, 'postMessage'>,
    private readonly init: WorkerInit,
  ) {
    this.cancelFlags = new Int32Array(init.cancel);
    const meta = Object.fromEntries(allRules.map((r) => [r.meta.id, { rationale: r.meta.rationale, steps: r.meta.steps, owasp: r.meta.owasp, cwe: r.meta.cwe }]));
    this.post({ kind: 'rules', meta });
  }

  private post(message: FromWorker) {
    this.port.postMessage(message);
  }

  handle(message: ToWorker): void {
    try {
      this.dispatch(message);
    } catch (err) {
      this.post({ kind: 'log', level: 'error', message: `worker: ${message.kind} failed: ${(err as Error).stack ?? err}` });
      if (message.kind === 'analyze') this.post({ kind: 'result', id: message.id, files: [], analyzedFiles: 0, cancelled: true, durationMs: 0, timings: {} });
    }
  }

  private dispatch(message: ToWorker): void {
    switch (message.kind) {
      case 'addFolder': {
        const root = normalize(message.root);
        const folder = new Folder(root, message.settings, false, this.init.trusted);
        this.folders.set(root, folder);
        // Open files that were given to a loose folder now belong here.
        for (const [looseRoot, loose] of this.folders) {
          if (!loose.loose || !folder.contains(looseRoot)) continue;
          for (const file of loose.overlays) {
            const text = loose.host.project.getSourceFile(file)?.getFullText();
            if (text !== undefined) this.setOverlay(file, text);
          }
          this.folders.delete(looseRoot);
        }
        this.post({ kind: 'config', report: folder.report });
        break;
      }
      case 'removeFolder':
        this.folders.delete(normalize(message.root));
        break;
      case 'settings': {
        const folder = this.folders.get(normalize(message.root));
        if (!folder) break;
        folder.settings = message.settings;
        this.reloadConfig(folder);
        break;
      }
      case 'update':
        this.setOverlay(normalize(message.file), message.text);
        break;
      case 'close':
        this.closeOverlay(normalize(message.file));
        break;
      case 'disk':
        this.diskChange(normalize(message.file), message.change);
        break;
      case 'analyze':
        this.queue.push(message);
        break;
      case 'stats': {
        const mem = process.memoryUsage();
        this.post({ kind: 'stats', id: message.id, rssBytes: mem.rss, heapUsedBytes: mem.heapUsed, loadedFiles: this.loadedFiles(), analyses: this.analyses });
        break;
      }
    }
    this.schedule();
  }

  private loadedFiles(): number {
    let n = 0;
    for (const f of this.folders.values()) n += f.host.project.getSourceFiles().length;
    return n;
  }

  /** The innermost workspace folder holding `file`, or a loose folder for files outside all of them. */
  private folderFor(file: string, create: boolean): Folder | undefined {
    let best: Folder | undefined;
    for (const f of this.folders.values()) {
      if (!f.loose && f.contains(file) && (!best || f.root.length > best.root.length)) best = f;
    }
    if (best) return best;
    const dir = path.posix.dirname(file);
    let loose = this.folders.get(dir);
    if (!loose && create) {
      loose = new Folder(dir, { enable: true, rules: {}, configPath: '' }, true, false);
      this.folders.set(dir, loose);
    }
    return loose?.loose ? loose : undefined;
  }

  private setOverlay(file: string, text: string) {
    const folder = this.folderFor(file, true)!;
    folder.overlays.add(file);
    folder.host.updateFile(file, text);
  }

  private closeOverlay(file: string) {
    const folder = this.folderFor(file, false);
    if (!folder) return;
    folder.overlays.delete(file);
    if (!folder.loose && fs.existsSync(file) && isSourceFile(file)) {
      const r = readSourceFile(file);
      if (r.ok) folder.host.updateFile(file, r.text);
      else folder.host.removeFile(file);
    } else {
      folder.host.removeFile(file);
    }
    if (folder.loose && folder.overlays.size === 0) this.folders.delete(folder.root);
  }

  private diskChange(file: string, change: 'created' | 'changed' | 'deleted') {
    const folder = this.folderFor(file, false);
    if (!folder || folder.loose) return;
    if (folder.isConfigFile(file)) {
      this.reloadConfig(folder);
      return;
    }
    if (folder.overlays.has(file) || !isSourceFile(file)) return;
    if (change === 'deleted') {
      folder.host.removeFile(file);
      return;
    }
    // Before the folder is loaded, the loader reads the file anyway.
    if (!folder.loaded) return;
    const r = readSourceFile(file);
    if (r.ok) folder.host.updateFile(file, r.text);
  }

  private reloadConfig(folder: Folder) {
    const before = folder.host.config.ignore.join('\n');
    const { config, report } = resolveConfig(folder.root, folder.settings, this.init.trusted && !folder.loose);
    folder.host.setConfig(config);
    folder.report = report;
    // New ignore globs can bring files in: discover again (loaded files are skipped).
    if (config.ignore.join('\n') !== before && !folder.loose) {
      folder.pending = undefined;
      folder.loaded = false;
    }
    this.post({ kind: 'config', report });
  }

  private schedule() {
    if (this.pumping) return;
    this.pumping = true;
    setImmediate(() => {
      this.pumping = false;
      this.runOne();
    });
  }

  /** One unit of work: an analysis if one is queued, else a chunk of folder loading. */
  private runOne() {
    const job = this.queue.shift();
    if (job) {
      this.runAnalysis(job);
    } else {
      const folder = [...this.folders.values()].find((f) => !f.loaded);
      if (!folder) return;
      this.loadChunk(folder);
    }
    this.schedule();
  }

  private loadChunk(folder: Folder, all = false) {
    if (!folder.pending) {
      folder.loadStarted = performance.now();
      const { files } = discoverFiles([folder.root], folder.root, folder.host.config.ignore);
      folder.pending = files.filter((f) => !folder.host.hasFile(f));
    }
    const sliceEnd = performance.now() + LOAD_SLICE_MS;
    while (folder.pending.length && (all || performance.now() < sliceEnd)) {
      const file = folder.pending.pop()!;
      if (folder.overlays.has(file)) continue;
      const r = readSourceFile(file);
      if (r.ok) folder.host.updateFile(file, r.text);
    }
    const total = folder.host.project.getSourceFiles().length;
    if (folder.pending.length > 0) {
      this.post({ kind: 'loading', root: folder.root, loaded: total, total: total + folder.pending.length });
      return;
    }
    folder.loaded = true;
    this.post({ kind: 'loaded', root: folder.root, files: total, durationMs: Math.round(performance.now() - folder.loadStarted) });
  }

  private isCancelled(id: number): boolean {
    return Atomics.load(this.cancelFlags, id % CANCEL_SLOTS) !== 0;
  }

  private runAnalysis(job: ToWorker & { kind: 'analyze' }) {
    const started = performance.now();
    const isCancelled = () => this.isCancelled(job.id);
    const files: FileDiagnostics[] = [];
    const inventories: FolderInventoryData[] = [];
    const timings: Record<string, number> = {};
    let cancelled = isCancelled();
    const groups = new Map<Folder, AnalysisTarget[] | undefined>();
    if (job.targets === 'all') {
      for (const f of this.folders.values()) groups.set(f, undefined);
    } else {
      for (const t of job.targets) {
        const file = normalize(t.file);
        const folder = this.folderFor(file, false);
        if (!folder) continue;
        if (!groups.has(folder)) groups.set(folder, []);
        groups.get(folder)!.push({ file, version: t.version });
      }
    }
    let done = 0;
    let analyzedFiles = 0;
    for (const [folder, targets] of groups) {
      if (cancelled) break;
      if (!folder.settings.enable) {
        for (const t of targets ?? []) files.push({ file: t.file, version: t.version, diagnostics: [] });
        continue;
      }
      if (!targets) {
        // A workspace scan needs every file.
        while (!folder.loaded && !cancelled) {
          this.loadChunk(folder, true);
          cancelled = isCancelled();
        }
      }
      const result = folder.host.analyze({
        files: targets?.map((t) => t.file),
        isCancelled,
        onProgress: targets
          ? undefined
          : (d, total, label) => this.post({ kind: 'progress', id: job.id, message: `${path.posix.basename(folder.root)}: ${label}`, percentage: Math.round(((done + d / total) / groups.size) * 100) }),
      });
      done++;
      this.analyses++;
      analyzedFiles += targets ? targets.length : folder.host.sourceFiles().length;
      for (const [rule, ms] of Object.entries(result.timings)) timings[rule] = (timings[rule] ?? 0) + ms;
      if (result.cancelled) {
        cancelled = true;
        break;
      }
      const byFile = new Map<string, Finding[]>();
      for (const f of result.findings) {
        const list = byFile.get(f.range.file);
        if (list) list.push(f);
        else byFile.set(f.range.file, [f]);
      }
      if (job.inventory && !targets && !folder.loose) {
        const inventory = buildInventory({ root: folder.root, model: result.model, findings: result.findings, config: folder.host.config });
        inventories.push({ root: folder.root, inventory, mermaid: mermaidDiagram(inventory.graph), findings: result.findings.length });
      }
      const versions = new Map((targets ?? []).map((t) => [t.file, t.version]));
      const fileList = targets ? targets.map((t) => t.file) : [...byFile.keys()];
      for (const file of fileList) {
        const version = versions.get(file) ?? null;
        const diagnostics = (byFile.get(file) ?? []).map((f) => toDiagnostic(f, version, (p, o) => this.positionAt(folder, p, o), this.suppressFix(folder, f)));
        files.push({ file, version, diagnostics });
      }
    }
    this.post({ kind: 'result', id: job.id, files, analyzedFiles, cancelled, durationMs: performance.now() - started, timings, ...(job.inventory ? { inventories } : {}) });
  }

  private positionAt(folder: Folder, file: string, offset: number): Position {
    const sf = folder.host.project.getSourceFile(file);
    if (!sf) return { line: 0, character: 0 };
    const { line, column } = sf.getLineAndColumnAtPos(Math.min(offset, sf.getEnd()));
    return { line: line - 1, character: column - 1 };
  }

  /**
   * "Suppress with reason": a comment line above the finding's first line, or the rule id added to
   * a suppression already there (two directives on consecutive lines would suppress each other).
   * None when that line starts inside a multi-line string, where a comment would become text.
   */
  private suppressFix(folder: Folder, finding: Finding): FixData | undefined {
    const file = finding.range.file;
    const sf = folder.host.project.getSourceFile(file);
    if (!sf) return undefined;
    const text = sf.getFullText();
    const lineStart = text.lastIndexOf('\n', finding.range.start - 1) + 1;
    const at = sf.getDescendantAtPos(lineStart);
    if (at && at.getStart() < lineStart && /Template|StringLiteral|JsxText/.test(at.getKindName())) return undefined;
    const uri = fileToUri(file);
    const title = `Suppress ${finding.ruleId} on this line (with a reason)`;
    const prevStart = lineStart > 0 ? text.lastIndexOf('\n', lineStart - 2) + 1 : -1;
    const prevLine = prevStart >= 0 ? text.slice(prevStart, lineStart - 1) : '';
    const existing = /(zero-trust-ai-disable-next-line\s+)([^\n]*?)(\s*--)/.exec(prevLine);
    if (existing && prevLine.trimStart().startsWith('//')) {
      const ids = existing[2].split(/[\s,]+/).filter(Boolean);
      if (ids.includes(finding.ruleId)) return undefined;
      const insertAt = prevStart + existing.index + existing[1].length + existing[2].length;
      const pos = this.positionAt(folder, file, insertAt);
      return { title, kind: 'suppress', edits: [{ uri, range: { start: pos, end: pos }, newText: `, ${finding.ruleId}` }] };
    }
    const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
    const pos = this.positionAt(folder, file, lineStart);
    return { title, kind: 'suppress', edits: [{ uri, range: { start: pos, end: pos }, newText: `${indent}${suppressionComment(finding.ruleId, SUPPRESSION_REASON_PLACEHOLDER)}\n` }] };
  }
}

function normalize(file: string): string {
  return toPosix(path.resolve(file));
}
