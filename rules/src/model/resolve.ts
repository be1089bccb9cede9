/**
 * Name resolution without a type checker: scopes inside a file, imports and exports across files.
 * It works on syntax alone, so it needs no node_modules, survives syntax errors, and costs a walk
 * up the tree instead of a whole-program check (the language server resolves on every edit).
 */
import * as path from 'node:path';
import { Node, SyntaxKind, ts, type SourceFile, type Project, type Identifier } from 'ts-morph';

export type Binding =
  | { kind: 'import'; module: string; exportName: string; node: Node; resolved?: Binding }
  | { kind: 'variable'; node: Node /* VariableDeclaration */; init?: Node; /** property path inside a destructuring pattern */ destructure?: string[] }
  | { kind: 'parameter'; node: Node /* ParameterDeclaration */; fn: Node; index: number; destructure?: string[] }
  | { kind: 'function'; node: Node }
  | { kind: 'class'; node: Node };

/** Nodes that can declare names (see declaredIn): the places lookup answers are remembered. */
const SCOPE_KINDS = new Set([
  SyntaxKind.SourceFile,
  SyntaxKind.Block,
  SyntaxKind.ModuleBlock,
  SyntaxKind.CaseClause,
  SyntaxKind.DefaultClause,
  SyntaxKind.CatchClause,
  SyntaxKind.ForStatement,
  SyntaxKind.ForOfStatement,
  SyntaxKind.ForInStatement,
  SyntaxKind.ClassDeclaration,
  SyntaxKind.FunctionDeclaration,
  SyntaxKind.FunctionExpression,
  SyntaxKind.ArrowFunction,
  SyntaxKind.MethodDeclaration,
  SyntaxKind.Constructor,
  SyntaxKind.GetAccessor,
  SyntaxKind.SetAccessor,
]);

const RESOLVE_EXTS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** Root-relative import aliases (`@/lib/db`, `~/utils`), unlike scoped packages (`@scope/pkg`). */
const ROOT_ALIAS = /^[@~]\/(.+)$/;

export class Resolver {
  private readonly bindingCache = new Map<Node, Binding | null>();
  private readonly moduleCache = new Map<string, SourceFile | null>();
  private readonly scopeTables = new Map<Node, Map<string, Node>>();
  private readonly lookupMemo = new Map<Node, Map<string, Binding | null>>();

  constructor(private readonly project: Project) {}

  /** Resolves an identifier to where its name is bound; imports of project files are followed. */
  resolveIdentifier(id: Identifier | Node): Binding | undefined {
    const cached = this.bindingCache.get(id);
    if (cached !== undefined) return cached ?? undefined;
    const found = this.lookup(id.getText(), id);
    this.bindingCache.set(id, found ?? null);
    return found;
  }

  /**
   * Looks `name` up from `from` outward, scope by scope. What a name means from a block, function
   * or file does not depend on where inside it the lookup started, so the answer is remembered per
   * scope: the identifiers of one function resolve their shared names once.
   */
  lookup(name: string, from: Node): Binding | undefined {
    const passed: Array<Map<string, Binding | null>> = [];
    let found: Binding | null = null;
    for (let scope: Node | undefined = from; scope; scope = scope.getParent()) {
      let memo: Map<string, Binding | null> | undefined;
      if (SCOPE_KINDS.has(scope.getKind())) {
        memo = this.lookupMemo.get(scope);
        if (!memo) this.lookupMemo.set(scope, (memo = new Map()));
        const known = memo.get(name);
        if (known !== undefined) {
          found = known;
          break;
        }
        passed.push(memo);
      }
      const hit = this.declaredIn(scope, name, from);
      if (hit) {
        found = hit;
        break;
      }
    }
    for (const memo of passed) memo.set(name, found);
    return found ?? undefined;
  }

