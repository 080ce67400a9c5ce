/**
 * "Saved" is shown only after the server acknowledged the edit: the server's "saved" messages (type 16)
 * are held back by a WebSocket route, and the status must stay "saving" until they are let through.
 */
import type { WebSocketRoute } from '@playwright/test';
import { expect, test, typeInto } from './fixtures.js';

const SAVED = 16;

test('the status reads “Saved” only once the server has acknowledged the edit', async ({
  browser,
  baseURL,
  startNetwork,
}) => {
  const network = await startNetwork({ title: 'Acknowledged' });
  let holding = false;
  const held: { route: WebSocketRoute; message: string | Buffer }[] = [];
  let savedSeen = 0;

  const context = await browser.newContext({ baseURL });
  await context.addInitScript(() => localStorage.setItem('polyphony.name', 'Anna'));
  const page = await context.newPage();
  await page.routeWebSocket(/\/sync\//, (route) => {
    const server = route.connectToServer();
    route.onMessage((message) => server.send(message));
    server.onMessage((message) => {
      const isSaved = typeof message !== 'string' && message[0] === SAVED;
      if (isSaved) savedSeen++;
      if (isSaved && holding) held.push({ route, message });
      else route.send(message);
    });
  });
  // Anna opens her personal link, which lands on the meeting.
  await page.goto(network.linkOf('Anna'));
  await expect(page.getByTestId('your-name')).toContainText('Anna');
  const status = page.getByTestId('save-status');
  await expect(status).toHaveAttribute('data-status', 'saved');

  holding = true;
  const before = savedSeen;
  await typeInto(page, 'dialogue', 'Only saved when the server says so');
  await expect(status).toHaveAttribute('data-status', 'saving');
  await expect(status).toHaveText(/Saving/);
  // The server did acknowledge (the route saw it), yet the page, not having received it, keeps saying so.
  await expect.poll(() => savedSeen).toBeGreaterThan(before);
  await page.waitForTimeout(1000);
  await expect(status).toHaveAttribute('data-status', 'saving');
  expect(
    await page.evaluate(() => window.dispatchEvent(new Event('beforeunload', { cancelable: true }))),
  ).toBe(false);

  holding = false;
  for (const { route, message } of held.splice(0)) route.send(message);
  await expect(status).toHaveAttribute('data-status', 'saved');
  await expect(status).toHaveText(/Saved/);
  expect(
    await page.evaluate(() => window.dispatchEvent(new Event('beforeunload', { cancelable: true }))),
  ).toBe(true);
  await context.close();
});
