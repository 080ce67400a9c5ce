/**
 * Video through the API: LiveKit tokens (claims decoded), who may have one, LiveKit's webhooks (forged and
 * tampered ones refused), a Polyphony without LiveKit, and — against a real LiveKit server on loopback —
 * a revoked member removed from the video room within 2 seconds.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { OnVideoResponse, VideoConfigResponse, VideoTokenResponse } from '@polyphony/shared';
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  LIVEKIT_TEST_KEY,
  LIVEKIT_TEST_SECRET,
  type LivekitProcess,
  livekitBinary,
  startLivekit,
  warnLivekitMissing,
} from './helpers/livekitProcess.js';
import {
  freePort,
  openLink,
  type ServerProcess,
  type StartedNetwork,
  startNetwork,
  startServerProcess,
} from './helpers/serverProcess.js';

const api = (server: ServerProcess, path: string, cookie?: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, {
    ...init,
    headers: { ...(cookie ? { cookie } : {}), 'content-type': 'application/json', ...(init.headers ?? {}) },
  });

/** The claims of a JWT, unverified (the test only reads what the server put in). */
function claims(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** A network of a professional, a mother and an observer, everyone with their session cookie. */
async function videoNetwork(server: ServerProcess) {
  const network = await startNetwork(server.url, {
    people: [
      { name: 'Eeva', relation: 'mother', role: 'network_member' },
      { name: 'Olli', relation: 'student nurse', role: 'observer' },
    ],
  });
  const mother = await openLink(network.people[1]!.url);
  const observer = await openLink(network.people[2]!.url);
  return { network, motherCookie: mother.cookie!, observerCookie: observer.cookie! };
}

async function token(server: ServerProcess, meetingId: string, cookie?: string) {
  return api(server, `/api/video/meetings/${meetingId}/token`, cookie, { method: 'POST' });
}

/** A webhook body and its Authorization header, as LiveKit signs them (JWT with the body's sha256). */
async function signedWebhook(body: string, secret = LIVEKIT_TEST_SECRET): Promise<string> {
  const jwt = new AccessToken(LIVEKIT_TEST_KEY, secret);
  jwt.sha256 = createHash('sha256').update(body).digest('base64');
  return jwt.toJwt();
}

function webhookBody(event: string, meetingId: string, identity: string): string {
  return JSON.stringify({
    event,
    id: `EV_${Math.random().toString(36).slice(2)}`,
    createdAt: String(Math.floor(Date.now() / 1000)),
    room: { name: meetingId, sid: 'RM_test' },
    participant: { identity, sid: 'PA_test', name: 'Eeva' },
  });
}

describe('video tokens and webhooks', () => {
  let server: ServerProcess;
  let people: Awaited<ReturnType<typeof videoNetwork>>;

  beforeAll(async () => {
    // Tokens and webhooks need only the keys: no LiveKit server listens at this URL.
    server = await startServerProcess({
      env: {
        LIVEKIT_URL: `ws://127.0.0.1:${await freePort()}`,
        LIVEKIT_API_KEY: LIVEKIT_TEST_KEY,
        LIVEKIT_API_SECRET: LIVEKIT_TEST_SECRET,
      },
    });
    people = await videoNetwork(server);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('says video is set up', async () => {
    const config = (await (await api(server, '/api/video/config')).json()) as VideoConfigResponse;
    expect(config.enabled).toBe(true);
  });

  it('a member gets a token for one room, at most 10 minutes, publish and subscribe only', async () => {
    const { network, motherCookie } = people;
    const response = await token(server, network.meetingId, motherCookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as VideoTokenResponse;
    expect(body.room).toBe(network.meetingId);
    expect(body.identity).toBe(network.people[1]!.participantId);
    expect(body.canPublish).toBe(true);
    const jwt = claims(body.token);
    expect(jwt.sub).toBe(network.people[1]!.participantId);
    expect(jwt.iss).toBe(LIVEKIT_TEST_KEY);
    expect((jwt.exp as number) - (jwt.nbf as number)).toBeLessThanOrEqual(600);
    expect((jwt.exp as number) - Date.now() / 1000).toBeLessThanOrEqual(600);
    expect(jwt.name).toBe('Eeva');
    expect(JSON.parse(jwt.metadata as string)).toEqual({
      name: 'Eeva',
      relation: 'mother',
      role: 'network_member',
      team: false,
    });
    const video = jwt.video as Record<string, unknown>;
    expect(video).toEqual({
      room: network.meetingId,
      roomJoin: true,
      canSubscribe: true,
      canPublish: true,
      canPublishData: true,
      canUpdateOwnMetadata: false,
    });
    for (const admin of [
      'roomAdmin',
      'roomCreate',
      'roomList',
      'roomRecord',
      'ingressAdmin',
      'hidden',
      'agent',
    ]) {
      expect(video[admin], admin).toBeUndefined();
    }
  });

  it('a professional is marked as one of the team', async () => {
    const body = (await (
      await token(server, people.network.meetingId, people.network.cookie)
    ).json()) as VideoTokenResponse;
    expect(JSON.parse(claims(body.token).metadata as string)).toMatchObject({
      role: 'professional',
      team: true,
    });
  });

  it('an observer subscribes only', async () => {
    const response = await token(server, people.network.meetingId, people.observerCookie);
    expect(response.status).toBe(200);
    const body = (await response.json()) as VideoTokenResponse;
    expect(body.canPublish).toBe(false);
    const video = claims(body.token).video as Record<string, unknown>;
    expect(video.canPublish).toBe(false);
    expect(video.canPublishData).toBe(false);
    expect(video.canSubscribe).toBe(true);
  });

  it('no session, or a member of another network, gets no token', async () => {
    const { network } = people;
    expect((await token(server, network.meetingId)).status).toBe(401);
    const stranger = await startNetwork(server.url, { centreName: 'Someone else' });
    const refused = await token(server, network.meetingId, stranger.cookie);
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { error: string }).error).toBe('network_not_found');
    expect((await token(server, 'AAAAAAAAAAAAAAAAAAAAAA', network.cookie)).status).toBe(404);
  });

  it('a revoked member gets no new token', async () => {
    const extra = await startNetwork(server.url, {
      people: [{ name: 'Pekka', relation: 'brother', role: 'network_member' }],
    });
    const brother = (await openLink(extra.people[1]!.url)).cookie!;
    expect((await token(server, extra.meetingId, brother)).status).toBe(200);
    const revoked = await api(
      server,
      `/api/networks/${extra.networkId}/people/${extra.people[1]!.participantId}/revoke`,
      extra.cookie,
      {
        method: 'POST',
      },
    );
    expect(revoked.ok).toBe(true);
    expect([401, 404]).toContain((await token(server, extra.meetingId, brother)).status);
  });

  it('believes a webhook LiveKit signed, and records who is on video', async () => {
    const { network, motherCookie } = people;
    const mother = network.people[1]!.participantId;
    const body = webhookBody('participant_joined', network.meetingId, mother);
    const response = await fetch(`${server.url}/api/video/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/webhook+json', authorization: await signedWebhook(body) },
      body,
    });
    expect(response.status).toBe(200);
    const onVideo = (await (
      await api(server, `/api/video/meetings/${network.meetingId}/participants`, motherCookie)
    ).json()) as OnVideoResponse;
    expect(onVideo.participantIds).toEqual([mother]);

    const left = webhookBody('participant_left', network.meetingId, mother);
    await fetch(`${server.url}/api/video/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/webhook+json', authorization: await signedWebhook(left) },
      body: left,
    });
    const after = (await (
      await api(server, `/api/video/meetings/${network.meetingId}/participants`, motherCookie)
    ).json()) as OnVideoResponse;
    expect(after.participantIds).toEqual([]);
  });

  it('refuses a forged, a tampered and an unsigned webhook', async () => {
    const { network, motherCookie } = people;
    const intruder = 'INTRUDER';
    const body = webhookBody('participant_joined', network.meetingId, intruder);
    const post = (authorization: string | undefined, payload: string) =>
      fetch(`${server.url}/api/video/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/webhook+json', ...(authorization ? { authorization } : {}) },
        body: payload,
      });
    // Forged: signed with a secret that is not ours.
    const forged = await post(await signedWebhook(body, 'not-our-secret-but-just-as-long-as-ours-is'), body);
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as { error: string }).error).toBe('unauthorized');
    // Tampered: a genuine signature of another body.
    const genuine = webhookBody('participant_left', network.meetingId, intruder);
    expect((await post(await signedWebhook(genuine), body)).status).toBe(401);
    // Unsigned, and signed with garbage.
    expect((await post(undefined, body)).status).toBe(401);
    expect((await post('Bearer nonsense', body)).status).toBe(401);
    const onVideo = (await (
      await api(server, `/api/video/meetings/${network.meetingId}/participants`, motherCookie)
    ).json()) as OnVideoResponse;
    expect(onVideo.participantIds).not.toContain(intruder);
  });
});

describe('a Polyphony without LiveKit', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({
      env: { LIVEKIT_URL: '', LIVEKIT_API_KEY: '', LIVEKIT_API_SECRET: '' },
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('says plainly that video is not set up, and the meeting works', async () => {
    const config = (await (await api(server, '/api/video/config')).json()) as VideoConfigResponse;
    expect(config).toEqual({ enabled: false, message: expect.stringMatching(/not set up/) });
    const network = await startNetwork(server.url);
    const meeting = await api(server, `/api/meetings/${network.meetingId}`, network.cookie);
    expect(meeting.status).toBe(200);
    const refused = await token(server, network.meetingId, network.cookie);
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { error: string }).error).toBe('video_not_configured');
    const webhook = await fetch(`${server.url}/api/video/webhook`, { method: 'POST', body: '{}' });
    expect(webhook.status).toBe(503);
  });
});

const binary = livekitBinary();
if (!binary) warnLivekitMissing('video against a real LiveKit server');

describe.skipIf(!binary)('video against a real LiveKit server', () => {
  let livekit: LivekitProcess;
  let server: ServerProcess;
  let rooms: RoomServiceClient;
  let network: StartedNetwork;
  let motherCookie: string;
  let observerCookie: string;
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    const port = await freePort();
    livekit = await startLivekit({
      binary: binary!,
      webhookUrl: `http://127.0.0.1:${port}/api/video/webhook`,
    });
    server = await startServerProcess({ port, env: livekit.env });
    rooms = new RoomServiceClient(livekit.url.replace('ws', 'http'), livekit.apiKey, livekit.apiSecret);
    ({ network, motherCookie, observerCookie } = await videoNetwork(server));
  }, 60_000);
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server?.stop();
    await livekit?.stop();
  });

  /**
   * Join the room as LiveKit's signal connection does. Node has no WebRTC, but the participant exists
   * (and is listed) from the moment the signal connection is accepted, which is what removal acts on.
   */
  async function joinSignal(cookie: string): Promise<WebSocket> {
    const grant = (await (await token(server, network.meetingId, cookie)).json()) as VideoTokenResponse;
    const socket = new WebSocket(
      `${grant.url}/rtc?access_token=${grant.token}&protocol=15&sdk=js&auto_subscribe=1`,
    );
    sockets.push(socket);
    await new Promise((resolve, reject) => {
      socket.once('message', resolve);
      socket.once('error', reject);
    });
    return socket;
  }

  async function identities(): Promise<string[]> {
    try {
      return (await rooms.listParticipants(network.meetingId)).map((participant) => participant.identity);
    } catch {
      return [];
    }
  }

  it('the tokens work: members join the meeting room', async () => {
    // (LiveKit sends participant_joined only once media connects, which a signal-only client never does;
    // the browser test checks the webhook's record of who is on video.)
    await joinSignal(network.cookie);
    await joinSignal(motherCookie);
    const mother = network.people[1]!.participantId;
    const professional = network.people[0]!.participantId;
    await expect.poll(identities, { timeout: 5_000 }).toEqual(expect.arrayContaining([mother, professional]));
  });

  it('revoking a member removes them from the video room within 2 seconds', async () => {
    const mother = network.people[1]!.participantId;
    expect(await identities()).toContain(mother);
    const started = Date.now();
    const revoked = await api(
      server,
      `/api/networks/${network.networkId}/people/${mother}/revoke`,
      network.cookie,
      {
        method: 'POST',
      },
    );
    expect(revoked.ok).toBe(true);
    await expect.poll(identities, { timeout: 2_000, interval: 50 }).not.toContain(mother);
    const took = Date.now() - started;
    expect(took).toBeLessThan(2_000);
    console.log(`video: a revoked member left the LiveKit room ${took} ms after the revocation`);
    // The professional stays; the mother gets no new token.
    expect(await identities()).toContain(network.people[0]!.participantId);
    expect([401, 404]).toContain((await token(server, network.meetingId, motherCookie)).status);
  });

  it('a link revoked by the operator command also ends its video within 2 seconds', async () => {
    const observer = network.people[2]!.participantId;
    await joinSignal(observerCookie);
    await expect.poll(identities, { timeout: 5_000 }).toContain(observer);
    const cli = fileURLToPath(new URL('../../server/dist/cli.js', import.meta.url));
    const started = Date.now();
    await promisify(execFile)(process.execPath, [cli, 'revoke', observer], {
      env: { ...process.env, DATA_DIR: server.dataDir, LOG_LEVEL: 'warn' },
    });
    await expect.poll(identities, { timeout: 2_000, interval: 50 }).not.toContain(observer);
    console.log(
      `video: a link revoked by the operator command left the LiveKit room after ${Date.now() - started} ms`,
    );
  });
});
