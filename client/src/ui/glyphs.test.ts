/**
 * Every character the client can show is in a font this machine has: Debian's Chromium with its own
 * fonts (DejaVu, Liberation) showed an empty box for 📹 and ✋, which no font here has. What cannot be
 * typeset everywhere is drawn instead (ui/icons.tsx). Read from fontconfig, which Chromium uses on Linux.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const clientSource = path.resolve(import.meta.dirname, '..');

/** Every file of the client's source that can put text on a page (tests left out). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(tsx?|css)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Code points covered by any installed font, as fontconfig lists their charsets. */
function coveredCodePoints(): (codePoint: number) => boolean {
  const listing = execFileSync('fc-list', ['--format', '%{charset}\n'], { encoding: 'utf8' });
  const ranges = listing
    .split(/\s+/)
    .filter(Boolean)
    .map((range) => {
      const [from = Number.NaN, to = from] = range.split('-').map((hex) => Number.parseInt(hex, 16));
      return [from, to] as const;
    });
  return (codePoint) => ranges.some(([from, to]) => codePoint >= from && codePoint <= to);
}

describe('the characters the client shows', () => {
  it('each have a font on this machine (no emoji: draw an icon instead)', () => {
    const covered = coveredCodePoints();
    const missing = new Map<string, string>();
    for (const file of sourceFiles(clientSource)) {
      // Comments are not shown; strip the obvious ones so that an emoji in a comment is allowed.
      const text = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      for (const char of text) {
        const codePoint = char.codePointAt(0)!;
        // Variation selectors and joiners are not drawn themselves.
        if (codePoint < 0x80 || codePoint === 0xfe0f || codePoint === 0x200d) continue;
        if (!covered(codePoint) && !missing.has(char)) missing.set(char, path.relative(clientSource, file));
      }
    }
    const listed = [...missing].map(
      ([char, file]) => `U+${char.codePointAt(0)!.toString(16).toUpperCase()} ${char} in ${file}`,
    );
    expect(listed, listed.join('\n')).toEqual([]);
  });
});
