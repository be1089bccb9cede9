/**
 * What the CLI touches of the outside world, as one object: commands take it as a parameter so
 * tests run them in-process with captured streams.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface OutStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIO {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: OutStream;
  stderr: OutStream;
}

export function processIO(): CliIO {
  return { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr };
}

export const EXIT = {
  /** Nothing at error level, warnings within --max-warnings. */
  ok: 0,
  /** Findings at error level, or too many warnings. */
  findings: 1,
  /** Usage or config error, a missing path, an analyzer failure. */
  usage: 2,
} as const;

export class UsageError extends Error {}

export const PACKAGE_NAME = 'eslint-plugin-zero-trust-ai';
export const TOOL_NAME = 'zero-trust-ai';
export const INFORMATION_URI = 'https://github.com/zero-trust-ai/zero-trust-ai';

let cachedVersion: string | undefined;

/** The package version, read from our own package.json (found from the source tree, the bundle, or an install). */
export function toolVersion(): string {
  if (cachedVersion) return cachedVersion;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === PACKAGE_NAME && pkg.version) return (cachedVersion = pkg.version);
    } catch {
      // no package.json at this level
    }
    if (path.dirname(dir) === dir) return (cachedVersion = '0.0.0');
  }
}
