import { Node, SyntaxKind, type ts } from 'ts-morph';
import { defineRule } from '../rule.js';
import { maskSecret } from '../util/mask.js';
import { envVarName } from '../model/model.js';
import type { SdkClient } from '../model/types.js';
import type { FindingFix } from '../types.js';
import { isTestFile } from '../project/files.js';
import { words } from '../util/words.js';
import { descendantsOfKinds } from '../util/walk.js';

interface KeyFormat {
  re: RegExp;
  label: string;
  /** The env var such a key usually lives in. */
  env: string;
  /** A prefix distinctive enough to find the key inside longer text (`"Authorization: Bearer sk-proj-…"`). */
  embedded?: boolean;
  /** Only a secret in a credential place: JWTs are just as often sample data. */
  needsPlace?: boolean;
}

/** Formats of real keys: a match is a secret wherever it stands. */
const KEY_FORMATS: KeyFormat[] = [
  { re: /^sk-(proj|svcacct|admin)-[A-Za-z0-9_-]{20,}$/, label: 'OpenAI API key', env: 'OPENAI_API_KEY', embedded: true },
  { re: /^sk-ant-(api|admin|oat)\d{2}-[A-Za-z0-9_-]{20,}$/, label: 'Anthropic API key', env: 'ANTHROPIC_API_KEY', embedded: true },
  { re: /^sk-or-v1-[a-f0-9]{32,}$/, label: 'OpenRouter API key', env: 'OPENROUTER_API_KEY', embedded: true },
  { re: /^sk-[A-Za-z0-9]{32,}$/, label: 'OpenAI-style API key', env: 'OPENAI_API_KEY' },
  { re: /^(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}$/, label: 'GitHub token', env: 'GITHUB_TOKEN', embedded: true },
  { re: /^github_pat_[A-Za-z0-9_]{40,}$/, label: 'GitHub token', env: 'GITHUB_TOKEN', embedded: true },
  { re: /^glpat-[A-Za-z0-9_-]{20,}$/, label: 'GitLab token', env: 'GITLAB_TOKEN', embedded: true },
  { re: /^xox[abposr]-[A-Za-z0-9-]{10,}$/, label: 'Slack token', env: 'SLACK_TOKEN', embedded: true },
  { re: /^(AKIA|ASIA)[0-9A-Z]{16}$/, label: 'AWS access key id', env: 'AWS_ACCESS_KEY_ID', embedded: true },
  { re: /^AIza[0-9A-Za-z_-]{35}$/, label: 'Google API key', env: 'GOOGLE_API_KEY', embedded: true },
  { re: /^hf_[A-Za-z0-9]{30,}$/, label: 'Hugging Face token', env: 'HF_TOKEN', embedded: true },
  { re: /^(sk|rk)_live_[A-Za-z0-9]{20,}$/, label: 'Stripe secret key', env: 'STRIPE_SECRET_KEY', embedded: true },
  { re: /^gsk_[A-Za-z0-9]{40,}$/, label: 'Groq API key', env: 'GROQ_API_KEY', embedded: true },
  { re: /^xai-[A-Za-z0-9]{40,}$/, label: 'xAI API key', env: 'XAI_API_KEY', embedded: true },
  { re: /^r8_[A-Za-z0-9]{30,}$/, label: 'Replicate token', env: 'REPLICATE_API_TOKEN', embedded: true },
  { re: /^pplx-[A-Za-z0-9]{40,}$/, label: 'Perplexity API key', env: 'PERPLEXITY_API_KEY', embedded: true },
  { re: /^tvly-[A-Za-z0-9-]{20,}$/, label: 'Tavily API key', env: 'TAVILY_API_KEY', embedded: true },
  { re: /^pcsk_[A-Za-z0-9_]{40,}$/, label: 'Pinecone API key', env: 'PINECONE_API_KEY', embedded: true },
  { re: /^lsv2_(pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}$/, label: 'LangSmith API key', env: 'LANGSMITH_API_KEY', embedded: true },
  { re: /^sk-lf-[a-f0-9-]{30,}$/, label: 'Langfuse secret key', env: 'LANGFUSE_SECRET_KEY', embedded: true },
  { re: /^SG\.[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}$/, label: 'SendGrid API key', env: 'SENDGRID_API_KEY', embedded: true },
  { re: /^GOCSPX-[A-Za-z0-9_-]{28}$/, label: 'Google OAuth client secret', env: 'GOOGLE_CLIENT_SECRET', embedded: true },
  { re: /^whsec_[A-Za-z0-9+/=]{24,}$/, label: 'webhook signing secret', env: 'WEBHOOK_SECRET', embedded: true },
  { re: /^npm_[A-Za-z0-9]{36}$/, label: 'npm token', env: 'NPM_TOKEN', embedded: true },
  { re: /^lin_api_[A-Za-z0-9]{40}$/, label: 'Linear API key', env: 'LINEAR_API_KEY', embedded: true },
  { re: /^(secret|ntn)_[A-Za-z0-9]{40,}$/, label: 'Notion token', env: 'NOTION_TOKEN' },
  { re: /^eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}$/, label: 'JSON Web Token', env: 'API_TOKEN', needsPlace: true },
  { re: /^-----BEGIN (RSA |EC |DSA |OPENSSH |ENCRYPTED |)PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/, label: 'private key', env: 'PRIVATE_KEY', embedded: true },
];

