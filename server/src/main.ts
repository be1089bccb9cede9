/**
 * Entry of dist/server/server.js, also the `zero-trust-ai-language-server` bin:
 *   zero-trust-ai-language-server --stdio        (or --node-ipc, --socket=<port>)
 * The same file runs the analysis worker thread.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { AnalysisWorker } from './analysis/worker.js';
import type { WorkerInit } from './analysis/messages.js';
import { startServer } from './server.js';

const USAGE = `Usage: zero-trust-ai-language-server --stdio | --node-ipc | --socket=<port>

The Zero Trust AI language server: diagnostics, quick fixes and hovers for TypeScript and
JavaScript AI-agent code, for any LSP client (VS Code, Neovim, Helix, Zed, Emacs).`;

if (!isMainThread) {
  const worker = new AnalysisWorker(parentPort!, workerData as WorkerInit);
  parentPort!.on('message', (m) => worker.handle(m));
} else if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(USAGE);
} else if (process.argv.includes('--version') || process.argv.includes('-v')) {
  console.log(version());
} else if (!process.argv.some((a) => /^--(stdio|node-ipc|socket|pipe|clientProcessId)/.test(a))) {
  console.error(USAGE);
  process.exitCode = 2;
} else {
  startServer(createConnection(ProposedFeatures.all), { workerScript: __filename, version: version() });
}

/** The bundle sits in dist/server/ of the extension (or the repository): its package.json has the version. */
function version(): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')).version;
  } catch {
    return '0.0.0';
  }
}
