/**
 * Staff sign-in without an identity provider (issue 17), in Chromium against the real built server and
 * the real operator command: `polyphony staff add` → the sign-in link → the team page.
 */
import { openDatabase } from '@polyphony/server/persistence/database';
import { expect, test } from './fixtures.js';
import { operatorOf } from './operator.js';
import { type RunningServer, startServer } from './server.js';

let server: RunningServer;
const { addStaff, addStaffLink } = operatorOf(() => server);

test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

test('staff add prints a sign-in link; opening it signs the professional in, on the team page', async ({
  page,
}) => {
  const link = await addStaffLink(
    '--team',
    'Crisis team North',
    '--name',
    'Maria Virtanen',
    '--email',
    'maria@pohjola.fi',
    '--admin',
  );

  await page.goto(link);
  // The token is gone from the address bar: the team page.
  await expect(page).toHaveURL(`${server.url}/team`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Crisis team North');
  await expect(page.getByTestId('signed-in-as')).toHaveText('Signed in as Maria Virtanen (maria@pohjola.fi)');
  await expect(page.getByText('The team has no networks yet.')).toBeVisible();
  // The session cookie is HttpOnly: the page's scripts cannot read it.
  expect(await page.evaluate(() => document.cookie)).not.toContain('polyphony_session');
  const cookies = await page.context().cookies();
  expect(cookies.find((cookie) => cookie.name.includes('polyphony_session'))?.httpOnly).toBe(true);

  // The link opens once: again, it says the link no longer works, and signs nobody in.
  const other = await page.context().browser()!.newContext();
  const again = await other.newPage();
  await again.goto(link);
  await expect(again).toHaveURL(/\/link-problem\?reason=revoked$/);
  await again.goto(`${server.url}/team`);
  await expect(again.getByRole('heading', { level: 1 })).toHaveText('You are not signed in');
  await other.close();
});

test('an expired link: the kind page asks the team; the professional sends a new link; the relative is back in', async ({
  browser,
}) => {
  const added = await addStaff('--team', 'Crisis team South', '--name', 'Sara', '--email', 'sara@pohjola.fi');
  const staff = await browser.newContext();
  const sara = await staff.newPage();
  await sara.goto(added.link.url);
  await expect(sara).toHaveURL(`${server.url}/team`);
  // Sara starts Anna's network from her team session, with Anna's mother Liisa.
  const started = await sara.request.post(`${server.url}/api/networks`, {
    data: {
      centreName: 'Anna',
      me: { name: 'Sara', relation: '', role: 'professional' },
      people: [{ name: 'Liisa', relation: 'mother', role: 'network_member' }],
    },
    headers: { origin: server.url },
  });
  expect(started.status()).toBe(201);
  const network = (await started.json()) as {
    network: { id: string };
    invitations: { url: string; participant: { id: string; name: string } }[];
  };
  const liisaLink = network.invitations.find((each) => each.participant.name === 'Liisa')!;
  // Staff are in through their team: only Liisa's link is handed out.
  expect(network.invitations).toHaveLength(1);
  // Liisa's link lapses.
  const db = openDatabase(server.dataDir);
  db.prepare('UPDATE invitations SET expires_at = ? WHERE participant_id = ?').run(
    new Date(Date.now() - 1000).toISOString(),
    liisaLink.participant.id,
  );
  db.close();

  const family = await browser.newContext();
  const liisa = await family.newPage();
  await liisa.goto(liisaLink.url);
  await expect(liisa.getByTestId('link-problem')).toHaveAttribute('data-reason', 'expired');
  await liisa.getByRole('button', { name: 'Ask the team for a new link' }).click();
  await expect(liisa.getByRole('status')).toHaveText(
    'The team has been asked. One of its professionals will send you a new link.',
  );

  await sara.reload();
  await expect(sara.getByTestId('link-requests')).toHaveText('Liisa asked for a new link');
  const reissued = await sara.request.post(
    `${server.url}/api/networks/${network.network.id}/people/${liisaLink.participant.id}/reissue`,
    {
      headers: { origin: server.url },
    },
  );
  expect(reissued.status()).toBe(201);
  await sara.reload();
  await expect(sara.getByTestId('link-requests')).toHaveCount(0);

  await liisa.goto(((await reissued.json()) as { url: string }).url);
  await expect(liisa).toHaveURL(/\/m\/[A-Za-z0-9_-]+$/);
  await sara.goto(`${server.url}/n/${network.network.id}`);
  const log = sara.getByTestId('activity');
  for (const line of ['Liisa asked for a new link', 'Sara gave Liisa a new link', 'Liisa joined']) {
    await expect(log).toContainText(line);
  }
  await staff.close();
  await family.close();
});
