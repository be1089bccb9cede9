/**
 * The Mermaid renderer's browser build, inlined into HTML reports so they draw the map with no
 * network access. Looked up next to the CLI bundle first (the build copies it to
 * `dist/vendor/mermaid.min.js`), then in node_modules (running from source).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const MERMAID_BUNDLE_FILE = 'mermaid.min.js';

export function loadMermaidBundle(): string | undefined {
  const candidates = [path.join(__dirname, 'vendor', MERMAID_BUNDLE_FILE)];
  try {
    candidates.push(require.resolve(`mermaid/dist/${MERMAID_BUNDLE_FILE}`));
  } catch {
    // not installed: the report shows the diagram's source instead
  }
  for (const file of candidates) {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      // try the next place
    }
  }
  return undefined;
}
