import * as path from 'node:path';
import { Node, SyntaxKind } from 'ts-morph';
import { defineRule } from '../rule.js';
import type { Agent, Credential, SdkClient, Tool } from '../model/types.js';
import type { AgentModel } from '../model/model.js';
import { envVarName, isFunctionLike } from '../model/model.js';
import type { FindingFix } from '../types.js';
import { isTestFile } from '../project/files.js';
import { words } from '../util/words.js';
import { descendantsOfKinds } from '../util/walk.js';

/** Env vars that authenticate (keys, tokens, passwords), not ones that only locate a service. */
const AUTH_ENV = /(^|_)(API_?KEY|KEY|TOKEN|SECRET|PASSWORD|PASSWD|PWD|CREDENTIALS?|PAT)(_|$)/;
const LOCATOR_ENV = /_(URL|URI|HOST|ID|NAME|REGION|MODEL|PATH|ENDPOINT|VERSION)$/;
/** How far a tool's code is followed into module-level values and helpers for the credentials it uses. */
const MAX_HELPER_DEPTH = 2;
/** Related locations per finding: in a big monorepo dozens of agents may share one key. */
const MAX_RELATED = 10;

/** One credential a principal authenticates with, and how (the tool that uses it, for tool credentials). */
interface Use {
  credential: Credential;
  /** Identity key: the credential's own, or a declared or client identity. */
  key: string;
  through?: Tool;
  /** The expression to rewrite for a dedicated credential, when only this principal uses it. */
  envRead?: Node;
  /** The client to give its own key, when only this principal uses it and the key is the SDK default. */
  client?: SdkClient;
}

/**
 * A principal is something that should have an identity of its own: an agent, an MCP server (a
 * tool set), or an SDK client no agent construct owns (a hand-rolled agent).
 */
interface Principal {
  label: string;
  /** Name used for a suggested per-principal env var. */
  slug: string;
  node: Node;
  uses: Use[];
}

/** The `process.env.X` access inside an expression (through `?? ''`, `!`, casts), if it is written there. */
function envReadIn(expr: Node | undefined): Node | undefined {
  if (!expr) return undefined;
  if ((Node.isPropertyAccessExpression(expr) || Node.isElementAccessExpression(expr)) && envVarName(expr)) return expr;
  return expr.getFirstDescendant((d) => (Node.isPropertyAccessExpression(d) || Node.isElementAccessExpression(d)) && !!envVarName(d) && !Node.isPropertyAccessExpression(d.getParent()));
}

/** What a node's code reads, by the depth it was explored at (a shallower exploration sees more). */
type EnvReadMemo = Map<Node, { depth: number; reads: Map<string, Node> }>;

/**
 * Env reads of authenticating env vars in `root`, following module-level values and helper
 * functions it refers to. Helpers shared by many tools are explored once (`memo`).
 */
function authEnvReads(model: AgentModel, root: Node, memo: EnvReadMemo, depth = 0): Map<string, Node> {
  const cached = memo.get(root);
  if (cached && cached.depth <= depth) return cached.reads;
  const reads = new Map<string, Node>();
  memo.set(root, { depth, reads });
  // The root itself may be the read: `const token = process.env.GITHUB_TOKEN` followed from a tool.
  const nodes = [root, ...descendantsOfKinds(root, [SyntaxKind.PropertyAccessExpression, SyntaxKind.ElementAccessExpression, SyntaxKind.Identifier])];
  for (const d of nodes) {
    if (d === root && !Node.isPropertyAccessExpression(d) && !Node.isElementAccessExpression(d)) continue;
    if (!Node.isIdentifier(d)) {
      const env = envVarName(d);
      if (env && AUTH_ENV.test(env) && !LOCATOR_ENV.test(env) && !reads.has(env) && !inClientConstruction(model, d, root)) reads.set(env, d);
      continue;
    }
    if (depth >= MAX_HELPER_DEPTH || isPropertyName(d)) continue;
    const v = model.valueOf(d);
    // Only values defined elsewhere: a module-level client, a constant, a helper function.
    if (v === d || Node.isSourceFile(v) || v.getAncestors().includes(root)) continue;
    // An SDK client is a principal of its own, reported as such.
    if ((Node.isNewExpression(v) || Node.isCallExpression(v)) && model.classify(v)?.kind === 'client') continue;
    for (const [env, read] of authEnvReads(model, v, memo, depth + 1)) if (!reads.has(env)) reads.set(env, read);
  }
  return reads;
}

