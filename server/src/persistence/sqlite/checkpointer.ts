/**
 * WAL checkpoints off the event loop. SQLite checkpoints inside the commit that pushes the WAL past
 * `wal_autocheckpoint` pages: it copies the WAL into the database file and fsyncs it, on the thread that
 * committed — here the event loop, which then reads and writes no socket for tens of milliseconds. In the
 * benchmark's busy afternoon that was a stall every three to four seconds, and most of its p99.
 *
 * The server's connection therefore turns automatic checkpoints off, and a worker thread with a
 * connection of its own runs PASSIVE checkpoints (they never wait for or block the writer) every
 * CHECKPOINT_EVERY_MS. If the worker fails, the connection goes back to checkpointing by itself.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { SqliteDatabase } from './database.js';

/** How often the worker checkpoints. */
const CHECKPOINT_EVERY_MS = 1000;
/** SQLite's own default, restored when the worker is gone. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

// Plain JavaScript, evaluated in the worker, so that it runs the same from TypeScript sources (tests) and
// from the built server.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)');
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

/** A worker that checkpoints one database file. */
export class BackgroundCheckpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;

  constructor(private readonly db: SqliteDatabase) {
    db.pragma('wal_autocheckpoint = 0');
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver, file: db.name, everyMs: CHECKPOINT_EVERY_MS },
    });
    this.worker.unref();
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.once('error', () => this.fallBack());
  }

  /** Checkpoint once more and stop the worker (before the database is closed). */
  async stop(): Promise<void> {
    // Held by nothing else at the end of a command: keep the process alive until the worker is done.
    this.worker.ref();
    this.worker.postMessage('stop');
    await this.exited;
    this.fallBack();
  }

  private fallBack(): void {
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
  }
}
