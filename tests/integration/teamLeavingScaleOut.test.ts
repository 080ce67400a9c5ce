/**
 * Leaving the team across instances (issue 17): two servers on one PostgreSQL with Redis; an admin
 * removes a professional on A, and the professional's meeting socket on B closes (the access sweep of
 * every instance reads the departure from the store, as it reads revoked links), and B refuses them.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CloseCodes } from '@polyphony/shared';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRawSocket } from './helpers/rawSocket.js';
import { type RedisProcess, redisAvailable, startRedis } from './helpers/redisProcess.js';
import { openLink, type ServerProcess, startServerProcess, tempDataDir } from './helpers/serverProcess.js';
import { missingService, postgresReachable, TEST_DATABASE_URL } from './helpers/services.js';

const CLI = fileURLToPath(new URL('../../server/dist/cli.js', import.meta.url));
const run = promisify(execFile);
const databaseUrl = TEST_DATABASE_URL;
const ready = redisAvailable() && (await postgresReachable());
if (!ready)
  missingService(
    'leaving the team, scaled out',
    'needs redis-server and PostgreSQL; run scripts/services.sh',
  );

describe.skipIf(!ready)('leaving the team on two instances, PostgreSQL and Redis', () => {
  const schema = `leaving_${randomBytes(4).toString('hex')}`;
  let redis: RedisProcess;
  let a: ServerProcess;
  let b: ServerProcess;
  const env = () => ({ DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema, REDIS_URL: redis.url });

  beforeAll(async () => {
    redis = await startRedis();
    [a, b] = await Promise.all([
      startServerProcess({ dataDir: tempDataDir('leaving-a'), env: env() }),
      startServerProcess({ dataDir: tempDataDir('leaving-b'), env: env() }),
    ]);
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await redis?.stop();
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  it('[SL9] removed on one instance, a professional’s socket on another closes and every call there fails', async () => {
    const addStaff = async (...args: string[]) =>
      JSON.parse(
        (
          await run(process.execPath, [CLI, 'staff', 'add', ...args, '--json'], {
            env: { ...process.env, ...env(), PUBLIC_URL: a.url, LOG_LEVEL: 'warn' },
          })
        ).stdout,
      ) as { team: { id: string }; staff: { id: string }; link: { url: string } };
    const maria = await addStaff(
      '--team',
      'North',
      '--name',
      'Maria',
      '--email',
      'maria@north.fi',
      '--admin',
    );
    await addStaff('--team', 'North', '--name', 'Pekka', '--email', 'pekka@north.fi');
    // In another team too: his session stays, so only the departure can close his socket on B.
    const pekka = await addStaff('--team', 'South', '--name', 'Pekka', '--email', 'pekka@north.fi');
    const mariaCookie = (await openLink(maria.link.url)).cookie!;
    const started = await fetch(`${a.url}/api/networks`, {
      method: 'POST',
      headers: { cookie: mariaCookie, 'content-type': 'application/json' },
      body: JSON.stringify({
        centreName: 'Anna',
        me: { name: 'Maria', relation: '', role: 'professional' },
        people: [{ name: 'Eeva', relation: 'mother', role: 'network_member' }],
      }),
    });
    expect(started.status).toBe(201);
    const { network, meeting } = (await started.json()) as {
      network: { id: string };
      meeting: { id: string };
    };

    // Pekka signs in on B, opens the network there (joining from the team) and the meeting.
    const pekkaCookie = (await openLink(pekka.link.url.replace(a.url, b.url))).cookie!;
    expect(
      (await fetch(`${b.url}/api/networks/${network.id}`, { headers: { cookie: pekkaCookie } })).status,
    ).toBe(200);
    const socket = await openRawSocket(`${b.wsUrl}/${meeting.id}`, { cookie: pekkaCookie });

    const removedAt = performance.now();
    const removed = await fetch(`${a.url}/api/team/${maria.team.id}/members/${pekka.staff.id}`, {
      method: 'DELETE',
      headers: { cookie: mariaCookie },
    });
    expect(removed.status).toBe(204);
    // B finds the departure in the store within its sweep (a second); generous for a loaded machine.
    const closed = await Promise.race([
      socket.closed.then(({ code, reason }) => ({ code, reason })),
      new Promise<'open'>((resolve) => setTimeout(() => resolve('open'), 10_000)),
    ]);
    const tookMs = Math.round(performance.now() - removedAt);
    console.log(
      `leaving the team across instances: the socket on B closed ${tookMs} ms after the removal on A`,
    );
    // Closed as a departure from the team, not as a revoked link (the page says which).
    expect(closed).toEqual(CloseCodes.teamAccessEnded);
    expect(
      (await fetch(`${b.url}/api/networks/${network.id}`, { headers: { cookie: pekkaCookie } })).status,
    ).toBe(403);
    await expect(openRawSocket(`${b.wsUrl}/${meeting.id}`, { cookie: pekkaCookie })).rejects.toMatchObject({
      status: 401,
    });
  });
});
