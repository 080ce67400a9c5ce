/**
 * Sessions that end, against real server processes: idle expiry and the absolute lifetime end API
 * access and close live sockets; leaving the device ends the session everywhere; a planted session
 * value never survives a link opening; over HTTPS the cookie is __Host-; a link opened from another
 * site asks before switching person; nothing with network content may be cached.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRawSocket } from './helpers/rawSocket.js';
import {
  openLink,
  type ServerProcess,
  type StartedNetwork,
  sessionCookie,
  startNetwork,
  startServerProcess,
} from './helpers/serverProcess.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function get(
  server: ServerProcess,
  route: string,
  cookie?: string,
  headers: Record<string, string> = {},
) {
  return fetch(`${server.url}${route}`, {
    headers: { ...(cookie ? { cookie } : {}), ...headers },
    redirect: 'manual',
  });
}

async function post(server: ServerProcess, route: string, cookie?: string, body = '{}') {
  return fetch(`${server.url}${route}`, {
    method: 'POST',
    headers: { ...(cookie ? { cookie } : {}), 'content-type': 'application/json' },
    body,
  });
}

/**
 * How long since `start` by the wall clock, which is what sessions end by (their times are stored as
 * dates), or null when the wall clock jumped meanwhile (this machine's clock was seen to step ~15 s
 * forward in a run): a session then rightly ends early, and the time says nothing about the server.
 */
function wallElapsed(start: { wall: number; mono: number }): number | null {
  const wall = Date.now() - start.wall;
  const mono = performance.now() - start.mono;
  if (Math.abs(wall - mono) > 1000) {
    console.log(
      `sessions: the wall clock moved ${Math.round(wall - mono)} ms against the monotonic one; timing not judged`,
    );
    return null;
  }
  return wall;
}
const clocks = () => ({ wall: Date.now(), mono: performance.now() });

describe('idle expiry', () => {
  let server: ServerProcess;
  let network: StartedNetwork;
  beforeAll(async () => {
    // Three seconds without use end a session (a fraction of a minute, for the test).
    server = await startServerProcess({ env: { SESSION_IDLE_MINUTES: '0.05' } });
    network = await startNetwork(server.url, { people: [{ name: 'Eeva', role: 'network_member' }] });
  });
  afterAll(() => server.stop());

  it('a session nobody uses ends: the API says why and its live socket closes with 4401', async () => {
    const eeva = (await openLink(network.people[1]!.url)).cookie!;
    expect((await get(server, `/api/networks/${network.networkId}`, eeva)).status).toBe(200);
    const socket = await openRawSocket(`${server.wsUrl}/${network.meetingId}`, { cookie: eeva });
    const opened = clocks();
    const closed = await socket.closed;
    expect(closed.code).toBe(4401);
    const after = wallElapsed(opened);
    if (after !== null) {
      // Idle for 3 s, and the sweep looks every second.
      expect(after).toBeGreaterThanOrEqual(2500);
      expect(after).toBeLessThan(6000);
      console.log(`sessions: an idle session's socket closed ${after} ms after its last use (limit 3 s)`);
    }
    const refused = await get(server, `/api/networks/${network.networkId}`, eeva);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({
      error: 'session_expired',
      message: expect.stringContaining('not used'),
    });
    expect(await (await get(server, '/api/session', eeva)).json()).toMatchObject({ state: 'idle' });
    await expect(
      openRawSocket(`${server.wsUrl}/${network.meetingId}`, { cookie: eeva }),
    ).rejects.toMatchObject({
      status: 401,
    });
    // Opening the link again is how to come back.
    const again = (await openLink(network.people[1]!.url)).cookie!;
    expect((await get(server, `/api/networks/${network.networkId}`, again)).status).toBe(200);
  });

  it('using the page keeps it; the page’s own background requests do not', async () => {
    const eeva = (await openLink(network.people[1]!.url)).cookie!;
    for (let n = 0; n < 6; n++) {
      await sleep(1000);
      expect((await post(server, '/api/session/active', eeva)).status).toBe(204);
    }
    expect((await get(server, `/api/networks/${network.networkId}`, eeva)).status).toBe(200);
    // Only refreshing the network page, as an open page does by itself: it ends.
    for (let n = 0; n < 4; n++) {
      await sleep(1000);
      await get(server, `/api/networks/${network.networkId}`, eeva);
    }
    expect((await get(server, `/api/networks/${network.networkId}`, eeva)).status).toBe(401);
  });
});

