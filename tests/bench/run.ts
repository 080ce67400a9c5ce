/**
 * `pnpm bench`: Polyphony side by side with three reference servers — y-websocket's server (2.1.0,
 * LevelDB), its maintained successor @y/websocket-server (0.1.1, LevelDB) and Hocuspocus (3.4.4, its
 * SQLite extension's defaults) — with the same clients for every server (plan.ts, `clientBehaviour.ts`).
 * Tables on stdout (the headline at a load every server carries, A at 100 × 8, the own-presence table, the
 * latency-versus-load curve, the physical limit) with Polyphony's ratio to the best other; raw results as
 * JSON in tests/bench/results/ and the curve as an SVG next to it. Then the browser keystroke figure.
 *
 *   --quick               smaller and shorter (under 2 minutes)
 *   --servers=a,b         polyphony, y-websocket, y-websocket-server, hocuspocus (default: all)
 *   --scenarios=A,B,...   A (40 × 8, the headline), A100, B, Aown, Bown (own presence only), C, D, E
 *                         (bisected capacity and the curve), idle, P (the physical limit; once, no server)
 *                         — the default — and S (not in the default: it needs PostgreSQL and Redis):
 *                         Polyphony's scale-out
 *   --threads=N           generator threads (default: cores − 1, at least 1)
 *   --runs=N              runs of each scenario but E (default 1); E runs three ramps per server (one
 *                         with --quick); S runs once unless --runs is given
 *   --ramps=N             ramps per server in E
 *   --no-browser          skip the browser keystroke figure
 *   --meetings=N          meetings in A (default 40)
 *   --budget              print the planned measurement time by scenario (plannedBudget) and stop
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
import { curveSvg, curveTable, medianCurve } from './curve.js';
import { stopIdleThreads } from './generator.js';
import { describeHostSpeed, hostSpeed } from './hostSpeed.js';
import { physicalLimit } from './physical.js';
import { benchPlan, defaultScenarios, plannedBudget } from './plan.js';
import { type Row, rowsOf, TABLES } from './report.js';
import {
  coldLoadScenario,
  idleMeetings,
  ramp,
  reconnectStorm,
  type ScenarioResult,
  scaleOutRamp,
  scratchRoot,
  typing,
} from './scenarios.js';
import {
  canPin,
  requireReferences,
  SERVER_DURABILITY,
  SERVER_KINDS,
  SERVER_NAMES,
  type ServerKind,
} from './servers.js';
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
    { stdio: 'inherit', env: { BENCH_STARTED: String(Date.now()), ...process.env, BENCH_PINNED: '1' } },
  );
  process.exit(pinned.status ?? 1);
}

// From `pnpm bench`'s start (bench.mjs) when it started this process.
const runStarted = Number(process.env.BENCH_STARTED ?? Date.now());
const servers = (option('servers')?.split(',') as ServerKind[] | undefined) ?? SERVER_KINDS;
const scenarios = option('scenarios')?.split(',') ?? defaultScenarios(quick);
const synchronous = (process.env.SQLITE_SYNCHRONOUS ?? 'FULL').toUpperCase();
const runs = Number(option('runs') ?? 1);
const ramps = Number(option('ramps') ?? (quick ? 1 : 3));
/** Scenarios the reference servers have no counterpart of: they are not run on them ("—"). */
const POLYPHONY_ONLY = ['S'];
/** Scenarios that measure no server: run once. */
const NO_SERVER = ['P'];
// Say at once, not minutes in, that the reference servers are missing (setup.sh without --test).
if (servers.some((kind) => kind !== 'polyphony') && scenarios.some((s) => !POLYPHONY_ONLY.includes(s))) {
  try {
    requireReferences();
  } catch (error) {
    console.error(`bench: ${(error as Error).message} (or --servers=polyphony)`);
    process.exit(2);
  }
}

const threads = Number(option('threads') ?? Math.max(1, cores - 1));
const plan = benchPlan(quick, threads, { SQLITE_SYNCHRONOUS: synchronous });
if (option('meetings')) (plan.typing.A as { meetings: number }).meetings = Number(option('meetings'));