/** `new OpenAI({ apiKey: process.env.X })` inside a tool: the client is a principal of its own. */
function inClientConstruction(model: AgentModel, read: Node, stop: Node): boolean {
  for (let cur = read.getParent(); cur && cur !== stop; cur = cur.getParent()) {
    if ((Node.isNewExpression(cur) || Node.isCallExpression(cur)) && model.classify(cur)?.kind === 'client') return true;
  }
  return false;
}

function isPropertyName(id: Node): boolean {
  const p = id.getParent();
  return !!p && ((Node.isPropertyAccessExpression(p) && p.getNameNode() === id) || (Node.isPropertyAssignment(p) && p.getNameNode() === id));
}

function envCredential(env: string, node: Node): Credential {
  return { kind: 'env', envVar: env, node, key: `env:${env}`, label: env };
}

/** `support-agent.ts` -> "support agent"; `app/api/chat/route.ts` -> "chat route". */
function fileSlug(node: Node): string {
  const file = node.getSourceFile().getFilePath();
  const base = path.basename(file).replace(/\.[^.]+$/, '');
  return /^(index|route|page|main|server)$/.test(base) ? `${path.basename(path.dirname(file))} ${base}` : base;
}

const GENERIC_CLIENT_NAMES = /^(client|openai|anthropic|claude|gemini|genai|google|ai|llm|model|chat|chatModel|provider|sdk|api)$/i;

/** `billingClient` -> "billing"; a generic name (`client`, `openai`) -> the file it is in. */
function clientSlug(c: SdkClient): string {
  const name = c.name?.replace(/Client$/, '');
  return name && !GENERIC_CLIENT_NAMES.test(name) ? name : fileSlug(c.node);
}

/** `route.ts` alone says little in a Next.js app: `chat/route.ts`. */
function relFile(node: Node): string {
  const file = node.getSourceFile().getFilePath();
  const base = path.basename(file);
  return /^(index|route|page|main|server)\./.test(base) ? `${path.basename(path.dirname(file))}/${base}` : base;
}

function listOf(items: string[]): string {
  if (items.length > 4) return `${items.slice(0, 3).join(', ')} and ${items.length - 3} more`;
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : items.join('');
}

