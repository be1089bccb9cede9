/**
 * Backward data flow with access paths. A rule asks "what reaches this expression?" with a source
 * predicate and the sanitizers that stop a flow; the walk goes through variables, destructuring,
 * template literals, object literals and spreads, property access, array methods, calls into the
 * project's own functions (returns, and parameters back to the calling argument), mutations such
 * as `history.push(x)`, and imports across files.
 *
 * The access path is the list of properties read from a value on the way to the sink: reaching
 * `user` with path ["email"] means `user.email` flows, which is how `{ id: user.id }` stays clean
 * while `user.email` does not.
 */
import { Node, SyntaxKind, type CallExpression, type SourceFile } from 'ts-morph';
import type { AnalysisCache } from '../cache.js';
import type { AgentModel } from '../model/model.js';
import { isFunctionLike, returnedExpressions } from '../model/model.js';
import { FRAMEWORKS } from '../model/frameworks/index.js';
import type { Binding } from '../model/resolve.js';
import { descendantsOfKinds } from '../util/walk.js';

export interface SourceMatch {
  /** What the source is, for messages: "customer.email", "process.env.STRIPE_KEY", "tool argument `path`". */
  label: string;
  node: Node;
}

export interface TaintQuery {
  /** Decides whether `node`, read with `path`, is a source. Called on every visited node. */
  source(node: Node, path: readonly string[]): SourceMatch | undefined;
  /** A call that cleans what passes through it (a redactor, a schema parse, an allow-list lookup), read with `path`. */
  sanitizer?(call: CallExpression, path: readonly string[]): boolean;
  /**
   * A call whose result carries some of its inputs although the engine treats it as opaque (a
   * markdown renderer for an HTML sink, a schema parse that leaves a field free): the expressions
   * to follow and the path to read them with. Undefined leaves the call to the engine.
   */
  through?(call: CallExpression, path: readonly string[]): Array<{ node: Node; path: readonly string[] }> | undefined;
  /** Stop walking into this node (a rule-specific boundary). */
  stop?(node: Node): boolean;
}

export interface TaintPath {
  source: SourceMatch;
  /** Nodes from the sink back to the source. */
  steps: Node[];
}

/** Methods through which a value (or its elements) passes unchanged in kind. */
const TRANSPARENT_METHODS = new Set([
  'toString', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'trim', 'trimStart', 'trimEnd', 'slice',
  'substring', 'substr', 'split', 'join', 'concat', 'map', 'filter', 'flat', 'flatMap', 'find', 'findLast', 'at', 'replace',
  'replaceAll', 'padStart', 'padEnd', 'normalize', 'toJSON', 'valueOf', 'entries', 'values', 'reverse', 'sort', 'toSorted',
  'toReversed', 'reduce', 'then', 'repeat', 'with', 'format', 'pipe', 'formatMessages', 'formatPromptValue', 'text',
]);
const MAPPING_METHODS = new Set(['map', 'flatMap', 'reduce', 'then']);
const CALLBACK_METHODS = new Set(['map', 'flatMap', 'filter', 'find', 'findLast', 'forEach', 'some', 'every', 'reduce', 'then', 'sort']);
/** Global functions whose result carries their arguments. */
const TRANSPARENT_FUNCTIONS = new Set([
  'JSON.stringify', 'JSON.parse', 'String', 'Object.assign', 'Object.values', 'Object.entries', 'Object.fromEntries', 'structuredClone',
  'Array.from', 'Array.of', 'util.format', 'util.inspect', 'format', 'Buffer.from', 'path.join', 'path.resolve', 'path.normalize',
  'encodeURIComponent', 'encodeURI', 'decodeURIComponent', 'decodeURI', 'Promise.all', 'Promise.resolve', 'dedent', 'stripIndent',
  'stripIndents', 'oneLine', 'outdent', 'yaml.stringify', 'YAML.stringify', 'querystring.stringify', 'qs.stringify',
]);

