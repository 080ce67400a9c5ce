/**
 * The PostgreSQL store against a real PostgreSQL (scripts/services.sh starts one on 127.0.0.1). Each
 * harness gets a schema of its own. Without a reachable server the suite is skipped with a loud message,
 * except in CI, where it must run.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import {
  missingService,
  postgresReachable,
  TEST_DATABASE_URL,
} from '../../../tests/integration/helpers/services.js';
import { documentStoreContract } from './contract.js';
import { PostgresDocumentStore } from './postgres.js';

const url = TEST_DATABASE_URL;
const available = await postgresReachable();
if (!available) missingService('PostgreSQL store', `nothing at ${url}; run scripts/services.sh`);

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
