/**
 * Where outside requests enter the application: HTTP route handlers (`router.post('/chat', fn)` in
 * Express, Hono, Fastify and Koa routers; `export async function POST()` in a Next.js route file),
 * else the outermost named function around the code. The trust-boundary map draws users calling
 * these, and these running agents and model calls.
 */
import * as path from 'node:path';
import { Node, type SourceFile } from 'ts-morph';
import { isFunctionLike, type AgentModel } from '../model/model.js';

/** Router methods that register a handler for a path. */
const ROUTER_METHOD = /^(get|post|put|patch|delete|del|all|head|options)$/;
/** Next.js (app router) and similar file-based routers: the exported function is the handler. */
const ROUTE_EXPORT = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/;
const ROUTE_FILE = /^(route|\+server)\.[cm]?[jt]sx?$/;

export interface EntryPoint {
  kind: 'route' | 'function';
  /** `POST /chat`, `explainInvoice()`. */
  name: string;
  /** The handler or function. */
  fn: Node;
  /** What to point at: the route registration or the function's name. */
  site: Node;
}

export class EntryPoints {
  private routeList?: EntryPoint[];
  private readonly functions = new Map<Node, EntryPoint>();

  constructor(
    private readonly model: AgentModel,
    private readonly root: string,
  ) {}

  routes(): EntryPoint[] {
    if (this.routeList) return this.routeList;
    const out: EntryPoint[] = [];
    for (const sf of this.model.sourceFiles) out.push(...routerRoutes(sf, this.model), ...fileRoutes(sf, this.root));
    return (this.routeList = out);
  }

  /** The route whose handler runs `node`, else the outermost named function around it. */
  of(node: Node): EntryPoint | undefined {
    const ancestors = node.getAncestors();
    const route = this.routes().find((r) => ancestors.includes(r.fn));
    if (route) return route;
    const fns = ancestors.filter((a) => isFunctionLike(a) && functionName(a));
    const outer = fns[fns.length - 1];
    if (!outer) return undefined;
    let entry = this.functions.get(outer);
    if (!entry) {
      entry = { kind: 'function', name: `${functionName(outer)}()`, fn: outer, site: nameNode(outer) ?? outer };
      this.functions.set(outer, entry);
    }
    return entry;
  }
}

/** `app.post('/chat', auth, async (req, res) => ...)`: the last argument is the handler. */
function routerRoutes(sf: SourceFile, model: AgentModel): EntryPoint[] {
  const out: EntryPoint[] = [];
  sf.forEachDescendant((n) => {
    if (!Node.isCallExpression(n)) return;
    const callee = n.getExpression();
    if (!Node.isPropertyAccessExpression(callee) || !ROUTER_METHOD.test(callee.getName())) return;
    const [first, ...rest] = n.getArguments();
    if (!first || !(Node.isStringLiteral(first) || Node.isNoSubstitutionTemplateLiteral(first)) || !/^[/*]/.test(first.getLiteralValue())) return;
    const last = rest.at(-1);
    const fn = last && model.valueOf(last);
    if (!fn || !isFunctionLike(fn)) return;
    out.push({ kind: 'route', name: `${callee.getName().toUpperCase()} ${first.getLiteralValue()}`, fn, site: n });
  });
  return out;
}

/** `export async function POST(req)` in `app/api/chat/route.ts` -> `POST /api/chat`. */
function fileRoutes(sf: SourceFile, root: string): EntryPoint[] {
  if (!ROUTE_FILE.test(sf.getBaseName())) return [];
  const dir = path.posix.relative(root, path.posix.dirname(sf.getFilePath()));
  const urlPath = '/' + dir.split('/').filter((p) => p && !/^(app|src|pages|routes)$/.test(p) && !/^\(.*\)$/.test(p)).join('/');
  const out: EntryPoint[] = [];
  for (const [name, decls] of sf.getExportedDeclarations()) {
    if (!ROUTE_EXPORT.test(name)) continue;
    for (const d of decls) {
      const fn = Node.isVariableDeclaration(d) ? d.getInitializer() : d;
      if (fn && isFunctionLike(fn)) out.push({ kind: 'route', name: `${name} ${urlPath}`, fn, site: nameNode(fn) ?? fn });
    }
  }
  return out;
}

function functionName(fn: Node): string | undefined {
  if (Node.isFunctionDeclaration(fn) || Node.isMethodDeclaration(fn)) return fn.getName();
  const p = fn.getParent();
  if (p && (Node.isVariableDeclaration(p) || Node.isPropertyAssignment(p))) return p.getName();
  return undefined;
}

function nameNode(fn: Node): Node | undefined {
  if (Node.isFunctionDeclaration(fn) || Node.isMethodDeclaration(fn)) return fn.getNameNode();
  const p = fn.getParent();
  if (p && (Node.isVariableDeclaration(p) || Node.isPropertyAssignment(p))) return p.getNameNode();
  return undefined;
}
