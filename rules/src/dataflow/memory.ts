/**
 * Conversation memory: stores of messages that outlive one request and that request handlers or
 * agent runs write to, whether they are keyed by user or session, and which model calls they feed.
 * A store is a module-level variable (an array of messages, a Map of histories, a LangChain
 * chat-history object), a field of a class the module instantiates once (a singleton service), or
 * a memory object handed to a chain (`new ConversationChain({ memory })`). Shared by
 * no-shared-conversation-memory and the inventory.
 */
import { Node, SyntaxKind, type ClassDeclaration, type PropertyDeclaration, type SourceFile, type VariableDeclaration } from 'ts-morph';
import { isFunctionLike, unwrap, type AgentModel } from '../model/model.js';
import type { ModelCall } from '../model/types.js';
import type { DataFlow } from './flow.js';

/** Containers that can hold a conversation: arrays, maps, plain objects and chat-history classes. */
const HISTORY_CLASS = /^(Map|Array|Set|ChatMessageHistory|InMemoryChatMessageHistory|BufferMemory|ConversationBufferMemory|BufferWindowMemory|ConversationSummaryMemory|ConversationSummaryBufferMemory|ConversationTokenBufferMemory|InMemoryStore|InMemoryVectorStore|MemoryVectorStore)$/;
/** Memory objects that a chain reads and writes itself once handed over as `memory`. */
const CHAIN_MEMORY_CLASS = /^(BufferMemory|ConversationBufferMemory|BufferWindowMemory|ConversationSummaryMemory|ConversationSummaryBufferMemory|ConversationTokenBufferMemory|ChatMessageHistory|InMemoryChatMessageHistory)$/;
const HISTORY_NAME = /(history|histories|messages|memory|memories|conversation|transcript|chat|context|turns|dialog|thread)/i;
/** A key that scopes state to one user or conversation. */
const SCOPING_KEY = /(session|user|conversation|thread|chat|tenant|account|customer|client|visitor|member|sid|uid|owner|caller|principal|id)\b/i;
const WRITE_METHOD = /^(push|unshift|splice|set|addMessage|addMessages|addUserMessage|addAIMessage|addAIChatMessage|saveContext|put|mset|concat|addDocuments|addVectors|upsert)$/;
const KEYED_METHOD = /^(get|set|has|delete|getMessages|ensure)$/;

export interface ConversationStore {
  /** The variable, or the class field, that holds the conversation. */
  decl: VariableDeclaration | PropertyDeclaration;
  name: string;
  /** Writes from inside functions: `history.push(...)`, `store.set(k, v)`, `history = [...]`; or the chain that writes it. */
  writes: Node[];
  /** Reads or writes keyed by user or session: `store.get(sessionId)`, `histories[userId]`. */
  keyed: boolean;
  /** A memory object handed to a chain (`new ConversationChain({ llm, memory })`): the chain reads it into every prompt. */
  chain?: Node;
}

function isContainer(init: Node): boolean {
  const e = unwrap(init);
  if (Node.isArrayLiteralExpression(e) || Node.isObjectLiteralExpression(e)) return true;
  if (Node.isNewExpression(e)) return HISTORY_CLASS.test(e.getExpression().getText().split('.').pop() ?? '');
  return false;
}

/**
 * Writes through references (inside functions): `history.push(...)`, `history = [...history, m]`,
 * `store.set(k, v)`, `histories[k] = ...`. A reference is the identifier or `this.field`.
 */
function writesInFunctions(refs: Node[]): Node[] {
  const out: Node[] = [];
  for (const r of refs) {
    if (!r.getFirstAncestor((a) => isFunctionLike(a))) continue;
    // state.messages.push(m): a write to a container held in the store.
    let ref: Node = r;
    for (let up = ref.getParent(); up && Node.isPropertyAccessExpression(up) && up.getExpression() === ref && !WRITE_METHOD.test(up.getName()); up = ref.getParent()) ref = up;
    const parent = ref.getParent();
    if (!parent) continue;
    if (Node.isPropertyAccessExpression(parent) && parent.getExpression() === ref && WRITE_METHOD.test(parent.getName())) {
      const call = parent.getParent();
      if (call && Node.isCallExpression(call) && call.getExpression() === parent) out.push(call);
    } else if (Node.isBinaryExpression(parent) && parent.getLeft() === ref && parent.getOperatorToken().getKind() === SyntaxKind.EqualsToken) out.push(parent);
    else if (Node.isElementAccessExpression(parent) && parent.getExpression() === ref) {
      const gp = parent.getParent();
      if (gp && Node.isBinaryExpression(gp) && gp.getLeft() === parent) out.push(gp);
      // histories[id] ??= [] / histories[id].push(m)
      else if (gp && Node.isPropertyAccessExpression(gp) && WRITE_METHOD.test(gp.getName())) out.push(gp.getParentOrThrow());
    }
  }
  return out;
}

/** The key expression's text, and for a variable the text of its value (`const key = \`${userId}:${threadId}\``). */
function keyText(key: Node, model: AgentModel): string {
  const v = model.valueOf(key);
  return v === key ? key.getText() : `${key.getText()} ${v.getText()}`;
}

