/**
 * A small agent project written to a temp folder for CLI tests: a hard-coded key (error, with a
 * suggested fix), two agents sharing the SDK's default key (warnings with related locations), an
 * unscoped shell tool (error, with a data flow), a file with spaces in its path, and a clean file.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The full secret in the fixture: no output format may contain it. */
export const SECRET = 'sk-proj-q8Zr2LmX0vTn4Kp7Wd9Ys1Hb6Jc3Fg5Ne8Ra2Ux';

export const FIXTURE: Record<string, string> = {
  'src/lib/clients.ts': `import OpenAI from 'openai';
export const openai = new OpenAI({ apiKey: '${SECRET}' });
`,
  'src/agents/billing.ts': `import { Agent } from '@openai/agents';
export const billingAgent = new Agent({ name: 'Billing', instructions: 'Explain invoices.', model: 'gpt-4.1-mini' });
`,
  'src/agents/support.ts': `import { Agent } from '@openai/agents';
export const supportAgent = new Agent({ name: 'Support', instructions: 'Answer questions.', model: 'gpt-4.1-mini' });
`,
  'src/tools/shell tool.ts': `import { exec } from 'node:child_process';
import { promisify } from 'node:util';
import { tool } from 'ai';
import { z } from 'zod';
import pino from 'pino';

const log = pino();
const run = promisify(exec);

export const diagnostics = tool({
  description: 'Run a diagnostic command',
  inputSchema: z.object({ command: z.string() }),
  execute: async ({ command }) => {
    log.info({ tool: 'diagnostics' }, 'run');
    const { stdout } = await run(command);
    return stdout;
  },
});
`,
  'src/util.ts': `export function add(a: number, b: number) {
  return a + b;
}
`,
};

const created: string[] = [];
process.on('exit', () => {
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes `files` into a new temp folder (removed when the test process exits) and returns its real path. */
export function writeProject(files: Record<string, string> = FIXTURE, prefix = 'zta-cli-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return fs.realpathSync(dir);
}
