/**
 * A one-line progress indicator on stderr. It appears only on a TTY and only once the scan has run
 * for a second, so quick scans and CI logs stay clean.
 */
import type { OutStream } from './io.js';

const DELAY_MS = 1000;
const REDRAW_MS = 80;

export class Progress {
  private readonly started: number;
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly stream: OutStream,
    private readonly enabled: boolean,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  update(label: string, done?: number, total?: number): void {
    if (!this.enabled) return;
    const now = this.now();
    if (now - this.started < DELAY_MS || now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    const count = total ? ` ${done}/${total}` : '';
    const width = Math.max(20, (this.stream.columns ?? 80) - 1);
    this.stream.write(`\r\u001b[K${`zero-trust-ai: ${label}${count}`.slice(0, width)}`);
    this.drawn = true;
  }

  /** Erases the line so the report starts on a clean one. */
  done(): void {
    if (this.drawn) this.stream.write('\r\u001b[K');
    this.drawn = false;
  }
}
