/**
 * Restriction checks on a data flow: does the code verify a value before it reaches a sink? A
 * value is restricted when, on its way from source to sink, some step is dominated by a check
 * that only lets known values through: an allow-list lookup (`ALLOWED.has(x)`), an equality with
 * a constant, an anchored pattern (`/^[\w-]+$/.test(x)`), a path kept under a root
 * (`path.resolve(root, x).startsWith(root)`), a constrained schema parse, a `switch` on the value,
 * or a call to a function that does one of these (`assertAllowedHost(url)`, configured checks).
 * Blocklists (`BLOCKED.includes(x)`, `cmd.includes(';')`) and format checks (`isValidUrl`) do
 * not count: they leave the choice of value to whoever steers the model.
 *
 * Dominance is approximated syntactically: the step sits in the branch a check selects, or a
 * preceding statement of an enclosing block checks and exits (throw, return, continue, break).
 */
import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import type { AgentModel } from '../model/model.js';
import { isConstrainedSchema, isFunctionLike, returnedExpressions, unwrap } from '../model/model.js';
import type { Recognizers, SinkKind } from './recognizers.js';
import { lastSegment } from './recognizers.js';
import type { TaintPath } from './flow.js';
import { descendantsOfKinds } from '../util/walk.js';

export interface GuardContext {
  model: AgentModel;
  recognizers: Recognizers;
}

type Atom = 'allow' | 'deny';

const SET_LOOKUP = new Set(['includes', 'has', 'hasOwnProperty', 'get']);
const DENYLIST_NAME = /block|deny|denied|forbid|ban|danger|disallow|reject|unsafe|black/i;
/** A check named for an allow list or a root: isAllowedHost, assertSafePath, ensureInsideRoot, checkApproved. */
const NAMED_ALLOW_CHECK = /^(is|assert|ensure|check|validate|verify|require|has|can|guard|must)\w*(Allow|allow|Whitelist|whitelist|Permit|permit|Approv|approv|Trust|trust|Safe|safe|Known|known|Inside|inside|Within|within|Under|InRoot|Sandbox|sandbox)/;
/** Property reads that derive a value from the checked one: `new URL(url).hostname`. */
const DERIVED_PROPS = new Set(['hostname', 'host', 'origin', 'protocol', 'href', 'pathname', 'data']);
const PATH_RESOLVERS = /^(resolve|normalize|join|realpath|realpathSync|relative)$/;
const MAX_HELPER_DEPTH = 2;

export class FlowGuards {
  constructor(private readonly ctx: GuardContext) {}

  /** Whether the flow is checked against an allow list, pattern, constant or root before `sink`. */
  isRestricted(path: TaintPath, sink: Node, kind: SinkKind): boolean {
    const names = this.namesOnPath(path);
    const checker = new Checker(this.ctx, names, kind, 0);
    return [sink, ...path.steps].some((step) => checker.dominated(step));
  }

  /** `xs.filter((x) => ALLOWED.has(x))`: the elements that come out passed an allow check. */
  isFilteringCall(call: CallExpression, kind: SinkKind): boolean {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee) || !/^(filter|find|findLast)$/.test(callee.getName())) return false;
    const cb = call.getArguments()[0];
    if (!cb || !isFunctionLike(cb)) return false;
    const param = (cb as import('ts-morph').ArrowFunction).getParameters()[0];
    if (!param || !Node.isIdentifier(param.getNameNode())) return false;
    const checker = new Checker(this.ctx, new Set([param.getName()]), kind, 0);
    return returnedExpressions(cb).some((r) => checker.implies(r, true));
  }

  /**
   * Identifier and property texts along the flow (`cmd`, `args.cmd`), plus variables derived from
   * them in the functions the flow passes through (`const rel = path.relative(root, full)`).
   */
  private namesOnPath(path: TaintPath): Set<string> {
    const names = new Set<string>();
    const fns = new Set<Node>();
    // An object the value was read from (`args` for `args.cmd`) holds other values too: a check
    // on `args.host` says nothing about `args.cmd`.
    const containers = new Set<string>();
    for (const s of path.steps) {
      if (Node.isPropertyAccessExpression(s) || Node.isElementAccessExpression(s)) containers.add(compact(s.getExpression().getText()));
    }
    const add = (name: string) => !containers.has(name) && names.add(name);
    for (const s of path.steps) {
      if (Node.isIdentifier(s) || Node.isPropertyAccessExpression(s) || Node.isElementAccessExpression(s)) add(compact(s.getText()));
      if ((Node.isVariableDeclaration(s) || Node.isParameterDeclaration(s)) && Node.isIdentifier(s.getNameNode())) add(s.getName());
      const fn = s.getFirstAncestor((a) => isFunctionLike(a));
      if (fn) fns.add(fn);
    }
    const declarations = [...fns].flatMap((fn) => descendantsOfKinds(fn, [SyntaxKind.VariableDeclaration]));
    for (let round = 0; round < 2; round++) {
      for (const d of declarations) {
        const init = d.getInitializer();
        if (!init || !subjectMentions(init, names)) continue;
        const nameNode = d.getNameNode();
        if (Node.isIdentifier(nameNode)) {
          names.add(nameNode.getText());
          continue;
        }
        // `const { hostname } = new URL(url)` (or `= target`, a `new URL(url)`) derives from the value;
        // `const { a, b } = args` only unpacks siblings.
        const derived = unwrap(this.ctx.model.valueOf(init));
        if (Node.isCallExpression(derived) || Node.isNewExpression(derived)) {
          for (const b of descendantsOfKinds(nameNode, [SyntaxKind.BindingElement])) if (Node.isIdentifier(b.getNameNode())) names.add(b.getName());
        }
      }
    }
    return names;
  }
}