/** Words of credential places, for a cheap per-file test (`credentialPlace` decides). */
const CREDENTIAL_WORD = /key|token|secret|passw|pwd|passphrase|credential|auth|bearer/i;

/** Every known format starts with one of these: one test rules out ordinary strings. */
const KEY_PREFIX = /sk-|sk_|rk_|gh[pousr]_|github_pat_|glpat-|xox[abposr]-|AKIA|ASIA|AIza|hf_|gsk_|xai-|r8_|pplx-|tvly-|pcsk_|lsv2_|SG\.|npm_|lin_api_|secret_|ntn_|eyJ|GOCSPX-|whsec_|-----BEGIN/;

/** The same formats, found inside longer text: bounded by anything a key cannot contain. */
const EMBEDDED_FORMATS = KEY_FORMATS.filter((f) => f.embedded).map((f) => ({
  ...f,
  re: new RegExp(`(?<![A-Za-z0-9_-])${f.re.source.replace(/^\^/, '').replace(/\$$/, '')}(?![A-Za-z0-9_-])`, 'g'),
}));

/** `scheme://user:password@host`: the password group of a URL's userinfo. */
const URL_USERINFO = /:\/\/[^/:@\s]+:[^@/\s]+@/;
const CONNECTION_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/:@\s]+:([^@/\s$]+)@[^\s]/i;

/** Keys that are public by design (they ship to browsers) or only work against a provider's test mode. */
const NOT_SECRET_FORMATS = [/^pk_(live|test)_/, /^pk\.[A-Za-z0-9]/, /^(sk|rk)_test_/, /^pk-lf-/];