/** A write or read keyed by user or session: `store.get(sessionId)`, `histories[userId]`. */
function isKeyed(refs: Node[], model: AgentModel): boolean {
  return refs.some((ref) => {
    const parent = ref.getParent();
    if (parent && Node.isElementAccessExpression(parent) && parent.getExpression() === ref) {
      const arg = parent.getArgumentExpression();
      return !!arg && !Node.isStringLiteral(arg) && SCOPING_KEY.test(keyText(arg, model));
    }
    if (parent && Node.isPropertyAccessExpression(parent) && parent.getExpression() === ref && KEYED_METHOD.test(parent.getName())) {
      const call = parent.getParent();
      const key = call && Node.isCallExpression(call) ? call.getArguments()[0] : undefined;
      return !!key && !Node.isStringLiteral(key) && SCOPING_KEY.test(keyText(key, model));
    }
    // A vector-store memory searched with a per-user filter: similaritySearch(q, k, { userId }).
    if (parent && Node.isPropertyAccessExpression(parent) && parent.getExpression() === ref && /^(similaritySearch|similaritySearchWithScore|search)$/.test(parent.getName())) {
      const call = parent.getParent();
      return !!call && Node.isCallExpression(call) && call.getArguments().slice(1).some((a) => SCOPING_KEY.test(keyText(a, model)));
    }
    return false;
  });
}

export class ConversationMemory {

  constructor(
    private readonly model: AgentModel,
    private readonly flow: DataFlow,
  ) {}