// --budget: the planned measurement time of this run (windows, warm-ups, grace periods), by scenario; no
// server is started.
if (args.includes('--budget')) {
  const budget = plannedBudget(plan, {
    scenarios: scenarios.filter((s) => !NO_SERVER.includes(s)),
    servers,
    runs,
    ramps,
    // The grace period after a window ends once everything arrived: about a presence round (100 ms).
    settleMs: 100,
  });
  for (const [name, seconds] of Object.entries(budget.byScenario))
    console.log(`  ${name}: ${seconds.toFixed(1)} s planned (${budget.windows[name]} windows)`);
  console.log(`  total: ${budget.total.toFixed(0)} s planned measurement, before the fixed costs`);
  process.exit(0);
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
  `E: ${ramps} ramp${ramps > 1 ? 's' : ''} per server (median and range); every other scenario ${runs}× per server (interleaved${runs > 1 ? ', medians' : ''}); ` +
    `pinning: ${canPin ? `servers on core 0, generator on cores 1-${cores - 1}` : 'none (fewer than 2 cores or no taskset)'}; generator threads ${plan.threads}; load average at start ${loadBefore}`,
  ...(scenarios.includes('S')
    ? [
        `S: Polyphony with DATABASE_URL (PostgreSQL, a fresh schema) + REDIS_URL (redis-server), 1 instance then 2 (editor i of each meeting on instance i % 2); ` +
          `pinning: ${canPin ? 'every instance and redis-server on core 0, PostgreSQL (system service) unpinned, generator on the other cores' : 'none'}`,
      ]
    : []),
  `host speed at start (hostSpeed.mjs, a fixed Yjs workload; lower is faster — compare runs by it): ${describeHostSpeed(hostBefore)}`,
  'the same clients for every server: the stock provider of each server as probe (y-websocket\'s WebsocketProvider; HocuspocusProvider), presence echo on, no "saved" asked, ' +
    `one probe per meeting (3 in B; in every ${plan.ramp.clients.probeEvery}th meeting of the ramps, the generator's raw-protocol client that applies what it receives), ` +
    `light editors for the rest; typists ${plan.typing.A?.clients.rate} keys/s scheduled open loop (exponential gaps) + a cursor move each; latency from the intended time; incomplete = ∞`,
  'durability of each server (what an acknowledgement means):',
  ...servers.map((kind) => `  ${SERVER_NAMES[kind]}: ${SERVER_DURABILITY[kind]}`),
  `Polyphony with SQLITE_SYNCHRONOUS=${synchronous}`,
];
for (const line of header) console.log(line);
console.log('');

const runners: Record<string, (kind: ServerKind, p: typeof plan, root: string) => Promise<ScenarioResult>> = {
  C: coldLoadScenario,
  D: reconnectStorm,
  E: ramp,
  idle: idleMeetings,
  S: scaleOutRamp,
};
for (const name of Object.keys(plan.typing)) runners[name] = typing(name);

const root = scratchRoot();
const results: ScenarioResult[] = [];
const failures: { scenario: string; server: ServerKind | 'none'; error: string }[] = [];
const started = Date.now();
/** Figures whose spread over runs is reported as well (E's three ramps: median and range). */
const RANGED = ['capacityMeetings'];
/** One figure per key: the median over the runs that produced it. */
function medianResult(runsOf: ScenarioResult[]): ScenarioResult {
  const first = runsOf[0] as ScenarioResult;
  const figures: Record<string, number | null> = {};
  for (const key of Object.keys(first.figures)) {
    const values = runsOf
      .map((r) => r.figures[key])
      .filter((v): v is number => typeof v === 'number' && !Number.isNaN(v));
    figures[key] = values.length > 0 ? median(values) : null;
    if (RANGED.includes(key) && values.length > 0) {
      figures[`${key}Min`] = Math.min(...values);
      figures[`${key}Max`] = Math.max(...values);
    }
  }
  // Durability is a sum, not a median: every run's check counts.
  for (const key of ['durableChecked', 'durableLost']) {
    if (key in first.figures) figures[key] = runsOf.reduce((sum, r) => sum + (r.figures[key] ?? 0), 0);
  }
  return {
    ...first,
    figures,
    notes: [...new Set(runsOf.flatMap((r) => r.notes))],
    raw: { runs: runsOf.map((r) => ({ figures: r.figures, notes: r.notes, raw: r.raw })) },
  };
}

