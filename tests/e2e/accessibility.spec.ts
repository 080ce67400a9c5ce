/**
 * axe-core on every page (issue 18): WCAG 2.0/2.1 A and AA and WCAG 2.2 AA, at 360 px and 1280 px, with
 * no violations — the start page, a network's page, a meeting live, a closed meeting with its history and
 * its "as agreed" view, the team page and a staff sign-in link's page, the ask-to-join page, and the page
 * a link that no longer works lands on; the meeting also as an observer sees it (read only); the print page;
 * the pages a device that left, a person switch with nothing pending, a refused organisation sign-in and an
 * unknown address show. No rule is excluded.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { StartNetworkResponse } from '@polyphony/shared';
import { expect, test } from './fixtures.js';
import { screenshotDir, waitUntilEditable } from './networkMeeting.js';
import { operatorOf } from './operator.js';
import { type RunningServer, startServer } from './server.js';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SIZES = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
] as const;

let server: RunningServer;
const { addStaffLink } = operatorOf(() => server);
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

/** The violations axe finds on the page as it is now, at both sizes, each said in one line. */
async function violationsOf(page: Page, name: string): Promise<string[]> {
  const found: string[] = [];
  for (const size of SIZES) {
    await page.setViewportSize(size);
    // Two frames, so that the layout of the new width is the one checked.
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    for (const violation of results.violations) {
      const where = violation.nodes
        .map((node) => `${node.target.join(' ')}: ${node.failureSummary}`)
        .join(' | ');
      found.push(`${name} at ${size.width} px: ${violation.id} (${violation.impact}) — ${where}`);
    }
    await page.screenshot({ path: `${screenshotDir}/axe-${name}-${size.width}.png` });
  }
  return found;
}

