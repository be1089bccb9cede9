/**
 * Every quick fix the server offers on the example app and the corpus, applied the way an editor
 * applies it (LSP positions, versioned edits): the result parses, the finding is gone from the
 * next publish, and no same fix is offered there again (applying twice changes nothing). Checks
 * the LSP plumbing (offset -> position conversion, edit grouping) on many real fixes; the rules'
 * own tests check each fix at the engine level.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeActionRequest, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-protocol';
import { syntaxErrors } from '../helpers/fixes.js';
import { applyEdits, buildOnce, editsFor, LspClient, REPO } from './lsp-client.js';

interface FixData {
  title: string;
  kind: string;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(p);
    return /\.[cm]?[jt]sx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Line of a position after `edits` were applied before it. */
function shiftedLine(line: number, edits: TextEdit[]): number {
  let delta = 0;
  for (const e of edits) {
    if (e.range.end.line >= line) continue;
    delta += e.newText.split('\n').length - 1 - (e.range.end.line - e.range.start.line);
  }
  return line + delta;
}

const corpus = path.join(REPO, 'test/corpus');
const projects = [path.join(REPO, 'examples/agent-app'), ...(fs.existsSync(corpus) ? fs.readdirSync(corpus).map((d) => path.join(corpus, d)) : [])].filter((p) => fs.statSync(p, { throwIfNoEntry: false })?.isDirectory());

before(() => buildOnce());

for (const project of projects) {
  describe(`quick fixes over LSP: ${path.relative(REPO, project)}`, () => {
    let client: LspClient;
    before(async () => {
      client = new LspClient({ root: project, settings: {} });
      await client.initialize();
      await client.waitLoaded();
    });
    after(() => client.stop());

    it('each fix parses, removes its finding, and is not offered again', async () => {
      let applied = 0;
      for (const file of sourceFiles(project)) {
        const original = fs.readFileSync(file, 'utf8');
        const { uri } = await client.open(file, original);
        let current = await client.diagnosticsFor(uri, 1);
        const count = current.length;
        for (let i = 0; i < count; i++) {
          const fixes = ((current[i].data as { fixes?: FixData[] } | undefined)?.fixes ?? []).filter((f) => f.kind !== 'suppress');
          for (const fix of fixes) {
            // The finding as published for the current version: its edits are tied to that version.
            const d = current[i];
            const actions = ((await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) ?? []) as CodeAction[];
            const action = actions.find((a) => a.title === fix.title);
            assert.ok(action?.edit, `${path.basename(file)}:${d.range.start.line + 1} offers "${fix.title}"`);
            const edits = editsFor(action.edit, uri);
            const fixed = applyEdits(original, edits);
            const where = `${path.relative(project, file)}:${d.range.start.line + 1} "${fix.title}"`;
            assert.notEqual(fixed, original, `${where} changes the file`);
            assert.deepEqual(syntaxErrors(file, fixed), [], `${where} leaves code that parses:\n${fixed}`);
            let version = await client.change(uri, fixed);
            const after = await client.diagnosticsFor(uri, version);
            const line = shiftedLine(d.range.start.line, edits);
            // Same rule, line and message: another finding on that line (another argument) may stay.
            const same = after.filter((x: Diagnostic) => x.code === d.code && x.range.start.line === line && x.message === d.message);
            assert.deepEqual(same.map((x) => x.message), [], `${where}: the finding is gone`);
            const again = ((await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line, character: 0 }, end: { line, character: 0 } }, context: { diagnostics: after.filter((x) => x.range.start.line === line && x.code === d.code) } })) ?? []) as CodeAction[];
            // Another finding on the line (a second field in one template) may offer a fix of the same title; the same edit must not come back.
            const sameEdit = (a: CodeAction) => a.title === fix.title && !!a.edit && JSON.stringify(editsFor(a.edit, uri).map((e) => e.newText)) === JSON.stringify(edits.map((e) => e.newText));
            assert.ok(!again.some(sameEdit), `${where}: not offered a second time`);
            version = await client.change(uri, original);
            current = await client.diagnosticsFor(uri, version);
            assert.equal(current.length, count, 'the original text gets its findings back');
            applied++;
          }
        }
        await client.close(uri);
      }
      console.log(`${path.relative(REPO, project)}: ${applied} fixes applied over LSP`);
    });
  });
}