/** Evaluates checks against one set of names (the flow's value and its aliases). */
class Checker {
  constructor(
    private readonly ctx: GuardContext,
    private readonly names: Set<string>,
    private readonly kind: SinkKind,
    private readonly depth: number,
  ) {}

  /** The step runs only after (or inside) a check that restricts the value. */
  dominated(step: Node): boolean {
    let child: Node = step;
    for (const anc of step.getAncestors()) {
      if (Node.isIfStatement(anc)) {
        if (child === anc.getThenStatement() && this.implies(anc.getExpression(), true)) return true;
        if (child === anc.getElseStatement() && this.implies(anc.getExpression(), false)) return true;
      } else if (Node.isConditionalExpression(anc)) {
        if (child === anc.getWhenTrue() && this.implies(anc.getCondition(), true)) return true;
        if (child === anc.getWhenFalse() && this.implies(anc.getCondition(), false)) return true;
      } else if (Node.isBinaryExpression(anc) && child === anc.getRight()) {
        const op = anc.getOperatorToken().getKind();
        if (op === SyntaxKind.AmpersandAmpersandToken && this.implies(anc.getLeft(), true)) return true;
        if (op === SyntaxKind.BarBarToken && this.implies(anc.getLeft(), false)) return true;
      } else if (Node.isCaseClause(anc)) {
        const sw = anc.getFirstAncestorByKind(SyntaxKind.SwitchStatement);
        if (sw && subjectMentions(sw.getExpression(), this.names) && isConstant(anc.getExpression())) return true;
      }
      if (Node.isBlock(anc) || Node.isSourceFile(anc) || Node.isCaseClause(anc) || Node.isDefaultClause(anc) || Node.isModuleBlock(anc)) {
        for (const st of anc.getStatements()) {
          if (st === child || st.getStart() >= child.getStart()) break;
          if (this.isGuardStatement(st)) return true;
        }
      }
      if (isFunctionLike(anc)) break;
      child = anc;
    }
    return false;
  }

  /** `if (!ok(x)) throw ...`, `assertAllowed(x)`, `Schema.parse(x)` with a constrained schema. */
  isGuardStatement(st: Node): boolean {
    if (Node.isIfStatement(st)) return !st.getElseStatement() && exits(st.getThenStatement()) && this.implies(st.getExpression(), false);
    if (Node.isExpressionStatement(st)) {
      const call = unwrap(st.getExpression());
      return Node.isCallExpression(call) && this.isAssertion(call);
    }
    return false;
  }

  /** Whether `cond` evaluating to `truth` means the value passed an allow check. */
  implies(cond: Node, truth: boolean): boolean {
    const c = unwrap(cond);
    if (Node.isPrefixUnaryExpression(c) && c.getOperatorToken() === SyntaxKind.ExclamationToken) return this.implies(c.getOperand(), !truth);
    if (Node.isBinaryExpression(c)) {
      const op = c.getOperatorToken().getKind();
      const l = c.getLeft();
      const r = c.getRight();
      if (op === SyntaxKind.AmpersandAmpersandToken) return truth ? this.implies(l, true) || this.implies(r, true) : this.implies(l, false) && this.implies(r, false);
      if (op === SyntaxKind.BarBarToken) return truth ? this.implies(l, true) && this.implies(r, true) : this.implies(l, false) || this.implies(r, false);
    }
    const atom = this.atom(c);
    return atom === 'allow' ? truth : atom === 'deny' ? !truth : false;
  }

