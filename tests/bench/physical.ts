/**
 * The physical limit, measured in the same run as the servers: what one core (core 0, where the servers
 * run) does when it does nothing but relay — raw `ws` fan-out in meetings of 8 (fanoutServer.mjs), one
 * write per delivery and batched (one write per socket per turn) — and what applying a keystroke costs
 * Yjs. Polyphony's deliveries per second at its capacity, as a fraction of the batched fan-out, says how
 * far it is from the floor this machine sets.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as Y from 'yjs';
import { freePort } from '../integration/helpers/serverProcess.js';
import { startVoiceBlock, typedCharacter, writeMeetingSkeleton } from './meetingDocument.js';
import { RawWebSocket } from './rawWebSocket.js';
import { canPin, processCpuSeconds } from './servers.js';
import { round } from './stats.js';

const ENTRY = new URL('./fanoutServer.mjs', import.meta.url).pathname;
const ROOMS = 40;
const ROOM_SIZE = 8;
/** Messages a sender writes at once. */
const BURST = 8;

/** What the physical limit measured. */
export interface PhysicalLimit {
  /** Deliveries per second at saturation, one write per delivery. */
  eachDeliveriesPerSecond: number;
  /** Deliveries per second at saturation, a message framed once and one write per socket per turn. */
  batchedDeliveriesPerSecond: number;
  /**
   * Deliveries per CPU second of the fan-out server (the best level): what one core does when the server
   * has it — on a shared machine the process may get less than its core, and this does not depend on that.
   */
  eachPerCpuSecond: number;
  batchedPerCpuSecond: number;
  /** Yjs: applying one typed character's update to a meeting document, µs. */
  yjsApplyMicroseconds: number;
  /** Polyphony's deliveries at capacity ÷ batchedDeliveriesPerSecond (filled in by run.ts). */
  polyphonyFraction?: number;
  levels: {
    mode: string;
    offered: number;
    delivered: number;
    serverCpuShare: number;
    generatorLimited: boolean;
  }[];
  lines: string[];
}

async function startFanout(mode: 'each' | 'batched'): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const command = canPin ? 'taskset' : process.execPath;
  const args = canPin ? ['-c', '0', process.execPath, ENTRY] : [ENTRY];
  const child = spawn(command, args, {
    env: { ...process.env, PORT: String(port), FANOUT_MODE: mode },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the fan-out server did not start')), 10_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', () => reject(new Error('the fan-out server exited')));
  });
  return { child, port };
}

