import { Node, SyntaxKind, type VariableDeclaration } from 'ts-morph';
import { defineRule } from '../rule.js';
import { isFunctionLike, unwrap } from '../model/model.js';

/** Containers that can hold a conversation: arrays, maps, plain objects and chat-history classes. */
const HISTORY_CLASS = /^(Map|Array|Set|ChatMessageHistory|InMemoryChatMessageHistory|BufferMemory|ConversationBufferMemory|BufferWindowMemory|ConversationSummaryMemory|InMemoryStore|InMemoryVectorStore|MemoryVectorStore)$/;
const HISTORY_NAME = /(history|messages|memory|memories|conversation|transcript|chat|context|turns|dialog|thread)/i;
/** A key that scopes state to one user or conversation. */
const SCOPING_KEY = /(session|user|conversation|thread|chat|tenant|account|customer|client|visitor|member|sid|uid|owner|caller|principal|id)\b/i;

function isContainer(init: Node): boolean {
  const e = unwrap(init);
  if (Node.isArrayLiteralExpression(e) || Node.isObjectLiteralExpression(e)) return true;
  if (Node.isNewExpression(e)) return HISTORY_CLASS.test(e.getExpression().getText().split('.').pop() ?? '');
  return false;
}

/** Writes to the variable from inside functions: `history.push(...)`, `history = [...history, m]`, `store.set(k, v)`. */
function writesInHandlers(decl: VariableDeclaration, refs: Node[]): Node[] {
  const out: Node[] = [];
  for (const ref of refs) {
    if (!ref.getFirstAncestor((a) => isFunctionLike(a))) continue;
    const parent = ref.getParent();
    if (!parent) continue;
    if (Node.isPropertyAccessExpression(parent) && parent.getExpression() === ref && /^(push|unshift|splice|set|addMessage|addMessages|addUserMessage|addAIMessage|addAIChatMessage|saveContext|put|mset|concat)$/.test(parent.getName())) out.push(parent.getParentOrThrow());
    else if (Node.isBinaryExpression(parent) && parent.getLeft() === ref && parent.getOperatorToken().getKind() === SyntaxKind.EqualsToken) out.push(parent);
    else if (Node.isElementAccessExpression(parent) && parent.getExpression() === ref) {
      const gp = parent.getParent();
      if (gp && Node.isBinaryExpression(gp) && gp.getLeft() === parent) out.push(gp);
    }
  }
  void decl;
  return out;
}

/** A write or read keyed by user or session: `store.get(sessionId)`, `histories[userId]`. */
function isKeyed(refs: Node[]): boolean {
  return refs.some((ref) => {
    const parent = ref.getParent();
    if (parent && Node.isElementAccessExpression(parent) && parent.getExpression() === ref) return SCOPING_KEY.test(parent.getArgumentExpression()?.getText() ?? '');
    if (parent && Node.isPropertyAccessExpression(parent) && parent.getExpression() === ref && /^(get|set|has|delete|getMessages)$/.test(parent.getName())) {
      const call = parent.getParent();
      const key = call && Node.isCallExpression(call) ? call.getArguments()[0] : undefined;
      return !!key && SCOPING_KEY.test(key.getText());
    }
    return false;
  });
}

export default defineRule({
  meta: {
    id: 'no-shared-conversation-memory',
    description: 'Keep conversation history and agent memory per user or session, never in one module-level store',
    rationale:
      'A module-level array or map of messages is shared by every request the process serves. One user\'s conversation then reaches another user\'s prompt: data leaks across users, and an attacker can plant instructions that later steer someone else\'s agent (memory poisoning). Memory must be scoped to a session or user.',
    steps: [5],
    owasp: ['ASI06', 'LLM08:2025'],
    cwe: [488, 668],
    defaultSeverity: 'error',
    fixKind: 'none',
    preset: 'recommended',
    scope: 'project',
    confidence: 'medium',
  },
  check(ctx) {
    // Everything that reaches a model input, collected once per run.
    const fedToModel = new Set<Node>();
    const inputs = ctx.model.modelCalls().flatMap((c) => [...c.prompt, ...c.system]);
    for (const sf of ctx.model.sourceFiles) {
      if (!ctx.isTarget(sf)) continue;
      for (const st of sf.getVariableStatements()) {
        for (const decl of st.getDeclarations()) {
          const init = decl.getInitializer();
          if (!init || !Node.isIdentifier(decl.getNameNode()) || !isContainer(init)) continue;
          const name = decl.getName();
          const refs = (ctx.flow.index(sf).identifiers.get(name) ?? []).filter((r) => r !== decl.getNameNode() && ctx.model.resolver.resolveIdentifier(r)?.node === decl);
          const writes = writesInHandlers(decl, refs);
          if (writes.length === 0 || isKeyed(refs)) continue;
          const messageLike = HISTORY_NAME.test(name) || writes.some((w) => /\brole\s*:|Message\(/.test(w.getText()));
          if (!messageLike) continue;
          if (fedToModel.size === 0) {
            for (const input of inputs) {
              const source = (node: Node) => {
                if (!Node.isIdentifier(node)) return undefined;
                const b = ctx.model.resolver.resolveIdentifier(node);
                const d = b?.kind === 'variable' ? b.node : undefined;
                return d && Node.isVariableDeclaration(d) && Node.isSourceFile(d.getVariableStatement()?.getParent() ?? d) ? { label: d.getName(), node: d } : undefined;
              };
              for (const p of ctx.flow.taint(input, { source })) fedToModel.add(p.source.node);
            }
          }
          if (!fedToModel.has(decl)) continue;
          ctx.report({
            node: decl,
            message: `\`${name}\` is a module-level conversation store that request handlers write to and feed to a model, with no user or session key: one user's messages reach another user's prompt, and planted instructions persist across users. Keep history per session (e.g. a Map keyed by session id, or storage scoped to the authenticated user).`,
            related: writes.slice(0, 3).map((w) => ({ node: w, message: 'written here' })),
          });
        }
      }
    }
  },
});
