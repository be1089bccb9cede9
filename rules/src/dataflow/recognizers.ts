/**
 * Default knowledge of sanitizers, loggers, spans, allow-list checks, sensitive names and
 * dangerous sinks, extended by the config. Names are matched, never executed.
 */
import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import type { ResolvedConfig } from '../config/load.js';
import type { AgentModel } from '../model/model.js';
import { envVarName, unwrap } from '../model/model.js';

const REDACTOR_NAME = /^(redact|mask|scrub|anonymi[sz]e|pseudonymi[sz]e|deidentify|deIdentify|sanitize(Pii|PII|Personal|Sensitive|ForPrompt|ForLlm|ForLLM|Prompt|Input)|strip(Pii|PII|Secrets|Sensitive)|remove(Pii|PII|Sensitive)|filter(Pii|PII)|obfuscate|hash(Pii|PII)|tokenizePii|cleanPii|detectAndRedact)/i;
const LOGGER_PACKAGES = ['pino', 'winston', 'bunyan', 'log4js', 'loglevel', 'consola', 'signale', 'roarr', 'tslog', '@opentelemetry/api', '@opentelemetry/api-logs', 'dd-trace', '@sentry/node', 'langfuse', 'langsmith', '@langfuse/tracing', '@arizeai/openinference-core', 'helicone'];
const LOGGER_RECEIVER = /^(logger|log|auditLog(ger)?|audit|auditor|auditTrail|telemetry|tracer|span|activeSpan|rootSpan|trace|langfuse|observability|metrics|events?Logger|reqLogger|requestLogger)$/i;
const LOGGER_METHOD = /^(info|warn|warning|error|debug|trace|fatal|log|audit|record|event|emit|write|addEvent|setAttribute|setAttributes|recordException|child|generation|span|score)$/;
const SPAN_CALL = /^(startActiveSpan|startSpan|withSpan|traceable|observe|observeOpenAI|wrapOpenAI|wrapAISDK|wrapAISDKModel|wrapLanguageModel|instrument|withTrace|withTracing|traced|getTracer|trace)$/;
const ALLOW_CHECK_NAME = /^(is|assert|ensure|check|validate|verify|require)(Allowed|Allowlisted|Whitelisted|Permitted|Approved|Safe|Trusted|Valid)?\w*(Host|Url|URL|Domain|Path|Command|Cmd|Table|Query|Origin|Allowed|Allowlist|Permitted|Approved)\w*$|^(allowList|allowlist|whitelist|isAllowed|assertAllowed|ensureAllowed)/;

