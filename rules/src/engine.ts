/**
 * The engine entry point shared by the CLI, the language server and the ESLint adapter.
 *
 * An AnalysisHost owns one ts-morph Project for one root (a workspace folder or scan root). Files
 * are parsed only, never type-checked or executed: the agent model resolves names itself (see
 * model/resolve.ts), so a scan costs parsing plus a walk. Front ends feed it file text (from disk
 * or unsaved buffers) and ask for findings on some or all files.
 */
import * as path from 'node:path';
import { Project, ts, type SourceFile } from 'ts-morph';
import type { AnalyzerNotice, Finding, FindingFix, RelatedLocation, Severity, SourceRange } from './types.js';
import { defaultConfig, loadConfig, normalizePath, type ResolvedConfig } from './config/load.js';
import { discoverFiles, readSourceFile, checkText, checkParsed, tooDeepNotice, toPosix } from './project/files.js';
import { AgentModel, configTables } from './model/model.js';
import { DataFlow } from './dataflow/flow.js';
import { Recognizers } from './dataflow/recognizers.js';
import { allRules } from './rules/index.js';
import type { ReportDescriptor, RuleContext, RuleModule } from './rule.js';
import { parseSuppressions, type Suppressions } from './suppress.js';
import { minimatch } from 'minimatch';
import { AnalysisCache } from './cache.js';
import { Resolver } from './model/resolve.js';

export interface AnalysisHostOptions {
  /** Folder that config, ignore globs and relative paths are resolved against. */
  root: string;
  /** A resolved config; when absent the host loads the config file found in root (or `configFile`). */
  config?: ResolvedConfig;
  configFile?: string;
  /** Rules to run (defaults to all). */
  rules?: RuleModule[];
}

export interface AnalyzeOptions {
  /** Report findings only for these files (absolute paths); the whole project is still visible. */
  files?: string[];
  /** Polled between rules and files; when it returns true the analysis stops early. */
  isCancelled?: () => boolean;
  /** Called as rules finish, for progress indicators. */
  onProgress?: (done: number, total: number, label: string) => void;
}

export interface AnalysisResult {
  findings: Finding[];
  notices: AnalyzerNotice[];
  model: AgentModel;
  cancelled: boolean;
  /** Milliseconds spent per rule, for benchmarks. */
  timings: Record<string, number>;
}

export class AnalysisHost {
  readonly root: string;
  readonly project: Project;
  config: ResolvedConfig;
  /** Notices about config and files (skipped, unreadable); rule findings are separate. */
  readonly notices: AnalyzerNotice[] = [];
  private readonly rules: RuleModule[];
  private readonly fileNotices = new Map<string, AnalyzerNotice>();
  private suppressionCache = new WeakMap<SourceFile, Suppressions>();
  /** Reused between analyses (see cache.ts). */
  private cache = new AnalysisCache();
  /** Files whose text changed since the last analysis, and whether files were added or removed. */
  private readonly changed = new Set<string>();
  private filesAddedOrRemoved = false;

  constructor(options: AnalysisHostOptions) {
    this.root = normalizePath(options.root);
    if (options.config) this.config = options.config;
    else {
      const loaded = loadConfig(this.root, options.configFile);
      this.config = loaded.config;
      this.notices.push(...loaded.notices);
    }
    this.rules = options.rules ?? allRules;
    this.project = new Project({
      // Files reach the project only as text (read by project/files.ts or sent by an editor). On a
      // real file system ts-morph's createSourceFile(…, { overwrite }) first reads and parses the
      // file from disk, then parses the given text again: every file was parsed twice.
      useInMemoryFileSystem: true,
      skipAddingFilesFromTsConfig: true,
      skipFileDependencyResolution: true,
      skipLoadingLibFiles: true,
      compilerOptions: { allowJs: true, jsx: ts.JsxEmit.Preserve, noResolve: true, target: ts.ScriptTarget.ESNext },
    });
  }

