/**
 * What one keystroke costs Polyphony's server: bytes allocated on its heap and CPU time, per keystroke,
 * over a window of A's load (meetings of eight: a stock y-websocket probe echoing presence and seven light
 * editors, 5 keys/s each with a cursor move, the headline's `ClientBehaviour`), through a real server on
 * its SQLite file with fdatasync before "saved". Latency is not measured here: on a machine shared with
 * other work it is noise, while allocation per keystroke is a count (see costMeter.mjs) and CPU per
 * keystroke moves far less than latency.
 *
 *   node --import tsx tests/bench/keystrokeCost.ts [--meetings=40] [--editors=8] [--window=12000]
 *        [--warm=3000] [--runs=3] [--presence=echo|own] [--entry=a/server/dist/index.js,b/…]
 *        [--json=out.json]
 *
 * With several --entry builds (another commit's server/dist/index.js each; this tree's by default) the
 * runs interleave — a, b, a, b … — so that old and new are measured back to back under the same load.
 * Each run starts a fresh server on a fresh data folder, opens the meetings, types for `warm` ms, then
 * measures from the first SIGUSR2 (a forced GC, then V8's GC profiler) until typing has stopped and every
 * keystroke of the window was delivered (the second SIGUSR2). Printed per run and as medians per build.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ownPresenceClients, stockClients } from './clientBehaviour.js';
import { Generator } from './generator.js';
import { seedPolyphonyMeetings } from './seed.js';
import { canPin, startServer } from './servers.js';

process.setMaxListeners(0);
const args = process.argv.slice(2);
const option = (name: string): string | undefined =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

// The generator away from the server's core, as `pnpm bench` does: re-run under taskset once.
if (canPin && process.env.BENCH_PINNED !== '1') {
  const cores = os.cpus().length;
  const pinned = spawnSync(
    'taskset',
    ['-c', `1-${cores - 1}`, process.execPath, ...process.execArgv, fileURLToPath(import.meta.url), ...args],
    { stdio: 'inherit', env: { ...process.env, BENCH_PINNED: '1' } },
  );
  process.exit(pinned.status ?? 1);
}

const meetings = Number(option('meetings') ?? 40);
const editors = Number(option('editors') ?? 8);
// 12 s: each meeting's log reaches COMPACT_EVERY (500) once inside the window (≈ 120 keystrokes of warm-up, then
// ≈ 480), so a compaction's cost is in it, spread over about as many keystrokes as it is in use.
const windowMs = Number(option('window') ?? 12_000);
const warmMs = Number(option('warm') ?? 3000);
const runs = Number(option('runs') ?? 3);
const threads = Number(option('threads') ?? 1);
const clients = option('presence') === 'own' ? ownPresenceClients() : stockClients();
const thisTree = fileURLToPath(new URL('../../server/dist/index.js', import.meta.url));
const entries = option('entry')?.split(',') ?? [thisTree];
const meter = fileURLToPath(new URL('./costMeter.mjs', import.meta.url));
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'polyphony-cost-'));

/** What one run measured. */
interface RunCost {
  entry: string;
  keystrokes: number;
  incomplete: number;
  /** Bytes allocated on the server's heap per keystroke. */
  bytesPerKeystroke: number;
  /** Server CPU (user + system, all threads) per keystroke, ms. */
  cpuMsPerKeystroke: number;
  /** Time in GC per keystroke, ms. */
  gcMsPerKeystroke: number;
  gcs: Record<string, number>;
  generatorMaxUtilisation: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForFile(file: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`the server did not write ${file}`);
    await sleep(20);
  }
}

