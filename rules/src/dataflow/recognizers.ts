/**
 * Default knowledge of sanitizers, loggers, spans, sensitive names and dangerous sinks, extended
 * by the config (its allow-list checks included; restrictions.ts decides what a check restricts).
 * Names are matched, never executed.
 */
import { Node, SyntaxKind, type CallExpression, type NewExpression } from 'ts-morph';
import type { ResolvedConfig } from '../config/load.js';
import type { AgentModel } from '../model/model.js';
import { argAt, envVarName, propertyOf, unwrap } from '../model/model.js';
import { callMatches, isDeclaredSanitizer, rowPathReached, sinkRowOf, sourceRowsOf } from './rows.js';
import { descendantsOfKinds } from '../util/walk.js';

const REDACTOR_NAME = /^(redact|mask|scrub|anonymi[sz]e|pseudonymi[sz]e|deidentify|deIdentify|sanitize(Pii|PII|Personal|Sensitive|ForPrompt|ForLlm|ForLLM|Prompt|Input)|strip(Pii|PII|Secrets|Sensitive)|remove(Pii|PII|Sensitive)|filter(Pii|PII)|obfuscate|hash(Pii|PII)|tokenizePii|cleanPii|detectAndRedact)/i;
const LOGGER_PACKAGES = ['pino', 'winston', 'bunyan', 'log4js', 'loglevel', 'consola', 'signale', 'roarr', 'tslog', '@opentelemetry/api', '@opentelemetry/api-logs', 'dd-trace', '@sentry/node', 'langfuse', 'langsmith', '@langfuse/tracing', '@arizeai/openinference-core', 'helicone'];
const LOGGER_RECEIVER = /^(logger|log|auditLog(ger)?|audit|auditor|auditTrail|telemetry|tracer|span|activeSpan|rootSpan|trace|langfuse|observability|metrics|events?Logger|reqLogger|requestLogger)$/i;
const LOGGER_METHOD = /^(info|warn|warning|error|debug|trace|fatal|log|audit|record|event|emit|write|addEvent|setAttribute|setAttributes|recordException|child|generation|span|score)$/;
const SPAN_CALL = /^(startActiveSpan|startSpan|startSpanManual|startInactiveSpan|withSpan|traceable|observe|observeOpenAI|wrapOpenAI|wrapAnthropic|wrapGemini|wrapSDK|wrapAISDK|wrapAISDKModel|wrapLanguageModel|startActiveObservation|startObservation|instrument|withTrace|withTracing|traced|getTracer|trace)$/;

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
const PERSON_WORDS = new Set(['user', 'users', 'customer', 'customers', 'employee', 'employees', 'member', 'members', 'applicant', 'applicants', 'person', 'people', 'account', 'accounts', 'profile', 'profiles', 'contact', 'contacts', 'cardholder', 'subscriber', 'subscribers', 'student', 'students', 'guest', 'guests', 'tenant', 'borrower', 'borrowers', 'candidate', 'candidates', 'claimant', 'policyholder', 'buyer', 'shopper', 'client', 'lead', 'leads', 'prospect', 'prospects', 'recipient', 'recipients', 'visitor', 'visitors', 'traveler', 'travelers', 'traveller', 'passenger', 'passengers', 'respondent', 'donor', 'donors', 'resident', 'residents', 'worker', 'workers', 'staff']);
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
/**
 * Tracing that records every model call and tool run of a framework without code at each call, as
 * data: what is on by default, and the project-wide switches that turn it off or on.
 * - @openai/agents traces runs, generations and function tools unless `setTracingDisabled(true)`;
 * - Mastra traces agents, model calls and tools once the Mastra instance configures telemetry or observability;
 * - OpenTelemetry instrumentations (Traceloop, OpenInference) patch the provider SDKs they name;
 * - Sentry's Node SDK instruments OpenAI, Anthropic, Google GenAI and LangChain once tracing is sampled.
 */
