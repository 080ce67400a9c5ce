/**
 * Several instances never lose an acknowledged edit (issue 21). Two instances behind one PostgreSQL and
 * one Redis, 12 typists with "saved" acknowledgements spread over them, their edits depending on each
 * other's (typists.ts), and a reader that loads the meeting from PostgreSQL over and over while they
 * type: every update acknowledged before a read began must be in what the read gets, in order.
 * COMPACT_EVERY=50, so that compactions run all the time — an instance compacting the meeting while the
 * other's updates are still on their way over Redis is where acknowledged edits were lost.
 */
import { randomBytes } from 'node:crypto';
import { PostgresDocumentStore } from '@polyphony/server/persistence/postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, type TestClient, waitFor, waitForSaved, waitForSync } from './helpers/clients.js';
import { type RedisProcess, redisAvailable, startRedis } from './helpers/redisProcess.js';
import {
  type ServerProcess,
  startNetwork,
  startServerProcess,
  tempDataDir,
} from './helpers/serverProcess.js';
import { missingService, postgresReachable, TEST_DATABASE_URL } from './helpers/services.js';
import { startTcpProxy, type TcpProxy } from './helpers/tcpProxy.js';
import { missingFrom, Typist } from './helpers/typists.js';

const databaseUrl = TEST_DATABASE_URL;
const ready = redisAvailable() && (await postgresReachable());
if (!ready)
  missingService('scale-out durability', 'needs redis-server and PostgreSQL; run scripts/services.sh');

const TYPISTS = 12;
/** Mean gap between one typist's keystrokes (ms): 12 typists make about 120 updates a second. */
const MEAN_GAP_MS = 100;