const PLACEHOLDER =
  /(your|my|insert|replace|enter|put|add)[-_ ]?(own[-_ ]?)?(openai[-_ ]?|anthropic[-_ ]?)?(api[-_ ]?)?(key|token|secret|password)|x{4,}|\*{3,}|\.\.\.|…|^<.*>$|\{\{.*\}\}|\$\{|changeme|change[-_]me|example|placeholder|dummy|^test|[-_]test$|[-_]test[-_]|fake|sample|redacted|todo|not[-_]?a[-_]?real|^(none|null|undefined|secret|password|token)$/i;

/** Words of a credential place: `apiKey`, `GITHUB_TOKEN`, `client_secret`, `Authorization`. */
const SECRET_WORDS = new Set(['token', 'secret', 'password', 'passwd', 'pwd', 'passphrase', 'credential', 'credentials', 'apikey', 'bearer', 'authorization', 'auth']);
/** `<x>Key` is a credential unless x says what else the key is (a cache key, a React key, a public key). */
const NON_SECRET_KEY_KINDS = new Set(['cache', 'storage', 'local', 'session', 'map', 'sort', 'primary', 'foreign', 'partition', 'idempotency', 'dedupe', 'dedup', 'lookup', 'object', 'row', 'i18n', 'translation', 'message', 'hot', 'shortcut', 'react', 'query', 'group', 'item', 'list', 'route', 'state', 'store', 'field', 'column', 'table', 'index', 'event', 'metric', 'feature', 'flag', 'config', 'setting', 'settings', 'bucket', 'cursor', 'page', 'site', 'public', 'publishable', 'anon', 'unique', 'composite', 'sharding', 'shard', 'redis', 's3', 'file', 'env', 'header', 'param', 'prop', 'form', 'label', 'dict', 'hash']);
/** The place holds something about a credential, not the credential: `secretName`, `tokenUrl`, `apiKeyHeader`. */
const METADATA_WORDS = new Set(['name', 'names', 'id', 'ids', 'arn', 'path', 'file', 'url', 'uri', 'endpoint', 'host', 'header', 'headers', 'field', 'env', 'var', 'variable', 'type', 'hash', 'hashed', 'digest', 'checksum', 'sha', 'sha256', 'prefix', 'suffix', 'pattern', 'regex', 're', 'label', 'ref', 'length', 'len', 'count', 'limit', 'expiry', 'expires', 'expiration', 'ttl', 'format', 'kind', 'mode', 'version', 'provider', 'scope', 'scopes', 'usage', 'location', 'param', 'parameter', 'policy', 'rotation', 'error', 'message', 'status', 'required']);
/** Places whose text is illustration, even when it matches a real key format. */
const ILLUSTRATIVE_WORDS = new Set(['placeholder', 'example', 'examples', 'sample', 'description', 'hint', 'help', 'doc', 'docs', 'title', 'tooltip', 'comment']);
const PUBLIC_WORDS = new Set(['public', 'publishable', 'anon', 'anonymous']);
/** Neighbours that mark a Firebase or similar web-app config, whose `apiKey` is a public identifier. */
const PUBLIC_CONFIG_SIBLINGS = ['authDomain', 'messagingSenderId', 'storageBucket', 'measurementId'];

type PlaceKind = 'password' | 'key' | 'illustrative' | 'metadata';

/** What kind of value a name holds, as far as credentials go. */
function credentialPlace(name: string): PlaceKind | undefined {
  const ws = words(name);
  if (ws.length === 0) return undefined;
  if (ws.some((w) => ILLUSTRATIVE_WORDS.has(w))) return 'illustrative';
  if (ws.some((w) => PUBLIC_WORDS.has(w))) return 'metadata';
  const last = ws[ws.length - 1];
  if (METADATA_WORDS.has(last)) return 'metadata';
  if (ws.some((w) => w === 'password' || w === 'passwd' || w === 'pwd' || w === 'passphrase')) return 'password';
  if (ws.some((w) => SECRET_WORDS.has(w))) return 'key';
  const keyAt = ws.lastIndexOf('key');
  if (keyAt === ws.length - 1 && keyAt > 0 && !NON_SECRET_KEY_KINDS.has(ws[keyAt - 1])) return 'key';
  if (keyAt >= 0 && ws.length > 1 && ws.includes('api')) return 'key';
  return undefined;
}

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

/** `abcdef`, `123456`, `aaaaaa`: runs a random key almost never has, and made-up ones almost always do. */
function looksMadeUp(v: string): boolean {
  let asc = 1;
  let same = 1;
  for (let i = 1; i < v.length; i++) {
    const d = v.charCodeAt(i) - v.charCodeAt(i - 1);
    asc = d === 1 ? asc + 1 : 1;
    same = d === 0 ? same + 1 : 1;
    if (asc >= 5 || same >= 5) return true;
  }
  return false;
}

/** `app.auth.token`, `prod/openai/api-key`, `x-api-key`: names made of words, not random text. */
function isWordsOnly(v: string): boolean {
  return v.split(/[._\-/:@]+/).every((seg) => seg === '' || /^([A-Z]?[a-z]+|[A-Z]+|\d{1,4})$/.test(seg));
}

/** The `role` claim of a JWT: Supabase keys say `anon` (public) or `service_role` (full access). */
function jwtRole(v: string): string | undefined {
  const payload = v.split('.')[1];
  if (!payload) return undefined;
  const json = Buffer.from(payload.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  return /"role"\s*:\s*"([^"]+)"/.exec(json)?.[1];
}

export interface SecretMatch {
  label: string;
  env?: string;
  /** Where the secret sits in the literal's value (after a `Bearer ` scheme, or inside longer text). */
  start: number;
  end: number;
}

const MAX_SCANNED_TEXT = 20_000;
const SCHEME = /^(Bearer|Basic|token)\s+/i;
const ILLUSTRATION = /\b(e\.g\.|for example|example|such as|like|looks like|placeholder|sample)\b/i;

/**
 * A value that looks like a real secret, not a placeholder, a name or prose. Known key formats
 * count anywhere (also inside longer text); other values only in a place named for a credential
 * (`place`), and there only when they look random enough.
 */
