/**
 * The tables `pnpm bench` prints: which figure of which scenario, its label, and whether lower is better.
 * The headline is A at 40 × 8 (a load every server carries) and B, with stock clients for every server;
 * then A at 100 × 8, above the references' capacity; then the same with every probe sending only its own
 * presence.
 */
import type { BenchPlan } from './scenarios.js';

/** A row of a table. */
export interface Row {
  scenario: string;
  figure: string;
  label: string;
  lowerIsBetter: boolean;
  /** Show the median with its range over the runs (E's ramps). */
  range?: boolean;
  /** No ratio (a count that is not better or worse in proportion). */
  noRatio?: boolean;
}

/** A table: a title and how to build its rows from the plan. */
export interface Table {
  title: string;
  rows(plan: BenchPlan): Row[];
}

/** The rows of a typing scenario (A, B and their variants). */
function typingRows(scenario: string, what: string): Row[] {
  const row = (figure: string, label: string, lowerIsBetter = true, noRatio = false): Row => ({
    scenario,
    figure,
    label: `${what}: ${label}`,
    lowerIsBetter,
    noRatio,
  });
  return [
    row('p50', 'keystroke → every other editor p50 (ms)'),
    row('p99', '… p99 (ms)'),
    row('max', '… max (ms)'),
    row('presenceP50', 'cursor move → every other editor p50 (ms)'),
    row('presenceP99', '… p99 (ms)'),
    row('incomplete', 'keystrokes incomplete (never reached everyone; ∞ in the percentiles)', true, true),
    row(
      'offeredShare',
      'share of the intended keystrokes offered (≥ 0.98 or the window says so)',
      false,
      true,
    ),
    row('keystrokesPerSecond', 'keystrokes/s sustained', false),
    row('deliveriesPerSecond', 'updates delivered/s', false),
    row('serverCpuShare', 'server CPU (s per s)'),
    row('serverCpuPerKeystrokeMs', 'server CPU per keystroke (ms)'),
    row('peakRssMiB', 'server peak RSS (MiB)'),
    row('bytesPerKeystroke', 'bytes on the wire per keystroke'),
    row('ackP99', 'durability writers: keystroke → "saved" p99 (ms)'),
    row('generatorUtilisation', 'generator busiest thread (0–1)', true, true),
    row('generatorLoopDelayP99', "generator's own event-loop delay p99 (ms)", true, true),
    row('generatorSendLagP99', 'generator send lag behind the intended time p99 (ms)', true, true),
  ];
}

function size(plan: BenchPlan, name: string): string {
  const scenario = plan.typing[name];
  return scenario ? `${scenario.meetings}×${scenario.editors}` : '';
}

/** The tables, in order. */
export const TABLES: Table[] = [
  {
    title: 'Headline (stock clients for every server, presence echo on)',
    rows: (plan) => [
      ...typingRows('A', `A ${size(plan, 'A')}`),
      ...typingRows('B', `B ${size(plan, 'B')}`),
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
        label: `E capacity (meetings of 8, p99 ≤ ${plan.ramp.p99LimitMs} ms, bisected to ${plan.ramp.resolution}): median (range)`,
        lowerIsBetter: false,
        range: true,
      },
      { scenario: 'E', figure: 'p99AtCapacity', label: 'E: p99 at capacity (ms)', lowerIsBetter: true },
      {
        scenario: 'E',
        figure: 'presenceP99AtCapacity',
        label: 'E: presence p99 at capacity (ms)',
        lowerIsBetter: true,
      },
      {
        scenario: 'E',
        figure: 'serverCpuShareAtCapacity',
        label: 'E: server CPU at capacity (s per s)',
        lowerIsBetter: true,
      },
      {
        scenario: 'E',
        figure: 'generatorAtCapacity',
        label: `E: generator busiest thread at capacity (counts under ${plan.ramp.maxGenerator})`,
        lowerIsBetter: true,
        noRatio: true,
      },
      ...scaleOutRows(),
      {
        scenario: 'idle',
        figure: 'rssPerIdleMeetingKiB',
        label: 'RSS per idle meeting (KiB)',
        lowerIsBetter: true,
      },
    ],
  },
  {
    title: 'Polyphony at 100, references over capacity',
    rows: (plan) => typingRows('A100', `A ${size(plan, 'A100')}`),
  },
  {
    title: 'Own presence only (every probe sends only its own cursor, on every server)',
    rows: (plan) => [
      ...typingRows('Aown', `A ${size(plan, 'Aown')}`),
      ...typingRows('Bown', `B ${size(plan, 'Bown')}`),
    ],
  },
];

/** The rows of a table for a plan. */
export function rowsOf(table: Table, plan: BenchPlan): Row[] {
  return table.rows(plan);
}

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
  const relay = (figure: string, label: string, lowerIsBetter: boolean): Row => ({
    scenario: 'S',
    figure,
    label,
    lowerIsBetter,
  });
  rows.push(
    relay('relayLightMeetings', 'S relay cost: the lightest level (meetings)', false),
    relay('relayLightOneMs', 'S relay: CPU per keystroke there, 1 instance (ms, all processes)', true),
    relay('relayLightTwoMs', 'S relay: CPU per keystroke there, 2 instances (ms, all processes)', true),
    relay('relayTopMeetings', 'S relay cost: the highest level both passed (meetings)', false),
    relay('relayTopOneMs', 'S relay: CPU per keystroke there, 1 instance (ms, all processes)', true),
    relay('relayTopTwoMs', 'S relay: CPU per keystroke there, 2 instances (ms, all processes)', true),
  );
  return rows;
}
