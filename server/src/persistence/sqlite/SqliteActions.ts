/**
 * Runs the store's actions (actions/sql.ts) on the SQLite file. better-sqlite3 is synchronous, and so
 * is this runner: an action is driven to its end inside one BEGIN IMMEDIATE transaction without ever
 * giving the event loop back, so no other caller's statement (a document append, another action) can
 * run inside it. IMMEDIATE takes the write lock when the transaction begins: a second process on the
 * file (the operator's command line) waits for it instead of failing with SQLITE_BUSY_SNAPSHOT
 * (database.ts). A write settles once its commit is on disk, synced off the event loop (walSync.ts).
 */
import type Database from 'better-sqlite3';
import { type Action, type ActionRunner, render, type Step } from '../actions/sql.js';
import { type SqliteDatabase, writeTransaction } from './database.js';
import { type WalSync, walSyncOf } from './walSync.js';

/** The actions of the metadata store on one better-sqlite3 connection. */
export class SqliteActions implements ActionRunner {
  /** Prepared once per statement text: preparing is most of a small statement's cost. */
  private readonly prepared = new Map<string, Database.Statement>();
  private readonly wal: WalSync;

  constructor(private readonly db: SqliteDatabase) {
    this.wal = walSyncOf(db);
  }

  /** Run an action now, synchronously, in whatever transaction is open (seeding, the runner itself). */
  now<R>(action: Action<R>): R {
    let next = action.next();
    while (!next.done) next = action.next(this.execute(next.value));
    return next.value;
  }

  async read<R>(action: Action<R>): Promise<R> {
    return this.now(action);
  }

  write<R>(action: Action<R>): Promise<R> {
    return this.wal.durably(writeTransaction(this.db, () => this.now(action)));
  }

  private execute({ statement, wants }: Step): unknown {
    const { text, params } = render(statement, 'sqlite');
    let prepared = this.prepared.get(text);
    if (!prepared) {
      prepared = this.db.prepare(text);
      this.prepared.set(text, prepared);
    }
    return wants === 'rows' ? prepared.all(...params) : prepared.run(...params).changes;
  }
}
