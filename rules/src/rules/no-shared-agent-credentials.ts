import { Node } from 'ts-morph';
import { defineRule } from '../rule.js';
import type { Agent, Credential, SdkClient, Tool } from '../model/types.js';
import type { AgentModel } from '../model/model.js';
import type { Recognizers } from '../dataflow/recognizers.js';
import { envVarName } from '../model/model.js';

/**
 * A principal is something that should have an identity of its own: an agent, an MCP server
 * (a tool set), or an SDK client that no agent construct owns (a hand-rolled agent).
 */
interface Principal {
  label: string;
  node: Node;
  credentials: Credential[];
}

/** Env vars with secret-like names read inside a tool's execute function: the identity the tool acts with. */
function toolCredentials(tool: Tool, recognizers: Recognizers): Credential[] {
  const out: Credential[] = [];
  const fn = tool.execute;
  if (!fn) return out;
  fn.forEachDescendant((n) => {
    if (!Node.isPropertyAccessExpression(n) && !Node.isElementAccessExpression(n)) return;
    const env = envVarName(n);
    if (env && recognizers.isSecretEnv(env) && !out.some((c) => c.envVar === env)) {
      out.push({ kind: 'env', envVar: env, node: n, key: `env:${env}`, label: env });
    }
  });
  return out;
}

function principals(model: AgentModel, recognizers: Recognizers): Principal[] {
  const agents = model.agents();
  const out: Principal[] = [];
  const ownedClients = new Set<SdkClient>();
  // Tools given to several principals are shared infrastructure: their keys are not one agent's identity.
  const toolOwners = new Map<Tool, number>();
  for (const a of agents) for (const t of a.tools) toolOwners.set(t, (toolOwners.get(t) ?? 0) + 1);
  const describe = (a: Agent) => (a.isToolServer ? `MCP server "${a.name}"` : `agent "${a.name}"`);
  for (const a of agents) {
    const creds: Credential[] = [];
    if (a.credential) creds.push(a.credential);
    if (a.client) ownedClients.add(a.client);
    for (const t of a.tools) if (toolOwners.get(t) === 1) creds.push(...toolCredentials(t, recognizers));
    if (creds.length) out.push({ label: describe(a), node: a.node, credentials: creds });
  }
  // Model calls made with a client that an agent construct does not own: each client is a hand-rolled agent.
  for (const call of model.modelCalls()) if (call.agent?.client) ownedClients.add(call.agent.client);
  for (const c of model.clients()) {
    if (ownedClients.has(c) || c.row.isDefaultInstance || c.credential.kind === 'unknown') continue;
    if (c.framework === 'openai-agents' && c.row.construct === 'call') continue; // setDefaultOpenAIKey: reported through the agents
    out.push({ label: `${c.provider} client${c.name ? ` "${c.name}"` : ''}`, node: c.node, credentials: [c.credential] });
  }
  return out;
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
    const byKey = new Map<string, Array<{ p: Principal; c: Credential }>>();
    for (const p of principals(ctx.model, ctx.recognizers)) {
      const keys = new Set<string>();
      for (const c of p.credentials) {
        if (c.kind === 'unknown' || keys.has(c.key)) continue;
        keys.add(c.key);
        const list = byKey.get(c.key) ?? [];
        list.push({ p, c });
        byKey.set(c.key, list);
      }
    }
    for (const [, group] of byKey) {
      const distinct = [...new Map(group.map((g) => [g.p.node, g])).values()];
      if (distinct.length < 2) continue;
      for (const { p, c } of distinct) {
        const others = distinct.filter((o) => o.p !== p);
        const declared = ctx.config.agentIdentities;
        const agentName = /"(.+)"/.exec(p.label)?.[1];
        const suggestedEnv = agentName && declared[agentName] ? declared[agentName] : perAgentEnv(agentName ?? p.label, c);
        const how = c.kind === 'default-env' ? `the SDK's default ${c.envVar}` : c.kind === 'literal' ? 'the same hard-coded key' : c.label;
        ctx.report({
          node: p.node,
          message: `The ${p.label} authenticates with ${how}, shared with ${others.map((o) => o.p.label).join(', ')}: the provider and audit logs cannot tell these agents apart, and one leak exposes all of them. Give each agent its own credential (e.g. process.env.${suggestedEnv}).`,
          related: others.map((o) => ({ node: o.p.node, message: `${o.p.label} uses the same credential (${c.label})` })),
          fixes: c.node && c.kind === 'env' && Node.isPropertyAccessExpression(c.node) && c.node.getSourceFile() === p.node.getSourceFile()
            ? [{ title: `Use a dedicated credential: process.env.${suggestedEnv}`, kind: 'suggestion', edits: [{ file: c.node.getSourceFile().getFilePath(), start: c.node.getStart(), end: c.node.getEnd(), newText: `process.env.${suggestedEnv}` }] }]
            : [],
        });
      }
    }
  },
});

function perAgentEnv(label: string, c: Credential): string {
  const base = (c.envVar ?? 'API_KEY').toUpperCase();
  const who = label.replace(/^(agent|MCP server|\w+ client)\s*/i, '').replace(/[^A-Za-z0-9]+/g, '_').replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/^_|_$/g, '').toUpperCase();
  return who ? `${who}_${base}` : base;
}
