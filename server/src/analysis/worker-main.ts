/** Entry of dist/server/worker.js: the analysis worker thread the language server starts. */
import { parentPort, workerData } from 'node:worker_threads';
import { AnalysisWorker } from './worker.js';
import type { WorkerInit } from './messages.js';

if (!parentPort) throw new Error('dist/server/worker.js runs as the language server\'s worker thread, not on its own');
const port = parentPort;
const worker = new AnalysisWorker(port, workerData as WorkerInit);
port.on('message', (m) => worker.handle(m));
