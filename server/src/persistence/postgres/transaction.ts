/**
 * The one PostgreSQL transaction block: BEGIN, the work, COMMIT; ROLLBACK when anything fails. Every
 * transaction of the stores, the migrations and the copy from SQLite runs through here.
 */
import type pg from 'pg';

/** A client that can begin a transaction (a pooled connection or a connection of its own). */
type Client = Pick<pg.ClientBase, 'query'>;

/** Run `work` in a transaction on `client`: committed when it resolves, rolled back if it throws. */
export async function inTransaction<T>(client: Client, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  try {
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new CommitFailed(error);
  }
  return result;
}

/**
 * COMMIT itself failed, or its answer was lost: PostgreSQL may or may not have committed. The copy from
 * SQLite tells the operator so; the stores pass the cause on.
 */
export class CommitFailed extends Error {
  override readonly name = 'CommitFailed';
  constructor(override readonly cause: unknown) {
    super((cause as Error)?.message ?? String(cause));
  }
}

/**
 * Run `work` in a transaction on a connection of the pool's own. A connection that failed may be broken
 * (PostgreSQL restarted): it is closed, not handed out again.
 */
export async function withTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let failed = false;
  try {
    return await inTransaction(client, () => work(client));
  } catch (error) {
    failed = true;
    throw error instanceof CommitFailed ? error.cause : error;
  } finally {
    client.release(failed);
  }
}
