/**
 * Durable commits of a SQLite connection without an fsync on the event loop.
 *
 * With synchronous=FULL SQLite fsyncs the WAL inside every commit, on the event loop: 3–10 ms here,
 * during which no socket is read or written. A write here commits with synchronous=NORMAL instead (its
 * frames reach the WAL file, not yet the disk) and then fdatasyncs the WAL file on libuv's thread pool;
 * the write resolves only after that sync. That is exactly what FULL does (sync the WAL after the commit),
 * moved off the event loop. One instance per connection (`walSyncOf`), shared by the document store and
 * the metadata store, which write to the same file.
 */
import fs from 'node:fs';
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './database.js';

/** Commits of one connection, synced off the event loop when the connection is FULL (or EXTRA). */
export class WalSync {
  /** The connection's synchronous level as opened (0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA). */
  readonly level: number;
  /** Whether writes must be on disk when they resolve (FULL or EXTRA, on a file). */
  readonly syncs: boolean;
  private fd: number | null = null;
  /**
   * The two pragmas around each write, prepared once: `db.pragma()` prepares its statement anew on every
   * call, twice per commit, on the event loop.
   */
  private readonly toNormal: Statement<[]>;
  private readonly toLevel: Statement<[]>;

  constructor(private readonly db: SqliteDatabase) {
    this.level = db.pragma('synchronous', { simple: true }) as number;
    this.syncs = this.level >= 2 && !db.memory;
    this.toNormal = db.prepare<[]>('PRAGMA synchronous = NORMAL');
    this.toLevel = db.prepare<[]>(`PRAGMA synchronous = ${this.level}`);
  }

  /** Run a write with synchronous=NORMAL: committed to the WAL, not synced to the disk. */
  withoutSync<T>(write: () => T): T {
    this.toNormal.run();
    try {
      return write();
    } finally {
      this.toLevel.run();
    }
  }

  /** Run a write (one transaction) and resolve once it is on disk, as the connection's mode promises. */
  async durably<T>(write: () => T): Promise<T> {
    if (!this.syncs) return write();
    const result = this.withoutSync(write);
    await this.sync();
    return result;
  }

  /** fdatasync the WAL file on the thread pool (it flushes the file, whichever descriptor asks). */
  sync(): Promise<void> {
    this.fd ??= fs.openSync(`${this.db.name}-wal`, 'r+');
    const fd = this.fd;
    // fs.fdatasync is looked up at each call, so that a test can watch it.
    return new Promise((resolve, reject) => fs.fdatasync(fd, (error) => (error ? reject(error) : resolve())));
  }

  /** Close the WAL file descriptor (the connection's owner calls this before closing the connection). */
  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }
}

const byConnection = new WeakMap<SqliteDatabase, WalSync>();

/** The connection's WalSync, made on first use. */
export function walSyncOf(db: SqliteDatabase): WalSync {
  let sync = byConnection.get(db);
  if (!sync) {
    sync = new WalSync(db);
    byConnection.set(db, sync);
  }
  return sync;
}
