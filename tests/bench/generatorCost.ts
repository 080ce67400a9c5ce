/**
 * The generator's cost at one fixed level of E, without a ramp: start one server, open N meetings of 8
 * with E's clients (plan.ts `rampClients`), type, and measure windows — the generator's busiest thread
 * (event-loop utilisation), its CPU per second, the server's CPU per second and p99. With
 * BENCH_GENERATOR_PROFILE=<dir> each window's CPU profile of every generator thread is written there.
 *
 *   node tests/bench/bench.mjs is not needed: run it pinned as the bench is,
 *   taskset -c 1 node --import tsx tests/bench/generatorCost.ts [--server=polyphony] [--meetings=160]
 *     [--windows=2] [--window-ms=5000] [--threads=1] [--at-once]
 * --at-once opens every meeting in one join (as E's later ramps open the levels below their first
 * measured one) instead of E's steps; the time the joins took is printed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Generator } from './generator.js';
import { benchPlan, clientsFor } from './plan.js';
import { targetOf } from './scenarios.js';
import { referenceMeetings, seedPolyphonyMeetings } from './seed.js';
import { type ServerKind, startServer } from './servers.js';
import { percentile } from './stats.js';

process.setMaxListeners(0);
const args = process.argv.slice(2);
const option = (name: string, fallback: string): string =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const kind = option('server', 'polyphony') as ServerKind;
const meetings = Number(option('meetings', '160'));
const windows = Number(option('windows', '2'));
const windowMs = Number(option('window-ms', '5000'));
const threads = Number(option('threads', '1'));
const plan = benchPlan(false, threads, { SQLITE_SYNCHRONOUS: 'FULL' });
const clients = clientsFor(plan, 'E', kind);

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'polyphony-gencost-'));
const seeded =
  kind === 'polyphony' ? seedPolyphonyMeetings(root, meetings) : referenceMeetings(meetings, 'G');
const server = await startServer(kind, { dataDir: root, env: kind === 'polyphony' ? plan.env : {} });
const generator = new Generator(targetOf(server, seeded, clients), threads);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
try {
  await generator.typing(clients.rate);
  // Opened in E's steps (as a first ramp climbs), or all at once (as a later ramp starts).
  const step = args.includes('--at-once') ? meetings : plan.ramp.step;
  const joinStarted = performance.now();
  let synced = true;
  for (let from = 0; from < meetings; from += step)
    synced =
      (await generator.open(seeded.meetingIds.slice(from, Math.min(meetings, from + step)), 8)).synced &&
      synced;
  console.log(
    JSON.stringify({
      joins: step === meetings ? 'at once' : `steps of ${step}`,
      synced,
      joinSeconds: Number(((performance.now() - joinStarted) / 1000).toFixed(2)),
    }),
  );
  await sleep(plan.ramp.fineWarmMs);
  for (let i = 0; i < windows; i++) {
    await generator.startWindow();
    const cpuBefore = server.cpuSeconds();
    await sleep(windowMs);
    const cpu = server.cpuSeconds() - cpuBefore;
    const w = await generator.stopWindow();
    const sorted = [...w.latencies].sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        kind,
        meetings,
        threads,
        generatorUtilisation: Number(w.maxUtilisation.toFixed(3)),
        generatorThreadCpu: Number(w.maxThreadCpuShare.toFixed(3)),
        generatorCpuPerSecond: Number(w.cpuPerSecond.toFixed(3)),
        generatorThreadCpuPerKeystrokeUs: Math.round(
          (w.maxThreadCpuShare * 1e6 * threads) / (w.keystrokes / (w.windowMs / 1000)),
        ),
        deliveriesPerSecond: Math.round(w.deliveries / (w.windowMs / 1000)),
        serverCpuPerSecond: Number((cpu / (w.windowMs / 1000)).toFixed(3)),
        keystrokesPerSecond: Math.round(w.keystrokes / (w.windowMs / 1000)),
        offered: Number((w.keystrokes / Math.max(1, w.intended)).toFixed(3)),
        p50: Number(percentile(sorted, 50).toFixed(1)),
        p99: Number(percentile(sorted, 99).toFixed(1)),
        incomplete: w.incomplete,
        load: fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
      }),
    );
  }
  await generator.typing(0);
} finally {
  await generator.close();
  await server.stop();
  const { stopIdleThreads } = await import('./generator.js');
  await stopIdleThreads();
  fs.rmSync(root, { recursive: true, force: true });
}
