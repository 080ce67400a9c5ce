/**
 * Scenarios A–E, the idle-meeting measurement and S (Polyphony's scale-out: one and two instances behind
 * PostgreSQL and Redis), each run against one server kind on fresh server processes and fresh storage. Every function returns figures for the table plus raw detail.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HocuspocusProvider } from '@hocuspocus/provider';
import pg from 'pg';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { connectClient } from '../integration/helpers/clients.js';
import { postgresReachable, TEST_DATABASE_URL } from '../integration/helpers/services.js';
import { type ClientBehaviour, type Target, type Transport, targetFor } from './clientBehaviour.js';
import { keystrokeHistory } from './coldLoad.js';
import { checkDurable, DurabilityWriters } from './durability.js';
import { Generator, type GeneratorWindow } from './generator.js';
import { clientsFor } from './plan.js';
import {
  HttpMeetingSeeder,
  referenceMeetings,
  type SeededMeetings,
  seedHistory,
  seedPolyphonyMeetings,
} from './seed.js';
import {
  type BenchServer,
  postgresCpuSeconds,
  type ServerKind,
  startRedisServer,
  startServer,
} from './servers.js';
import { median, percentile, round } from './stats.js';

/** One typing scenario: meetings of editors typing, a warm-up, one measured window. */
export interface TypingPlan {
  meetings: number;
  editors: number;
  warmMs: number;
  windowMs: number;
  /** What every server's clients do in it (the same object for every server). */
  clients: ClientBehaviour;
}

/** The ramp of E (and S): coarse steps, then bisection with longer windows near the limit. */
export interface RampPlan {
  start: number;
  step: number;
  max: number;
  /** Bisect until the last passing and the first failing level are this close (meetings). */
  resolution: number;
  coarseWarmMs: number;
  coarseWindowMs: number;
  fineWarmMs: number;
  fineWindowMs: number;
  p99LimitMs: number;
  /** A level counts only while the generator's busiest thread stays under this (0–1). */
  maxGenerator: number;
  clients: ClientBehaviour;
}

/** Sizes and durations of a run. */
export interface BenchPlan {
  quick: boolean;
  threads: number;
  /** A (the headline), A100 (above the references' capacity), B, and the own-presence tables. */
  typing: Record<string, TypingPlan>;
  cold: { updates: number; runs: number };
  storm: { meetings: number; editors: number; typeMs: number; clients: ClientBehaviour };
  ramp: RampPlan;
  idle: { meetings: number; clients: ClientBehaviour };
  env: Record<string, string>;
}

/** One scenario's result for one server. */
export interface ScenarioResult {
  scenario: string;
  server: ServerKind;
  figures: Record<string, number | null>;
  notes: string[];
  raw?: unknown;
}

