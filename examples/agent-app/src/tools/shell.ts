import { exec } from 'node:child_process';
import { promisify } from 'node:util';
import { tool } from 'ai';
import { z } from 'zod';
import { audit } from '../lib/audit.js';

const run = promisify(exec);

export const diagnostics = tool({
  description: 'Run a diagnostic command on the support host',
  inputSchema: z.object({ command: z.string().describe('shell command to run') }),
  execute: async ({ command }) => {
    audit('tool.diagnostics', { command });
    // ruleid: no-unscoped-tools
    const { stdout } = await run(command);
    return stdout;
  },
});

const ALLOWED_CHECKS = ['uptime', 'df -h', 'free -m'] as const;

export const healthCheck = tool({
  description: 'Run one of the approved health checks',
  inputSchema: z.object({ check: z.enum(ALLOWED_CHECKS) }),
  execute: async ({ check }) => {
    audit('tool.healthCheck', { check });
    // ok: no-unscoped-tools
    const { stdout } = await run(check);
    return stdout;
  },
});