/** Modes whose top level the generator could not offer in full (their figure is "at least"). */
const limitedByGenerator = new Set<string>();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Saturate the fan-out server in one mode: offered messages/s doubling until it falls behind. */
async function fanout(
  mode: 'each' | 'batched',
  levelMs: number,
  firstRate: number,
  levels: PhysicalLimit['levels'],
): Promise<{ best: number; perCpuSecond: number }> {
  const { child, port } = await startFanout(mode);
  const sockets: RawWebSocket[] = [];
  let delivered = 0;
  try {
    for (let room = 0; room < ROOMS; room++) {
      for (let i = 0; i < ROOM_SIZE; i++) {
        sockets.push(
          new RawWebSocket(
            `ws://127.0.0.1:${port}/room-${room}`,
            {},
            {
              open: () => undefined,
              message: () => {
                delivered++;
              },
              close: () => undefined,
            },
          ),
        );
      }
    }
    const deadline = Date.now() + 10_000;
    while (!sockets.every((s) => s.isOpen)) {
      if (Date.now() > deadline) throw new Error('fan-out sockets did not open');
      await sleep(20);
    }
    const burst = Array.from({ length: BURST }, () => new Uint8Array(16).fill(7));
    let best = 0;
    let perCpuSecond = 0;
    for (let rate = firstRate; rate <= 512_000; rate *= 2) {
      // Send at `rate` messages/s from sockets taken in turn, for levelMs, then read what was delivered.
      const started = performance.now();
      const cpuBefore = processCpuSeconds(child.pid as number) ?? 0;
      const deliveredBefore = delivered;
      let sent = 0;
      let next = 0;
      while (performance.now() - started < levelMs) {
        const due = Math.floor(((performance.now() - started) / 1000) * rate);
        // Eight messages per write from one socket: the generator's one thread must offer more than the
        // server's core can relay, and a write per message would make it the limit first.
        for (; sent + BURST <= due; sent += BURST) {
          (sockets[next] as RawWebSocket).send(...burst);
          next = (next + 1) % sockets.length;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      const seconds = (performance.now() - started) / 1000;
      await sleep(100);
      const cpu = (processCpuSeconds(child.pid as number) ?? 0) - cpuBefore;
      const deliveredPerSecond = (delivered - deliveredBefore) / seconds;
      const offered = (sent * (ROOM_SIZE - 1)) / seconds;
      // The generator could not send what the level asked for: above this, the figure is a lower bound.
      const generatorLimited = sent < rate * seconds * 0.9;
      levels.push({
        mode,
        offered: Math.round(offered),
        delivered: Math.round(deliveredPerSecond),
        serverCpuShare: round(cpu / seconds, 2),
        generatorLimited,
      });
      if (generatorLimited) limitedByGenerator.add(mode);
      best = Math.max(best, deliveredPerSecond);
      // Levels where the server had a tenth of a core at least: fewer samples say little.
      if (cpu / seconds >= 0.1) perCpuSecond = Math.max(perCpuSecond, (delivered - deliveredBefore) / cpu);
      // Saturated: it delivered less than it was offered, or its core is full (or the generator is the limit).
      if (deliveredPerSecond < offered * 0.9 || cpu / seconds > 0.95 || generatorLimited) break;
    }
    return { best: Math.round(best), perCpuSecond: Math.round(perCpuSecond) };
  } finally {
    for (const socket of sockets) socket.close();
    child.kill('SIGKILL');
  }
}

/** Yjs's cost of applying one keystroke to a meeting document, µs (median of 3 rounds). */
function yjsApplyCost(keystrokes: number): number {
  const writers = Array.from({ length: 8 }, () => new Y.Doc());
  const first = writers[0] as Y.Doc;
  writeMeetingSkeleton(first, 'Physical limit');
  const skeleton = Y.encodeStateAsUpdate(first);
  for (const writer of writers.slice(1)) Y.applyUpdate(writer, skeleton);
  const updates: Uint8Array[] = [];
  const texts = writers.map((w, i) => {
    const text = startVoiceBlock(w, `Writer ${i}`);
    updates.push(Y.encodeStateAsUpdate(w, Y.encodeStateVector(first)));
    return text;
  });
  for (let i = 0; i < keystrokes; i++) {
    const w = i % writers.length;
    const writer = writers[w] as Y.Doc;
    const before = Y.encodeStateVector(writer);
    const text = texts[w] as Y.XmlText;
    text.insert(text.length, typedCharacter(i));
    updates.push(Y.encodeStateAsUpdate(writer, before));
  }
  const rounds: number[] = [];
  for (let r = 0; r < 3; r++) {
    const reader = new Y.Doc();
    Y.applyUpdate(reader, skeleton);
    const started = performance.now();
    for (const update of updates) Y.applyUpdate(reader, update);
    rounds.push(((performance.now() - started) * 1000) / updates.length);
  }
  rounds.sort((a, b) => a - b);
  return round(rounds[1] as number, 2);
}

/** Measure the physical limit. */
export async function physicalLimit(quick: boolean): Promise<PhysicalLimit> {
  const levelMs = quick ? 500 : 1500;
  const levels: PhysicalLimit['levels'] = [];
  const { best: each, perCpuSecond: eachCpu } = await fanout('each', levelMs, quick ? 16_000 : 4000, levels);
  const { best: batched, perCpuSecond: batchedCpu } = await fanout(
    'batched',
    levelMs,
    quick ? 32_000 : 8000,
    levels,
  );
  const yjs = yjsApplyCost(quick ? 5000 : 20_000);
  const yjsKeystrokes = Math.round(1e6 / yjs);
  return {
    eachDeliveriesPerSecond: each,
    batchedDeliveriesPerSecond: batched,
    eachPerCpuSecond: eachCpu,
    batchedPerCpuSecond: batchedCpu,
    yjsApplyMicroseconds: yjs,
    levels,
    lines: [
      `raw ws fan-out, one write per delivery: ${limitedByGenerator.has('each') ? '≥ ' : ''}${each} deliveries/s; ${eachCpu} per CPU second of the server (${Math.round(eachCpu / 7 / 8 / 5)} meetings of 8 typing 5 keys/s on a whole core)`,
      `raw ws fan-out, batched (one write per socket per turn): ${limitedByGenerator.has('batched') ? '≥ ' : ''}${batched} deliveries/s; ${batchedCpu} per CPU second (${Math.round(batchedCpu / 7 / 8 / 5)} meetings of 8 typing 5 keys/s on a whole core)`,
      `Yjs applying one keystroke to a meeting document: ${yjs} µs (${yjsKeystrokes} keystrokes/s on one core, ${Math.round(yjsKeystrokes / 40)} meetings of 8 typing 5 keys/s)`,
    ],
  };
}
