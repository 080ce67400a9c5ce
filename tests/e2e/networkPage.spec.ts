/**
 * The network page: the meetings on a timeline, the people with their links' states, the activity log
 * that every member sees; revoking and re-issuing links; links that do not work.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, joinAs, PHONE, screenshotDir, test } from './fixtures.js';

const person = (page: Page, name: string) =>
  page.getByTestId('person').and(page.locator(`[data-name="${name}"]`));

test('every member sees the timeline, the people with their links, and the activity log', async ({
  page,
  browser,
  baseURL,
  startNetwork,
}) => {
  // Maria, a professional, started the network in this browser.
  const network = await startNetwork({ context: page.context(), title: 'First meeting, at home' });
  // Liisa, Anna's mother, opens her link on her phone and lands in the meeting, the token gone.
  const liisa = await joinAs(browser, baseURL!, network, 'Liisa', '#1f6f8b', PHONE);
  expect(liisa.page.url()).toBe(`${baseURL}${network.meeting.path}`);

  await page.goto(`/n/${network.network.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Anna’s network');
  await expect(page.getByTestId('network-link')).toHaveAttribute('aria-current', 'page');

  // The timeline: meeting 1, open, who was there, a way in.
  const meeting = page.getByTestId('timeline-meeting');
  await expect(meeting).toHaveCount(1);
  await expect(meeting).toContainText('Meeting 1: First meeting, at home');
  await expect(meeting).toContainText('Open');
  await expect(meeting).toContainText('Liisa');
  await expect(meeting.getByRole('link', { name: 'Go to meeting 1' })).toHaveAttribute(
    'href',
    network.meeting.path,
  );

  // The people, with their relation, role, when they were last here and their link.
  await expect(page.getByTestId('person')).toHaveCount(4);
  await expect(person(page, 'Maria')).toContainText('(you)');
  await expect(person(page, 'Liisa')).toContainText('mother · network member');
  await expect(person(page, 'Liisa')).toContainText('Last here');
  await expect(person(page, 'Anna')).toContainText('Not here yet');
  for (const name of ['Anna', 'Liisa', 'Kaisa']) {
    await expect(person(page, name).getByTestId('link-state')).toHaveText(/^Link works until/);
    await expect(person(page, name).getByRole('button', { name: `Revoke ${name}’s link` })).toBeVisible();
  }
  await expect(person(page, 'Maria').getByRole('button')).toHaveCount(0);

  // The log, in plain sentences, newest first.
  const log = page.getByTestId('activity');
  await expect(log).toContainText('Liisa joined');
  await expect(log).toContainText('Maria invited Anna');
  await expect(log).toContainText('Maria started meeting 1');
  await expect(log).toContainText('Maria started the network');
  // Newest first. Liisa opening the meeting is a read of the record, in the log right after she joined
  // (every opening of a meeting is logged); Maria opening this page may come first or not.
  const lines = await log.locator('li').allTextContents();
  const joined = lines.findIndex((line) => line.includes('Liisa joined'));
  expect(joined).toBeGreaterThan(-1);
  expect(lines.findIndex((line) => line.includes('Liisa viewed meeting 1'))).toBe(joined - 1);
  expect(lines.findIndex((line) => line.includes('Maria invited Kaisa'))).toBeGreaterThan(joined);
  await page.screenshot({ path: path.join(screenshotDir, 'network-desktop.png'), fullPage: true });

  // Liisa sees the same page on her phone, the log included; she may not revoke or invite.
  await liisa.page.goto(`/n/${network.network.id}`);
  await expect(liisa.page.getByTestId('activity')).toContainText('Liisa joined');
  await expect(liisa.page.getByTestId('timeline-meeting')).toContainText('Liisa');
  await expect(liisa.page.getByRole('button', { name: /Revoke/ })).toHaveCount(0);
  await expect(liisa.page.getByRole('heading', { name: 'Invite someone' })).toHaveCount(0);
  await expect(liisa.page.getByRole('button', { name: 'Start the next meeting' })).toHaveCount(0);
  const overflow = await liisa.page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
  await liisa.page.screenshot({ path: path.join(screenshotDir, 'network-phone.png'), fullPage: true });
  await liisa.page.screenshot({ path: path.join(screenshotDir, 'network-phone-top.png') });

  // Maria on a phone too: the buttons fit and are big enough for a thumb.
  await page.setViewportSize({ width: 390, height: 844 });
  const revoke = await person(page, 'Liisa')
    .getByRole('button', { name: 'Revoke Liisa’s link' })
    .boundingBox();
  expect(revoke!.height).toBeGreaterThanOrEqual(44);
  await page.screenshot({ path: path.join(screenshotDir, 'network-phone-professional.png'), fullPage: true });
  await liisa.context.close();
});

test('revoking a person closes their open meeting page; a new link for them works', async ({
  page,
  browser,
  baseURL,
  startNetwork,
}) => {
  const network = await startNetwork({ context: page.context() });
  const kaisa = await joinAs(browser, baseURL!, network, 'Kaisa');
  const oldLink = network.linkOf('Kaisa');
  await page.goto(`/n/${network.network.id}`);

  await person(page, 'Kaisa').getByRole('button', { name: 'Revoke Kaisa’s link' }).click();
  await expect(person(page, 'Kaisa')).toContainText('Kaisa will no longer be able to open');
  const revokedAt = Date.now();
  await page.getByRole('button', { name: 'Yes, revoke the link' }).click();
  await expect(kaisa.page.getByText('This link was revoked')).toBeVisible({ timeout: 2_000 });
  console.log(`[revoke] Kaisa's open meeting said so after ${Date.now() - revokedAt} ms`);
  await expect(person(page, 'Kaisa').getByTestId('link-state')).toHaveText('Link revoked');
  await expect(page.getByTestId('activity').locator('li').first()).toContainText(
    'Maria revoked Kaisa’s link',
  );

  // Her old link now says what happened, and what to do.
  const again = await kaisa.context.newPage();
  await again.goto(oldLink);
  await expect(again).toHaveURL(/\/link-problem\?reason=revoked$/);
  await expect(again.getByRole('heading', { name: 'This link was revoked' })).toBeVisible();
  await expect(again.getByTestId('link-problem')).toContainText('Ask the person who invited you');
  await kaisa.context.close();

  // A new link, shown once with Copy and a QR code, lets her in again.
  await person(page, 'Kaisa').getByRole('button', { name: 'Make a new link for Kaisa' }).click();
  const card = person(page, 'Kaisa').getByTestId('invitation');
  await expect(card).toBeVisible();
  await expect(card.getByTestId('qr-code')).toBeVisible();
  await expect(card.getByRole('button', { name: 'Copy Kaisa’s link' })).toBeVisible();
  const newLink = await card.getByTestId('invitation-url').inputValue();
  expect(newLink).not.toBe(oldLink);
  await expect(person(page, 'Kaisa').getByTestId('link-state')).toHaveText(/^Link works until/);
  await expect(page.getByTestId('activity').locator('li').first()).toContainText(
    'Maria gave Kaisa a new link',
  );
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(screenshotDir, 'network-reissued.png'), fullPage: true });

  const device = await browser.newContext({ baseURL });
  const back = await device.newPage();
  await back.goto(newLink);
  await expect(back).toHaveURL(`${baseURL}${network.meeting.path}`);
  await device.close();
  await person(page, 'Kaisa').getByRole('button', { name: 'Done' }).click();
  await expect(person(page, 'Kaisa').getByTestId('invitation')).toHaveCount(0);
});

test('inviting someone gives a working link; the next meeting joins the timeline', async ({
  page,
  browser,
  baseURL,
  startNetwork,
}) => {
  const network = await startNetwork({ context: page.context() });
  await page.goto(`/n/${network.network.id}`);
  const invite = page.getByRole('region', { name: 'Invite someone' });
  await invite.getByRole('button', { name: 'Make a personal link' }).click();
  await expect(invite.getByRole('alert')).toHaveText(/name of the person/);
  await invite.getByLabel('Name of the person').fill('Pekka');
  await invite.getByLabel('Relation').fill('grandfather');
  await invite.getByRole('button', { name: 'Make a personal link' }).click();
  const card = invite.getByTestId('invitation');
  await expect(card).toHaveAttribute('data-name', 'Pekka');
  const link = await card.getByTestId('invitation-url').inputValue();
  await expect(person(page, 'Pekka')).toContainText('grandfather · network member');
  await expect(page.getByTestId('activity')).toContainText('Maria invited Pekka');

  const device = await browser.newContext({ baseURL });
  const pekka = await device.newPage();
  await pekka.goto(link);
  await expect(pekka).toHaveURL(`${baseURL}${network.meeting.path}`);
  await device.close();

  await page.getByRole('button', { name: 'Start the next meeting' }).click();
  await expect(page).toHaveURL(/\/m\/[A-Za-z0-9_-]{22}$/);
  expect(page.url()).not.toContain(network.meeting.id);
  await page.goto(`/n/${network.network.id}`);
  await expect(page.getByTestId('timeline-meeting')).toHaveCount(2);
  await expect(page.getByTestId('timeline-meeting').first()).toContainText('Meeting 2');
  await expect(page.getByTestId('activity')).toContainText('Maria started meeting 2');
});

test('a link that does not work, and a browser without a session, say plainly what to do', async ({
  page,
  startNetwork,
}) => {
  await page.goto('/join/not-a-real-link');
  await expect(page).toHaveURL(/\/link-problem\?reason=invalid$/);
  await expect(page.getByRole('heading', { name: 'This link does not work' })).toBeVisible();
  await expect(page.getByTestId('link-problem')).toContainText('Ask the person who invited you');
  await page.goto('/link-problem?reason=expired');
  await expect(page.getByRole('heading', { name: 'This link has expired' })).toBeVisible();

  // This browser never opened a link of the network: the network page asks for the personal link.
  const network = await startNetwork();
  await page.goto(`/n/${network.network.id}`);
  await expect(page.getByRole('heading', { name: 'Please open your personal link again' })).toBeVisible();
  await page.screenshot({ path: path.join(screenshotDir, 'open-link-again.png'), fullPage: true });
});
