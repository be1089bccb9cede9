import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { tool } from '@openai/agents';
import { z } from 'zod';
import { audit } from '../lib/audit.js';

const KB_ROOT = path.resolve('knowledge-base');

export const readArticle = tool({
  name: 'read_article',
  description: 'Read a knowledge-base article',
  parameters: z.object({ file: z.string() }),
  execute: async ({ file }) => {
    const full = path.resolve(KB_ROOT, file);
    if (!full.startsWith(KB_ROOT + path.sep)) throw new Error('outside the knowledge base');
    audit('tool.read_article', { file });
    // ok: no-unscoped-tools
    return readFile(full, 'utf8');
  },
});

// ruleid: require-audit-logging
export const readAnyFile = tool({
  name: 'read_file',
  description: 'Read a file from the server',
  parameters: z.object({ file: z.string() }),
  execute: async ({ file }) => {
    // ruleid: no-unscoped-tools
    return readFile(file, 'utf8');
  },
});
