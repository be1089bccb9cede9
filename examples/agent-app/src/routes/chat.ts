import express from 'express';
import { generateText } from 'ai';
import { openai as provider } from '@ai-sdk/openai';
import { openai } from '../lib/openai.js';
import { diagnostics, healthCheck } from '../tools/shell.js';
import { getCustomer } from '../lib/db.js';
import { redactPII } from '../lib/redact.js';
import { logger } from '../lib/audit.js';

export const chat = express.Router();

chat.post('/chat', async (req, res) => {
  const customer = await getCustomer(req.body.customerId);
  const { text } = await generateText({
    model: provider('gpt-4.1-mini'),
    system: 'You are Acme support.',
    // ruleid: no-unredacted-prompts
    prompt: `Customer email: ${customer.email}. Question: ${req.body.question}`,
    tools: { diagnostics, healthCheck },
    experimental_telemetry: { isEnabled: true, functionId: 'chat' },
  });
  res.json({ text });
});

chat.post('/summary', async (req, res) => {
  const customer = await getCustomer(req.body.customerId);
  logger.info({ route: '/summary', customerId: customer.id }, 'summary requested');
  const completion = await openai.chat.completions.create({
    model: 'gpt-4.1-mini',
    messages: [
      { role: 'system', content: 'Summarize the customer situation in two sentences.' },
      // ok: no-unredacted-prompts
      { role: 'user', content: `Contact: ${redactPII(customer.phone)}. Plan: ${customer.plan}.` },
    ],
  });
  res.json({ summary: completion.choices[0].message.content });
});

chat.post('/translate', async (req, res) => {
  // ruleid: require-audit-logging
  const completion = await openai.chat.completions.create({
    model: 'gpt-4.1-mini',
    messages: [{ role: 'user', content: `Translate to French: ${req.body.text}` }],
  });
  res.json({ text: completion.choices[0].message.content });
});
