/**
 * Command dispatch for the `zero-trust-ai` binary. A command is a name, a one-line summary and a
 * function from arguments to an exit code; add new ones (e.g. `inventory`) to COMMANDS.
 */
import { EXIT, UsageError, toolVersion, type CliIO } from './io.js';
import { SCAN_USAGE, runScan } from './scan.js';
import { INVENTORY_USAGE, runInventory } from './inventory.js';

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIO): number;
}

/** Set to show stack traces of crashes. */
export const DEBUG_ENV = 'ZERO_TRUST_AI_DEBUG';

export const COMMANDS: Command[] = [
  { name: 'scan', summary: 'Scan files or folders and report Zero Trust findings (text, JSON, SARIF, HTML)', usage: SCAN_USAGE, run: runScan },
  { name: 'inventory', summary: 'Write the AI inventory and trust-boundary map (JSON, CycloneDX, Mermaid, Markdown)', usage: INVENTORY_USAGE, run: runInventory },
];

export function mainUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: zero-trust-ai <command> [options]

Zero Trust for AI agents: finds shared tokens, unscoped tools, unredacted prompts and missing audit
logging in TypeScript and JavaScript agent code.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Options:
  -h, --help     Show this help (\`zero-trust-ai <command> --help\` for a command's options)
  -v, --version  Show the version
`;
}

/** Runs the CLI with `args` (without node and the script path) and returns the exit code. */
export function run(args: string[], io: CliIO): number {
  const [first, ...rest] = args;
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${toolVersion()}\n`);
    return EXIT.ok;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout.write(mainUsage());
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    io.stderr.write(`${first === undefined ? 'Missing command.' : `Unknown command "${first}".`}\n\n${mainUsage()}`);
    return EXIT.usage;
  }
  try {
    return command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`error: ${err.message}\n\n${command.usage}`);
      return EXIT.usage;
    }
    // An analyzer bug: say so in one line and fail the run; the stack trace is for the bug report, on request.
    const debug = !!io.env[DEBUG_ENV];
    const detail = err instanceof Error ? (debug ? (err.stack ?? err.message) : err.message) : String(err);
    io.stderr.write(`zero-trust-ai crashed, please report this: ${detail}\n${debug ? '' : `(run again with ${DEBUG_ENV}=1 for the stack trace)\n`}`);
    return EXIT.usage;
  }
}
