/**
 * Source predicates shared by rules: what the model controls (tool arguments, model output) and
 * what an outsider controls (fetched pages, request fields, retrieved documents, uploads, e-mail,
 * tool results). A predicate receives the node the backward walk reached and the access path read
 * from it. Framework knowledge comes from the tables (model calls and their output schemas, the
 * per-run context), a project's own sources from the config's `sources` rows.
 */
import { Node, SyntaxKind, type CallExpression, type NewExpression } from 'ts-morph';
import type { AgentModel } from '../model/model.js';
import { argAt, isFunctionLike, isConstrainedSchema, propertyOf, unwrap } from '../model/model.js';
import type { ModelCall, Tool } from '../model/types.js';
import type { DataFlow, SourceMatch } from './flow.js';
import { lastSegment, matchSink } from './recognizers.js';
import { rowPathReached, sourceRowsOf } from './rows.js';

export type SourcePredicate = (node: Node, path: readonly string[]) => SourceMatch | undefined;

/** Maps the parameter through which a tool receives the model's arguments to its tools (spec tools one function dispatches share it). */
export function toolInputParams(model: AgentModel): Map<Node, Tool[]> {
  const out = new Map<Node, Tool[]>();
  for (const t of model.tools()) {
    if (!t.input) continue;
    const list = out.get(t.input.param);
    if (list) list.push(t);
    else out.set(t.input.param, [t]);
  }
  return out;
}

/**
 * The tools sharing an input parameter that `path` reads their arguments through, narrowed to the
 * one whose dispatch branch holds `at` when there is one; with the argument fields read.
 */
export function toolsReading(tools: readonly Tool[], path: readonly string[], at?: Node): { tools: Tool[]; fields: readonly string[] } | undefined {
  let fields: readonly string[] | undefined;
  let reading: Tool[] = [];
  for (const t of tools) {
    const f = toolArgumentPath(t, path);
    if (!f) continue;
    fields ??= f;
    reading.push(t);
  }
  if (!fields) return undefined;
  const holding = at ? toolsRunningAt(reading, at) : [];
  if (holding.length) reading = holding;
  return { tools: reading, fields };
}

/** Of these tools, those whose execute (a function, a dispatch branch) holds `at`. */
export function toolsRunningAt(tools: readonly Tool[], at: Node): Tool[] {
  return tools.filter((t) => t.execute && t.execute.getSourceFile() === at.getSourceFile() && t.execute.getStart() <= at.getStart() && at.getEnd() <= t.execute.getEnd());
}

/** Whether argument `field` leaves the model no free choice: every one of the tools that declares it constrains it. */
export function argumentConstrained(tools: readonly Tool[], field: string): boolean {
  const declared = tools.map((t) => t.params.find((p) => p.name === field)).filter((p) => !!p);
  return declared.length > 0 && declared.every((p) => p.constrained);
}

/**
 * The path inside the model's arguments that `path`, read from the tool's input parameter, reaches
 * (`[]`: the arguments as a whole); undefined when it reads something else (`request.params.name`,
 * Mastra's `runtimeContext`).
 */
export function toolArgumentPath(tool: Tool, path: readonly string[]): readonly string[] | undefined {
  for (const prefix of tool.input?.paths ?? []) {
    if (prefix.every((p, i) => path[i] === p)) return path.slice(prefix.length);
    // The whole request object holds the arguments too.
    if (path.length < prefix.length && path.every((p, i) => prefix[i] === p)) return [];
  }
  return undefined;
}

/** Tool arguments: the model chooses them, unless the schema constrains the argument (an enum, a number, a pattern). */
export function toolInputSource(model: AgentModel): SourcePredicate {
  const params = toolInputParams(model);
  return (node, path) => {
    const candidates = params.get(node);
    const reading = candidates && toolsReading(candidates, path);
    if (!reading) return undefined;
    const [field] = reading.fields;
    if (field !== undefined && argumentConstrained(reading.tools, field)) return undefined;
    const tool = reading.tools.find((t) => field === undefined || t.params.some((p) => p.name === field)) ?? reading.tools[0];
    return { label: field ? `argument \`${field}\` of tool "${tool.name}"` : `the input of tool "${tool.name}"`, node };
  };
}