function principals(model: AgentModel, declared: Record<string, string>, root: string): Principal[] {
  const agents = model.agents();
  const out: Principal[] = [];
  const memo: EnvReadMemo = new Map();
  const ownedClients = new Set<SdkClient>();
  // Tools given to several principals are shared infrastructure: their keys are not one agent's identity.
  const toolOwners = new Map<Tool, number>();
  for (const a of agents) for (const t of a.tools) toolOwners.set(t, (toolOwners.get(t) ?? 0) + 1);
  const clientUsers = new Map<SdkClient, number>();
  for (const a of agents) if (a.client) clientUsers.set(a.client, (clientUsers.get(a.client) ?? 0) + 1);

  const identityKey = (a: Agent, c: Credential): string => {
    const declaredIdentity = declared[a.name];
    if (declaredIdentity) return `declared:${declaredIdentity}`;
    // One client object built from a key the model cannot see is still one identity.
    if (c.kind === 'unknown' && a.client && !a.client.node.getFirstAncestor(isFunctionLike)) return `client:${a.client.id}`;
    return c.key;
  };

  for (const a of agents) {
    if (a.client) ownedClients.add(a.client);
    if (isTestFile(a.node.getSourceFile().getFilePath(), root)) continue;
    const uses: Use[] = [];
    if (a.credential) {
      // Renaming an env var cannot separate agents whose identity is declared in the config.
      const own = a.client && !declared[a.name] ? clientUsers.get(a.client) === 1 : false;
      uses.push({
        credential: a.credential,
        key: identityKey(a, a.credential),
        envRead: own && a.credential.kind === 'env' ? envReadIn(a.credential.node) : undefined,
        client: own && a.credential.kind === 'default-env' && !a.client!.row.isDefaultInstance ? a.client : undefined,
      });
    }
    for (const t of a.tools) {
      if (toolOwners.get(t) !== 1 || !t.execute) continue;
      for (const [env, read] of authEnvReads(model, t.execute, memo)) {
        uses.push({ credential: envCredential(env, read), key: `env:${env}`, through: t, envRead: read.getAncestors().includes(t.execute) ? read : undefined });
      }
    }
    // An MCP server launched with a token (`new MCPServerStdio({ env: { GITHUB_TOKEN: process.env.GITHUB_TOKEN } })`).
    if (a.isToolServer) {
      for (const arg of a.node.getArguments()) {
        for (const [env, read] of authEnvReads(model, arg, memo)) uses.push({ credential: envCredential(env, read), key: `env:${env}`, envRead: read.getAncestors().includes(arg) ? read : undefined });
      }
    }
    if (uses.length) out.push({ label: a.isToolServer ? `MCP server "${a.name}"` : `agent "${a.name}"`, slug: /^(agent|server|mcp|mcpServer)$/i.test(a.name) ? fileSlug(a.node) : a.name, node: a.node, uses });
  }

  // Hand-rolled agent classes: `new SalesAgent(anthropic)` where the class calls a model through
  // the client it is given. Each instance is an agent; the client it receives is its identity.
  for (const inst of handRolledAgents(model)) {
    ownedClients.add(inst.client);
    if (isTestFile(inst.node.getSourceFile().getFilePath(), root)) continue;
    const c = inst.client.credential;
    if (c.kind === 'unknown') continue;
    out.push({ label: `agent ${inst.className}${inst.name ? ` "${inst.name}"` : ''}`, slug: inst.name ?? inst.className, node: inst.node, uses: [{ credential: c, key: c.key }] });
  }

  // Model calls made with a client that an agent construct does not own: each client is a hand-rolled agent.
  for (const call of model.modelCalls()) if (call.agent?.client) ownedClients.add(call.agent.client);
  const clients = model.clients();
  for (const c of clients) if (c.credential.via) ownedClients.add(c.credential.via);
  const embedOnly = new Set(clients.filter((c) => c.row.embeddingsOnly));
  const callsByClient = new Map<SdkClient, boolean[]>();
  for (const call of model.modelCalls()) if (call.client) callsByClient.set(call.client, [...(callsByClient.get(call.client) ?? []), !!call.row.output]);
  for (const [c, outputs] of callsByClient) if (outputs.length && outputs.every((o) => !o)) embedOnly.add(c);
  for (const c of clients) {
    if (ownedClients.has(c) || embedOnly.has(c) || c.row.isDefaultInstance || c.row.setsDefault || c.credential.kind === 'unknown') continue;
    if (isTestFile(c.node.getSourceFile().getFilePath(), root)) continue;
    out.push({
      label: `${c.provider} client${c.name ? ` "${c.name}"` : ''} in ${relFile(c.node)}`,
      slug: clientSlug(c),
      node: c.node,
      uses: [{ credential: c.credential, key: c.credential.key, envRead: c.credential.kind === 'env' ? envReadIn(c.credential.node) : undefined, client: c.credential.kind === 'default-env' ? c : undefined }],
    });
  }
  return out;
}

interface HandRolledAgent {
  node: Node;
  className: string;
  name?: string;
  client: SdkClient;
}

/** `new X(client, ...)` of a project class whose methods call a model through a constructor-given client. */
function handRolledAgents(model: AgentModel): HandRolledAgent[] {
  const out: HandRolledAgent[] = [];
  const callsModel = new Map<Node, boolean>();
  for (const sf of model.sourceFiles) {
    for (const { node: n, cls } of model.classInstancesIn(sf)) {
      let calls = callsModel.get(cls);
      if (calls === undefined) {
        calls = model.entitiesIn(cls.getSourceFile()).some((e) => e.kind === 'modelCall' && e.node.getAncestors().includes(cls));
        callsModel.set(cls, calls);
      }
      if (!calls) continue;
      for (const arg of n.getArguments()) {
        const base = model.flatten(arg, 0);
        if (base?.kind === 'entity' && base.entity.kind === 'client' && base.path.length === 0) {
          const parent = n.getParent();
          out.push({ node: n, className: cls.getName() ?? 'class', name: parent && Node.isVariableDeclaration(parent) ? parent.getName() : undefined, client: base.entity });
          break;
        }
      }
    }
  }
  return out;
}

function perPrincipalEnv(slug: string, c: Credential): string {
  const who = words(slug).join('_').toUpperCase() || 'AGENT';
  return `${who}_${(c.envVar ?? 'API_KEY').toUpperCase()}`;
}