/** Property or variable names that carry personal data or secrets. */
export const DEFAULT_SENSITIVE_FIELDS = [
  'ssn', 'socialSecurityNumber', 'sin', 'nationalId', 'taxId', 'tin', 'passport', 'passportNumber', 'driversLicense', 'driverLicense',
  'email', 'emailAddress', 'phone', 'phoneNumber', 'mobile', 'address', 'streetAddress', 'homeAddress', 'postalCode', 'zip', 'zipCode',
  'dob', 'dateOfBirth', 'birthDate', 'birthday', 'firstName', 'lastName', 'fullName', 'creditCard', 'cardNumber', 'ccNumber', 'cvv', 'cvc',
  'iban', 'accountNumber', 'routingNumber', 'bankAccount', 'password', 'passwd', 'secret', 'apiKey', 'token', 'accessToken', 'refreshToken',
  'authorization', 'cookie', 'cookies', 'sessionToken', 'diagnosis', 'medicalRecord', 'medicalHistory', 'mrn', 'insuranceNumber',
  'healthRecord', 'prescription', 'salary', 'income', 'ipAddress', 'geolocation', 'biometric',
];
/** Whole records about people: sensitive when passed whole, or with a personal field read from them. */
const PERSON_WORDS = new Set(['user', 'users', 'customer', 'customers', 'employee', 'employees', 'member', 'members', 'applicant', 'applicants', 'person', 'people', 'account', 'accounts', 'profile', 'profiles', 'contact', 'contacts', 'cardholder', 'subscriber', 'subscribers', 'student', 'students', 'guest', 'guests', 'tenant', 'borrower', 'borrowers', 'candidate', 'candidates', 'claimant', 'policyholder', 'buyer', 'shopper', 'client']);
const HEALTH_WORDS = new Set(['patient', 'patients', 'ehr', 'phi']);
/** `userProfile`, `customerRecord`, `patientChart`: a record about the person named before it. */
const RECORD_SUFFIXES = new Set(['profile', 'record', 'records', 'details', 'info', 'data', 'pii', 'chart', 'file', 'row', 'doc', 'document', 'entity', 'obj', 'object', 'json']);
const RECORD_PREFIXES = /^(current|target|the|my|raw|full|new|existing|db|matched|found|logged|loggedIn|authenticated|selected)(?=[A-Z_])/;
const PERSON_FIELDS = new Set(['name', 'fullName', 'firstName', 'lastName', 'displayName', 'surname', 'givenName', 'familyName', 'birthdate', 'age', 'gender', 'location', 'records', 'history', 'notes', 'details', 'info', 'record', 'pii', 'personal', 'personalInfo', 'medical', 'health', 'financial', 'billing', 'payment']);
const REQUEST_NAME = /^(req|request|ctx|context|event|c|incomingRequest|httpRequest)$/;
const CREDENTIAL_HEADER = /authorization|cookie|token|session|api[-_]?key|secret|password|jwt|bearer|x-amz-security|proxy-authorization/i;
/** Reads of these are never sensitive on their own. */
const BENIGN_FIELDS = /^(id|uuid|_id|userId|customerId|tier|plan|status|role|type|kind|createdAt|updatedAt|length|count|locale|language|timezone|country|currency|preferences|settings|question|message|query|prompt|text|content|input|body|topic|title|subject)$/;
/** Trailing words that keep a compound about its head noun: emailAddress, phoneNumber, ssnLast4, passwordHash. */
const SENSITIVE_QUALIFIERS = new Set(['address', 'number', 'num', 'no', 'last4', 'digits', 'hash', 'value', 'raw', 'plain', 'plaintext', 'line1', 'line2', 'line']);
const COMPOUND_SENSITIVE_NOUNS = new Set(['email', 'ssn', 'phone', 'dob', 'passport', 'iban', 'diagnosis', 'cookie', 'cookies', 'apikey', 'birthdate', 'birthday', 'salary', 'mrn']);
const SECRET_KEY_KINDS = new Set(['api', 'secret', 'private', 'access', 'signing', 'encryption', 'auth', 'license', 'master', 'service', 'admin']);
const NON_SECRET_TOKEN_KINDS = new Set(['page', 'next', 'prev', 'previous', 'cursor', 'continuation', 'sync', 'max', 'min', 'csrf', 'cancel', 'cancellation', 'stop', 'end', 'start', 'special', 'eos', 'bos', 'pad', 'input', 'output', 'prompt', 'completion', 'reasoning']);
const TECHNICAL_ADDRESS_KINDS = new Set(['server', 'host', 'contract', 'wallet', 'mac', 'bind', 'listen', 'memory', 'base', 'proxy', 'node', 'peer', 'socket', 'network', 'web', 'smtp', 'local', 'listening']);
const SECRET_ENV = /(KEY|TOKEN|SECRET|PASSWORD|PASSWD|PWD|CREDENTIAL|PRIVATE|AUTH|COOKIE|SESSION|DSN|CONN(ECTION)?_STRING|DATABASE_URL)/i;

export class Recognizers {
  private readonly sensitive: Set<string>;
  private readonly sensitiveLower: Set<string>;

  constructor(
    private readonly model: AgentModel,
    private readonly config: ResolvedConfig,
  ) {
    this.sensitive = new Set([...DEFAULT_SENSITIVE_FIELDS, ...config.sensitiveFields]);
    this.sensitiveLower = new Set([...this.sensitive].map((s) => s.toLowerCase()));
  }

  /** `redactPII(x)`, `mask.email(x)`, configured `privacy.scrub(x)`: output is safe to send. */
  isRedactor(call: CallExpression): boolean {
    const text = call.getExpression().getText();
    const last = lastSegment(text);
    if (this.config.redactors.some((r) => r === text || r === last || lastSegment(r) === last)) return true;
    return REDACTOR_NAME.test(last) || (/^(redact|mask|scrub|anonymi[sz]e|pii|privacy|dlp)/i.test(firstSegment(text)) && text.includes('.'));
  }