function looksLikeSecret(value: string, place: PlaceKind | undefined, knownFormatsOnly = false): SecretMatch | undefined {
  if (place === 'illustrative') return undefined;
  const offset = SCHEME.exec(value)?.[0].length ?? 0;
  const v = value.slice(offset).trimEnd();
  const whole = { start: offset, end: offset + v.length };
  // postgres://user:password@host/db: a password inside a connection string.
  const userinfo = CONNECTION_PASSWORD.exec(v);
  if (userinfo && !PLACEHOLDER.test(userinfo[1]) && userinfo[1].length >= 6 && !looksMadeUp(userinfo[1]) && [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(userinfo[1])).length >= 2) {
    return { label: 'password in a connection string', env: 'DATABASE_URL', ...whole };
  }
  if (!v || PLACEHOLDER.test(v) || NOT_SECRET_FORMATS.some((re) => re.test(v))) return undefined;
  const formatted = KEY_PREFIX.test(value);
  for (const f of formatted ? KEY_FORMATS : []) {
    if (!f.re.test(v)) continue;
    const role = f.label === 'JSON Web Token' ? jwtRole(v) : undefined;
    if (role === 'anon') return undefined;
    const privileged = role === 'service_role' || role === 'admin';
    if (f.needsPlace && !privileged && (knownFormatsOnly || (place !== 'key' && place !== 'password'))) return undefined;
    if (f.label !== 'private key' && looksMadeUp(v)) return undefined;
    return { label: f.label, env: f.env, ...whole };
  }
  // Generated blobs can be megabytes long: only whole values are checked there.
  if (formatted && value.length <= MAX_SCANNED_TEXT && !ILLUSTRATION.test(value)) {
    for (const f of EMBEDDED_FORMATS) {
      for (const m of value.matchAll(f.re)) {
        if (PLACEHOLDER.test(m[0]) || (f.label !== 'private key' && looksMadeUp(m[0]))) continue;
        return { label: f.label, env: f.env, start: m.index, end: m.index + m[0].length };
      }
    }
  }
  if (knownFormatsOnly || (place !== 'key' && place !== 'password')) return undefined;
  if (/\s/.test(v) || /^[A-Z][A-Z0-9_]+$/.test(v) || /^[a-z][a-z0-9+.-]*:\/\//i.test(v) || /^[./~]/.test(v) || isWordsOnly(v) || looksMadeUp(v)) return undefined;
  if (/^(gpt|claude|gemini|o\d|text-embedding|llama|mistral|grok|command|deepseek)/i.test(v)) return undefined;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(v)).length;
  if (place === 'password') return v.length >= 8 && (classes >= 3 || (v.length >= 12 && classes >= 2 && entropy(v) >= 3)) ? { label: 'password', ...whole } : undefined;
  return v.length >= 16 && classes >= 2 && entropy(v) >= 3.2 ? { label: 'credential', ...whole } : undefined;
}

/** Climbs from a literal through `??`/`||` fallbacks, casts, conditionals and `'Bearer ' + ...` to the expression a place holds. */
function placeExpression(lit: Node): Node {
  let cur: Node = lit;
  for (;;) {
    const parent = cur.getParent();
    if (!parent) return cur;
    const climb =
      Node.isAsExpression(parent) ||
      Node.isParenthesizedExpression(parent) ||
      Node.isSatisfiesExpression(parent) ||
      Node.isNonNullExpression(parent) ||
      (Node.isBinaryExpression(parent) && parent.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) ||
      (Node.isConditionalExpression(parent) && parent.getCondition() !== cur);
    if (!climb) return cur;
    cur = parent;
  }
}

interface Place {
  /** The name of the property, variable, parameter or header the literal fills. */
  name: string;
  /** Enclosing object property names, outermost first: `openai.apiKey` for `{ openai: { apiKey } }`. */
  path: string[];
}

