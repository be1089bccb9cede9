/**
 * Tools declared as plain JSON specs in a model call's `tools` (`{ name, input_schema }`,
 * `{ type: 'function', function: { name, parameters } }`, Gemini `functionDeclarations`) and run by
 * the caller's own dispatch code. Which fields say what is table data (ModelCallRow.toolSpec);
 * finding the dispatch is generic: a `case 'name':` or `if (x.name === 'name')` on the tool call's
 * name, or a handler map indexed by it (`handlers[call.name](args)`). The code found there is the
 * tool's execute, and the parameter it reads the model's arguments from is its input.
 */
import { Node, SyntaxKind, type ObjectLiteralExpression, type SourceFile } from 'ts-morph';
import type { AgentModel } from './model.js';
import { describeSchema, isFunctionLike, propertyOf, unwrap } from './model.js';
import type { ToolSpecRow } from './frameworks/table.js';
import type { ModelCall, Tool } from './types.js';
import { descendantsOfKinds } from '../util/walk.js';

/** An expression that holds a tool call's name: `name`, `call.name`, `toolUse.name`, `call.function.name`. */
export function namesTool(n: Node): boolean {
  return /(^|\.)(name|toolName|tool_name|functionName|function_name)$/i.test(unwrap(n).getText().replace(/\s+/g, ''));
}

function literalValue(n: Node | undefined): string | undefined {
  const v = n && unwrap(n);
  return v && (Node.isStringLiteral(v) || Node.isNoSubstitutionTemplateLiteral(v)) ? v.getLiteralValue() : undefined;
}

/** A test of a tool call's name: `case 'x':` on a name, or an `if` whose condition compares a name with 'x'. */
export interface NameTest {
  name: string;
  /** The expression holding the tool call's name. */
  discriminant: Node;
  /** The code that runs when the test holds: the case clause, or the `if` branch. */
  region: Node;
}

/** The name test `node` is, if any. */
export function nameTestOf(node: Node): NameTest | undefined {
  if (Node.isCaseClause(node)) {
    const sw = node.getFirstAncestorByKind(SyntaxKind.SwitchStatement);
    const name = literalValue(node.getExpression());
    return sw && name !== undefined && namesTool(sw.getExpression()) ? { name, discriminant: sw.getExpression(), region: node } : undefined;
  }
  if (!Node.isIfStatement(node)) return undefined;
  // `call.type === 'function' && call.function.name === 'run'`: any conjunct may test the name.
  const conjuncts: Node[] = [];
  const split = (e: Node) => {
    const u = unwrap(e);
    if (Node.isBinaryExpression(u) && u.getOperatorToken().getKind() === SyntaxKind.AmpersandAmpersandToken) {
      split(u.getLeft());
      split(u.getRight());
    } else conjuncts.push(u);
  };
  split(node.getExpression());
  for (const c of conjuncts) {
    if (!Node.isBinaryExpression(c) || !/^={2,3}$/.test(c.getOperatorToken().getText())) continue;
    const [l, r] = [unwrap(c.getLeft()), unwrap(c.getRight())];
    const [discriminant, name] = namesTool(l) && literalValue(r) !== undefined ? [l, literalValue(r)] : namesTool(r) && literalValue(l) !== undefined ? [r, literalValue(l)] : [];
    if (discriminant && name !== undefined) return { name, discriminant, region: node.getThenStatement() };
  }
  return undefined;
}

interface Dispatch {
  execute: Node;
  input?: Tool['input'];
}

/** Builds the spec tools of these model calls, one per spec object (a spec handed to several calls is one tool). */
export function buildSpecTools(model: AgentModel, calls: readonly ModelCall[], newId: () => string): Tool[] {
  const bySpec = new Map<Node, Tool>();
  for (const call of calls) {
    const row = call.row.toolSpec;
    if (!row || !call.toolsArg) continue;
    for (const spec of specObjects(model, call.toolsArg, row)) {
      let tool = bySpec.get(spec);
      if (!tool) {
        tool = specTool(model, spec, row, call, newId());
        if (!tool) continue;
        bySpec.set(spec, tool);
      }
      if (!tool.modelCalls!.includes(call)) tool.modelCalls!.push(call);
    }
  }
  return [...bySpec.values()];
}

