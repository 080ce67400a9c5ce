/**
 * Letting someone new in, probed as callers would against a real server process (issue 18): asking is
 * an anonymous endpoint, so it is limited per address (429 with Retry-After) and refused clearly when the
 * body or the code is wrong; only the person at the centre or a professional shows a code or decides;
 * a request is decided once; a closed meeting's code lets no one ask.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLink, type ServerProcess, startNetwork, startServerProcess } from './helpers/serverProcess.js';

const json = { 'content-type': 'application/json' };

describe('admission at the API', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    // 12 an hour: a burst of 4 at once (one for the closed meeting, three for the burst). The other limits out of the way.
    server = await startServerProcess({
      env: {
        ASK_TO_JOIN_PER_HOUR: '12',
        STARTS_PER_HOUR: '0',
        JOIN_ATTEMPTS_PER_MINUTE: '0',
        ANONYMOUS_REQUESTS_PER_MINUTE: '0',
      },
    });
  });
  afterAll(() => server.stop());

  const admission = (meetingId: string, cookie: string, method = 'GET', path = '', body?: unknown) =>
    fetch(`${server.url}/api/meetings/${meetingId}/admission${path}`, {
      method,
      headers: { cookie, ...json },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const ask = (code: string, body: unknown) =>
    fetch(`${server.url}/api/ask/codes/${code}`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(body),
    });

  it('a closed meeting shows no code, and its code lets no one ask', async () => {
    const network = await startNetwork(server.url);
    const shown = await admission(network.meetingId, network.cookie, 'POST');
    const code = ((await shown.json()) as { url: string }).url.split('/ask/')[1]!;
    const closed = await fetch(`${server.url}/api/meetings/${network.meetingId}/close`, {
      method: 'POST',
      headers: { cookie: network.cookie },
    });
    expect(closed.status).toBe(200);
    expect(await (await admission(network.meetingId, network.cookie)).json()).toMatchObject({ url: null });
    const refused = await ask(code, { name: 'Kalle', relation: '' });
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { message: string }).message).toMatch(/not valid/);
  });

  it('asking is refused clearly when wrong, limited per address, and decided once by those who may', async () => {
    const network = await startNetwork(server.url, {
      people: [{ name: 'Liisa', relation: 'mother', role: 'network_member' }],
    });
    const liisa = (await openLink(network.people[1]!.url)).cookie!;
    // Only the person at the centre or a professional shows a code.
    expect((await admission(network.meetingId, liisa, 'POST')).status).toBe(403);
    const shown = await admission(network.meetingId, network.cookie, 'POST');
    expect(shown.status).toBe(201);
    const code = ((await shown.json()) as { url: string }).url.split('/ask/')[1]!;

    const noName = await ask(code, { name: '  ', relation: 'neighbour' });
    expect(noName.status).toBe(400);
    expect(await noName.json()).toMatchObject({ error: 'invalid_body' });
    expect((await ask(code, { name: 'Kalle', relation: 'neighbour' })).status).toBe(201);
    expect((await ask(code, { name: 'Olli', relation: 'friend' })).status).toBe(201);
    const limited = await ask(code, { name: 'Third', relation: '' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(60);
    expect(await limited.json()).toMatchObject({ error: 'rate_limited' });

    const state = (await (await admission(network.meetingId, liisa)).json()) as {
      waiting: { id: string; name: string }[];
    };
    expect(state.waiting.map((each) => each.name)).toEqual(['Kalle', 'Olli']);
    const kalle = state.waiting[0]!.id;
    // Everyone present sees who waits; a network member does not decide.
    expect(
      (await admission(network.meetingId, liisa, 'POST', `/${kalle}`, { decision: 'admit' })).status,
    ).toBe(403);
    const bad = await admission(network.meetingId, network.cookie, 'POST', `/${kalle}`, {
      decision: 'maybe',
    });
    expect(bad.status).toBe(400);
    const letIn = { decision: 'admit', role: 'observer' };
    expect((await admission(network.meetingId, network.cookie, 'POST', `/${kalle}`, letIn)).status).toBe(200);
    const again = await admission(network.meetingId, network.cookie, 'POST', `/${kalle}`, letIn);
    expect(again.status).toBe(409);
    // Its own id: the page says it in the reader's language (client/src/api/request.ts).
    expect(((await again.json()) as { error: string }).error).toBe('already_answered');
    const people = (await (
      await fetch(`${server.url}/api/networks/${network.networkId}`, { headers: { cookie: network.cookie } })
    ).json()) as { people: { name: string; role: string; admittedBy?: string }[] };
    expect(people.people.find((person) => person.name === 'Kalle')).toMatchObject({
      role: 'observer',
      admittedBy: 'Maria',
    });
  });
});
