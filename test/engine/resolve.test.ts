import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Project } from 'ts-morph';
import { Resolver } from '../../rules/src/model/resolve.js';

function project(files: Record<string, string>) {
  const p = new Project({ useInMemoryFileSystem: true });
  for (const [name, text] of Object.entries(files)) p.createSourceFile(`/repo/${name}`, text);
  return { resolver: new Resolver(p), file: (name: string) => p.getSourceFileOrThrow(`/repo/${name}`) };
}

test('root aliases (@/, ~/) resolve against the enclosing project folder or its src/', () => {
  const { resolver, file } = project({
    'lib/ai/agents.ts': 'export const a = 1;',
    'src/utils/db.ts': 'export const db = 1;',
    'app/api/chat/route.ts': '',
  });
  const from = file('app/api/chat/route.ts');
  assert.equal(resolver.resolveModule(from, '@/lib/ai/agents'), file('lib/ai/agents.ts'));
  assert.equal(resolver.resolveModule(from, '~/utils/db'), file('src/utils/db.ts'));
  assert.equal(resolver.resolveModule(from, '@/lib/missing'), undefined);
  // A scoped package is a dependency, never a project file.
  assert.equal(resolver.resolveModule(from, '@ai-sdk/openai'), undefined);
});
