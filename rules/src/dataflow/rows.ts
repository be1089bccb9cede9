/**
 * Matching calls against data-flow rows: the sources, sinks and sanitizers that tables and the
 * config declare as data (`{ module?, name }`). With a module, the callee must come from that
 * import (a package, or a project file by path), as the export and member path `name`, also on an
 * instance made by it (`Mailer.fetchInbox` matches `new Mailer().fetchInbox()`). Without a module,
 * `name` is matched against the callee as written (`db.rawQuery`) or its last segment (`fetchInbox`).
 */
import { Node, type CallExpression, type NewExpression } from 'ts-morph';
import type { AgentModel } from '../model/model.js';
import type { CalleeRef, SanitizerRow, SinkRow, SourceRow, TaintSinkKind, TaintSourceKind } from '../model/frameworks/table.js';

type Call = CallExpression | NewExpression;

function compact(text: string): string {
  return text.replace(/\s+/g, '').replace(/\?\./g, '.').replace(/!/g, '');
}

function last<T>(xs: readonly T[]): T | undefined {
  return xs[xs.length - 1];
}

/** Whether `call` calls the function a row names. */
export function callMatches(call: Call, ref: CalleeRef, model: AgentModel): boolean {
  const callee = compact(call.getExpression().getText());
  const parts = ref.name.split('.');
  if (!ref.module) return ref.name.includes('.') ? callee === ref.name || callee.endsWith(`.${ref.name}`) : last(callee.split('.')) === ref.name;
  // Cheap rejection first: the member called must be the row's last name segment (a default export may be renamed).
  if (parts.length > 1 || parts[0] !== 'default') {
    if (last(callee.split('.')) !== last(parts) && !(parts.length === 1 && Node.isIdentifier(call.getExpression()))) return false;
  }
  const found = importPath(call.getExpression(), model, 0);
  if (!found || !sameModule(found.module, ref.module)) return false;
  const path = found.path.filter((p) => p !== '()');
  if (path.join('.') === ref.name) return true;
  // A default export goes by any local name: `Mailer.fetchInbox` is `default.fetchInbox`.
  return found.exportName === 'default' && path.length === parts.length && path.slice(1).join('.') === parts.slice(1).join('.');
}

function sameModule(actual: string, wanted: string): boolean {
  const strip = (m: string) => m.replace(/^node:/, '').replace(/\.(ts|tsx|js|mjs|cjs|jsx)$/, '').replace(/\/index$/, '');
  return strip(actual) === strip(wanted);
}

/**
 * The module and export path an expression is read from: `db.rawQuery` with `import { db } from './lib/db'`
 * is ('<root>/lib/db', ['db', 'rawQuery']); `mailer.fetchInbox` with `const mailer = new Mailer()` is
 * (module of Mailer, ['Mailer', '()', 'fetchInbox']). Project modules are named by absolute path.
 */
function importPath(expr: Node, model: AgentModel, depth: number): { module: string; exportName: string; path: string[] } | undefined {
  if (depth > 6) return undefined;
  let e = expr;
  while (Node.isParenthesizedExpression(e) || Node.isAsExpression(e) || Node.isNonNullExpression(e) || Node.isAwaitExpression(e)) e = e.getExpression();
  if (Node.isPropertyAccessExpression(e)) {
    const inner = importPath(e.getExpression(), model, depth + 1);
    return inner && { ...inner, path: [...inner.path, e.getName()] };
  }
  if (Node.isCallExpression(e) || Node.isNewExpression(e)) {
    const inner = importPath(e.getExpression(), model, depth + 1);
    return inner && { ...inner, path: [...inner.path, '()'] };
  }
  if (!Node.isIdentifier(e)) return undefined;
  const b = model.resolver.resolveIdentifier(e);
  if (!b) return undefined;
  if (b.kind === 'import') {
    const target = model.resolver.resolveModule(e.getSourceFile(), b.module);
    const module = target ? target.getFilePath() : b.module;
    return { module, exportName: b.exportName, path: b.exportName === '*' ? [] : [b.exportName] };
  }
  // An instance or alias held in a variable: `const mailer = new Mailer()`, `const { rawQuery } = db`.
  if (b.kind === 'variable' && b.init && !Node.isSourceFile(b.init)) {
    const inner = importPath(b.init, model, depth + 1);
    const destructure = (b.destructure ?? []).filter((p) => p !== '[]');
    return inner && { ...inner, path: [...inner.path, ...destructure] };
  }
  return undefined;
}

/** The configured or tabled source rows a call matches, of one kind. */
export function sourceRowsOf(call: Call, kind: TaintSourceKind, model: AgentModel): SourceRow[] {
  return model.dataflowRows.sources.filter((r) => r.kind === kind && callMatches(call, r, model));
}

/** The sink row a call matches, if any. */
export function sinkRowOf(call: Call, model: AgentModel): SinkRow | undefined {
  return model.dataflowRows.sinks.find((r) => callMatches(call, r, model));
}

/** Whether a call is a declared sanitizer for `kind` (a sanitizer without `for` cleans every kind). */
export function isDeclaredSanitizer(call: Call, kind: TaintSourceKind | TaintSinkKind | undefined, model: AgentModel): boolean {
  return model.dataflowRows.sanitizers.some((r: SanitizerRow) => (!r.for || !kind || r.for.includes(kind)) && callMatches(call, r, model));
}

/** Whether the access path read from a source row's result reaches the part the row marks (`path`). */
export function rowPathReached(row: SourceRow, path: readonly string[]): boolean {
  if (!row.path?.length) return true;
  const fields = path.filter((p) => p !== '[]');
  // Reading the whole result (or a prefix of the marked path) carries the marked part too.
  return row.path.every((p, i) => fields[i] === undefined || fields[i] === p);
}