async function measure(entry: string, run: number): Promise<RunCost> {
  const dataDir = path.join(root, `run-${run}`);
  fs.mkdirSync(dataDir, { recursive: true });
  const seeded = seedPolyphonyMeetings(dataDir, meetings);
  const costFile = path.join(dataDir, 'cost.json');
  const server = await startServer('polyphony', {
    dataDir,
    entry,
    flags: ['--expose-gc', `--import=${meter}`],
    env: { SQLITE_SYNCHRONOUS: 'FULL', BENCH_COST_FILE: costFile },
  });
  const generator = new Generator(
    {
      framing: server.framing,
      serverUrl: server.serverUrl,
      cookie: seeded.cookie,
      typist: seeded.typist,
      behaviour: clients,
    },
    threads,
  );
  try {
    const opened = await generator.open(seeded.meetingIds, editors);
    if (!opened.synced) throw new Error('not every editor synced');
    await generator.typing(clients.rate);
    await sleep(warmMs);
    process.kill(server.pid, 'SIGUSR2');
    await waitForFile(`${costFile}.started`, 10_000);
    await generator.startWindow();
    await sleep(windowMs);
    await generator.typing(0);
    // Waits a second for the window's last deliveries; the commits and compactions they cause are in it.
    const window = await generator.stopWindow();
    process.kill(server.pid, 'SIGUSR2');
    await waitForFile(costFile, 10_000);
    const cost = JSON.parse(fs.readFileSync(costFile, 'utf8')) as {
      allocatedBytes: number;
      cpuUserMicros: number;
      cpuSystemMicros: number;
      gcMicros: number;
      gcs: Record<string, number>;
    };
    const keystrokes = window.keystrokes;
    return {
      entry,
      keystrokes,
      incomplete: window.incomplete,
      bytesPerKeystroke: Math.round(cost.allocatedBytes / keystrokes),
      cpuMsPerKeystroke: (cost.cpuUserMicros + cost.cpuSystemMicros) / 1000 / keystrokes,
      gcMsPerKeystroke: cost.gcMicros / 1000 / keystrokes,
      gcs: cost.gcs,
      generatorMaxUtilisation: window.maxUtilisation,
    };
  } finally {
    await generator.close();
    await server.stop();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const name = (entry: string) => (entry === thisTree ? 'this tree' : entry);
console.log(
  `keystroke cost: ${meetings} meetings × ${editors} editors, ${clients.rate} keys/s each, presence ${clients.presence}, ` +
    `${warmMs} ms warm-up, ${windowMs} ms window, ${runs} run(s) per build; load average ${os.loadavg()[0]?.toFixed(1)}`,
);
const results: RunCost[] = [];
try {
  for (let round = 0; round < runs; round++) {
    for (const entry of entries) {
      const result = await measure(entry, results.length);
      results.push(result);
      console.log(
        `  ${name(entry)}: ${result.keystrokes} keystrokes (${result.incomplete} incomplete), ` +
          `${(result.bytesPerKeystroke / 1024).toFixed(2)} KiB and ${result.cpuMsPerKeystroke.toFixed(3)} ms CPU per keystroke, ` +
          `GC ${result.gcMsPerKeystroke.toFixed(4)} ms (${Object.entries(result.gcs)
            .map(([type, count]) => `${count} ${type}`)
            .join(', ')}); generator thread at ${result.generatorMaxUtilisation.toFixed(2)}`,
      );
    }
  }
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
for (const entry of entries) {
  // A run in which keystrokes went missing measured an overloaded machine (or a broken build), not a cost.
  const mine = results.filter((r) => r.entry === entry && r.incomplete === 0);
  const left = results.filter((r) => r.entry === entry).length - mine.length;
  if (left > 0) console.log(`${name(entry)}: ${left} run(s) with incomplete keystrokes left out`);
  if (mine.length === 0) continue;
  const bytes = mine.map((r) => r.bytesPerKeystroke / 1024);
  const cpu = mine.map((r) => r.cpuMsPerKeystroke);
  console.log(
    `${name(entry)}: median ${median(bytes).toFixed(2)} KiB/keystroke (range ${Math.min(...bytes).toFixed(2)}–${Math.max(...bytes).toFixed(2)}), ` +
      `${median(cpu).toFixed(3)} ms CPU/keystroke (range ${Math.min(...cpu).toFixed(3)}–${Math.max(...cpu).toFixed(3)})`,
  );
}
const json = option('json');
if (json) fs.writeFileSync(json, JSON.stringify({ meetings, editors, windowMs, warmMs, results }, null, 2));
