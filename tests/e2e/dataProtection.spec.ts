/**
 * Data protection in real Chromium against the real server: after an erasure a member's browser that
 * comes back holds no IndexedDB copy with what was erased; a revoked observer's page says so within
 * 2 s and its copy is gone; leaving the device and an idle session each end the page's access and say
 * so; a link opened from another site asks before switching person; a planted session value does not
 * survive opening a link; reads made from the pages are in the activity log.
 */
import http from 'node:http';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, joinAs, type Person, startNetworkWith, test, typeInto } from './fixtures.js';
import { type RunningServer, startServer } from './server.js';

/** What the page's IndexedDB holds of a meeting's copy: whether it exists, and whether it holds `text`. */
async function localCopy(
  page: Page,
  meetingId: string,
  text: string,
): Promise<{ exists: boolean; holds: boolean }> {
  return page.evaluate(
    async ({ name, text }) => {
      const databases = await indexedDB.databases();
      if (!databases.some((database) => database.name === name)) return { exists: false, holds: false };
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      let holds = false;
      for (const store of [...db.objectStoreNames]) {
        const values = await new Promise<unknown[]>((resolve) => {
          const request = db.transaction(store, 'readonly').objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => resolve([]);
        });
        for (const value of values) {
          const bytes =
            value instanceof Uint8Array ? value : value instanceof ArrayBuffer ? new Uint8Array(value) : null;
          if (bytes && new TextDecoder().decode(bytes).includes(text)) holds = true;
        }
      }
      db.close();
      return { exists: true, holds };
    },
    { name: `polyphony-meeting-${meetingId}`, text },
  );
}

/** Every Polyphony meeting copy in this browser's IndexedDB. */
async function copies(page: Page): Promise<string[]> {
  return page.evaluate(async () =>
    (await indexedDB.databases())
      .map((database) => database.name ?? '')
      .filter((name) => name.startsWith('polyphony-meeting-')),
  );
}

/**
 * Write a canary into a section in one go (as a paste would): one Yjs item, so that its bytes lie together
 * in the browser's copy, where they can be looked for. Typed key by key, each letter is an update of its own.
 */
async function writeCanary(page: Page, canary: string): Promise<void> {
  await page.getByTestId('editor-dialogue').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText(canary);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
}

const canaryOf = (label: string) => `canary-${label}-${Math.random().toString(36).slice(2, 9)}`;

test('an erased network: a member’s browser that comes back holds no copy with what was written', async ({
  page,
  browser,
  baseURL,
  startNetwork,
}) => {
  const network = await startNetwork({ context: page.context(), title: 'To be erased' });
  const canary = canaryOf('network');
  const liisa = await joinAs(browser, baseURL!, network, 'Liisa');
  await writeCanary(liisa.page, canary);
  await expect
    .poll(() => localCopy(liisa.page, network.meeting.id, canary))
    .toEqual({ exists: true, holds: true });
  // Liisa goes away; her browser keeps its copy.
  await liisa.page.goto('/link-problem');
  expect((await localCopy(liisa.page, network.meeting.id, canary)).holds).toBe(true);

  await page.goto(`/n/${network.network.id}`);
  await page.getByRole('button', { name: 'Erase this network…' }).click();
  const what = page.getByTestId('erase-network').getByTestId('erase-what');
  await expect(what).toContainText('This erases Anna’s network for good');
  await expect(what).toContainText('Liisa');
  await expect(what).toContainText('1 meeting and everything written in it');
  await page.getByRole('button', { name: 'Erase Anna’s network' }).click();
  await expect(page.getByTestId('network-erased')).toContainText('The network was erased');

  // Liisa comes back, by the meeting's address: her browser deletes its copy, and is told why.
  const back = await liisa.context.newPage();
  await back.goto(network.meeting.path);
  await expect(back.getByRole('heading', { name: 'This meeting is no longer here' })).toBeVisible();
  await expect.poll(() => copies(back)).toEqual([]);
  await liisa.context.close();
});

