import { Node, SyntaxKind, type CallExpression, type SourceFile } from 'ts-morph';
import { defineRule, type RuleContext } from '../rule.js';
import { isFunctionLike, returnedExpressions } from '../model/model.js';
import type { TaintPath } from '../dataflow/flow.js';
import type { FindingFix, TextEdit } from '../types.js';
import { addNamedImport, importSpecifier, visibleAtTopLevel } from '../util/edits.js';
import { exportedValues } from '../util/exports.js';

/** Something that sends text to a model: a model call, or an agent whose instructions become its system prompt. */
interface ModelInput {
  /** What the data reaches: `the model input of openai.chat.completions.create()`, `the model through the result of tool "x"`. */
  label: string;
  /** The construct the inputs belong to: data entering it is reported where it enters. */
  owner: Node;
  inputs: Node[];
}

/** The expression a person would wrap: `customer.email` rather than the `customer` identifier the walk ended on. */
function sourceExpression(p: TaintPath): Node {
  let n = p.source.node;
  if (Node.isParameterDeclaration(n) || Node.isVariableDeclaration(n) || Node.isBindingElement(n)) {
    // Reached through a declared name: wrap the identifier where it is used.
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
    // `(await getCustomer(id)).email`: keep the await with its call.
    if (Node.isAwaitExpression(parent) || Node.isParenthesizedExpression(parent) || Node.isNonNullExpression(parent)) {
      n = parent;
      continue;
    }
    break;
  }
  return n;
}

/**
 * Where the data enters the model input: the deepest step still inside the call or agent
 * construction, or inside the message list handed over whole (`const messages = [...]`, then `{ messages }`).
 */
function entryPoint(owner: Node, input: Node, p: TaintPath): Node {
  const inside = (s: Node, region: Node) => s.getSourceFile() === region.getSourceFile() && s.getStart() >= region.getStart() && s.getEnd() <= region.getEnd();
  let region = owner;
  let entry: Node = p.steps[0];
  p.steps.forEach((s, i) => {
    if (!inside(s, region)) return;
    entry = s;
    const next = p.steps[i + 1];
    if (region === owner && next && Node.isIdentifier(s) && s.getText() === input.getText().trim() && isLiteralInitializer(next)) region = next;
  });
  return entry;
}

/** `[...]` or `{...}` that initializes a variable: the message list written out where it is declared. */
function isLiteralInitializer(n: Node): boolean {
  const decl = n.getParent();
  return (Node.isArrayLiteralExpression(n) || Node.isObjectLiteralExpression(n)) && !!decl && Node.isVariableDeclaration(decl) && decl.getInitializer() === n;
}

interface Redactor {
  name: string;
  file: string;
  /** The first parameter's declared type, when written: 'string' means the value must be stringified first. */
  paramType?: string;
}

/**
 * The project's redaction functions (configured names, else exported functions named like redact*),
 * and which one fits a source: one named for the field (`maskEmail` for `customer.email`) or the
 * record (`anonymizePatient`), else a general one (`redactPII`).
 */
class Redactors {
  private list?: Redactor[];

  constructor(private readonly ctx: RuleContext) {}

  all(): Redactor[] {
    if (this.list) return this.list;
    const list: Redactor[] = [];
    for (const sf of this.ctx.model.sourceFiles) {
      if (!/\b(redact|mask|scrub|anonymi|pseudonymi|deidentif|sanitize|strip|obfuscate)/i.test(sf.getFullText()) && this.ctx.config.redactors.length === 0) continue;
      for (const { name, value: fn } of exportedValues(sf)) {
        if (!this.ctx.recognizers.isRedactorName(name)) continue;
        if (!fn || !(Node.isFunctionDeclaration(fn) || Node.isArrowFunction(fn) || Node.isFunctionExpression(fn))) continue;
        list.push({ name, file: sf.getFilePath(), paramType: fn.getParameters()[0]?.getTypeNode()?.getText() });
      }
    }
    return (this.list = list);
  }

  for(label: string): Redactor | undefined {
    const words = label.replace(/\(.*\)/g, '').split(/[.\s]+/).filter(Boolean).map((w) => w.toLowerCase());
    const subject = words[words.length - 1] ?? '';
    const record = words[0] ?? '';
    const named = (r: Redactor) => r.name.replace(/^(redact|mask|scrub|anonymi[sz]e|pseudonymi[sz]e|deidentify|sanitize|strip|obfuscate|remove|filter|hash|clean)/i, '').toLowerCase();
    const specific = this.all().find((r) => named(r) !== '' && (subject.startsWith(named(r)) || named(r).startsWith(subject) || named(r).startsWith(record)));
    if (specific) return specific;
    return this.all().find((r) => /^(|pii|sensitive|personal|secrets?|text|prompt|input|data|string|content|forprompt|forllm)$/.test(named(r)));
  }
}