const compact = (text: string) => text.replace(/\s+/g, '').replace(/\?\./g, '.');

/** Fields of a model result that the provider fills, not the model: ids, usage, finish reasons. */
const RESULT_METADATA = new Set([
  'id', 'model', 'created', 'usage', 'usage_metadata', 'usageMetadata', 'response_metadata', 'system_fingerprint', 'finishReason',
  'finish_reason', 'stop_reason', 'stop_sequence', 'providerMetadata', 'experimental_providerMetadata', 'warnings', 'status',
  'modelVersion', 'responseId', 'totalUsage', 'object_type', 'created_at', 'incomplete_details',
]);
const CHOICE_METADATA = new Set(['finish_reason', 'index', 'logprobs']);
/** Result fields that wrap the structured object a schema describes. */
const STRUCTURED_WRAPPERS = new Set(['object', 'parsed', 'output_parsed', 'parsed_output', 'choices', 'message', 'experimental_output', 'finalOutput', 'output', 'partialObjectStream', 'elementStream']);

/**
 * Results of model calls (completion text, generated objects, streams, tool-call arguments), and
 * calls the config declares as model output. Provider metadata (ids, usage) is not model output,
 * nor is a structured-output field whose schema leaves the model no free choice (an enum, a number).
 */
export function modelOutputSource(model: AgentModel): SourcePredicate {
  return (node, path) => {
    if (!Node.isCallExpression(node)) return undefined;
    const fields = path.filter((p) => p !== '[]');
    const e = model.classify(node);
    if (e?.kind === 'modelCall' && e.row.output) {
      // Tool-call arguments are the model choosing a tool's input: no-unscoped-tools judges those.
      if (toolCallField(e, fields) !== undefined) return undefined;
      if (RESULT_METADATA.has(fields[0]) || (fields[0] === 'choices' && CHOICE_METADATA.has(fields[1]))) return undefined;
      if (constrainedByOutputSchema(e, fields, model)) return undefined;
      return { label: `output of ${compact(node.getExpression().getText())}()`, node };
    }
    const declared = sourceRowsOf(node, 'model-output', model).find((r) => rowPathReached(r, path));
    if (declared) return { label: `output of ${compact(node.getExpression().getText())}()`, node };
    return undefined;
  };
}

/**
 * Where an access path into a model result reads tool-call arguments, per the row's `toolCalls`
 * prefixes (`choices.message.tool_calls.function.arguments`, Anthropic `content.input`, ...):
 * returns the argument field read after the prefix ('' for the whole arguments), else undefined.
 */
export function toolCallField(call: ModelCall, path: readonly string[]): string | undefined {
  for (const p of call.row.toolCalls ?? []) {
    const prefix = p.split('.');
    if (prefix.every((seg, i) => path[i] === seg)) return path[prefix.length] ?? '';
  }
  return undefined;
}

/** Arguments the model chose for a tool it called, dispatched by hand (raw SDK tool loops). */
export function toolCallArgumentsSource(model: AgentModel): SourcePredicate {
  return (node, path) => {
    if (!Node.isCallExpression(node)) return undefined;
    const e = model.classify(node);
    if (e?.kind !== 'modelCall' || !e.row.output || toolCallField(e, path.filter((p) => p !== '[]')) === undefined) return undefined;
    return { label: `tool-call arguments the model chose (${compact(node.getExpression().getText())}())`, node };
  };
}

