/**
 * The PostgreSQL store against a real PostgreSQL (scripts/services.sh starts one on 127.0.0.1). Each
 * harness gets a schema of its own. Without a reachable server the suite is skipped with a loud message,
 * except in CI, where it must run.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import { postgresForSuite, TEST_DATABASE_URL } from '../../../../tests/integration/helpers/services.js';
import { documentStoreContract } from '../contract.js';
import { PostgresDocumentStore } from './PostgresDocumentStore.js';

const url = TEST_DATABASE_URL;
const available = await postgresForSuite('PostgreSQL store');

/** Run `work` with a client of its own in `schema`. */
async function inSchema(schema: string, work: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET search_path = ${schema}`);
    await work(client);
  } finally {
    await client.end();
  }
}

/** Compact as a server from before state vectors were kept: the vector column, if any, untouched. */
async function compactAsOlderServer(
  client: pg.Client,
  docId: string,
  snapshot: Uint8Array,
  throughSeq: number,
): Promise<void> {
  await client.query(
    `INSERT INTO doc_snapshots (doc_id, data, through_seq, compacted_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (doc_id) DO UPDATE SET data = excluded.data, through_seq = excluded.through_seq,
       compacted_at = excluded.compacted_at`,
    [docId, Buffer.from(snapshot), throughSeq],
  );
  await client.query('DELETE FROM doc_updates WHERE doc_id = $1 AND seq <= $2', [docId, throughSeq]);
}

if (available) {
  documentStoreContract('PostgreSQL', () => {
    const schema = `contract_${randomBytes(6).toString('hex')}`;
    return {
      open: () => PostgresDocumentStore.open(url, { schema }),
      // Back to the documents' schema version 1, before doc_snapshots.state_vector (step 2) existed, and
      // a compaction with the statements of that time.
      compactBeforeStateVectors: (docId, snapshot, throughSeq) =>
        inSchema(schema, async (client) => {
          await client.query('ALTER TABLE doc_snapshots DROP COLUMN state_vector');
          await client.query("UPDATE schema_versions SET version = 1 WHERE component = 'documents'");
          await compactAsOlderServer(client, docId, snapshot, throughSeq);
        }),
      compactAsOlderServer: (docId, snapshot, throughSeq) =>
        inSchema(schema, (client) => compactAsOlderServer(client, docId, snapshot, throughSeq)),
      cleanup: async () => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      },
    };
  });
} else {
  describe.skip('DocumentStore contract: PostgreSQL', () => {
    it('needs a PostgreSQL server', () => undefined);
  });
}
