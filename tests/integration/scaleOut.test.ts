/**
 * Two instances behind one PostgreSQL (documents and everything else: networks, people, links, sessions,
 * meetings) and one Redis (relay), as on two machines: each has a DATA_DIR of its own, which stays empty,
 * and they share only DATABASE_URL (with a schema of this test's own) and REDIS_URL. A network started on
 * one is used on the other; clients on different instances converge; a link revoked on one closes its
 * socket on the other; killing one instance sends its clients to the other with nothing lost; restarting
 * Redis heals without lost edits.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { PostgresDocumentStore } from '@polyphony/server/persistence/postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { killRound } from '../durability/killRound.js';
import { connectClient, type TestClient, waitFor, waitForSaved, waitForSync } from './helpers/clients.js';
import { openRawSocket } from './helpers/rawSocket.js';
import { type RedisProcess, redisAvailable, startRedis } from './helpers/redisProcess.js';
import {
  openLink,
  type ServerProcess,
  startNetwork,
  startServerProcess,
  tempDataDir,
} from './helpers/serverProcess.js';
import { missingService, postgresReachable, TEST_DATABASE_URL } from './helpers/services.js';

const databaseUrl = TEST_DATABASE_URL;
const ready = redisAvailable() && (await postgresReachable());
if (!ready) missingService('scale-out', 'needs redis-server and PostgreSQL; run scripts/services.sh');

describe.skipIf(!ready)('scale-out: two instances, PostgreSQL and Redis', () => {
  const schema = `scale_${randomBytes(4).toString('hex')}`;
  const dataDirA = tempDataDir('scale-a');
  const dataDirB = tempDataDir('scale-b');
  let redis: RedisProcess;
  let a: ServerProcess;
  let b: ServerProcess;
  const clients: TestClient[] = [];
  const env = () => ({ DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema, REDIS_URL: redis.url });
  const text = (client: TestClient) => client.doc.getText('notes').toString();

  beforeAll(async () => {
    redis = await startRedis();
    // Both at once: the first start of an empty schema must not race itself.
    [a, b] = await Promise.all([
      startServerProcess({ dataDir: dataDirA, env: env() }),
      startServerProcess({ dataDir: dataDirB, env: env() }),
    ]);
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await a?.stop();
    await b?.stop();
    await redis?.stop();
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  async function storedDoc(meetingId: string): Promise<Y.Doc> {
    const store = await PostgresDocumentStore.open(databaseUrl, { schema });
    const stored = await store.load(meetingId);
    await store.close();
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    return doc;
  }
  const storedText = async (meetingId: string) => (await storedDoc(meetingId)).getText('notes').toString();

  it('[SD3] SIGKILL loses no acknowledged update on the PostgreSQL store either', async () => {
    const result = await killRound({
      env: { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema },
      readStored: (_dataDir, meetingId) => storedDoc(meetingId),
    });
    expect(result.lost).toEqual([]);
    expect(result.acknowledged).toBeGreaterThan(50);
  });

  it('the instances share networks, links, sessions and meetings through PostgreSQL alone', async () => {
    const health = (await (await fetch(`${a.url}/api/health`)).json()) as { store: string };
    expect(health.store).toBe('postgres');
    const network = await startNetwork(a.url, {
      people: [{ name: 'Eeva', relation: 'mother', role: 'network_member' }],
    });
    const eeva = network.people.find((person) => person.name === 'Eeva')!;
    // Eeva's link was made on A; she opens it on B.
    const opened = await openLink(eeva.url.replace(a.url, b.url));
    expect(opened.location).toBe(`/m/${network.meetingId}`);
    const onB = connectClient(b.wsUrl, network.meetingId, { cookie: opened.cookie!, ack: true });
    const onA = connectClient(a.wsUrl, network.meetingId, { cookie: network.cookie, ack: true });
    clients.push(onA, onB);
    await Promise.all([waitForSync(onA), waitForSync(onB)]);
    onB.doc.getText('notes').insert(0, 'Eeva wrote this on B. ');
    await waitFor(() => text(onA) === 'Eeva wrote this on B. ', 'A to see what Eeva wrote on B');

    // Maria's session, made on A, starts the next meeting on B; A lists it with the next number.
    const started = await fetch(`${b.url}/api/networks/${network.networkId}/meetings`, {
      method: 'POST',
      headers: { cookie: network.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Second meeting' }),
    });
    expect(started.status).toBe(201);
    const second = (await started.json()) as { id: string; number: number };
    expect(second.number).toBe(2);
    const detail = (await (
      await fetch(`${a.url}/api/networks/${network.networkId}`, { headers: { cookie: network.cookie } })
    ).json()) as { meetings: { id: string; number: number; title: string }[]; people: { name: string }[] };
    expect(detail.meetings.map((m) => [m.number, m.title])).toEqual([
      [2, 'Second meeting'],
      [1, 'Meeting with Anna'],
    ]);
    expect(detail.meetings[0]?.id).toBe(second.id);

    // Revoked on A: Eeva's socket on B is closed with 'access revoked' within 2 s.
    const raw = await openRawSocket(`${b.wsUrl}/${second.id}`, { cookie: opened.cookie! });
    const revokedAt = performance.now();
    const revoke = await fetch(
      `${a.url}/api/networks/${network.networkId}/people/${eeva.participantId}/revoke`,
      {
        method: 'POST',
        headers: { cookie: network.cookie },
      },
    );
    expect(revoke.status).toBe(200);
    expect((await raw.closed).code).toBe(4403);
    expect(performance.now() - revokedAt).toBeLessThan(2000);
    await expect(
      openRawSocket(`${b.wsUrl}/${network.meetingId}`, { cookie: opened.cookie! }),
    ).rejects.toMatchObject({ status: 401 });

    // Neither instance opened a SQLite file: its DATA_DIR is empty.
    expect(fs.readdirSync(dataDirA)).toEqual([]);
    expect(fs.readdirSync(dataDirB)).toEqual([]);
  });

  it('[SD5] clients on different instances converge, presence included', async () => {
    const network = await startNetwork(a.url);
    const onA = connectClient(a.wsUrl, network.meetingId, { cookie: network.cookie, ack: true });
    const onB = connectClient(b.wsUrl, network.meetingId, { cookie: network.cookie, ack: true });
    clients.push(onA, onB);
    await Promise.all([waitForSync(onA), waitForSync(onB)]);
    onA.doc.getText('notes').insert(0, 'Written on A. ');
    await waitFor(() => text(onB) === 'Written on A. ', 'B to see what was written on A');
    onB.doc.getText('notes').insert(text(onB).length, 'Written on B.');
    await waitFor(() => text(onA) === 'Written on A. Written on B.', 'A to see what was written on B');
    // Presence says who the person is as the server knows them (Maria), whatever the browser says.
    onA.provider.awareness.setLocalState({ user: { name: 'Someone else' }, position: 'on A' });
    await waitFor(() => {
      const seen = onB.provider.awareness.getStates().get(onA.doc.clientID) as
        | { user?: { name: string }; position?: string }
        | undefined;
      return seen?.position === 'on A' && seen.user?.name === 'Maria';
    }, 'B to see who is on A');
    await Promise.all([waitForSaved(onA), waitForSaved(onB)]);
    expect(await storedText(network.meetingId)).toBe('Written on A. Written on B.');
  });

  it('[SD7] someone asking to join through one instance nudges the members on both, at once', async () => {
    const network = await startNetwork(a.url);
    const onA = connectClient(a.wsUrl, network.meetingId, { cookie: network.cookie, ack: true });
    const onB = connectClient(b.wsUrl, network.meetingId, { cookie: network.cookie, ack: true });
    const stock = connectClient(b.wsUrl, network.meetingId, { cookie: network.cookie });
    clients.push(onA, onB, stock);
    await Promise.all([waitForSync(onA), waitForSync(onB), waitForSync(stock)]);
    const admission = (server: ServerProcess, method: string, path = '', body?: unknown) =>
      fetch(`${server.url}/api/meetings/${network.meetingId}/admission${path}`, {
        method,
        headers: { cookie: network.cookie, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    // The code is shown on B: both are nudged (topic 1, admission).
    const shown = (await (await admission(b, 'POST')).json()) as { url: string };
    await waitFor(() => onA.nudges.length === 1 && onB.nudges.length === 1, 'both to be nudged', 1000);
    expect([...onA.nudges, ...onB.nudges]).toEqual([1, 1]);
    // The newcomer asks through A (no session, no socket of theirs): the sockets on B hear of it too.
    const asked = Date.now();
    const ask = await fetch(`${a.url}/api/ask/codes/${shown.url.split('/ask/')[1]}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Kalle', relation: 'neighbour' }),
    });
    expect(ask.status).toBe(201);
    await waitFor(() => onA.nudges.length === 2 && onB.nudges.length === 2, 'both to hear of Kalle', 1000);
    const heard = Date.now() - asked;
    // Refused on B: A hears of it.
    const waiting = (await (await admission(a, 'GET')).json()) as { waiting: { id: string }[] };
    expect(waiting.waiting).toHaveLength(1);
    const decided = await admission(b, 'POST', `/${waiting.waiting[0]!.id}`, { decision: 'refuse' });
    expect(decided.status).toBe(200);
    await waitFor(() => onA.nudges.length === 3 && onB.nudges.length === 3, 'both to hear the answer', 1000);
    console.log(`a request to join reached both instances' sockets ${heard} ms after it was sent`);
    // A stock client (no ack=1) is sent no nudge.
    expect(stock.receivedTypes).not.toContain(18);
  });

  it('[SD3] killing an instance sends its clients to the other with nothing lost', async () => {
    const network = await startNetwork(a.url);
    const writer = connectClient(a.wsUrl, network.meetingId, { cookie: network.cookie, ack: true });
    const reader = connectClient(b.wsUrl, network.meetingId, { cookie: network.cookie });
    clients.push(writer, reader);
    await Promise.all([waitForSync(writer), waitForSync(reader)]);
    const typed: string[] = [];
    const type = (n: number) => {
      const word = `w${n} `;
      typed.push(word);
      writer.doc.getText('notes').insert(writer.doc.getText('notes').length, word);
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
    a = await startServerProcess({ dataDir: dataDirA, env: env() });
  });

  it('[SD2] restarting Redis heals: edits made while it was away reach the other instance', async () => {
    const network = await startNetwork(a.url);
    const onA = connectClient(a.wsUrl, network.meetingId, { cookie: network.cookie, ack: true });
    const onB = connectClient(b.wsUrl, network.meetingId, { cookie: network.cookie, ack: true });
    clients.push(onA, onB);
    await Promise.all([waitForSync(onA), waitForSync(onB)]);
    onA.doc.getText('notes').insert(0, 'before. ');
    await waitFor(() => text(onB) === 'before. ', 'the relay to work');

    await redis.stop();
    onA.doc.getText('notes').insert(text(onA).length, 'A while Redis was away. ');
    onB.doc.getText('notes').insert(0, 'B while Redis was away. ');
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
