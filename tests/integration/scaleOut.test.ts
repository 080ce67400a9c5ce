/**
 * Two instances behind one PostgreSQL (documents) and one Redis (relay): clients on different instances
 * converge; killing one instance sends its clients to the other with nothing lost; restarting Redis
 * heals without lost edits. (Networks, links and sessions are still in the SQLite file, so the two
 * instances here share a DATA_DIR on one machine.)
 */
import { randomBytes } from 'node:crypto';
import { PostgresDocumentStore } from '@polyphony/server/persistence/postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { killRound } from '../durability/killRound.js';
import { connectClient, type TestClient, waitFor, waitForSaved, waitForSync } from './helpers/clients.js';
import { type RedisProcess, redisAvailable, startRedis } from './helpers/redisProcess.js';
import {
  type ServerProcess,
  startNetwork,
  startServerProcess,
  tempDataDir,
} from './helpers/serverProcess.js';
import { missingService, postgresReachable, TEST_DATABASE_URL } from './helpers/services.js';

const adminUrl = TEST_DATABASE_URL;
const ready = redisAvailable() && (await postgresReachable());
if (!ready) missingService('scale-out', 'needs redis-server and PostgreSQL; run scripts/services.sh');

describe.skipIf(!ready)('scale-out: two instances, PostgreSQL and Redis', () => {
  const database = `polyphony_scale_${randomBytes(4).toString('hex')}`;
  const databaseUrl = adminUrl.replace(/\/[^/]*$/, `/${database}`);
  const dataDir = tempDataDir('scale');
  let redis: RedisProcess;
  let a: ServerProcess;
  let b: ServerProcess;
  const clients: TestClient[] = [];
  const env = () => ({ DATABASE_URL: databaseUrl, REDIS_URL: redis.url });
  const text = (client: TestClient) => client.doc.getText('dialogue').toString();

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    redis = await startRedis();
    a = await startServerProcess({ dataDir, env: env() });
    b = await startServerProcess({ dataDir, env: env() });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await a?.stop();
    await b?.stop();
    await redis?.stop();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  async function storedDoc(meetingId: string): Promise<Y.Doc> {
    const store = await PostgresDocumentStore.open(databaseUrl);
    const stored = await store.load(meetingId);
    await store.close();
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    return doc;
  }
  const storedText = async (meetingId: string) => (await storedDoc(meetingId)).getText('dialogue').toString();

  it('SIGKILL loses no acknowledged update on the PostgreSQL store either', async () => {
    const result = await killRound({
      env: { DATABASE_URL: databaseUrl },
      readStored: (_dataDir, meetingId) => storedDoc(meetingId),
    });
    expect(result.lost).toEqual([]);
    expect(result.acknowledged).toBeGreaterThan(50);
  });

  it('clients on different instances converge, presence included', async () => {
    const network = await startNetwork(a.url);
    const onA = connectClient(a.wsUrl, network.meetingId, { cookie: network.cookie, ack: true });
    const onB = connectClient(b.wsUrl, network.meetingId, { cookie: network.cookie, ack: true });
    clients.push(onA, onB);
    await Promise.all([waitForSync(onA), waitForSync(onB)]);
    onA.doc.getText('dialogue').insert(0, 'Written on A. ');
    await waitFor(() => text(onB) === 'Written on A. ', 'B to see what was written on A');
    onB.doc.getText('dialogue').insert(text(onB).length, 'Written on B.');
    await waitFor(() => text(onA) === 'Written on A. Written on B.', 'A to see what was written on B');
    onA.provider.awareness.setLocalStateField('user', { name: 'Maria on A' });
    await waitFor(
      () =>
        (onB.provider.awareness.getStates().get(onA.doc.clientID) as { user?: { name: string } } | undefined)
          ?.user?.name === 'Maria on A',
      'B to see who is on A',
    );
    await Promise.all([waitForSaved(onA), waitForSaved(onB)]);
    expect(await storedText(network.meetingId)).toBe('Written on A. Written on B.');
  });

  it('killing an instance sends its clients to the other with nothing lost', async () => {
    const network = await startNetwork(a.url);
    const writer = connectClient(a.wsUrl, network.meetingId, { cookie: network.cookie, ack: true });
    const reader = connectClient(b.wsUrl, network.meetingId, { cookie: network.cookie });
    clients.push(writer, reader);
    await Promise.all([waitForSync(writer), waitForSync(reader)]);
    const typed: string[] = [];
    const type = (n: number) => {
      const word = `w${n} `;
      typed.push(word);
      writer.doc.getText('dialogue').insert(writer.doc.getText('dialogue').length, word);
    };
    for (let n = 0; n < 30; n++) {
      type(n);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await a.kill();
    // Typed while A is gone: kept by the client.
    for (let n = 30; n < 40; n++) type(n);
    // The load balancer sends the client to B: the same document, a new connection.
    writer.provider.destroy();
    const moved = connectClient(b.wsUrl, network.meetingId, {
      cookie: network.cookie,
      ack: true,
      doc: writer.doc,
    });
    clients.push(moved);
    await waitForSync(moved);
    await waitForSaved(moved, 10_000);
    const all = typed.join('');
    await waitFor(() => text(reader) === all, 'the reader on B to see everything');
    expect(await storedText(network.meetingId)).toBe(all);
    a = await startServerProcess({ dataDir, env: env() });
  });

  it('restarting Redis heals: edits made while it was away reach the other instance', async () => {
    const network = await startNetwork(a.url);
    const onA = connectClient(a.wsUrl, network.meetingId, { cookie: network.cookie, ack: true });
    const onB = connectClient(b.wsUrl, network.meetingId, { cookie: network.cookie, ack: true });
    clients.push(onA, onB);
    await Promise.all([waitForSync(onA), waitForSync(onB)]);
    onA.doc.getText('dialogue').insert(0, 'before. ');
    await waitFor(() => text(onB) === 'before. ', 'the relay to work');

    await redis.stop();
    onA.doc.getText('dialogue').insert(text(onA).length, 'A while Redis was away. ');
    onB.doc.getText('dialogue').insert(0, 'B while Redis was away. ');
    // Both are saved in PostgreSQL; neither has seen the other's yet.
    await Promise.all([waitForSaved(onA), waitForSaved(onB)]);
    expect(text(onA)).not.toContain('B while');
    await redis.start();
    await waitFor(
      () => text(onA) === text(onB) && text(onA).includes('A while') && text(onA).includes('B while'),
      'the two instances to heal',
      15_000,
    );
    // Without anyone reconnecting.
    expect(onA.provider.wsconnected && onB.provider.wsconnected).toBe(true);
    expect(await storedText(network.meetingId)).toBe(text(onA));
  });
});