let runCounter = 0;
function freshDir(root: string, label: string): string {
  const dir = path.join(root, `${label}-${runCounter++}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function meetingsFor(kind: ServerKind, dataDir: string, count: number, label: string): SeededMeetings {
  // per-server: server side (what the store holds before the run)
  return kind === 'polyphony' ? seedPolyphonyMeetings(dataDir, count) : referenceMeetings(count, label);
}

async function start(
  kind: ServerKind,
  dataDir: string,
  plan: BenchPlan,
  port?: number,
): Promise<BenchServer> {
  // per-server: server side (SQLITE_SYNCHRONOUS is Polyphony's)
  return startServer(kind, { dataDir, port, env: kind === 'polyphony' ? plan.env : {} });
}

/** How the generator reaches a server: framing, address, and (Polyphony) the session and its person. */
export function transportOf(
  server: Pick<BenchServer, 'framing' | 'serverUrl'>,
  seeded: SeededMeetings,
): Transport {
  return {
    framing: server.framing,
    serverUrl: server.serverUrl,
    cookie: seeded.cookie,
    typist: seeded.typist,
  };
}

/** What the generator's threads are given for a server: its transport and the scenario's clients, untouched. */
export function targetOf(
  server: Pick<BenchServer, 'framing' | 'serverUrl'>,
  seeded: SeededMeetings,
  clients: ClientBehaviour,
): Target {
  return targetFor(transportOf(server, seeded), clients);
}

/** A generator whose clients do what `clients` says — the scenario's object, for whichever server. */
function generatorFor(
  server: BenchServer,
  seeded: SeededMeetings,
  clients: ClientBehaviour,
  threads: number,
): Generator {
  return new Generator(targetOf(server, seeded, clients), threads);
}

/** p99 of the keystrokes meant for each second of the window: shows whether slow ones cluster. */
function p99BySecond(latencies: readonly number[], sentAt: readonly number[]): number[] {
  const seconds: number[][] = [];
  latencies.forEach((latency, i) => {
    const second = Math.max(0, Math.floor((sentAt[i] ?? 0) / 1000));
    const bucket = seconds[second] ?? [];
    bucket.push(latency);
    seconds[second] = bucket;
  });
  return Array.from(seconds, (values) => round(percentile(values ?? [], 99), 1));
}

/** A window offered under this share of the keystrokes meant for it says so (open loop: it should not). */
export const OFFERED_MIN = 0.98;

/** Latency and load figures of one measured window. */
function windowFigures(
  window: GeneratorWindow,
  server: BenchServer,
  cpuSeconds: number,
  targetPerSecond: number,
): Record<string, number | null> {
  const seconds = window.windowMs / 1000;
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : 1);
  // What the window was meant to hold: the keystrokes the threads scheduled in it, or — when a saturated
  // thread had not even reached some of its intended times — what the target rate asks for, less three
  // standard deviations of its (Poisson) count, so that chance alone does not flag a window.
  const expected = targetPerSecond * seconds;
  const meant = Math.max(window.intended, expected - 3 * Math.sqrt(expected));
  return {
    p50: round(percentile(window.latencies, 50), 2),
    p99: round(percentile(window.latencies, 99), 2),
    // A loop, not Math.max(...): an overloaded window can hold more samples than a call takes arguments.
    max: round(
      window.latencies.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY),
      1,
    ),
    presenceP50: round(percentile(window.presenceLatencies, 50), 2),
    presenceP99: round(percentile(window.presenceLatencies, 99), 2),
    keystrokesPerSecond: round(window.keystrokes / seconds, 0),
    offeredShare: round(share(window.keystrokes, meant), 3),
    deliveriesPerSecond: round(window.deliveries / seconds, 0),
    incomplete: window.incomplete,
    incompleteShare: round(share(window.incomplete, window.keystrokes), 4),
    presenceIncomplete: window.presenceIncomplete,
    serverCpuSeconds: round(cpuSeconds, 2),
    serverCpuShare: round(cpuSeconds / seconds, 2),
    serverCpuPerKeystrokeMs: round((cpuSeconds * 1000) / Math.max(1, window.keystrokes), 3),
    peakRssMiB: round(server.peakRssBytes() / 2 ** 20, 1),
    bytesPerKeystroke: round((window.bytesIn + window.bytesOut) / Math.max(1, window.keystrokes), 0),
    deliveryToProbeP50: round(percentile(window.probeDeliveries, 50), 2),
    deliveryToProbeP99: round(percentile(window.probeDeliveries, 99), 2),
    deliveryToLightP50: round(percentile(window.lightDeliveries, 50), 2),
    deliveryToLightP99: round(percentile(window.lightDeliveries, 99), 2),
    generatorSendLagP99: round(percentile(window.sendLag, 99), 1),
    generatorUtilisation: round(window.maxUtilisation, 2),
    generatorThreadCpuShare: Number.isFinite(window.maxThreadCpuShare)
      ? round(window.maxThreadCpuShare, 2)
      : null,
    generatorLoopDelayP99: round(window.maxLoopDelayP99, 1),
    generatorCpuShare: round(window.cpuPerSecond, 2),
  };
}

/** The notes a window earns: under-offered, incomplete. */
function windowNotes(figures: Record<string, number | null>, where: string): string[] {
  const notes: string[] = [];
  if ((figures.offeredShare ?? 1) < OFFERED_MIN)
    notes.push(
      `${where}: only ${Math.round((figures.offeredShare ?? 0) * 100)} % of the intended keystrokes were offered`,
    );
  if ((figures.incomplete ?? 0) > 0)
    notes.push(`${where}: ${figures.incomplete} keystrokes incomplete (counted as ∞ in the percentiles)`);
  return notes;
}

/** Meetings typing for a while: A (many meetings of 8) and B (one meeting of 50). */
async function typingScenario(
  name: string,
  kind: ServerKind,
  plan: BenchPlan,
  root: string,
): Promise<ScenarioResult> {
  const { meetings, editors, warmMs, windowMs } = plan.typing[name] as TypingPlan;
  const clients = clientsFor(plan, name, kind);
  const dataDir = freshDir(root, `${kind}-${name}`);
  // One more meeting than typed in: the durability writers' own.
  const writers = clients.durabilityWriters;
  const seeded = meetingsFor(kind, dataDir, meetings + (writers > 0 ? 1 : 0), name);
  const server = await start(kind, dataDir, plan);
  const generator = generatorFor(server, seeded, clients, plan.threads);
  const notes: string[] = [];
  let durability: DurabilityWriters | null = null;
  try {
    const typed = seeded.meetingIds.slice(0, meetings);
    if (writers > 0)
      durability = await DurabilityWriters.start(
        transportOf(server, seeded),
        seeded.meetingIds[meetings] as string,
        writers,
        clients.rate,
      );
    const opened = await generator.open(typed, editors);
    if (!opened.synced) notes.push('not every editor synced within 60 s');
    await generator.typing(clients.rate);
    await sleep(warmMs);
    await generator.startWindow();
    if (durability) durability.measuring = true;
    // BENCH_HEAP_SAMPLES with heapSampler.mjs preloaded: the server samples its allocations over the window.
    const sampleHeap = () => process.env.BENCH_HEAP_SAMPLES && process.kill(server.pid, 'SIGUSR2');
    sampleHeap();
    const cpuBefore = server.cpuSeconds();
    await sleep(windowMs);
    const cpu = server.cpuSeconds() - cpuBefore;
    sampleHeap();
    if (durability) durability.measuring = false;
    const window = await generator.stopWindow();
    await generator.typing(0);
    const figures = windowFigures(window, server, cpu, meetings * editors * clients.rate);
    notes.push(...windowNotes(figures, name));
    const closed = server.output().match(/closing sync socket[^"]*/g) ?? [];
    if (closed.length > 0)
      notes.push(`the server closed ${closed.length} sockets: ${[...new Set(closed)].join(', ')}`);
    if (durability) {
      const acks = durability.ackLatencies;
      figures.ackP50 = acks.length > 0 ? round(percentile(acks, 50), 2) : null;
      figures.ackP99 = acks.length > 0 ? round(percentile(acks, 99), 2) : null;
      // per-server: server side (only Polyphony acknowledges storage; its store is read after kill -9)
      if (kind === 'polyphony' && !process.env.BENCH_PROFILE) {
        await sleep(200);
        const durable = await checkDurable(server, durability);
        figures.durableChecked = durable.checked;
        figures.durableLost = durable.lost;
        if (durable.lost > 0)
          notes.push(`${durable.lost} acknowledged updates were NOT durable after kill -9`);
      }
    }
    return {
      scenario: name,
      server: kind,
      figures,
      notes,
      raw: {
        editors: opened.editors,
        clients,
        latencySamples: window.latencies.length,
        presenceSamples: window.presenceLatencies.length,
        p99BySecond: p99BySecond(window.latencies, window.sentAt),
      },
    };
  } finally {
    durability?.close();
    await generator.close();
    await server.stop();
  }
}

/** The typing scenarios, by name (A, A100, B, Aown, Bown). */
export function typing(
  name: string,
): (kind: ServerKind, plan: BenchPlan, root: string) => Promise<ScenarioResult> {
  return (kind, plan, root) => typingScenario(name, kind, plan, root);
}

/**
 * Resolve when `done()` holds, checked on each of the events `listen` subscribes to (the document's
 * updates, the provider's "synced"): the time is taken when the client has the document, not at the next
 * tick of a poll, whose 10 ms would be a quarter of what is measured.
 */
function whenDone(
  done: () => boolean,
  listen: (check: () => void) => () => void,
  timeoutMs: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let stop = (): void => {};
    const timer = setTimeout(() => {
      stop();
      reject(new Error('timed out waiting for the document'));
    }, timeoutMs);
    const check = (): void => {
      if (!done()) return;
      const at = performance.now();
      clearTimeout(timer);
      stop();
      resolve(at);
    };
    stop = listen(check);
    check();
  });
}

/** Connect one real client and wait until it holds the whole stored document. */
async function timeFullOpen(
  server: BenchServer,
  seeded: SeededMeetings,
  meetingId: string,
  expected: Map<number, number>,
): Promise<number> {
  const doc = new Y.Doc();
  const complete = (): boolean => {
    for (const [client, clock] of expected) if (Y.getState(doc.store, client) < clock) return false;
    return true;
  };
  const onUpdates = (check: () => void): (() => void) => {
    doc.on('update', check);
    return () => doc.off('update', check);
  };
  const started = performance.now();
  // per-server: transport
  if (server.kind === 'hocuspocus') {
    const provider = new HocuspocusProvider({
      url: server.serverUrl,
      name: meetingId,
      document: doc,
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    } as ConstructorParameters<typeof HocuspocusProvider>[0]);
    try {
      const done = await whenDone(
        () => provider.isSynced && complete(),
        (check) => {
          const stopUpdates = onUpdates(check);
          provider.on('synced', check);
          return () => {
            stopUpdates();
            provider.off('synced', check);
          };
        },
        60_000,
      );
      return done - started;
    } finally {
      provider.destroy();
    }
  }
  const client = connectClient(server.serverUrl, meetingId, { doc, cookie: seeded.cookie });
  try {
    // The y-websocket server syncs before its LevelDB load finishes and sends the stored content
    // afterwards as an update, so "synced" alone is not the end: wait for the whole document.
    const done = await whenDone(
      () => client.provider.synced && complete(),
      (check) => {
        const stopUpdates = onUpdates(check);
        client.provider.on('sync', check);
        return () => {
          stopUpdates();
          client.provider.off('sync', check);
        };
      },
      60_000,
    );
    return done - started;
  } finally {
    client.destroy();
  }
}

interface History {
  updates: Uint8Array[];
  expected: Map<number, number>;
}
let history: History | null = null;
let warmUpHistory: History | null = null;

function makeHistory(updates: Uint8Array[]): History {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return { updates, expected: Y.decodeStateVector(Y.encodeStateVector(doc)) };
}

/** What C seeded, by store format and history size (kept for the run: every copy starts from it). */
const pristines = new Map<string, { dir: string; seeded: SeededMeetings }>();

/** C: cold load of a meeting whose history is N keystroke updates, on a running server. */
export async function coldLoadScenario(
  kind: ServerKind,
  plan: BenchPlan,
  root: string,
): Promise<ScenarioResult> {
  if (history?.updates.length !== plan.cold.updates)
    history = makeHistory(keystrokeHistory(plan.cold.updates));
  warmUpHistory ??= makeHistory(keystrokeHistory(10_000));
  // Two meetings: one of 10k updates opened first, so the server is running and warm (as a server is
  // when someone opens an old meeting), then the measured one, cold in the store. Seeded once per store
  // format and history: both y-websocket servers read the same y-leveldb layout, and writing 100k LevelDB
  // entries takes a minute here.
  // per-server: server side (the store's format)
  const format = kind === 'y-websocket-server' ? 'y-websocket' : kind;
  const key = `${format}-${plan.cold.updates}`;
  let pristineSeed = pristines.get(key);
  if (!pristineSeed || !fs.existsSync(pristineSeed.dir)) {
    const dir = freshDir(root, `${format}-C-pristine`);
    pristineSeed = { dir, seeded: await seedHistory(kind, dir, [warmUpHistory.updates, history.updates]) };
    pristines.set(key, pristineSeed);
  }
  const { dir: pristine, seeded } = pristineSeed;
  const [warmUpId, measuredId] = seeded.meetingIds as [string, string];
  const samples: number[] = [];
  let peakRss = 0;
  let cpu = 0;
  for (let run = 0; run < plan.cold.runs; run++) {
    // A fresh copy each time: the first load may rewrite what is stored (trimming, compacting).
    const dir = freshDir(root, `${kind}-C`);
    fs.cpSync(pristine, dir, { recursive: true });
    const server = await start(kind, dir, plan);
    try {
      await timeFullOpen(server, seeded, warmUpId, warmUpHistory.expected);
      const cpuBefore = server.cpuSeconds();
      samples.push(await timeFullOpen(server, seeded, measuredId, history.expected));
      cpu = server.cpuSeconds() - cpuBefore;
      peakRss = Math.max(peakRss, server.peakRssBytes());
    } finally {
      await server.stop();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return {
    scenario: 'C',
    server: kind,
    figures: {
      timeToSyncMs: round(median(samples), 1),
      serverCpuSeconds: round(cpu, 2),
      peakRssMiB: round(peakRss / 2 ** 20, 1),
    },
    notes: [],
    raw: { samplesMs: samples.map((s) => round(s, 1)), updates: plan.cold.updates },
  };
}

/** D: a reconnect storm — every client reconnects at once after a server restart. */
export async function reconnectStorm(
  kind: ServerKind,
  plan: BenchPlan,
  root: string,
): Promise<ScenarioResult> {
  const { meetings, editors, typeMs } = plan.storm;
  const clients = clientsFor(plan, 'D', kind);
  const dataDir = freshDir(root, `${kind}-D`);
  const seeded = meetingsFor(kind, dataDir, meetings, 'D');
  let server = await start(kind, dataDir, plan);
  const generator = generatorFor(server, seeded, clients, plan.threads);
  const notes: string[] = [];
  try {
    const opened = await generator.open(seeded.meetingIds, editors);
    await generator.typing(clients.rate);
    await sleep(typeMs);
    await generator.typing(0);
    await sleep(500);
    await server.stop();
    if (!(await generator.waitDisconnected(10_000))) notes.push('not every client noticed the restart');
    server = await start(kind, dataDir, plan, server.port);
    const listeningAt = Date.now();
    const cpuBefore = server.cpuSeconds();
    const synced = await generator.waitSynced(60_000);
    if (!synced.ok) notes.push(`only ${synced.synced} of ${opened.editors} clients synced within 60 s`);
    return {
      scenario: 'D',
      server: kind,
      figures: {
        clients: opened.editors,
        allSyncedMs: synced.ok ? Math.max(0, synced.lastSyncedAt - listeningAt) : null,
        serverCpuSeconds: round(server.cpuSeconds() - cpuBefore, 2),
        peakRssMiB: round(server.peakRssBytes() / 2 ** 20, 1),
      },
      notes,
    };
  } finally {
    await generator.close();
    await server.stop();
  }
}

/** What a ramp measured: one entry per window, the coarse curve, and the last level that passed. */
interface RampOutcome {
  levels: Record<string, number | null>[];
  /** p99 (keystrokes, presence) at each coarse level: the latency-versus-load curve. */
  curve: { meetings: number; p99: number | null; presenceP99: number | null }[];
  capacity: number;
  /** What failed at the level above capacity: the server, or the generator (then capacity is "at least"). */
  limitedBy: 'server' | 'generator' | 'none';
  notes: string[];
  /** Where the ramp's time went, seconds: joining meetings, warm-ups, windows, the grace after each. */
  phases: RampPhases;
}

/** Seconds a ramp spent in each of its parts. */
export interface RampPhases {
  joins: number;
  warmups: number;
  windows: number;
  settles: number;
  /** Seeding, the server's start and stop, the generator's close (set by the caller). */
  setup?: number;
}

/** Time `f`, adding its seconds to `phases[phase]`. */
async function timed<T>(phases: RampPhases, phase: keyof RampPhases, f: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await f();
  } finally {
    phases[phase] = (phases[phase] ?? 0) + (performance.now() - t0) / 1000;
  }
}

/** A window's p99 for the ramp's limit; a window with no latencies at all fails it. */
const p99Of = (figures: Record<string, number | null>) => figures.p99 ?? Number.POSITIVE_INFINITY;

/** How a level went: passed, failed on the server's side, or said nothing (the generator was busy). */
type Verdict = 'pass' | 'server' | 'generator';

/**
 * The ramp of E and S: with everyone typing, add meetings of 8 in coarse steps (a short warm-up and window
 * each) until a level fails, then bisect between the last level that passed and the one that failed, with
 * a longer warm-up and window, down to `resolution` meetings. A level passes when every editor synced, p99
 * keystroke → every other editor (incomplete keystrokes counted as ∞) is within the limit, and the
 * generator offered at least 98 % of the keystrokes meant for the window. A level counts only while the
 * generator's busiest thread stays under `maxGenerator`: above it, the level says nothing about the server
 * and is treated as failed "by the generator" (capacity is then "at least"). A coarse level whose p99 alone
 * failed is measured once more (one stall of the host must not end a ramp below the server's limit).
 * `meters` are further CPU readings (seconds so far), reported per level as `<name>CpuSeconds` and
 * `<name>CpuShare`.
 */
async function rampLoop(options: {
  plan: BenchPlan;
  generator: Generator;
  server: BenchServer;
  meetings: (from: number, to: number) => Promise<string[]> | string[];
  meters?: Record<string, () => number>;
  /** Measure from this level on (the levels below are opened step by step without a window). */
  measureFrom?: number;
}): Promise<RampOutcome> {
  const { plan, generator, server, meetings, meters = {} } = options;
  const measureFrom = options.measureFrom ?? plan.ramp.start;
  const ramp = plan.ramp;
  const rate = ramp.clients.rate;
  const levels: Record<string, number | null>[] = [];
  const curve: RampOutcome['curve'] = [];
  const notes: string[] = [];
  const openIds: string[] = [];
  const phases: RampPhases = { joins: 0, warmups: 0, windows: 0, settles: 0 };
  const warm = (ms: number) => timed(phases, 'warmups', () => sleep(ms));
  let used = 0;
  /** Open or shed meetings until `target` are open. */
  const setLevel = (target: number): Promise<boolean> => timed(phases, 'joins', () => openLevel(target));
  const openLevel = async (target: number): Promise<boolean> => {
    if (target < openIds.length) {
      await generator.shed(openIds.splice(target));
      return true;
    }
    const ids = await meetings(used, used + target - openIds.length);
    used += ids.length;
    openIds.push(...ids);
    return (await generator.open(ids, 8)).synced;
  };
  /** One measured window at the current level. */
  const measure = async (target: number, windowMs: number, phase: string) => {
    await generator.startWindow();
    const cpuBefore = server.cpuSeconds();
    const metersBefore = Object.entries(meters).map(([name, read]) => [name, read()] as const);
    await timed(phases, 'windows', () => sleep(windowMs));
    const cpu = server.cpuSeconds() - cpuBefore;
    const metered = metersBefore.map(
      ([name, before]) => [name, (meters[name] as () => number)() - before] as const,
    );
    const window = await timed(phases, 'settles', () => generator.stopWindow());
    const figures: Record<string, number | null> = {
      meetings: target,
      ...windowFigures(window, server, cpu, target * 8 * rate),
      keystrokes: window.keystrokes,
      windowMs: round(window.windowMs, 0),
    };
    for (const [name, seconds] of metered) {
      figures[`${name}CpuSeconds`] = round(seconds, 2);
      figures[`${name}CpuShare`] = round(seconds / (window.windowMs / 1000), 2);
    }
    levels.push({ ...figures, fine: phase === 'fine' ? 1 : 0 });
    return figures;
  };
  const verdict = (synced: boolean, figures: Record<string, number | null>, target: number): Verdict => {
    const busiest = figures.generatorUtilisation ?? 0;
    if (busiest >= ramp.maxGenerator) {
      notes.push(
        `the generator's busiest thread was at ${busiest} at ${target} meetings (limit ${ramp.maxGenerator}): ` +
          'that level says nothing about the server',
      );
      return 'generator';
    }
    if (!synced) notes.push(`not every editor synced within 60 s at ${target} meetings`);
    if ((figures.offeredShare ?? 1) < OFFERED_MIN)
      notes.push(
        `only ${Math.round((figures.offeredShare ?? 0) * 100)} % of the intended keystrokes were typed at ` +
          `${target} meetings: editors were still waiting for the server to sync them`,
      );
    const passed = synced && p99Of(figures) <= ramp.p99LimitMs && (figures.offeredShare ?? 1) >= OFFERED_MIN;
    return passed ? 'pass' : 'server';
  };
  await generator.typing(rate);
  let lo = 0;
  let hi: number | null = null;
  let limitedBy: RampOutcome['limitedBy'] = 'none';
  // The later ramps: every coarse level below `measureFrom` is opened at once, one join of all its
  // meetings instead of one per step (each open waits for its sockets to sync and 200 ms for the
  // skeletons: about 1–2 s a step at 100+ meetings), and not measured; the first measured level above it
  // then gets the fine warm-up, so that the server has settled after the join.
  let opened = 0;
  for (let target = ramp.start; target < measureFrom; target += ramp.step) opened = target;
  if (opened > 0) {
    if (!(await setLevel(opened)))
      notes.push(`not every editor of the ${opened} meetings opened at once synced`);
    lo = opened;
  }
  for (let target = opened > 0 ? opened + ramp.step : ramp.start; target <= ramp.max; target += ramp.step) {
    const synced = await setLevel(target);
    await warm(target === opened + ramp.step && opened > 0 ? ramp.fineWarmMs : ramp.coarseWarmMs);
    let figures = await measure(target, ramp.coarseWindowMs, 'coarse');
    let outcome = verdict(synced, figures, target);
    if (outcome === 'server' && synced && (figures.offeredShare ?? 1) >= OFFERED_MIN) {
      const firstP99 = p99Of(figures);
      figures = await measure(target, ramp.coarseWindowMs, 'coarse');
      outcome = verdict(synced, figures, target);
      if (outcome === 'pass')
        notes.push(
          `p99 was ${firstP99} ms in the first window at ${target} meetings and ${figures.p99} ms in the second, which counts`,
        );
    }
    curve.push({ meetings: target, p99: figures.p99 ?? null, presenceP99: figures.presenceP99 ?? null });
    if (outcome === 'pass') {
      lo = target;
      continue;
    }
    hi = target;
    limitedBy = outcome;
    break;
  }
  if (hi === null) notes.push(`no limit found up to ${ramp.max} meetings`);
  while (hi !== null && hi - lo > ramp.resolution) {
    const mid = lo + Math.max(ramp.resolution, Math.round((hi - lo) / 2 / ramp.resolution) * ramp.resolution);
    if (mid >= hi) break;
    const synced = await setLevel(mid);
    await warm(ramp.fineWarmMs);
    const figures = await measure(mid, ramp.fineWindowMs, 'fine');
    const outcome = verdict(synced, figures, mid);
    if (outcome === 'pass') lo = mid;
    else {
      hi = mid;
      limitedBy = outcome;
    }
  }
  if (limitedBy === 'generator')
    notes.push(`capacity is at least ${lo}: the generator, not the server, was the limit above it`);
  await generator.typing(0);
  return { levels, curve, capacity: lo, limitedBy, notes, phases };
}