  /** 'allow': true means the value is allowed; 'deny': false means it is. */
  private atom(c: Node): Atom | undefined {
    if (Node.isBinaryExpression(c)) {
      const op = c.getOperatorToken().getKind();
      const l = unwrap(c.getLeft());
      const r = unwrap(c.getRight());
      const eq = op === SyntaxKind.EqualsEqualsEqualsToken || op === SyntaxKind.EqualsEqualsToken;
      const ne = op === SyntaxKind.ExclamationEqualsEqualsToken || op === SyntaxKind.ExclamationEqualsToken;
      if (eq || ne) {
        // x === 'status', MODE.Read === x
        if ((subjectMentions(l, this.names) && isConstant(r)) || (subjectMentions(r, this.names) && isConstant(l))) return eq ? 'allow' : 'deny';
        // ALLOWED.indexOf(x) !== -1, rel.indexOf('..') === -1
        const idx = [l, r].find((x) => Node.isCallExpression(x) && lastSegment(x.getExpression().getText()) === 'indexOf') as CallExpression | undefined;
        const other = idx === l ? r : l;
        if (idx && other.getText() === '-1') {
          const found = this.lookupAtom(idx);
          if (found) return eq ? flip(found) : found;
        }
        return undefined;
      }
      if (op === SyntaxKind.InKeyword && subjectMentions(l, this.names) && !subjectMentions(r, this.names)) return denylisted(r) ? undefined : 'allow';
      if (op === SyntaxKind.GreaterThanEqualsToken || op === SyntaxKind.GreaterThanToken || op === SyntaxKind.LessThanToken) {
        const idx = Node.isCallExpression(l) && lastSegment(l.getExpression().getText()) === 'indexOf' ? l : undefined;
        const found = idx && this.lookupAtom(idx);
        if (found) return op === SyntaxKind.LessThanToken ? flip(found) : found;
      }
      return undefined;
    }
    // x.success where x = Schema.safeParse(v) with a constrained schema
    if (Node.isPropertyAccessExpression(c) && c.getName() === 'success') {
      const v = this.ctx.model.valueOf(c.getExpression());
      if (Node.isCallExpression(v) && this.isConstrainedParse(v)) return 'allow';
      return undefined;
    }
    // const isAllowed = isPathWithinAllowedDirectories(p, dirs); if (!isAllowed) throw ...
    if (Node.isIdentifier(c) && this.depth < MAX_HELPER_DEPTH) {
      const v = unwrap(this.ctx.model.valueOf(c));
      return v !== c && (Node.isCallExpression(v) || Node.isBinaryExpression(v) || Node.isPrefixUnaryExpression(v)) ? new Checker(this.ctx, this.names, this.kind, this.depth + 1).atom(v) : undefined;
    }
    if (!Node.isCallExpression(c)) return undefined;
    return this.lookupAtom(c) ?? this.callAtom(c);
  }

