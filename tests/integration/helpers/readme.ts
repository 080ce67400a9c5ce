/**
 * What the README says, read by the tests that hold it to its word: the proxy examples the TLS tests run,
 * the metrics the metrics test scrapes. Reading them from the README means they cannot drift apart.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const README = fileURLToPath(new URL('../../../README.md', import.meta.url));

/** The fenced code block right after `<!-- example: <name> … -->` in the README. */
export function readmeExample(name: string): string {
  const text = fs.readFileSync(README, 'utf8');
  const marker = `<!-- example: ${name}`;
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`the README has no example marked "${marker} -->"`);
  const block = /```[a-z]*\n([\s\S]*?)\n```/.exec(text.slice(at));
  if (!block) throw new Error(`no code block after "${marker} -->" in the README`);
  return `${block[1]}\n`;
}

/** The rows of the README table that follows a heading, as cells (code quotes taken off), header excluded. */
export function readmeTable(heading: string): string[][] {
  const text = fs.readFileSync(README, 'utf8');
  const at = text.indexOf(`\n${heading}\n`);
  if (at < 0) throw new Error(`the README has no heading "${heading}"`);
  const lines: string[] = [];
  for (const line of text.slice(at + heading.length + 2).split('\n')) {
    if (line.startsWith('#')) break;
    if (line.startsWith('|')) lines.push(line);
    else if (lines.length > 0) break;
  }
  return lines.slice(2).map((line) =>
    line
      .slice(1, -1)
      .split(' | ')
      .map((cell) => cell.trim().replace(/^`([^`]*)`$/, '$1')),
  );
}
