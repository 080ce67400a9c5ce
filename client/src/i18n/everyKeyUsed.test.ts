/**
 * Every key of the dictionaries is said somewhere: a key nothing shows is a sentence translators keep
 * up for nobody, and usually the leftover half of one that was split (" wonders…", "Response from ").
 *
 * A key counts as used when its name is written in the client's code as a string, or when a template
 * in the code builds it (`role.${role}` uses every `role.*` key). The words around the meeting
 * document (shared/src/i18n/meetingWords) are also written by the server's Markdown export, so for
 * those the server's and shared code count too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { meetingWordsEn } from '@polyphony/shared';
import { describe, expect, it } from 'vitest';
import { en } from './en';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

/** The code files under a folder, without tests and without the dictionaries themselves. */
function codeFiles(folder: string, skip: (path: string) => boolean): string[] {
  const files: string[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) files.push(...codeFiles(path, skip));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !skip(relative(repo, path)))
      files.push(path);
  }
  return files;
}

const isDictionary = (path: string) =>
  /^client\/src\/i18n\/(privacy\/|admission\/|signIn\/)?[a-z]{2}\.ts$/.test(path) ||
  path.startsWith('shared/src/i18n/meetingWords/');

/** How code names keys: whole names in quotes, and templates with a prefix and a suffix around a value. */
interface Uses {
  names: Set<string>;
  templates: { prefix: string; suffix: string }[];
}

export function keyUses(sources: readonly string[]): Uses {
  const names = new Set<string>();
  const templates: Uses['templates'] = [];
  for (const source of sources) {
    for (const match of source.matchAll(/['"]([\w-]+(?:\.[\w-]+)+)['"]/g)) names.add(match[1]!);
    for (const match of source.matchAll(/`([\w.]*\.)\$\{[^}`]+\}((?:\.[\w]+)*)`/g))
      templates.push({ prefix: match[1]!, suffix: match[2]! });
  }
  return { names, templates };
}

export function isUsed(key: string, uses: Uses): boolean {
  if (uses.names.has(key)) return true;
  return uses.templates.some(({ prefix, suffix }) => {
    if (!key.startsWith(prefix) || !key.endsWith(suffix)) return false;
    const middle = key.slice(prefix.length, key.length - suffix.length);
    return middle.length > 0 && !middle.includes('.');
  });
}

function read(files: string[]): string[] {
  return files.map((file) => readFileSync(file, 'utf8'));
}

describe('dictionary keys', () => {
  const client = keyUses(read(codeFiles(join(repo, 'client/src'), isDictionary)));
  const everywhere = keyUses([
    ...read(codeFiles(join(repo, 'client/src'), isDictionary)),
    ...read(codeFiles(join(repo, 'server/src'), isDictionary)),
    ...read(codeFiles(join(repo, 'shared/src'), isDictionary)),
  ]);
  const meetingWords = new Set(Object.keys(meetingWordsEn));

  it('are each used by the client (or, for the meeting words, by the client or the export)', () => {
    const unused = Object.keys(en).filter((key) =>
      meetingWords.has(key) ? !isUsed(key, everywhere) : !isUsed(key, client),
    );
    expect(unused).toEqual([]);
  });

  it('are whole sentences: none of the client’s own begins or ends with a space', () => {
    const glued = Object.entries(en).filter(([key, message]) => {
      if (meetingWords.has(key) || key === 'common.listSeparator') return false;
      const texts = typeof message === 'string' ? [message] : Object.values(message);
      return texts.some((text) => text !== text.trim());
    });
    expect(glued.map(([key]) => key)).toEqual([]);
  });

  it('count a key built by a template as used, and a key named nowhere as unused', () => {
    const $ = '$'; // code as the test reads it, not a template of this file
    const uses = keyUses([`t(\`role.${$}{role}\`)`, `t(\`section.${$}{name}.hint\`)`, "t('save.saved')"]);
    expect(isUsed('role.observer', uses)).toBe(true);
    expect(isUsed('section.plan.hint', uses)).toBe(true);
    expect(isUsed('section.plan.heading', uses)).toBe(false);
    expect(isUsed('save.saved', uses)).toBe(true);
    expect(isUsed('save.saving', uses)).toBe(false);
  });
});