/** The property, variable or parameter a literal is assigned to, or the header or setter it fills. */
function placeOf(lit: Node): Place | undefined {
  const cur = placeExpression(lit);
  const parent = cur.getParent();
  if (!parent) return undefined;
  if (Node.isPropertyAssignment(parent) && parent.getInitializer() === cur) {
    const path: string[] = [];
    let obj: Node | undefined = parent.getParent();
    while (obj && Node.isObjectLiteralExpression(obj)) {
      const holder = obj.getParent();
      if (!holder || !Node.isPropertyAssignment(holder)) break;
      path.unshift(unquote(holder.getName()));
      obj = holder.getParent();
    }
    return { name: unquote(parent.getName()), path };
  }
  if (Node.isVariableDeclaration(parent) && parent.getInitializer() === cur) return { name: parent.getName(), path: [] };
  if ((Node.isPropertyDeclaration(parent) || Node.isParameterDeclaration(parent)) && parent.getInitializer() === cur) return { name: parent.getName(), path: [] };
  if (Node.isJsxAttribute(parent)) return { name: parent.getNameNode().getText(), path: [] };
  if (Node.isBinaryExpression(parent) && parent.getOperatorToken().getKind() === SyntaxKind.EqualsToken && parent.getRight() === cur) {
    const left = parent.getLeft();
    if (Node.isElementAccessExpression(left)) {
      const arg = left.getArgumentExpression();
      if (arg && Node.isStringLiteral(arg)) return { name: arg.getLiteralValue(), path: [] };
    }
    if (Node.isPropertyAccessExpression(left)) return { name: left.getName(), path: [] };
    return { name: left.getText(), path: [] };
  }
  if (Node.isCallExpression(parent)) {
    const callee = parent.getExpression();
    const calleeName = Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText();
    const args = parent.getArguments();
    const i = args.indexOf(cur);
    // headers.set('Authorization', 'Bearer ...'), setHeader('x-api-key', '...')
    if (i === 1 && Node.isStringLiteral(args[0])) return { name: args[0].getLiteralValue(), path: [] };
    // setApiKey('...'), setDefaultOpenAIKey('...'), login('...')
    if (i === 0 && /^(set\w*(Key|Token|Secret|Password|Credentials?)|login|authenticate)$/i.test(calleeName)) return { name: calleeName.replace(/^set/, ''), path: [] };
  }
  return undefined;
}

