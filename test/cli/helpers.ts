/** Running the CLI in tests: in-process with captured streams (fast), or as a real process (exit codes, crashes, hangs). */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { run } from '../../rules/src/cli/run.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const CLI_SOURCE = path.join(REPO_ROOT, 'rules/src/cli/main.ts');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface InProcessOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  stdoutTTY?: boolean;
  stderrTTY?: boolean;
}

export function runInProcess(args: string[], options: InProcessOptions): CliRun {
  let stdout = '';
  let stderr = '';
  const code = run(args, {
    cwd: options.cwd,
    env: options.env ?? {},
    stdout: { write: (s: string) => (stdout += s), isTTY: options.stdoutTTY ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.stderrTTY ?? false, columns: 120 },
  });
  return { code, stdout, stderr };
}

/** Spawns `node rules/src/cli/main.ts` (through tsx) with a timeout, so a hang fails the test instead of stalling it. */
export function runProcess(args: string[], cwd: string, timeoutMs = 60_000): CliRun & { timedOut: boolean } {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, ['--import', TSX, CLI_SOURCE, ...args], { cwd, env, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', timedOut: r.error !== undefined && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT' };
}

/** Like runProcess, without blocking the test runner, so cases can run side by side. */
/** Who the spawned CLI runs as (root can read everything, so permission cases run as another user). */
export interface RunAs {
  uid: number;
  gid: number;
}

export function runProcessAsync(args: string[], cwd: string, timeoutMs = 60_000, runAs?: RunAs): Promise<CliRun & { timedOut: boolean; ms: number }> {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', TSX, CLI_SOURCE, ...args], { cwd, env, ...runAs });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut, ms: Date.now() - started });
    });
  });
}
