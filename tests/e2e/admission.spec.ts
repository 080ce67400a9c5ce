/**
 * Letting someone new in (issue 18), in real Chromium against the real server, with three devices: a
 * newcomer on a phone, Anna (the person at the centre) on a phone and Kaisa (a nurse) on a laptop. The
 * newcomer asks with the code the meeting shows, waits seeing nothing of the network (the page, the API
 * and the socket all refuse them), everyone present sees them ask, and they are let in — or not.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, joinAs, type StartedNetwork, test } from './fixtures.js';
import { screenshotDir } from './networkMeeting.js';

const PHONE_360 = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
const LAPTOP = { viewport: { width: 1280, height: 800 } };
/** How soon a request shows on the pages of those present: far less than the slow poll (SLOW_POLL_MS, 30 s). */
const SOON_MS = 4000;

const PEOPLE = [
  { name: 'Anna', relation: '', role: 'person_at_centre' as const },
  { name: 'Kaisa', relation: 'psychiatric nurse', role: 'professional' as const },
];

/** What a newcomer's browser can reach of the network: the meeting API, the network API, the socket. */
async function reachable(page: Page, network: StartedNetwork) {
  return page.evaluate(
    async ({ meetingId, networkId }) => {
      const meeting = (await fetch(`/api/meetings/${meetingId}`)).status;
      const people = (await fetch(`/api/networks/${networkId}`)).status;
      const socket = await new Promise<string>((resolve) => {
        const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/sync/${meetingId}`);
        ws.onopen = () => resolve('open');
        ws.onclose = () => resolve('closed');
        setTimeout(() => resolve('timeout'), 5000);
      });
      return { meeting, people, socket };
    },
    { meetingId: network.meeting.id, networkId: network.network.id },
  );
}

/** Anna shows the code; its link, as the shared screen shows it. */
async function showCode(anna: Page): Promise<string> {
  await anna.getByTestId('ask-code-show').click();
  const link = anna.getByTestId('ask-code-link');
  await expect(link).toBeVisible();
  await expect(anna.getByTestId('ask-code').getByTestId('qr-code')).toBeVisible();
  return (await link.textContent()) ?? '';
}

/** A newcomer asks on a phone of their own; returns once they wait. */
async function ask(browser: Browser, url: string, name: string, relation: string) {
  const context: BrowserContext = await browser.newContext(PHONE_360);
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('ask-name').fill(name);
  await page.getByTestId('ask-relation').fill(relation);
  const askedAt = Date.now();
  await page.getByTestId('ask-send').click();
  await expect(page.getByTestId('ask-waiting')).toBeVisible();
  return { context, page, askedAt };
}

test('someone new asks, waits seeing nothing of the network, and is let in by the nurse', async ({
  browser,
  baseURL,
  startNetwork,
}) => {
  const network = await startNetwork({ people: PEOPLE });
  const anna = await joinAs(browser, baseURL!, network, 'Anna', '#8a4f7d', PHONE_360);
  const kaisa = await joinAs(browser, baseURL!, network, 'Kaisa', '#2f6f8f', LAPTOP);
  const url = await showCode(anna.page);
  expect(url).toMatch(/\/ask\/[A-Za-z0-9_-]{43}$/);
  await anna.page.screenshot({ path: `${screenshotDir}/admission-code-360.png`, fullPage: true });

  const kalle = await ask(browser, url, 'Kalle', 'neighbour');
  // The waiting page says who lets them in, and nothing of the network: no name, no document.
  await expect(kalle.page.getByTestId('ask-waiting')).toContainText(/person at the centre/i);
  // The whole page as served and rendered, hidden parts too.
  const seen = (await kalle.page.content()).toLowerCase();
  for (const secret of ['anna', 'kaisa', 'maria', 'first meeting', network.meeting.id.toLowerCase()]) {
    expect(seen).not.toContain(secret);
  }
  expect(await reachable(kalle.page, network)).toEqual({ meeting: 401, people: 401, socket: 'closed' });
  await kalle.page.screenshot({ path: `${screenshotDir}/admission-waiting-360.png` });

  // Everyone present sees who asks, at once: the server nudges their pages (message 18), well before
  // the slow poll (30 s) would look; both Anna and Kaisa may decide.
  for (const person of [anna, kaisa]) {
    await expect(person.page.getByTestId('asking-to-join')).toContainText('Kalle (neighbour) asks to join', {
      timeout: SOON_MS,
    });
  }
  console.log(`Kalle's request was on both pages ${Date.now() - kalle.askedAt} ms after he sent it`);
  await kaisa.page.screenshot({ path: `${screenshotDir}/admission-asking-1280.png` });
  await kaisa.page.getByTestId('asking-admit').click();
  // Anna's page hears of Kaisa's answer at once too.
  for (const person of [anna, kaisa]) {
    await expect(person.page.getByTestId('asking-to-join')).toHaveCount(0, { timeout: SOON_MS });
  }

  // Let in: their own personal link for later, then the meeting as themselves.
  await expect(kalle.page.getByTestId('ask-in')).toBeVisible({ timeout: 10_000 });
  const link = await kalle.page.getByTestId('ask-personal-link').inputValue();
  expect(link).toMatch(/\/join\/[A-Za-z0-9_-]{43}$/);
  await kalle.page.screenshot({ path: `${screenshotDir}/admission-in-360.png` });
  await kalle.page.getByTestId('ask-go').click();
  await expect(kalle.page.getByTestId('your-name')).toContainText('Kalle');
  await expect(kalle.page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  // Everyone present sees him come in, without reloading.
  for (const person of [anna, kaisa]) {
    await expect(person.page.getByTestId('who-is-here')).toContainText('Kalle');
  }

  // The log and the document's "Present" say who let whom in.
  const log = await (await kaisa.context.request.get(`/api/networks/${network.network.id}/activity`)).json();
  expect(log).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ kind: 'admitted', actor: expect.objectContaining({ name: 'Kaisa' }) }),
    ]),
  );
  expect(log.find((entry: { kind: string }) => entry.kind === 'admitted').subject.name).toBe('Kalle');
  await expect(async () => {
    const exported = await (
      await kaisa.context.request.get(`/api/meetings/${network.meeting.id}/export.md`)
    ).text();
    expect(exported).toMatch(/Kalle \(neighbour\)[^;\n]*let in by Kaisa/);
  }).toPass({ timeout: 10_000 });
  // The personal link works later, on another device.
  const later = await browser.newContext(LAPTOP);
  const again = await later.newPage();
  await again.goto(link);
  await expect(again.getByTestId('your-name')).toContainText('Kalle');
  for (const each of [anna, kaisa, kalle]) await each.context.close();
  await later.close();
});

