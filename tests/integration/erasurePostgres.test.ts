/**
 * Erasure with everything in PostgreSQL (a real server process on the test database, a schema of its
 * own): a canary written before is afterwards in no row of any table — text, or bytes as PostgreSQL
 * prints them — and the tables are vacuumed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCanary, postgresTablesHolding } from './helpers/canary.js';
import type { TestClient } from './helpers/clients.js';
import { api, network, networkExport, writeAs } from './helpers/erasure.js';
import { dropSchema, newSchemaName, withAdmin } from './helpers/postgresSchemas.js';
import { type ServerProcess, startServerProcess } from './helpers/serverProcess.js';
import { postgresForSuite, TEST_DATABASE_URL } from './helpers/services.js';

const available = await postgresForSuite('erasure in PostgreSQL');

describe.skipIf(!available)('erasure in PostgreSQL', () => {
  let server: ServerProcess;
  const schema = newSchemaName('erasure');
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startServerProcess({
      env: {
        DATABASE_URL: TEST_DATABASE_URL,
        DATABASE_SCHEMA: schema,
        LOG_LEVEL: 'debug',
        VERSION_EVERY_MS: '1',
      },
    });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
    await dropSchema(schema);
  });

  it('a person erased with their words removed, then the network: no row holds the canary or the name', async () => {
    const canary = newCanary('pg');
    const name = newCanary('pgname');
    const net = await network(server, name);
    const aino = net.people[1]!;
    clients.push(await writeAs(server, net.meetingId, net.ainoCookie, aino.participantId, name, canary));
    clients.push(
      await writeAs(server, net.meetingId, net.cookie, net.people[0]!.participantId, 'Maria', 'Maria stays'),
    );
    await api(server, `/api/meetings/${net.meetingId}/close`, net.cookie, { method: 'POST' });
    expect(await networkExport(server, net.networkId, net.cookie)).toContain(canary);
    const before = await postgresTablesHolding(schema, canary);
    expect(before).toContain('doc_updates');
    expect(await postgresTablesHolding(schema, name)).toEqual(
      expect.arrayContaining(['participants', 'meetings', 'doc_updates']),
    );
    const vacuumedBefore = await lastVacuum(schema);

    const erased = await api(
      server,
      `/api/networks/${net.networkId}/people/${aino.participantId}/erase`,
      net.cookie,
      {
        method: 'POST',
        body: JSON.stringify({ words: 'remove' }),
      },
    );
    expect(erased.status).toBe(200);
    expect(await postgresTablesHolding(schema, canary)).toEqual([]);
    expect(await postgresTablesHolding(schema, name)).toEqual([]);
    // Her id (random, naming nothing any more) is left only in the record of the erasure and as the key
    // of an empty attribution entry in the document and its agreed state (personInDocument.ts).
    expect(await postgresTablesHolding(schema, aino.participantId)).toEqual([
      'doc_snapshots',
      'erasures',
      'meetings',
    ]);
    expect(await networkExport(server, net.networkId, net.cookie)).toContain('Maria stays');
    // The tables were vacuumed after the erasure (the dead tuples' space reclaimed).
    await expect.poll(() => lastVacuum(schema), { timeout: 3000 }).toBeGreaterThan(vacuumedBefore);
    expect(server.output()).not.toContain(canary);
    expect(server.output()).not.toContain(name);

    const maria = net.people[0]!.participantId;
    expect(
      (await api(server, `/api/networks/${net.networkId}/erase`, net.cookie, { method: 'POST' })).status,
    ).toBe(200);
    for (const id of [net.networkId, net.meetingId, maria]) {
      expect((await postgresTablesHolding(schema, id)).filter((table) => table !== 'erasures')).toEqual([]);
    }
    expect(await postgresTablesHolding(schema, 'Maria stays')).toEqual([]);
    expect(await postgresTablesHolding(schema, 'Anna')).toEqual([]);
  });
});

/** The newest time any table of the schema was vacuumed (by hand, not autovacuum). */
async function lastVacuum(schema: string): Promise<number> {
  return withAdmin(async (client) => {
    const result = await client.query<{ at: Date | null }>(
      'SELECT MAX(last_vacuum) AS at FROM pg_stat_user_tables WHERE schemaname = $1',
      [schema],
    );
    return result.rows[0]?.at?.getTime() ?? 0;
  });
}
