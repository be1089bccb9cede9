/**
 * Every dangerous operation in a file, as one list: calls recognized by matchSink (shell,
 * filesystem, network, raw SQL, code, and the config's `sinks` rows) plus the sinks that are not
 * calls or not in that table: HTML writes (`el.innerHTML = x`, `dangerouslySetInnerHTML`,
 * `document.write`, jQuery `.html(x)`), string timers, and redirects (`res.redirect(x)`, a
 * `Location` header, `window.location = x`). Memoized per file and model.
 */
import { Node, SyntaxKind, type CallExpression, type SourceFile } from 'ts-morph';
import type { AgentModel } from '../model/model.js';
import { isFunctionLike, propertyOf, unwrap } from '../model/model.js';
import { matchSink, type SinkKind } from './recognizers.js';
import { descendantsOfKinds } from '../util/walk.js';

export interface Sink {
  /** The operation to report (a call, an assignment, a JSX attribute). */
  node: Node;
  kind: SinkKind;
  /** The expressions that are dangerous when attacker- or model-controlled. */
  args: Node[];
  label: string;
}

const HTML_PROPS = new Set(['innerHTML', 'outerHTML', 'srcdoc']);
/** Methods that parse their argument as HTML. */
const HTML_METHODS = /^(insertAdjacentHTML|createContextualFragment|setHTMLUnsafe|parseHTMLUnsafe)$/;
/** Express/Koa/Hono/Fastify/Next.js/Fetch redirects: `res.redirect(url)`, `c.redirect(url)`, `redirect(url)`, `NextResponse.redirect(url)`. */
const REDIRECT_CALL = /^((res|reply|response|ctx|c|context|h|NextResponse|Response)\.)?redirect$|^(window\.|document\.)?location\.(assign|replace)$|^(res|response|ctx)\.location$|^window\.open$/;
const LOCATION_TARGET = /^(window\.|document\.|globalThis\.)?location(\.href)?$/;

/** Only these can be sinks: walking just them spares wrapping every node of the file. */
const SINK_KINDS = [SyntaxKind.CallExpression, SyntaxKind.NewExpression, SyntaxKind.BinaryExpression, SyntaxKind.JsxAttribute];

const cache = new WeakMap<AgentModel, WeakMap<Node, Sink[]>>();

export function sinksIn(file: SourceFile | Node, model: AgentModel): Sink[] {
  let perModel = cache.get(model);
  if (!perModel) cache.set(model, (perModel = new WeakMap()));
  const known = perModel.get(file);
  if (known) return known;
  const out: Sink[] = [];
  for (const n of descendantsOfKinds(file, SINK_KINDS)) {
    if (Node.isCallExpression(n) || Node.isNewExpression(n)) {
      const m = matchSink(n, model);
      if (m) {
        out.push({ node: n, kind: m.kind, args: m.args, label: m.label });
        continue;
      }
      if (Node.isCallExpression(n)) {
        const s = callSink(n);
        if (s) out.push(s);
      }
      continue;
    }
    if (Node.isBinaryExpression(n) && n.getOperatorToken().getKind() === SyntaxKind.EqualsToken) {
      const left = n.getLeft();
      if (Node.isPropertyAccessExpression(left) && HTML_PROPS.has(left.getName())) out.push({ node: n, kind: 'html', args: [n.getRight()], label: left.getName() });
      else if (LOCATION_TARGET.test(compact(left.getText()))) out.push({ node: n, kind: 'redirect', args: [n.getRight()], label: compact(left.getText()) });
      continue;
    }
    if (Node.isJsxAttribute(n) && n.getNameNode().getText() === 'dangerouslySetInnerHTML') {
      const init = n.getInitializer();
      const expr = init && Node.isJsxExpression(init) ? init.getExpression() : undefined;
      const html = expr && Node.isObjectLiteralExpression(unwrap(expr)) ? propertyOf(unwrap(expr), '__html') : expr;
      if (html) out.push({ node: n, kind: 'html', args: [html], label: 'dangerouslySetInnerHTML' });
    }
  }
  perModel.set(file, out);
  return out;
}

