/**
 * The words of a file, for "which files mention this name". Project-wide searches ("every call of
 * this function", "every `new` of this class") used to scan every file's text once per question,
 * which grew with files times questions; the model inverts these sets into one index instead.
 * The sets are kept per file as long as its text is unchanged, so an edit rebuilds one set.
 */
import type { SourceFile } from 'ts-morph';

const WORD = /[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*/gu;
const wordSets = new WeakMap<SourceFile, { text: string; words: Set<string> }>();

/** Identifier-like words in the file's text (code, strings and comments): an exact-enough prefilter. */
export function wordsOf(file: SourceFile): Set<string> {
  const text = file.getFullText();
  const known = wordSets.get(file);
  if (known && known.text === text) return known.words;
  const words = new Set(text.match(WORD));
  wordSets.set(file, { text, words });
  return words;
}
