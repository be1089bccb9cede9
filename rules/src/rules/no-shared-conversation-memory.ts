import { Node, SyntaxKind, type VariableDeclaration } from 'ts-morph';
import { defineRule, type RuleContext } from '../rule.js';
import { ConversationMemory, type ConversationStore } from '../dataflow/memory.js';
import { argAt, isFunctionLike, propertyOf, unwrap } from '../model/model.js';
import type { FindingFix, TextEdit } from '../types.js';
import { lineIndent } from '../util/edits.js';

/** A variable that identifies the conversation or its user, in scope where the store is used. */
const SESSION_KEY_NAME = /^(session|conversation|thread|chat|user|visitor|customer|client)(Id|ID|Key)$|^sid$/;

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
    fixKind: 'suggestion',
    preset: 'recommended',
    scope: 'project',
    confidence: 'medium',
  },
  check(ctx) {
    const memory = new ConversationMemory(ctx.model, ctx.flow);
    for (const sf of ctx.model.sourceFiles) {
      if (!ctx.isTarget(sf)) continue;
      for (const store of memory.storesIn(sf)) {
        if (store.keyed || (!store.chain && memory.feeds(store).length === 0)) continue;
        const { decl, name, writes } = store;
        const what = Node.isPropertyDeclaration(decl)
          ? `\`${name}\` is a field of a class the module instantiates once: a conversation store that every request writes to and feeds to a model`
          : store.chain && /chats\.create|startChat/.test(store.chain.getText())
            ? `\`${name}\` is one chat session created at module level: every request sends its messages into the same conversation`
            : store.chain
              ? `\`${name}\` is a module-level memory that a chain reads into every prompt and writes after every turn`
              : `\`${name}\` is a module-level conversation store that request handlers write to and feed to a model`;
        ctx.report({
          node: decl,
          message: `${what}, with no user or session key: one user's messages reach another user's prompt, and planted instructions persist across users. Keep history per session (e.g. a Map keyed by session id, or storage scoped to the authenticated user).`,
          related: writes.slice(0, 3).map((w) => ({ node: w, message: store.chain ? 'used here' : 'written here' })),
          fixes: Node.isVariableDeclaration(decl) ? keyBySession(ctx, decl, store) : [],
        });
      }
    }
    // An agent with memory run on a fixed thread: every caller reads and extends one conversation.
    for (const call of ctx.model.modelCalls()) {
      if (!call.row.thread || !call.agent || !ctx.isTarget(call.node.getSourceFile())) continue;
      const thread = argAt(call.node, call.row.thread);
      const value = thread && unwrap(ctx.model.valueOf(thread));
      if (!thread || !value || !(Node.isStringLiteral(value) || Node.isNumericLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value))) continue;
      const options = unwrap(ctx.model.valueOf(call.agent.node.getArguments()[0] ?? call.agent.node));
      if (!propertyOf(options, 'checkpointer') && !propertyOf(options, 'memory')) continue;
      // A script's single conversation is not shared; a function called per request or per user is.
      const fn = call.node.getFirstAncestor((a) => isFunctionLike(a));
      if (!fn || (fn as import('ts-morph').ArrowFunction).getParameters().length === 0) continue;
      ctx.report({
        node: thread,
        message: `Agent "${call.agent.name}" keeps memory but every run uses the fixed thread ${value.getText()}: all callers read and extend one shared conversation, so one user's messages reach another user's prompt and planted instructions persist. Use a thread id per user session.`,
        related: [{ node: call.agent.node, message: 'the agent with memory' }],
      });
    }
  },
});

/**
 * The suggestion: turn `const history: T[] = [...]` into a Map keyed by session and a
 * `historyFor(sessionId)` accessor, and read it with the session id in scope at each use. Offered
 * when the store is a typed array used in this file only, never reassigned, and every function
 * using it has a session-like variable (`sessionId`, `conversationId`, `userId`, ...) in scope.
 */
function keyBySession(ctx: RuleContext, decl: VariableDeclaration, store: ConversationStore): FindingFix[] {
  const typeNode = decl.getTypeNode();
  const init = decl.getInitializer();
  const statement = decl.getVariableStatement();
  if (!typeNode || !init || !statement || statement.getDeclarations().length !== 1 || statement.hasExportKeyword()) return [];
  if (!Node.isArrayTypeNode(typeNode) && !/^(Array|ReadonlyArray)</.test(typeNode.getText())) return [];
  if (!Node.isArrayLiteralExpression(unwrap(init)) || store.writes.some((w) => Node.isBinaryExpression(w))) return [];
  const sf = decl.getSourceFile();
  const name = decl.getName();
  const mapName = `${name}BySession`;
  const accessor = `${name}For`;
  if (sf.getFullText().includes(mapName) || sf.getFullText().includes(accessor)) return [];
  const refs = (ctx.flow.index(sf).identifiers.get(name) ?? []).filter((r) => r !== decl.getNameNode() && ctx.model.resolver.resolveIdentifier(r)?.node === decl);
  const edits: TextEdit[] = [];
  for (const ref of refs) {
    const key = sessionKeyInScope(ref);
    if (!key) return [];
    // `{ history }` shorthand keeps its property name.
    const parent = ref.getParentOrThrow();
    const text = `${accessor}(String(${key}))`;
    edits.push({ file: sf.getFilePath(), start: ref.getStart(), end: ref.getEnd(), newText: Node.isShorthandPropertyAssignment(parent) ? `${name}: ${text}` : text });
  }
  if (edits.length === 0) return [];
  const type = typeNode.getText();
  const indent = lineIndent(statement);
  const replacement = [
    `const ${mapName} = new Map<string, ${type}>();`,
    `function ${accessor}(sessionId: string): ${type} {`,
    `  let ${name} = ${mapName}.get(sessionId);`,
    `  if (!${name}) {`,
    `    ${name} = ${unwrap(init).getText()};`,
    `    ${mapName}.set(sessionId, ${name});`,
    '  }',
    `  return ${name};`,
    '}',
  ].join(`\n${indent}`);
  edits.push({ file: sf.getFilePath(), start: statement.getStart(), end: statement.getEnd(), newText: replacement });
  return [{ title: `Key \`${name}\` by session: a Map from session id to its own history`, kind: 'suggestion', edits }];
}

/** The nearest session-like variable visible at `ref`: a parameter or an earlier local of an enclosing function. */
function sessionKeyInScope(ref: Node): string | undefined {
  for (const fn of ref.getAncestors().filter((a) => isFunctionLike(a))) {
    const names: string[] = [];
    for (const p of (fn as import('ts-morph').ArrowFunction).getParameters()) {
      const n = p.getNameNode();
      if (Node.isIdentifier(n)) names.push(n.getText());
      else n.getDescendantsOfKind(SyntaxKind.BindingElement).forEach((b) => Node.isIdentifier(b.getNameNode()) && names.push(b.getName()));
    }
    for (const d of fn.getDescendantsOfKind(SyntaxKind.VariableDeclaration)) {
      if (d.getStart() >= ref.getStart() || d.getFirstAncestor((a) => isFunctionLike(a)) !== fn) continue;
      const n = d.getNameNode();
      if (Node.isIdentifier(n)) names.push(n.getText());
      else n.getDescendantsOfKind(SyntaxKind.BindingElement).forEach((b) => Node.isIdentifier(b.getNameNode()) && names.push(b.getName()));
    }
    const key = names.find((n) => SESSION_KEY_NAME.test(n));
    if (key) return key;
  }
  return undefined;
}
