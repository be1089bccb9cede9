import { Node } from 'ts-morph';
import { defineRule } from '../rule.js';
import { untrustedContentSource } from '../dataflow/sources.js';
import { isFunctionLike, propertyOf, returnedExpressions, unwrap } from '../model/model.js';
import type { ModelCall } from '../model/types.js';

/**
 * Where system or developer instructions sit: the rows' `system` arguments and agents'
 * instructions, plus system/developer entries inside a messages array (`{ role: 'system' }`,
 * LangChain `new SystemMessage(x)` or a `['system', x]` tuple).
 */
function instructionSlots(call: ModelCall | undefined, extra: Node[]): Node[] {
  const slots = [...extra, ...(call?.system ?? [])];
  for (const input of call?.prompt ?? []) slots.push(...systemEntries(unwrap(input)));
  return slots;
}

export function systemEntries(messages: Node): Node[] {
  const out: Node[] = [];
  if (!Node.isArrayLiteralExpression(messages)) return out;
  for (const el of messages.getElements()) {
    const e = unwrap(el);
    if (Node.isObjectLiteralExpression(e)) {
      const role = propertyOf(e, 'role');
      if (role && /^['"`](system|developer)['"`]$/.test(role.getText())) {
        const content = propertyOf(e, 'content') ?? propertyOf(e, 'parts');
        if (content) out.push(content);
      }
    } else if (Node.isNewExpression(e) && /^(SystemMessage|SystemMessagePromptTemplate)$/.test(e.getExpression().getText())) {
      out.push(...e.getArguments());
    } else if (Node.isArrayLiteralExpression(e)) {
      const [role, content] = e.getElements();
      if (role && content && /^['"`](system|developer)['"`]$/.test(role.getText())) out.push(content);
    }
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'no-untrusted-instructions',
    description: 'Keep untrusted content out of system and developer instructions',
    rationale:
      'Models treat system and developer instructions as the rules they must follow. Fetched pages, retrieved documents, e-mails, tool results and request fields can carry text written by an attacker; placed in the instructions, that text becomes the agent\'s orders (indirect prompt injection). Untrusted content belongs in a clearly delimited user message, never in the instructions.',
    steps: [5],
    owasp: ['LLM01:2025', 'ASI01', 'ASI06'],
    cwe: [1427],
    defaultSeverity: 'error',
    fixKind: 'none',
    preset: 'recommended',
    scope: 'project',
    confidence: 'medium',
  },
  check(ctx) {
    const source = untrustedContentSource(ctx.model);
    const seen = new Set<Node>();
    const inspect = (slotOrFn: Node, where: string): void => {
      const value = unwrap(slotOrFn);
      // instructions: (ctx) => `...`: what the function returns becomes the instructions.
      if (isFunctionLike(value)) {
        for (const r of returnedExpressions(value)) inspect(r, where);
        return;
      }
      const slot = slotOrFn;
      if (!ctx.isTarget(slot.getSourceFile())) return;
      for (const p of ctx.flow.taint(slot, { source, sanitizer: (c) => ctx.recognizers.isRedactor(c) && /sanitizeprompt|escapeprompt/i.test(c.getText()) })) {
        // Report where the content enters the instructions: the deepest step inside the slot.
        const sf = slot.getSourceFile();
        let entry: Node = slot;
        for (const s of p.steps) if (s.getSourceFile() === sf && s.getStart() >= slot.getStart() && s.getEnd() <= slot.getEnd()) entry = s;
        if (seen.has(entry)) continue;
        seen.add(entry);
        ctx.report({
          node: entry,
          message: `Untrusted content (${p.source.label}) is placed in the ${where}: text an attacker controls becomes instructions the model obeys (indirect prompt injection). Keep the instructions static and pass this content as delimited data in a user message.`,
          related: p.source.node.getSourceFile() !== sf || p.source.node.getStart() < slot.getStart() || p.source.node.getEnd() > slot.getEnd() ? [{ node: p.source.node, message: `untrusted source: ${p.source.label}` }] : [],
          flow: [...p.steps].reverse().map((s, i) => ({ node: s, message: i === 0 ? p.source.label : 'flows into the instructions' })),
        });
      }
    };
    for (const call of ctx.model.modelCalls()) for (const slot of instructionSlots(call, [])) inspect(slot, `system instructions of ${call.node.getExpression().getText().replace(/\s+/g, '')}()`);
    for (const agent of ctx.model.agents()) for (const slot of agent.instructions) inspect(slot, `instructions of agent "${agent.name}"`);
  },
});
