/**
 * Which files mention a name. Project-wide searches ("every call of this function", "every `new`
 * of this class") used to scan every file's text once per question, which grew with files times
 * questions; a per-file set of identifier-like words answers each question with one lookup per
 * file. The sets are kept per file as long as its text is unchanged, so edits rebuild one set.
 */
import type { SourceFile } from 'ts-morph';

const WORD = /[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*/gu;
const wordSets = new WeakMap<SourceFile, { text: string; words: Set<string> }>();

function wordsOf(file: SourceFile): Set<string> {
  const text = file.getFullText();
  const known = wordSets.get(file);
  if (known && known.text === text) return known.words;
  const words = new Set(text.match(WORD));
  wordSets.set(file, { text, words });
  return words;
}

/** Whether `name` occurs in the file's text as a whole word (in code, strings or comments): a cheap, exact-enough prefilter. */
export function mentions(file: SourceFile, name: string): boolean {
  return wordsOf(file).has(name);
}
