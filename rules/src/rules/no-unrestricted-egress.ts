import { Node, type CallExpression } from 'ts-morph';
import { defineRule } from '../rule.js';
import { anySource, modelOutputSource, toolCallArgumentsSource, toolInputSource } from '../dataflow/sources.js';
import { sinksIn, type Sink } from '../dataflow/sinks.js';
import { FlowGuards } from '../dataflow/restrictions.js';
import { isDeclaredSanitizer } from '../dataflow/rows.js';
import { isFunctionLike, unwrap } from '../model/model.js';
import type { FindingFix } from '../types.js';
import { lineIndent } from '../util/edits.js';

const HOSTS_CONST = 'APPROVED_EGRESS_HOSTS';

/** Kept here for importers of the first version; the shared definition lives with the sinks. */
export { fixedHost } from '../dataflow/sinks.js';

export default defineRule({
  meta: {
    id: 'no-unrestricted-egress',
    description: 'Check the host of model- or tool-chosen URLs against an allow list before any request',
    rationale:
      'When the model chooses the URL an agent fetches, a prompt injection chooses it: the agent can be sent to internal services (SSRF), cloud metadata endpoints, or an attacker\'s server carrying your data in the query string. Least privilege restricts egress to approved hosts.',
    steps: [3],
    owasp: ['LLM06:2025', 'ASI02'],
    cwe: [918],
    defaultSeverity: 'error',
    fixKind: 'suggestion',
    preset: 'recommended',
    scope: 'project',
    confidence: 'medium',
  },
  check(ctx) {
    const source = anySource(toolInputSource(ctx.model), modelOutputSource(ctx.model), toolCallArgumentsSource(ctx.model));
    const guards = new FlowGuards(ctx);
    const hosts = ctx.config.approvedEgressHosts;
    const query = {
      source,
      // A helper that returns only allowed URLs (`pickAllowedUrl(x)`, a configured check or sanitizer) cleans them.
      sanitizer: (c: CallExpression) => ctx.recognizers.isConfiguredAllowCheck(c) || isDeclaredSanitizer(c, 'network', ctx.model) || guards.isFilteringCall(c, 'network'),
    };
    for (const sf of ctx.model.sourceFiles) {
      if (!ctx.isTarget(sf)) continue;
      for (const sink of sinksIn(sf, ctx.model)) {
        // The args of a network sink are the parts of the URL that choose the host: none when it is fixed.
        if (sink.kind !== 'network' || sink.args.length === 0) continue;
        const p = sink.args.flatMap((a) => ctx.flow.taint(a, query)).find((path) => !guards.isRestricted(path, sink.node, 'network'));
        if (!p) continue;
        ctx.report({
          node: sink.node,
          message: `${sink.label} sends a request to a URL chosen by ${p.source.label} with no host allow-list check: a prompt injection can point the agent at internal services, cloud metadata or an attacker's server. Check \`new URL(url).hostname\` against approved hosts${hosts.length ? ` (${hosts.join(', ')})` : ' (configure "approvedEgressHosts")'} before the request.`,
          related: [{ node: p.source.node, message: p.source.label }],
          flow: [...p.steps].reverse().map((s, i, all) => ({ node: s, message: i === 0 ? p.source.label : i === all.length - 1 ? sink.label : 'flows through' })),
          fixes: allowListFix(sink, hosts),
        });
      }
    }
  },
});

/**
 * The suggestion: an allow-list check with the configured hosts right before the statement that
 * makes the request, in the same function (the URL must be in scope), and the host set once per file.
 */
function allowListFix(sink: Sink, hosts: string[]): FindingFix[] {
  if (!hosts.length || !Node.isCallExpression(sink.node) && !Node.isNewExpression(sink.node)) return [];
  const target = sink.node.getArguments()[0];
  const url = target && unwrap(target);
  if (!url || !(Node.isIdentifier(url) || Node.isPropertyAccessExpression(url))) return [];
  const fn = sink.node.getFirstAncestor((a) => isFunctionLike(a));
  const statement = sink.node.getFirstAncestor((a) => Node.isStatement(a) && Node.isBlock(a.getParentOrThrow()));
  if (!fn || !statement || statement.getFirstAncestor((a) => isFunctionLike(a)) !== fn) return [];
  const sf = sink.node.getSourceFile();
  const file = sf.getFilePath();
  const imports = sf.getImportDeclarations();
  const declAt = imports.length ? imports[imports.length - 1].getEnd() : 0;
  const declare = sf.getVariableDeclaration(HOSTS_CONST)
    ? []
    : [{ file, start: declAt, end: declAt, newText: declAt ? `\n\nconst ${HOSTS_CONST} = new Set(${JSON.stringify(hosts)});` : `const ${HOSTS_CONST} = new Set(${JSON.stringify(hosts)});\n\n` }];
  return [
    {
      title: `Check the host against the approved egress hosts (${hosts.join(', ')})`,
      kind: 'suggestion',
      edits: [
        ...declare,
        { file, start: statement.getStart(), end: statement.getStart(), newText: `if (!${HOSTS_CONST}.has(new URL(String(${url.getText()})).hostname)) throw new Error('Egress to an unapproved host');\n${lineIndent(statement)}` },
      ],
    },
  ];
}
