/**
 * Ties findings to the inventory items they concern, so every item carries its findings and every
 * KPI counts rule results instead of re-deciding them. A finding belongs to the innermost item
 * whose code contains it (a tool's sink, a model call's prompt); a finding outside every item (a
 * sink in a helper shared by tools) belongs to the items its related locations point at exactly.
 */
import type { Node } from 'ts-morph';
import { rangeOf } from '../engine.js';
import { relativePath } from '../report/common.js';
import type { Finding, SourceRange } from '../types.js';
import type { FindingRef, Location } from './types.js';

export class FindingIndex {
  /** Ranges of the items findings can belong to, registered before lookups. */
  private readonly owners: SourceRange[] = [];

  constructor(
    readonly findings: readonly Finding[],
    readonly root: string,
  ) {}

  location(range: SourceRange): Location {
    return {
      file: relativePath(this.root, range.file),
      line: range.startPos.line,
      column: range.startPos.column,
      endLine: range.endPos.line,
      endColumn: range.endPos.column,
      start: range.start,
      end: range.end,
    };
  }

  locationOf(node: Node): Location {
    return this.location(rangeOf(node));
  }

  ref(f: Finding): FindingRef {
    return { ruleId: f.ruleId, severity: f.severity, message: f.message, location: this.location(f.range) };
  }

  /** Declares an item's code as a possible owner of findings. */
  register(node: Node): void {
    this.owners.push(rangeOf(node));
  }

  /** Findings reported exactly on `node` (a sink, an agent construction). */
  at(node: Node): FindingRef[] {
    const r = rangeOf(node);
    return this.findings.filter((f) => sameRange(f.range, r)).map((f) => this.ref(f));
  }

  /** Findings inside `node` that no smaller registered item holds, and those whose related locations name it. */
  of(node: Node): FindingRef[] {
    const r = rangeOf(node);
    const inner = this.owners.filter((o) => contains(r, o) && !sameRange(o, r));
    const own = (f: Finding) => contains(r, f.range) && !inner.some((o) => contains(o, f.range));
    // A finding outside every item (a sink in a shared helper) belongs to the items it names as related.
    const named = (f: Finding) => f.related.some((rel) => sameRange(rel.range, r)) && !this.owners.some((o) => contains(o, f.range));
    return this.findings.filter((f) => own(f) || named(f)).map((f) => this.ref(f));
  }
}

function contains(outer: SourceRange, inner: SourceRange): boolean {
  return outer.file === inner.file && outer.start <= inner.start && inner.end <= outer.end;
}

function sameRange(a: SourceRange, b: SourceRange): boolean {
  return a.file === b.file && a.start === b.start && a.end === b.end;
}

export function ruleIdsOf(findings: readonly FindingRef[]): string[] {
  return [...new Set(findings.map((f) => f.ruleId))].sort();
}