/** `generateObject({ schema })` read at `object.action` where `action: z.enum([...])`. */
function constrainedByOutputSchema(call: ModelCall, fields: readonly string[], model: AgentModel): boolean {
  const at = call.row.outputSchema && argAt(call.node, call.row.outputSchema);
  let schema = at && schemaOf(at, model);
  if (!schema) return false;
  let i = 0;
  while (i < fields.length && STRUCTURED_WRAPPERS.has(fields[i])) i++;
  // Nothing read past the wrappers but the raw text (`result.text`): free text.
  if (i === 0 && fields.length > 0) return false;
  for (; i < fields.length && schema; i++) schema = schemaField(schema, fields[i], model);
  return !!schema && isConstrainedSchema(schema, model);
}

/** The schema behind an output option: `zodResponseFormat(S, 'name')`, `Output.object({ schema: S })`, `S`. */
function schemaOf(n: Node, model: AgentModel): Node | undefined {
  const v = unwrap(model.valueOf(n));
  if (Node.isCallExpression(v)) {
    const name = lastSegment(v.getExpression().getText());
    const first = v.getArguments()[0];
    if (/^(zodResponseFormat|zodTextFormat|zodOutputFormat|zodSchema|zodFunction|jsonSchema)$/.test(name) && first) return unwrap(model.valueOf(first));
    if (/^(object|array)$/.test(name) && /^Output\./.test(v.getExpression().getText()) && first) {
      const inner = propertyOf(unwrap(model.valueOf(first)), 'schema');
      return inner && unwrap(model.valueOf(inner));
    }
  }
  return v;
}

/** The schema of `field` inside a zod object or array, or a JSON Schema's properties. */
export function schemaField(schema: Node, field: string, model: AgentModel): Node | undefined {
  let cur: Node = unwrap(model.valueOf(schema));
  if (Node.isObjectLiteralExpression(cur)) {
    const props = propertyOf(cur, 'properties');
    const items = propertyOf(cur, 'items');
    if (props) return propertyOf(unwrap(model.valueOf(props)), field);
    if (items) return schemaField(items, field, model);
    // A JSON Schema response format: { type: 'json_schema', json_schema: { schema } }, { format: { schema } }.
    const nested = propertyOf(cur, 'schema') ?? propertyOf(cur, 'json_schema');
    return nested ? schemaField(nested, field, model) : undefined;
  }
  for (let i = 0; i < 12 && Node.isCallExpression(cur); i++) {
    const callee = cur.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) return undefined;
    const name = callee.getName();
    const first = cur.getArguments()[0];
    if (/^(object|strictObject|looseObject)$/.test(name) && first) {
      const shape = unwrap(model.valueOf(first));
      const prop = propertyOf(shape, field);
      return prop && unwrap(model.valueOf(prop));
    }
    if (name === 'array' && first && /^z$|zod/.test(callee.getExpression().getText())) return schemaField(first, field, model);
    if (name === 'extend' && first) {
      const prop = propertyOf(unwrap(model.valueOf(first)), field);
      if (prop) return unwrap(model.valueOf(prop));
    }
    cur = callee.getExpression();
  }
  return undefined;
}

const FETCH_RESULT_METHOD = /^(json|text|blob|arrayBuffer|formData|body|bytes)$/;
const BROWSER_READ = /^(content|innerText|textContent|innerHTML|evaluate|\$eval|\$\$eval|allInnerTexts|allTextContents|title|markdown)$/;
const RETRIEVAL_CALL = /^(similaritySearch|similaritySearchWithScore|similaritySearchVectorWithScore|maxMarginalRelevanceSearch|getRelevantDocuments|retrieve|query|search|hybridSearch|nearText|nearVector|load|loadAndSplit|lazyLoad|readFile|readFileSync|parsePdf|extractText|scrape|scrapeUrl|crawl|crawlUrl|browse|fetchPage|fetchUrl|getEmail|getMessage|getMessages|readEmail|listMessages|fetchOne|fetchAll)$/;
const RETRIEVAL_RECEIVER = /(vector|store|retriever|loader|index|fs|pdf|scraper|crawler|browser|gmail|inbox|mail|search|docs|kb|knowledge|collection|chroma|pinecone|qdrant|weaviate|milvus|firecrawl|tavily|exa|corpus|rag)/i;

