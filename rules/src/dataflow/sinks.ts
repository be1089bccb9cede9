/**
 * Every dangerous operation in a file, as one list: calls recognized by matchSink (shell,
 * filesystem, network, raw SQL, code) plus the sinks that are not calls or not in that table:
 * HTML writes (`el.innerHTML = x`, `dangerouslySetInnerHTML`, `document.write`) and redirects.
 */
import { Node, SyntaxKind, type SourceFile } from 'ts-morph';
import type { AgentModel } from '../model/model.js';
import { matchSink, type SinkKind } from './recognizers.js';

export interface Sink {
  /** The operation to report (a call, an assignment, a JSX attribute). */
  node: Node;
  kind: SinkKind;
  /** The expressions that are dangerous when attacker- or model-controlled. */
  args: Node[];
  label: string;
}

const HTML_PROPS = new Set(['innerHTML', 'outerHTML']);

export function sinksIn(file: SourceFile | Node, model: AgentModel): Sink[] {
  const out: Sink[] = [];
  file.forEachDescendant((n) => {
    if (Node.isCallExpression(n) || Node.isNewExpression(n)) {
      const m = matchSink(n, model);
      if (m) {
        out.push({ node: n, kind: m.kind, args: m.args, label: m.label });
        return;
      }
      if (!Node.isCallExpression(n)) return;
      const callee = n.getExpression().getText().replace(/\s+/g, '');
      const args = n.getArguments();
      if (/^document\.(write|writeln)$/.test(callee)) out.push({ node: n, kind: 'html', args: [...args], label: callee });
      else if (/\.insertAdjacentHTML$/.test(callee) && args[1]) out.push({ node: n, kind: 'html', args: [args[1]], label: 'insertAdjacentHTML' });
      else if (/^(\w+\.)?redirect$|^(window\.)?location\.(assign|replace)$/.test(callee) && args.length && !/^(router|app)\./.test(callee)) {
        out.push({ node: n, kind: 'redirect', args: [args[args.length - 1]], label: callee });
      }
      return;
    }
    if (Node.isBinaryExpression(n) && n.getOperatorToken().getKind() === SyntaxKind.EqualsToken) {
      const left = n.getLeft();
      if (Node.isPropertyAccessExpression(left) && HTML_PROPS.has(left.getName())) out.push({ node: n, kind: 'html', args: [n.getRight()], label: left.getName() });
      else if (/^(window\.)?location(\.href)?$|^document\.location(\.href)?$/.test(left.getText())) out.push({ node: n, kind: 'redirect', args: [n.getRight()], label: left.getText() });
      return;
    }
    if (Node.isJsxAttribute(n) && n.getNameNode().getText() === 'dangerouslySetInnerHTML') {
      const init = n.getInitializer();
      if (init) out.push({ node: n, kind: 'html', args: [init], label: 'dangerouslySetInnerHTML' });
    }
  });
  return out;
}
