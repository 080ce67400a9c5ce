/**
 * Health and readiness tell the truth (issue 21): with PostgreSQL and Redis, an instance whose Redis or
 * PostgreSQL goes away says so within 2 s — /api/ready answers 503, /api/health shows which is
 * unreachable, one warn line is logged when the outage begins and one when it ends — and its people are
 * told they are not connected to the others while it cannot relay. PostgreSQL is a private cluster of
 * this test's own (helpers/postgresProcess.ts), so that stopping it disturbs no other test.
 */
import type { HealthResponse, ReadinessResponse } from '@polyphony/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, type TestClient, waitFor, waitForSaved, waitForSync } from './helpers/clients.js';
import { type PostgresProcess, privatePostgresAvailable, startPostgres } from './helpers/postgresProcess.js';
import { openRawSocket } from './helpers/rawSocket.js';
import { type RedisProcess, redisAvailable, startRedis } from './helpers/redisProcess.js';
import { type ServerProcess, startNetwork, startServerProcess } from './helpers/serverProcess.js';
import { missingService } from './helpers/services.js';

const ready = redisAvailable() && privatePostgresAvailable();
if (!ready)
  missingService('readiness', 'needs redis-server and PostgreSQL (initdb, pg_ctl); run scripts/services.sh');

/** What the server logged at warn level (pino JSON lines, level 40), by message. */
function warnings(server: ServerProcess): string[] {
  return server
    .output()
    .split('\n')
    .flatMap((line) => {
      try {
        const entry = JSON.parse(line) as { level?: number; msg?: string };
        return entry.level === 40 && entry.msg ? [entry.msg] : [];
      } catch {
        return [];
      }
    });
}

describe.skipIf(!ready)('health and readiness with PostgreSQL and Redis', () => {
  let postgres: PostgresProcess;
  let redis: RedisProcess;
  let server: ServerProcess;
  const clients: TestClient[] = [];
  const readyNow = async () => {
    const response = await fetch(`${server.url}/api/ready`);
    return { status: response.status, body: (await response.json()) as ReadinessResponse };
  };
  const healthNow = async () => (await (await fetch(`${server.url}/api/health`)).json()) as HealthResponse;
  const count = (prefix: string) => warnings(server).filter((message) => message.startsWith(prefix)).length;

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    server = await startServerProcess({ env: { DATABASE_URL: postgres.url, REDIS_URL: redis.url } });
  }, 60_000);
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.kill();
    await redis?.stop();
    await postgres?.destroy();
  });

  it('[RD1] a stopped Redis: 503 and a warn line within 2 s, people told they are not connected to the others; all back when it returns', async () => {
    // Starting logged no outage: Redis and PostgreSQL were being connected to, not down.
    expect(warnings(server)).toEqual([]);
    expect(await readyNow()).toEqual({
      status: 200,
      body: { ready: true, store: 'reachable', relay: 'reachable' },
    });
    const network = await startNetwork(server.url);
    const person = connectClient(server.wsUrl, network.meetingId, { cookie: network.cookie, ack: true });
    clients.push(person);
    await waitForSync(person);
    expect(person.relaying()).toBe(true);

    await redis.kill();
    const stoppedAt = Date.now();
    let ready = await readyNow();
    while (ready.status === 200 && Date.now() - stoppedAt < 3000) ready = await readyNow();
    expect(ready).toMatchObject({
      status: 503,
      body: { ready: false, store: 'reachable', relay: 'unreachable' },
    });
    expect(ready.body.message).toContain('Redis');
    expect(Date.now() - stoppedAt).toBeLessThan(2000);
    expect((await healthNow()).dependencies).toEqual({ store: 'reachable', relay: 'unreachable' });
    await waitFor(
      () => count('Redis is unreachable') === 1,
      'the outage to be logged',
      2000 - (Date.now() - stoppedAt),
    );
    await waitFor(() => !person.relaying(), 'the person to be told', 2000);
    // Someone joining now is told at once; edits are still saved.
    const joining = connectClient(server.wsUrl, network.meetingId, { cookie: network.cookie, ack: true });
    clients.push(joining);
    await waitForSync(joining);
    await waitFor(() => !joining.relaying(), 'the joining person to be told');
    joining.doc.getText('notes').insert(0, 'Written while Redis is away. ');
    await waitForSaved(joining);

    // Reconnection attempts go on: the outage is still logged once.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(count('Redis is unreachable')).toBe(1);

    await redis.start();
    const startedAt = Date.now();
    await waitFor(() => person.relaying() && joining.relaying(), 'people to be told it is back', 3000);
    expect((await readyNow()).status).toBe(200);
    expect(Date.now() - startedAt).toBeLessThan(3000);
    expect(count('Redis is reachable again')).toBe(1);
    expect((await healthNow()).dependencies.relay).toBe('reachable');
  });

  it('[RD2] a stopped PostgreSQL: 503 and a warn line within 2 s, no false "saved", sockets refused with 503; all back when it returns', async () => {
    const network = await startNetwork(server.url);
    const person = connectClient(server.wsUrl, network.meetingId, { cookie: network.cookie, ack: true });
    clients.push(person);
    await waitForSync(person);

    await postgres.stop();
    const stoppedAt = Date.now();
    let ready = await readyNow();
    while (ready.status === 200 && Date.now() - stoppedAt < 3000) ready = await readyNow();
    expect(ready).toMatchObject({
      status: 503,
      body: { ready: false, store: 'unreachable', relay: 'reachable' },
    });
    expect(Date.now() - stoppedAt).toBeLessThan(2000);
    await waitFor(
      () => count('PostgreSQL is unreachable') === 1,
      'the outage to be logged',
      Math.max(1, 2000 - (Date.now() - stoppedAt)),
    );
    expect((await healthNow()).dependencies).toEqual({ store: 'unreachable', relay: 'reachable' });

    // An edit made now is not saved, and says so; nobody new can join, and is told to try again.
    person.doc.getText('notes').insert(0, 'Written while PostgreSQL is away.');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(person.acked()).toBeLessThan(person.sent());
    await expect(
      openRawSocket(`${server.wsUrl}/${network.meetingId}`, { cookie: network.cookie }),
    ).rejects.toMatchObject({ status: 503 });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(count('PostgreSQL is unreachable')).toBe(1);

    await postgres.start();
    await waitForSaved(person, 10_000);
    await waitFor(() => count('PostgreSQL is reachable again') === 1, 'the end of the outage to be logged');
    expect((await readyNow()).status).toBe(200);
    expect((await healthNow()).dependencies.store).toBe('reachable');
  });
});
