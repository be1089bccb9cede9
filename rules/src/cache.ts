/**
 * What one AnalysisHost's analyses reuse from the previous one, so that an edit in a large
 * workspace costs about the edited file, not the whole project (the language server analyzes on
 * every keystroke). Each analysis still builds a fresh agent model; the cache spares it the walks
 * and classifications whose results cannot have changed.
 *
 * Entries are keyed by SourceFile. ts-morph keeps the SourceFile object when a file's text is
 * replaced, so the host calls `forget` for a changed file, and `invalidate` before the next
 * analysis: whether a call creates an entity depends on the files its file imports, so the entity
 * calls of every (transitive) importer of a changed file are dropped too. Entities of the other
 * files are reused as they are; the model redoes only the links between entities (tools handed to
 * agents, default credentials), which depend on other files too. Adding or removing a file
 * can change how any import resolves: the host then starts a new cache.
 */
import * as path from 'node:path';
import type { Node, SourceFile } from 'ts-morph';
import type { Agent, CallLike, ClassInstance, Credential, Entity } from './model/types.js';
import type { Resolver } from './model/resolve.js';
import type { WordIndex } from './model/word-index.js';

export class AnalysisCache {
  /** The calls and `new` expressions of a file that the model classified as entities. */
  readonly entityCalls = new WeakMap<SourceFile, CallLike[]>();
  /** What the model classified the calls and `new` expressions of a file as (null: no entity). */
  readonly classified = new WeakMap<SourceFile, Map<Node, Entity | null>>();
  /** Agents whose own credential is their framework's default, with that credential (a setter may replace it per model). */
  readonly frameworkDefaultCredentials = new WeakMap<Agent, Credential>();
  /** Which files mention which words; the model refreshes it for changed files. */
  wordIndex?: WordIndex;
  /** Entity ids stay unique across the models that share entities. */
  readonly entityIds = { next: 0 };
  /** The `new` expressions of a file whose class is a project class, with that class. */
  readonly classInstances = new WeakMap<SourceFile, ClassInstance[]>();
  /** File-local indexes of the data-flow engine (identifiers by name). */
  readonly fileIndexes = new WeakMap<SourceFile, unknown>();
  /** Project files a file imports (relative specifiers, the only ones the resolver follows). */
  private readonly imports = new WeakMap<SourceFile, string[]>();

  /** Drops what was derived from `sf`'s text. */
  forget(sf: SourceFile): void {
    this.dropImportDependent(sf);
    this.fileIndexes.delete(sf);
    this.imports.delete(sf);
  }

  /** Drops what depends on the files `sf` imports as well as on its own text. */
  private dropImportDependent(sf: SourceFile): void {
    this.entityCalls.delete(sf);
    this.classified.delete(sf);
    this.classInstances.delete(sf);
  }

  /** Drops the import-dependent entries of every file that imports one of `changed` (absolute paths), transitively. */
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
        this.dropImportDependent(sf);
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
