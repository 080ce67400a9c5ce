/**
 * server/SPEC.md's sync and several-instances rules and the tests that carry their ids agree: every rule
 * has a test whose name starts with its id, and no test names a rule the SPEC does not have.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
/** The rule families of the sync server's and several instances' sections. */
const ID = /\[((?:SY|SD|RD)\d+)\]/;

/** Every *.test.ts file below `dir`. */
function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFiles(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** The rule ids the tests carry at the start of their names. */
function idsInTests(): Set<string> {
  const ids = new Set<string>();
  const name = new RegExp(`\\bit(?:\\.\\w+)?\\(\\s*['"\`]${ID.source}`, 'g');
  for (const file of [...testFiles(path.join(root, 'server/src')), ...testFiles(path.join(root, 'tests'))]) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(name)) ids.add(match[1] as string);
  }
  return ids;
}

/** The rule ids server/SPEC.md defines (`- **[SY1] …**`). */
function idsInSpec(): Set<string> {
  const spec = fs.readFileSync(path.join(root, 'server/SPEC.md'), 'utf8');
  const rule = new RegExp(`^- \\*\\*${ID.source}`, 'gm');
  return new Set([...spec.matchAll(rule)].map((match) => match[1] as string));
}

describe('server/SPEC.md', () => {
  it('every sync and several-instances rule has a test carrying its id, and every id a test carries is a rule', () => {
    const spec = idsInSpec();
    const tests = idsInTests();
    expect(spec.size).toBeGreaterThan(0);
    expect([...spec].filter((id) => !tests.has(id))).toEqual([]);
    expect([...tests].filter((id) => !spec.has(id))).toEqual([]);
  });
});
