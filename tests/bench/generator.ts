/**
 * The load generator: worker threads holding whole meetings (see loadWorker.ts), driven from the main
 * thread. Meetings are dealt round-robin to the threads. The generator's own CPU is measured so that a
 * figure is never reported as the server's when the generator was the bottleneck.
 */
import { Worker } from 'node:worker_threads';
import type { Target } from './clientBehaviour.js';
import type { WindowStats, WorkerCommand } from './loadWorker.js';

const WORKER_URL = new URL('./loadWorkerEntry.mjs', import.meta.url);

/** The generator's view of one measured window, all threads together. */
export interface GeneratorWindow extends Omit<WindowStats, 'utilisation' | 'cpuShare' | 'loopDelayP99'> {
  /** Highest event-loop delay p99 of any generator thread over the window (ms). */
  maxLoopDelayP99: number;
  /** Highest event-loop utilisation of any generator thread over the window. */
  maxUtilisation: number;
  /** Highest CPU seconds per second of the window of any generator thread (its own, not wall time). */
  maxThreadCpuShare: number;
  /** CPU seconds the generator process used per second of the window (all threads). */
  cpuPerSecond: number;
}

class WorkerHandle {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  readonly worker: Worker;
  private failed: Error | null = null;

  get usable(): boolean {
    return this.failed === null;
  }

  constructor() {
    this.worker = new Worker(WORKER_URL);
    this.worker.on('message', (message: { id: number; result?: unknown; error?: string }) => {
      const waiter = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error));
      else waiter?.resolve(message.result);
    });
    const fail = (error: Error): void => {
      this.failed = error;
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`generator thread exited (${code})`)));
  }

  call<T>(command: WorkerCommand): Promise<T> {
    const id = this.nextId++;
    if (this.failed) return Promise.reject(this.failed);
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, command });
    });
  }
}

/**
 * Threads of closed generators, kept for the next one: starting a thread (tsx and the clients' modules)
 * takes 1.3–1.6 s here, once per thread of each scenario and server otherwise. A kept thread is reset by
 * its 'close' (no editor, no schedule, no window) and unref'd so that it does not keep the process alive.
 */
const idleThreads: WorkerHandle[] = [];

function takeThread(): WorkerHandle {
  const kept = idleThreads.pop();
  if (!kept) return new WorkerHandle();
  kept.worker.ref();
  return kept;
}

/** Stop the kept threads (the end of a run). */
export async function stopIdleThreads(): Promise<void> {
  await Promise.all(idleThreads.splice(0).map((w) => w.worker.terminate()));
}

/** A set of generator threads aimed at one server. */
export class Generator {
  private readonly workers: WorkerHandle[];
  private next = 0;
  private cpuAtStart = process.cpuUsage();
  private startedAt = 0;

  constructor(
    private readonly target: Target,
    threads: number,
  ) {
    this.workers = Array.from({ length: threads }, takeThread);
  }

  /** Which thread holds each meeting (dealt round-robin). */
  private readonly holder = new Map<string, WorkerHandle>();

  /**
   * Open meetings of `editors` editors each, probes and all as the target's behaviour says; resolves once
   * all synced.
   */
  async open(meetingIds: string[], editors: number): Promise<{ editors: number; synced: boolean }> {
    const shares: string[][] = this.workers.map(() => []);
    for (const id of meetingIds) {
      const i = this.next % this.workers.length;
      shares[i]?.push(id);
      this.holder.set(id, this.workers[i] as WorkerHandle);
      this.next++;
    }
    const results = await Promise.all(
      this.workers.map((worker, i) =>
        (shares[i]?.length ?? 0) > 0
          ? worker.call<{ editors: number; synced: boolean }>({
              type: 'open',
              target: this.target,
              meetings: shares[i] as string[],
              editors,
            })
          : Promise.resolve({ editors: 0, synced: true }),
      ),
    );
    return {
      editors: results.reduce((sum, r) => sum + r.editors, 0),
      synced: results.every((r) => r.synced),
    };
  }

  /** Close these meetings' editors (a ramp stepping down). */
  async shed(meetingIds: string[]): Promise<void> {
    await Promise.all(
      this.workers.map((worker) =>
        worker.call({ type: 'shed', meetings: meetingIds.filter((id) => this.holder.get(id) === worker) }),
      ),
    );
    for (const id of meetingIds) this.holder.delete(id);
  }

  /** Keystrokes per second per editor (0 stops typing). */
  async typing(rate: number): Promise<void> {
    await Promise.all(this.workers.map((w) => w.call({ type: 'typing', rate })));
  }

  async startWindow(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.call({ type: 'measure', phase: 'start', at: Date.now() })));
    this.cpuAtStart = process.cpuUsage();
    this.startedAt = performance.now();
  }

  async stopWindow(): Promise<GeneratorWindow> {
    const stopping = Promise.all(
      this.workers.map((w) => w.call<WindowStats>({ type: 'measure', phase: 'stop', at: Date.now() })),
    );
    const cpu = process.cpuUsage(this.cpuAtStart);
    const seconds = (performance.now() - this.startedAt) / 1000;
    const parts = await stopping;
    return {
      keystrokes: sum(parts.map((p) => p.keystrokes)),
      intended: sum(parts.map((p) => p.intended)),
      latencies: parts.flatMap((p) => p.latencies),
      sentAt: parts.flatMap((p) => p.sentAt),
      presenceLatencies: parts.flatMap((p) => p.presenceLatencies),
      deliveries: sum(parts.map((p) => p.deliveries)),
      probeDeliveries: parts.flatMap((p) => p.probeDeliveries),
      lightDeliveries: parts.flatMap((p) => p.lightDeliveries),
      incomplete: sum(parts.map((p) => p.incomplete)),
      presenceIncomplete: sum(parts.map((p) => p.presenceIncomplete)),
      sendLag: parts.flatMap((p) => p.sendLag),
      bytesOut: sum(parts.map((p) => p.bytesOut)),
      bytesIn: sum(parts.map((p) => p.bytesIn)),
      windowMs: Math.max(...parts.map((p) => p.windowMs)),
      maxUtilisation: Math.max(...parts.map((p) => p.utilisation)),
      maxLoopDelayP99: Math.max(...parts.map((p) => p.loopDelayP99)),
      maxThreadCpuShare: Math.max(...parts.map((p) => p.cpuShare)),
      cpuPerSecond: (cpu.user + cpu.system) / 1e6 / seconds,
    };
  }

  async waitDisconnected(timeoutMs: number): Promise<boolean> {
    const all = await Promise.all(
      this.workers.map((w) => w.call<boolean>({ type: 'waitDisconnected', timeoutMs })),
    );
    return all.every(Boolean);
  }

  async waitSynced(timeoutMs: number): Promise<{ ok: boolean; synced: number; lastSyncedAt: number }> {
    const all = await Promise.all(
      this.workers.map((w) =>
        w.call<{ ok: boolean; synced: number; lastSyncedAt: number }>({ type: 'waitSynced', timeoutMs }),
      ),
    );
    return {
      ok: all.every((r) => r.ok),
      synced: sum(all.map((r) => r.synced)),
      lastSyncedAt: Math.max(...all.map((r) => r.lastSyncedAt)),
    };
  }

  async close(): Promise<void> {
    const closed = await Promise.all(
      this.workers.map((w) =>
        w.call({ type: 'close' }).then(
          () => true,
          () => false,
        ),
      ),
    );
    await Promise.all(
      this.workers.map(async (w, i) => {
        if (closed[i] && w.usable) {
          w.worker.unref();
          idleThreads.push(w);
        } else await w.worker.terminate();
      }),
    );
  }
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
