/**
 * `pnpm bench`: Polyphony side by side with the y-websocket reference server (2.1.0, LevelDB) and
 * Hocuspocus (3.4.4, SQLite), scenarios A–E, one table on stdout with Polyphony's ratio to the better of
 * the other two, raw results as JSON in tests/bench/results/. Then the browser keystroke figure.
 *
 *   --quick               smaller and shorter (under 2 minutes)
 *   --servers=a,b         polyphony, y-websocket, hocuspocus (default: all)
 *   --scenarios=A,B,...   A, B, C, D, E, idle (the default), and S (not in the default: it needs
 *                         PostgreSQL and Redis; about 1.5–3 minutes a run): Polyphony's scale-out — E's
 *                         ramp against one instance, then two, behind PostgreSQL and Redis; Polyphony
 *                         only ("—" for the reference servers)
 *   --threads=N           generator threads (default: cores − 1, at least 1)
 *   --runs=N              runs of each scenario, reported as medians (default 3; 1 with --quick; S runs
 *                         once unless --runs is given)
 *   --no-browser          skip the browser keystroke figure
 *   --meetings=N          meetings in A (default 100; 50 with --quick): to look below or above saturation
 * Env: SQLITE_SYNCHRONOUS (FULL, the default, or NORMAL) is passed to Polyphony. S needs PostgreSQL
 * (BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the test database of scripts/services.sh; a fresh
 * schema per configuration, dropped afterwards) and Debian's redis-server.
 *
 * On a machine with two or more cores the servers run on core 0 and this generator on the others. In S,
 * every Polyphony instance and redis-server are on core 0 too (PostgreSQL, a system service, is not
 * pinned): both configurations get the same core, so the second instance adds no CPU, and what S shows
 * is the cost of relaying through Redis and that two instances work together under load — not the
 * capacity two machines would have.
 */
import { execSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { describeHostSpeed, hostSpeed } from './hostSpeed.js';
import {
  type BenchPlan,
  bigMeeting,
  busyAfternoon,
  coldLoadScenario,
  idleMeetings,
  ramp,
  reconnectStorm,
  type ScenarioResult,
  scaleOutRamp,
  scratchRoot,
} from './scenarios.js';
import { canPin, requireReferences, SERVER_KINDS, SERVER_NAMES, type ServerKind } from './servers.js';
import { median } from './stats.js';

// Every y-websocket provider adds a process 'exit' listener (to say goodbye); there are many here.
process.setMaxListeners(0);
const args = process.argv.slice(2);
const option = (name: string): string | undefined =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const quick = args.includes('--quick');
const cores = os.cpus().length;

// Pin this generator away from the servers' core: re-run under taskset once.
if (canPin && process.env.BENCH_PINNED !== '1') {
  const pinned = spawnSync(
    'taskset',
    ['-c', `1-${cores - 1}`, process.execPath, ...process.execArgv, fileURLToPath(import.meta.url), ...args],
    { stdio: 'inherit', env: { ...process.env, BENCH_PINNED: '1' } },
  );
  process.exit(pinned.status ?? 1);
}

const servers = (option('servers')?.split(',') as ServerKind[] | undefined) ?? SERVER_KINDS;
const scenarios = option('scenarios')?.split(',') ?? ['A', 'B', 'C', 'D', 'E', 'idle'];
const synchronous = (process.env.SQLITE_SYNCHRONOUS ?? 'FULL').toUpperCase();
const runs = Number(option('runs') ?? (quick ? 1 : 3));
/** Scenarios the reference servers have no counterpart of: they are not run on them ("—"). */
const POLYPHONY_ONLY = ['S'];
// Say at once, not minutes in, that the reference servers are missing (setup.sh without --test).
if (servers.some((kind) => kind !== 'polyphony') && scenarios.some((s) => !POLYPHONY_ONLY.includes(s))) {
  try {
    requireReferences();
  } catch (error) {
    console.error(`bench: ${(error as Error).message} (or --servers=polyphony)`);
    process.exit(2);
  }
}

const plan: BenchPlan = quick
  ? {
      quick,
      threads: Number(option('threads') ?? Math.max(1, cores - 1)),
      busy: { meetings: 50, editors: 8, warmMs: 500, windowMs: 2000 },
      big: { editors: 50, warmMs: 500, windowMs: 2000 },
      cold: { updates: 10_000, runs: 1 },
      storm: { meetings: 8, editors: 8, typeMs: 500 },
      // At 75 meetings the generator is not near its limit; a probe in every meeting keeps --quick under 2 min.
      ramp: { start: 25, step: 25, max: 75, warmMs: 500, windowMs: 1500, p99LimitMs: 100, probeEvery: 1 },
      idle: { meetings: 15 },
      rate: 5,
      probes: 1,
      probeEvery: 1,
      env: { SQLITE_SYNCHRONOUS: synchronous },
    }
  : {
      quick,
      threads: Number(option('threads') ?? Math.max(1, cores - 1)),
      busy: { meetings: 100, editors: 8, warmMs: 3000, windowMs: 10_000 },
      // 6 s: 1,500 keystrokes to 49 others each, far from B's limit; the time goes to the ramp.
      big: { editors: 50, warmMs: 2000, windowMs: 6000 },
      cold: { updates: 100_000, runs: 3 },
      storm: { meetings: 63, editors: 8, typeMs: 3000 },
      // 3 s windows (over 3,000 samples a window even at 20 meetings), 1 s warm-ups: the ramps climb to
      // 200 meetings, and the whole run has to stay under 15 minutes. A real client in every tenth
      // meeting: the full clients are most of the generator's cost (at 160 meetings of light editors
      // only, its thread ran at 0.59; with one in every other meeting it saturated at 140–160).
      ramp: { start: 20, step: 20, max: 400, warmMs: 1000, windowMs: 3000, p99LimitMs: 100, probeEvery: 10 },
      idle: { meetings: 200 },
      rate: 5,
      probes: 1,
      probeEvery: 1,
      env: { SQLITE_SYNCHRONOUS: synchronous },
    };
if (option('meetings')) plan.busy.meetings = Number(option('meetings'));
if (option('probes')) plan.probes = Number(option('probes'));
if (option('probe-every')) {
  plan.probeEvery = Math.max(1, Number(option('probe-every')));
  plan.ramp.probeEvery = plan.probeEvery;
}

const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
fs.mkdirSync(resultsDir, { recursive: true });
const commit = (() => {
  try {
    const hash = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
    const dirty = execSync('git status --porcelain -- server shared tests/bench', {
      encoding: 'utf8',
    }).trim();
    return dirty ? `${hash}+changes` : hash;
  } catch {
    return 'unknown';
  }
})();
const loadBefore = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const hostBefore = hostSpeed(cores, quick ? 3 : 5);

const header = [
  `Polyphony bench${quick ? ' --quick' : ''} — ${cores} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, commit ${commit}, ${new Date().toISOString()}`,
  `each scenario run ${runs}× per server (interleaved), figures are medians; ` +
    `pinning: ${canPin ? `servers on core 0, generator on cores 1-${cores - 1}` : 'none (fewer than 2 cores or no taskset)'}; generator threads ${plan.threads}; load average at start ${loadBefore}`,
  ...(scenarios.includes('S')
    ? [
        `S: Polyphony with DATABASE_URL (PostgreSQL, a fresh schema) + REDIS_URL (redis-server), 1 instance then 2 (editor i of each meeting on instance i % 2); ` +
          `pinning: ${canPin ? 'every instance and redis-server on core 0, PostgreSQL (system service) unpinned, generator on the other cores' : 'none'}`,
      ]
    : []),
  `host speed at start (hostSpeed.mjs, a fixed Yjs workload; lower is faster — compare runs by it): ${describeHostSpeed(hostBefore)}`,
  `Polyphony with SQLITE_SYNCHRONOUS=${synchronous}; typists ${plan.rate} keys/s (exponential gaps) + a cursor move each; ${plan.probes} full-client probe per meeting${plan.probeEvery > 1 ? ` in every ${plan.probeEvery}th meeting (--probe-every: not comparable with the default)` : ''} (3 in B; in every ${plan.ramp.probeEvery === 2 ? 'other' : `${plan.ramp.probeEvery}th`} meeting of the ramps E and S, so that the generator's one core reaches the servers' limits)`,
];
for (const line of header) console.log(line);
console.log('');

const runners: Record<string, (kind: ServerKind, p: BenchPlan, root: string) => Promise<ScenarioResult>> = {
  A: busyAfternoon,
  B: bigMeeting,
  C: coldLoadScenario,
  D: reconnectStorm,
  E: ramp,
  idle: idleMeetings,
  S: scaleOutRamp,
};

const root = scratchRoot();
const results: ScenarioResult[] = [];
const failures: { scenario: string; server: ServerKind; error: string }[] = [];
const started = Date.now();
/** One figure per key: the median over the runs that produced it. */
function medianResult(runsOf: ScenarioResult[]): ScenarioResult {
  const first = runsOf[0] as ScenarioResult;
  const figures: Record<string, number | null> = {};
  for (const key of Object.keys(first.figures)) {
    const values = runsOf
      .map((r) => r.figures[key])
      .filter((v): v is number => typeof v === 'number' && !Number.isNaN(v));
    figures[key] = values.length > 0 ? median(values) : null;
  }
  // Durability is a sum, not a median: every run's check counts.
  for (const key of ['durableChecked', 'durableLost']) {
    if (key in first.figures) figures[key] = runsOf.reduce((sum, r) => sum + (r.figures[key] ?? 0), 0);
  }
  return {
    ...first,
    figures,
    notes: [...new Set(runsOf.flatMap((r) => r.notes))],
    raw: { runs: runsOf.map((r) => ({ figures: r.figures, raw: r.raw })) },
  };
}

for (const scenario of scenarios) {
  const collected = new Map<ServerKind, ScenarioResult[]>();
  // C repeats inside itself (fresh starts); the others repeat here, servers interleaved so that a noisy
  // minute on a shared machine does not fall on one server only.
  // S runs two configurations of several minutes each: once, unless --runs says otherwise.
  const repetitions = scenario === 'C' || (scenario === 'S' && !option('runs')) ? 1 : runs;
  for (let run = 0; run < repetitions; run++) {
    for (const kind of servers) {
      if (POLYPHONY_ONLY.includes(scenario) && kind !== 'polyphony') continue;
      const t0 = Date.now();
      process.stdout.write(
        `  running ${scenario} on ${SERVER_NAMES[kind]}${repetitions > 1 ? ` (${run + 1}/${repetitions})` : ''}… `,
      );
      try {
        const result = await (runners[scenario] as (typeof runners)['A'])(kind, plan, root);
        collected.set(kind, [...(collected.get(kind) ?? []), result]);
        console.log(
          `${((Date.now() - t0) / 1000).toFixed(0)} s${result.notes.length ? ` (${result.notes.join('; ')})` : ''}`,
        );
      } catch (error) {
        failures.push({ scenario, server: kind, error: String(error) });
        console.log(`FAILED: ${String(error).split('\n')[0]}`);
      }
    }
  }
  for (const runsOf of collected.values()) results.push(medianResult(runsOf));
}
fs.rmSync(root, { recursive: true, force: true });
const loadAfter = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** A row of the table: which figure, and whether lower is better. */
interface Row {
  scenario: string;
  figure: string;
  label: string;
  lowerIsBetter: boolean;
}

const typingRows = (s: string, what: string): Row[] => [
  {
    scenario: s,
    figure: 'p50',
    label: `${what}: keystroke → every other editor p50 (ms)`,
    lowerIsBetter: true,
  },
  { scenario: s, figure: 'p99', label: `${what}: … p99 (ms)`, lowerIsBetter: true },
  { scenario: s, figure: 'max', label: `${what}: … max (ms)`, lowerIsBetter: true },
  {
    scenario: s,
    figure: 'keystrokesPerSecond',
    label: `${what}: keystrokes/s sustained`,
    lowerIsBetter: false,
  },
  { scenario: s, figure: 'deliveriesPerSecond', label: `${what}: updates delivered/s`, lowerIsBetter: false },
  { scenario: s, figure: 'serverCpuShare', label: `${what}: server CPU (s per s)`, lowerIsBetter: true },
  { scenario: s, figure: 'peakRssMiB', label: `${what}: server peak RSS (MiB)`, lowerIsBetter: true },
  {
    scenario: s,
    figure: 'bytesPerKeystroke',
    label: `${what}: bytes on the wire per keystroke`,
    lowerIsBetter: true,
  },
  { scenario: s, figure: 'ackP99', label: `${what}: keystroke → "saved" p99 (ms)`, lowerIsBetter: true },
  {
    scenario: s,
    figure: 'generatorUtilisation',
    label: `${what}: generator busiest thread (0–1)`,
    lowerIsBetter: true,
  },
  {
    scenario: s,
    figure: 'generatorLoopDelayP99',
    label: `${what}: generator's own event-loop delay p99 (ms)`,
    lowerIsBetter: true,
  },
];
const rows: Row[] = [
  ...typingRows('A', `A ${plan.busy.meetings}×${plan.busy.editors}`),
  ...typingRows('B', `B 1×${plan.big.editors}`),
  {
    scenario: 'C',
    figure: 'timeToSyncMs',
    label: `C cold load ${plan.cold.updates / 1000}k updates: time to sync (ms)`,
    lowerIsBetter: true,
  },
  { scenario: 'C', figure: 'peakRssMiB', label: 'C: server peak RSS (MiB)', lowerIsBetter: true },
  {
    scenario: 'D',
    figure: 'allSyncedMs',
    label: `D reconnect storm ${plan.storm.meetings * plan.storm.editors} clients: all synced (ms)`,
    lowerIsBetter: true,
  },
  { scenario: 'D', figure: 'serverCpuSeconds', label: 'D: server CPU (s)', lowerIsBetter: true },
  {
    scenario: 'E',
    figure: 'capacityMeetings',
    label: 'E ramp: capacity (meetings of 8, p99 ≤ 100 ms)',
    lowerIsBetter: false,
  },
  { scenario: 'E', figure: 'p99AtCapacity', label: 'E: p99 at capacity (ms)', lowerIsBetter: true },
  {
    scenario: 'E',
    figure: 'serverCpuShareAtCapacity',
    label: 'E: server CPU at capacity (s per s)',
    lowerIsBetter: true,
  },
  ...scaleOutRows(),
  {
    scenario: 'idle',
    figure: 'rssPerIdleMeetingKiB',
    label: 'RSS per idle meeting (KiB)',
    lowerIsBetter: true,
  },
];

/** S's rows: each configuration's capacity and the CPU of every process behind it, then the relay's cost. */
function scaleOutRows(): Row[] {
  const rows: Row[] = [];
  for (const [prefix, what, instances] of [
    ['one', 'S scale-out, 1 instance + PostgreSQL + Redis', 1],
    ['two', 'S, 2 instances + PostgreSQL + Redis (meetings split)', 2],
  ] as const) {
    const row = (figure: string, label: string, lowerIsBetter = true): Row => ({
      scenario: 'S',
      figure: `${prefix}${figure}`,
      label,
      lowerIsBetter,
    });
    rows.push(
      row('CapacityMeetings', `${what}: capacity (meetings of 8, p99 ≤ 100 ms)`, false),
      row('P99AtCapacity', `${prefix === 'one' ? 'S 1' : 'S 2'}: p99 at capacity (ms)`),
    );
    for (let i = 1; i <= instances; i++)
      rows.push(row(`Instance${i}CpuShare`, `S ${instances}: instance ${i} CPU at capacity (s per s)`));
    rows.push(
      row('RedisCpuShare', `S ${instances}: redis-server CPU at capacity (s per s)`),
      row('PostgresCpuShare', `S ${instances}: PostgreSQL CPU at capacity (s per s, all postgres processes)`),
      row('CpuPerKeystrokeMs', `S ${instances}: CPU per keystroke at capacity, all of them (ms)`),
    );
  }
  rows.push(
    {
      scenario: 'S',
      figure: 'relayLightMeetings',
      label: 'S relay cost: the lightest level (meetings)',
      lowerIsBetter: false,
    },
    {
      scenario: 'S',
      figure: 'relayLightOneMs',
      label: 'S relay: CPU per keystroke there, 1 instance (ms, all processes)',
      lowerIsBetter: true,
    },
    {
      scenario: 'S',
      figure: 'relayLightTwoMs',
      label: 'S relay: CPU per keystroke there, 2 instances (ms, all processes)',
      lowerIsBetter: true,
    },
    {
      scenario: 'S',
      figure: 'relayTopMeetings',
      label: 'S relay cost: the highest level both passed (meetings)',
      lowerIsBetter: false,
    },
    {
      scenario: 'S',
      figure: 'relayTopOneMs',
      label: 'S relay: CPU per keystroke there, 1 instance (ms, all processes)',
      lowerIsBetter: true,
    },
    {
      scenario: 'S',
      figure: 'relayTopTwoMs',
      label: 'S relay: CPU per keystroke there, 2 instances (ms, all processes)',
      lowerIsBetter: true,
    },
  );
  return rows;
}

function figureOf(scenario: string, kind: ServerKind, figure: string): number | null {
  const value = results.find((r) => r.scenario === scenario && r.server === kind)?.figures[figure];
  return value === undefined || value === null || Number.isNaN(value) ? null : value;
}

const others = servers.filter((k) => k !== 'polyphony');
const columns = servers.map((k) => SERVER_NAMES[k]);
const table: string[][] = [
  ['', ...columns, ...(servers.includes('polyphony') && others.length ? ['Polyphony ÷ best other'] : [])],
];
for (const row of rows) {
  if (!scenarios.includes(row.scenario)) continue;
  const values = servers.map((k) => figureOf(row.scenario, k, row.figure));
  if (values.every((v) => v === null)) continue;
  const line = [row.label, ...values.map((v) => (v === null ? '—' : String(v)))];
  if (servers.includes('polyphony') && others.length) {
    const ours = figureOf(row.scenario, 'polyphony', row.figure);
    const theirs = others
      .map((k) => figureOf(row.scenario, k, row.figure))
      .filter((v): v is number => v !== null);
    if (ours === null || theirs.length === 0) line.push('—');
    else {
      const best = row.lowerIsBetter ? Math.min(...theirs) : Math.max(...theirs);
      const ratio = best === 0 ? (ours === 0 ? 1 : Number.POSITIVE_INFINITY) : ours / best;
      const better = row.lowerIsBetter ? ours <= best : ours >= best;
      line.push(`${Number.isFinite(ratio) ? ratio.toFixed(2) : '∞'}× ${better ? '✓' : '✗'}`);
    }
  }
  table.push(line);
}
const widths = (table[0] as string[]).map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length)));
console.log('');
for (const [i, line] of table.entries()) {
  console.log(
    line
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number)))
      .join('  '),
  );
  if (i === 0) console.log(widths.map((w) => '─'.repeat(w)).join('  '));
}
console.log('');
console.log(
  '✓ = Polyphony as good or better than the better reference server (lower is better except rates and capacity).',
);
for (const r of results)
  for (const note of r.notes) console.log(`note (${r.scenario}, ${SERVER_NAMES[r.server]}): ${note}`);
