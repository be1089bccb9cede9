#!/usr/bin/env node
/**
 * Precision and recall per rule on the labeled corpus (test/corpus/<framework>/, marks as in
 * test/helpers/marks.ts). Each framework folder is scanned as its own project.
 *   node --import tsx scripts/score-corpus.ts [--verbose] [--rule <id>]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scan } from '../rules/src/engine.js';
import { allRules } from '../rules/src/rules/index.js';
import { compareWithMarks, parseMarks } from '../test/helpers/marks.js';

const root = path.resolve(import.meta.dirname, '..', process.argv.includes('--holdout') ? 'test/holdout' : 'test/corpus');
const verbose = process.argv.includes('--verbose');
const onlyRule = process.argv.includes('--rule') ? process.argv[process.argv.indexOf('--rule') + 1] : undefined;

function readTree(dir: string, base: string, out: Record<string, string> = {}): Record<string, string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) readTree(p, base, out);
    else if (/\.(ts|tsx|js|mjs)$/.test(e.name)) out[path.relative(base, p)] = fs.readFileSync(p, 'utf8');
  }
  return out;
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
}

export function scoreCorpus(): { byRule: Map<string, Score>; details: string[] } {
  const ruleIds = allRules.map((r) => r.meta.id).filter((id) => !onlyRule || id === onlyRule);
  const byRule = new Map<string, Score>(ruleIds.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));
  const details: string[] = [];
  for (const fw of fs.readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const dir = path.join(root, fw.name);
    const files = readTree(dir, dir);
    const result = scan(dir);
    for (const id of ruleIds) {
      const hasMarks = Object.entries(files).some(([f, t]) => parseMarks(f, t).some((m) => m.ruleId === id));
      const r = compareWithMarks(files, result.findings, [id], dir);
      const s = byRule.get(id)!;
      s.tp += r.matched;
      s.fn += r.missed.length;
      s.fp += r.unexpected.length;
      void hasMarks;
      for (const m of r.missed) details.push(`FN ${id} ${fw.name}/${path.relative(dir, m.file)}:${m.line}`);
      for (const f of r.unexpected) details.push(`FP ${id} ${fw.name}/${path.relative(dir, f.range.file)}:${f.range.startPos.line} ${f.message.slice(0, 140)}`);
    }
  }
  return { byRule, details };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { byRule, details } = scoreCorpus();
  console.log('rule                              TP   FP   FN  precision  recall');
  for (const [id, s] of byRule) {
    const p = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
    const r = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
    console.log(`${id.padEnd(32)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}  ${p.toFixed(2).padStart(9)}  ${r.toFixed(2).padStart(6)}`);
  }
  if (verbose) console.log(details.join('\n'));
}
