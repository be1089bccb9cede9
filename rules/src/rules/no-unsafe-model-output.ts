import { Node, type CallExpression } from 'ts-morph';
import { defineRule } from '../rule.js';
import { modelOutputSource, schemaField } from '../dataflow/sources.js';
import { sinksIn } from '../dataflow/sinks.js';
import { FlowGuards } from '../dataflow/restrictions.js';
import { isDeclaredSanitizer } from '../dataflow/rows.js';
import { lastSegment, type SinkKind } from '../dataflow/recognizers.js';
import { isConstrainedSchema, unwrap, type AgentModel } from '../model/model.js';
import type { TaintQuery } from '../dataflow/flow.js';

const WHAT: Record<SinkKind, string> = {
  shell: 'a shell command',
  filesystem: 'a file path',
  network: 'a request URL',
  sql: 'a raw SQL string',
  code: 'code that is evaluated',
  html: 'HTML',
  redirect: 'a redirect target',
};

const ADVICE: Partial<Record<SinkKind, string>> = {
  sql: ', and use a parameterized query',
  html: ', or render it as text (textContent) or through an HTML sanitizer such as DOMPurify',
  filesystem: ', and keep the path inside a fixed directory (path.basename, or resolve and check the root)',
  shell: ', and run a fixed binary with execFile and an argument array',
  redirect: ', or map it to a known route',
};

/** Escaping, sanitizing and conversion functions that make text safe for the sinks they are named for. */
const CLEANING_CALL = /^(sanitize\w*|escape\w*|encodeHTML|encodeHtml|htmlEscape|purify|DOMPurify\.sanitize|xss|filterXSS|quote|quoteIdent|escapeId|escapeLiteral|escapeIdentifier|pgFormat|Number|parseInt|parseFloat|BigInt|Boolean|basename|path\.basename|slugify|toSafe\w*|safe\w*)$/;
/** Markdown renderers keep raw HTML: model output rendered with them is still model-chosen HTML. */
const MARKDOWN_RENDER = /^(marked|marked\.parse|marked\.parseInline|md\.render|markdownIt\.render|converter\.makeHtml|micromark|snarkdown|markdownToHtml|renderMarkdown)$/;

function compact(text: string): string {
  return text.replace(/\s+/g, '').replace(/\?\./g, '.');
}

/** `x.replace(/[^a-z0-9-]/g, '-')`: everything outside an allowed character class is stripped. */
function isCharacterAllowList(call: CallExpression): boolean {
  const callee = compact(call.getExpression().getText());
  const first = call.getArguments()[0];
  return /\.replace(All)?$/.test(callee) && !!first && Node.isRegularExpressionLiteral(first) && /^\/\[\^[^\]]*\][+*]?\/g/.test(first.getText());
}

/**
 * `Schema.parse(output)`: a schema that constrains the field read (an enum, a number, a pattern)
 * validates it; a free `z.string()` field is the model's text again.
 */
function schemaParse(call: CallExpression, path: readonly string[], model: AgentModel): 'clean' | 'through' | undefined {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || !/^(parse|safeParse|parseAsync|safeParseAsync)$/.test(callee.getName())) return undefined;
  let schema: Node | undefined = unwrap(model.valueOf(callee.getExpression()));
  // Only a validation library's schema (zod and the like); `marked.parse`, `JSON.parse` or a model call's `.parse` are not.
  if (!/^(z|zod|v|yup|Joi|joi|t|s|Type)\.|Schema$/.test(schema.getText()) && !/Schema$/.test(callee.getExpression().getText())) return undefined;
  const fields = path.filter((p) => p !== '[]');
  const rest = /^safe/.test(callee.getName()) ? (fields[0] === 'data' ? fields.slice(1) : fields) : fields;
  for (const f of rest) schema = schema && schemaField(schema, f, model);
  if (!schema) return 'clean';
  if (isConstrainedSchema(schema, model)) return 'clean';
  // Only a schema we can read as zod decides that the field stays free text.
  return /\bz\.|zod/.test(schema.getText()) || Node.isCallExpression(schema) ? 'through' : 'clean';
}

export default defineRule({
  meta: {
    id: 'no-unsafe-model-output',
    description: 'Validate model output before it reaches code execution, shells, SQL, HTML, file paths or redirects',
    rationale:
      'Model output is untrusted input: a prompt injection or a hallucination decides what it says. Passed unchecked to eval, a shell, raw SQL, innerHTML, a file path or a redirect, it becomes remote code execution, injection, XSS, path traversal or an open redirect. Parse it against a schema and check it against an allow list first.',
    steps: [5],
    owasp: ['LLM05:2025', 'ASI05'],
    cwe: [1426, 94, 78, 89, 79],
    defaultSeverity: 'error',
    fixKind: 'none',
    preset: 'recommended',
    scope: 'project',
    confidence: 'medium',
  },
  check(ctx) {
    // Without a model call whose result is output (or a declared one), nothing can flow.
    if (!ctx.model.modelCalls().some((c) => c.row.output) && !ctx.model.dataflowRows.sources.some((r) => r.kind === 'model-output')) return;
    const source = modelOutputSource(ctx.model);
    const guards = new FlowGuards(ctx);
    const queryFor = (kind: SinkKind): TaintQuery => ({
      source,
      sanitizer: (call, path) => {
        const callee = compact(call.getExpression().getText());
        if (CLEANING_CALL.test(callee) || CLEANING_CALL.test(lastSegment(callee)) || isCharacterAllowList(call)) return true;
        if (guards.isFilteringCall(call, kind) || isDeclaredSanitizer(call, kind, ctx.model) || isDeclaredSanitizer(call, 'model-output', ctx.model)) return true;
        return schemaParse(call, path, ctx.model) === 'clean';
      },
      through: (call, path) => {
        const callee = compact(call.getExpression().getText());
        const first = call.getArguments()[0];
        if (kind === 'html' && first && MARKDOWN_RENDER.test(callee)) return [{ node: first, path: [] }];
        if (first && schemaParse(call, path, ctx.model) === 'through') return [{ node: first, path }];
        return undefined;
      },
      // sql`... ${x}` parameterizes x.
      stop: kind === 'sql' ? (n) => Node.isTaggedTemplateExpression(n) : undefined,
    });
    const queries = new Map<SinkKind, TaintQuery>();
    for (const sf of ctx.model.sourceFiles) {
      if (!ctx.isTarget(sf)) continue;
      for (const sink of sinksIn(sf, ctx.model)) {
        if (sink.kind === 'network') continue; // no-unrestricted-egress owns model-chosen URLs
        let query = queries.get(sink.kind);
        if (!query) queries.set(sink.kind, (query = queryFor(sink.kind)));
        for (const arg of sink.args) {
          const p = ctx.flow.taint(arg, query).find((path) => !guards.isRestricted(path, sink.node, sink.kind));
          if (!p) continue;
          ctx.report({
            node: sink.node,
            message: `Model output (${p.source.label}) is used as ${WHAT[sink.kind]} in ${sink.label} without validation: whoever steers the model (a prompt injection, a poisoned document) decides what runs. Parse the output with a schema and check it against an allow list before using it${ADVICE[sink.kind] ?? ''}.`,
            related: [{ node: p.source.node, message: 'the model call whose output flows here' }],
            flow: [...p.steps].reverse().map((s, i, all) => ({ node: s, message: i === 0 ? p.source.label : i === all.length - 1 ? sink.label : 'flows through' })),
          });
          break;
        }
      }
    }
  },
});
