/** The `zero-trust-ai` binary (bundled into rules/dist/cli.js). */
import { processIO } from './io.js';
import { run } from './run.js';

// exitCode rather than exit(): a report piped to another process is flushed before node exits.
process.exitCode = run(process.argv.slice(2), processIO());
