/**
 * Staff sign-in with the organisation's identity provider (issue 17, SPEC.md [OI1]–[OI6]), in Chromium:
 * the real built server with OIDC_* settings, and the real `oidc-provider` on 127.0.0.1 started by this
 * spec, whose own login, consent and sign-out pages the browser goes through. A professional signs in
 * from the start page, lands on the team page, starts Anna's network with Anna and her mother, and signs
 * out; a second professional of the team signs in and sees the network; a sign-in from an address the
 * team does not allow gets the refusal page.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startIdentityProvider, type TestIdentityProvider } from '../setup/identityProvider.js';
import { expect, screenshotDir, test } from './fixtures.js';
import { operatorOf } from './operator.js';
import { freePort, type RunningServer, startServer } from './server.js';

let provider: TestIdentityProvider;
let server: RunningServer;
const { polyphony, addStaffLink } = operatorOf(() => server);

test.beforeAll(async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  provider = await startIdentityProvider({
    accounts: {
      maria: { email: 'maria@pohjola.fi', email_verified: true, name: 'Maria Virtanen' },
      sara: { email: 'sara@pohjola.fi', email_verified: true, name: 'Sara Laine' },
      eero: { email: 'eero@example.com', email_verified: true, name: 'Eero' },
      olli: { email: 'olli@kunta.example', email_verified: true, name: 'Olli Salo' },
    },
    redirectUris: [`${url}/auth/callback`],
    postLogoutRedirectUris: [`${url}/`],
  });
  server = await startServer({
    port,
    env: {
      PUBLIC_URL: url,
      OIDC_ISSUER: provider.issuer.href,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
    },
  });
  await polyphony('team', 'allow', '--team', 'Crisis team North', '--domain', 'pohjola.fi');
});
test.afterAll(async () => {
  await server?.stop();
  await provider?.close();
});

/** Through the provider's own login and consent pages, as `login` (any password). */
async function throughProvider(page: Page, login: string) {
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer.origin}/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('a professional signs in with the organisation, starts a network, signs out; a colleague sees it', async ({
  browser,
}) => {
  const maria = await browser.newContext({ baseURL: server.url });
  const page = await maria.newPage();
  await page.goto('/');
  const signIn = page.getByRole('link', { name: 'Sign in with your organisation' });
  await expect(signIn).toBeVisible();
  await signIn.click();
  await throughProvider(page, 'maria');

  // The team page, signed in as the provider says.
  await expect(page).toHaveURL(`${server.url}/team`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Crisis team North');
  await expect(page.getByTestId('signed-in-as')).toHaveText('Signed in as Maria Virtanen (maria@pohjola.fi)');
  await expect(page.getByText('The team has no networks yet.')).toBeVisible();

  // Maria starts Anna's network from the start page, inside her team, with Anna and her mother Liisa.
  await page.goto('/');
  await page.getByLabel('Whose network is this?').fill('Anna');
  await page.getByLabel('Your name, as you wish to be called').fill('Maria Virtanen');
  await expect(page.getByLabel('Name of person 1')).toHaveValue('Anna');
  await page.getByRole('button', { name: '+ Add a person' }).click();
  await page.getByLabel('Name of person 2').fill('Liisa');
  await page.getByLabel('Relation (optional)').nth(1).fill('mother');
  await page.getByRole('button', { name: 'Start the meeting now' }).click();
  await expect(page.getByRole('heading', { name: 'The meeting has started' })).toBeVisible();
  // Maria is in through her team: the links are Anna's and Liisa's, and none is called hers.
  await expect(page.getByRole('button', { name: 'Copy Anna’s link' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy Liisa’s link' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy your link' })).toHaveCount(0);

  await page.goto('/team');
  await expect(page.getByTestId('team-network').getByRole('link')).toHaveText(['Anna’s network']);
  await page.screenshot({ path: path.join(screenshotDir, 'oidc-team-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: path.join(screenshotDir, 'oidc-team-360.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Signing out ends Polyphony's session and, on the provider's own page, the provider's.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer.origin}/`));
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(page).toHaveURL(`${server.url}/`);
  await page.goto('/team');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are not signed in');
  // The provider's session ended too: signing in again asks for the login once more.
  await page.getByRole('link', { name: 'Sign in with your organisation' }).click();
  await expect(page.locator('input[name="login"]')).toBeVisible();
  await maria.close();

  // Sara, of the same team, signs in on her own computer and sees Anna's network.
  const sara = await browser.newContext({ baseURL: server.url });
  const hers = await sara.newPage();
  await hers.goto('/team');
  await hers.getByRole('link', { name: 'Sign in with your organisation' }).click();
  await throughProvider(hers, 'sara');
  await expect(hers).toHaveURL(`${server.url}/team`);
  await expect(hers.getByTestId('signed-in-as')).toHaveText('Signed in as Sara Laine (sara@pohjola.fi)');
  await hers.getByRole('link', { name: 'Anna’s network' }).click();
  await expect(hers).toHaveURL(/\/n\/[A-Za-z0-9_-]+$/);
  const activity = hers.getByTestId('activity');
  await expect(activity).toContainText('Sara Laine began working with the network, from the team');
  await sara.close();
});

test('a sign-in from an address the team does not allow is refused with a clear page', async ({
  browser,
}) => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 360, height: 740 },
  ]) {
    const eero = await browser.newContext({ baseURL: server.url, viewport });
    const page = await eero.newPage();
    await page.goto('/');
    const signIn = page.getByRole('link', { name: 'Sign in with your organisation' });
    await expect(signIn).toBeVisible();
    await expect(page.getByTestId('start-turned-off')).toBeVisible();
    await page.screenshot({ path: path.join(screenshotDir, `oidc-start-${viewport.width}.png`) });
    await signIn.click();
    await throughProvider(page, 'eero');
    await expect(page).toHaveURL(`${server.url}/sign-in-refused?reason=not-allowed`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Your sign-in does not open a team here',
    );
    await expect(page.getByText('Nobody was signed in, and no network was opened.')).toBeVisible();
    await page.screenshot({
      path: path.join(screenshotDir, `oidc-refused-${viewport.width}.png`),
      fullPage: true,
    });
    // No session came of it: the team page says so.
    await page.goto('/team');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are not signed in');
    await eero.close();
  }
  // The page in another language: Finnish.
  const fi = await browser.newContext({ baseURL: server.url, locale: 'fi-FI' });
  const page = await fi.newPage();
  await page.goto('/sign-in-refused?reason=not-allowed');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Kirjautumisesi ei avaa täällä yhtään tiimiä',
  );
  await fi.close();
});