  /** Discovers and loads source files under `paths` (default: the root). Returns how many were loaded. */
  loadFiles(paths: string[] = [this.root], onFile?: (done: number, total: number) => void): number {
    const { files, notices } = discoverFiles(paths, this.root, this.config.ignore);
    this.notices.push(...notices);
    let loaded = 0;
    files.forEach((file, i) => {
      const r = readSourceFile(file);
      if (r.ok) {
        if (this.updateFile(file, r.text)) loaded++;
      } else {
        this.fileNotices.set(file, r.notice);
      }
      onFile?.(i + 1, files.length);
    });
    return loaded;
  }

  /**
   * Adds or replaces a file's text (a save on disk or an unsaved buffer). Returns false when the
   * file is left out of the analysis (binary, nested too deeply to walk); a notice says why.
   */
  updateFile(file: string, text: string): boolean {
    const abs = toPosix(path.resolve(file));
    const existing = this.project.getSourceFile(abs);
    if (existing && existing.getFullText() === text) return true;
    if (existing) {
      // ts-morph reuses the SourceFile object for the new text: drop what was derived from the old one.
      this.changed.add(abs);
      this.cache.forget(existing);
      this.suppressionCache.delete(existing);
    } else this.filesAddedOrRemoved = true;
    const bad = checkText(text, abs) ?? this.parse(abs, text);
    if (bad) {
      this.fileNotices.set(abs, bad);
      this.removeFile(abs);
      return false;
    }
    this.fileNotices.delete(abs);
    return true;
  }

  private parse(file: string, text: string): AnalyzerNotice | undefined {
    try {
      return checkParsed(this.project.createSourceFile(file, text, { overwrite: true }).compilerNode, file);
    } catch (err) {
      // The TypeScript parser recurses too: extreme nesting overflows it before our own check runs.
      if (err instanceof RangeError) return tooDeepNotice(file, 'too deeply to parse');
      throw err;
    }
  }

  removeFile(file: string): void {
    const sf = this.project.getSourceFile(toPosix(path.resolve(file)));
    if (!sf) return;
    this.project.removeSourceFile(sf);
    this.filesAddedOrRemoved = true;
  }

  hasFile(file: string): boolean {
    return !!this.project.getSourceFile(toPosix(path.resolve(file)));
  }

  setConfig(config: ResolvedConfig): void {
    this.config = config;
    // Custom framework rows change what counts as an entity.
    this.cache = new AnalysisCache();
  }

  sourceFiles(): SourceFile[] {
    return this.project.getSourceFiles().filter((sf) => !this.isIgnored(sf.getFilePath()));
  }

  private isIgnored(file: string): boolean {
    if (this.config.ignore.length === 0) return false;
    const rel = toPosix(path.relative(this.root, file));
    return this.config.ignore.some((g) => minimatch(rel, g, { dot: true }));
  }