/** `vectorStore.similaritySearch`, `retriever.retrieve`, `loader.load`, `gmail.listMessages`: a call that brings in outside documents. */
export function isRetrievalCall(callee: string): boolean {
  return RETRIEVAL_CALL.test(lastSegment(callee)) && RETRIEVAL_RECEIVER.test(callee);
}

/**
 * Packages whose results are outside content: document parsers, HTML readers, mail and chat
 * clients, web scraping and search APIs.
 */
const CONTENT_PACKAGES = [
  'pdf-parse', 'pdfjs-dist', 'unpdf', 'mammoth', 'officeparser', 'cheerio', 'jsdom', '@mozilla/readability', 'html-to-text', 'turndown',
  'mailparser', 'imapflow', 'node-imap', 'imap-simple', 'googleapis', '@googleapis/gmail', '@microsoft/microsoft-graph-client', '@slack/web-api',
  '@mendable/firecrawl-js', '@tavily/core', 'exa-js', 'serpapi', 'node-html-parser', 'linkedom', 'rss-parser', 'youtube-transcript',
];

/** Fields whose names say they hold outside content, on whatever object: `ticket.emailBody`, `page.html`. */
const CONTENT_FIELD_SUFFIX = /(Body|Html|HTML|Markdown|Snippet|Snippets|Transcript|PageContent)$/;
/** Tool results read from an agent run: `steps[].toolResults`, Gemini `functionResponse`. */
const TOOL_RESULT_FIELD = /^(toolResults?|tool_results?|toolOutputs?|functionResponse|function_response)$/;
/** Fields of a message-like object (an e-mail, a ticket, a review) that its sender writes. */
const UNTRUSTED_FIELDS = /^(pageContent|html|body|rawBody|snippet|textContent|innerText|emailBody|bodyText|bodyHtml|transcript|attachment|attachments|comment|comments|review|reviews|description|subject|text)$/;
const MESSAGE_LIKE = /^(email|mail|inbound|inboundEmail|incoming|ticket|page|webpage|doc|document|review|comment|post|upload|attachment|toolResult|parsed|parsedMail)$/i;
const REQUEST_NAME = /^(req|request|ctx|c|event|evt|incomingRequest|httpRequest)$/;
const REQUEST_FIELDS = /^(body|query|params|files|file|headers|cookies|rawBody)$/;
/** A parameter named for outside content on its own: `html`, `documents`, `scrapedPage`, `inboundBody`. */
const CONTENT_PARAM = /^(html|markdown|webpage|transcript|attachments?|documents|docs|snippets|excerpts|(scraped|fetched|crawled|retrieved|untrusted|inbound|incoming|uploaded|external)[A-Z]?\w*)$/;
/** A subject and a content noun: `emailText`, `pageContent`, `toolResult`, `searchResults`, `ticketBody`. */
const CONTENT_COMPOUND = /^(email|mail|page|web|webpage|doc|document|pdf|html|search|tool|rag|kb|knowledge|article|ticket|review|comment|message|inbound|upload|file)(Text|Content|Contents|Body|Html|Markdown|Snippets?|Excerpts?|Chunks?|Transcript|Results?|Output|Articles?|Docs|Documents)$/;
/** Names that hold a reference to content, not the content: ids, URLs, counts. */
const NOT_CONTENT = /(Id|Ids|Url|Urls|URL|Uri|Count|Type|At|Date|Time|Status|Length|Size|Index|Key|Name|Names|Path|Hash|Limit|Token|Prompt|Instructions)$/;
/** A receiver that holds per-run context by key: Mastra's `requestContext.get('k')`. */
const CONTEXT_RECEIVER = /(context|ctx)$/i;

/**
 * Content from outside the trust boundary: fetched pages, files, retrieved documents, e-mail
 * bodies, tool results and request fields, plus calls the config declares `untrusted`. With the
 * data flow at hand, values handed to an agent's per-run context (`run(agent, input, { context })`,
 * `requestContext.set('k', v)`) are followed to where they were set.
 */
