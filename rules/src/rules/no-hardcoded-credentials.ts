import { Node, SyntaxKind } from 'ts-morph';
import { defineRule } from '../rule.js';
import { maskSecret } from '../util/mask.js';
import type { SdkClient } from '../model/types.js';

/** Formats of real provider keys: a match is a secret wherever it stands. */
const KEY_FORMATS: Array<[RegExp, string]> = [
  [/^sk-(proj|svcacct|admin)-[A-Za-z0-9_-]{20,}$/, 'OpenAI API key'],
  [/^sk-ant-(api|admin)\d{2}-[A-Za-z0-9_-]{20,}$/, 'Anthropic API key'],
  [/^sk-or-v1-[a-f0-9]{32,}$/, 'OpenRouter API key'],
  [/^sk-[A-Za-z0-9]{32,}$/, 'OpenAI-style API key'],
  [/^(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}$/, 'GitHub token'],
  [/^github_pat_[A-Za-z0-9_]{40,}$/, 'GitHub token'],
  [/^glpat-[A-Za-z0-9_-]{20,}$/, 'GitLab token'],
  [/^xox[abposr]-[A-Za-z0-9-]{10,}$/, 'Slack token'],
  [/^(AKIA|ASIA)[0-9A-Z]{16}$/, 'AWS access key id'],
  [/^AIza[0-9A-Za-z_-]{35}$/, 'Google API key'],
  [/^hf_[A-Za-z0-9]{30,}$/, 'Hugging Face token'],
  [/^(sk|rk)_live_[A-Za-z0-9]{20,}$/, 'Stripe secret key'],
  [/^gsk_[A-Za-z0-9]{40,}$/, 'Groq API key'],
  [/^xai-[A-Za-z0-9]{40,}$/, 'xAI API key'],
  [/^r8_[A-Za-z0-9]{30,}$/, 'Replicate token'],
  [/^pplx-[A-Za-z0-9]{40,}$/, 'Perplexity API key'],
  [/^lsv2_(pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}$/, 'LangSmith API key'],
  [/^(pk|sk)-lf-[a-f0-9-]{30,}$/, 'Langfuse key'],
  [/^eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}$/, 'JSON Web Token'],
  [/-----BEGIN (RSA |EC |OPENSSH |)PRIVATE KEY-----/, 'private key'],
];