test('a person erased with their words removed: another member’s open page loads again without them', async ({
  page,
  browser,
  baseURL,
  startNetwork,
}) => {
  const network = await startNetwork({ context: page.context(), title: 'Erasing a person' });
  const canary = canaryOf('person');
  const liisa = await joinAs(browser, baseURL!, network, 'Liisa');
  const kaisa = await joinAs(browser, baseURL!, network, 'Kaisa');
  await writeCanary(liisa.page, canary);
  await expect
    .poll(() => localCopy(kaisa.page, network.meeting.id, canary))
    .toEqual({ exists: true, holds: true });

  await page.goto(`/n/${network.network.id}`);
  const person = page.getByTestId('person').filter({ hasText: 'Liisa' });
  await person.getByRole('button', { name: 'Erase Liisa' }).click();
  await expect(person.getByTestId('erase-what')).toContainText(
    'This erases Liisa (mother) from the network for good',
  );
  const confirm = person.getByTestId('erase-confirm');
  // What happens to her words is chosen, not assumed.
  await expect(confirm).toBeDisabled();
  await person.getByTestId('erase-words-remove').check();
  await confirm.click();
  await expect(page.getByTestId('people')).not.toContainText('Liisa');
  await expect(page.getByTestId('activity').locator('li').first()).toContainText(
    'Maria erased a person’s details',
  );

  // Kaisa's open meeting deletes its copy and loads the rewritten document; her words are gone.
  await expect(kaisa.page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved', {
    timeout: 15_000,
  });
  await expect(kaisa.page.getByTestId('editor-dialogue')).not.toContainText(canary);
  await expect
    .poll(() => localCopy(kaisa.page, network.meeting.id, canary))
    .toEqual({ exists: true, holds: false });
  // Liisa's own page says she can no longer see it, and her copy is gone.
  await expect(liisa.page.getByTestId('meeting-ended')).toBeVisible({ timeout: 5_000 });
  await expect.poll(() => copies(liisa.page)).toEqual([]);
  await liisa.context.close();
  await kaisa.context.close();
});

test('a revoked observer’s page says so within 2 s and their browser’s copy is gone', async ({
  browser,
  baseURL,
  startNetwork,
  request,
}) => {
  const network = await startNetwork({
    title: 'Observed',
    people: [
      { name: 'Anna', relation: '', role: 'person_at_centre' },
      { name: 'Olli', relation: 'student nurse', role: 'observer' },
    ],
  });
  const canary = canaryOf('observer');
  const anna = await joinAs(browser, baseURL!, network, 'Anna');
  await writeCanary(anna.page, canary);
  const context = await browser.newContext({ baseURL });
  const olli = await context.newPage();
  await olli.goto(network.linkOf('Olli'));
  await expect(olli.getByTestId('editor-dialogue')).toContainText(canary);
  await expect.poll(() => localCopy(olli, network.meeting.id, canary)).toEqual({ exists: true, holds: true });

  const anna2 = anna.context.request;
  const olliId = network.invitations.find((i) => i.participant.name === 'Olli')!.participant.id;
  const revokedAt = Date.now();
  expect((await anna2.post(`/api/networks/${network.network.id}/people/${olliId}/revoke`)).status()).toBe(
    200,
  );
  await expect(olli.getByRole('heading', { name: 'This link was revoked' })).toBeVisible({ timeout: 2_000 });
  console.log(`[revoke] the observer's page said so after ${Date.now() - revokedAt} ms`);
  await expect(olli.getByTestId('editor-dialogue')).toHaveCount(0);
  await expect.poll(() => copies(olli), { timeout: 2_000 }).toEqual([]);
  void request;
  await context.close();
  await anna.context.close();
});