function describeUse(u: Use): string {
  const c = u.credential;
  const what = u.key.startsWith('declared:') ? `the identity "${u.key.slice('declared:'.length)}" declared in agentIdentities` : c.kind === 'default-env' ? `${c.envVar}, which the SDK reads by default` : c.kind === 'literal' ? 'a hard-coded key' : c.kind === 'runtime' ? `the secret from \`${c.label}\`` : c.label;
  return u.through ? `${what} (in tool "${u.through.name}")` : what;
}

/** Suggestion: read a dedicated env var where this principal alone reads the shared one, or give its client an explicit key. */
function fixFor(u: Use, env: string): FindingFix[] {
  const title = `Use a dedicated credential: process.env.${env}`;
  if (u.envRead) {
    return [{ title, kind: 'suggestion', edits: [{ file: u.envRead.getSourceFile().getFilePath(), start: u.envRead.getStart(), end: u.envRead.getEnd(), newText: `process.env.${env}` }] }];
  }
  const client = u.client;
  const option = client?.row.apiKey?.split('|')[0].split('.');
  if (!client || !option || option.length !== 2 || option[0] !== '0' || !client.node.getText().endsWith(')')) return [];
  const file = client.node.getSourceFile().getFilePath();
  const prop = `${option[1]}: process.env.${env}`;
  const first = client.node.getArguments()[0];
  if (!first) {
    const end = client.node.getEnd() - 1;
    return [{ title, kind: 'suggestion', edits: [{ file, start: end, end, newText: `{ ${prop} }` }] }];
  }
  if (!Node.isObjectLiteralExpression(first)) return [];
  const props = first.getProperties();
  if (props.length === 0) return [{ title, kind: 'suggestion', edits: [{ file, start: first.getStart(), end: first.getEnd(), newText: `{ ${prop} }` }] }];
  const at = props[0].getStart();
  // Keep the object's layout: one property per line stays one per line.
  const lineStart = props[0].getStartLinePos();
  const indent = first.getText().includes('\n') ? `\n${first.getSourceFile().getFullText().slice(lineStart, at)}` : ' ';
  return [{ title, kind: 'suggestion', edits: [{ file, start: at, end: at, newText: `${prop},${indent}` }] }];
}

export default defineRule({
  meta: {
    id: 'no-shared-agent-credentials',
    description: 'Require each agent, tool set and MCP server to authenticate with its own credential',
    rationale:
      'When agents share one key, the provider and your audit trail cannot tell them apart, a leak of one agent compromises all of them, and no agent can be scoped or revoked alone. Zero Trust verifies every identity explicitly: one credential per agent.',
    steps: [2],
    owasp: ['ASI03'],
    cwe: [522, 250, 653],
    defaultSeverity: 'warning',
    fixKind: 'suggestion',
    preset: 'recommended',
    scope: 'project',
    confidence: 'medium',
  },
  check(ctx) {
    const declared = ctx.config.agentIdentities ?? {};
    const byKey = new Map<string, Array<{ p: Principal; u: Use }>>();
    for (const p of principals(ctx.model, declared, ctx.config.root)) {
      const keys = new Set<string>();
      for (const u of p.uses) {
        if (u.credential.kind === 'unknown' && !u.key.startsWith('client:') && !u.key.startsWith('declared:')) continue;
        if (keys.has(u.key)) continue;
        keys.add(u.key);
        byKey.set(u.key, [...(byKey.get(u.key) ?? []), { p, u }]);
      }
    }
    for (const group of byKey.values()) {
      if (group.length < 2) continue;
      for (const { p, u } of group) {
        if (!ctx.isTarget(p.node.getSourceFile())) continue;
        const others = group.filter((o) => o.p !== p);
        const env = perPrincipalEnv(p.slug, u.credential);
        const shown = listOf(others.map((o) => o.p.label));
        ctx.report({
          node: p.node,
          message: `The ${p.label} authenticates with ${describeUse(u)}, the same credential as ${shown}: the provider and your audit logs cannot tell them apart, and one leaked or revoked key hits all of them. Give each one its own credential (e.g. process.env.${env}).`,
          related: others.slice(0, MAX_RELATED).map((o) => ({ node: o.p.node, message: `${o.p.label} uses the same credential (${describeUse(o.u)})` })),
          fixes: fixFor(u, env),
        });
      }
    }
  },
});
