/**
 * The whole meeting through a real TLS reverse proxy, in Chromium: the README's Caddy example and its
 * nginx example, each run word for word (only ports, addresses and the certificate put in) in front of a
 * real server on 127.0.0.1, under the public name polyphony.example.org. Chromium trusts the proxies'
 * CAs for real, through a certificate database of its own (no --ignore-certificate-errors): a page that
 * loads at all was served over TLS it verified. Through each proxy: the personal links are https ones and
 * work, live sync runs over wss:// both ways, "saved" arrives, the session cookie is Secure and HttpOnly,
 * a video token is minted, the Markdown export downloads, and revoking a link closes that person's socket
 * through the proxy (the close code reaches the page, which says so).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, expect, type Page, test } from '@playwright/test';
import { readmeExample } from '../integration/helpers/readme.js';
import { type ServerProcess, startServerProcess } from '../integration/helpers/serverProcess.js';
import { missingService } from '../integration/helpers/services.js';
import { editor, typeInto } from './fixtures.js';
import {
  browserHomeTrusting,
  freeLoopbackPort,
  missingProxyTools,
  PUBLIC_NAME,
  type RunningProxy,
  startCaddy,
  startNginx,
} from './tlsProxies.js';

const missing = missingProxyTools();
if (missing) missingService('e2e behind TLS reverse proxies', missing);

/** Test keys for the video token: the server signs with them and never calls LiveKit for a token. */
const VIDEO_ENV = {
  LIVEKIT_URL: 'wss://livekit.example.org',
  LIVEKIT_API_KEY: 'polyphonytest',
  LIVEKIT_API_SECRET: 'polyphony-test-secret-of-at-least-32-characters',
};

/** Who issued each proxy's certificate: Caddy's own local CA, and the one tlsProxies.ts makes for nginx. */
const ISSUERS = { caddy: /^Caddy Local Authority/, nginx: /^Polyphony test CA$/ };

interface Started {
  network: { id: string };
  meeting: { id: string; path: string };
  invitations: { url: string; participant: { id: string; name: string } }[];
}

/** A fetch from inside the page: through Chromium, the proxy, the page's cookies and Origin. */
async function pageFetch(page: Page, url: string, init: { method: string; json?: unknown }) {
  return page.evaluate(
    async ({ url, method, json }) => {
      const response = await fetch(url, {
        method,
        headers: json === undefined ? {} : { 'content-type': 'application/json' },
        body: json === undefined ? undefined : JSON.stringify(json),
      });
      const text = await response.text();
      return { status: response.status, text };
    },
    { url, method: init.method, json: init.json },
  );
}

/** The claims of a JWT (not verified: the server signed it; LiveKit would verify it). */
function jwtClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

