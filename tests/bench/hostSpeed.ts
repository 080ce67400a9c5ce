/**
 * How fast the host is right now, per core: the same fixed Yjs workload (hostSpeed.mjs) timed pinned to
 * each core, at the start and at the end of a run. This machine's speed moves by up to 2× within an hour
 * (other tenants of the host); the figures say how much of a difference between two runs is the host's.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { canPin } from './servers.js';

const WORKLOAD = fileURLToPath(new URL('./hostSpeed.mjs', import.meta.url));

/**
 * The workload's median time in ms over `rounds` rounds on each core (one entry, unpinned, where cores
 * cannot be pinned).
 */
export function hostSpeed(cores: number, rounds = 5): number[] {
  const run = (core: number | null): number => {
    const args = [WORKLOAD, String(rounds)];
    const output =
      core === null
        ? execFileSync(process.execPath, args, { encoding: 'utf8' })
        : execFileSync('taskset', ['-c', String(core), process.execPath, ...args], { encoding: 'utf8' });
    return Math.round((JSON.parse(output) as { medianMs: number }).medianMs);
  };
  return canPin ? Array.from({ length: cores }, (_, core) => run(core)) : [run(null)];
}

/** "core 0 412 ms, core 1 398 ms" */
export function describeHostSpeed(times: number[]): string {
  return canPin ? times.map((ms, core) => `core ${core} ${ms} ms`).join(', ') : `${times[0]} ms`;
}
