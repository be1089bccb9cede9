/**
 * Entry of dist/server/server.js, also the `zero-trust-ai-language-server` bin:
 *   zero-trust-ai-language-server --stdio        (or --node-ipc, --socket=<port>)
 * The analysis runs in a worker thread from its own bundle beside it (dist/server/worker.js, see
 * analysis/worker-main.ts), so that this thread never loads the analyzer and answers at once.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';

const USAGE = `Usage: zero-trust-ai-language-server --stdio | --node-ipc | --socket=<port>

The Zero Trust AI language server: diagnostics, quick fixes and hovers for TypeScript and
JavaScript AI-agent code, for any LSP client (VS Code, Neovim, Helix, Zed, Emacs).`;

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(USAGE);
} else if (process.argv.includes('--version') || process.argv.includes('-v')) {
  console.log(version());
} else if (!process.argv.some((a) => /^--(stdio|node-ipc|socket|pipe|clientProcessId)/.test(a))) {
  console.error(USAGE);
  process.exitCode = 2;
} else {
  startServer(createConnection(ProposedFeatures.all), { workerScript: path.join(__dirname, 'worker.js'), version: version() });
}

/** The bundle sits in dist/server/ of the extension (or the repository): its package.json has the version. */
function version(): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')).version;
  } catch {
    return '0.0.0';
  }
}