export function untrustedContentSource(model: AgentModel, flow?: DataFlow): SourcePredicate {
  const toolInput = toolInputSource(model);
  let contextParams: Map<Node, ModelCall[]> | undefined;
  let nesting = 0;
  const self: SourcePredicate = (node, path) => {
    const fields = path.filter((p) => p !== '[]' && !p.endsWith('()'));
    // Retrieved documents (LangChain Document.pageContent) are outside content whatever holds them.
    if (fields.includes('pageContent')) return { label: `retrieved document content (${fields.join('.')})`, node };
    if (fields.some((f) => TOOL_RESULT_FIELD.test(f))) return { label: `a tool result (${fields.join('.')})`, node };
    const lastField = fields[fields.length - 1];
    if (lastField && CONTENT_FIELD_SUFFIX.test(lastField)) return { label: fields.join('.'), node };
    if (Node.isParameterDeclaration(node) || Node.isIdentifier(node) || Node.isBindingElement(node)) {
      const nameNode = Node.isIdentifier(node) ? node : node.getNameNode();
      const name = Node.isIdentifier(nameNode) ? nameNode.getText() : '';
      const requestField = fields.findIndex((f) => REQUEST_FIELDS.test(f));
      if (REQUEST_NAME.test(name) && requestField >= 0 && fields.slice(0, requestField).every((f) => /^(req|request)$/.test(f))) {
        return { label: `request ${fields.slice(requestField, requestField + 2).join('.')}`, node };
      }
      if (MESSAGE_LIKE.test(name) && fields[0] && UNTRUSTED_FIELDS.test(fields[0])) return { label: `${name}.${fields[0]}`, node };
      if (Node.isParameterDeclaration(node)) {
        // A parameter named for outside content, when no caller in the project says what it holds.
        if (fields.length === 0 && (CONTENT_PARAM.test(name) || CONTENT_COMPOUND.test(name)) && !NOT_CONTENT.test(name) && !hasCallers(node)) return { label: `\`${name}\``, node };
        return toolInput(node, path) ?? (flow && nesting < 2 ? fromRunContext(node, path) : undefined);
      }
      return undefined;
    }
    if (Node.isCallExpression(node) || Node.isNewExpression(node)) return callSource(node, path);
    return undefined;
  };

  const callSource = (node: CallExpression | NewExpression, path: readonly string[]): SourceMatch | undefined => {
    const declared = sourceRowsOf(node, 'untrusted', model).find((r) => rowPathReached(r, path));
    const callee = compact(node.getExpression().getText());
    if (declared) return { label: `untrusted content (${callee}())`, node };
    if (Node.isNewExpression(node)) return contentPackage(node) ? { label: `parsed outside content (new ${callee}())`, node } : undefined;
    const last = lastSegment(callee);
    const receiver = Node.isPropertyAccessExpression(node.getExpression()) ? (node.getExpression() as import('ts-morph').PropertyAccessExpression).getExpression() : undefined;
    if (/(^|\.)(req|request)\.(json|text|formData|parseBody|query|queries|param|params|valid|arrayBuffer|blob)$/.test(callee)) return { label: `request data (${callee}())`, node };
    if (/(^|\.)searchParams\.get(All)?$/.test(callee)) return { label: 'a URL query parameter', node };
    if (/(^|\.)(formData|form|fields)\.get(All)?$/.test(callee)) return { label: `a form field (${callee}())`, node };
    const sink = matchSink(node, model);
    if (sink?.kind === 'network') return { label: `fetched content (${callee}())`, node };
    // A file the code names (a prompt template next to the source) is the developer's own.
    const file = node.getArguments()[0];
    if (sink?.kind === 'filesystem' && /^read|^createReadStream$/.test(last) && file) {
      return isStaticPath(file, model, 0) || /prompt|instruction|system|template|persona/i.test(file.getText()) ? undefined : { label: `file content (${callee}())`, node };
    }
    if (receiver && FETCH_RESULT_METHOD.test(last) && node.getArguments().length === 0) {
      const recv = unwrap(model.valueOf(receiver));
      if (/^(res|resp|response|r|page)$/.test(compact(receiver.getText())) || ((Node.isCallExpression(recv) || Node.isNewExpression(recv)) && matchSink(recv, model)?.kind === 'network')) {
        return { label: `fetched content (${callee}())`, node };
      }
    }
    if (BROWSER_READ.test(last) && /^(page|frame|tab|browserPage|locator|element|el|handle)\b/.test(callee)) return { label: `page content (${callee}())`, node };
    if (last === 'asRetriever' || last === 'callTool' || isRetrievalCall(callee)) return { label: last === 'callTool' ? `a tool result (${callee}())` : `retrieved content (${callee}())`, node };
    if (receiver && /^(invoke|getRelevantDocuments|_getRelevantDocuments|retrieve|batch)$/.test(last) && isRetriever(receiver)) return { label: `retrieved documents (${callee}())`, node };
    // A tool run by the code itself: its result comes from outside (a page, an API, another agent).
    if (receiver && /^(invoke|call|execute|run|func)$/.test(last)) {
      const tool = toolOf(receiver);
      if (tool) return { label: `the result of tool "${tool.name}"`, node };
    }
    if (contentPackage(node)) return { label: `outside content (${callee}())`, node };
    if (flow && nesting < 2 && receiver && last === 'get' && CONTEXT_RECEIVER.test(lastSegment(compact(receiver.getText())))) return fromContextKey(node, receiver);
    return undefined;
  };

  const hasCallers = (param: Node): boolean => {
    const fn = param.getParent();
    return !!flow && !!fn && isFunctionLike(fn) && flow.callSites(fn).length > 0;
  };

  const contentPackage = (node: CallExpression | NewExpression): boolean => {
    const base = model.flatten(node.getExpression(), 0);
    return base?.kind === 'import' && CONTENT_PACKAGES.some((p) => base.module === p || base.module.startsWith(`${p}/`));
  };

  const isRetriever = (receiver: Node): boolean => {
    if (/retriever/i.test(lastSegment(compact(receiver.getText())))) return true;
    const v = unwrap(model.valueOf(receiver));
    if (Node.isCallExpression(v)) return lastSegment(compact(v.getExpression().getText())) === 'asRetriever';
    return Node.isNewExpression(v) && /Retriever$/.test(v.getExpression().getText());
  };

  const toolOf = (receiver: Node): Tool | undefined => {
    const v = unwrap(model.valueOf(receiver));
    const e = Node.isCallExpression(v) || Node.isNewExpression(v) ? model.classify(v) : undefined;
    return e?.kind === 'tool' ? e : undefined;
  };

  /** Follows a nested question to the flow, with a bound on how deep such questions go. */
  const nested = (start: Node): SourceMatch | undefined => {
    if (!flow) return undefined;
    nesting++;
    try {
      return flow.taint(start, { source: self })[0]?.source;
    } finally {
      nesting--;
    }
  };

  /** Model calls that hand a per-run context to each agent's dynamic-instructions parameter. */
  const runContexts = (): Map<Node, ModelCall[]> => {
    if (contextParams) return contextParams;
    contextParams = new Map();
    const calls = model.modelCalls().filter((c) => c.row.context && c.agent);
    for (const agent of model.agents()) {
      const runs = calls.filter((c) => c.agent === agent);
      if (!runs.length) continue;
      for (const slot of agent.instructions) {
        const fn = unwrap(model.valueOf(slot));
        const param = isFunctionLike(fn) ? (fn as import('ts-morph').ArrowFunction).getParameters()[0] : undefined;
        if (param) contextParams.set(param, runs);
      }
    }
    return contextParams;
  };

  /** `(runContext) => ... runContext.context.ticketBody`: the `ticketBody` handed to `run(agent, input, { context })`. */
  const fromRunContext = (param: Node, path: readonly string[]): SourceMatch | undefined => {
    const runs = runContexts().get(param);
    if (!runs) return undefined;
    const fields = path.filter((p) => p !== '[]');
    // @openai/agents wraps the context (`runContext.context.x`); Mastra hands the context object itself.
    const inner = fields[0] === 'context' ? fields.slice(1) : fields;
    for (const run of runs) {
      let value = argAt(run.node, run.row.context!);
      for (const f of inner) value = value && propertyOf(unwrap(model.valueOf(value)), f);
      const hit = value && nested(value);
      if (hit) return hit;
    }
    return undefined;
  };

  /** `requestContext.get('report')`: whatever was set under that key (`requestContext.set('report', body)`). */
  const fromContextKey = (call: CallExpression, receiver: Node): SourceMatch | undefined => {
    const key = call.getArguments()[0];
    if (!key || !(Node.isStringLiteral(key) || Node.isNoSubstitutionTemplateLiteral(key))) return undefined;
    const receiverName = lastSegment(compact(receiver.getText()));
    for (const sf of model.sourceFiles) {
      if (!sf.getFullText().includes(key.getLiteralValue())) continue;
      for (const set of sf.getDescendantsOfKind(SyntaxKind.CallExpression)) {
        const callee = set.getExpression();
        if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'set') continue;
        const [k, v] = set.getArguments();
        if (!v || !k || !(Node.isStringLiteral(k) || Node.isNoSubstitutionTemplateLiteral(k)) || k.getLiteralValue() !== key.getLiteralValue()) continue;
        // The same kind of holder: a context object, by the name it goes by or the class it was made from.
        const holder = compact(callee.getExpression().getText());
        if (!CONTEXT_RECEIVER.test(lastSegment(holder)) && lastSegment(holder) !== receiverName) continue;
        const hit = nested(v);
        if (hit) return hit;
      }
    }
    return undefined;
  };

  return self;
}