/** The capacity E's first ramp found on each server: the later ramps start measuring below it. */
const firstRamp = new Map<ServerKind, number>();

/**
 * E: the ramp; the last level that passed is the capacity (bisected to the plan's resolution). The first
 * ramp of a server measures every coarse level (the curve); the later ones open the meetings below the
 * last coarse level the first ramp passed without measuring them, and measure and bisect from there:
 * three ramps of a server that carries 200 meetings would otherwise not fit in 15 minutes.
 */
export async function ramp(kind: ServerKind, plan: BenchPlan, root: string): Promise<ScenarioResult> {
  const first = firstRamp.get(kind);
  const measureFrom =
    first === undefined
      ? plan.ramp.start
      : Math.max(plan.ramp.start, Math.floor(first / plan.ramp.step) * plan.ramp.step);
  const setupStarted = performance.now();
  const dataDir = freshDir(root, `${kind}-E`);
  // Enough meetings for the coarse climb and every meeting the bisection opens afresh.
  const seeded = meetingsFor(kind, dataDir, plan.ramp.max + 2 * plan.ramp.step, 'E');
  const server = await start(kind, dataDir, plan);
  const generator = generatorFor(server, seeded, clientsFor(plan, 'E', kind), plan.threads);
  const setup = (performance.now() - setupStarted) / 1000;
  let timedPhases: RampPhases | null = null;
  try {
    const { levels, curve, capacity, limitedBy, notes, phases } = await rampLoop({
      plan,
      generator,
      server,
      meetings: (from, to) => seeded.meetingIds.slice(from, to),
      measureFrom,
    });
    if (first === undefined) firstRamp.set(kind, capacity);
    const last = levels.findLast((l) => l.meetings === capacity);
    timedPhases = phases;
    return {
      scenario: 'E',
      server: kind,
      figures: {
        capacityMeetings: capacity,
        capacityEditors: capacity * 8,
        capacityAtLeast: limitedBy === 'generator' || limitedBy === 'none' ? 1 : 0,
        p99AtCapacity: last?.p99 ?? null,
        presenceP99AtCapacity: last?.presenceP99 ?? null,
        serverCpuShareAtCapacity: last?.serverCpuShare ?? null,
        generatorAtCapacity: last?.generatorUtilisation ?? null,
        keystrokesPerSecondAtCapacity: last?.keystrokesPerSecond ?? null,
        deliveriesPerSecondAtCapacity: last?.deliveriesPerSecond ?? null,
        peakRssMiB: round(server.peakRssBytes() / 2 ** 20, 1),
      },
      notes,
      raw: { levels, curve, measureFrom, clients: plan.ramp.clients, phases },
    };
  } finally {
    const teardown = performance.now();
    await generator.close();
    await server.stop();
    // The phases are the result's own object: its setup is complete once the server stopped.
    if (timedPhases) timedPhases.setup = setup + (performance.now() - teardown) / 1000;
  }
}