  private declaredIn(scope: Node, name: string, from: Node): Binding | undefined {
    if (Node.isFunctionLikeDeclaration(scope) || Node.isArrowFunction(scope) || Node.isFunctionExpression(scope)) {
      const params = scope.getParameters();
      for (let i = 0; i < params.length; i++) {
        const p = params[i];
        const hit = findInBindingName(p.getNameNode(), name);
        if (hit) return { kind: 'parameter', node: p, fn: scope, index: i, destructure: hit.path };
      }
      if (Node.isFunctionExpression(scope) && scope.getName() === name) return { kind: 'function', node: scope };
    }
    if (Node.isCatchClause(scope)) {
      const v = scope.getVariableDeclaration();
      if (v && findInBindingName(v.getNameNode(), name)) return { kind: 'variable', node: v };
    }
    if (Node.isForStatement(scope) || Node.isForOfStatement(scope) || Node.isForInStatement(scope)) {
      const init = scope.getInitializer();
      if (init && Node.isVariableDeclarationList(init)) {
        for (const d of init.getDeclarations()) {
          const hit = findInBindingName(d.getNameNode(), name);
          if (hit) {
            // for (const x of xs): x's value comes from the iterated expression.
            const iterated = Node.isForOfStatement(scope) || Node.isForInStatement(scope) ? scope.getExpression() : d.getInitializer();
            return { kind: 'variable', node: d, init: iterated, destructure: Node.isForOfStatement(scope) ? ['[]', ...hit.path] : hit.path };
          }
        }
      }
    }
    if (Node.isBlock(scope) || Node.isSourceFile(scope) || Node.isModuleBlock(scope) || Node.isCaseClause(scope) || Node.isDefaultClause(scope)) {
      const st = this.statementsByName(scope).get(name);
      if (st) return this.declaredByStatement(st, name);
    }
    if (Node.isClassDeclaration(scope) && scope.getName() === name) return { kind: 'class', node: scope };
    void from;
    return undefined;
  }

  /**
   * For a block or file: each name its statements declare, mapped to the first statement that
   * declares it. Built once per scope, so a lookup does not re-read every statement of every
   * enclosing block (that was the resolver's hot spot on large projects).
   */
  private statementsByName(scope: Node & { getStatements(): Node[] }): Map<string, Node> {
    let table = this.scopeTables.get(scope);
    if (table) return table;
    table = new Map();
    for (const st of scope.getStatements()) {
      for (const name of declaredNames(st.compilerNode)) if (!table.has(name)) table.set(name, st);
    }
    this.scopeTables.set(scope, table);
    return table;
  }

  private declaredByStatement(st: Node, name: string): Binding | undefined {
    if (Node.isVariableStatement(st)) {
      for (const d of st.getDeclarations()) {
        const hit = findInBindingName(d.getNameNode(), name);
        if (hit) {
          const init = d.getInitializer();
          const req = init && requireCall(init);
          if (req) {
            if (hit.path.length === 0) return { kind: 'import', module: req, exportName: '*', node: d };
            return { kind: 'import', module: req, exportName: hit.path[0], node: d };
          }
          return { kind: 'variable', node: d, init, destructure: hit.path };
        }
      }
    } else if (Node.isFunctionDeclaration(st)) {
      if (st.getName() === name) return { kind: 'function', node: st };
    } else if (Node.isClassDeclaration(st)) {
      if (st.getName() === name) return { kind: 'class', node: st };
    } else if (Node.isImportDeclaration(st)) {
      const module = st.getModuleSpecifierValue();
      const def = st.getDefaultImport();
      if (def && def.getText() === name) return this.importBinding(module, 'default', def);
      const ns = st.getNamespaceImport();
      if (ns && ns.getText() === name) return this.importBinding(module, '*', ns);
      for (const spec of st.getNamedImports()) {
        const local = spec.getAliasNode()?.getText() ?? spec.getName();
        if (local === name) return this.importBinding(module, spec.getName(), spec);
      }
    } else if (Node.isImportEqualsDeclaration(st)) {
      if (st.getName() === name) {
        const ref = st.getModuleReference();
        if (Node.isExternalModuleReference(ref)) {
          const e = ref.getExpression();
          if (e && Node.isStringLiteral(e)) return this.importBinding(e.getLiteralValue(), '*', st);
        }
      }
    } else if (Node.isEnumDeclaration(st) && st.getName() === name) {
      return { kind: 'class', node: st };
    }
    return undefined;
  }

