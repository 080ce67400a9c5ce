/**
 * The PostgreSQL metadata store against a real PostgreSQL (scripts/services.sh starts one on 127.0.0.1).
 * Each harness gets a schema of its own. Without a reachable server the suite is skipped with a loud
 * message, except in CI, where it must run.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { postgresForSuite, TEST_DATABASE_URL } from '../../../../tests/integration/helpers/services.js';
import { metadataStoreContract } from '../metadata/contract.js';
import { PostgresDocumentStore } from './PostgresDocumentStore.js';
import { METADATA_SCHEMA, PostgresMetadataStore } from './PostgresMetadataStore.js';

const url = TEST_DATABASE_URL;
const available = await postgresForSuite('PostgreSQL metadata store');

const newSchema = () => `metadata_${randomBytes(6).toString('hex')}`;

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}

if (available) {
  metadataStoreContract('PostgreSQL', () => {
    const schema = newSchema();
    const opened: PostgresMetadataStore[] = [];
    return {
      open: async () => {
        const store = await PostgresMetadataStore.open(url, { schema });
        opened.push(store);
        return store;
      },
      cleanup: async () => {
        // Closing twice is harmless for the test's own store; a pool ends once.
        await Promise.all(opened.map((store) => store.close().catch(() => undefined)));
        await dropSchema(schema);
      },
    };
  });

  describe('PostgreSQL schema', () => {
    it('[MSP1] instances starting at the same moment on an empty schema all come up, migrated once', async () => {
      const schema = newSchema();
      try {
        const stores = await Promise.all([
          PostgresMetadataStore.open(url, { schema }),
          PostgresMetadataStore.open(url, { schema }),
          PostgresDocumentStore.open(url, { schema }),
          PostgresDocumentStore.open(url, { schema }),
        ]);
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        const versions = await client.query(
          `SELECT component, version FROM ${schema}.schema_versions ORDER BY component`,
        );
        await client.end();
        expect(versions.rows).toEqual([
          { component: 'documents', version: 2 },
          { component: 'metadata', version: METADATA_SCHEMA.steps.length },
        ]);
        await Promise.all(stores.map((store) => store.close()));
      } finally {
        await dropSchema(schema);
      }
    });
  });
} else {
  describe.skip('MetadataStore contract: PostgreSQL', () => {
    it('needs a PostgreSQL server', () => undefined);
  });
}
