#!/usr/bin/env node
// One esbuild script bundles every front end (vscode-eslint style):
//   rules/dist/{engine,cli,eslint-plugin}.js  the npm package eslint-plugin-zero-trust-ai (deps stay external)
//   dist/server/{server,worker}.js              the language server and its analysis worker, self-contained
//   dist/client/extension.js                   the VS Code extension (vscode external)
// Entries whose source does not exist yet are skipped, so the build works at every commit.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const rulesPkg = JSON.parse(fs.readFileSync(path.join(root, 'rules/package.json'), 'utf8'));
const packageExternals = [...Object.keys(rulesPkg.dependencies ?? {}), ...Object.keys(rulesPkg.peerDependencies ?? {})];

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
};

const builds = [
  { entry: 'rules/src/index.ts', outfile: 'rules/dist/engine.js', external: packageExternals },
  { entry: 'rules/src/cli/main.ts', outfile: 'rules/dist/cli.js', external: packageExternals, banner: { js: '#!/usr/bin/env node' } },
  { entry: 'rules/src/eslint/index.ts', outfile: 'rules/dist/eslint-plugin.js', external: packageExternals },
  { entry: 'server/src/main.ts', outfile: 'dist/server/server.js', external: [], banner: { js: '#!/usr/bin/env node' } },
  // The analysis worker: the engine (ts-morph, TypeScript) loads in this bundle only.
  { entry: 'server/src/analysis/worker-main.ts', outfile: 'dist/server/worker.js', external: [] },
  { entry: 'client/src/extension.ts', outfile: 'dist/client/extension.js', external: ['vscode'] },
  // The trust-boundary map page runs in the webview: a browser script.
  { entry: 'client/src/webview/map.ts', outfile: 'dist/client/map.js', external: [], platform: 'browser', format: 'iife' },
].filter((b) => fs.existsSync(path.join(root, b.entry)));

const started = Date.now();
const contexts = await Promise.all(
  builds.map((b) => esbuild.context({ ...common, ...(b.platform ? { platform: b.platform, format: b.format, target: 'es2022' } : {}), entryPoints: [b.entry], outfile: b.outfile, external: b.external, banner: b.banner })),
);
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('watching…');
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  for (const b of builds) if (b.banner) fs.chmodSync(path.join(root, b.outfile), 0o755);
  // The HTML report inlines Mermaid's browser build and the map webview loads it: both draw offline.
  const mermaid = path.join(root, 'node_modules/mermaid/dist/mermaid.min.js');
  if (fs.existsSync(mermaid)) {
    for (const dir of ['rules/dist/vendor', 'dist/vendor']) {
      fs.mkdirSync(path.join(root, dir), { recursive: true });
      fs.copyFileSync(mermaid, path.join(root, dir, 'mermaid.min.js'));
    }
  }
  console.log(`built ${builds.map((b) => b.outfile).join(', ')} in ${Date.now() - started} ms`);
}