for (const f of failures) console.log(`FAILED ${f.scenario} on ${SERVER_NAMES[f.server]}: ${f.error}`);
const durable = results.filter((r) => r.server === 'polyphony' && r.figures.durableChecked !== undefined);
for (const r of durable) {
  console.log(
    `durability (${r.scenario}): kill -9 after the window; ${r.figures.durableChecked} acknowledged client clocks checked, ${r.figures.durableLost} lost`,
  );
}
const hostAfter = hostSpeed(cores, quick ? 3 : 5);
console.log(
  `load average at end ${loadAfter}; host speed at end ${describeHostSpeed(hostAfter)}; ${((Date.now() - started) / 1000).toFixed(0)} s`,
);

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const json = {
  header,
  commit,
  cores,
  node: process.version,
  loadBefore,
  loadAfter,
  hostSpeedMs: { before: hostBefore, after: hostAfter },
  runs,
  plan,
  results,
  failures,
};
fs.writeFileSync(`${resultsDir}bench-${quick ? 'quick-' : ''}${stamp}.json`, JSON.stringify(json, null, 2));
fs.writeFileSync(`${resultsDir}bench-latest${quick ? '-quick' : ''}.json`, JSON.stringify(json, null, 2));
console.log(`raw results: tests/bench/results/bench-${quick ? 'quick-' : ''}${stamp}.json`);

const browserBench = fileURLToPath(new URL('./keystrokeBrowser.ts', import.meta.url));
if (!quick && !args.includes('--no-browser')) {
  console.log('');
  if (!fs.existsSync('/usr/bin/chromium')) {
    console.log('Browser keystroke figure skipped: /usr/bin/chromium is missing.');
  } else {
    console.log('Keystroke in one browser → rendered in the other (Chromium, real Polyphony server):');
    const result = spawnSync(process.execPath, ['--import', 'tsx', browserBench], { stdio: 'inherit' });
    if (result.status !== 0) process.exitCode = 1;
  }
}
if (failures.length > 0) process.exitCode = 1;
