import Anthropic from '@anthropic-ai/sdk';
import express from 'express';
import { audit } from '../lib/audit.js';

// ruleid: no-hardcoded-credentials
const anthropic = new Anthropic({ apiKey: 'sk-ant-api03-Xq7vR2mKp9LwT4sYb8NcE1hUj6GdZ3fA5oQiV0xWkMnB' });

// ok: no-hardcoded-credentials
const triage = new Anthropic({ apiKey: process.env.TRIAGE_ANTHROPIC_API_KEY });

export const escalate = express.Router();

escalate.post('/escalate', async (req, res) => {
  audit('model.escalate', { ticket: req.body.ticketId });
  const message = await anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 512,
    system: 'Write an escalation note for the on-call engineer.',
    messages: [{ role: 'user', content: req.body.ticketText }],
  });
  res.json(message.content);
});

escalate.post('/triage', async (req, res) => {
  // ruleid: require-audit-logging
  const message = await triage.messages.create({
    model: 'claude-haiku-4-5',
    max_tokens: 256,
    messages: [
      // ruleid: no-unredacted-prompts
      { role: 'user', content: `Triage this ticket. Reporter auth: ${req.headers.authorization}. Text: ${req.body.ticketText}` },
    ],
  });
  res.json(message.content);
});
