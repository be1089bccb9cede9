/**
 * What one AnalysisHost's analyses reuse from the previous one, so that an edit in a large
 * workspace costs about the edited file, not the whole project (the language server analyzes on
 * every keystroke). Each analysis still builds a fresh agent model; the cache only spares it the
 * walks whose results cannot have changed.
 *
 * Entries are keyed by SourceFile. ts-morph keeps the SourceFile object when a file's text is
 * replaced, so the host calls `forget` for a changed file, and `invalidate` before the next
 * analysis: whether a call creates an entity depends on the files its file imports, so the entity
 * calls of every (transitive) importer of a changed file are dropped too. Adding or removing a file
 * can change how any import resolves: the host then starts a new cache.
 */
import * as path from 'node:path';
import type { SourceFile } from 'ts-morph';
import type { CallLike } from './model/types.js';
import type { Resolver } from './model/resolve.js';

export class AnalysisCache {
  /** The calls and `new` expressions of a file that the model classified as entities. */
  readonly entityCalls = new WeakMap<SourceFile, CallLike[]>();
  /** File-local indexes of the data-flow engine (identifiers by name). */
  readonly fileIndexes = new WeakMap<SourceFile, unknown>();
  /** Project files a file imports (relative specifiers, the only ones the resolver follows). */
  private readonly imports = new WeakMap<SourceFile, string[]>();

  /** Drops what was derived from `sf`'s text. */
  forget(sf: SourceFile): void {
    this.entityCalls.delete(sf);
    this.fileIndexes.delete(sf);
    this.imports.delete(sf);
  }

  /** Drops the entity calls of every file that imports one of `changed` (absolute paths), transitively. */
  invalidate(files: readonly SourceFile[], changed: Iterable<string>, resolver: Resolver): void {
    const importers = new Map<string, SourceFile[]>();
    for (const sf of files) {
      for (const target of this.importsOf(sf, resolver)) {
        const list = importers.get(target);
        if (list) list.push(sf);
        else importers.set(target, [sf]);
      }
    }
    const queue = [...changed].map((p) => path.resolve(p).replace(/\\/g, '/'));
    const seen = new Set(queue);
    while (queue.length) {
      for (const sf of importers.get(queue.pop()!) ?? []) {
        const key = sf.getFilePath();
        if (seen.has(key)) continue;
        seen.add(key);
        this.entityCalls.delete(sf);
        queue.push(key);
      }
    }
  }

  private importsOf(sf: SourceFile, resolver: Resolver): string[] {
    let list = this.imports.get(sf);
    if (list) return list;
    list = [];
    // A text scan is enough: an over-approximation only invalidates more.
    for (const m of sf.getFullText().matchAll(/(?:\bfrom|\bimport|\brequire\s*\()\s*\(?\s*(['"])([./][^'"\n]*)\1/g)) {
      const target = resolver.resolveModule(sf, m[2]);
      if (target) list.push(target.getFilePath());
    }
    this.imports.set(sf, list);
    return list;
  }
}
