/**
 * Every temporary directory the tests make (data directories of server processes, SQLite files, Redis and
 * LiveKit working directories) goes under one directory for the run, removed at its end: tests take
 * `os.tmpdir()`, which follows TMPDIR, and the processes they start inherit it. A hundred runs used to
 * leave a thousand directories behind.
 *
 * vitest.config.ts makes the directory (its test workers get TMPDIR from the config's `env`) and names
 * this file as the global setup, whose teardown removes it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const VARIABLE = 'POLYPHONY_TEST_TMPDIR';

/** The run's temporary directory, made once per vitest process. */
export function testRunTempDir(): string {
  const existing = process.env[VARIABLE];
  if (existing && fs.existsSync(existing)) return existing;
  const made = fs.mkdtempSync(path.join(os.tmpdir(), 'polyphony-tests-'));
  process.env[VARIABLE] = made;
  return made;
}

export default function setup(): () => void {
  const runDir = testRunTempDir();
  return () => fs.rmSync(runDir, { recursive: true, force: true });
}
