import * as path from 'node:path';
import { Node } from 'ts-morph';
import { defineRule, type RuleContext } from '../rule.js';
import type { ModelCall } from '../model/types.js';
import type { TaintPath } from '../dataflow/flow.js';
import type { FindingFix } from '../types.js';

/** The expression a person would wrap: `customer.email` rather than the `customer` identifier the walk ended on. */
function sourceExpression(p: TaintPath): Node {
  let n = p.source.node;
  if (Node.isParameterDeclaration(n) || Node.isVariableDeclaration(n)) {
    // Reached through a destructured name: wrap the identifier where it is used.
    n = [...p.steps].reverse().find((s) => Node.isIdentifier(s) || Node.isShorthandPropertyAssignment(s)) ?? n;
  }
  for (;;) {
    const parent = n.getParent();
    if (!parent) break;
    if ((Node.isPropertyAccessExpression(parent) || Node.isElementAccessExpression(parent)) && parent.getExpression() === n) {
      const call = parent.getParent();
      if (call && Node.isCallExpression(call) && call.getExpression() === parent) break; // stop before a method call
      n = parent;
      continue;
    }
    break;
  }
  return n;
}

/** Where the data enters the model call: the deepest step still inside the call expression. */
function entryPoint(call: ModelCall, p: TaintPath): Node {
  const start = call.node.getStart();
  const end = call.node.getEnd();
  const sf = call.node.getSourceFile();
  let entry: Node = p.steps[0];
  for (const s of p.steps) {
    if (s.getSourceFile() === sf && s.getStart() >= start && s.getEnd() <= end) entry = s;
  }
  return entry;
}

/** Finds the project's redactor: a configured name, else an exported function named like one. */
function findRedactor(ctx: RuleContext): { name: string; file?: string } | undefined {
  const wanted = ctx.config.redactors.map((r) => r.split('.').pop() ?? r);
  for (const sf of ctx.model.sourceFiles) {
    for (const [name, decls] of sf.getExportedDeclarations()) {
      if (!decls.some((d) => Node.isFunctionDeclaration(d) || (Node.isVariableDeclaration(d) && !!d.getInitializer() && (Node.isArrowFunction(d.getInitializerOrThrow()) || Node.isFunctionExpression(d.getInitializerOrThrow()))))) continue;
      if (wanted.includes(name) || (wanted.length === 0 && /^(redact|mask|scrub|anonymi[sz]e)\w*$/i.test(name))) return { name, file: sf.getFilePath() };
    }
  }
  return undefined;
}

function redactFix(ctx: RuleContext, target: Node, redactor: { name: string; file?: string }): FindingFix {
  const sf = target.getSourceFile();
  const edits = [{ file: sf.getFilePath(), start: target.getStart(), end: target.getEnd(), newText: `${redactor.name}(${target.getText()})` }];
  const alreadyVisible = sf.getFullText().match(new RegExp(`\\b(import[^;]*\\b${redactor.name}\\b|function\\s+${redactor.name}\\b|const\\s+${redactor.name}\\b)`));
  if (!alreadyVisible && redactor.file && redactor.file !== sf.getFilePath()) {
    let rel = path.posix.relative(path.posix.dirname(sf.getFilePath()), redactor.file).replace(/\.(ts|tsx|mts|cts)$/, '.js');
    if (!rel.startsWith('.')) rel = `./${rel}`;
    const imports = sf.getImportDeclarations();
    const at = imports.length ? imports[imports.length - 1].getEnd() : 0;
    edits.push({ file: sf.getFilePath(), start: at, end: at, newText: `${at ? '\n' : ''}import { ${redactor.name} } from '${rel}';${at ? '' : '\n'}` });
  }
  return { title: `Wrap in ${redactor.name}()`, kind: 'suggestion', edits };
}

export default defineRule({
  meta: {
    id: 'no-unredacted-prompts',
    description: 'Require personal data and secrets to pass through a redaction function before they reach a model',
    rationale:
      'Whatever enters a prompt leaves your trust boundary: the provider stores it, the model may repeat it to another user, and a prompt injection can exfiltrate it. Zero Trust protects data by sending the model only what it needs, with personal data and secrets redacted first.',
    steps: [4],
    owasp: ['LLM02:2025'],
    cwe: [359, 200],
    defaultSeverity: 'warning',
    fixKind: 'suggestion',
    preset: 'recommended',
    scope: 'project',
    confidence: 'medium',
  },
  check(ctx) {
    let redactor: { name: string; file?: string } | undefined | null = null;
    for (const sf of ctx.model.sourceFiles) {
      if (!ctx.isTarget(sf)) continue;
      for (const call of ctx.model.modelCallsIn(sf)) {
        const seen = new Set<Node>();
        for (const input of [...call.prompt, ...call.system]) {
          const paths = ctx.flow.taint(input, {
            source: (node, p) => {
              const s = ctx.recognizers.sensitiveSource(node, p);
              return s && { label: s.label, node };
            },
            sanitizer: (c) => ctx.recognizers.isRedactor(c),
          });
          for (const p of paths) {
            const entry = entryPoint(call, p);
            if (seen.has(p.source.node)) continue;
            seen.add(p.source.node);
            const expr = sourceExpression(p);
            if (redactor === null) redactor = findRedactor(ctx);
            const fixTarget = expr.getSourceFile() === sf ? expr : entry;
            ctx.report({
              node: entry,
              message: `${p.source.label} reaches the model input of ${call.node.getExpression().getText().replace(/\s+/g, '')}() without redaction: the provider stores it and the model can repeat it or leak it to an injected instruction. Pass it through a redaction function first${redactor ? ` (${redactor.name})` : ' (configure yours under "redactors")'}, or leave it out.`,
              related: entry !== expr ? [{ node: expr, message: `sensitive data: ${p.source.label}` }] : [],
              flow: [...p.steps].reverse().map((s, i) => ({ node: s, message: i === 0 ? p.source.label : 'flows into the prompt' })),
              fixes: redactor ? [redactFix(ctx, fixTarget, redactor)] : [],
            });
          }
        }
      }
    }
  },
});
