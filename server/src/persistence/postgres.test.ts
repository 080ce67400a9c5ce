/**
 * The PostgreSQL store against a real PostgreSQL (scripts/services.sh starts one on 127.0.0.1). Each
 * harness gets a schema of its own. Without a reachable server the suite is skipped with a loud message,
 * except in CI, where it must run.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import { documentStoreContract } from './contract.js';
import { PostgresDocumentStore } from './postgres.js';

const url = process.env.TEST_DATABASE_URL ?? 'postgres://polyphony:polyphony@127.0.0.1:5432/polyphony_test';

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const available = await reachable();
if (!available) {
  if (process.env.CI === 'true')
    throw new Error(`PostgreSQL is not reachable at ${url} in CI (scripts/services.sh)`);
  console.warn(
    `\n${'!'.repeat(100)}\nPostgreSQL store: SKIPPED — nothing at ${url}; run scripts/services.sh\n${'!'.repeat(100)}\n`,
  );
}

if (available) {
  documentStoreContract('PostgreSQL', () => {
    const schema = `contract_${randomBytes(6).toString('hex')}`;
    return {
      open: () => PostgresDocumentStore.open(url, { schema }),
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