function compact(text: string): string {
  return text.replace(/\s+/g, '').replace(/\?\./g, '.');
}

/** Sinks among calls that matchSink leaves to this list: HTML writers, string timers, redirects, a `Location` header. */
function callSink(n: CallExpression): Sink | undefined {
  const callee = compact(n.getExpression().getText());
  const args = n.getArguments();
  const last = callee.slice(callee.lastIndexOf('.') + 1);
  if (/^document\.(write|writeln)$/.test(callee)) return { node: n, kind: 'html', args: [...args], label: callee };
  if (HTML_METHODS.test(last) && args.length) return { node: n, kind: 'html', args: [args[args.length - 1]], label: last };
  // jQuery: $(el).html(x), $el.append(x)
  if (/^(\$|jQuery)\(.*\)\.(html|append|prepend|after|before|replaceWith)$|^\$\w+\.(html|append|prepend)$/.test(callee) && args[0]) return { node: n, kind: 'html', args: [args[0]], label: `jQuery .${last}()` };
  // setTimeout('code', ms) evaluates a string.
  if (/^(window\.|globalThis\.)?(setTimeout|setInterval)$/.test(callee) && args[0] && !isFunctionLike(unwrap(args[0])) && (Node.isStringLiteral(unwrap(args[0])) || Node.isTemplateExpression(unwrap(args[0])) || Node.isBinaryExpression(unwrap(args[0])))) {
    return { node: n, kind: 'code', args: [args[0]], label: callee };
  }
  if (REDIRECT_CALL.test(callee) && args.length && !/^(router|app)\./.test(callee)) {
    // Fastify and Express accept the status first or last: the target is the argument that is not a number.
    const target = [...args].reverse().find((a) => !Node.isNumericLiteral(unwrap(a)) && !/^(status|code|statusCode|\d+)$/.test(a.getText()));
    if (target) return { node: n, kind: 'redirect', args: [Node.isObjectLiteralExpression(unwrap(target)) ? (propertyOf(unwrap(target), 'url') ?? target) : target], label: callee };
  }
  // res.setHeader('Location', x), res.set('Location', x), res.header('Location', x)
  if (/\.(setHeader|set|header|append)$/.test(callee) && args.length === 2 && /^['"`]location['"`]$/i.test(args[0].getText())) return { node: n, kind: 'redirect', args: [args[1]], label: `${callee}('Location')` };
  // res.writeHead(302, { Location: x })
  if (/\.writeHead$/.test(callee)) {
    const headers = args.map((a) => unwrap(a)).find((a) => Node.isObjectLiteralExpression(a));
    const location = headers && (propertyOf(headers, 'Location') ?? propertyOf(headers, 'location') ?? propertyOf(headers, "'Location'"));
    if (location) return { node: n, kind: 'redirect', args: [location], label: 'writeHead Location' };
  }
  return undefined;
}

/** `https://api.example.com/…${x}`: the host a URL is written with, when only its path or query varies. */
export function fixedHost(url: Node): string | undefined {
  const e = unwrap(url);
  let head: string | undefined;
  if (Node.isTemplateExpression(e)) head = e.getHead().getLiteralText();
  else if (Node.isStringLiteral(e) || Node.isNoSubstitutionTemplateLiteral(e)) head = e.getLiteralValue();
  else if (Node.isBinaryExpression(e)) {
    const left = unwrap(e.getLeft());
    if (Node.isStringLiteral(left) || Node.isNoSubstitutionTemplateLiteral(left)) head = left.getLiteralValue();
  } else if (Node.isNewExpression(e) && /^URL$/.test(e.getExpression().getText())) {
    const [path, base] = e.getArguments();
    if (base && path && (Node.isStringLiteral(path) || Node.isTemplateExpression(path) || Node.isNoSubstitutionTemplateLiteral(path)) && !/^['"`]?\w+:/.test(path.getText().slice(1))) return fixedHost(base);
    if (path) return fixedHost(path);
  }
  const m = head !== undefined ? /^[a-z][\w+.-]*:\/\/([^/?#${}]+)[/?#]/i.exec(head) : undefined;
  return m?.[1];
}
