/**
 * The analysis project behind the ESLint rules. ESLint lints file by file, but the engine's rules
 * follow clients, wrappers and data across files, so each project root keeps one AnalysisHost
 * with every project file loaded from disk for the whole lint run (and for the life of an editor's
 * ESLint server). The file ESLint is linting replaces its disk text (unsaved buffers and --fix
 * passes are current), and results are cached per project state: a plain `eslint .` analyzes the
 * project once and hands each file its findings, which is also why linting one file alone and the
 * whole folder give the same findings.
 *
 * Typescript-eslint's program is never handed to ts-morph (ts-morph bundles its own TypeScript and
 * the versions need not match); the engine parses on its own and needs no type information.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AnalysisHost } from '../engine.js';
import { findConfigFile, loadConfig, type ResolvedConfig } from '../config/load.js';
import { discoverFiles, readSourceFile, toPosix } from '../project/files.js';
import type { AnalyzerNotice, Finding } from '../types.js';

/** A folder holding one of these is a project root. */
const ROOT_MARKERS = ['zero-trust-ai.config.json', 'package.json', 'tsconfig.json'];
/** How often a long-lived process (an editor's ESLint server) re-reads changed files from disk. */
const DISK_SYNC_INTERVAL_MS = 1000;
/** Hosts kept at once; a monorepo linted package by package reuses the latest few. */
const MAX_PROJECTS = 8;

/** The nearest folder at or above `dir` that holds a root marker, or `fallback`. */
export function findProjectRoot(dir: string, fallback: string): string {
  let cur = path.resolve(dir);
  for (;;) {
    if (ROOT_MARKERS.some((m) => fs.existsSync(path.join(cur, m)))) return toPosix(cur);
    const parent = path.dirname(cur);
    if (parent === cur) return toPosix(fallback);
    cur = parent;
  }
}

/** One set of rules analyzed with one policy. Rules whose options differ get their own group. */
export interface AnalysisGroup {
  key: string;
  config: ResolvedConfig;
}

interface CachedAnalysis {
  generation: number;
  /** True when every project file was analyzed; otherwise only the files in byFile were. */
  complete: boolean;
  byFile: Map<string, Finding[]>;
}

export class ProjectAnalysis {
  readonly host: AnalysisHost;
  /** Bumped whenever a project file's text changes; cached analyses of older generations are stale. */
  private generation = 0;
  private readonly diskFiles = new Map<string, number>();
  private lastSync = 0;
  private readonly cache = new Map<string, CachedAnalysis>();
  private readonly analyzedOnce = new Set<string>();

  constructor(
    readonly root: string,
    readonly config: ResolvedConfig,
    readonly configStamp: string,
  ) {
    this.host = new AnalysisHost({ root, config });
    this.syncWithDisk(true);
  }

  /** Findings of `file` with `text`, for each group, by the engine's rules. */
  findings(file: string, text: string, groups: AnalysisGroup[]): Map<string, Finding[]> {
    this.syncWithDisk(false);
    const out = new Map<string, Finding[]>();
    if (!this.diskFiles.has(file)) {
      // Not a project file (a code block from a processor, stdin, an ignored folder): analyze it
      // against the project without making it part of the project.
      const before = this.generation;
      this.host.updateFile(file, text);
      for (const g of groups) out.set(g.key, this.run(g, [file]).get(file) ?? []);
      this.host.removeFile(file);
      this.generation = before;
      return out;
    }
    if (this.currentText(file) !== text) {
      this.host.updateFile(file, text);
      this.generation++;
    }
    for (const g of groups) out.set(g.key, this.cached(g, file));
    return out;
  }

  private cached(group: AnalysisGroup, file: string): Finding[] {
    let entry = this.cache.get(group.key);
    if (entry && entry.generation === this.generation && (entry.complete || entry.byFile.has(file))) return entry.byFile.get(file) ?? [];
    // The first request, or a second file at one project state (a whole run, not one edited
    // file), pays for the whole project once; a single edited file is analyzed alone.
    const whole = !this.analyzedOnce.has(group.key) || (entry?.generation === this.generation && entry.byFile.size > 0);
    if (!entry || entry.generation !== this.generation) {
      entry = { generation: this.generation, complete: false, byFile: new Map() };
      this.cache.set(group.key, entry);
    }
    const byFile = this.run(group, whole ? undefined : [file]);
    if (whole) {
      entry.complete = true;
      entry.byFile = byFile;
      this.analyzedOnce.add(group.key);
    } else {
      entry.byFile.set(file, byFile.get(file) ?? []);
    }
    return entry.byFile.get(file) ?? [];
  }