const MAX_VISITS = 4000;
const MAX_DEPTH = 40;
const MAX_CALL_SITES = 25;

interface CallFrame {
  fn: Node;
  call: CallExpression;
}

interface FileIndex {
  /** Identifiers by text: references for mutation and call-site searches. */
  identifiers: Map<string, Node[]>;
}

export class DataFlow {
  private readonly indexes: WeakMap<SourceFile, FileIndex>;

  constructor(
    readonly model: AgentModel,
    cache?: AnalysisCache,
  ) {
    // File indexes depend on their file alone: a host's analyses share them.
    this.indexes = (cache?.fileIndexes as WeakMap<SourceFile, FileIndex> | undefined) ?? new WeakMap();
  }

  /** Every source the query recognizes that reaches `sink`, with the steps in between. */
  taint(sink: Node, query: TaintQuery): TaintPath[] {
    const results: TaintPath[] = [];
    const visited = new Set<string>();
    let visits = 0;
    const seenSources = new Set<Node>();

    const visit = (node: Node, path: readonly string[], steps: Node[], frames: readonly CallFrame[], depth: number): void => {
      if (visits++ > MAX_VISITS || depth > MAX_DEPTH) return;
      const key = `${node.getSourceFile().getFilePath()}:${node.getPos()}-${node.getEnd()}:${node.getKind()}:${path.join('.')}:${frames.length ? frames[frames.length - 1].call.getPos() : ''}`;
      if (visited.has(key)) return;
      visited.add(key);
      if (query.stop?.(node)) return;
      // A sanitizer's result is clean, whatever its name suggests (`maskEmail(x)` is no email source).
      if (Node.isCallExpression(node) && query.sanitizer?.(node, path)) return;
      const hit = query.source(node, path);
      if (hit) {
        if (!seenSources.has(hit.node)) {
          seenSources.add(hit.node);
          results.push({ source: hit, steps: [...steps, node] });
        }
        return;
      }
      const next = (n: Node | undefined, p: readonly string[] = path, f: readonly CallFrame[] = frames) => {
        if (n) visit(n, p, steps.length < 30 ? [...steps, node] : steps, f, depth + 1);
      };

      if (
        Node.isParenthesizedExpression(node) || Node.isAsExpression(node) || Node.isNonNullExpression(node) || Node.isAwaitExpression(node) ||
        Node.isSatisfiesExpression(node) || Node.isTypeAssertion(node) || Node.isSpreadElement(node) || Node.isSpreadAssignment(node)
      ) {
        return next(node.getExpression());
      }
      if (Node.isIdentifier(node) || Node.isShorthandPropertyAssignment(node)) {
        const id = Node.isShorthandPropertyAssignment(node) ? node.getNameNode() : node;
        const b = this.model.resolver.resolveIdentifier(id);
        return this.visitBinding(b, id, path, frames, (n, p, f) => next(n, p, f), query);
      }
      if (Node.isPropertyAccessExpression(node)) {
        return next(node.getExpression(), [node.getName(), ...path]);
      }
      if (Node.isElementAccessExpression(node)) {
        const arg = node.getArgumentExpression();
        if (arg && (Node.isStringLiteral(arg) || Node.isNoSubstitutionTemplateLiteral(arg))) return next(node.getExpression(), [arg.getLiteralValue(), ...path]);
        return next(node.getExpression(), path);
      }
      if (Node.isTemplateExpression(node)) {
        for (const span of node.getTemplateSpans()) next(span.getExpression(), []);
        return;
      }
      if (Node.isTaggedTemplateExpression(node)) {
        const t = node.getTemplate();
        if (Node.isTemplateExpression(t)) for (const span of t.getTemplateSpans()) next(span.getExpression(), []);
        return;
      }
      if (Node.isBinaryExpression(node)) {
        const op = node.getOperatorToken().getKind();
        if (op === SyntaxKind.PlusToken || op === SyntaxKind.PlusEqualsToken) {
          next(node.getLeft(), []);
          next(node.getRight(), []);
        } else if (op === SyntaxKind.BarBarToken || op === SyntaxKind.QuestionQuestionToken) {
          next(node.getLeft());
          next(node.getRight());
        } else if (op === SyntaxKind.AmpersandAmpersandToken || op === SyntaxKind.CommaToken || op === SyntaxKind.EqualsToken) {
          next(node.getRight());
        }
        return;
      }
      if (Node.isConditionalExpression(node)) {
        next(node.getWhenTrue());
        next(node.getWhenFalse());
        return;
      }
      if (Node.isObjectLiteralExpression(node)) {
        for (const p of node.getProperties()) {
          if (Node.isSpreadAssignment(p)) {
            next(p.getExpression(), path);
            continue;
          }
          if (!Node.isPropertyAssignment(p) && !Node.isShorthandPropertyAssignment(p)) continue;
          const name = p.getName().replace(/^['"]|['"]$/g, '');
          if (path.length && path[0] !== name) continue;
          const rest = path.length ? path.slice(1) : [];
          if (Node.isPropertyAssignment(p)) next(p.getInitializerOrThrow(), rest);
          else next(p, rest);
        }
        return;
      }
      if (Node.isArrayLiteralExpression(node)) {
        for (const el of node.getElements()) next(el, path);
        return;
      }
      if (Node.isCallExpression(node)) return this.visitCall(node, path, frames, next, query);
      if (Node.isNewExpression(node)) {
        for (const a of node.getArguments()) next(a, []);
        return;
      }
      // Literals, functions, classes: nothing flows out of them.
    };

    visit(sink, [], [], [], 0);
    return results;
  }

  private visitCall(
    node: CallExpression,
    path: readonly string[],
    frames: readonly CallFrame[],
    next: (n: Node | undefined, p?: readonly string[], f?: readonly CallFrame[]) => void,
    query: TaintQuery,
  ): void {
    const carried = query.through?.(node, path);
    if (carried) {
      for (const c of carried) next(c.node, c.path);
      return;
    }
    const callee = node.getExpression();
    const calleeText = callee.getText();
    if (TRANSPARENT_FUNCTIONS.has(calleeText)) {
      for (const a of node.getArguments()) next(a, calleeText === 'JSON.parse' ? path : []);
      return;
    }
    if (Node.isPropertyAccessExpression(callee) && TRANSPARENT_METHODS.has(callee.getName())) {
      const method = callee.getName();
      const cb = CALLBACK_METHODS.has(method) ? node.getArguments()[0] : undefined;
      // xs.map(x => x.total) yields what the callback returns, not the elements it read from.
      const mapsThroughCallback = !!cb && isFunctionLike(cb) && MAPPING_METHODS.has(method);
      if (!mapsThroughCallback) next(callee.getExpression(), path);
      if (method === 'concat' || method === 'replace' || method === 'replaceAll' || method === 'with' || method === 'format' || method === 'join' || method === 'formatMessages' || method === 'formatPromptValue') {
        for (const a of node.getArguments()) next(a, []);
      }
      if (cb && isFunctionLike(cb)) for (const r of returnedExpressions(cb)) next(r, path);
      return;
    }
    // A function of the project: follow what it returns, remembering this call for its parameters.
    const fn = this.model.valueOf(callee);
    if (isFunctionLike(fn)) {
      if (frames.some((f) => f.fn === fn)) return; // recursion
      const f = [...frames, { fn, call: node }];
      for (const r of returnedExpressions(fn)) next(r, path, f);
      return;
    }
    // `fn()` inside a wrapper such as withAuditLog(name, () => client.chat...): the callback passed
    // at the call being followed is what runs, so its result is what returns.
    if (Node.isIdentifier(callee) && frames.length) {
      const b = this.model.resolver.resolveIdentifier(callee);
      const top = frames[frames.length - 1];
      if (b?.kind === 'parameter' && b.fn === top.fn) {
        const cb = top.call.getArguments()[b.index];
        const cbFn = cb ? this.model.valueOf(cb) : undefined;
        if (cbFn && isFunctionLike(cbFn)) for (const r of returnedExpressions(cbFn)) next(r, path, frames.slice(0, -1));
        return;
      }
    }
    // A framework helper (a message builder such as `user(text)`, a prompt template's formatMessages):
    // what it returns carries its receiver and arguments. Model calls, tools and agents are not helpers.
    const base = this.model.flatten(callee, 0);
    if (base?.kind === 'import' && isFrameworkModule(base.module) && !this.model.classify(node)) {
      if (Node.isPropertyAccessExpression(callee)) next(callee.getExpression(), []);
      for (const a of node.getArguments()) next(a, []);
    }
    // Any other unknown function: its result is a leaf (the source predicate already saw the call).
  }

  private visitBinding(
    b: Binding | undefined,
    id: Node,
    path: readonly string[],
    frames: readonly CallFrame[],
    next: (n: Node | undefined, p: readonly string[], f: readonly CallFrame[]) => void,
    query: TaintQuery,
  ): void {
    if (!b) return;
    if (b.kind === 'import') {
      const r = this.model.resolver.followImport(b);
      if (r) this.visitBinding(r, id, path, frames, next, query);
      else {
        const hit = query.source(b.node, path);
        if (hit) next(b.node, path, frames);
      }
      return;
    }
    const destructure = (b.kind === 'variable' || b.kind === 'parameter' ? (b.destructure ?? []) : []).filter((p) => p !== '[]');
    const fullPath = [...destructure, ...path];
    if (b.kind === 'variable') {
      if (b.init && !Node.isSourceFile(b.init)) next(b.init, fullPath, frames);
      // let x = ''; x += ...; history.push(...): values written later flow too.
      for (const w of this.writesTo(b.node, id)) next(w, path, frames);
      return;
    }
    if (b.kind === 'parameter') {
      // A rule's source predicate may claim the parameter itself (a tool's input, a handler's request).
      const hit = query.source(b.node, fullPath);
      if (hit) {
        next(b.node, fullPath, frames);
        return;
      }
      const fn = b.fn;
      // (x) => ... passed to xs.map: x is an element of xs.
      const parent = fn.getParent();
      if (parent && Node.isCallExpression(parent)) {
        const callee = parent.getExpression();
        if (Node.isPropertyAccessExpression(callee) && CALLBACK_METHODS.has(callee.getName()) && parent.getArguments()[0] === fn) {
          if (callee.getName() === 'reduce' && b.index === 0) return;
          next(callee.getExpression(), fullPath, frames);
          return;
        }
      }
      const top = frames.length ? frames[frames.length - 1] : undefined;
      if (top && top.fn === fn) {
        next(top.call.getArguments()[b.index], fullPath, frames.slice(0, -1));
        return;
      }
      if (frames.length === 0) {
        for (const call of this.callSites(fn).slice(0, MAX_CALL_SITES)) next(call.getArguments()[b.index], fullPath, frames);
      }
    }
  }

  /** Assignments and in-place writes to a variable: `x = v`, `x += v`, `x.push(v)`, `x.set(k, v)`, `x[i] = v`. */
  writesTo(decl: Node, from: Node): Node[] {
    if (!Node.isVariableDeclaration(decl) || !Node.isIdentifier(decl.getNameNode())) return [];
    const name = decl.getName();
    const out: Node[] = [];
    for (const ref of this.index(decl.getSourceFile()).identifiers.get(name) ?? []) {
      if (ref === decl.getNameNode() || ref === from) continue;
      const parent = ref.getParent();
      if (!parent) continue;
      let written: Node[] = [];
      if (Node.isBinaryExpression(parent) && parent.getLeft() === ref && isAssignment(parent.getOperatorToken().getKind())) written = [parent.getRight()];
      else if (Node.isPropertyAccessExpression(parent) && parent.getExpression() === ref) {
        const call = parent.getParent();
        const method = parent.getName();
        if (call && Node.isCallExpression(call) && call.getExpression() === parent && ['push', 'unshift', 'set', 'add', 'splice', 'append', 'addMessage', 'addMessages'].includes(method)) {
          written = method === 'set' || method === 'splice' ? call.getArguments().slice(1) : call.getArguments();
        }
      } else if (Node.isElementAccessExpression(parent) && parent.getExpression() === ref) {
        const gp = parent.getParent();
        if (gp && Node.isBinaryExpression(gp) && gp.getLeft() === parent && isAssignment(gp.getOperatorToken().getKind())) written = [gp.getRight()];
      }
      if (written.length === 0) continue;
      const b = this.model.resolver.resolveIdentifier(ref);
      if (b && b.node === decl) out.push(...written);
    }
    return out;
  }

  /** Calls of a project function, in any file (by the name it is declared or stored under). */
  callSites(fn: Node): CallExpression[] {
    // Asked again and again by every rule's walks (each parameter a flow reaches): answer once per analysis.
    let known = this.callSiteCache.get(fn);
    if (!known) this.callSiteCache.set(fn, (known = this.findCallSites(fn)));
    return known;
  }

  private readonly callSiteCache = new Map<Node, CallExpression[]>();

  private findCallSites(fn: Node): CallExpression[] {
    let name: string | undefined;
    if (Node.isFunctionDeclaration(fn) || Node.isMethodDeclaration(fn)) name = fn.getName();
    else {
      const p = fn.getParent();
      if (p && Node.isVariableDeclaration(p)) name = p.getName();
      if (p && Node.isPropertyAssignment(p)) name = p.getName();
    }
    if (!name) return [];
    const out: CallExpression[] = [];
    for (const file of this.model.filesMentioning(name)) {
      for (const ref of this.index(file).identifiers.get(name) ?? []) {
        let callee: Node = ref;
        const parent = ref.getParent();
        if (parent && Node.isPropertyAccessExpression(parent) && parent.getNameNode() === ref) callee = parent;
        const call = callee.getParent();
        if (!call || !Node.isCallExpression(call) || call.getExpression() !== callee) continue;
        if (this.model.valueOf(callee) === fn || this.isMethodCallOf(callee, fn)) out.push(call);
      }
    }
    return out;
  }

  /** `agent.draft(x)` where `agent = new SalesAgent(...)`, or `this.draft(x)` inside the class: a call of method `fn`. */
  private isMethodCallOf(callee: Node, fn: Node): boolean {
    if (!Node.isMethodDeclaration(fn) || !Node.isPropertyAccessExpression(callee)) return false;
    const cls = fn.getParent();
    const receiver = callee.getExpression();
    if (receiver.getKind() === SyntaxKind.ThisKeyword) return receiver.getFirstAncestor((a) => Node.isClassDeclaration(a) || Node.isClassExpression(a)) === cls;
    const value = this.model.valueOf(receiver);
    return Node.isNewExpression(value) && this.model.valueOf(value.getExpression()) === cls;
  }

  index(file: SourceFile): FileIndex {
    let idx = this.indexes.get(file);
    if (idx) return idx;
    const identifiers = new Map<string, Node[]>();
    for (const n of descendantsOfKinds(file, [SyntaxKind.Identifier])) {
      const t = n.getText();
      const list = identifiers.get(t);
      if (list) list.push(n);
      else identifiers.set(t, [n]);
    }
    idx = { identifiers };
    this.indexes.set(file, idx);
    return idx;
  }
}

const FRAMEWORK_PACKAGES = FRAMEWORKS.flatMap((f) => f.packages);

function isFrameworkModule(module: string): boolean {
  return FRAMEWORK_PACKAGES.some((p) => module === p || module.startsWith(`${p}/`));
}

function isAssignment(kind: SyntaxKind): boolean {
  return kind === SyntaxKind.EqualsToken || kind === SyntaxKind.PlusEqualsToken || kind === SyntaxKind.BarBarEqualsToken || kind === SyntaxKind.QuestionQuestionEqualsToken;
}