/** Where S runs: PostgreSQL (a fresh schema per configuration) and whether it answers. */
export const SCALE_OUT_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? TEST_DATABASE_URL;

/** The two configurations of S: one instance, and two with every meeting split across them. */
export const SCALE_OUT_CONFIGURATIONS = [
  { instances: 1, prefix: 'one' },
  { instances: 2, prefix: 'two' },
] as const;

/** One configuration of S: `instances` Polyphony processes sharing PostgreSQL and Redis. */
async function scaleOutConfiguration(
  instances: number,
  plan: BenchPlan,
  root: string,
): Promise<RampOutcome & { peakRssMiB: number[]; seedMs: number }> {
  const schema = `bench_scaleout_${process.pid}_${Date.now()}_${instances}`;
  const redis = await startRedisServer();
  const servers: BenchServer[] = [];
  let generator: Generator | null = null;
  try {
    // One after the other: the first creates the schema and its tables.
    for (let i = 0; i < instances; i++) {
      servers.push(
        await startServer('polyphony', {
          dataDir: freshDir(root, `polyphony-S${instances}-${i}`),
          env: {
            ...plan.env,
            DATABASE_URL: SCALE_OUT_DATABASE_URL,
            DATABASE_SCHEMA: schema,
            REDIS_URL: redis.url,
          },
        }),
      );
    }
    const first = servers[0] as BenchServer;
    const seeder = await HttpMeetingSeeder.start(first.httpUrl);
    generator = new Generator(
      targetFor(
        {
          framing: first.framing,
          serverUrl: first.serverUrl,
          // Editor i of every meeting on instance i % n: with two, every keystroke crosses Redis.
          serverUrls: servers.map((s) => s.serverUrl),
          cookie: seeder.cookie,
          typist: seeder.typist,
        },
        clientsFor(plan, 'S', 'polyphony'),
      ),
      plan.threads,
    );
    const meters: Record<string, () => number> = {};
    servers.forEach((s, i) => {
      meters[`instance${i + 1}`] = () => s.cpuSeconds();
    });
    meters.redis = () => redis.cpuSeconds();
    meters.postgres = postgresCpuSeconds;
    let seedMs = 0;
    const outcome = await rampLoop({
      plan,
      generator,
      server: first,
      // Made through the API before each step, outside the measured window.
      meetings: async (from, to) => {
        const started = performance.now();
        const ids = await seeder.add(to - from);
        seedMs += performance.now() - started;
        return ids;
      },
      meters,
    });
    for (const level of outcome.levels) {
      const instancesCpu = servers.reduce((sum, _, i) => sum + (level[`instance${i + 1}CpuSeconds`] ?? 0), 0);
      const allCpu = instancesCpu + (level.redisCpuSeconds ?? 0) + (level.postgresCpuSeconds ?? 0);
      const keystrokes = Math.max(1, level.keystrokes ?? 0);
      level.instancesCpuPerKeystrokeMs = round((instancesCpu * 1000) / keystrokes, 3);
      level.cpuPerKeystrokeMs = round((allCpu * 1000) / keystrokes, 3);
    }
    servers.forEach((s, i) => {
      const closed = s.output().match(/closing sync socket[^"]*/g) ?? [];
      if (closed.length > 0)
        outcome.notes.push(
          `instance ${i + 1} closed ${closed.length} sockets: ${[...new Set(closed)].join(', ')}`,
        );
    });
    return {
      ...outcome,
      peakRssMiB: servers.map((s) => round(s.peakRssBytes() / 2 ** 20, 1)),
      seedMs: round(seedMs, 0),
    };
  } finally {
    await generator?.close();
    for (const server of servers) await server.stop();
    await redis.stop();
    await dropSchema(SCALE_OUT_DATABASE_URL, schema);
  }
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * S: the ramp of E against Polyphony with PostgreSQL and Redis — first one instance, then two with the
 * editors of every meeting split across them (editor i on instance i % 2, so every keystroke reaches half
 * its meeting through Redis). Polyphony only: the reference servers have no scale-out.
 */
export async function scaleOutRamp(kind: ServerKind, plan: BenchPlan, root: string): Promise<ScenarioResult> {
  // per-server: server side (S is Polyphony's scale-out)
  if (kind !== 'polyphony') throw new Error('S is Polyphony only');
  if (!(await postgresReachable(SCALE_OUT_DATABASE_URL)))
    throw new Error('PostgreSQL does not answer (bash scripts/services.sh starts it; BENCH_DATABASE_URL)');
  const figures: Record<string, number | null> = {};
  const notes: string[] = [];
  const raw: Record<string, unknown> = {};
  const outcomes: RampOutcome[] = [];
  for (const { instances, prefix } of SCALE_OUT_CONFIGURATIONS) {
    const outcome = await scaleOutConfiguration(instances, plan, root);
    outcomes.push(outcome);
    const last = outcome.levels.findLast((l) => l.meetings === outcome.capacity);
    figures[`${prefix}CapacityMeetings`] = outcome.capacity;
    figures[`${prefix}CapacityEditors`] = outcome.capacity * 8;
    figures[`${prefix}P99AtCapacity`] = last?.p99 ?? null;
    figures[`${prefix}IncompleteAtCapacity`] = last?.incomplete ?? null;
    figures[`${prefix}AckP99AtCapacity`] = last?.ackP99 ?? null;
    for (let i = 1; i <= instances; i++)
      figures[`${prefix}Instance${i}CpuShare`] = last?.[`instance${i}CpuShare`] ?? null;
    figures[`${prefix}RedisCpuShare`] = last?.redisCpuShare ?? null;
    figures[`${prefix}PostgresCpuShare`] = last?.postgresCpuShare ?? null;
    figures[`${prefix}InstancesCpuPerKeystrokeMs`] = last?.instancesCpuPerKeystrokeMs ?? null;
    figures[`${prefix}CpuPerKeystrokeMs`] = last?.cpuPerKeystrokeMs ?? null;
    figures[`${prefix}GeneratorAtCapacity`] = last?.generatorUtilisation ?? null;
    const label = `${instances} instance${instances > 1 ? 's' : ''}`;
    for (const note of outcome.notes) notes.push(`${label}: ${note}`);
    const stoppedAt = outcome.levels.at(-1);
    if (stoppedAt && stoppedAt.meetings !== outcome.capacity)
      notes.push(`${label}: stopped at ${stoppedAt.meetings} meetings, p99 ${stoppedAt.p99} ms`);
    raw[prefix] = { levels: outcome.levels, peakRssMiB: outcome.peakRssMiB, seedMs: outcome.seedMs };
  }
  // The relay's cost: CPU per keystroke (every process behind the instances) of both configurations at
  // the same load — the lightest level, and the highest level both passed. Per keystroke falls with load
  // (each commit's and each PostgreSQL round trip's cost is shared by more keystrokes), so only figures of
  // one level compare.
  const [one, two] = outcomes as [RampOutcome, RampOutcome];
  const compare = (name: string, meetings: number): void => {
    const oneAt = one.levels.find((l) => l.meetings === meetings);
    const twoAt = two.levels.find((l) => l.meetings === meetings);
    const both = oneAt && twoAt;
    figures[`relay${name}Meetings`] = both ? meetings : null;
    figures[`relay${name}OneMs`] = both ? (oneAt.cpuPerKeystrokeMs ?? null) : null;
    figures[`relay${name}TwoMs`] = both ? (twoAt.cpuPerKeystrokeMs ?? null) : null;
    figures[`relay${name}OneInstancesMs`] = both ? (oneAt.instancesCpuPerKeystrokeMs ?? null) : null;
    figures[`relay${name}TwoInstancesMs`] = both ? (twoAt.instancesCpuPerKeystrokeMs ?? null) : null;
    figures[`relay${name}CostMs`] = both
      ? round((twoAt.cpuPerKeystrokeMs ?? 0) - (oneAt.cpuPerKeystrokeMs ?? 0), 3)
      : null;
  };
  compare('Light', plan.ramp.start);
  const top = Math.min(one.capacity, two.capacity);
  if (top > plan.ramp.start) compare('Top', top);
  return { scenario: 'S', server: kind, figures, notes, raw };
}

/** Memory of idle meetings: one quiet reader in each of N meetings. */
export async function idleMeetings(kind: ServerKind, plan: BenchPlan, root: string): Promise<ScenarioResult> {
  const dataDir = freshDir(root, `${kind}-idle`);
  const seeded = meetingsFor(kind, dataDir, plan.idle.meetings, 'idle');
  const server = await start(kind, dataDir, plan);
  const generator = generatorFor(server, seeded, clientsFor(plan, 'idle', kind), plan.threads);
  try {
    // One meeting first, so that the modules the first meeting loads are not counted per meeting.
    await generator.open(seeded.meetingIds.slice(0, 1), 1);
    await sleep(1000);
    const before = server.rssBytes();
    await generator.open(seeded.meetingIds.slice(1), 1);
    await sleep(2000);
    const after = server.rssBytes();
    return {
      scenario: 'idle',
      server: kind,
      figures: { rssPerIdleMeetingKiB: round((after - before) / 1024 / (plan.idle.meetings - 1), 1) },
      notes: [],
    };
  } finally {
    await generator.close();
    await server.stop();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A scratch folder for one run's data directories. */
export function scratchRoot(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'polyphony-bench-'));
}
