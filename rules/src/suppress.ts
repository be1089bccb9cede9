/**
 * Inline suppression: `// zero-trust-ai-disable-next-line <id>[, <id>] -- reason`.
 * The reason is required: a suppression without one is ignored and reported, so every accepted
 * risk in the code says why it was accepted.
 */
const DIRECTIVE = /\/[/*]\s*zero-trust-ai-disable-next-line\b([^\n*]*)/g;

/** The comment that suppresses `ruleId` on the next line; front ends insert it (the editor's "suppress with reason"). */
export function suppressionComment(ruleId: string, reason: string): string {
  return `// zero-trust-ai-disable-next-line ${ruleId} -- ${reason}`;
}

export interface Suppressions {
  isSuppressed(line: number, ruleId: string): boolean;
  invalid: Array<{ line: number; reason: string }>;
}

export function parseSuppressions(text: string): Suppressions {
  const byLine = new Map<number, Set<string>>();
  const invalid: Array<{ line: number; reason: string }> = [];
  if (!text.includes('zero-trust-ai-disable')) return { isSuppressed: () => false, invalid };
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineOf = (pos: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  for (const m of text.matchAll(DIRECTIVE)) {
    const line = lineOf(m.index ?? 0);
    const [idsPart, ...reasonParts] = m[1].split('--');
    const reason = reasonParts.join('--').trim();
    const ids = idsPart.split(/[\s,]+/).map((s) => s.trim().replace(/^zero-trust-ai\//, '')).filter(Boolean);
    if (ids.length === 0) {
      invalid.push({ line, reason: 'zero-trust-ai-disable-next-line needs a rule id and a reason: `// zero-trust-ai-disable-next-line <rule-id> -- why`.' });
      continue;
    }
    if (!reason) {
      invalid.push({ line, reason: `Suppression of ${ids.join(', ')} ignored: add a reason after "--" (e.g. "-- key is a public test fixture").` });
      continue;
    }
    byLine.set(line + 1, new Set([...(byLine.get(line + 1) ?? []), ...ids]));
  }
  return { isSuppressed: (line, ruleId) => byLine.get(line)?.has(ruleId) ?? false, invalid };
}
