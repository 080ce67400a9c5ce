/**
 * Staff sign-in without an identity provider (issue 17), in Chromium against the real built server and
 * the real operator command: `polyphony staff add` → the sign-in link → the team page.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from './fixtures.js';
import { type RunningServer, repoRoot, startServer } from './server.js';

const run = promisify(execFile);
let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

test('staff add prints a sign-in link; opening it signs the professional in, on the team page', async ({
  page,
}) => {
  const added = await run(
    process.execPath,
    [
      path.join(repoRoot, 'server/dist/cli.js'),
      'staff',
      'add',
      '--team',
      'Crisis team North',
      '--name',
      'Maria Virtanen',
      '--email',
      'maria@pohjola.fi',
      '--admin',
    ],
    { env: { ...process.env, DATA_DIR: server.dataDir, PUBLIC_URL: server.url, LOG_LEVEL: 'warn' } },
  );
  const link = /https?:\/\/\S+\/staff\/\S+/.exec(added.stdout)?.[0];
  expect(link, added.stdout).toBeTruthy();

  await page.goto(link!);
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
  await again.goto(link!);
  await expect(again).toHaveURL(/\/link-problem\?reason=revoked$/);
  await again.goto(`${server.url}/team`);
  await expect(again.getByRole('heading', { level: 1 })).toHaveText('You are not signed in');
  await other.close();
});
