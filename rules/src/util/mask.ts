/**
 * Secrets are never printed in full by any front end: a short prefix (enough to recognize the
 * key type, e.g. `sk-proj-`) and the length, nothing else.
 */
export function maskSecret(value: string): string {
  if (value.length <= 4) return '*'.repeat(value.length);
  const keep = Math.min(6, Math.floor(value.length / 4));
  return `${value.slice(0, keep)}…(${value.length} chars)`;
}