/** `redactPII(customer.email)`, `redactPII(JSON.stringify(customer))`: wraps the source where it is read. */
function redactFix(p: TaintPath, redactors: Redactors): FindingFix | undefined {
  const redactor = redactors.for(p.source.label);
  if (!redactor) return undefined;
  let target = sourceExpression(p);
  const whole = /\((whole record|every [\w ]+)\)$/.test(p.source.label);
  const wantsString = redactor.paramType === 'string';
  if (redactor.paramType && !wantsString && !/^(any|unknown|object|Record<|T\b)/.test(redactor.paramType) && !whole) return undefined;
  // Already turned into text around the source: redact the text.
  const parent = target.getParent();
  if (wantsString && parent && Node.isCallExpression(parent) && parent.getArguments()[0] === target && /^(JSON\.stringify|String)$/.test(parent.getExpression().getText())) target = parent;
  const stringified = target !== sourceExpression(p);
  const inner = wantsString && whole && !stringified ? `JSON.stringify(${target.getText()})` : target.getText();
  const sf = target.getSourceFile();
  const edits: TextEdit[] = [{ file: sf.getFilePath(), start: target.getStart(), end: target.getEnd(), newText: `${redactor.name}(${inner})` }];
  if (redactor.file !== sf.getFilePath() && !visibleAtTopLevel(sf, redactor.name)) {
    // A different binding of that name in the file would make the import clash.
    if (sf.getDescendantsOfKind(SyntaxKind.Identifier).some((id) => id.getText() === redactor.name)) return undefined;
    edits.push(addNamedImport(sf, redactor.name, importSpecifier(sf, redactor.file)));
  }
  return { title: `Wrap in ${redactor.name}()`, kind: 'suggestion', edits };
}

/** Model calls and agent instructions defined in `sf`. Function-valued instructions count by what they return. */
function modelInputs(ctx: RuleContext, sf: SourceFile): ModelInput[] {
  const out: ModelInput[] = [];
  for (const call of ctx.model.modelCallsIn(sf)) {
    out.push({ label: `the model input of ${call.node.getExpression().getText().replace(/\s+/g, '')}()`, owner: call.node, inputs: [...call.prompt, ...call.system] });
  }
  for (const agent of ctx.model.agents()) {
    if (agent.node.getSourceFile() !== sf || agent.instructions.length === 0) continue;
    out.push({ label: `the model input of the instructions of agent "${agent.name}"`, owner: agent.node, inputs: agent.instructions });
  }
  // What a tool returns goes back to the model as the tool result. Spec tools' results enter the
  // model through the messages the code builds, which the model calls above already cover.
  for (const tool of ctx.model.tools()) {
    if (tool.node.getSourceFile() !== sf || tool.row.construct === 'spec' || !tool.execute || !isFunctionLike(tool.execute)) continue;
    for (const returned of returnedExpressions(tool.execute)) {
      out.push({ label: `the model through the result of tool "${tool.name}"`, owner: returned, inputs: [returned] });
    }
  }
  for (const input of out) {
    input.inputs = input.inputs.flatMap((n) => {
      const v = ctx.model.valueOf(n);
      return isFunctionLike(v) ? returnedExpressions(v) : [n];
    });
  }
  return out;
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
    const redactors = new Redactors(ctx);
    const query = {
      source: (node: Node, path: readonly string[]) => {
        const s = ctx.recognizers.sensitiveSource(node, path);
        return s && { label: s.label, node };
      },
      sanitizer: (c: CallExpression) => ctx.recognizers.isRedactor(c),
    };
    for (const sf of ctx.model.sourceFiles) {
      if (!ctx.isTarget(sf)) continue;
      for (const target of modelInputs(ctx, sf)) {
        const seen = new Set<Node>();
        for (const input of target.inputs) {
          for (const p of ctx.flow.taint(input, query)) {
            if (seen.has(p.source.node)) continue;
            seen.add(p.source.node);
            const entry = entryPoint(target.owner, input, p);
            const expr = sourceExpression(p);
            const fix = redactFix(p, redactors);
            const advice = fix ? fix.title.replace(/^Wrap in /, 'e.g. ') : 'configure yours under "redactors"';
            ctx.report({
              node: entry,
              message: `${p.source.label} reaches ${target.label} without redaction: the provider stores it, and the model can repeat it or leak it to an injected instruction. Pass it through a redaction function first (${advice}), or leave it out.`,
              related: entry !== expr ? [{ node: expr, message: `sensitive data: ${p.source.label}` }] : [],
              flow: [...p.steps].reverse().map((s, i) => ({ node: s, message: i === 0 ? p.source.label : 'flows into the model input' })),
              fixes: fix ? [fix] : [],
            });
          }
        }
      }
    }
  },
});
