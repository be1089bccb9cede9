/**
 * The code examples of docs/rules/<id>.md as multi-file fixtures: a ```ts block may hold several
 * files, each starting at a `// file: name.ts` line. Incorrect blocks carry `// ruleid:` marks.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** Splits a ```ts block into files at `// file: name.ts` lines. */
export function blockFiles(code: string): Record<string, string> {
  const files: Record<string, string> = {};
  let name = 'example.ts';
  let buf: string[] = [];
  for (const line of code.split('\n')) {
    const m = /^\/\/ file: (\S+)/.exec(line);
    if (m) {
      if (buf.join('').trim()) files[name] = buf.join('\n');
      name = m[1];
      buf = [];
    } else buf.push(line);
  }
  if (buf.join('').trim()) files[name] = buf.join('\n');
  return files;
}

/** The code blocks under one `## ` heading of a doc page. */
export function sectionBlocks(md: string, heading: string): string[] {
  const start = md.indexOf(`\n${heading}\n`);
  if (start < 0) return [];
  const rest = md.slice(start + heading.length + 2);
  const end = rest.search(/\n## /);
  const body = end < 0 ? rest : rest.slice(0, end);
  return [...body.matchAll(/```(?:ts|typescript|js)\n([\s\S]*?)```/g)].map((m) => m[1]);
}

export interface DocExample {
  name: string;
  kind: 'incorrect' | 'correct';
  files: Record<string, string>;
}

/** Incorrect and correct examples of a rule's doc page (none when the page does not exist yet). */
export function docExamples(ruleId: string): DocExample[] {
  const file = path.join(root, 'docs/rules', `${ruleId}.md`);
  if (!fs.existsSync(file)) return [];
  const md = fs.readFileSync(file, 'utf8');
  return [
    ...sectionBlocks(md, '## Incorrect').map((code, i) => ({ name: `docs incorrect #${i + 1}`, kind: 'incorrect' as const, files: blockFiles(code) })),
    ...sectionBlocks(md, '## Correct').map((code, i) => ({ name: `docs correct #${i + 1}`, kind: 'correct' as const, files: blockFiles(code) })),
  ];
}