describe('absolute lifetime', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    // About 8.6 seconds, used or not.
    server = await startServerProcess({ env: { SESSION_MAX_DAYS: '0.0001' } });
  });
  afterAll(() => server.stop());

  it('a session ends at its lifetime however much it is used; the cookie says so too', async () => {
    const network = await startNetwork(server.url, { people: [{ name: 'Eeva', role: 'network_member' }] });
    const response = await fetch(network.people[1]!.url, { redirect: 'manual' });
    expect(response.headers.get('set-cookie')).toMatch(/Max-Age=8;/);
    const eeva = sessionCookie(response);
    const began = clocks();
    const socket = await openRawSocket(`${server.wsUrl}/${network.meetingId}`, { cookie: eeva });
    const keepUsing = setInterval(() => void post(server, '/api/session/active', eeva), 500);
    try {
      const closed = await socket.closed;
      expect(closed.code).toBe(4401);
      const lasted = wallElapsed(began);
      if (lasted !== null) {
        expect(lasted).toBeGreaterThanOrEqual(8000);
        expect(lasted).toBeLessThan(12_000);
      }
      console.log(
        `sessions: a used session's socket closed at its lifetime, after ${lasted} ms (limit 8.6 s)`,
      );
    } finally {
      clearInterval(keepUsing);
    }
    const refused = await get(server, `/api/networks/${network.networkId}`, eeva);
    expect(await refused.json()).toMatchObject({
      error: 'session_expired',
      message: expect.stringContaining('time limit'),
    });
  });
});