  /** A structured log, audit event or trace span write. console.* is not structured and does not count. */
  isLoggerCall(call: CallExpression): boolean {
    const callee = call.getExpression();
    const text = callee.getText();
    if (/^console\./.test(text)) return false;
    const last = lastSegment(text);
    if (this.config.loggers.some((l) => l === text || l === last || (l.includes('.') ? false : firstSegment(text) === l))) return true;
    if (SPAN_CALL.test(last)) return true;
    if (Node.isPropertyAccessExpression(callee)) {
      const receiver = unwrap(callee.getExpression());
      const recvName = lastSegment(receiver.getText());
      if (LOGGER_RECEIVER.test(recvName) && LOGGER_METHOD.test(last)) return true;
      if (LOGGER_METHOD.test(last) && this.fromLoggerPackage(receiver)) return true;
      if (/^(span|activeSpan|rootSpan)$/i.test(recvName) && /^(end|setStatus)$/.test(last)) return true;
    }
    if (Node.isIdentifier(callee) && /^(audit|auditLog|logEvent|logAudit|recordAudit|auditEvent|emitAuditEvent|trackEvent|logModelCall|logToolCall)$/i.test(text)) return true;
    return false;
  }

  /** The receiver is (made from) an import of a logging or tracing package. */
  private fromLoggerPackage(receiver: Node): boolean {
    const base = this.model.flatten(receiver, 0);
    if (base?.kind === 'import') return LOGGER_PACKAGES.some((p) => base.module === p || base.module.startsWith(p + '/'));
    const v = this.model.valueOf(receiver);
    if (Node.isCallExpression(v) || Node.isNewExpression(v)) {
      const b = this.model.flatten(v.getExpression(), 0);
      if (b?.kind === 'import') return LOGGER_PACKAGES.some((p) => b.module === p || b.module.startsWith(p + '/'));
    }
    return false;
  }

  /** A call that checks a value against an allow list (configured or by name). */
  isAllowListCall(call: CallExpression): boolean {
    const text = call.getExpression().getText();
    const last = lastSegment(text);
    if (this.config.allowListChecks.some((a) => a === text || a === last)) return true;
    if (ALLOW_CHECK_NAME.test(last)) return true;
    if (['includes', 'has', 'indexOf', 'test', 'startsWith', 'endsWith', 'match', 'some', 'every'].includes(last) && Node.isPropertyAccessExpression(call.getExpression())) return true;
    return false;
  }

