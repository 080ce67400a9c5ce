/**
 * A private PostgreSQL cluster (Debian's initdb and pg_ctl) on a free port in a temporary folder, which a
 * test may stop and start again without disturbing the shared one on 5432 that other tests use. initdb
 * refuses to run as root: as root, the cluster runs as the `postgres` user.
 */
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './serverProcess.js';

const run = promisify(execFile);

/** A cluster that can be stopped and started again on the same port. */
export interface PostgresProcess {
  /** postgres://polyphony@127.0.0.1:<port>/postgres (trust authentication, local only). */
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stop it and remove its folder. */
  destroy(): Promise<void>;
}

/** The folder of Debian's PostgreSQL programs (the newest installed), or null. */
function binaries(): string | null {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs.readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = path.join(root, version, 'bin');
    if (fs.existsSync(path.join(bin, 'initdb')) && fs.existsSync(path.join(bin, 'pg_ctl'))) return bin;
  }
  return null;
}

const asRoot = process.getuid?.() === 0;

/** Whether a private cluster can be made here. */
export function privatePostgresAvailable(): boolean {
  if (!binaries()) return false;
  if (!asRoot) return true;
  return spawnSync('id', ['postgres']).status === 0 && spawnSync('runuser', ['--help']).status === 0;
}

/** Make and start a private cluster. */
export async function startPostgres(): Promise<PostgresProcess> {
  const bin = binaries();
  if (!bin) throw new Error('PostgreSQL is not installed (/usr/lib/postgresql/*/bin)');
  // As root, the test run's own temporary folder is root's alone: the cluster's is made in /tmp.
  const dir = fs.mkdtempSync(path.join(asRoot ? '/tmp' : os.tmpdir(), 'polyphony-pg-'));
  const data = path.join(dir, 'data');
  const port = await freePort();
  const as = (program: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args])
      : run(path.join(bin, program), args);
  if (asRoot) await run('chown', ['postgres', dir]);
  await as('initdb', ['-D', data, '-U', 'polyphony', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = async () => {
    await as('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
  };
  // Fast: connections are ended at once, as when a database server goes down.
  const stop = async () => {
    await as('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
  };
  await start();
  return {
    url: `postgres://polyphony@127.0.0.1:${port}/postgres`,
    start,
    stop,
    destroy: async () => {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
