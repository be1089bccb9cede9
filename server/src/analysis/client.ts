/**
 * The LSP thread's handle on the analysis worker: posts edits in order, runs analysis jobs as
 * promises, cancels them through the shared flags, and restarts the worker if it dies.
 */
import { Worker } from 'node:worker_threads';
import { CANCEL_SLOTS, type AnalysisTarget, type FromWorker, type ToWorker, type WorkerInit } from './messages.js';

export type JobResult = Extract<FromWorker, { kind: 'result' }>;
export type WorkerStats = Extract<FromWorker, { kind: 'stats' }>;
type Event = Exclude<FromWorker, { kind: 'result' | 'stats' }>;

export interface Job {
  id: number;
  done: Promise<JobResult>;
  cancel(): void;
}

export class AnalysisClient {
  private worker!: Worker;
  private readonly cancelBuffer = new SharedArrayBuffer(CANCEL_SLOTS * 4);
  private readonly cancelFlags = new Int32Array(this.cancelBuffer);
  private nextId = 1;
  private readonly pending = new Map<number, (r: JobResult) => void>();
  private readonly statsWaiters = new Map<number, (s: WorkerStats) => void>();
  /** Messages that define the worker's state, replayed when a crashed worker is restarted. */
  private readonly state = new Map<string, ToWorker>();
  private disposed = false;

  constructor(
    private readonly script: string,
    private readonly trusted: boolean,
    private readonly onEvent: (e: Event) => void,
  ) {
    this.start();
  }

  private start() {
    const init: WorkerInit = { cancel: this.cancelBuffer, trusted: this.trusted };
    this.worker = new Worker(this.script, { workerData: init });
    this.worker.on('message', (m: FromWorker) => {
      if (m.kind === 'result') {
        this.pending.get(m.id)?.(m);
        this.pending.delete(m.id);
      } else if (m.kind === 'stats') {
        this.statsWaiters.get(m.id)?.(m);
        this.statsWaiters.delete(m.id);
      } else {
        this.onEvent(m);
      }
    });
    this.worker.on('error', (err) => this.onEvent({ kind: 'log', level: 'error', message: `analysis worker crashed: ${err.stack ?? err}` }));
    this.worker.on('exit', (code) => {
      if (this.disposed) return;
      this.onEvent({ kind: 'log', level: 'error', message: `analysis worker exited (${code}); restarting` });
      // Jobs in flight are lost: settle them as cancelled so callers re-request.
      for (const [id, resolve] of this.pending) resolve({ kind: 'result', id, files: [], analyzedFiles: 0, cancelled: true, durationMs: 0, timings: {} });
      this.pending.clear();
      this.start();
      for (const m of this.state.values()) this.worker.postMessage(m);
    });
  }

  post(message: Exclude<ToWorker, { kind: 'analyze' | 'stats' }>): void {
    const key = stateKey(message);
    if (key) {
      if (message.kind === 'removeFolder' || message.kind === 'close') {
        this.state.delete(key);
        if (message.kind === 'removeFolder') this.state.delete(`settings:${message.root}`);
      }
      else this.state.set(key, message);
    }
    this.worker.postMessage(message);
  }

  analyze(targets: AnalysisTarget[] | 'all', options: { inventory?: boolean } = {}): Job {
    const id = this.nextId++;
    Atomics.store(this.cancelFlags, id % CANCEL_SLOTS, 0);
    const done = new Promise<JobResult>((resolve) => this.pending.set(id, resolve));
    this.worker.postMessage({ kind: 'analyze', id, targets, ...(options.inventory ? { inventory: true } : {}) } satisfies ToWorker);
    return { id, done, cancel: () => Atomics.store(this.cancelFlags, id % CANCEL_SLOTS, 1) };
  }

  stats(): Promise<WorkerStats> {
    const id = this.nextId++;
    const p = new Promise<WorkerStats>((resolve) => this.statsWaiters.set(id, resolve));
    this.worker.postMessage({ kind: 'stats', id } satisfies ToWorker);
    return p;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await this.worker.terminate();
  }
}

/** Folders and open documents are state; disk events are not (the worker reads the disk itself after a restart). */
function stateKey(m: ToWorker): string | undefined {
  switch (m.kind) {
    case 'addFolder':
    case 'removeFolder':
      return `folder:${m.root}`;
    case 'settings':
      return `settings:${m.root}`;
    case 'update':
    case 'close':
      return `file:${m.file}`;
    default:
      return undefined;
  }
}
