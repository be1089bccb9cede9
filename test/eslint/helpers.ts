/**
 * Helpers for the ESLint plugin tests: projects on disk (the plugin reads the rest of the project
 * from disk, as it does in a user's CI), ESLint runs with the plugin, and the engine's view of the
 * same folder to compare against.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import plugin from '../../rules/src/eslint/index.js';
import { clearProjects } from '../../rules/src/eslint/project.js';
import { scan } from '../../rules/src/engine.js';
import { toPosix } from '../../rules/src/project/files.js';
import type { Finding, TextEdit } from '../../rules/src/types.js';

export { plugin };

const made: string[] = [];
process.on('exit', () => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes `files` into a fresh temporary project (a package.json marks its root) and returns its path. */
export function writeProject(files: Record<string, string>): string {
  const dir = toPosix(fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'zta-eslint-'))));
  made.push(dir);
  const all = { 'package.json': '{ "name": "fixture", "private": true }\n', ...files };
  for (const [name, text] of Object.entries(all)) {
    const abs = path.join(dir, name);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  }
  return dir;
}

/** Applies non-overlapping edits to a text, last first so offsets stay valid. */
export function applyEdits(text: string, edits: Array<Pick<TextEdit, 'start' | 'end' | 'newText'>>): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** A finding or an ESLint message reduced to what both front ends must agree on. */
export interface Located {
  rule: string;
  file: string;
  line: number;
  column: number;
}

export function key(l: Located): string {
  return `${l.file}:${l.line}:${l.column} ${l.rule}`;
}

export function sortLocated(list: Located[]): Located[] {
  return [...list].sort((a, b) => key(a).localeCompare(key(b)));
}

export function fromFindings(root: string, findings: Finding[]): Located[] {
  return sortLocated(findings.map((f) => ({ rule: f.ruleId, file: path.posix.relative(root, f.range.file), line: f.range.startPos.line, column: f.range.startPos.column })));
}

export function fromResults(root: string, results: ESLint.LintResult[]): Located[] {
  const out: Located[] = [];
  for (const r of results) {
    for (const m of r.messages) {
      if (m.fatal) throw new Error(`${r.filePath}: ${m.message}`);
      if (!m.ruleId?.startsWith('zero-trust-ai/')) continue;
      out.push({ rule: m.ruleId.slice('zero-trust-ai/'.length), file: path.posix.relative(root, toPosix(r.filePath)), line: m.line, column: m.column });
    }
  }
  return sortLocated(out);
}

export function engineFindings(root: string): Located[] {
  return fromFindings(root, scan(root).findings);
}

export interface LintOptions {
  /** Flat config objects after the parser and the plugin preset (rule options, settings). */
  extra?: Linter.Config[];
  preset?: 'recommended' | 'strict' | 'all';
  /** 'ts' parses with @typescript-eslint/parser, 'typed' adds type information, 'espree' is ESLint's default parser. */
  parser?: 'ts' | 'typed' | 'espree';
  /** Keep the plugin's cached projects from an earlier run (default: start fresh, like a new `eslint` process). */
  keepCache?: boolean;
}

export function eslintFor(cwd: string, options: LintOptions = {}): ESLint {
  if (!options.keepCache) clearProjects();
  const parser = options.parser ?? 'ts';
  const language: Linter.Config[] =
    parser === 'espree'
      ? []
      : [{ files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'], languageOptions: { parser: tseslint.parser, parserOptions: parser === 'typed' ? { projectService: true, tsconfigRootDir: cwd } : {} } }];
  return new ESLint({ cwd, overrideConfigFile: true, overrideConfig: [...language, plugin.configs[options.preset ?? 'recommended'], ...(options.extra ?? [])] });
}

export async function lintFolder(root: string, options: LintOptions = {}, patterns: string[] = ['.']): Promise<ESLint.LintResult[]> {
  return eslintFor(root, options).lintFiles(patterns);
}

/** Rule ids a preset enables. */
export function presetRuleIds(preset: 'recommended' | 'strict' | 'all'): string[] {
  return Object.keys(plugin.configs[preset].rules ?? {}).map((r) => r.slice('zero-trust-ai/'.length));
}
