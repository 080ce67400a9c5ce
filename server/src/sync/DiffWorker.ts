/**
 * Diffs of meetings that are not decoded in memory, computed on a worker thread. A returning client (one
 * that already holds part of a meeting) asks with its state vector for what it lacks; for a meeting
 * opened from its snapshot, answering on the event loop meant decoding the whole document first — 270–
 * 330 ms for an 8-hour meeting, during which every socket on the server waited. The worker computes the
 * diff from the stored bytes (Y.diffUpdate); the event loop only copies them to it.
 *
 * Where the worker script is not there (the sources run under a test runner, not the build), the diff is
 * computed in the calling thread, with the same result.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import { deleteSetTriples } from './snapshotDeletes.js';

const SCRIPT = new URL('./diffThread.js', import.meta.url);

interface Waiting {
  resolve(answer: Uint8Array | Float64Array): void;
  reject(error: Error): void;
}

/** One worker thread, started on first use, shared by every meeting of the process. */
export class DiffWorker {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private readonly available = fs.existsSync(fileURLToPath(SCRIPT));

  /** The diff of the document made of `updates` (in order) against `stateVector`. */
  diff(updates: readonly Uint8Array[], stateVector: Uint8Array): Promise<Uint8Array> {
    if (!this.available) {
      try {
        const update = updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates([...updates]);
        return Promise.resolve(Y.diffUpdate(update, stateVector));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (answer: Uint8Array | Float64Array) => void, reject });
      worker.postMessage({ id, updates, stateVector });
    });
  }

  /**
   * The delete set of an encoded document, as client, clock, length triples (snapshotDeletes.ts):
   * decoding a long meeting's snapshot for it takes the time a returning client must not hold the event
   * loop for.
   */
  deletes(update: Uint8Array): Promise<Float64Array> {
    if (!this.available) {
      try {
        return Promise.resolve(deleteSetTriples(update));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (answer: Uint8Array | Float64Array) => void, reject });
      worker.postMessage({ id, deletesOf: update });
    });
  }

  /** Stop the thread (what it was computing is refused). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(SCRIPT);
    // Not a reason to keep the process alive; it is busy only while someone waits for an answer.
    worker.unref();
    worker.on(
      'message',
      (message: { id: number; diff?: Uint8Array; deletes?: Float64Array; error?: string }) => {
        const waiting = this.waiting.get(message.id);
        this.waiting.delete(message.id);
        if (!waiting) return;
        const answer = message.diff ?? message.deletes;
        if (answer) waiting.resolve(answer);
        else waiting.reject(new Error(message.error ?? 'the diff failed'));
      },
    );
    const fail = (error: Error): void => {
      if (this.worker === worker) this.worker = null;
      for (const waiting of this.waiting.values()) waiting.reject(error);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', () => fail(new Error('the diff worker stopped')));
    this.worker = worker;
    return worker;
  }
}