  /** Message stores declared in `sf` that functions write to, keyed or not. */
  storesIn(sf: SourceFile): ConversationStore[] {
    const out: ConversationStore[] = [];
    for (const st of sf.getVariableStatements()) {
      for (const decl of st.getDeclarations()) {
        const init = decl.getInitializer();
        if (!init || !Node.isIdentifier(decl.getNameNode())) continue;
        const name = decl.getName();
        const session = this.chatSession(init);
        if (session) {
          // A chat session created once (`ai.chats.create()`): it keeps every message sent through it.
          const sends = this.references(decl).filter((ref) => ref.getFirstAncestor((a) => isFunctionLike(a)) && Node.isPropertyAccessExpression(ref.getParent()) && /^send/.test((ref.getParent() as import('ts-morph').PropertyAccessExpression).getName()));
          if (sends.length) out.push({ decl, name, writes: sends.map((r) => r.getParentOrThrow().getParentOrThrow()), keyed: false, chain: session });
          continue;
        }
        if (!isContainer(init)) continue;
        const refs = this.references(decl);
        const chain = this.chainTaking(refs, init);
        const writes = chain ? [chain] : writesInFunctions(refs);
        if (writes.length === 0) continue;
        const messageLike = HISTORY_NAME.test(name) || !!chain || writes.some((w) => /\brole\s*:|Message\(/.test(w.getText()));
        if (!messageLike) continue;
        out.push({ decl, name, writes, keyed: isKeyed(refs, this.model), chain });
      }
    }
    for (const cls of sf.getClasses()) if (this.isSingleton(cls)) out.push(...this.fieldStores(cls));
    return out;
  }

  /** A chat session a model-call row opens (`ai.chats.create(...)`, `model.startChat()`), which keeps its own history. */
  private chatSession(init: Node): Node | undefined {
    const e = unwrap(init);
    if (!Node.isCallExpression(e)) return undefined;
    const entity = this.model.classify(e);
    return entity?.kind === 'modelCall' && /(chats\.create|startChat)$/.test(e.getExpression().getText().replace(/\s+/g, '')) ? e : undefined;
  }

  /** A memory object passed as `memory` to a chain or agent constructor: `new ConversationChain({ llm, memory })`. */
  private chainTaking(refs: Node[], init: Node): Node | undefined {
    const e = unwrap(init);
    if (!Node.isNewExpression(e) || !CHAIN_MEMORY_CLASS.test(e.getExpression().getText().split('.').pop() ?? '')) return undefined;
    for (const ref of refs) {
      const prop = ref.getParent();
      const isMemoryProp = (prop && Node.isShorthandPropertyAssignment(prop) && prop.getName() === 'memory') || (prop && Node.isPropertyAssignment(prop) && prop.getName() === 'memory' && prop.getInitializer() === ref);
      const call = isMemoryProp ? prop!.getParent()?.getParent() : undefined;
      if (call && (Node.isNewExpression(call) || Node.isCallExpression(call))) return call;
    }
    return undefined;
  }

  /** A class the project instantiates once at module level: `export const chatService = new ChatService()`. */
  private isSingleton(cls: ClassDeclaration): boolean {
    const name = cls.getName();
    if (!name || !cls.getProperties().some((p) => !p.isStatic() && p.getInitializer() && isContainer(p.getInitializerOrThrow()))) return false;
    for (const sf of this.model.filesMentioning(name)) {
      if (!sf.getFullText().includes(`new ${name}`)) continue;
      for (const n of sf.getDescendantsOfKind(SyntaxKind.NewExpression)) {
        if (n.getExpression().getText() !== name || n.getFirstAncestor((a) => isFunctionLike(a))) continue;
        const b = Node.isIdentifier(n.getExpression()) ? this.model.resolver.resolveIdentifier(n.getExpression()) : undefined;
        const target = b?.kind === 'import' ? this.model.resolver.followImport(b) : b;
        if (!target || target.node === cls) return true;
      }
    }
    return false;
  }

  /** Container fields of a singleton class that its methods write to through `this.field`. */
  private fieldStores(cls: ClassDeclaration): ConversationStore[] {
    const out: ConversationStore[] = [];
    for (const prop of cls.getProperties()) {
      const init = prop.getInitializer();
      if (prop.isStatic() || !init || !isContainer(init)) continue;
      const name = prop.getName();
      const refs = cls.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression).filter((p) => p.getName() === name && p.getExpression().getKind() === SyntaxKind.ThisKeyword);
      const writes = writesInFunctions(refs);
      if (writes.length === 0) continue;
      if (!HISTORY_NAME.test(name) && !writes.some((w) => /\brole\s*:|Message\(/.test(w.getText()))) continue;
      out.push({ decl: prop, name, writes, keyed: isKeyed(refs, this.model) });
    }
    return out;
  }

  /**
   * Reads of a module-level variable, in its file and, for an exported store named like a
   * conversation, in the files that import it (the name filter keeps the project-wide search rare).
   */
  private references(decl: VariableDeclaration): Node[] {
    const name = decl.getName();
    const out: Node[] = [];
    // `hasExportKeyword` is syntactic; ts-morph's `isExported` asks the type checker.
    const shared = HISTORY_NAME.test(name) && (decl.getVariableStatement()?.hasExportKeyword() ?? false);
    for (const sf of shared ? this.model.filesMentioning(name) : [decl.getSourceFile()]) {
      for (const ref of this.flow.index(sf).identifiers.get(name) ?? []) {
        if (ref === decl.getNameNode()) continue;
        let b = this.model.resolver.resolveIdentifier(ref);
        if (b?.kind === 'import') b = this.model.resolver.followImport(b);
        if (b?.node === decl) out.push(ref);
      }
    }
    return out;
  }

  /**
   * The model calls whose input (prompt or instructions) a store's contents reach. Only calls that
   * can see the store are followed: in its file, in files that mention its name, and in files that
   * import its file (a helper there may return it); each call's inputs are followed once.
   */
  feeds(store: ConversationStore): ModelCall[] {
    const home = store.decl.getSourceFile();
    const mentioning = new Set(this.model.filesMentioning(store.name));
    const calls = this.model.modelCalls().filter((c) => {
      const sf = c.node.getSourceFile();
      return sf === home || mentioning.has(sf) || this.importsFile(sf, home);
    });
    return calls.filter((c) => this.storesFedBy(c).has(store.decl));
  }

  private readonly fedBy = new Map<ModelCall, Set<Node>>();

  /** The stores (declarations) whose contents reach a model call's inputs. */
  private storesFedBy(call: ModelCall): Set<Node> {
    let out = this.fedBy.get(call);
    if (out) return out;
    out = new Set();
    const source = (node: Node): { label: string; node: Node } | undefined => {
      // this.history inside a class method: the field.
      if (Node.isPropertyAccessExpression(node) && node.getExpression().getKind() === SyntaxKind.ThisKeyword) {
        const cls = node.getFirstAncestorByKind(SyntaxKind.ClassDeclaration);
        const prop = cls?.getProperty(node.getName());
        return prop && prop.getInitializer() ? { label: node.getName(), node: prop } : undefined;
      }
      // store.get(key), store.values(): a read of the whole store's contents.
      if (Node.isCallExpression(node)) {
        const callee = node.getExpression();
        if (!Node.isPropertyAccessExpression(callee) || !/^(get|values|at|getMessages|entries|similaritySearch|similaritySearchWithScore|search)$/.test(callee.getName())) return undefined;
        return source(callee.getExpression());
      }
      if (!Node.isIdentifier(node)) return undefined;
      let b = this.model.resolver.resolveIdentifier(node);
      if (b?.kind === 'import') b = this.model.resolver.followImport(b);
      const d = b?.kind === 'variable' ? b.node : undefined;
      return d && Node.isVariableDeclaration(d) && Node.isSourceFile(d.getVariableStatement()?.getParent() ?? d) ? { label: d.getName(), node: d } : undefined;
    };
    for (const input of [...call.prompt, ...call.system]) for (const p of this.flow.taint(input, { source })) out.add(p.source.node);
    this.fedBy.set(call, out);
    return out;
  }

  private readonly imported = new Map<SourceFile, Set<SourceFile>>();

  private importsFile(sf: SourceFile, target: SourceFile): boolean {
    let targets = this.imported.get(sf);
    if (!targets) {
      targets = new Set();
      for (const d of sf.getImportDeclarations()) {
        const t = this.model.resolver.resolveModule(sf, d.getModuleSpecifierValue());
        if (t) targets.add(t);
      }
      this.imported.set(sf, targets);
    }
    return targets.has(target);
  }
}