/** Seconds each scenario took, all servers and runs. */
const durations: Record<string, number> = {};
let physical: Awaited<ReturnType<typeof physicalLimit>> | null = null;
for (const scenario of scenarios) {
  if (NO_SERVER.includes(scenario)) {
    process.stdout.write(`  measuring the physical limit (raw ws fan-out on core 0, Yjs apply)… `);
    const t0 = Date.now();
    durations[scenario] = 0;
    try {
      physical = await physicalLimit(quick);
      durations[scenario] = Math.round((Date.now() - t0) / 1000);
      console.log(`${((Date.now() - t0) / 1000).toFixed(0)} s`);
    } catch (error) {
      failures.push({ scenario, server: 'none', error: String(error) });
      console.log(`FAILED: ${String(error).split('\n')[0]}`);
    }
    continue;
  }
  if (!runners[scenario]) {
    console.log(`  unknown scenario ${scenario}`);
    continue;
  }
  const scenarioStarted = Date.now();
  const collected = new Map<ServerKind, ScenarioResult[]>();
  // C repeats inside itself (fresh starts); E runs its ramps; the others repeat here, servers interleaved
  // so that a noisy minute on a shared machine does not fall on one server only.
  // S runs two configurations of several minutes each: once, unless --runs says otherwise.
  const repetitions =
    scenario === 'C' || (scenario === 'S' && !option('runs')) ? 1 : scenario === 'E' ? ramps : runs;
  for (let run = 0; run < repetitions; run++) {
    for (const kind of servers) {
      if (POLYPHONY_ONLY.includes(scenario) && kind !== 'polyphony') continue;
      const t0 = Date.now();
      process.stdout.write(
        `  running ${scenario} on ${SERVER_NAMES[kind]}${repetitions > 1 ? ` (${run + 1}/${repetitions})` : ''}… `,
      );
      try {
        const result = await (runners[scenario] as (typeof runners)['C'])(kind, plan, root);
        collected.set(kind, [...(collected.get(kind) ?? []), result]);
        const capacity = scenario === 'E' ? ` capacity ${result.figures.capacityMeetings}` : '';
        // Where a ramp's time went (joins and setup are the fixed costs the plan does not count).
        const phases = (result.raw as { phases?: Record<string, number> } | undefined)?.phases;
        const spent = phases
          ? ` [${Object.entries(phases)
              .map(([name, seconds]) => `${name} ${seconds.toFixed(1)} s`)
              .join(', ')}]`
          : '';
        console.log(
          `${((Date.now() - t0) / 1000).toFixed(0)} s${capacity}${spent}${result.notes.length ? ` (${result.notes.join('; ')})` : ''}`,
        );
      } catch (error) {
        failures.push({ scenario, server: kind, error: String(error) });
        console.log(`FAILED: ${String(error).split('\n')[0]}`);
      }
    }
  }
  for (const runsOf of collected.values()) results.push(medianResult(runsOf));
  durations[scenario] = Math.round((Date.now() - scenarioStarted) / 1000);
}
await stopIdleThreads();
fs.rmSync(root, { recursive: true, force: true });
const loadAfter = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

function figureOf(scenario: string, kind: ServerKind, figure: string): number | null {
  const value = results.find((r) => r.scenario === scenario && r.server === kind)?.figures[figure];
  return value === undefined || value === null || Number.isNaN(value) ? null : value;
}

/** A figure as the table shows it: ∞ for an incomplete keystroke's latency, "—" for none. */
function show(value: number | null): string {
  if (value === null) return '—';
  if (value === Number.POSITIVE_INFINITY) return '∞';
  return String(value);
}

const others = servers.filter((k) => k !== 'polyphony');
function printTable(title: string, rows: Row[]): void {
  const columns = servers.map((k) => SERVER_NAMES[k]);
  const compare = servers.includes('polyphony') && others.length > 0;
  const table: string[][] = [[title, ...columns, ...(compare ? ['Polyphony ÷ best other'] : [])]];
  for (const row of rows) {
    if (!scenarios.includes(row.scenario)) continue;
    const values = servers.map((k) => figureOf(row.scenario, k, row.figure));
    if (values.every((v) => v === null)) continue;
    const cells = values.map((v, i) => {
      const kind = servers[i] as ServerKind;
      if (!row.range) return show(v);
      const min = figureOf(row.scenario, kind, `${row.figure}Min`);
      const max = figureOf(row.scenario, kind, `${row.figure}Max`);
      const atLeast = (figureOf(row.scenario, kind, 'capacityAtLeast') ?? 0) > 0 ? '≥ ' : '';
      return min !== null && max !== null && min !== max
        ? `${atLeast}${show(v)} (${min}–${max})`
        : `${atLeast}${show(v)}`;
    });
    const line = [row.label, ...cells];
    if (compare) {
      const ours = figureOf(row.scenario, 'polyphony', row.figure);
      const theirs = others
        .map((k) => figureOf(row.scenario, k, row.figure))
        .filter((v): v is number => v !== null);
      const bothInfinite =
        ours === Number.POSITIVE_INFINITY && theirs.every((v) => v === Number.POSITIVE_INFINITY);
      if (ours === null || theirs.length === 0 || row.noRatio || bothInfinite) line.push('—');
      else {
        const best = row.lowerIsBetter ? Math.min(...theirs) : Math.max(...theirs);
        const ratio = best === 0 ? (ours === 0 ? 1 : Number.POSITIVE_INFINITY) : ours / best;
        const better = row.lowerIsBetter ? ours <= best : ours >= best;
        line.push(`${Number.isFinite(ratio) ? ratio.toFixed(2) : '∞'}× ${better ? '✓' : '✗'}`);
      }
    }
    table.push(line);
  }
  if (table.length === 1) return;
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
}