function unquote(s: string): string {
  return s.replace(/^['"`]|['"`]$/g, '');
}

/** `{ apiKey: '...', authDomain: '...', projectId: '...' }`: a Firebase-style web config, public by design. */
function inPublicWebConfig(lit: Node): boolean {
  const prop = placeExpression(lit).getParent();
  const obj = prop?.getParent();
  if (!prop || !Node.isPropertyAssignment(prop) || !obj || !Node.isObjectLiteralExpression(obj)) return false;
  return PUBLIC_CONFIG_SIBLINGS.some((s) => obj.getProperty(s));
}

/** Object keys that only organise options (`requestInit.headers.Authorization`): they say nothing about whose key it is. */
const STRUCTURAL_WORDS = new Set(['headers', 'options', 'opts', 'config', 'configuration', 'settings', 'params', 'init', 'requestinit', 'defaults', 'common', 'body', 'auth', 'credentials', 'env', 'data', 'fetchoptions', 'clientoptions']);
const GENERIC_PLACE_WORDS = new Set(['api', 'key', 'apikey', 'token', 'secret', 'password', 'auth', 'access', 'bearer', 'authorization', 'credential', 'credentials', 'x', 'private']);

function toEnvName(parts: string[]): string {
  return parts
    .flatMap((p) => words(p))
    .join('_')
    .toUpperCase();
}

/** The env var the fix reads: the SDK's own, else one named after the place, else the key format's usual one. */
function envNameFor(client: SdkClient | undefined, place: Place | undefined, match: SecretMatch): string {
  const fromClient = client?.row.defaultEnv?.[0];
  if (fromClient) return fromClient;
  const owner = place?.path.filter((p) => !STRUCTURAL_WORDS.has(p.toLowerCase())).slice(-1) ?? [];
  const placeName = place && credentialPlace(place.name) ? toEnvName([...owner, place.name]) : undefined;
  // `githubToken`, `openai.apiKey` say whose key it is; a bare `apiKey` or `Authorization` does not.
  const specific = placeName && placeName.split('_').some((w) => !GENERIC_PLACE_WORDS.has(w.toLowerCase()));
  if (specific) return placeName;
  if (match.env) return match.env;
  const generic = placeName?.replace(/^X_/, '');
  return !generic || /^(AUTHORIZATION|BEARER|AUTH)$/.test(generic) ? 'API_TOKEN' : generic;
}

/** A template literal's text for a cooked string value. */
function templateText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

function fixFor(lit: Node, value: string, match: SecretMatch, env: string, optionalOption: boolean): FindingFix {
  const file = lit.getSourceFile().getFilePath();
  const isTs = /\.[cm]?tsx?$/.test(file);
  const read = `process.env.${env}`;
  const parent = lit.getParent();
  // `process.env.X ?? 'sk-...'`: the fallback is the leak; the env read stays.
  if (parent && Node.isBinaryExpression(parent) && parent.getRight() === lit && envVarName(parent.getLeft())) {
    const kind = parent.getOperatorToken().getKind();
    if (kind === SyntaxKind.QuestionQuestionToken || kind === SyntaxKind.BarBarToken) {
      return { title: 'Remove the hard-coded fallback', kind: 'suggestion', edits: [{ file, start: parent.getStart(), end: parent.getEnd(), newText: parent.getLeft().getText() }] };
    }
  }
  const before = value.slice(0, match.start);
  const after = value.slice(match.end);
  // A key inside longer text (`Bearer sk-...`) becomes a substitution; a whole key becomes the env read.
  let newText = before || after ? `\`${templateText(before)}\${${read}}${templateText(after)}\`` : isTs && !optionalOption ? `${read}!` : read;
  if (parent && Node.isJsxAttribute(parent)) newText = `{${newText}}`;
  return { title: `Read the credential from ${read}`, kind: 'suggestion', edits: [{ file, start: lit.getStart(), end: lit.getEnd(), newText }] };
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
    // Literals that SDK clients authenticate with, wherever they are declared: used for auth even without a key format.
    const clientLiterals = new Map<Node, SdkClient>();
    for (const client of ctx.model.clients()) {
      if (client.credential.kind === 'literal' && client.credential.literal) clientLiterals.set(client.credential.literal, client);
    }
    const clientFiles = new Set([...clientLiterals.keys()].map((n) => n.getSourceFile()));
    for (const sf of ctx.model.sourceFiles) {
      if (!ctx.isTarget(sf)) continue;
      // A file with no key-shaped text and no credential-like word has nothing to report.
      if (!clientFiles.has(sf) && !KEY_PREFIX.test(sf.getFullText()) && !CREDENTIAL_WORD.test(sf.getFullText()) && !URL_USERINFO.test(sf.getFullText())) continue;
      // Test fixtures are full of made-up keys; only real key formats count there.
      const knownFormatsOnly = isTestFile(sf.getFilePath(), ctx.config.root);
      for (const node of descendantsOfKinds(sf, [SyntaxKind.StringLiteral, SyntaxKind.NoSubstitutionTemplateLiteral], (n) => (n as ts.StringLiteral).text.length >= 8)) {
        const value = node.getLiteralValue();
        if (value.length < 8) continue;
        const parent = node.getParent();
        if (!parent || Node.isImportDeclaration(parent) || Node.isExportDeclaration(parent) || Node.isExternalModuleReference(parent) || Node.isLiteralTypeNode(parent)) continue;
        if (Node.isPropertyAssignment(parent) && parent.getNameNode() === node) continue;
        const client = clientLiterals.get(node);
        const place = placeOf(node);
        const placeKind = place ? credentialPlace(place.name) : undefined;
        // Most strings are neither in a credential place nor shaped like a key.
        if (!client && placeKind !== 'key' && placeKind !== 'password' && !KEY_PREFIX.test(value) && !URL_USERINFO.test(value)) continue;
        if (placeKind !== 'illustrative' && inPublicWebConfig(node)) continue;
        const match = looksLikeSecret(value, client && placeKind !== 'illustrative' ? (placeKind === 'password' ? 'password' : 'key') : placeKind, knownFormatsOnly);
        if (!match) continue;
        const env = envNameFor(client, place, match);
        const where = client ? `the ${client.provider} client's \`${place?.name ?? 'credential'}\`` : place ? `\`${[...place.path, place.name].join('.')}\`` : 'code';
        const directOption = !!client && Node.isPropertyAssignment(placeExpression(node).getParent());
        ctx.report({
          node,
          message: `Hard-coded ${match.label} \`${maskSecret(value.slice(match.start, match.end))}\` in ${where}: anyone who can read this code or its history can use it, and it cannot be rotated or scoped to one agent without a code change. Move it to a secret store or an environment variable and read it at runtime (process.env.${env}).`,
          related: client ? [{ node: client.node, message: `the ${client.provider} client that authenticates with this ${match.label}` }] : [],
          fixes: [fixFor(node, value, match, env, directOption)],
        });
      }
    }
  },
});