test('a team admin invites an address the team’s domain does not cover, and its owner signs in', async ({
  browser,
}) => {
  // Ulla, the team's admin, signs in with the link `staff add --admin` printed.
  const link = await addStaffLink(
    '--team',
    'Crisis team North',
    '--name',
    'Ulla Admin',
    '--email',
    'ulla@pohjola.fi',
    '--admin',
  );
  const ulla = await browser.newContext({ baseURL: server.url, viewport: { width: 360, height: 740 } });
  const page = await ulla.newPage();
  await page.goto(link);
  await expect(page).toHaveURL(`${server.url}/team`);
  const form = page.getByTestId('team-invite');
  await form.getByLabel('Their work e-mail address').fill('olli@kunta.example');
  await form.getByRole('button', { name: 'Invite' }).click();
  await expect(form.getByRole('status')).toHaveText(
    'olli@kunta.example can now sign in with the organisation and join the team.',
  );
  await page.screenshot({ path: path.join(screenshotDir, 'oidc-invite-360.png'), fullPage: true });
  await ulla.close();

  // Olli, at an address the domain rule does not cover, is let in because he was invited.
  const olli = await browser.newContext({ baseURL: server.url });
  const his = await olli.newPage();
  await his.goto('/team');
  await his.getByRole('link', { name: 'Sign in with your organisation' }).click();
  await throughProvider(his, 'olli');
  await expect(his).toHaveURL(`${server.url}/team`);
  await expect(his.getByTestId('signed-in-as')).toHaveText('Signed in as Olli Salo (olli@kunta.example)');
  await olli.close();
});
