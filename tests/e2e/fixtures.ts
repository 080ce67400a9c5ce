/**
 * The `test` of the end-to-end suite: the server's URL as baseURL, starting a network (with everyone's
 * personal link) and opening a meeting as one of its people, each on their own device (browser context).
 */
import path from 'node:path';
import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  test as base,
  expect,
  type Page,
} from '@playwright/test';
import type { PersonInput, StartNetworkRequest, StartNetworkResponse } from '@polyphony/shared';
import { repoRoot } from './server.js';

/** Where the run saves its screenshots (gitignored). */
export const screenshotDir = path.join(repoRoot, 'tests/e2e/screenshots');

/** A person on their own device: a browser context holding their session. */
export interface Person {
  context: BrowserContext;
  page: Page;
}

/** A started network: its first meeting and everyone's personal link. */
export interface StartedNetwork extends StartNetworkResponse {
  /** The personal link of the person with this name (the starter's too). */
  linkOf(name: string): string;
}

/** Who is in a network started by the fixture unless a test says otherwise. */
export const DEFAULT_PEOPLE: PersonInput[] = [
  { name: 'Anna', relation: '', role: 'person_at_centre' },
  { name: 'Liisa', relation: 'mother', role: 'network_member' },
  { name: 'Kaisa', relation: 'psychiatric nurse', role: 'professional' },
];

/** What `startNetwork` may be told. */
export interface StartOptions {
  title?: string;
  /** The browser context the starter uses: the session cookie lands there. Without it, no browser holds it. */
  context?: BrowserContext;
  centreName?: string;
  me?: PersonInput;
  people?: PersonInput[];
}

/** Start a network with its first meeting through the API, as the start page does. */
export async function startNetworkWith(
  request: APIRequestContext,
  baseURL: string,
  options: StartOptions = {},
): Promise<StartedNetwork> {
  const body: StartNetworkRequest = {
    centreName: options.centreName ?? 'Anna',
    ...(options.title ? { meetingTitle: options.title } : {}),
    me: options.me ?? { name: 'Maria', relation: 'psychiatrist', role: 'professional' },
    people: options.people ?? DEFAULT_PEOPLE,
  };
  const response = await request.post(`${baseURL}/api/networks`, { data: body });
  expect(response.status()).toBe(201);
  const started = (await response.json()) as StartNetworkResponse;
  return {
    ...started,
    linkOf(name: string) {
      const invitation = started.invitations.find((i) => i.participant.name === name);
      if (!invitation) throw new Error(`nobody called ${name} was invited to this network`);
      return invitation.url;
    },
  };
}

export const test = base.extend<{ startNetwork: (options?: StartOptions) => Promise<StartedNetwork> }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  baseURL: async ({}, use) => {
    const url = process.env.POLYPHONY_E2E_URL;
    if (!url) throw new Error('POLYPHONY_E2E_URL is not set: run through playwright.config.ts');
    await use(url);
  },
  startNetwork: async ({ request, baseURL }, use) => {
    await use((options: StartOptions = {}) =>
      startNetworkWith(options.context?.request ?? request, baseURL!, options),
    );
  },
});

export { expect };

/** A phone: what a relative holds in their hand. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

/**
 * Open a person's personal link on a device of their own, as they would from a message, and wait until
 * the meeting is on screen and in sync.
 */
export async function joinAs(
  browser: Browser,
  baseURL: string,
  network: StartedNetwork,
  name: string,
  color = '#8a4f7d',
  options: BrowserContextOptions = {},
): Promise<Person> {
  const context = await browser.newContext({ baseURL, ...options });
  // The name comes from the invitation. The colour once stored here is no longer read (a person's colour
  // is their place in the network); a device that still has one must not change it.
  await context.addInitScript((storedColor) => localStorage.setItem('polyphony.color', storedColor), color);
  const page = await context.newPage();
  await page.goto(network.linkOf(name));
  await expect(page).toHaveURL(/\/m\/[A-Za-z0-9_-]{22}$/);
  await expect(page.getByTestId('your-name')).toContainText(name);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  return { context, page };
}

/** The editor of a section. */
export function editor(page: Page, section: 'dialogue' | 'reflections' | 'plan' | 'openQuestions') {
  return page.getByTestId(`editor-${section}`);
}

/** Type into a section, at its end. */
export async function typeInto(page: Page, section: Parameters<typeof editor>[1], text: string) {
  const target = editor(page, section);
  await target.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(text);
}
