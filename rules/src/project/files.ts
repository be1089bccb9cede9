/**
 * Which files get analyzed, and reading them safely. Files are read as text and parsed; nothing
 * from the workspace is ever executed or required.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { minimatch } from 'minimatch';
import { ts } from 'ts-morph';
import type { AnalyzerNotice } from '../types.js';

export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** Folders that never hold a project's own agent code. */
export const DEFAULT_IGNORED_DIRS = new Set(['node_modules', '.git', 'dist', 'build', 'out', 'coverage', '.next', '.turbo', '.vercel', '.cache']);
/** Larger files are generated or vendored far more often than hand-written; parsing them costs seconds. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export function isSourceFile(file: string): boolean {
  if (/\.d\.[mc]?ts$/.test(file)) return false;
  return SOURCE_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

export function toPosix(p: string): string {
  return p.replace(/\\/g, '/');
}

export interface DiscoveredFiles {
  files: string[];
  notices: AnalyzerNotice[];
}

/** Lists analyzable files under `paths` (files or folders), honouring ignore globs relative to `root`. */
export function discoverFiles(paths: string[], root: string, ignore: string[] = []): DiscoveredFiles {
  const notices: AnalyzerNotice[] = [];
  const out = new Set<string>();
  const isIgnored = (abs: string) => {
    const rel = toPosix(path.relative(root, abs));
    return ignore.some((g) => minimatch(rel, g, { dot: true }) || minimatch(rel, g.replace(/\/?$/, '/**'), { dot: true }));
  };
  const visit = (abs: string, explicit: boolean) => {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(abs);
    } catch {
      if (explicit) notices.push({ level: 'error', file: abs, message: `Path not found: ${abs}` });
      return;
    }
    if (stat.isSymbolicLink()) {
      // Links inside a tree are not followed: they make loops and pull in vendored trees.
      if (!explicit) return;
      try {
        stat = fs.statSync(abs);
      } catch (err) {
        notices.push({ level: 'error', file: abs, message: `Cannot follow the link ${abs}: ${(err as Error).message}` });
        return;
      }
    }
    if (stat.isDirectory()) {
      if (!explicit && (DEFAULT_IGNORED_DIRS.has(path.basename(abs)) || path.basename(abs).startsWith('.'))) return;
      if (isIgnored(abs)) return;
      let entries: string[];
      try {
        entries = fs.readdirSync(abs).sort();
      } catch (err) {
        notices.push({ level: 'warning', file: abs, message: `Cannot read folder ${abs}: ${(err as Error).message}` });
        return;
      }
      for (const e of entries) visit(path.join(abs, e), false);
      return;
    }
    if (!isSourceFile(abs)) {
      if (explicit) notices.push({ level: 'warning', file: abs, message: `Not a TypeScript or JavaScript file, skipped: ${abs}` });
      return;
    }
    if (!explicit && isIgnored(abs)) return;
    // Reading a pipe or a device named like a source file would block forever.
    if (!stat.isFile()) {
      notices.push({ level: 'info', file: abs, message: `Skipped ${abs}: not a regular file.` });
      return;
    }
    out.add(toPosix(path.resolve(abs)));
  };
  for (const p of paths) visit(path.resolve(root, p), true);
  return { files: [...out], notices };
}

export type ReadResult = { ok: true; text: string } | { ok: false; notice: AnalyzerNotice };

/** Reads a source file, refusing binaries and oversized files with a clear notice instead of a crash or a hang. */
export function readSourceFile(file: string, maxBytes = MAX_FILE_BYTES): ReadResult {
  let buf: Buffer;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { ok: false, notice: { level: 'info', file, message: `Skipped ${file}: not a regular file.` } };
    const size = stat.size;
    if (size > maxBytes) {
      return {
        ok: false,
        notice: { level: 'info', file, message: `Skipped ${file}: ${(size / 1024 / 1024).toFixed(1)} MB is over the ${(maxBytes / 1024 / 1024).toFixed(0)} MB limit for analysis (likely generated).` },
      };
    }
    buf = fs.readFileSync(file);
  } catch (err) {
    return { ok: false, notice: { level: 'warning', file, message: `Cannot read ${file}: ${(err as Error).message}` } };
  }
  const check = checkText(buf, file);
  if (check) return { ok: false, notice: check };
  return { ok: true, text: buf.toString('utf8') };
}

/** Binary content or a minified one-liner: not code a person wrote, and costly to walk. */
export function checkText(buf: Buffer | string, file: string): AnalyzerNotice | undefined {
  const head = typeof buf === 'string' ? buf.slice(0, 8192) : buf.subarray(0, 8192).toString('latin1');
  if (head.includes('\u0000')) return { level: 'info', file, message: `Skipped ${file}: binary content in a source file.` };
  return undefined;
}

/**
 * Deepest syntax nesting the analysis walks. ts-morph and the rules walk trees recursively, so a
 * generated file with thousands of nested expressions would overflow the stack; such files are
 * left out with a notice. Measured on node 20's default stack: rules overflow from about 4,000
 * levels (a 2,000-call `.then()` chain), the TypeScript parser itself from about 1,000 nested
 * parentheses. Hand-written code stays below 100.
 */
export const MAX_NESTING_DEPTH = 2500;

export function tooDeepNotice(file: string, what = `more than ${MAX_NESTING_DEPTH} levels deep`): AnalyzerNotice {
  return { level: 'info', file, message: `Skipped ${file}: code nested ${what} (likely generated), too deep to analyze.` };
}

/** Checks a parsed file; walks the compiler tree with an explicit stack, so the check itself cannot overflow. */
export function checkParsed(root: ts.Node, file: string, maxDepth = MAX_NESTING_DEPTH): AnalyzerNotice | undefined {
  const stack: Array<[ts.Node, number]> = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > maxDepth) return tooDeepNotice(file);
    ts.forEachChild(node, (child) => {
      stack.push([child, depth + 1]);
    });
  }
  return undefined;
}

const TEST_FILE = /(^|\/)(__tests__|__mocks__|__fixtures__|tests?|spec|fixtures|mocks?)\/|\.(test|spec|stories)\.[cm]?[jt]sx?$/;

/** Tests, mocks, fixtures and stories: code that never runs as a deployed agent. Folders above `root` do not count. */
export function isTestFile(file: string, root?: string): boolean {
  const rel = root ? toPosix(path.relative(root, file)) : toPosix(file);
  return TEST_FILE.test(rel.startsWith('..') ? toPosix(file) : rel);
}