for (const table of TABLES) printTable(table.title, rowsOf(table, plan));
console.log('');
console.log(
  '✓ = Polyphony as good or better than the best reference server (lower is better except rates and capacity); ∞ = some keystroke never arrived.',
);

// The latency-versus-load curve: p99 at each coarse level of E, median over the ramps.
const curves = servers
  .map((kind) => ({
    kind,
    name: SERVER_NAMES[kind],
    points: medianCurve(results.find((r) => r.scenario === 'E' && r.server === kind)),
  }))
  .filter((c) => c.points.length > 0);
if (curves.length > 0) {
  console.log('');
  console.log(
    `E: keystroke → every other editor p99 (ms) by load (meetings of 8), median of ${ramps} ramp${ramps > 1 ? 's' : ''}:`,
  );
  for (const line of curveTable(curves)) console.log(line);
}

if (physical) {
  console.log('');
  console.log('The physical limit on this machine (core 0, measured in this run):');
  for (const line of physical.lines) console.log(`  ${line}`);
  const capacity = figureOf('E', 'polyphony', 'capacityMeetings');
  const deliveries = figureOf('E', 'polyphony', 'deliveriesPerSecondAtCapacity');
  const cpu = figureOf('E', 'polyphony', 'serverCpuShareAtCapacity');
  if (capacity !== null && deliveries !== null && cpu !== null && cpu > 0) {
    // Per CPU second on both sides: what a core does, whatever share of it each process got.
    const ours = deliveries / cpu;
    const fraction = ours / physical.batchedPerCpuSecond;
    console.log(
      `  Polyphony at its capacity (${capacity} meetings): ${deliveries} updates delivered/s at ${cpu} s/s of CPU = ${Math.round(ours)} per CPU second, ` +
        `${(fraction * 100).toFixed(0)} % of batched raw ws fan-out (${((ours / physical.eachPerCpuSecond) * 100).toFixed(0)} % of one write per delivery)`,
    );
    physical.polyphonyFraction = Math.round(fraction * 1000) / 1000;
  }
}

console.log('');
for (const r of results)
  for (const note of r.notes) console.log(`note (${r.scenario}, ${SERVER_NAMES[r.server]}): ${note}`);
for (const f of failures)
  console.log(
    `FAILED ${f.scenario} on ${f.server === 'none' ? 'no server' : SERVER_NAMES[f.server]}: ${f.error}`,
  );
const durable = results.filter((r) => r.server === 'polyphony' && r.figures.durableChecked !== undefined);
for (const r of durable) {
  console.log(
    `durability (${r.scenario}, writers of their own that ask for "saved"): kill -9 after the window; ${r.figures.durableChecked} acknowledged client clocks checked, ${r.figures.durableLost} lost`,
  );
}
const hostAfter = hostSpeed(cores, quick ? 3 : 5);
const wholeRun = Math.round((Date.now() - runStarted) / 1000);
console.log(
  `load average at end ${loadAfter}; host speed at end ${describeHostSpeed(hostAfter)}; scenarios ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
console.log(
  `duration: ${Object.entries(durations)
    .map(([name, seconds]) => `${name} ${seconds} s`)
    .join(', ')}; whole run ${wholeRun} s (${Math.floor(wholeRun / 60)} min ${wholeRun % 60} s)`,
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
  ramps,
  durationSeconds: { ...durations, wholeRun },
  plan,
  results,
  curves,
  physical,
  failures,
};
// Infinity (an incomplete keystroke's latency) is kept as the string "Infinity", not JSON's null.
const text = JSON.stringify(
  json,
  (_key, value) => (value === Number.POSITIVE_INFINITY ? 'Infinity' : value),
  2,
);
const base = `bench-${quick ? 'quick-' : ''}${stamp}`;
fs.writeFileSync(`${resultsDir}${base}.json`, text);
fs.writeFileSync(`${resultsDir}bench-latest${quick ? '-quick' : ''}.json`, text);
console.log(`raw results: tests/bench/results/${base}.json`);
if (curves.length > 0) {
  const svg = curveSvg(curves, plan.ramp.p99LimitMs, `${header[0]}`);
  fs.writeFileSync(`${resultsDir}${base}-curve.svg`, svg);
  console.log(`latency-versus-load curve: tests/bench/results/${base}-curve.svg`);
}

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
