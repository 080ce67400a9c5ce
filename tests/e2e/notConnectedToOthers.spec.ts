/**
 * When the person's server cannot reach the other servers of a deployment (Redis is away), it says so
 * with its "relay" message (type 17), and the status says "Not connected to the others" beside "Saved"
 * until the server says it reaches them again. The server's side of this (that it sends the message when
 * Redis goes away and comes back) is tests/integration/readiness.test.ts; here a WebSocket route plays
 * that server's message into the real page, in English and in Finnish.
 */
import type { WebSocketRoute } from '@playwright/test';
import { expect, test, typeInto } from './fixtures.js';

const RELAY = 17;

test('the status says “Not connected to the others” while the server cannot reach them, and edits are still saved', async ({
  browser,
  baseURL,
  startNetwork,
}) => {
  const network = await startNetwork({ title: 'Apart' });
  const context = await browser.newContext({ baseURL });
  await context.addInitScript(() => localStorage.setItem('polyphony.name', 'Anna'));
  const page = await context.newPage();
  const routes: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/sync\//, (route) => {
    const server = route.connectToServer();
    route.onMessage((message) => server.send(message));
    server.onMessage((message) => route.send(message));
    routes.push(route);
  });
  await page.goto(network.linkOf('Anna'));
  const status = page.getByTestId('save-status');
  await expect(status).toHaveAttribute('data-status', 'saved');
  await expect(page.getByTestId('not-connected-to-others')).toHaveCount(0);

  for (const route of routes) route.send(Buffer.from([RELAY, 0]));
  await expect(page.getByTestId('not-connected-to-others')).toHaveText(
    'Not connected to the others — they do not see your changes yet',
  );
  await expect(status).toHaveAttribute('data-apart', 'true');
  // Edits are still saved on this server, and the status says both.
  await typeInto(page, 'dialogue', 'Saved, but not seen elsewhere yet');
  await expect(status).toHaveAttribute('data-status', 'saved');
  await expect(status).toContainText('Saved');
  await expect(page.getByTestId('not-connected-to-others')).toBeVisible();

  for (const route of routes) route.send(Buffer.from([RELAY, 1]));
  await expect(page.getByTestId('not-connected-to-others')).toHaveCount(0);
  await expect(status).not.toHaveAttribute('data-apart', 'true');
  await context.close();
});

test('“not connected to the others” is said in the reader’s language', async ({
  browser,
  baseURL,
  startNetwork,
}) => {
  const network = await startNetwork({ title: 'Erillään' });
  const context = await browser.newContext({ baseURL, locale: 'fi-FI' });
  await context.addInitScript(() => localStorage.setItem('polyphony.name', 'Anna'));
  const page = await context.newPage();
  await page.routeWebSocket(/\/sync\//, (route) => {
    const server = route.connectToServer();
    route.onMessage((message) => server.send(message));
    server.onMessage((message) => route.send(message));
    // As a server that could not reach the others when this person joined.
    route.send(Buffer.from([RELAY, 0]));
  });
  await page.goto(network.linkOf('Anna'));
  await expect(page.getByTestId('not-connected-to-others')).toHaveText(
    'Ei yhteyttä muihin — he eivät vielä näe muutoksiasi',
  );
  await context.close();
});
