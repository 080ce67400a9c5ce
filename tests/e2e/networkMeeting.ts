/**
 * Helpers of the meeting-document specs: start a network through the API in a browser context (so that
 * context holds the starter's session cookie), open other people's personal links in contexts of their
 * own (a phone-sized one for a relative), and act on the meeting page as a person would.
 */
import path from 'node:path';
import { type Browser, type BrowserContext, test as base, expect, type Page } from '@playwright/test';
import type { Invitation, PersonInput, StartNetworkResponse } from '@polyphony/shared';
import { repoRoot } from './server.js';

/** Where the run saves its screenshots (gitignored). */
export const screenshotDir = path.join(repoRoot, 'tests/e2e/screenshots');

/** `test` with the running server as baseURL. */
export const test = base.extend({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  baseURL: async ({}, use) => {
    const url = process.env.POLYPHONY_E2E_URL;
    if (!url) throw new Error('POLYPHONY_E2E_URL is not set: run through playwright.config.ts');
    await use(url);
  },
});
export { expect };

/** A person on their own device. */
export interface Person {
  context: BrowserContext;
  page: Page;
}

/** A phone: the size of a common one, touch, mobile viewport. */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};

/** A started network: the starter already in the meeting, and everyone's invitation. */
export interface StartedNetwork {
  started: StartNetworkResponse;
  starter: Person;
  /** The invitation of the person with this name. */
  invitationOf(name: string): Invitation;
}

/** Start a network as `me` on a desktop browser, with `people` invited; the starter opens the meeting. */
export async function startNetwork(
  browser: Browser,
  baseURL: string,
  me: PersonInput,
  people: PersonInput[],
  centreName = 'Anna',
): Promise<StartedNetwork> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  const response = await context.request.post('/api/networks', {
    data: { centreName, meetingTitle: 'First meeting', me, people },
  });
  expect(response.status()).toBe(201);
  const started = (await response.json()) as StartNetworkResponse;
  const page = await context.newPage();
  await page.goto(started.meeting.path);
  await waitUntilEditable(page);
  return {
    started,
    starter: { context, page },
    invitationOf(name) {
      const invitation = started.invitations.find((each) => each.participant.name === name);
      if (!invitation) throw new Error(`nobody called ${name} was invited`);
      return invitation;
    },
  };
}

/** Open a personal link on a device of its own; lands on the meeting page. */
export async function openLink(
  browser: Browser,
  baseURL: string,
  invitation: Invitation,
  device: 'phone' | 'desktop' = 'desktop',
): Promise<Person> {
  const context = await browser.newContext(
    device === 'phone' ? { baseURL, ...PHONE } : { baseURL, viewport: { width: 1280, height: 800 } },
  );
  const page = await context.newPage();
  await page.goto(invitation.url);
  await expect(page).toHaveURL(/\/m\/[A-Za-z0-9_-]+$/);
  return { context, page };
}

/** Wait until the meeting is open for writing and this person's state is confirmed by the server. */
export async function waitUntilEditable(page: Page): Promise<void> {
  await expect(editor(page, 'dialogue')).toHaveAttribute('contenteditable', 'true');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
}

/** The editor of a section. */
export function editor(page: Page, section: 'dialogue' | 'reflections' | 'plan' | 'openQuestions') {
  return page.getByTestId(`editor-${section}`);
}

/** Add a block with the section's button and type its text (the cursor is put inside the new block). */
export async function addBlock(
  page: Page,
  section: 'dialogue' | 'reflections' | 'plan' | 'openQuestions',
  text: string,
): Promise<void> {
  await page.getByTestId(`add-${section}`).click();
  await page.keyboard.type(text);
}

/** Switch the meeting's phase. */
export async function setPhase(page: Page, phase: string): Promise<void> {
  await page.getByTestId(`phase-${phase}`).click();
}
