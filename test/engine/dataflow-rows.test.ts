/**
 * The config's `sources`, `sinks` and `sanitizers`: validated by the schema, turned into data-flow
 * rows, and seen by every rule (also the core rules that predate them).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfigText } from '../../rules/src/config/load.js';
import { expectMarks } from '../helpers/marks.js';

const config = (c: object) => JSON.stringify(c);

test('schema: rows are validated, a bad row is reported with its path and the rest still applies', () => {
  const { config: resolved, notices } = parseConfigText(
    config({
      sources: [{ module: './lib/mail', name: 'fetchInbox', kind: 'untrusted', path: 'body' }],
      sinks: [{ name: 'db.rawQuery', kind: 'eval' }],
      sanitizers: [{ name: 'cleanHtml', for: ['html'] }],
    }),
    '/p/zero-trust-ai.config.json',
    '/p',
  );
  assert.deepEqual(resolved.sources, [{ module: './lib/mail', name: 'fetchInbox', kind: 'untrusted', path: 'body' }]);
  assert.deepEqual(resolved.sanitizers, [{ name: 'cleanHtml', for: ['html'] }]);
  assert.deepEqual(resolved.sinks, [], 'the bad key falls back to its default');
  assert.equal(notices.length, 1);
  assert.equal(notices[0].path, 'sinks.0.kind');
  const bad = parseConfigText(config({ sources: [{ name: 'not a name', kind: 'untrusted' }] }), '/p/zero-trust-ai.config.json', '/p');
  assert.equal(bad.notices[0].path, 'sources.0.name');
});

test('a sensitive source row is seen by no-unredacted-prompts, and a sensitive sanitizer row cleans it', () => {
  expectMarks(
    {
      'lib/crm.ts': `export async function loadContact(id: string) {\n  return { id, notes: 'VIP, lives at 1 Main St' };\n}\nexport function scrubNotes(s: string) {\n  return s.replace(/\\d+/g, '#');\n}\n`,
      'a.ts': `import OpenAI from 'openai';
import { loadContact, scrubNotes } from './lib/crm';
const openai = new OpenAI();
export async function a(id: string) {
  const contact = await loadContact(id);
  await openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [
      // ruleid: no-unredacted-prompts
      { role: 'user', content: \`Notes: \${contact.notes}\` },
      // ok: no-unredacted-prompts
      { role: 'user', content: \`Notes: \${scrubNotes(contact.notes)}\` },
      // ok: no-unredacted-prompts
      { role: 'user', content: \`Contact \${contact.id}\` },
    ],
  });
}
`,
    },
    'no-unredacted-prompts',
    config({ sources: [{ module: './lib/crm', name: 'loadContact', kind: 'sensitive', path: 'notes' }], sanitizers: [{ module: './lib/crm', name: 'scrubNotes', for: ['sensitive'] }] }),
  );
});

test('a shell sink row is seen by no-unscoped-tools, by callee text without a module', () => {
  expectMarks(
    {
      'lib/ops.ts': `export const ops = { run: async (cmd: string) => cmd };\n`,
      'tools.ts': `import { tool } from 'ai';
import { z } from 'zod';
import { ops } from './lib/ops';
import { audit } from './audit';
export const runner = tool({
  description: 'Run a command',
  inputSchema: z.object({ cmd: z.string() }),
  execute: async ({ cmd }) => {
    audit('tool', { cmd });
    // ruleid: no-unscoped-tools
    return ops.run(cmd);
  },
});
`,
      'audit.ts': `import pino from 'pino';\nconst logger = pino();\nexport function audit(e: string, f: object) { logger.info(f, e); }\n`,
    },
    'no-unscoped-tools',
    config({ sinks: [{ name: 'ops.run', kind: 'shell' }], loggers: ['audit'] }),
  );
});

test('a source row on a method of an instance made from a package matches `new Mailer().fetchInbox()`', () => {
  expectMarks(
    {
      'inbox.ts': `import { Mailer } from '@acme/mailer';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
const mailer = new Mailer();
export async function triage() {
  const mail = await mailer.fetchInbox();
  const other = await mailer.sendReceipt();
  return generateText({
    model: openai('gpt-4o'),
    // ruleid: no-untrusted-instructions
    system: \`Triage. Apply the notes: \${mail}\`,
    // ok: no-untrusted-instructions
    prompt: String(other),
  });
}
`,
    },
    'no-untrusted-instructions',
    config({ sources: [{ module: '@acme/mailer', name: 'Mailer.fetchInbox', kind: 'untrusted' }] }),
  );
});

test('an html sink row and a model-output row meet in no-unsafe-model-output; an unrelated function of the same name elsewhere does not match', () => {
  expectMarks(
    {
      'lib/ui.ts': `export function renderHtml(el: Element, html: string) {\n  el.setAttribute('data-html', html);\n}\n`,
      'lib/llm.ts': `export async function ask(q: string): Promise<string> {\n  return q;\n}\n`,
      'other.ts': `export async function ask(q: string): Promise<string> {\n  return q;\n}\n`,
      'view.ts': `import { renderHtml } from './lib/ui';
import { ask } from './lib/llm';
import { ask as askOther } from './other';
export async function view(el: Element, q: string) {
  // ruleid: no-unsafe-model-output
  renderHtml(el, await ask(q));
  // ok: no-unsafe-model-output
  renderHtml(el, await askOther(q));
}
`,
    },
    'no-unsafe-model-output',
    config({ sinks: [{ module: './lib/ui', name: 'renderHtml', kind: 'html', args: [1] }], sources: [{ module: './lib/llm', name: 'ask', kind: 'model-output' }] }),
  );
});