  /** Builds the agent model and runs the rules. Findings are sorted by file, then position. */
  analyze(options: AnalyzeOptions = {}): AnalysisResult {
    const files = this.sourceFiles();
    // A new or removed file can change how imports resolve anywhere; a changed one, only its importers.
    if (this.filesAddedOrRemoved) this.cache = new AnalysisCache();
    else if (this.changed.size) this.cache.invalidate(files, this.changed, new Resolver(this.project));
    this.filesAddedOrRemoved = false;
    this.changed.clear();
    const extra = configTables(this.config, this.root);
    const model = new AgentModel(this.project, files, extra, this.cache);
    const flow = new DataFlow(model, this.cache);
    const recognizers = new Recognizers(model, this.config);
    const targets = options.files ? new Set(options.files.map((f) => toPosix(path.resolve(f)))) : undefined;
    const findings: Finding[] = [];
    const timings: Record<string, number> = {};
    const active = this.rules.filter((r) => (this.config.rules[r.meta.id]?.severity ?? r.meta.defaultSeverity) !== 'off');
    let cancelled = false;
    active.forEach((rule, i) => {
      if (cancelled || options.isCancelled?.()) {
        cancelled = true;
        return;
      }
      const setting = this.config.rules[rule.meta.id];
      const severity = (setting?.severity ?? rule.meta.defaultSeverity) as Severity;
      const started = performance.now();
      const context: RuleContext = {
        model,
        flow,
        recognizers,
        config: this.config,
        options: setting?.options ?? {},
        isTarget: (sf) => !targets || targets.has(sf.getFilePath()),
        report: (d) => {
          const sf = d.node.getSourceFile();
          if (targets && !targets.has(sf.getFilePath())) return;
          if (this.isSuppressed(sf, d.node.getStartLineNumber(), rule.meta.id)) return;
          findings.push(toFinding(rule.meta.id, severity, d));
        },
      };
      try {
        rule.check(context);
      } catch (err) {
        // One rule's bug must not take the others down; say so instead of crashing.
        this.pushOnce({ level: 'error', message: `Rule ${rule.meta.id} failed: ${(err as Error).stack ?? err}` });
      }
      timings[rule.meta.id] = performance.now() - started;
      options.onProgress?.(i + 1, active.length, rule.meta.id);
    });
    findings.sort((a, b) => (a.range.file < b.range.file ? -1 : a.range.file > b.range.file ? 1 : a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId)));
    const notices = [...this.notices, ...[...this.fileNotices.values()].filter((n) => !targets || (n.file && targets.has(n.file)))];
    return { findings: dedupe(findings), notices, model, cancelled, timings };
  }

  private pushOnce(n: AnalyzerNotice) {
    if (!this.notices.some((m) => m.message === n.message)) this.notices.push(n);
  }

  private isSuppressed(sf: SourceFile, line: number, ruleId: string): boolean {
    let s = this.suppressionCache.get(sf);
    if (!s) {
      s = parseSuppressions(sf.getFullText());
      this.suppressionCache.set(sf, s);
      for (const bad of s.invalid) this.pushOnce({ level: 'warning', file: sf.getFilePath(), message: `${sf.getFilePath()}:${bad.line}: ${bad.reason}` });
    }
    return s.isSuppressed(line, ruleId);
  }
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.ruleId}:${f.range.file}:${f.range.start}:${f.range.end}:${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function rangeOf(node: import('ts-morph').Node): SourceRange {
  const sf = node.getSourceFile();
  const start = node.getStart();
  const end = node.getEnd();
  const s = sf.getLineAndColumnAtPos(start);
  const e = sf.getLineAndColumnAtPos(end);
  return { file: sf.getFilePath(), start, end, startPos: { line: s.line, column: s.column }, endPos: { line: e.line, column: e.column } };
}

function toFinding(ruleId: string, severity: Severity, d: ReportDescriptor): Finding {
  const related: RelatedLocation[] = (d.related ?? []).map((r) => ({ range: rangeOf(r.node), message: r.message }));
  const flow = d.flow?.map((r) => ({ range: rangeOf(r.node), message: r.message }));
  // A fix whose edits overlap cannot be applied as one change (LSP and ESLint both reject or garble it).
  const fixes: FindingFix[] = (d.fixes ?? []).filter((f) => !hasOverlappingEdits(f));
  return { ruleId, severity, message: d.message, range: rangeOf(d.node), related, fixes, ...(flow && flow.length ? { flow } : {}) };
}

/** One-call convenience for scripts and tests: scan `paths` under `root` with the config found there. */
export function scan(root: string, paths?: string[], options: Omit<AnalysisHostOptions, 'root'> = {}): AnalysisResult & { host: AnalysisHost } {
  const host = new AnalysisHost({ root, ...options });
  host.loadFiles(paths);
  return { ...host.analyze(), host };
}

export { defaultConfig, loadConfig };
export type { ResolvedConfig };

function hasOverlappingEdits(fix: FindingFix): boolean {
  const edits = [...fix.edits].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start || a.end - b.end));
  for (let i = 1; i < edits.length; i++) {
    const [prev, cur] = [edits[i - 1], edits[i]];
    if (prev.file === cur.file && cur.start < prev.end) return true;
  }
  return false;
}
