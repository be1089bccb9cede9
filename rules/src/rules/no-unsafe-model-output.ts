import { Node, type CallExpression } from 'ts-morph';
import { defineRule } from '../rule.js';
import { modelOutputSource } from '../dataflow/sources.js';
import { sinksIn } from '../dataflow/sinks.js';
import { isGuarded, namesOnPath } from '../dataflow/guards.js';
import type { SinkKind } from '../dataflow/recognizers.js';

const WHAT: Record<SinkKind, string> = {
  shell: 'a shell command',
  filesystem: 'a file path',
  network: 'a request URL',
  sql: 'a raw SQL string',
  code: 'code that is evaluated',
  html: 'HTML',
  redirect: 'a redirect target',
};

/** Validation that makes model output safe for a sink: schema parse, escaping, sanitizing, numeric conversion. */
function isValidation(call: CallExpression): boolean {
  const callee = call.getExpression().getText().replace(/\s+/g, '');
  if (/\.(parse|safeParse|parseAsync)$/.test(callee) && !/^JSON\./.test(callee)) return true;
  // x.replace(/[^a-z0-9-]/g, '-'): everything outside an allowed character class is stripped.
  const first = call.getArguments()[0];
  if (/\.replace(All)?$/.test(callee) && first && Node.isRegularExpressionLiteral(first) && /^\/\[\^[^\]]*\][+*]?\/g/.test(first.getText())) return true;
  return /(^|\.)(sanitize|escape\w*|encodeHTML|escapeHtml|purify|DOMPurify\.sanitize|sanitizeHtml|xss|validate\w*|Number|parseInt|parseFloat|quote|escapeId|escapeLiteral|format|pgFormat)$/i.test(callee);
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
    const source = modelOutputSource(ctx.model);
    for (const sf of ctx.model.sourceFiles) {
      if (!ctx.isTarget(sf)) continue;
      for (const sink of sinksIn(sf, ctx.model)) {
        if (sink.kind === 'network') continue; // no-unrestricted-egress owns model-chosen URLs
        for (const arg of sink.args) {
          const paths = ctx.flow.taint(arg, { source, sanitizer: isValidation }).filter((p) => !isGuarded(ctx, sink.node, namesOnPath(p)));
          if (paths.length === 0) continue;
          const p = paths[0];
          ctx.report({
            node: sink.node,
            message: `Model output (${p.source.label}) is used as ${WHAT[sink.kind]} in ${sink.label} without validation: whoever steers the model (a prompt injection, a poisoned document) decides what runs. Parse the output with a schema and check it against an allow list before using it${sink.kind === 'sql' ? ', and use a parameterized query' : sink.kind === 'html' ? ', and escape or sanitize it' : ''}.`,
            related: [{ node: p.source.node, message: 'the model call whose output flows here' }],
            flow: [...p.steps].reverse().map((s, i, all) => ({ node: s, message: i === 0 ? p.source.label : i === all.length - 1 ? sink.label : 'flows through' })),
          });
          break;
        }
      }
    }
    void Node;
  },
});
