/**
 * Runs the store's actions (actions/sql.ts) on PostgreSQL. A read runs its statements on the pool; a
 * write runs them, one after the other, on one pooled connection inside one transaction
 * (transaction.ts). Rows come back as node-postgres gives them; actions/rows.ts makes them records.
 */
import type pg from 'pg';
import { type Action, type ActionRunner, render, type Step } from '../actions/sql.js';
import { withTransaction } from './transaction.js';

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/** The actions of the metadata store on a node-postgres pool. */
export class PostgresActions implements ActionRunner {
  constructor(private readonly pool: pg.Pool) {}

  read<R>(action: Action<R>): Promise<R> {
    return drive(action, this.pool);
  }

  write<R>(action: Action<R>): Promise<R> {
    return withTransaction(this.pool, (client) => drive(action, client));
  }
}

async function drive<R>(action: Action<R>, db: Queryable): Promise<R> {
  let next = action.next();
  while (!next.done) next = action.next(await execute(db, next.value));
  return next.value;
}

async function execute(db: Queryable, { statement, wants }: Step): Promise<unknown> {
  const { text, params } = render(statement, 'postgres');
  const result = await db.query(text, params);
  return wants === 'rows' ? result.rows : (result.rowCount ?? 0);
}
