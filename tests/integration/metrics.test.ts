/**
 * GET /metrics, scraped from a real server process with Redis as an operator's Prometheus would: the
 * text parses, every metric the README lists is there, the values move when ten people type, and the
 * metrics are refused without the operator token (and served on METRICS_PORT only, when that is set).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, type TestClient, waitFor, waitForSaved, waitForSync } from './helpers/clients.js';
import { parsePrometheus, type Scrape } from './helpers/prometheus.js';
import { readmeTable } from './helpers/readme.js';
import { type RedisProcess, redisAvailable, startRedis } from './helpers/redisProcess.js';
import {
  freePort,
  openLink,
  type ServerProcess,
  type StartedNetwork,
  startNetwork,
  startServerProcess,
} from './helpers/serverProcess.js';
import { missingService } from './helpers/services.js';

const TOKEN = 'operator-token-for-the-metrics-test';

/** Every metric the README's metrics table names ("### Metrics"), with its type. */
const LISTED = readmeTable('### Metrics').map(([name, type]) => ({ name: name ?? '', type }));

async function scrape(url: string, token: string | undefined = TOKEN): Promise<Scrape> {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheus(await response.text());
}

const withRedis = redisAvailable();
if (!withRedis) missingService('metrics', 'redis-server is not installed; run scripts/services.sh');

describe.skipIf(!withRedis)('GET /metrics', () => {
  let redis: RedisProcess;
  let server: ServerProcess;
  let network: StartedNetwork;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    server = await startServerProcess({ env: { METRICS_TOKEN: TOKEN, REDIS_URL: redis.url } });
    network = await startNetwork(server.url, {
      people: [{ name: 'Eeva', relation: 'mother', role: 'network_member' }],
    });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
    await redis?.stop();
  });

  it('is refused without the operator token, with a wrong one, and as a page', async () => {
    const url = `${server.url}/metrics`;
    const without = await fetch(url);
    expect(without.status).toBe(401);
    expect(without.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await without.json()).toMatchObject({ error: 'unauthorized' });
    const wrong = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);
    const basic = await fetch(url, {
      headers: { authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}` },
    });
    expect(basic.status).toBe(401);
    // A member's session cookie is not the operator's token either.
    const member = await fetch(url, { headers: { cookie: network.cookie } });
    expect(member.status).toBe(401);
    for (const response of [without, wrong, basic, member]) {
      expect(await response.text().catch(() => '')).not.toMatch(/polyphony_sync/);
    }
  });

  it('lists every metric in the Prometheus text format, and the values move when ten people type', async () => {
    const url = `${server.url}/metrics`;
    const before = await scrape(url);
    expect(LISTED.length).toBeGreaterThanOrEqual(13);
    for (const { name, type } of LISTED) {
      expect(before.types.get(name), `${name}, a ${type} in the README, is served as one`).toBe(type);
    }
    expect(before.value('polyphony_sync_open_sockets')).toBe(0);

    // Ten people type twenty keystrokes each, with "saved" acknowledgements, as the browser client does.
    for (let i = 0; i < 10; i++) {
      clients.push(connectClient(server.wsUrl, network.meetingId, { cookie: network.cookie, ack: true }));
    }
    await Promise.all(clients.map((client) => waitForSync(client)));
    for (let key = 0; key < 20; key++) {
      for (const [i, client] of clients.entries()) {
        client.doc.getText('notes').insert(0, String.fromCharCode(97 + i));
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await Promise.all(clients.map((client) => waitForSaved(client, 10_000)));
    // The relay lag is measured once a second, through Redis and back.
    await new Promise((resolve) => setTimeout(resolve, 1200));

    const during = await scrape(url);
    const grew = (name: string, labels?: Record<string, string>) =>
      (during.value(name, labels) ?? 0) - (before.value(name, labels) ?? 0);
    expect(during.value('polyphony_sync_open_sockets')).toBe(10);
    expect(during.value('polyphony_sync_loaded_meetings')).toBe(1);
    // 200 updates in, besides the sync steps and presence; each relayed to nine others.
    expect(grew('polyphony_sync_messages_received_total')).toBeGreaterThanOrEqual(200);
    expect(grew('polyphony_sync_messages_sent_total')).toBeGreaterThanOrEqual(200 * 9);
    expect(grew('polyphony_store_commit_seconds_count')).toBeGreaterThan(0);
    expect(grew('polyphony_store_commit_seconds_sum')).toBeGreaterThan(0);
    expect(grew('polyphony_store_commit_updates_sum')).toBeGreaterThanOrEqual(200);
    expect(grew('polyphony_sync_saved_seconds_count')).toBeGreaterThan(0);
    expect(grew('polyphony_sync_saved_seconds_sum')).toBeGreaterThan(0);
    expect(during.value('polyphony_store_commit_seconds_bucket', { le: '+Inf' })).toBe(
      during.value('polyphony_store_commit_seconds_count'),
    );
    expect(during.value('polyphony_store_errors_total', { operation: 'append' })).toBe(0);
    const lag = during.value('polyphony_redis_relay_lag_seconds') ?? -1;
    expect(lag).toBeGreaterThan(0);
    expect(lag).toBeLessThan(1);
    expect(during.value('process_resident_memory_bytes')).toBeGreaterThan(10 * 1024 * 1024);
    expect(during.value('nodejs_eventloop_lag_p99_seconds')).toBeGreaterThan(0);

    // Closes by code: Eeva's link revoked (4403, by the server) and five people leaving (by their client).
    const eeva = network.people.find((person) => person.name === 'Eeva')!;
    const { cookie: eevaCookie } = await openLink(eeva.url);
    const eevaClient = connectClient(server.wsUrl, network.meetingId, { cookie: eevaCookie! });
    clients.push(eevaClient);
    await waitForSync(eevaClient);
    const revoked = await fetch(
      `${server.url}/api/networks/${network.networkId}/people/${eeva.participantId}/revoke`,
      {
        method: 'POST',
        headers: { cookie: network.cookie },
      },
    );
    expect(revoked.status).toBe(200);
    for (const client of clients.slice(0, 5)) client.provider.ws?.close(1000);
    await waitFor(() => clients.slice(0, 5).every((client) => !client.provider.wsconnected), 'five to leave');
    for (const client of clients.slice(0, 5)) client.destroy();
    // The revocation reaches the socket within a second (the access sweep).
    let after = await scrape(url);
    for (
      let tries = 0;
      tries < 50 && after.value('polyphony_sync_closes_total', { code: '4403' }) !== 1;
      tries++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await scrape(url);
    }
    expect(after.value('polyphony_sync_closes_total', { code: '4403' })).toBe(1);
    expect(after.value('polyphony_sync_closes_total', { code: '1000' })).toBe(5);
    expect(after.value('polyphony_sync_open_sockets')).toBe(5);
  });

  it('with METRICS_PORT, they are served on that port only', async () => {
    const metricsPort = await freePort();
    const separate = await startServerProcess({ env: { METRICS_PORT: String(metricsPort) } });
    try {
      const scraped = await scrape(`http://127.0.0.1:${metricsPort}/metrics`, undefined);
      expect(scraped.types.get('polyphony_sync_open_sockets')).toBe('gauge');
      // Not on the main port, and not the single-page app either.
      const main = await fetch(`${separate.url}/metrics`);
      expect(main.status).toBe(404);
      expect(await main.json()).toMatchObject({ error: 'not_found' });
      expect((await fetch(`http://127.0.0.1:${metricsPort}/api/health`)).status).toBe(404);
    } finally {
      await separate.stop();
    }
  });
});