  isSensitiveName(name: string): boolean {
    const lower = name.toLowerCase();
    if (this.sensitiveLower.has(lower)) return true;
    // Compounds are sensitive when the personal part is the head noun: customerEmail, billing_address,
    // patientDobValue, authToken, stripeSecretKey; not emailBody, pageToken, serverAddress or cacheKey.
    const parts = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[\s_-]+/).filter(Boolean).map((p) => p.toLowerCase());
    if (parts.length < 2) return false;
    let head = parts.length - 1;
    while (head > 0 && SENSITIVE_QUALIFIERS.has(parts[head])) head--;
    const noun = parts[head];
    const before = parts[head - 1];
    if (noun === 'key') return !!before && SECRET_KEY_KINDS.has(before);
    if (noun === 'token' || noun === 'secret' || noun === 'password' || noun === 'passwd') return !before || !NON_SECRET_TOKEN_KINDS.has(before);
    if (noun === 'address') return !before || !TECHNICAL_ADDRESS_KINDS.has(before);
    if (COMPOUND_SENSITIVE_NOUNS.has(noun)) return true;
    // Multi-word names from the list: customerCreditCard, patientDateOfBirth, userSocialSecurityNumber.
    for (const end of new Set([parts.length, head + 1])) {
      for (let start = 0; start < end - 1; start++) if (this.sensitiveLower.has(parts.slice(start, end).join(''))) return true;
    }
    return false;
  }

  /**
   * Sensitive data read with an access path: `customer.email`, `patient` (whole record),
   * `req.headers.authorization`, `process.env.STRIPE_SECRET_KEY`.
   */
  sensitiveSource(node: Node, path: readonly string[]): { label: string } | undefined {
    const n = node;
    // process.env.SECRET
    if (Node.isPropertyAccessExpression(n) || Node.isElementAccessExpression(n)) {
      const env = envVarName(n);
      if (env && SECRET_ENV.test(env)) return { label: `process.env.${env}` };
      return undefined;
    }
    if (Node.isIdentifier(n) && n.getText() === 'process' && path[0] === 'env') {
      if (path.length === 1) return { label: 'process.env (every environment variable)' };
      if (SECRET_ENV.test(path[1])) return { label: `process.env.${path[1]}` };
      return undefined;
    }
    if (Node.isCallExpression(n)) return this.sensitiveCall(n, path);
    let name: string | undefined;
    if (Node.isIdentifier(n)) name = n.getText();
    else if (Node.isParameterDeclaration(n) || Node.isVariableDeclaration(n) || Node.isBindingElement(n)) name = Node.isIdentifier(n.getNameNode()) ? n.getName() : undefined;
    if (!name) return undefined;
    return this.sensitiveRead(name, path);
  }

  /** A value named `name` read with `path`: `customer.email`, `patient` (whole record), `req.headers.cookie`. */
  private sensitiveRead(name: string, path: readonly string[]): { label: string } | undefined {
    const fields = path.filter((p) => p !== '[]' && !p.endsWith('()'));
    // Raw request headers and cookies.
    if (REQUEST_NAME.test(name)) {
      const i = fields.findIndex((f) => /^(headers|cookies|cookie|signedCookies|session)$/.test(f));
      if (i >= 0 && (i === fields.length - 1 || CREDENTIAL_HEADER.test(fields[i + 1] ?? ''))) {
        return { label: `${name}.${fields.slice(0, i + 2).join('.')}` };
      }
      return undefined;
    }
    const sensitiveField = fields.find((f) => this.isSensitiveName(f));
    if (sensitiveField) {
      return { label: [name, ...fields.slice(0, fields.indexOf(sensitiveField) + 1)].join('.') };
    }
    const record = personRecordKind(name);
    if (record) {
      if (fields.length === 0) return { label: `${name} (whole record)` };
      // Every field of a health record is protected health information; of other records, the personal ones.
      if (PERSON_FIELDS.has(fields[0]) || (record === 'health' && !BENIGN_FIELDS.test(fields[0]))) return { label: `${name}.${fields[0]}` };
      return undefined;
    }
    if (fields.length === 0 && this.isSensitiveName(name) && !BENIGN_FIELDS.test(name)) return { label: name };
    return undefined;
  }

  /**
   * Calls that return sensitive data: `req.header('authorization')`, `request.headers.get('cookie')`,
   * `getCustomer(id)`, `prisma.user.findUnique(...)`, `getApiKey()`. Other calls (message builders such as
   * `user(...)`, formatters) are not sources by their name.
   */
  private sensitiveCall(call: CallExpression, path: readonly string[]): { label: string } | undefined {
    const env = envVarName(call);
    if (env) return SECRET_ENV.test(env) ? { label: env } : undefined;
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee) && !Node.isIdentifier(callee)) return undefined;
    const method = Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText();
    const receiver = Node.isPropertyAccessExpression(callee) ? callee.getExpression().getText().replace(/\s+/g, '') : '';
    const receiverName = lastSegment(receiver.replace(/\(\)$/, ''));
    const arg = call.getArguments()[0];
    const argText = arg && (Node.isStringLiteral(arg) || Node.isNoSubstitutionTemplateLiteral(arg)) ? arg.getLiteralValue() : undefined;
    // Header and cookie getters: Express req.get/header, Hono c.req.header, fetch Headers.get, Next.js cookies().get.
    const headerGetter = /^(header|getHeader|get)$/.test(method) && (REQUEST_NAME.test(receiverName) || /^(headers|cookies|req|request|raw)$/.test(receiverName));
    if (headerGetter) {
      if (argText === undefined) return method === 'header' && !arg ? { label: `${receiver}.header() (every request header)` } : undefined;
      return CREDENTIAL_HEADER.test(argText) ? { label: `${receiver}.${method}('${argText}')` } : undefined;
    }
    const getter = /^(get|find|fetch|load|lookup|read|retrieve|query|select)(One|First|Unique|Many|All|Current)?(.*)$/.exec(method);
    if (!getter) return undefined;
    const noun = getter[3].replace(/(By\w+|OrThrow|FromDb|FromDB|ForPrompt|Record)$/, '').replace(/By\w+$/, '');
    const name = noun ? noun[0].toLowerCase() + noun.slice(1) : receiverName;
    if (!name) return undefined;
    const hit = this.sensitiveRead(name, path);
    return hit && { label: `${call.getExpression().getText().replace(/\s+/g, '')}()${hit.label.slice(name.length)}` };
  }

  /** Env var names that hold secrets. */
  isSecretEnv(name: string): boolean {
    return SECRET_ENV.test(name);
  }
}