describe.skipIf(!ready)('scale-out durability: two instances, PostgreSQL and Redis', () => {
  const schema = `scale_durable_${randomBytes(4).toString('hex')}`;
  let redis: RedisProcess;
  let store: PostgresDocumentStore;
  let reading: pg.Pool;
  const servers: ServerProcess[] = [];
  const typists: Typist[] = [];
  const clients: TestClient[] = [];
  const proxies: TcpProxy[] = [];
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const env = () => ({
    DATABASE_URL: databaseUrl,
    DATABASE_SCHEMA: schema,
    REDIS_URL: redis.url,
    COMPACT_EVERY: '50',
  });
  const startInstance = async (extra: Record<string, string> = {}) => {
    const server = await startServerProcess({
      dataDir: tempDataDir('scale-durable'),
      env: { ...env(), ...extra },
    });
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    redis = await startRedis();
    store = await PostgresDocumentStore.open(databaseUrl, { schema });
    reading = new pg.Pool({ connectionString: databaseUrl, options: `-c search_path=${schema}`, max: 2 });
  });
  afterAll(async () => {
    for (const typist of typists) typist.destroy();
    for (const client of clients) client.destroy();
    for (const server of servers) await server.kill();
    for (const proxy of proxies) await proxy.close();
    await store?.close();
    await reading?.end();
    await redis?.stop();
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  /**
   * The meeting as PostgreSQL holds it: the snapshot and every row of the log, read in one transaction
   * that sees one state of the database (not through the store under test).
   */
  async function stored(meetingId: string): Promise<Y.Doc> {
    const client = await reading.connect();
    const doc = new Y.Doc();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const snapshot = await client.query<{ data: Buffer }>(
        'SELECT data FROM doc_snapshots WHERE doc_id = $1',
        [meetingId],
      );
      const rows = await client.query<{ data: Buffer }>(
        'SELECT data FROM doc_updates WHERE doc_id = $1 ORDER BY seq',
        [meetingId],
      );
      await client.query('COMMIT');
      doc.transact(() => {
        for (const row of [...snapshot.rows, ...rows.rows]) Y.applyUpdate(doc, new Uint8Array(row.data));
      });
      return doc;
    } finally {
      client.release();
    }
  }

  /**
   * Read the meeting from PostgreSQL again and again until stopped; each read is checked against what
   * had been promised when it began.
   */
  function readContinuously(meetingId: string, people: readonly Typist[]) {
    let reading = true;
    let reads = 0;
    const failures: string[] = [];
    const loop = (async () => {
      while (reading) {
        const promised = people.map((typist) => typist.promised);
        const doc = await stored(meetingId);
        for (const line of missingFrom(doc, promised)) failures.push(`read ${reads + 1}: ${line}`);
        doc.destroy();
        reads++;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    return {
      stop: async () => {
        reading = false;
        await loop;
        return { reads, failures };
      },
    };
  }

  /** A meeting on the first instance, and its typists, spread over `over` in turn and synced. */
  async function typistsIn(over: readonly ServerProcess[]): Promise<{ meetingId: string; people: Typist[] }> {
    const network = await startNetwork((over[0] as ServerProcess).url);
    const people: Typist[] = [];
    for (let i = 0; i < TYPISTS; i++) {
      const typist = new Typist(i, network.meetingId, network.cookie);
      typist.connectTo((over[i % over.length] as ServerProcess).wsUrl);
      people.push(typist);
      typists.push(typist);
    }
    await waitFor(
      () => people.every((typist) => typist.client?.provider.synced),
      'the typists to sync',
      10_000,
    );
    return { meetingId: network.meetingId, people };
  }

  /** Everything typed is saved, stored in PostgreSQL, and in every typist's document. */
  async function expectEverythingKept(meetingId: string, people: readonly Typist[]): Promise<void> {
    for (const typist of people) typist.stop();
    await Promise.all(people.map((typist) => typist.whenAllSaved()));
    const pushed = people.map((typist) => typist.pushed);
    expect(missingFrom(await stored(meetingId), pushed)).toEqual([]);
    await waitFor(
      () => people.every((typist) => missingFrom(typist.doc, pushed).length === 0),
      'every typist to see everything',
      10_000,
    );
  }

  /** Instances are stopped at the end of each test: the next starts afresh. */
  async function stopInstances(): Promise<void> {
    for (const typist of typists.splice(0)) typist.destroy();
    for (const server of servers.splice(0)) await server.kill();
  }

  it('[SD1] 12 typists on two instances, compacting every 50 updates: every acknowledged update is in PostgreSQL at every read', async () => {
    const a = await startInstance();
    const b = await startInstance();
    const { meetingId, people } = await typistsIn([a, b]);
    const reader = readContinuously(meetingId, people);
    for (const typist of people) typist.start(MEAN_GAP_MS);
    await new Promise((resolve) => setTimeout(resolve, 8000));
    for (const typist of people) typist.stop();
    const { reads, failures } = await reader.stop();
    expect(failures).toEqual([]);
    await expectEverythingKept(meetingId, people);
    const acknowledged = people.reduce((sum, typist) => sum + typist.promised, 0);
    // The run means something only with many updates and many compactions.
    expect(acknowledged).toBeGreaterThan(400);
    expect(reads).toBeGreaterThan(10);
    // Compacted many times over: the log holds a fraction of what was typed.
    const document = await store.load(meetingId);
    expect(document.snapshot).not.toBeNull();
    expect(document.updates.length).toBeLessThan(acknowledged / 4);
    console.log(`[SD1] ${acknowledged} updates acknowledged, ${reads} reads of PostgreSQL, none short`);
    await stopInstances();
  });

  it('[SD2] Redis killed for 10 s mid-typing: nothing acknowledged is lost, and the others see everything within 5 s of its return', async () => {
    const a = await startInstance();
    const b = await startInstance();
    const { meetingId, people } = await typistsIn([a, b]);
    const reader = readContinuously(meetingId, people);
    for (const typist of people) typist.start(MEAN_GAP_MS);
    await sleep(2000);
    await redis.kill();
    await sleep(10_000);
    await redis.start();
    const back = performance.now();
    // Everything typed until Redis came back, on either instance, reaches every typist.
    const typedBefore = people.map((typist) => typist.pushed);
    await waitFor(
      () => people.every((typist) => missingFrom(typist.doc, typedBefore).length === 0),
      'every typist to see everything typed before Redis came back',
      5000,
    );
    const healedMs = Math.round(performance.now() - back);
    await sleep(2000);
    for (const typist of people) typist.stop();
    const { reads, failures } = await reader.stop();
    expect(failures).toEqual([]);
    await expectEverythingKept(meetingId, people);
    console.log(
      `[SD2] healed ${healedMs} ms after Redis came back; ${reads} reads of PostgreSQL, none short`,
    );
    await stopInstances();
  });

  it('[SD3] ten SIGKILLs of a random instance under load lose no acknowledged update', async () => {
    const instances = [await startInstance(), await startInstance()];
    const { meetingId, people } = await typistsIn(instances);
    const reader = readContinuously(meetingId, people);
    for (const typist of people) typist.start(MEAN_GAP_MS);
    for (let round = 0; round < 10; round++) {
      await sleep(400 + Math.random() * 800);
      const victim = Math.random() < 0.5 ? 0 : 1;
      const dead = instances[victim] as ServerProcess;
      const survivor = instances[1 - victim] as ServerProcess;
      await dead.kill();
      // The load balancer sends the dead instance's people to the other, and spreads them again once
      // the dead one is back.
      for (const typist of people) if (typist.wsUrl === dead.wsUrl) typist.connectTo(survivor.wsUrl);
      const restarted = await startInstance();
      instances[victim] = restarted;
      for (const typist of people) if (typist.index % 2 === victim) typist.connectTo(restarted.wsUrl);
    }
    await sleep(1000);
    for (const typist of people) typist.stop();
    const { reads, failures } = await reader.stop();
    expect(failures).toEqual([]);
    await expectEverythingKept(meetingId, people);
    const acknowledged = people.reduce((sum, typist) => sum + typist.promised, 0);
    console.log(
      `[SD3] 10 kills, ${acknowledged} updates acknowledged, ${reads} reads of PostgreSQL, none short`,
    );
    await stopInstances();
  }, 150_000);

  it('[SD4] an instance dies after the others were shown its uncommitted edit: an answer to it is saved only once both are stored', async () => {
    // A reaches PostgreSQL through a proxy the test can cut; B directly.
    const proxy = await startTcpProxy(Number(new URL(databaseUrl).port || 5432));
    proxies.push(proxy);
    const viaProxy = new URL(databaseUrl);
    viaProxy.port = String(proxy.port);
    const a = await startInstance({ DATABASE_URL: viaProxy.toString() });
    const b = await startInstance();
    const network = await startNetwork(a.url);
    const writer = connectClient(a.wsUrl, network.meetingId, { cookie: network.cookie, ack: true });
    const answerer = connectClient(b.wsUrl, network.meetingId, { cookie: network.cookie, ack: true });
    clients.push(writer, answerer);
    await Promise.all([waitForSync(writer), waitForSync(answerer)]);
    const textOf = (client: TestClient) => client.doc.getText('notes');
    textOf(writer).insert(0, 'How did you sleep?');
    await waitForSaved(writer);
    await waitFor(() => textOf(answerer).toString() === 'How did you sleep?', 'B to see the question');

    // A can no longer commit: the writer's next words reach B (shown before their commit), not the store.
    proxy.pause();
    textOf(writer).insert(textOf(writer).length, ' Anna?');
    await waitFor(() => textOf(answerer).toString().endsWith(' Anna?'), "B to show A's uncommitted words");
    // The answer is written right after them: it builds on them.
    const sentBefore = answerer.sent();
    textOf(answerer).insert(textOf(answerer).length, ' Better, thank you.');
    await waitFor(() => answerer.sent() > sentBefore, 'the answer to be sent');
    // B commits the answer, but nobody reading the meeting could see it yet: it is not "saved".
    await sleep(500);
    expect(answerer.acked()).toBeLessThan(answerer.sent());

    // A dies without ever committing; its writer never comes back.
    const t0 = performance.now();
    await a.kill();
    writer.destroy();
    // B asks its people for what it lacks; the answerer's client has the writer's words and sends them.
    let storedWhenSaved = '';
    await waitFor(() => answerer.acked() === answerer.sent(), 'the answer to be saved', 8000);
    console.log(`[SD4] saved ${Math.round(performance.now() - t0)} ms after A died`);
    storedWhenSaved = (await stored(network.meetingId)).getText('notes').toString();
    expect(storedWhenSaved).toBe('How did you sleep? Anna? Better, thank you.');
    // Someone opening the meeting afterwards reads all of it.
    const later = connectClient(b.wsUrl, network.meetingId, { cookie: network.cookie });
    clients.push(later);
    await waitForSync(later);
    await waitFor(
      () => textOf(later).toString() === 'How did you sleep? Anna? Better, thank you.',
      'a later reader to see the answer',
    );
    proxy.resume();
    await stopInstances();
  });
});