  /** Collection lookups, prefix checks and patterns on the value. */
  private lookupAtom(call: CallExpression): Atom | undefined {
    const callee = call.getExpression();
    const args = call.getArguments();
    const arg0 = args[0];
    const last = lastSegment(callee.getText());
    if (last === 'hasOwn' && args[1] && subjectMentions(args[1], this.names)) return denylisted(args[0]) ? undefined : 'allow';
    if (Node.isPropertyAccessExpression(callee)) {
      const recv = callee.getExpression();
      const recvIsValue = subjectMentions(recv, this.names);
      const argIsValue = !!arg0 && subjectMentions(arg0, this.names);
      // ALLOWED.includes(x), ALLOWED.has(x), Object.keys(MAP).indexOf(x)
      if ((SET_LOOKUP.has(last) || last === 'indexOf') && argIsValue && !recvIsValue) return denylisted(recv) ? undefined : 'allow';
      // ALLOWED_PREFIXES.some((p) => x.startsWith(p)), HOSTS.some((h) => h === host)
      if (/^(some|find|findIndex)$/.test(last) && !recvIsValue && arg0 && isFunctionLike(arg0) && returnedExpressions(arg0).some((r) => this.implies(r, true))) {
        return denylisted(recv) ? undefined : 'allow';
      }
      if (recvIsValue) {
        // Traversal checks: rel.startsWith('..'), p.includes('..').
        if (this.kind === 'filesystem' && /^(includes|startsWith|indexOf)$/.test(last) && arg0 && /^['"`]\.\.(\/|\\\\)?['"`]$/.test(arg0.getText())) return 'deny';
        if (last === 'startsWith' && arg0 && !argIsValue) {
          // A root check needs a resolved path: '/data/../etc' starts with '/data'.
          if (this.kind === 'filesystem' && !this.isResolvedPath(recv)) return undefined;
          // A URL prefix must end its host: 'https://' or 'https://api.x.com' lets 'https://api.x.com.evil.io' through.
          const prefix = unwrap(this.ctx.model.valueOf(arg0));
          if (this.kind === 'network' && (Node.isStringLiteral(prefix) || Node.isNoSubstitutionTemplateLiteral(prefix)) && !/^([a-z][\w+.-]*:\/\/[^/?#]+[/:?#]|\/(?!\/))/i.test(prefix.getLiteralValue())) return undefined;
          return 'allow';
        }
        if (last === 'match' && arg0 && isAnchoredPattern(arg0, this.ctx.model)) return 'allow';
      }
      // /^[\w-]+$/.test(x)
      if ((last === 'test' || last === 'exec') && argIsValue && isAnchoredPattern(recv, this.ctx.model)) return 'allow';
      if (last === 'test' && argIsValue && this.kind === 'filesystem' && /\\\.\\\./.test(recv.getText())) return 'deny';
    }
    if (last === 'isAbsolute' && this.kind === 'filesystem' && arg0 && subjectMentions(arg0, this.names)) return 'deny';
    return undefined;
  }

  /** A named or configured allow check, or a project function that returns an allow check on its parameter. */
  private callAtom(call: CallExpression): Atom | undefined {
    const argIndex = call.getArguments().findIndex((a) => subjectMentions(a, this.names));
    if (argIndex < 0) return undefined;
    if (this.ctx.recognizers.isConfiguredAllowCheck(call) || NAMED_ALLOW_CHECK.test(lastSegment(call.getExpression().getText()))) return 'allow';
    const fn = this.helper(call);
    const inner = fn && this.forParameter(fn, argIndex);
    return inner && returnedExpressions(fn).some((r) => inner.implies(r, true)) ? 'allow' : undefined;
  }

  /** A statement call that throws unless the value is allowed. */
  private isAssertion(call: CallExpression): boolean {
    const argIndex = call.getArguments().findIndex((a) => subjectMentions(a, this.names));
    if (argIndex < 0) return false;
    if (this.isConstrainedParse(call) || this.ctx.recognizers.isConfiguredAllowCheck(call)) return true;
    const name = lastSegment(call.getExpression().getText());
    if (/^(assert|ensure|require|guard|must|check|validate|verify)/.test(name) && NAMED_ALLOW_CHECK.test(name)) return true;
    // A helper of the project that throws unless its parameter passes a check.
    const fn = this.helper(call);
    const inner = fn && this.forParameter(fn, argIndex);
    const body = fn && (fn as import('ts-morph').FunctionDeclaration).getBody?.();
    return !!inner && !!body && Node.isBlock(body) && body.getStatements().some((st) => inner.isGuardStatement(st));
  }

  /** `Schema.parse(x)` / `safeParse` / `parseAsync` where every value the schema accepts is constrained. */
  isConstrainedParse(call: CallExpression): boolean {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee) || !/^(parse|safeParse|parseAsync|safeParseAsync)$/.test(callee.getName())) return false;
    return isConstrainedSchema(callee.getExpression(), this.ctx.model);
  }

  private helper(call: CallExpression): Node | undefined {
    if (this.depth >= MAX_HELPER_DEPTH) return undefined;
    const fn = this.ctx.model.valueOf(call.getExpression());
    return isFunctionLike(fn) ? fn : undefined;
  }

  private forParameter(fn: Node, index: number): Checker | undefined {
    const p = (fn as import('ts-morph').ArrowFunction).getParameters()[index];
    if (!p || !Node.isIdentifier(p.getNameNode())) return undefined;
    return new Checker(this.ctx, new Set([p.getName()]), this.kind, this.depth + 1);
  }

  /** `path.resolve(root, x)`, or a variable holding one: '..' segments are gone. */
  private isResolvedPath(n: Node): boolean {
    const v = unwrap(this.ctx.model.valueOf(n));
    if (!Node.isCallExpression(v)) return false;
    return PATH_RESOLVERS.test(lastSegment(v.getExpression().getText()));
  }
}

function flip(a: Atom): Atom {
  return a === 'allow' ? 'deny' : 'allow';
}

function compact(text: string): string {
  return text.replace(/\s+/g, '').replace(/\?\./g, '.');
}

/** The expression is the checked value, or a value read from or built on it (`new URL(x).hostname`, `x.trim()`). */
export function subjectMentions(n: Node, names: Set<string>, depth = 0): boolean {
  const e = unwrap(n);
  if (depth > 4) return false;
  if ((Node.isIdentifier(e) || Node.isPropertyAccessExpression(e) || Node.isElementAccessExpression(e)) && names.has(compact(e.getText()))) return true;
  if (Node.isPropertyAccessExpression(e)) return DERIVED_PROPS.has(e.getName()) && subjectMentions(e.getExpression(), names, depth + 1);
  if (Node.isCallExpression(e) || Node.isNewExpression(e)) {
    const callee = e.getExpression();
    // x.trim().toLowerCase(), String(x), new URL(x), path.resolve(root, x)
    if (Node.isPropertyAccessExpression(callee) && subjectMentions(callee.getExpression(), names, depth + 1)) return true;
    return (e.getArguments() ?? []).some((a) => subjectMentions(a, names, depth + 1));
  }
  if (Node.isTemplateExpression(e)) return e.getTemplateSpans().some((s) => subjectMentions(s.getExpression(), names, depth + 1));
  return false;
}

/** A literal, an enum member, or a constant by naming convention (ALLOWED_MODE, Mode.Read). */
function isConstant(n: Node | undefined): boolean {
  if (!n) return false;
  const e = unwrap(n);
  if (Node.isStringLiteral(e) || Node.isNumericLiteral(e) || Node.isNoSubstitutionTemplateLiteral(e)) return true;
  if (e.getKind() === SyntaxKind.TrueKeyword || e.getKind() === SyntaxKind.FalseKeyword || e.getKind() === SyntaxKind.NullKeyword) return true;
  if (Node.isIdentifier(e)) return /^[A-Z][A-Z0-9_]+$/.test(e.getText());
  if (Node.isPropertyAccessExpression(e)) return /^[A-Z]/.test(e.getExpression().getText()) && !/\(/.test(e.getText());
  return false;
}

function denylisted(n: Node): boolean {
  return DENYLIST_NAME.test(n.getText());
}

/** A regex that must match the whole value (`/^[\w-]+$/`); an unresolved pattern variable is trusted. */
function isAnchoredPattern(n: Node, model: AgentModel): boolean {
  const v = unwrap(model.valueOf(n));
  if (Node.isRegularExpressionLiteral(v)) {
    const source = v.getLiteralText().replace(/^\/|\/[a-z]*$/g, '');
    return source.startsWith('^') && source.endsWith('$');
  }
  if (Node.isNewExpression(v) && v.getExpression().getText() === 'RegExp') {
    const a = v.getArguments()[0];
    return !!a && Node.isStringLiteral(a) && a.getLiteralValue().startsWith('^') && a.getLiteralValue().endsWith('$');
  }
  return Node.isIdentifier(v) || Node.isPropertyAccessExpression(v);
}

/** The statement leaves the current flow on every path it controls: throw, return, continue, break, process.exit. */
function exits(stmt: Node): boolean {
  if (Node.isThrowStatement(stmt) || Node.isReturnStatement(stmt) || Node.isContinueStatement(stmt) || Node.isBreakStatement(stmt)) return true;
  if (Node.isBlock(stmt)) {
    const last = stmt.getStatements().at(-1);
    return !!last && exits(last);
  }
  if (Node.isExpressionStatement(stmt)) return /^process\.exit\(/.test(stmt.getExpression().getText());
  if (Node.isIfStatement(stmt)) {
    const e = stmt.getElseStatement();
    return !!e && exits(stmt.getThenStatement()) && exits(e);
  }
  return false;
}