/** A property path ("function.parameters", alternatives with "|") inside an object, values followed. */
function field(model: AgentModel, obj: Node, path: string | undefined): Node | undefined {
  for (const alt of path?.split('|') ?? []) {
    let cur: Node | undefined = obj;
    for (const key of alt.split('.')) cur = cur && propertyOf(unwrap(model.valueOf(cur)), key);
    if (cur) return cur;
  }
  return undefined;
}

/** The spec objects a `tools` expression declares: through variables, arrays, spreads, conditionals and Gemini's lists. */
function specObjects(model: AgentModel, toolsArg: Node, row: ToolSpecRow): ObjectLiteralExpression[] {
  const out: ObjectLiteralExpression[] = [];
  const seen = new Set<Node>();
  const visit = (n: Node, depth: number, listed: boolean) => {
    const v = unwrap(model.valueOf(n));
    if (depth > 8 || seen.has(v)) return;
    seen.add(v);
    if (Node.isArrayLiteralExpression(v)) {
      for (const el of v.getElements()) visit(Node.isSpreadElement(el) ? el.getExpression() : el, depth + 1, listed);
    } else if (Node.isConditionalExpression(v)) {
      visit(v.getWhenTrue(), depth + 1, listed);
      visit(v.getWhenFalse(), depth + 1, listed);
    } else if (Node.isObjectLiteralExpression(v)) {
      const list = row.list && !listed ? propertyOf(v, row.list) : undefined;
      if (list) visit(list, depth + 1, true);
      else if (!row.list || listed) out.push(v);
    }
  };
  visit(toolsArg, 0, false);
  return out;
}

function specTool(model: AgentModel, spec: ObjectLiteralExpression, row: ToolSpecRow, call: ModelCall, id: string): Tool | undefined {
  const type = literalValue(propertyOf(spec, 'type'));
  if (type !== undefined && row.types && !row.types.includes(type)) return undefined;
  const nameNode = field(model, spec, row.name);
  const name = nameNode && literalValue(model.valueOf(nameNode));
  if (name === undefined) return undefined;
  const schemaArg = field(model, spec, row.schema);
  const schemaNode = schemaArg ? model.valueOf(schemaArg) : undefined;
  const { kind, params } = describeSchema(schemaNode, row, model);
  const dispatch = findDispatch(model, name, row, [spec.getSourceFile(), call.node.getSourceFile()]);
  return {
    kind: 'tool',
    id,
    framework: call.framework,
    row,
    node: spec,
    name,
    schemaNode,
    schemaKind: kind,
    params,
    execute: dispatch?.execute,
    input: dispatch?.input,
    agents: [],
    modelCalls: [],
  };
}