/** A path written in the code: literals, `__dirname`, `process.cwd()`, constants and `path.join` of those. */
function isStaticPath(n: Node, model: AgentModel, depth: number): boolean {
  if (depth > 6) return false;
  const e = unwrap(n);
  if (Node.isStringLiteral(e) || Node.isNoSubstitutionTemplateLiteral(e)) return true;
  if (Node.isIdentifier(e)) {
    if (/^(__dirname|__filename)$/.test(e.getText())) return true;
    const v = model.valueOf(e);
    return v !== e && !Node.isParameterDeclaration(v) && isStaticPath(v, model, depth + 1);
  }
  if (Node.isPropertyAccessExpression(e)) return /^import\.meta\.(dirname|filename|url)$/.test(e.getText()) || /^[A-Z][A-Z0-9_]*$/.test(e.getName());
  if (Node.isTemplateExpression(e)) return e.getTemplateSpans().every((s) => isStaticPath(s.getExpression(), model, depth + 1));
  if (Node.isBinaryExpression(e) && e.getOperatorToken().getKind() === SyntaxKind.PlusToken) return isStaticPath(e.getLeft(), model, depth + 1) && isStaticPath(e.getRight(), model, depth + 1);
  if (Node.isCallExpression(e) || Node.isNewExpression(e)) {
    const callee = compact(e.getExpression().getText());
    if (/^process\.cwd$/.test(callee)) return true;
    if (/^(path\.)?(join|resolve|normalize|dirname)$|^fileURLToPath$|^URL$/.test(callee)) return (e.getArguments() ?? []).every((a) => isStaticPath(a, model, depth + 1));
  }
  return false;
}

/** Combines predicates: the first that matches wins. */
export function anySource(...preds: SourcePredicate[]): SourcePredicate {
  return (node, path) => {
    for (const p of preds) {
      const hit = p(node, path);
      if (hit) return hit;
    }
    return undefined;
  };
}
