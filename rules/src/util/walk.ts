/**
 * Walking syntax trees cheaply. ts-morph wraps every node a walk visits in an object, and
 * `forEachDescendant` visits (and wraps) all of them: on a 1,000-file project that wrapping cost
 * more than parsing. This walks the compiler tree (parse-tree children, like `forEachDescendant`)
 * and wraps only the nodes asked for.
 */
import { ts, type KindToNodeMappings, type Node, type SyntaxKind } from 'ts-morph';

/** ts-morph's own way from a compiler node to its (cached) wrapper; what getDescendantsOfKind uses. ts-morph is pinned. */
interface Wrapper {
  _getNodeFromCompilerNode(node: ts.Node): Node;
}

/**
 * The descendants of `node` of the given kinds, in the order `forEachDescendant` visits them (outer
 * before inner). `accept` filters on the compiler node before anything is wrapped; the walk does
 * not go inside nodes for which `enter` returns false (e.g. nested functions).
 */
export function descendantsOfKinds<K extends SyntaxKind>(
  node: Node,
  kinds: readonly K[],
  accept?: (n: ts.Node) => boolean,
  enter?: (n: ts.Node) => boolean,
): Array<KindToNodeMappings[K]> {
  const wanted = new Set<SyntaxKind>(kinds);
  const out: Node[] = [];
  const wrapper = node as unknown as Wrapper;
  const stack: ts.Node[] = [];
  const pushChildren = (n: ts.Node) => {
    const children: ts.Node[] = [];
    ts.forEachChild(n, (c) => {
      children.push(c);
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  };
  pushChildren(node.compilerNode);
  while (stack.length) {
    const n = stack.pop()!;
    if (wanted.has(n.kind) && (!accept || accept(n))) out.push(wrapper._getNodeFromCompilerNode(n));
    if (!enter || enter(n)) pushChildren(n);
  }
  return out as Array<KindToNodeMappings[K]>;
}