describe('sessions', () => {
  let server: ServerProcess;
  let network: StartedNetwork;
  beforeAll(async () => {
    server = await startServerProcess();
    network = await startNetwork(server.url, {
      people: [
        { name: 'Eeva', role: 'network_member' },
        { name: 'Jussi', role: 'network_member' },
      ],
    });
  });
  afterAll(() => server.stop());

  it('leaving this device ends the session on the server, closes its sockets, removes the cookie and clears the site', async () => {
    const eeva = (await openLink(network.people[1]!.url)).cookie!;
    const socket = await openRawSocket(`${server.wsUrl}/${network.meetingId}`, { cookie: eeva });
    const left = await post(server, '/api/session/leave', eeva);
    expect(left.status).toBe(204);
    expect(left.headers.get('clear-site-data')).toBe('"cache", "storage"');
    expect(left.headers.get('set-cookie')).toMatch(/polyphony_session=;.*Max-Age=0/);
    expect((await socket.closed).code).toBe(4401);
    expect((await get(server, `/api/networks/${network.networkId}`, eeva)).status).toBe(401);
    expect(await (await get(server, '/api/session', eeva)).json()).toMatchObject({ state: 'none' });
  });

  it('a planted session value is never accepted after a link is opened: the link gives a fresh one', async () => {
    // The attacker opens their own link and plants that session value in the victim's browser.
    const other = await startNetwork(server.url, { centreName: 'Other' });
    const planted = other.cookie;
    const opened = await openLink(network.people[1]!.url, planted);
    expect(opened.cookie).not.toBeNull();
    expect(opened.cookie).not.toBe(planted);
    // The victim's new session works; the planted value opens nothing, not even the attacker's own.
    expect((await get(server, `/api/networks/${network.networkId}`, opened.cookie!)).status).toBe(200);
    expect((await get(server, `/api/networks/${network.networkId}`, planted)).status).toBe(401);
    expect((await get(server, `/api/networks/${other.networkId}`, planted)).status).toBe(401);
    await expect(
      openRawSocket(`${server.wsUrl}/${network.meetingId}`, { cookie: planted }),
    ).rejects.toMatchObject({
      status: 401,
    });
    // A value that was never a session is replaced too.
    const made = await openLink(network.people[1]!.url, `polyphony_session=${'A'.repeat(43)}`);
    expect(made.cookie).not.toBe(`polyphony_session=${'A'.repeat(43)}`);
  });

  it('a professional’s other networks come along to the fresh session value', async () => {
    const first = await startNetwork(server.url, { centreName: 'First' });
    const second = await startNetwork(server.url, { centreName: 'Second' });
    const opened = await openLink(second.people[0]!.url, first.cookie);
    for (const id of [first.networkId, second.networkId]) {
      expect((await get(server, `/api/networks/${id}`, opened.cookie!)).status).toBe(200);
    }
    expect((await get(server, `/api/networks/${first.networkId}`, first.cookie)).status).toBe(401);
  });

  it('a link opened from another site does not switch person silently; the person chooses', async () => {
    const eeva = (await openLink(network.people[1]!.url)).cookie!;
    const jussiLink = network.people[2]!.url;
    const crossSite = await get(server, new URL(jussiLink).pathname, eeva, {
      'sec-fetch-site': 'cross-site',
    });
    expect(crossSite.status).toBe(302);
    expect(crossSite.headers.get('location')).toBe('/switch-person');
    const setCookie = crossSite.headers.get('set-cookie') ?? '';
    expect(setCookie).not.toMatch(/polyphony_session=/);
    const pending = /polyphony_pending_join=([^;]+)/.exec(setCookie)![1];
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    // Still Eeva.
    const me = (await (await get(server, '/api/me', eeva)).json()) as {
      memberships: { participant: { name: string } }[];
    };
    expect(me.memberships.map((m) => m.participant.name)).toEqual(['Eeva']);
    const both = `${eeva}; polyphony_pending_join=${pending}`;
    expect(await (await get(server, '/api/join/pending', both)).json()).toMatchObject({
      current: { name: 'Eeva' },
      link: { name: 'Jussi' },
    });
    // Declining keeps Eeva; confirming makes this browser Jussi (with a fresh session value).
    const declined = await fetch(`${server.url}/api/join/pending`, {
      method: 'DELETE',
      headers: { cookie: both },
    });
    expect(await declined.json()).toEqual({ path: `/m/${network.meetingId}` });
    const confirmed = await fetch(`${server.url}/api/join/pending`, {
      method: 'POST',
      headers: { cookie: both },
    });
    expect(await confirmed.json()).toEqual({ path: `/m/${network.meetingId}` });
    const jussi = sessionCookie(confirmed);
    const now = (await (await get(server, '/api/me', jussi)).json()) as {
      memberships: { participant: { name: string } }[];
    };
    expect(now.memberships.map((m) => m.participant.name)).toEqual(['Jussi']);
    // Another site cannot confirm it for them.
    const forged = await fetch(`${server.url}/api/join/pending`, {
      method: 'POST',
      headers: { cookie: both, origin: 'https://evil.example' },
    });
    expect(forged.status).toBe(403);
    // The same person's link, a link typed in (Sec-Fetch-Site: none), or a browser that is nobody there yet: no question.
    for (const [cookie, site] of [
      [jussi, 'cross-site'],
      [jussi, 'none'],
      [undefined, 'cross-site'],
    ] as const) {
      const direct = await get(server, new URL(jussiLink).pathname, cookie, { 'sec-fetch-site': site });
      expect(direct.headers.get('location')).toBe(`/m/${network.meetingId}`);
    }
  });

  it('nothing carrying network content may be cached; the code is', async () => {
    const eeva = (await openLink(network.people[1]!.url)).cookie!;
    for (const route of [
      `/api/networks/${network.networkId}`,
      `/api/meetings/${network.meetingId}`,
      `/api/networks/${network.networkId}/export.md`,
      `/api/networks/${network.networkId}/activity`,
      '/api/me',
      '/',
      `/m/${network.meetingId}`,
      `/n/${network.networkId}`,
    ]) {
      const response = await get(server, route, eeva);
      expect(response.headers.get('cache-control'), route).toBe('no-store');
    }
    const html = await (await get(server, '/')).text();
    const asset = /\/assets\/[^"]+\.js/.exec(html)?.[0];
    expect(asset).toBeDefined();
    expect((await get(server, asset!)).headers.get('cache-control')).toContain('immutable');
  });
});

describe('the cookie over HTTPS', () => {
  it('is __Host-polyphony_session, Secure, Path=/, without Domain, when a trusted proxy says HTTPS', async () => {
    const trusted = await startServerProcess({ env: { TRUST_PROXY: '1' } });
    const untrusted = await startServerProcess();
    try {
      for (const [server, prefixed] of [
        [trusted, true],
        [untrusted, false],
      ] as const) {
        const network = await startNetwork(server.url);
        const response = await fetch(new URL(new URL(network.people[0]!.url).pathname, server.url), {
          redirect: 'manual',
          headers: { 'x-forwarded-proto': 'https' },
        });
        const cookie = response.headers.get('set-cookie') ?? '';
        if (prefixed) {
          expect(cookie).toMatch(/^__Host-polyphony_session=[A-Za-z0-9_-]{43};/);
          expect(cookie).toMatch(/Secure/);
          expect(cookie).toMatch(/Path=\//);
          expect(cookie).not.toMatch(/Domain/i);
          // The server reads it back (the socket upgrade too).
          const session = cookie.split(';')[0]!;
          expect((await get(server, `/api/networks/${network.networkId}`, session)).status).toBe(200);
          (await openRawSocket(`${server.wsUrl}/${network.meetingId}`, { cookie: session })).socket.close();
        } else {
          // Without TRUST_PROXY the forwarded header is not believed.
          expect(cookie).toMatch(/^polyphony_session=/);
          expect(cookie).not.toMatch(/Secure/);
        }
      }
    } finally {
      await trusted.stop();
      await untrusted.stop();
    }
  });
});