test('axe finds no WCAG 2.2 A/AA violation on any page, at 360 and 1280 px', async ({ browser }) => {
  test.setTimeout(240_000);
  const violations: string[] = [];
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();

  // The start page.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  violations.push(...(await violationsOf(page, 'start')));

  // A link that no longer works.
  await page.goto('/link-problem?reason=revoked');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  violations.push(...(await violationsOf(page, 'link-problem')));

  // The pages without a network behind them: a device that left, a person switch with nothing pending,
  // an organisation sign-in refused, an address that is no page.
  for (const [address, name] of [
    ['/left', 'left'],
    ['/switch-person', 'switch-person-none'],
    ['/sign-in-refused?reason=not-allowed', 'sign-in-refused'],
    ['/no-such-page', 'not-a-page'],
  ] as const) {
    await page.goto(address);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    violations.push(...(await violationsOf(page, name)));
  }

  // The team page, signed in with a staff sign-in link; then that link again (it opens once).
  const staffLink = await addStaffLink(
    '--team',
    'Crisis team North',
    '--name',
    'Maria',
    '--email',
    'maria@example.org',
    '--admin',
  );
  const staff = await browser.newContext({ baseURL: server.url });
  const staffPage = await staff.newPage();
  await staffPage.goto(staffLink);
  await expect(staffPage).toHaveURL(`${server.url}/team`);
  await expect(staffPage.getByTestId('signed-in-as')).toBeVisible();
  violations.push(...(await violationsOf(staffPage, 'team')));
  await page.goto(staffLink);
  await expect(page).toHaveURL(/\/link-problem\?reason=/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  violations.push(...(await violationsOf(page, 'staff-link-used')));
  await page.goto('/team');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  violations.push(...(await violationsOf(page, 'team-signed-out')));

  // A network started by a professional: its page, and its meeting live.
  const response = await staffPage.request.post('/api/networks', {
    data: {
      centreName: 'Anna',
      meetingTitle: 'First meeting',
      me: { name: 'Maria', relation: 'psychiatrist', role: 'professional' },
      people: [
        { name: 'Anna', relation: '', role: 'person_at_centre' },
        { name: 'Liisa', relation: 'mother', role: 'network_member' },
        { name: 'Olli', relation: 'nursing student', role: 'observer' },
      ],
    },
  });
  expect(response.status()).toBe(201);
  const started = (await response.json()) as StartNetworkResponse;
  const anna = await browser.newContext({ baseURL: server.url });
  const annaPage = await anna.newPage();
  await annaPage.goto(started.invitations.find((each) => each.participant.name === 'Anna')!.url);
  await waitUntilEditable(annaPage);
  await annaPage.getByTestId('add-dialogue').click();
  await annaPage.keyboard.type('The nights are the hardest.');
  await expect(annaPage.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  violations.push(...(await violationsOf(annaPage, 'meeting-live')));
  await annaPage.getByTestId('meeting-menu').click();
  violations.push(...(await violationsOf(annaPage, 'meeting-menu-open')));
  await annaPage.keyboard.press('Escape');

  // An observer's meeting: read only, the phases cannot be pressed (the row itself takes focus instead).
  const olli = await browser.newContext({ baseURL: server.url });
  const olliPage = await olli.newPage();
  await olliPage.goto(started.invitations.find((each) => each.participant.name === 'Olli')!.url);
  await expect(olliPage.getByTestId('editor-dialogue')).toContainText('The nights are the hardest.');
  violations.push(...(await violationsOf(olliPage, 'meeting-observer')));
  await olli.close();

  // Someone new asks to join with the meeting's code: the ask page, and its waiting page.
  await annaPage.getByTestId('ask-code-show').click();
  const askUrl = (await annaPage.getByTestId('ask-code-link').textContent()) ?? '';
  const newcomer = await browser.newContext({ baseURL: server.url });
  const askPage = await newcomer.newPage();
  await askPage.goto(askUrl);
  await expect(askPage.getByTestId('ask-name')).toBeVisible();
  violations.push(...(await violationsOf(askPage, 'ask-to-join')));
  await askPage.getByTestId('ask-name').fill('Kalle');
  await askPage.getByTestId('ask-relation').fill('neighbour');
  await askPage.getByTestId('ask-send').click();
  await expect(askPage.getByTestId('ask-waiting')).toBeVisible();
  violations.push(...(await violationsOf(askPage, 'ask-waiting')));
  await expect(annaPage.getByTestId('asking-to-join')).toBeVisible();
  violations.push(...(await violationsOf(annaPage, 'meeting-someone-asks')));

  // The meeting's print page, as Anna opens it from the menu.
  await annaPage.goto(`${started.meeting.path}/print`);
  await expect(annaPage.getByTestId('print-document')).toContainText('The nights are the hardest.');
  // The row above the page has the language and "Leave this device"; the print toolbar does not repeat it.
  await expect(annaPage.getByTestId('leave-device')).toHaveCount(1);
  violations.push(...(await violationsOf(annaPage, 'print')));

  // The network's page.
  await annaPage.goto(`/n/${started.network.id}`);
  await expect(annaPage.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(annaPage.getByTestId('timeline')).toBeVisible();
  violations.push(...(await violationsOf(annaPage, 'network')));

  // The meeting closed by the professional: its banner, its history, and the version as agreed.
  await staffPage.goto(started.meeting.path);
  await waitUntilEditable(staffPage);
  await staffPage.getByTestId('close-meeting').click();
  await staffPage.getByTestId('confirm-close').click();
  await expect(staffPage.getByTestId('closed-banner')).toBeVisible();
  violations.push(...(await violationsOf(staffPage, 'meeting-closed')));
  await staffPage.getByTestId('meeting-menu').click();
  await staffPage.getByTestId('open-history').click();
  await expect(staffPage.getByTestId('history-panel')).toBeVisible();
  await expect(staffPage.getByTestId('versions').locator('li').first()).toBeVisible();
  violations.push(...(await violationsOf(staffPage, 'meeting-history')));
  await staffPage.getByTestId('history-agreed').click();
  await expect(staffPage.getByTestId('agreed-view')).toBeVisible();
  violations.push(...(await violationsOf(staffPage, 'agreed-view')));

  expect(violations, violations.join('\n')).toEqual([]);
  for (const each of [context, staff, anna, newcomer]) await each.close();
});
