/**
 * The README documents what the operator must know: every setting the server reads is in its
 * configuration table, and the data-protection section says what is stored, where, for how long, how
 * it is erased, what a backup still holds, and how sessions end.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const read = (relative: string) => fs.readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8');

describe('the README', () => {
  const readme = read('../../README.md');

  it('has every setting the server reads in its configuration table', () => {
    const sources = [
      read('../../server/src/config.ts'),
      read('../../server/src/livekit/videoConfig.ts'),
    ].join('\n');
    const names = new Set(
      [...sources.matchAll(/(?:env\.|env, ')([A-Z][A-Z0-9_]+)/g)].map((match) => match[1] as string),
    );
    for (const name of [
      'SESSION_IDLE_MINUTES',
      'SESSION_MAX_DAYS',
      'RETENTION_DAYS',
      'ALLOW_ANONYMOUS_START',
      'TRUST_PROXY',
    ]) {
      expect(names).toContain(name);
    }
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Commands'));
    const missing = [...names].filter((name) => !table.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });

  it('says what is stored, where and how long, how erasure works, what a backup holds, how sessions end', () => {
    const section = readme.slice(
      readme.indexOf('## Data protection'),
      readme.indexOf('## Runtime dependencies'),
    );
    for (const part of [
      '### What is stored, and where',
      '### Erasure',
      "### A person's own data",
      '### Sessions',
      'VACUUM',
      'wal_checkpoint(TRUNCATE)',
      'backup',
      'remove',
      'anonymise',
      'RETENTION_DAYS',
      'Leave this device',
      '__Host-',
    ]) {
      expect(section, part).toContain(part);
    }
    for (const command of [
      'erase network',
      'erase meeting',
      'erase person',
      'erase due',
      'retention',
      'erasures',
    ]) {
      expect(readme).toContain(`pnpm polyphony ${command}`);
    }
    expect(readme).toContain('--dry-run');
  });
});