test('leaving this device ends the session, closes the other tab’s meeting, and deletes the copies', async ({
  browser,
  baseURL,
  startNetwork,
}) => {
  const network = await startNetwork({ title: 'Shared tablet' });
  const canary = canaryOf('leave');
  const liisa = await joinAs(browser, baseURL!, network, 'Liisa');
  await writeCanary(liisa.page, canary);
  const other = await liisa.context.newPage();
  await other.goto(network.meeting.path);
  await expect(other.getByTestId('editor-dialogue')).toContainText(canary);

  await liisa.page.getByTestId('leave-device').click();
  await expect(liisa.page.getByRole('dialog')).toContainText(
    'the copy of the meetings this device kept is deleted',
  );
  await liisa.page.getByTestId('leave-device-confirm').click();
  await expect(liisa.page).toHaveURL(/\/left$/);
  await expect(liisa.page.getByRole('heading', { name: 'You have left this device' })).toBeVisible();
  // The other tab is told at once (its socket closed with 4401), and shows nothing of the meeting.
  await expect(other.getByRole('heading', { name: 'Your session on this device has ended' })).toBeVisible({
    timeout: 3_000,
  });
  await expect(other.getByTestId('editor-dialogue')).toHaveCount(0);
  await expect.poll(() => copies(liisa.page)).toEqual([]);
  const api = await liisa.context.request.get(`/api/networks/${network.network.id}`);
  expect(api.status()).toBe(401);
  expect(
    (await liisa.context.cookies()).filter((cookie) => cookie.name.includes('polyphony_session')),
  ).toEqual([]);
  // Back does not show it again.
  await liisa.page.goBack();
  await expect(liisa.page.getByTestId('editor-dialogue')).toHaveCount(0);
  await liisa.context.close();
});