  private run(group: AnalysisGroup, files: string[] | undefined): Map<string, Finding[]> {
    this.host.setConfig(group.config);
    const result = this.host.analyze(files ? { files } : {});
    // A rule that failed is a notice, not a finding: say so rather than report less in silence.
    reportNotices(result.notices.filter((n) => n.level === 'error' && !n.file));
    const byFile = new Map<string, Finding[]>();
    for (const f of result.findings) {
      const list = byFile.get(f.range.file);
      if (list) list.push(f);
      else byFile.set(f.range.file, [f]);
    }
    return byFile;
  }

  private currentText(file: string): string | undefined {
    return this.host.project.getSourceFile(file)?.getFullText();
  }

  /**
   * Loads project files that are new or changed on disk and drops deleted ones. A file ESLint
   * handed us keeps that text until its disk copy changes again.
   */
  private syncWithDisk(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.lastSync < DISK_SYNC_INTERVAL_MS) return;
    this.lastSync = now;
    const { files } = discoverFiles([this.root], this.root, this.config.ignore);
    const seen = new Set<string>();
    for (const file of files) {
      seen.add(file);
      let mtime: number;
      try {
        mtime = fs.statSync(file).mtimeMs;
      } catch {
        continue;
      }
      if (this.diskFiles.get(file) === mtime) continue;
      this.diskFiles.set(file, mtime);
      const read = readSourceFile(file);
      if (!read.ok) {
        if (this.host.hasFile(file)) this.generation++;
        this.host.removeFile(file);
        continue;
      }
      if (this.currentText(file) !== read.text) {
        this.host.updateFile(file, read.text);
        this.generation++;
      }
    }
    for (const file of [...this.diskFiles.keys()]) {
      if (seen.has(file)) continue;
      this.diskFiles.delete(file);
      this.host.removeFile(file);
      this.generation++;
    }
  }
}

export interface ProjectRequest {
  root: string;
  /** Explicit config file (absolute), or undefined to find it in the root. */
  configFile?: string;
}

/** Identifies the config a project was built with, so an edited config file rebuilds it. */
function configStamp(root: string, configFile: string | undefined): string {
  const file = configFile ?? findConfigFile(root);
  if (!file) return 'none';
  try {
    return `${file}:${fs.statSync(file).mtimeMs}`;
  } catch {
    return `${file}:missing`;
  }
}

const projects = new Map<string, ProjectAnalysis>();
const warned = new Set<string>();

/** The cached project for a root (rebuilt when its config file changed), most recently used last. */
export function projectFor(request: ProjectRequest): ProjectAnalysis {
  const key = `${request.root}\0${request.configFile ?? ''}`;
  const stamp = configStamp(request.root, request.configFile);
  let project = projects.get(key);
  if (project && project.configStamp !== stamp) project = undefined;
  if (project) {
    projects.delete(key);
  } else {
    const { config, notices } = loadConfig(request.root, request.configFile);
    project = new ProjectAnalysis(request.root, config, stamp);
    reportNotices(notices);
  }
  projects.set(key, project);
  while (projects.size > MAX_PROJECTS) projects.delete(projects.keys().next().value!);
  return project;
}

/** A bad config or a failing rule does not stop the lint run (defaults apply), but must not pass silently. */
function reportNotices(notices: AnalyzerNotice[]): void {
  for (const n of notices) {
    if (n.level === 'info') continue;
    const text = `zero-trust-ai: ${n.file ? `${n.file}: ` : ''}${n.message}`;
    if (warned.has(text)) continue;
    warned.add(text);
    process.emitWarning(text);
  }
}

/** Drops every cached project (tests; a long-lived process that wants a fresh start). */
export function clearProjects(): void {
  projects.clear();
}
