/** The `zero-trust-ai` binary (bundled into rules/dist/cli.js). */
import { processIO } from './io.js';
import { run } from './run.js';

// A reader that stops early (`zero-trust-ai scan | head`) closes the pipe: not an error, and no
// reason for a stack trace. The exit code is the scan's.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') process.stderr.write(`error: cannot write the output: ${err.message}\n`);
    process.exit(process.exitCode ?? 2);
  });
}

// exitCode rather than exit(): a report piped to another process is flushed before node exits.
process.exitCode = run(process.argv.slice(2), processIO());
