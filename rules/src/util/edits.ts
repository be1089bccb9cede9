/** Text-edit helpers shared by rule fixes: imports in the file's own style, indentation. */
import * as path from 'node:path';
import type { Node, SourceFile } from 'ts-morph';
import type { TextEdit } from '../types.js';

/** A relative import path from `sf` to `target`, in the style the file already uses (with or without `.js`). */
export function importSpecifier(sf: SourceFile, target: string): string {
  const withJs = sf.getImportDeclarations().some((d) => /^\.\.?\/.*\.js$/.test(d.getModuleSpecifierValue()));
  let rel = path.posix.relative(path.posix.dirname(sf.getFilePath()), target).replace(/\.(ts|tsx|mts|cts)$/, withJs ? '.js' : '');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return rel;
}

/** `import { name } from '<specifier>';` after the file's last import (or at its top). */
export function addNamedImport(sf: SourceFile, name: string, specifier: string): TextEdit {
  const imports = sf.getImportDeclarations();
  const at = imports.length ? imports[imports.length - 1].getEnd() : 0;
  const line = `import { ${name} } from '${specifier}';`;
  return { file: sf.getFilePath(), start: at, end: at, newText: at ? `\n${line}` : `${line}\n` };
}

/** Whether `name` is already imported or declared at the top level of `sf`. */
export function visibleAtTopLevel(sf: SourceFile, name: string): boolean {
  if (sf.getImportDeclarations().some((d) => d.getNamedImports().some((n) => (n.getAliasNode()?.getText() ?? n.getName()) === name) || d.getDefaultImport()?.getText() === name)) return true;
  return !!(sf.getFunction(name) ?? sf.getVariableDeclaration(name) ?? sf.getClass(name));
}

/** The whitespace that starts the line `n` starts on. */
export function lineIndent(n: Node): string {
  const text = n.getSourceFile().getFullText();
  const lineStart = text.lastIndexOf('\n', n.getStart() - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** A single-quoted TypeScript string literal. */
export function quoted(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}
