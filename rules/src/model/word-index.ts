/**
 * Which files mention a word (project/mentions.ts), inverted over a list of files. Building it reads
 * every file's word set, a few milliseconds per thousand files; the language server asks again
 * after every keystroke, so a host keeps one index and `refresh` re-indexes only the files whose
 * text changed.
 */
import type { SourceFile } from 'ts-morph';
import { wordsOf } from '../project/mentions.js';

export class WordIndex {
  private readonly byWord = new Map<string, SourceFile[]>();
  /** The word set each file was indexed with (wordsOf returns a new set when the text changes). */
  private readonly indexed = new Map<SourceFile, Set<string>>();
  private readonly position = new Map<SourceFile, number>();

  constructor(readonly files: readonly SourceFile[]) {
    files.forEach((f, i) => this.position.set(f, i));
    for (const f of files) {
      const words = wordsOf(f);
      this.indexed.set(f, words);
      for (const w of words) {
        const list = this.byWord.get(w);
        if (list) list.push(f);
        else this.byWord.set(w, [f]);
      }
    }
  }

  /** Whether the index is over exactly these files, in this order. */
  covers(files: readonly SourceFile[]): boolean {
    return files.length === this.files.length && files.every((f, i) => this.files[i] === f);
  }

  /** Re-indexes the files whose text changed since they were indexed. */
  refresh(): this {
    for (const f of this.files) {
      const words = wordsOf(f);
      const old = this.indexed.get(f)!;
      if (words === old) continue;
      this.indexed.set(f, words);
      for (const w of old) if (!words.has(w)) this.byWord.get(w)!.splice(this.byWord.get(w)!.indexOf(f), 1);
      for (const w of words) if (!old.has(w)) this.insert(w, f);
    }
    return this;
  }

  /** The files that mention `word`, in file order. */
  filesMentioning(word: string): readonly SourceFile[] {
    return this.byWord.get(word) ?? [];
  }

  private insert(word: string, file: SourceFile): void {
    const list = this.byWord.get(word);
    if (!list) {
      this.byWord.set(word, [file]);
      return;
    }
    const at = this.position.get(file)!;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.position.get(list[mid])! < at) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, file);
  }
}