const TRACED_BY_DEFAULT = new Set(['openai-agents']);
interface TracingSwitch {
  module: string[];
  export: string;
  /** The argument that flips the switch when true, a positive rate or a configuration object; none: the call itself does. */
  arg?: string;
  turns: 'on' | 'off';
  frameworks: string[];
}
const MASTRA_MODULES = ['@mastra/core', '@mastra/core/mastra'];
const SENTRY_MODULES = ['@sentry/node', '@sentry/nextjs', '@sentry/bun', '@sentry/aws-serverless', '@sentry/google-cloud-serverless'];
const TRACING_SWITCHES: TracingSwitch[] = [
  { module: ['@openai/agents', '@openai/agents-core'], export: 'setTracingDisabled', arg: '0', turns: 'off', frameworks: ['openai-agents'] },
  { module: MASTRA_MODULES, export: 'Mastra', arg: '0.telemetry', turns: 'on', frameworks: ['mastra'] },
  { module: MASTRA_MODULES, export: 'Mastra', arg: '0.observability', turns: 'on', frameworks: ['mastra'] },
  { module: ['@traceloop/node-server-sdk'], export: 'initialize', turns: 'on', frameworks: ['openai', 'anthropic', 'langchain'] },
  { module: ['@arizeai/openinference-instrumentation-openai'], export: 'OpenAIInstrumentation', turns: 'on', frameworks: ['openai'] },
  { module: ['@arizeai/openinference-instrumentation-anthropic'], export: 'AnthropicInstrumentation', turns: 'on', frameworks: ['anthropic'] },
  { module: ['@arizeai/openinference-instrumentation-langchain'], export: 'LangChainInstrumentation', turns: 'on', frameworks: ['langchain'] },
  { module: SENTRY_MODULES, export: 'init', arg: '0.tracesSampleRate|0.tracesSampler', turns: 'on', frameworks: ['openai', 'anthropic', 'google-genai', 'langchain'] },
];
/** LLM gateways that record every request passing through them (a client's base URL points at one). */
const LOGGING_GATEWAY = /helicone\.ai|hconeai\.com|portkey\.ai|gateway\.ai\.cloudflare\.com/;
/**
 * Options that switch on tracing for one call, client or agent, with whether a configuration object
 * without `isEnabled`/`enabled` counts as on: Vercel AI `experimental_telemetry` (off unless isEnabled),
 * Mastra per-call `telemetry` (same settings), LangChain `callbacks` (a handler list).
 */