test.describe('behind a TLS reverse proxy', () => {
  test.skip(!!missing, missing ?? '');
  test.setTimeout(120_000);

  let dir: string;
  const proxies: Record<'caddy' | 'nginx', RunningProxy | undefined> = { caddy: undefined, nginx: undefined };
  const servers: Record<'caddy' | 'nginx', ServerProcess | undefined> = {
    caddy: undefined,
    nginx: undefined,
  };
  let browser: Browser;

  test.beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyphony-proxies-'));
    for (const name of ['caddy', 'nginx'] as const) {
      const ports = { https: await freeLoopbackPort(), http: await freeLoopbackPort() };
      const proxyDir = path.join(dir, name);
      fs.mkdirSync(proxyDir);
      // The server is told its public address and that a proxy is in front, as the README's checklist says.
      const server = await startServerProcess({
        env: { PUBLIC_URL: `https://${PUBLIC_NAME}:${ports.https}`, TRUST_PROXY: '1', ...VIDEO_ENV },
      });
      servers[name] = server;
      const options = { upstreamPort: server.port, ports, dir: proxyDir };
      proxies[name] =
        name === 'caddy'
          ? await startCaddy({ ...options, example: readmeExample('Caddyfile') })
          : await startNginx({ ...options, example: readmeExample('nginx') });
    }
    const home = browserHomeTrusting(path.join(dir, 'browser-home'), {
      'Caddy local CA (test)': proxies.caddy!.caFile,
      'nginx test CA': proxies.nginx!.caFile,
    });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-gpu',
        // The public name is this machine; nothing else about the connection is faked.
        `--host-resolver-rules=MAP ${PUBLIC_NAME} 127.0.0.1`,
      ],
      env: { ...process.env, HOME: home },
    });
  });

  test.afterAll(async () => {
    await browser?.close();
    for (const name of ['caddy', 'nginx'] as const) {
      await proxies[name]?.stop();
      await servers[name]?.stop();
    }
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const name of ['caddy', 'nginx'] as const) {
    test(`${name}: links, live sync over wss, Secure cookies, video token, export, and a revoked link closes the socket`, async () => {
      const proxy = proxies[name]!;
      const base = proxy.url;
      const contexts: BrowserContext[] = [];
      try {
        const maria = await browser.newContext({ baseURL: base, acceptDownloads: true, locale: 'en-US' });
        contexts.push(maria);
        const mariaPage = await maria.newPage();
        const sockets: string[] = [];
        mariaPage.on('websocket', (socket) => sockets.push(socket.url()));
        // The start page, over TLS Chromium verified (an untrusted certificate fails this navigation).
        const landing = await mariaPage.goto('/');
        expect(landing?.status()).toBe(200);
        expect(landing?.url()).toBe(`${base}/`);
        const security = await landing?.securityDetails();
        expect(security?.protocol).toMatch(/^TLS 1\.[23]$/);
        expect(security?.issuer).toMatch(ISSUERS[name]);

        const started = await pageFetch(mariaPage, '/api/networks', {
          method: 'POST',
          json: {
            centreName: 'Anna',
            me: { name: 'Maria', relation: 'psychiatric nurse', role: 'professional' },
            people: [{ name: 'Eeva', relation: 'mother', role: 'network_member' }],
          },
        });
        expect(started.status, started.text).toBe(201);
        const network = JSON.parse(started.text) as Started;
        // Personal links point at the address people use, over https.
        for (const invitation of network.invitations) {
          expect(invitation.url.startsWith(`${base}/join/`), invitation.url).toBe(true);
        }

        // The session cookie, set through the proxy: Secure (and __Host- where that prefix is used).
        const cookies = await maria.cookies();
        const session = cookies.find((cookie) => /^(__Host-)?polyphony_session$/.test(cookie.name));
        expect(session, JSON.stringify(cookies)).toBeTruthy();
        expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
        if (session?.name.startsWith('__Host-')) expect(session.domain).toBe(PUBLIC_NAME);

        await mariaPage.goto(network.meeting.path);
        await expect(mariaPage.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');

        // Eeva opens her link on her own device.
        const eevaContext = await browser.newContext({ locale: 'en-US' });
        contexts.push(eevaContext);
        const eeva = await eevaContext.newPage();
        const eevaInvitation = network.invitations.find(
          (invitation) => invitation.participant.name === 'Eeva',
        )!;
        await eeva.goto(eevaInvitation.url);
        await expect(eeva).toHaveURL(`${base}${network.meeting.path}`);
        const eevaCookie = (await eevaContext.cookies()).find((cookie) =>
          cookie.name.endsWith('polyphony_session'),
        );
        expect(eevaCookie?.secure).toBe(true);
        await expect(eeva.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');

        // Live sync over wss:// through the proxy, both ways, each saved.
        expect(sockets.length).toBeGreaterThan(0);
        for (const socket of sockets) expect(socket.startsWith(`wss://${PUBLIC_NAME}:`), socket).toBe(true);
        await typeInto(mariaPage, 'dialogue', `Maria, through ${name}.`);
        await expect(editor(eeva, 'dialogue')).toContainText(`Maria, through ${name}.`);
        await typeInto(eeva, 'dialogue', ' Eeva answers.');
        await expect(editor(mariaPage, 'dialogue')).toContainText('Eeva answers.');
        for (const page of [mariaPage, eeva]) {
          await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
        }

        // A video token, minted for Maria's session through the proxy.
        const token = await pageFetch(mariaPage, `/api/video/meetings/${network.meeting.id}/token`, {
          method: 'POST',
        });
        expect(token.status, token.text).toBe(200);
        const { token: jwt } = JSON.parse(token.text) as { token: string };
        const claims = jwtClaims(jwt);
        expect(claims.sub).toBe(network.invitations[0]?.participant.id);
        expect(claims.video).toMatchObject({ room: network.meeting.id, roomJoin: true });

        // The Markdown export, downloaded by Chromium through the proxy.
        await mariaPage.getByTestId('meeting-menu').click();
        const [download] = await Promise.all([
          mariaPage.waitForEvent('download'),
          mariaPage.getByTestId('download-markdown').click(),
        ]);
        const exported = fs.readFileSync((await download.path()) as string, 'utf8');
        expect(exported).toContain(`Maria, through ${name}.`);
        expect(exported).toContain('Eeva answers.');

        // Maria revokes Eeva's link: the server closes Eeva's socket, and the close reaches her page.
        const revokedAt = Date.now();
        const revoked = await pageFetch(
          mariaPage,
          `/api/networks/${network.network.id}/people/${eevaInvitation.participant.id}/revoke`,
          { method: 'POST' },
        );
        expect(revoked.status, revoked.text).toBe(200);
        await expect(eeva.getByText('This link was revoked')).toBeVisible({ timeout: 3_000 });
        console.log(
          `[${name}] a revoked link closed the socket through the proxy in ${Date.now() - revokedAt} ms`,
        );
      } catch (error) {
        console.log(`${name} output:\n${proxy.output()}`);
        throw error;
      } finally {
        for (const context of contexts) await context.close();
      }
    });
  }
});