test('a link opened from another site asks before switching person; typed in, it does not', async ({
  browser,
  baseURL,
  startNetwork,
}) => {
  const network = await startNetwork({ title: 'Who is who' });
  const liisa = await joinAs(browser, baseURL!, network, 'Liisa');
  // Another site (another host name) with a link to Kaisa's personal link.
  const port = new URL(baseURL!).port;
  const site = http.createServer((_request, response) => {
    response.setHeader('content-type', 'text/html');
    response.end(`<a id="go" href="${network.linkOf('Kaisa')}">a link</a>`);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const sitePort = (site.address() as { port: number }).port;
  try {
    const page = liisa.page;
    for (const choice of ['stay', 'become'] as const) {
      await page.goto(`http://localhost:${sitePort}/`);
      await page.click('#go');
      await expect(page).toHaveURL(`http://127.0.0.1:${port}/switch-person`);
      await expect(page.getByTestId('switch-person')).toContainText(
        'This device is Liisa (mother) in Anna’s network. The link you opened is for Kaisa (psychiatric nurse).',
      );
      if (choice === 'stay') {
        await page.getByRole('button', { name: 'Stay as Liisa' }).click();
        await expect(page.getByTestId('your-name')).toHaveText('Liisa');
      } else {
        await page.getByRole('button', { name: 'Continue as Kaisa' }).click();
        await expect(page.getByTestId('your-name')).toHaveText('Kaisa');
      }
    }
    // Opened directly (typed in, from the address bar): no question.
    await page.goto(network.linkOf('Liisa'));
    await expect(page.getByTestId('your-name')).toHaveText('Liisa');
  } finally {
    site.close();
    await liisa.context.close();
  }
});

test('a planted session value does not survive opening a link', async ({
  browser,
  baseURL,
  startNetwork,
}) => {
  const attacker = await startNetworkWith((await browser.newContext({ baseURL })).request, baseURL!, {
    centreName: 'Mallory',
  });
  const network = await startNetwork({ title: 'Planted' });
  // The attacker's own valid session value, planted in the victim's browser.
  const planted = attacker.invitations[0]!;
  const attackerContext = await browser.newContext({ baseURL });
  await attackerContext.request.get(planted.url, { maxRedirects: 0 });
  const value = (await attackerContext.cookies()).find((c) => c.name === 'polyphony_session')!.value;
  const victim = await browser.newContext({ baseURL });
  await victim.addCookies([{ name: 'polyphony_session', value, url: baseURL! }]);
  const page = await victim.newPage();
  await page.goto(network.linkOf('Liisa'));
  await expect(page.getByTestId('your-name')).toHaveText('Liisa');
  const now = (await victim.cookies()).find((c) => c.name === 'polyphony_session')!.value;
  expect(now).not.toBe(value);
  // The planted value opens nothing of Liisa's network.
  expect((await attackerContext.request.get(`/api/networks/${network.network.id}`)).status()).toBe(401);
  await attackerContext.close();
  await victim.close();
});

test('reads from the pages — opening a meeting, a version, the agreed view, a search — are in the activity log', async ({
  page,
  startNetwork,
}) => {
  const network = await startNetwork({ context: page.context(), title: 'Read and logged' });
  await page.goto(network.meeting.path);
  await typeInto(page, 'dialogue', 'Something to find later');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await page.getByTestId('close-meeting').click();
  await page.getByTestId('confirm-close').click();
  await expect(page.getByTestId('closed-banner')).toBeVisible();
  await page.getByTestId('meeting-menu').click();
  await page.getByTestId('open-history').click();
  await page.getByTestId('version-open').first().click();
  await expect(page.getByTestId('version-view')).toBeVisible();
  await page.getByTestId('version-back').click();
  await page.getByTestId('history-agreed').click();
  // The agreed view loads its code and then the agreed state (the read that is logged): wait for its text.
  await expect(page.getByTestId('agreed-view')).toContainText('Something to find later');
  await page.goto(`/n/${network.network.id}`);
  await page.getByTestId('search-input').fill('find later');
  await page.getByTestId('search-submit').click();
  await expect(page.getByTestId('search-hit')).toHaveCount(1);
  await page.reload();
  const log = page.getByTestId('activity');
  for (const line of [
    'Maria opened an earlier version of meeting 1',
    'Maria viewed meeting 1 as agreed',
    'Maria searched the meetings',
    'Maria opened the network page',
    'Maria viewed meeting 1',
  ]) {
    await expect(log).toContainText(line);
  }
  await expect(log).not.toContainText('find later');
});

test.describe('sessions that end by themselves', () => {
  let server: RunningServer;
  test.beforeAll(async () => {
    // Four seconds without use end a session, for the test.
    server = await startServer({ env: { SESSION_IDLE_MINUTES: '0.07' } });
  });
  test.afterAll(async () => {
    await server.stop();
  });

  test('an idle session closes the open meeting and the page says what happened and how to come back', async ({
    browser,
  }) => {
    const context: BrowserContext = await browser.newContext({ baseURL: server.url });
    const network = await startNetworkWith(context.request, server.url, { title: 'Left on the table' });
    const person: Person = await joinAs(browser, server.url, network, 'Liisa');
    // Someone typing keeps it alive well past the limit.
    for (let n = 0; n < 6; n++) {
      await typeInto(person.page, 'dialogue', 'x');
      await person.page.waitForTimeout(1_000);
    }
    await expect(person.page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
    // Left alone, it ends: the document goes, the page says why and what to do.
    const ended = person.page.getByTestId('meeting-ended');
    await expect(ended).toBeVisible({ timeout: 8_000 });
    await expect(ended).toContainText('Your session on this device has ended');
    await expect(ended).toContainText('was not used for');
    await expect(ended).toContainText('open your personal link again');
    await expect(person.page.getByTestId('editor-dialogue')).toHaveCount(0);
    // Opening the link again brings the person back.
    await person.page.goto(network.linkOf('Liisa'));
    await expect(person.page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
    await person.context.close();
    await context.close();
  });
});