  private importBinding(module: string, exportName: string, node: Node): Binding {
    return { kind: 'import', module, exportName, node };
  }

  /** For an import of a project file, the binding of the exported name in that file. */
  followImport(b: Binding & { kind: 'import' }): Binding | undefined {
    if (b.resolved) return b.resolved;
    const target = this.resolveModule(b.node.getSourceFile(), b.module);
    if (!target) return undefined;
    const r = this.findExport(target, b.exportName, new Set());
    b.resolved = r;
    return r;
  }

  resolveModule(from: SourceFile, spec: string): SourceFile | undefined {
    const alias = ROOT_ALIAS.exec(spec);
    if (!alias && !spec.startsWith('.') && !spec.startsWith('/')) return undefined;
    const key = from.getFilePath() + '\0' + spec;
    const cached = this.moduleCache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const dir = path.posix.dirname(from.getFilePath());
    let found: SourceFile | undefined;
    if (alias) {
      // `@/lib/x`: the project root or its `src/` (the Next.js and Vite default `paths`); tsconfig is not read,
      // so the nearest enclosing folder that holds the module is taken as the root.
      for (let root = dir; !found; root = path.posix.dirname(root)) {
        found = this.fileAt(`${root}/${alias[1]}`) ?? this.fileAt(`${root}/src/${alias[1]}`);
        if (root === path.posix.dirname(root)) break;
      }
    } else found = this.fileAt(path.posix.resolve(dir, spec));
    this.moduleCache.set(key, found ?? null);
    return found;
  }

  /** The project file an import path names: as written, with a source extension, or a folder's index. */
  private fileAt(base: string): SourceFile | undefined {
    const stem = base.replace(/\.(m|c)?js$|\.jsx$/, '');
    for (const c of [base, ...RESOLVE_EXTS.map((e) => stem + e), ...RESOLVE_EXTS.map((e) => `${base}/index${e}`)]) {
      const found = this.project.getSourceFile(c);
      if (found) return found;
    }
    return undefined;
  }

  /** The binding of `name` as exported by `file` ("default" and "*" included). */
  findExport(file: SourceFile, name: string, seen: Set<SourceFile>): Binding | undefined {
    if (seen.has(file)) return undefined; // circular re-exports
    seen.add(file);
    if (name === '*') return { kind: 'variable', node: file, init: file };
    for (const st of file.getStatements()) {
      if (name === 'default' && Node.isExportAssignment(st) && !st.isExportEquals()) {
        const e = st.getExpression();
        if (Node.isIdentifier(e)) return this.lookup(e.getText(), st) ?? { kind: 'variable', node: st, init: e };
        return { kind: 'variable', node: st, init: e };
      }
      if ((Node.isFunctionDeclaration(st) || Node.isClassDeclaration(st)) && st.hasExportKeyword()) {
        const isDefault = st.hasDefaultKeyword();
        if ((isDefault && name === 'default') || (!isDefault && st.getName() === name)) {
          return Node.isFunctionDeclaration(st) ? { kind: 'function', node: st } : { kind: 'class', node: st };
        }
      }
      if (Node.isVariableStatement(st) && st.hasExportKeyword()) {
        const hit = this.declaredByStatement(st, name);
        if (hit) return hit;
      }
      if (Node.isExportDeclaration(st)) {
        const spec = st.getModuleSpecifierValue();
        const named = st.getNamedExports();
        if (named.length === 0 && spec) {
          const target = this.resolveModule(file, spec);
          const hit = target && this.findExport(target, name, seen);
          if (hit) return hit;
          continue;
        }
        for (const ne of named) {
          const exported = ne.getAliasNode()?.getText() ?? ne.getName();
          if (exported !== name) continue;
          if (spec) {
            const target = this.resolveModule(file, spec);
            return target ? this.findExport(target, ne.getName(), seen) : { kind: 'import', module: spec, exportName: ne.getName(), node: ne };
          }
          return this.lookup(ne.getName(), file);
        }
      }
    }
    // CommonJS: module.exports = { a }, exports.a = ...
    for (const st of file.getStatements()) {
      if (!Node.isExpressionStatement(st)) continue;
      const e = st.getExpression();
      if (!Node.isBinaryExpression(e) || e.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) continue;
      const left = e.getLeft().getText();
      if (left === `exports.${name}` || left === `module.exports.${name}`) return { kind: 'variable', node: st, init: e.getRight() };
      if (left === 'module.exports') {
        const right = e.getRight();
        if (name === 'default') return { kind: 'variable', node: st, init: right };
        if (Node.isObjectLiteralExpression(right)) {
          const prop = right.getProperty(name);
          if (prop && Node.isPropertyAssignment(prop)) return { kind: 'variable', node: prop, init: prop.getInitializer() };
          if (prop && Node.isShorthandPropertyAssignment(prop)) return this.lookup(name, file);
        }
      }
    }
    return undefined;
  }
}

