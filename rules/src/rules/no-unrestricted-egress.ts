import { Node } from 'ts-morph';
import { defineRule } from '../rule.js';
import { anySource, modelOutputSource, toolInputSource } from '../dataflow/sources.js';
import { sinksIn } from '../dataflow/sinks.js';
import { isGuarded, namesOnPath } from '../dataflow/guards.js';
import { unwrap } from '../model/model.js';
import type { FindingFix } from '../types.js';

/** `https://api.example.com/…${x}`: the host is fixed, only the path or query varies. */
export function fixedHost(url: Node): string | undefined {
  const e = unwrap(url);
  let head: string | undefined;
  if (Node.isTemplateExpression(e)) head = e.getHead().getLiteralText();
  else if (Node.isStringLiteral(e) || Node.isNoSubstitutionTemplateLiteral(e)) head = e.getLiteralValue();
  else if (Node.isBinaryExpression(e)) {
    const left = unwrap(e.getLeft());
    if (Node.isStringLiteral(left) || Node.isNoSubstitutionTemplateLiteral(left)) head = left.getLiteralValue();
  } else if (Node.isNewExpression(e) && /^URL$/.test(e.getExpression().getText())) {
    const [path, base] = e.getArguments();
    if (base && path && (Node.isStringLiteral(path) || Node.isTemplateExpression(path) || Node.isNoSubstitutionTemplateLiteral(path)) && !/^['"`]?\w+:/.test(path.getText().slice(1))) return fixedHost(base);
    if (path) return fixedHost(path);
  }
  const m = head !== undefined ? /^[a-z][\w+.-]*:\/\/([^/?#${}]+)[/?#]/i.exec(head) : undefined;
  return m?.[1];
}

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
    const source = anySource(toolInputSource(ctx.model), modelOutputSource(ctx.model));
    const hosts = ctx.config.approvedEgressHosts;
    for (const sf of ctx.model.sourceFiles) {
      if (!ctx.isTarget(sf)) continue;
      for (const sink of sinksIn(sf, ctx.model)) {
        if (sink.kind !== 'network') continue;
        const url = sink.args[0];
        if (!url) continue;
        // The host is written in the code: the model only picks a path or a query value.
        const host = fixedHost(ctx.model.valueOf(url));
        if (host) continue;
        const paths = ctx.flow.taint(url, { source, sanitizer: (c) => ctx.recognizers.isAllowListCall(c) && !/\.(includes|has|some|test|startsWith|endsWith|indexOf|match)$/.test(c.getExpression().getText()) }).filter((p) => !isGuarded(ctx, sink.node, namesOnPath(p)));
        if (paths.length === 0) continue;
        const p = paths[0];
        const fixes: FindingFix[] = [];
        const statement = sink.node.getFirstAncestor((a) => Node.isStatement(a) && (Node.isBlock(a.getParentOrThrow()) || Node.isSourceFile(a.getParentOrThrow())));
        const urlExpr = unwrap(url);
        if (hosts.length && statement && (Node.isIdentifier(urlExpr) || Node.isPropertyAccessExpression(urlExpr))) {
          const indent = ' '.repeat(statement.getIndentationLevel() * 2);
          const imports = sf.getImportDeclarations();
          const declAt = imports.length ? imports[imports.length - 1].getEnd() : 0;
          fixes.push({
            title: 'Check the host against the approved egress hosts',
            kind: 'suggestion',
            edits: [
              ...(sf.getFullText().includes('APPROVED_EGRESS_HOSTS') ? [] : [{ file: sf.getFilePath(), start: declAt, end: declAt, newText: `${declAt ? '\n\n' : ''}const APPROVED_EGRESS_HOSTS = new Set(${JSON.stringify(hosts)});${declAt ? '' : '\n\n'}` }]),
              { file: sf.getFilePath(), start: statement.getStart(), end: statement.getStart(), newText: `if (!APPROVED_EGRESS_HOSTS.has(new URL(String(${urlExpr.getText()})).hostname)) throw new Error('Egress to an unapproved host');\n${indent}` },
            ],
          });
        }
        ctx.report({
          node: sink.node,
          message: `${sink.label} sends a request to a URL chosen by ${p.source.label} with no host allow-list check: a prompt injection can point the agent at internal services, cloud metadata or an attacker's server. Check \`new URL(url).hostname\` against approved hosts${hosts.length ? ` (${hosts.join(', ')})` : ' (configure "approvedEgressHosts")'} before the request.`,
          related: [{ node: p.source.node, message: p.source.label }],
          flow: [...p.steps].reverse().map((s, i, all) => ({ node: s, message: i === 0 ? p.source.label : i === all.length - 1 ? sink.label : 'flows through' })),
          fixes,
        });
      }
    }
  },
});
