/**
 * The edges, probed as an anonymous caller would: bursts of network starts, link guesses and other
 * requests without a session are answered 429 with Retry-After; starting anonymously can be turned
 * off; a replayed LiveKit webhook is refused; the CSP lets the page connect only to this server and
 * the configured LiveKit; a malformed "last seen" is refused and cannot break the network page;
 * forwarded headers count only behind a trusted proxy.
 */
import { createHash } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openLink,
  type ServerProcess,
  sessionCookie,
  startNetwork,
  startServerProcess,
} from './helpers/serverProcess.js';

const start = (server: ServerProcess, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/networks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({
      centreName: 'Anna',
      me: { name: 'Maria', relation: '', role: 'professional' },
      people: [],
    }),
  });

describe('rate limits', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({
      env: { STARTS_PER_HOUR: '9', JOIN_ATTEMPTS_PER_MINUTE: '10', ANONYMOUS_REQUESTS_PER_MINUTE: '20' },
    });
  });
  afterAll(() => server.stop());

  it('a burst of anonymous network starts gets 429 with Retry-After after the limit; a professional still starts', async () => {
    const statuses: number[] = [];
    let limited: Response | undefined;
    let professional: string | undefined;
    for (let n = 0; n < 8; n++) {
      const response = await start(server);
      statuses.push(response.status);
      if (response.status === 201) professional ??= sessionCookie(response);
      if (response.status === 429) limited ??= response;
    }
    // A third of the hour's 9 at once.
    expect(statuses).toEqual([201, 201, 201, 429, 429, 429, 429, 429]);
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(60);
    expect(await limited!.json()).toMatchObject({ error: 'rate_limited' });
    // A professional of a network here is not anonymous: not limited.
    expect((await start(server, { cookie: professional! })).status).toBe(201);
    // X-Forwarded-For is not believed without TRUST_PROXY: it does not get anyone a fresh allowance.
    expect((await start(server, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(429);
  });

  it('a burst of personal-link attempts gets 429 with Retry-After and a page that says so', async () => {
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let n = 0; n < 14; n++) {
      const response = await fetch(`${server.url}/join/${'x'.repeat(43)}${n}`, { redirect: 'manual' });
      statuses.push(response.status);
      if (response.status === 429) limited ??= response;
    }
    expect(statuses.slice(0, 10).every((status) => status === 302)).toBe(true);
    expect(statuses.slice(10).every((status) => status === 429)).toBe(true);
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited!.headers.get('content-type')).toContain('text/html');
    expect(limited!.headers.get('cache-control')).toBe('no-store');
  });

  it('other requests without a session are limited too; the health check is not', async () => {
    const statuses: number[] = [];
    for (let n = 0; n < 25; n++) statuses.push((await fetch(`${server.url}/api/me`)).status);
    expect(statuses.slice(0, 10).every((status) => status === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});

describe('starting anonymously turned off', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({ env: { ALLOW_ANONYMOUS_START: 'false' } });
  });
  afterAll(() => server.stop());

  it('refuses an anonymous start, says so in the settings, and lets a professional of a network start one', async () => {
    const refused = await start(server);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: 'anonymous_start_off' });
    expect(await (await fetch(`${server.url}/api/settings`)).json()).toMatchObject({ anonymousStart: false });
    // The operator command starts networks; its professional may then start others from the page.
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const { fileURLToPath } = await import('node:url');
    const cli = fileURLToPath(new URL('../../server/dist/cli.js', import.meta.url));
    const created = JSON.parse(
      (
        await promisify(execFile)(
          process.execPath,
          [
            cli,
            'create',
            '--centre',
            'Anna',
            '--person',
            'Maria:nurse:professional',
            '--person',
            'Eeva::network_member',
            '--json',
          ],
          { env: { ...process.env, DATA_DIR: server.dataDir, PUBLIC_URL: server.url } },
        )
      ).stdout,
    ) as { links: { url: string }[] };
    const maria = (await openLink(created.links[0]!.url)).cookie!;
    expect((await start(server, { cookie: maria })).status).toBe(201);
    const eeva = (await openLink(created.links[1]!.url)).cookie!;
    expect((await start(server, { cookie: eeva })).status).toBe(403);
  });
});