/** `require('x')` → 'x' */
export function requireCall(n: Node): string | undefined {
  let e = n;
  if (Node.isAwaitExpression(e)) e = e.getExpression();
  if (!Node.isCallExpression(e)) return undefined;
  const callee = e.getExpression();
  const isReq = Node.isIdentifier(callee) && callee.getText() === 'require';
  const isDyn = callee.getKind() === SyntaxKind.ImportKeyword;
  if (!isReq && !isDyn) return undefined;
  const a = e.getArguments()[0];
  return a && Node.isStringLiteral(a) ? a.getLiteralValue() : undefined;
}

/** Finds `name` in a binding name (identifier or destructuring pattern); returns the property path. */
/** The names a statement binds in its scope: what declaredByStatement can find, read from the compiler node without wrapping. */
function declaredNames(st: ts.Node): string[] {
  const out: string[] = [];
  const bindingNames = (n: ts.BindingName) => {
    if (ts.isIdentifier(n)) out.push(n.text);
    else for (const el of n.elements) if (ts.isBindingElement(el)) bindingNames(el.name);
  };
  if (ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) bindingNames(d.name);
  else if (ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isEnumDeclaration(st) || ts.isImportEqualsDeclaration(st)) {
    if (st.name) out.push(st.name.text);
  } else if (ts.isImportDeclaration(st) && st.importClause) {
    const clause = st.importClause;
    if (clause.name) out.push(clause.name.text);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) out.push(bindings.name.text);
    else if (bindings) for (const spec of bindings.elements) out.push(spec.name.text);
  }
  return out;
}

export function findInBindingName(nameNode: Node, name: string, prefix: string[] = []): { path: string[] } | undefined {
  if (Node.isIdentifier(nameNode)) return nameNode.getText() === name ? { path: prefix } : undefined;
  if (Node.isObjectBindingPattern(nameNode)) {
    for (const el of nameNode.getElements()) {
      const prop = el.getPropertyNameNode()?.getText() ?? el.getNameNode().getText();
      const hit = findInBindingName(el.getNameNode(), name, [...prefix, prop.replace(/^['"]|['"]$/g, '')]);
      if (hit) return hit;
    }
  }
  if (Node.isArrayBindingPattern(nameNode)) {
    for (const el of nameNode.getElements()) {
      if (Node.isBindingElement(el)) {
        const hit = findInBindingName(el.getNameNode(), name, [...prefix, '[]']);
        if (hit) return hit;
      }
    }
  }
  return undefined;
}
