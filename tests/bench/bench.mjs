// `pnpm bench`: start run.ts pinned away from the servers' core (taskset -c 1-…) in one process. Plain
// JavaScript on purpose: run.ts re-executes itself under taskset when started unpinned, which loads tsx
// and every module of the bench twice (about 2 s here, counted against --quick's two minutes).
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const cores = os.cpus().length;
const canPin = cores >= 2 && spawnSync('taskset', ['-V'], { stdio: 'ignore' }).status === 0;
const run = fileURLToPath(new URL('./run.ts', import.meta.url));
const node = [process.execPath, '--import', 'tsx', run, ...process.argv.slice(2)];
const [command, ...args] = canPin ? ['taskset', '-c', `1-${cores - 1}`, ...node] : node;
const result = spawnSync(command, args, {
  stdio: 'inherit',
  env: { ...process.env, BENCH_STARTED: String(Date.now()), ...(canPin ? { BENCH_PINNED: '1' } : {}) },
});
process.exit(result.status ?? 1);