const TRACING_OPTIONS: Array<[string, boolean]> = [['experimental_telemetry', false], ['telemetry', false], ['callbacks', true]];
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
    return this.isRedactorName(text) || (/^(redact|mask|scrub|anonymi[sz]e|pii|privacy|dlp)/i.test(firstSegment(text)) && text.includes('.')) || isDeclaredSanitizer(call, 'sensitive', this.model);
  }

  /** A function name that redacts: configured (`privacy.scrub` or its last segment) or named like redactPII / maskEmail. */
  isRedactorName(name: string): boolean {
    const last = lastSegment(name);
    return this.config.redactors.some((r) => r === name || r === last || lastSegment(r) === last) || REDACTOR_NAME.test(last);
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
      // appLogger, requestLog, auditTrail, otelTracer: named like a logger (camelCase, so `catalog` is not).
      if ((LOGGER_RECEIVER.test(recvName) || /[a-z0-9](Logger|Log|Tracer|Span|Audit)$/.test(recvName)) && LOGGER_METHOD.test(last)) return true;
      if (LOGGER_METHOD.test(last) && this.fromLoggerPackage(receiver)) return true;
      if (/^(span|activeSpan|rootSpan)$/i.test(recvName) && /^(end|setStatus)$/.test(last)) return true;
    }
    if (Node.isIdentifier(callee) && /^(audit|auditLog|logEvent|logAudit|recordAudit|auditEvent|emitAuditEvent|trackEvent|logModelCall|logToolCall)$/i.test(text)) return true;
    return false;
  }

  private readonly projectTracing = new Map<string, boolean>();

  /** Whether a framework's built-in tracing records every model call and tool run of this project. */
  frameworkTracingOn(framework: string): boolean {
    let on = this.projectTracing.get(framework);
    if (on !== undefined) return on;
    on = TRACED_BY_DEFAULT.has(framework);
    for (const sw of TRACING_SWITCHES) {
      if (!sw.frameworks.includes(framework)) continue;
      for (const call of this.callsOfImport(sw.module, sw.export)) {
        const arg = sw.arg ? argAt(call, sw.arg) : call;
        if (arg && (arg === call || switchedOn(this.model.valueOf(arg), sw.turns === 'on'))) on = sw.turns === 'on';
      }
    }
    this.projectTracing.set(framework, on);
    return on;
  }

  /** Tracing switched on by the options of a call, or of the client or agent construction it runs on. */
  tracingOptionsOn(node: CallExpression | NewExpression): boolean {
    for (const arg of node.getArguments()) {
      const options = this.model.valueOf(arg);
      if (!Node.isObjectLiteralExpression(options)) continue;
      // LangChain also takes them one level down, in a RunnableConfig: `{ config: { callbacks } }`.
      const nested = propertyOf(options, 'config');
      for (const o of [options, nested && this.model.valueOf(nested)]) {
        if (!o || !Node.isObjectLiteralExpression(o)) continue;
        for (const [name, objectMeansOn] of TRACING_OPTIONS) {
          const value = propertyOf(o, name);
          if (value && switchedOn(this.model.valueOf(value), objectMeansOn)) return true;
        }
        const base = propertyOf(o, 'baseURL') ?? propertyOf(o, 'baseUrl') ?? propertyOf(o, 'basePath');
        if (base && LOGGING_GATEWAY.test(this.model.valueOf(base).getText())) return true;
      }
    }
    return false;
  }

  /** Calls and `new` expressions of an import, across the project (files are pre-filtered by text). */
  private callsOfImport(modules: string[], exportName: string): Array<CallExpression | NewExpression> {
    const out: Array<CallExpression | NewExpression> = [];
    for (const file of this.model.filesMentioning(exportName)) {
      for (const n of descendantsOfKinds(file, [SyntaxKind.CallExpression, SyntaxKind.NewExpression])) {
        const callee = n.getExpression();
        if (lastSegment(callee.getText()) !== exportName) continue;
        const base = this.model.flatten(callee, 0);
        if (base?.kind !== 'import') continue;
        const name = base.exportName === '*' || base.exportName === 'default' ? base.path[0] : base.exportName;
        if (name === exportName && modules.includes(base.module)) out.push(n);
      }
    }
    return out;
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

  /** A function the config names as an allow-list check (`allowListChecks`). */
  isConfiguredAllowCheck(call: CallExpression): boolean {
    const text = call.getExpression().getText();
    const last = lastSegment(text);
    return this.config.allowListChecks.some((a) => a === text || a === last) || this.model.dataflowRows.sanitizers.some((r) => (!r.for || r.for.some((k) => SINK_KINDS.has(k))) && callMatches(call, r, this.model));
  }

  isSensitiveName(name: string): boolean {
    const lower = name.toLowerCase();
    if (this.sensitiveLower.has(lower)) return true;
    // Compounds are sensitive when the personal part is the head noun: customerEmail, billing_address,
    // patientDobValue, authToken, stripeSecretKey; not emailBody, pageToken, serverAddress or cacheKey.
    const parts = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[\s_-]+/).filter(Boolean).map((p) => p.toLowerCase());
    if (parts.length < 2) return false;
    // The head noun is the last word, or the word before trailing qualifiers (emailAddress, ssnLast4).
    let head = parts.length - 1;
    while (head > 0 && SENSITIVE_QUALIFIERS.has(parts[head])) head--;
    for (const h of new Set([parts.length - 1, head])) {
      const noun = parts[h];
      const before = parts[h - 1];
      if (noun === 'key' && before && SECRET_KEY_KINDS.has(before)) return true;
      if ((noun === 'token' || noun === 'secret' || noun === 'password' || noun === 'passwd') && !(before && NON_SECRET_TOKEN_KINDS.has(before))) return true;
      if (noun === 'address' && !(before && TECHNICAL_ADDRESS_KINDS.has(before))) return true;
      if (COMPOUND_SENSITIVE_NOUNS.has(noun)) return true;
      // Multi-word names from the list: customerCreditCard, patientDateOfBirth, userSocialSecurityNumber.
      for (let start = 0; start < h; start++) if (this.sensitiveLower.has(parts.slice(start, h + 1).join(''))) return true;
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
    if (Node.isCallExpression(n)) {
      const declared = sourceRowsOf(n, 'sensitive', this.model).find((r) => rowPathReached(r, path));
      if (declared) return { label: `${n.getExpression().getText().replace(/\s+/g, '')}()` };
      return this.sensitiveCall(n, path);
    }
    let name: string | undefined;
    if (Node.isIdentifier(n)) name = n.getText();
    else if (Node.isParameterDeclaration(n) || Node.isVariableDeclaration(n) || Node.isBindingElement(n)) name = Node.isIdentifier(n.getNameNode()) ? n.getName() : undefined;
    if (!name) return undefined;
    return this.sensitiveRead(name, path);
  }

  /** A value named `name` read with `path`: `customer.email`, `patient` (whole record), `req.headers.cookie`, `session.user`. */
  private sensitiveRead(name: string, path: readonly string[]): { label: string } | undefined {
    const fields = path.filter((p) => p !== '[]' && !p.endsWith('()'));
    const label = (upTo: number) => [name, ...fields.slice(0, upTo)].join('.');
    // Raw request headers and cookies; other request fields are judged like any data below.
    if (REQUEST_NAME.test(name)) {
      const i = fields.findIndex((f) => /^(headers|cookies|cookie|signedCookies)$/.test(f));
      if (i >= 0) return i === fields.length - 1 || CREDENTIAL_HEADER.test(fields[i + 1]) ? { label: label(i + 2) } : undefined;
    }
    // `chunk.token`, a bare `token`: in model code these are usually the model's own tokens.
    const streamed = (i: number) => fields[i] === 'token' && /^(chunk|delta|part|stream|step|event|ev)$/i.test(i > 0 ? fields[i - 1] : name);
    const sensitiveField = fields.findIndex((f, i) => this.isSensitiveName(f) && !streamed(i));
    if (sensitiveField >= 0) return { label: label(sensitiveField + 1) };
    // A record about a person, read whole or with a personal field: `customer`, `session.user.name`.
    const names = [name, ...fields];
    for (let i = 0; i < names.length; i++) {
      const record = personRecordKind(names[i]);
      if (!record) continue;
      const next = names[i + 1];
      if (next === undefined) return { label: `${label(i)} (whole record)` };
      // Every field of a health record is protected health information; of other records, the personal ones.
      if (PERSON_FIELDS.has(next) || (record === 'health' && !BENIGN_FIELDS.test(next))) return { label: label(i + 1) };
    }
    if (fields.length === 0 && this.isSensitiveName(name) && !BENIGN_FIELDS.test(name) && name !== 'token') return { label: name };
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

/**
 * Whether a tracing option or switch is on: `true`, a configuration object (on unless it says
 * `enabled: false` / `isEnabled: false`, or, when `objectMeansOn` is false, unless it says it is on),
 * a non-empty handler list, or an expression the analyzer cannot see through (configured elsewhere).
 */
function switchedOn(value: Node, objectMeansOn: boolean): boolean {
  if (value.getKind() === SyntaxKind.TrueKeyword) return true;
  if (value.getKind() === SyntaxKind.FalseKeyword || value.getKind() === SyntaxKind.NullKeyword || value.getKind() === SyntaxKind.UndefinedKeyword) return false;
  if (Node.isArrayLiteralExpression(value)) return value.getElements().length > 0;
  if (Node.isObjectLiteralExpression(value)) {
    const flag = value.getProperty('isEnabled') ?? value.getProperty('enabled');
    if (!flag) {
      // Mastra observability: `{ default: { enabled: true } }`.
      const inner = propertyOf(value, 'default');
      if (inner && Node.isObjectLiteralExpression(inner)) return switchedOn(inner, objectMeansOn);
      return objectMeansOn;
    }
    if (Node.isShorthandPropertyAssignment(flag)) return true;
    const init = Node.isPropertyAssignment(flag) ? flag.getInitializer() : undefined;
    return !!init && init.getKind() !== SyntaxKind.FalseKeyword;
  }
  if (Node.isNumericLiteral(value)) return Number(value.getLiteralValue()) > 0;
  return !Node.isStringLiteral(value);
}

/** Whether a name holds a record about a person ('health' for patient data): `customer`, `currentUser`, `patientChart`, `userProfile`. */
function personRecordKind(name: string): 'person' | 'health' | undefined {
  let parts = name.replace(RECORD_PREFIXES, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[\s_]+/).filter(Boolean).map((p) => p.toLowerCase());
  // `conversationsByUser`, `ordersPerCustomer`: a collection of the head noun, keyed by the person.
  const keyedBy = parts.findIndex((p, i) => i > 0 && (p === 'by' || p === 'per'));
  if (keyedBy > 0) parts = parts.slice(0, keyedBy);
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
const SINK_KINDS = new Set<string>(['shell', 'filesystem', 'network', 'sql', 'code', 'html', 'redirect']);

const MODULE_SINKS: Record<string, { kind: SinkKind; names: RegExp }> = {
  child_process: { kind: 'shell', names: /^(exec|execSync|spawn|spawnSync|execFile|execFileSync|fork)$/ },
  execa: { kind: 'shell', names: /^(execa|execaSync|execaCommand|execaCommandSync|\$)$/ },
  shelljs: { kind: 'shell', names: /^(exec)$/ },
  zx: { kind: 'shell', names: /^\$$/ },
  fs: { kind: 'filesystem', names: /^(readFile|readFileSync|writeFile|writeFileSync|appendFile|appendFileSync|unlink|unlinkSync|rm|rmSync|rmdir|rmdirSync|readdir|readdirSync|createReadStream|createWriteStream|open|openSync|copyFile|copyFileSync|rename|renameSync|mkdir|mkdirSync|stat|statSync|access|chmod|cp|cpSync|symlink|symlinkSync|link|linkSync|truncate|truncateSync)$/ },
  'fs/promises': { kind: 'filesystem', names: /^(readFile|writeFile|appendFile|unlink|rm|rmdir|readdir|open|copyFile|rename|mkdir|stat|access|chmod|cp|symlink|link|truncate)$/ },
  'fs-extra': { kind: 'filesystem', names: /^(readFile|writeFile|outputFile|remove|readJson|writeJson|outputJson|copy|move|readdir|readFileSync|writeFileSync|emptyDir|ensureFile|ensureDir)$/ },
  axios: { kind: 'network', names: /^(default|get|post|put|patch|delete|request|head)$/ },
  got: { kind: 'network', names: /^(default|get|post|put|patch|delete)$/ },
  ky: { kind: 'network', names: /^(default|get|post|put|patch|delete)$/ },
  'node-fetch': { kind: 'network', names: /^(default)$/ },
  'cross-fetch': { kind: 'network', names: /^(default|fetch)$/ },
  superagent: { kind: 'network', names: /^(default|get|post|put|patch|delete|del|head)$/ },
  ofetch: { kind: 'network', names: /^(ofetch|\$fetch|default)$/ },
  undici: { kind: 'network', names: /^(fetch|request|stream)$/ },
  http: { kind: 'network', names: /^(get|request)$/ },
  https: { kind: 'network', names: /^(get|request)$/ },
  vm: { kind: 'code', names: /^(runInNewContext|runInThisContext|runInContext|compileFunction|Script)$/ },
};
/** Any function name of MODULE_SINKS, or a namespace on the way to one (`fs.promises.readFile`). */
const MODULE_SINK_NAME = new RegExp(Object.values(MODULE_SINKS).map((s) => `(?:${s.names.source})`).join('|'));

/** Filesystem functions whose first two arguments are both paths (source and destination). */
const TWO_PATH_FS = /^(copyFile|copyFileSync|rename|renameSync|cp|cpSync|copy|move|symlink|symlinkSync|link|linkSync)$/;
/** Programs that run their arguments as code or commands: `spawn('sh', ['-c', cmd])` is a shell. */
const COMMAND_RUNNERS = /^(.*\/)?(sh|bash|zsh|dash|ksh|fish|cmd|cmd\.exe|powershell|powershell\.exe|pwsh|node|deno|bun|python|python3|perl|ruby|php|osascript|env|xargs|sudo|su|ssh|eval)$/;

export interface SinkMatch {
  kind: SinkKind;
  /** The arguments that are dangerous when model-controlled. */
  args: Node[];
  label: string;
}

/**
 * Recognizes a dangerous operation; only the arguments that matter are returned: the command or
 * binary (not the argument array of a fixed binary), the paths (not the data written), the parts of
 * a URL that choose the host (not its path or query), the SQL text (not a parameterized query's values).
 */
export function matchSink(call: Node, model: AgentModel): SinkMatch | undefined {
  if (!Node.isCallExpression(call) && !Node.isNewExpression(call)) return undefined;
  const callee = call.getExpression();
  const text = callee.getText().replace(/\s+/g, '');
  const args = call.getArguments();
  const pick = (idx: number[] = [0]) => idx.map((i) => args[i]).filter((a): a is Node => !!a);
  const network = (label: string, target = args[0]): SinkMatch => ({ kind: 'network', args: target ? requestOriginParts(target, model) : [], label });
  // A project's own wrappers, declared as sink rows in the config.
  const declared = sinkRowOf(call, model);
  if (declared) {
    return declared.kind === 'network' ? network(text, args[declared.args[0]]) : { kind: declared.kind, args: pick(declared.args), label: text };
  }
  if (Node.isCallExpression(call)) {
    if (text === 'eval') return { kind: 'code', args: pick(), label: 'eval' };
    if (callee.getKind() === SyntaxKind.ImportKeyword) return { kind: 'code', args: pick(), label: 'dynamic import()' };
    if (text === 'require' && args[0] && !Node.isStringLiteral(args[0])) return { kind: 'code', args: pick(), label: 'require()' };
    if (text === 'fetch' || text === 'globalThis.fetch' || text === 'window.fetch') return network('fetch');
    // Bun and Deno runtime APIs
    if (/^(Bun\.file|Bun\.write|Deno\.(readTextFile|readTextFileSync|readFile|readFileSync|writeTextFile|writeTextFileSync|writeFile|writeFileSync|remove|removeSync|open|openSync|readDir|mkdir|rename|copyFile))$/.test(text)) {
      return { kind: 'filesystem', args: pick(/rename|copyFile/.test(text) ? [0, 1] : [0]), label: text };
    }
    if (/^Bun\.(spawn|spawnSync)$/.test(text) && args[0]) {
      const argv = model.valueOf(args[0]);
      const command = Node.isArrayLiteralExpression(argv) ? argv.getElements() : Node.isObjectLiteralExpression(argv) ? [propertyOf(argv, 'cmd')].filter((n): n is Node => !!n) : [args[0]];
      const bin = command[0] && model.valueOf(command[0]);
      const runsShell = !!bin && (Node.isStringLiteral(bin) || Node.isNoSubstitutionTemplateLiteral(bin)) && COMMAND_RUNNERS.test(bin.getLiteralValue());
      return { kind: 'shell', args: runsShell ? command : command.slice(0, 1), label: text };
    }
    // page.goto(url) in Playwright / Puppeteer
    if (/\.goto$/.test(text)) return network('page.goto');
    // Raw SQL: db.query(sql, params), knex.raw, prisma.$queryRawUnsafe, sequelize.query, db.prepare(sql)
    const last = lastSegment(text);
    const sql = (): SinkMatch => ({ kind: 'sql', args: sqlTextArgs(args[0], model), label: text });
    const fromDbDriver = () => Node.isPropertyAccessExpression(callee) && isDatabaseHandle(callee.getExpression(), model);
    if (/^(\$queryRawUnsafe|\$executeRawUnsafe|unsafe|raw|exec)$/.test(last) && (/(db|sql|knex|prisma|pool|client|conn|connection|database|pg|mysql|sqlite)/i.test(text.split('.')[0] + text) || fromDbDriver())) {
      if (last === 'exec' && !/(db|sqlite|database|conn)/i.test(text) && !fromDbDriver()) return undefined;
      return sql();
    }
    if (/^(query|execute|prepare)$/.test(last) && Node.isPropertyAccessExpression(callee) && (/(db|sql|pool|pg|mysql|client|conn|connection|database|knex|sequelize|prisma|tx|trx|sqlite|postgres|neon)/i.test(callee.getExpression().getText()) || fromDbDriver())) {
      // An SDK client of the agent model (an MCP or OpenAI client) is not a database.
      if (model.flatten(callee.getExpression(), 0)?.kind === 'entity') return undefined;
      return sql();
    }
  }
  if (Node.isNewExpression(call) && text === 'Function') return { kind: 'code', args: pick([0, 1, 2]), label: 'new Function' };
  if (Node.isNewExpression(call) && text === 'Deno.Command') return { kind: 'shell', args: pick(shellArgIndexes('spawn', args, model)).map((a, i) => (i === 1 && Node.isObjectLiteralExpression(model.valueOf(a)) ? (propertyOf(model.valueOf(a), 'args') ?? a) : a)), label: text };
  if (Node.isCallExpression(call) && text === 'Function') return { kind: 'code', args: pick([0, 1, 2]), label: 'Function' };
  // A method whose name no module sink has (`res.json()`, `logger.info()`) needs no resolving.
  if (Node.isPropertyAccessExpression(callee) && !MODULE_SINK_NAME.test(callee.getName())) return undefined;
  // const run = promisify(exec): the promisified function is the same sink.
  const value = model.valueOf(callee);
  const promisified = Node.isCallExpression(value) && /(^|\.)promisify$/.test(value.getExpression().getText()) ? value.getArguments()[0] : undefined;
  const base = model.flatten(promisified ?? callee, 0);
  if (base?.kind !== 'import') return undefined;
  const module = base.module.replace(/^node:/, '');
  const name = base.exportName === '*' || base.exportName === 'default' ? (base.path[0] ?? 'default') : base.exportName;
  const rest = base.exportName === '*' || base.exportName === 'default' ? base.path.slice(1) : base.path;
  if (module === 'fs' && name === 'promises' && rest.length === 1 && MODULE_SINKS['fs/promises'].names.test(rest[0])) {
    return { kind: 'filesystem', args: pick(TWO_PATH_FS.test(rest[0]) ? [0, 1] : [0]), label: `fs.promises.${rest[0]}` };
  }
  const spec = MODULE_SINKS[module];
  if (!spec || rest.length !== 0 || !spec.names.test(name)) return undefined;
  const label = `${module}.${name}`;
  if (Node.isNewExpression(call) && spec.kind !== 'code') return undefined;
  switch (spec.kind) {
    case 'shell':
      return { kind: 'shell', args: pick(shellArgIndexes(name, args, model)), label };
    case 'filesystem':
      return { kind: 'filesystem', args: pick(TWO_PATH_FS.test(name) ? [0, 1] : [0]), label };
    case 'network':
      return network(label);
    default:
      return { kind: spec.kind, args: pick(), label };
  }
}

/** SQL drivers and query builders whose handles run raw SQL text. */
const DB_MODULES = /^(pg|pg-pool|mysql|mysql2|mysql2\/promise|better-sqlite3|sqlite3|sqlite|knex|@prisma\/client|sequelize|postgres|@neondatabase\/serverless|@vercel\/postgres|@libsql\/client|mssql|oracledb|duckdb|@planetscale\/database|kysely|drizzle-orm(\/.*)?|typeorm)$/;

/** A handle made by (or imported from) a SQL driver: `kx = knex(...)`, `new Database(file)`, `import sql from 'postgres'`. */
function isDatabaseHandle(receiver: Node, model: AgentModel): boolean {
  const base = model.flatten(receiver, 0);
  return base?.kind === 'import' && DB_MODULES.test(base.module);
}

/** `exec(cmd)` runs a command line; `execFile(bin, args)` runs a fixed binary unless it is a shell or `shell: true` is set. */
function shellArgIndexes(name: string, args: Node[], model: AgentModel): number[] {
  if (!/^(spawn|spawnSync|execFile|execFileSync|fork|execa|execaSync)$/.test(name)) return [0];
  const bin = args[0] ? model.valueOf(args[0]) : undefined;
  const binName = bin && (Node.isStringLiteral(bin) || Node.isNoSubstitutionTemplateLiteral(bin)) ? bin.getLiteralValue() : undefined;
  const options = args.slice(1).map((a) => model.valueOf(a)).find((a) => Node.isObjectLiteralExpression(a));
  const shellOption = options && propertyOf(options, 'shell');
  const usesShell = !!shellOption && shellOption.getKind() !== SyntaxKind.FalseKeyword;
  return (binName && COMMAND_RUNNERS.test(binName)) || usesShell ? [0, 1] : [0];
}

/** The SQL text of a query call: not a tagged template (`sql\`...${x}\``, which parameterizes) and not the values. */
function sqlTextArgs(arg: Node | undefined, model: AgentModel): Node[] {
  if (!arg) return [];
  let text: Node | undefined = arg;
  const value = model.valueOf(arg);
  // pg's query({ text, values }), Apollo-style { query }: only the text is SQL.
  if (Node.isObjectLiteralExpression(value)) text = propertyOf(value, 'text') ?? propertyOf(value, 'sql') ?? propertyOf(value, 'query');
  if (!text) return [];
  return Node.isTaggedTemplateExpression(model.valueOf(text)) ? [] : [text];
}

/** The parts of a request target that choose where it goes: a URL, a Request, or an options object with url/baseURL/host. */
function requestOriginParts(target: Node, model: AgentModel): Node[] {
  const value = model.valueOf(target);
  if (Node.isObjectLiteralExpression(value)) {
    const parts = ['url', 'baseURL', 'prefixUrl', 'host', 'hostname'].map((k) => propertyOf(value, k)).filter((n): n is Node => !!n);
    const base = propertyOf(value, 'baseURL') ?? propertyOf(value, 'prefixUrl');
    const url = propertyOf(value, 'url');
    // A fixed baseURL with a relative url: the url can only pick a path.
    if (base && url && urlOriginParts(base, model).length === 0 && isRelativeUrl(url, model)) return [];
    return parts.flatMap((p) => urlOriginParts(p, model));
  }
  if (Node.isNewExpression(value) && value.getExpression().getText() === 'Request' && value.getArguments()[0]) return urlOriginParts(value.getArguments()[0], model);
  return urlOriginParts(target, model);
}

function isRelativeUrl(n: Node, model: AgentModel): boolean {
  const pieces = urlPieces(model.valueOf(n), model, 0);
  return !!pieces && typeof pieces[0] === 'string' && /^[/?#.]|^[\w-]+(\/|$)/.test(pieces[0]) && !/^[a-z][\w+.-]*:/i.test(pieces[0]);
}

/** A URL as literal text and expressions, in order: `https://api.x.com/${q}` -> ["https://api.x.com/", q]. */
function urlPieces(n: Node, model: AgentModel, depth: number): Array<string | Node> | undefined {
  const e = unwrap(n);
  if (depth > 6) return undefined;
  if (Node.isStringLiteral(e) || Node.isNoSubstitutionTemplateLiteral(e)) return [e.getLiteralValue()];
  if (Node.isTemplateExpression(e)) {
    const out: Array<string | Node> = [e.getHead().getLiteralText()];
    for (const span of e.getTemplateSpans()) out.push(span.getExpression(), span.getLiteral().getLiteralText());
    return out;
  }
  if (Node.isBinaryExpression(e) && e.getOperatorToken().getKind() === SyntaxKind.PlusToken) {
    const left = urlPieces(e.getLeft(), model, depth + 1) ?? [e.getLeft()];
    const right = urlPieces(e.getRight(), model, depth + 1) ?? [e.getRight()];
    return [...left, ...right];
  }
  if (Node.isIdentifier(e)) {
    const v = model.valueOf(e);
    if (v !== e && !Node.isParameterDeclaration(v)) return urlPieces(v, model, depth + 1);
  }
  return undefined;
}

/**
 * The sub-expressions of a URL that decide its scheme, host and port. A URL that starts with a
 * fixed `https://host/` (or a fixed base such as an env var followed by a path) leaves the rest
 * to choose only a path or query, which cannot send the request elsewhere.
 */
export function urlOriginParts(url: Node, model: AgentModel): Node[] {
  const value = unwrap(model.valueOf(url));
  // new URL(path, base): a relative path keeps the base's origin. url.href / url.toString() read the URL.
  if (Node.isNewExpression(value) && value.getExpression().getText() === 'URL') {
    const [input, base] = value.getArguments();
    if (!input) return [];
    if (base && isRelativeUrl(input, model)) return urlOriginParts(base, model);
    return base ? [...urlOriginParts(input, model), ...urlOriginParts(base, model)] : urlOriginParts(input, model);
  }
  if (Node.isPropertyAccessExpression(value) && /^(href|toString)$/.test(value.getName())) return urlOriginParts(value.getExpression(), model);
  if (Node.isCallExpression(value)) {
    const callee = value.getExpression();
    if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'toString' && value.getArguments().length === 0) return urlOriginParts(callee.getExpression(), model);
  }
  const pieces = urlPieces(url, model, 0);
  if (!pieces) return [url];
  const origin: Node[] = [];
  let seen = '';
  for (const piece of pieces) {
    if (typeof piece !== 'string') {
      origin.push(piece);
      seen += '\u0000'; // an expression stands for unknown text
      continue;
    }
    seen += piece;
    if (originComplete(seen)) return origin;
  }
  return origin;
}

/** The text so far fixes the origin: `https://host/`, a relative `/path`, or a base expression followed by a path. */
function originComplete(seen: string): boolean {
  if (seen.includes('://')) return /^[^/?#]*:\/\/[^/?#]+[/?#]/.test(seen);
  if (/:\/?$/.test(seen) || seen.startsWith('//')) return false;
  return /[/?#]/.test(seen);
}