/** Where the code runs tool `name`: the spec's and the call's files first, then any file that mentions the name. */
function findDispatch(model: AgentModel, name: string, row: ToolSpecRow, near: SourceFile[]): Dispatch | undefined {
  const mentioning = /^[\p{ID_Start}$_][\p{ID_Continue}$]*$/u.test(name) ? model.filesMentioning(name) : model.sourceFiles.filter((f) => f.getFullText().includes(name));
  const files = [...new Set([...near.filter((f) => mentioning.includes(f)), ...mentioning])];
  for (const file of files) {
    for (const n of descendantsOfKinds(file, [SyntaxKind.StringLiteral, SyntaxKind.NoSubstitutionTemplateLiteral, SyntaxKind.Identifier])) {
      if ((Node.isIdentifier(n) ? n.getText() : (n as import('ts-morph').StringLiteral).getLiteralValue()) !== name) continue;
      const found = Node.isIdentifier(n) ? undefined : dispatchByTest(model, n, row);
      const hit = found ?? handlerEntry(model, n);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** `case 'name':` or `if (call.name === 'name')`: the branch runs the tool; the arguments come from beside the name. */
function dispatchByTest(model: AgentModel, literal: Node, row: ToolSpecRow): Dispatch | undefined {
  const owner = literal.getParent();
  const test = owner && (Node.isCaseClause(owner) ? owner : owner.getFirstAncestor((a) => Node.isIfStatement(a) || isFunctionLike(a) || Node.isBlock(a)));
  const t = test && nameTestOf(test);
  if (!t || literalValue(literal) !== t.name) return undefined;
  return { execute: t.region, input: argumentsBeside(model, t.discriminant, row, 0) };
}

/**
 * Where the model's arguments are, given the expression holding the tool's name: the arguments
 * field next to it (`call.name` -> `call.args`), or the dispatcher's other parameter
 * (`executeTool(name, input)`).
 */
function argumentsBeside(model: AgentModel, discriminant: Node, row: ToolSpecRow, depth: number): Tool['input'] {
  if (depth > 2) return undefined;
  const segments: string[] = [];
  let root = unwrap(discriminant);
  while (Node.isPropertyAccessExpression(root)) {
    segments.unshift(root.getName());
    root = unwrap(root.getExpression());
  }
  if (!Node.isIdentifier(root)) return undefined;
  const b = model.resolver.resolveIdentifier(root);
  if (!b || (b.kind !== 'parameter' && b.kind !== 'variable')) return undefined;
  const path = [...(b.destructure ?? []).filter((p) => p !== '[]'), ...segments];
  if (path.length === 0) {
    // The name itself is a parameter: the arguments are another one, or it was read from a call (`const name = call.name`).
    if (b.kind === 'variable') return b.init && Node.isPropertyAccessExpression(unwrap(b.init)) ? argumentsBeside(model, b.init, row, depth + 1) : undefined;
    const params = (b.fn as import('ts-morph').FunctionDeclaration).getParameters().filter((_, i) => i !== b.index);
    const param = params.length === 1 ? params[0] : (params.find((p) => /arg|input|param|payload/i.test(p.getName())) ?? params[0]);
    return param ? { param, paths: [[]] } : undefined;
  }
  const callName = row.callName.split('.');
  const prefix = callName.every((seg, i) => path[path.length - callName.length + i] === seg) ? path.slice(0, path.length - callName.length) : path.slice(0, -1);
  return { param: b.node, paths: [[...prefix, ...row.callArguments.split('.')]] };
}

/** `const handlers = { read_file: async ({ path }) => ... }` indexed by the tool's name (`handlers[call.name](args)`). */
function handlerEntry(model: AgentModel, key: Node): Dispatch | undefined {
  const prop = key.getParent();
  if (!prop || !(Node.isPropertyAssignment(prop) || Node.isShorthandPropertyAssignment(prop) || Node.isMethodDeclaration(prop)) || prop.getNameNode() !== key) return undefined;
  const table = prop.getParent();
  if (!table || !Node.isObjectLiteralExpression(table) || !isIndexedByName(model, table)) return undefined;
  const value = Node.isMethodDeclaration(prop) ? prop : Node.isShorthandPropertyAssignment(prop) ? prop.getNameNode() : prop.getInitializer();
  const fn = value && unwrap(model.valueOf(value));
  if (!fn || !isFunctionLike(fn)) return undefined;
  const param = (fn as import('ts-morph').FunctionDeclaration).getParameters()[0];
  return { execute: fn, input: param ? { param, paths: [[]] } : undefined };
}

/** The object literal is stored under a name that some code indexes with a computed key (`handlers[name]`). */
function isIndexedByName(model: AgentModel, table: ObjectLiteralExpression): boolean {
  const holder = table.getParent();
  const name = holder && (Node.isVariableDeclaration(holder) || Node.isPropertyDeclaration(holder) || Node.isPropertyAssignment(holder)) ? holder.getName() : undefined;
  if (!name) return false;
  for (const file of model.filesMentioning(name)) {
    for (const access of descendantsOfKinds(file, [SyntaxKind.ElementAccessExpression])) {
      const target = access.getExpression();
      const targetName = Node.isPropertyAccessExpression(target) ? target.getName() : target.getText();
      const arg = access.getArgumentExpression();
      if (targetName === name && arg && literalValue(arg) === undefined) return true;
    }
  }
  return false;
}

/** The code a tool runs when the model calls it: its execute function, or a spec tool's dispatch branch. */
export function executedCode(tool: Tool): Node | undefined {
  const exec = tool.execute;
  return exec && (isFunctionLike(exec) || tool.row.construct === 'spec') ? exec : undefined;
}