describe('LiveKit webhooks, the CSP', () => {
  const key = 'APIabuse';
  const secret = 'abuse-secret-abuse-secret-abuse-secret-0123';
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({
      env: { LIVEKIT_URL: 'wss://video.example.org:7881', LIVEKIT_API_KEY: key, LIVEKIT_API_SECRET: secret },
    });
  });
  afterAll(() => server.stop());

  const send = async (body: string) => {
    const jwt = new AccessToken(key, secret);
    jwt.sha256 = createHash('sha256').update(body).digest('base64');
    return fetch(`${server.url}/api/video/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/webhook+json', authorization: await jwt.toJwt() },
      body,
    });
  };

  it('a replayed signed webhook is refused, and so is one made long ago', async () => {
    const network = await startNetwork(server.url);
    const event = (id: string, createdAt: number) =>
      JSON.stringify({
        event: 'participant_joined',
        id,
        createdAt: String(createdAt),
        room: { name: network.meetingId },
        participant: { identity: network.people[0]!.participantId },
      });
    const body = event('EV_replay_1', Math.floor(Date.now() / 1000));
    expect((await send(body)).status).toBe(200);
    expect((await send(body)).status).toBe(401);
    expect((await send(event('EV_old_1', Math.floor(Date.now() / 1000) - 3600))).status).toBe(401);
    expect((await send(event('EV_fresh_2', Math.floor(Date.now() / 1000)))).status).toBe(200);
  });

  it('lets pages connect only to this server and the configured LiveKit', async () => {
    const csp = (await fetch(`${server.url}/`)).headers.get('content-security-policy') ?? '';
    const connect = / connect-src ([^;]+)/.exec(` ${csp}`)?.[1]?.split(' ') ?? [];
    expect(connect.sort()).toEqual(
      [
        "'self'",
        `ws://127.0.0.1:${server.port}`,
        'wss://video.example.org:7881',
        'https://video.example.org:7881',
      ].sort(),
    );
    expect(connect).not.toContain('ws:');
    expect(connect).not.toContain('wss:');
  });
});

describe('a malformed "last seen", forwarded headers', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(() => server.stop());

  it('a malformed last-seen value is refused with 400 and the network page keeps working', async () => {
    const network = await startNetwork(server.url);
    for (const stateVector of [
      '////',
      'AAAA',
      'not base64!',
      Buffer.from([0xff, 0xff, 0xff]).toString('base64'),
    ]) {
      const response = await fetch(`${server.url}/api/meetings/${network.meetingId}/seen`, {
        method: 'PUT',
        headers: { cookie: network.cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ stateVector }),
      });
      expect(response.status, stateVector).toBe(400);
    }
    // A real one is taken.
    const ok = await fetch(`${server.url}/api/meetings/${network.meetingId}/seen`, {
      method: 'PUT',
      headers: { cookie: network.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ stateVector: Buffer.from([1, 5, 3]).toString('base64') }),
    });
    expect(ok.status).toBe(200);
    expect(
      (
        await fetch(`${server.url}/api/networks/${network.networkId}`, {
          headers: { cookie: network.cookie },
        })
      ).status,
    ).toBe(200);
  });

  it('without TRUST_PROXY, X-Forwarded-Host does not decide the origin of personal links; with it, it does', async () => {
    const forged = await start(server, { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' });
    const links = ((await forged.json()) as { invitations: { url: string }[] }).invitations;
    expect(links[0]!.url.startsWith(`${server.url}/join/`)).toBe(true);
    const proxied = await startServerProcess({ env: { TRUST_PROXY: 'true' } });
    try {
      const behind = await start(proxied, {
        'x-forwarded-host': 'polyphony.example.org',
        'x-forwarded-proto': 'https',
      });
      const url = ((await behind.json()) as { invitations: { url: string }[] }).invitations[0]!.url;
      expect(url.startsWith('https://polyphony.example.org/join/')).toBe(true);
    } finally {
      await proxied.stop();
    }
  });
});