/** Names of places that hold credentials: `apiKey:`, `const githubToken =`, `password:`. */
const CREDENTIAL_NAME = /(api[_-]?key|apikey|secret|token|passw(or)?d|passwd|pwd|credential|access[_-]?key|private[_-]?key|client[_-]?secret|auth[_-]?key|bearer|authorization)/i;
const PLACEHOLDER = /(your|my|insert|replace|enter|put)[-_ ]?(own[-_ ]?)?(api[-_ ]?)?(key|token|secret|password)|x{4,}|\.\.\.|^<.*>$|\{\{.*\}\}|\$\{|changeme|change[-_]me|example|placeholder|dummy|^test|[-_]test$|fake|sample|redacted|\*{3,}|todo|not[-_]?a[-_]?real|^none$|^null$|^undefined$|^sk-\.+$|^sk-x+$|^sk-\*+$|^(sk-)?\.{3}$/i;

function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** A value that looks like a real secret, not a placeholder, a name or prose. */
export function looksLikeSecret(value: string, inCredentialPlace: boolean): string | undefined {
  const v = value.replace(/^Bearer\s+|^Basic\s+|^token\s+/i, '').trim();
  if (!v || PLACEHOLDER.test(v)) return undefined;
  for (const [re, label] of KEY_FORMATS) if (re.test(v)) return label;
  if (!inCredentialPlace) return undefined;
  if (v.length < 12 || /\s/.test(v) || /^[A-Z][A-Z0-9_]+$/.test(v) || /^https?:\/\//.test(v) || /^[./]/.test(v)) return undefined;
  if (/^(gpt|claude|gemini|o\d|text-embedding|llama|mistral)/i.test(v)) return undefined;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(v)).length;
  if (classes < 2 || entropy(v) < 3) return undefined;
  return 'credential';
}

/** The property, variable or parameter a literal is assigned to, or the header it fills. */
function credentialPlaceName(lit: Node): string | undefined {
  let cur: Node = lit;
  let parent = cur.getParent();
  // Unwrap `'...' as string`, template heads of `Bearer ${...}` are not literals we look at.
  while (parent && (Node.isAsExpression(parent) || Node.isParenthesizedExpression(parent) || Node.isBinaryExpression(parent))) {
    cur = parent;
    parent = cur.getParent();
  }
  if (!parent) return undefined;
  if (Node.isPropertyAssignment(parent) && parent.getInitializer() === cur) return parent.getName().replace(/^['"]|['"]$/g, '');
  if (Node.isVariableDeclaration(parent) && parent.getInitializer() === cur) return parent.getName();
  if (Node.isPropertyDeclaration(parent)) return parent.getName();
  if (Node.isParameterDeclaration(parent)) return parent.getName();
  if (Node.isBinaryExpression(parent) && parent.getOperatorToken().getKind() === SyntaxKind.EqualsToken) return parent.getLeft().getText();
  if (Node.isCallExpression(parent)) {
    const callee = parent.getExpression().getText();
    // headers.set('Authorization', 'Bearer ...'), setDefaultOpenAIKey('sk-...')
    if (/(setDefault\w*Key|setApiKey|setToken|setKey|login|auth)/i.test(callee)) return callee;
    const args = parent.getArguments();
    const i = args.indexOf(cur);
    if (i === 1 && (Node.isStringLiteral(args[0]) && CREDENTIAL_NAME.test(args[0].getLiteralValue()))) return args[0].getLiteralValue();
  }
  return undefined;
}

function envNameFor(client: SdkClient | undefined, place: string | undefined): string {
  const fromClient = client?.row.defaultEnv?.[0];
  if (fromClient) return fromClient;
  const base = (place ?? 'API_KEY').replace(/^this\./, '').replace(/[^A-Za-z0-9]+/g, '_');
  return base.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

export default defineRule({
  meta: {
    id: 'no-hardcoded-credentials',
    description: 'Disallow API keys, tokens and passwords written into agent code',
    rationale:
      'A credential in source code is shared by everyone who can read the code, ends up in history, builds and logs, and cannot be rotated or scoped per agent. Zero Trust needs each agent to authenticate with its own credential from a secret store.',
    steps: [2, 4],
    owasp: ['LLM02:2025', 'ASI03'],
    cwe: [798],
    defaultSeverity: 'error',
    fixKind: 'suggestion',
    preset: 'recommended',
    scope: 'file',
    confidence: 'high',
  },
  check(ctx) {
    // Credentials handed to SDK clients: known to be used for auth even when they do not match a key format.
    const clientLiterals = new Map<Node, SdkClient>();
    for (const client of ctx.model.clients()) {
      if (client.credential.kind === 'literal' && client.credential.literal) clientLiterals.set(client.credential.literal, client);
    }
    for (const sf of ctx.model.sourceFiles) {
      if (!ctx.isTarget(sf)) continue;
      sf.forEachDescendant((node) => {
        if (!Node.isStringLiteral(node) && !Node.isNoSubstitutionTemplateLiteral(node)) return;
        const value = node.getLiteralValue();
        if (value.length < 8) return;
        const parent = node.getParent();
        if (parent && (Node.isImportDeclaration(parent) || Node.isExportDeclaration(parent) || Node.isExternalModuleReference(parent) || Node.isLiteralTypeNode(parent))) return;
        const client = clientLiterals.get(node);
        const place = credentialPlaceName(node);
        const inPlace = !!client || (!!place && CREDENTIAL_NAME.test(place));
        const kind = looksLikeSecret(value, inPlace);
        if (!kind) return;
        const env = envNameFor(client, place);
        const where = client ? `the ${client.provider} client's apiKey` : place ? `\`${place}\`` : 'code';
        ctx.report({
          node,
          message: `Hard-coded ${kind} \`${maskSecret(value.replace(/^Bearer\s+/i, ''))}\` in ${where}: everyone who reads the code holds this identity and it cannot be rotated or scoped per agent. Load it from a secret store or an environment variable (process.env.${env}).`,
          related: client ? [{ node: client.node, message: `the ${client.provider} client that authenticates with it` }] : [],
          fixes: [
            {
              title: `Read the credential from process.env.${env}`,
              kind: 'suggestion',
              edits: [
                {
                  file: sf.getFilePath(),
                  start: node.getStart(),
                  end: node.getEnd(),
                  newText: /^Bearer\s+/i.test(value) ? `\`Bearer \${process.env.${env}}\`` : `process.env.${env}`,
                },
              ],
            },
          ],
        });
      });
    }
  },
});