test('someone new is not let in, and a code turned off lets no one ask', async ({
  browser,
  baseURL,
  startNetwork,
}) => {
  const network = await startNetwork({ people: PEOPLE });
  const anna = await joinAs(browser, baseURL!, network, 'Anna', '#8a4f7d', PHONE_360);
  // Kaisa reads Polyphony in Finnish: the server's refusal below reaches her in Finnish too.
  const kaisa = await joinAs(browser, baseURL!, network, 'Kaisa', '#2f6f8f', { ...LAPTOP, locale: 'fi-FI' });
  const url = await showCode(kaisa.page);
  const olli = await ask(browser, url, 'Olli', 'friend');
  await expect(anna.page.getByTestId('asking-to-join')).toContainText('Olli (friend) asks to join');
  await expect(kaisa.page.getByTestId('asking-to-join')).toContainText('Olli (friend) pyytää päästä mukaan');
  // Kaisa's page does not hear of Anna's answer in time (its looks fail), so she answers too: the server
  // refuses the second answer and her page says so instead of seeming to let Olli in.
  const stale = '**/api/meetings/*/admission';
  await kaisa.page.route(stale, (route) =>
    route.request().method() === 'GET' ? route.abort() : route.fallback(),
  );
  await anna.page.getByTestId('asking-refuse').click();
  await expect(olli.page.getByTestId('ask-refused')).toBeVisible({ timeout: 10_000 });
  await kaisa.page.getByTestId('asking-admit').click();
  await expect(kaisa.page.getByTestId('asking').getByRole('alert')).toHaveText(
    'Joku muu on jo vastannut tähän pyyntöön.',
  );
  await kaisa.page
    .getByTestId('asking')
    .screenshot({ path: `${screenshotDir}/admission-already-answered-fi.png` });
  await kaisa.page.unroute(stale);
  await expect(kaisa.page.getByTestId('asking-to-join')).toHaveCount(0);
  // Refused, they still reach nothing, and no one called Olli is in the network.
  expect(await reachable(olli.page, network)).toEqual({ meeting: 401, people: 401, socket: 'closed' });
  const detail = await (await kaisa.context.request.get(`/api/networks/${network.network.id}`)).json();
  expect(detail.people.map((person: { name: string }) => person.name)).not.toContain('Olli');
  const log = await (await kaisa.context.request.get(`/api/networks/${network.network.id}/activity`)).json();
  expect(log.find((entry: { kind: string }) => entry.kind === 'join_refused')).toMatchObject({
    actor: { name: 'Anna' },
    subject: null,
  });

  // Turned off, the code lets no one ask.
  await kaisa.page.getByTestId('ask-code-off').click();
  await expect(kaisa.page.getByTestId('ask-code-show')).toBeVisible();
  const late = await browser.newContext(PHONE_360);
  const page = await late.newPage();
  await page.goto(url);
  await page.getByTestId('ask-name').fill('Late');
  await page.getByTestId('ask-send').click();
  await expect(page.getByTestId('ask-problem')).toContainText('no longer works');
  for (const each of [anna, kaisa, olli]) await each.context.close();
  await late.close();
});