/** Whether a name holds a record about a person ('health' for patient data): `customer`, `currentUser`, `patientChart`, `userProfile`. */
function personRecordKind(name: string): 'person' | 'health' | undefined {
  const parts = name.replace(RECORD_PREFIXES, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[\s_]+/).filter(Boolean).map((p) => p.toLowerCase());
  if (parts.length === 0) return undefined;
  const last = parts[parts.length - 1];
  const owner = RECORD_SUFFIXES.has(last) && parts.length > 1 ? parts[parts.length - 2] : last;
  if (HEALTH_WORDS.has(owner) || (owner !== last && HEALTH_WORDS.has(last))) return 'health';
  // A bare `client` is an SDK client far more often than a person.
  if (PERSON_WORDS.has(owner) && !(owner === 'client' && owner === last)) return 'person';
  return undefined;
}

export function lastSegment(text: string): string {
  const cleaned = text.replace(/\?\./g, '.').replace(/\s+/g, '');
  const i = cleaned.lastIndexOf('.');
  return i >= 0 ? cleaned.slice(i + 1) : cleaned;
}

export function firstSegment(text: string): string {
  return text.replace(/\s+/g, '').split(/[.(]/)[0];
}

/** Kinds of dangerous operations a tool argument or model output may reach. */
export type SinkKind = 'shell' | 'filesystem' | 'network' | 'sql' | 'code' | 'html' | 'redirect';

const MODULE_SINKS: Record<string, { kind: SinkKind; names: RegExp; args?: number[] }> = {
  child_process: { kind: 'shell', names: /^(exec|execSync|spawn|spawnSync|execFile|execFileSync|fork)$/, args: [0, 1] },
  execa: { kind: 'shell', names: /^(execa|execaSync|execaCommand|execaCommandSync|\$)$/, args: [0, 1] },
  shelljs: { kind: 'shell', names: /^(exec)$/, args: [0] },
  zx: { kind: 'shell', names: /^\$$/ },
  fs: { kind: 'filesystem', names: /^(readFile|readFileSync|writeFile|writeFileSync|appendFile|appendFileSync|unlink|unlinkSync|rm|rmSync|rmdir|rmdirSync|readdir|readdirSync|createReadStream|createWriteStream|open|openSync|copyFile|copyFileSync|rename|renameSync|mkdir|mkdirSync|stat|statSync|access|chmod|cp|cpSync)$/, args: [0, 1] },
  'fs/promises': { kind: 'filesystem', names: /^(readFile|writeFile|appendFile|unlink|rm|rmdir|readdir|open|copyFile|rename|mkdir|stat|access|chmod|cp)$/, args: [0, 1] },
  'fs-extra': { kind: 'filesystem', names: /^(readFile|writeFile|outputFile|remove|readJson|writeJson|copy|move|readdir|readFileSync|writeFileSync)$/, args: [0, 1] },
  axios: { kind: 'network', names: /^(default|get|post|put|patch|delete|request|head)$/, args: [0] },
  got: { kind: 'network', names: /^(default|get|post|put|patch|delete)$/, args: [0] },
  'node-fetch': { kind: 'network', names: /^(default)$/, args: [0] },
  undici: { kind: 'network', names: /^(fetch|request|stream)$/, args: [0] },
  http: { kind: 'network', names: /^(get|request)$/, args: [0] },
  https: { kind: 'network', names: /^(get|request)$/, args: [0] },
  vm: { kind: 'code', names: /^(runInNewContext|runInThisContext|runInContext|compileFunction|Script)$/, args: [0] },
};

export interface SinkMatch {
  kind: SinkKind;
  /** The arguments that are dangerous when model-controlled. */
  args: Node[];
  label: string;
}

/** Recognizes a dangerous operation; only the arguments that matter are returned (a parameterized query's values are not). */
export function matchSink(call: Node, model: AgentModel): SinkMatch | undefined {
  if (!Node.isCallExpression(call) && !Node.isNewExpression(call)) return undefined;
  const callee = call.getExpression();
  const text = callee.getText().replace(/\s+/g, '');
  const args = call.getArguments();
  const pick = (idx: number[] = [0]) => idx.map((i) => args[i]).filter((a): a is Node => !!a);
  if (Node.isNewExpression(call)) {
    if (text === 'Function') return { kind: 'code', args: pick([0, 1, 2]), label: 'new Function' };
    return undefined;
  }
  if (text === 'eval') return { kind: 'code', args: pick(), label: 'eval' };
  if (text === 'Function') return { kind: 'code', args: pick([0, 1, 2]), label: 'Function' };
  if (callee.getKind() === SyntaxKind.ImportKeyword) return { kind: 'code', args: pick(), label: 'dynamic import()' };
  if (text === 'require' && args[0] && !Node.isStringLiteral(args[0])) return { kind: 'code', args: pick(), label: 'require()' };
  if (text === 'fetch' || text === 'globalThis.fetch' || text === 'window.fetch') return { kind: 'network', args: pick(), label: 'fetch' };
  // page.goto(url) in Playwright / Puppeteer
  if (/\.goto$/.test(text)) return { kind: 'network', args: pick(), label: 'page.goto' };
  // Raw SQL: db.query(sql, params), knex.raw, prisma.$queryRawUnsafe, sequelize.query
  const last = lastSegment(text);
  if (/^(\$queryRawUnsafe|\$executeRawUnsafe|unsafe|raw|exec)$/.test(last) && /(db|sql|knex|prisma|pool|client|conn|connection|database|pg|mysql|sqlite)/i.test(text.split('.')[0] + text)) {
    if (last === 'exec' && !/(db|sqlite|database|conn)/i.test(text)) return undefined;
    return { kind: 'sql', args: pick(), label: text };
  }
  if (/^(query|execute)$/.test(last) && Node.isPropertyAccessExpression(callee) && /(db|sql|pool|pg|mysql|client|conn|connection|database|knex|sequelize|prisma|tx|trx|sqlite|postgres|neon)/i.test(callee.getExpression().getText())) {
    return { kind: 'sql', args: pick(), label: text };
  }
  // const run = promisify(exec): the promisified function is the same sink.
  const value = model.valueOf(callee);
  const promisified = Node.isCallExpression(value) && /(^|\.)promisify$/.test(value.getExpression().getText()) ? value.getArguments()[0] : undefined;
  const base = model.flatten(promisified ?? callee, 0);
  if (base?.kind === 'import') {
    const module = base.module.replace(/^node:/, '');
    const spec = MODULE_SINKS[module];
    const name = base.exportName === '*' || base.exportName === 'default' ? (base.path[0] ?? 'default') : base.exportName;
    const rest = base.exportName === '*' || base.exportName === 'default' ? base.path.slice(1) : base.path;
    const promisesPath = module === 'fs' && rest[0] === 'promises';
    if (spec && rest.length === 0 && spec.names.test(name)) return { kind: spec.kind, args: pick(spec.args), label: `${module}.${name}` };
    if (module === 'fs' && name === 'promises' && rest.length === 1 && MODULE_SINKS['fs/promises'].names.test(rest[0])) return { kind: 'filesystem', args: pick([0, 1]), label: `fs.promises.${rest[0]}` };
    void promisesPath;
  }
  return undefined;
}
