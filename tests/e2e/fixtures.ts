/** The `test` of the end-to-end suite: the server's URL as baseURL, and helpers to open meetings. */
import path from 'node:path';
import { type Browser, type BrowserContext, test as base, expect, type Page } from '@playwright/test';
import type { MeetingSummary } from '@polyphony/shared';
import { repoRoot } from './server.js';

/** Where the run saves its screenshots (gitignored). */
export const screenshotDir = path.join(repoRoot, 'tests/e2e/screenshots');

/** A person on their own device: a browser context with their name remembered. */
export interface Person {
  context: BrowserContext;
  page: Page;
}

export const test = base.extend<{ createMeeting: (title?: string) => Promise<MeetingSummary> }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  baseURL: async ({}, use) => {
    const url = process.env.POLYPHONY_E2E_URL;
    if (!url) throw new Error('POLYPHONY_E2E_URL is not set: run through playwright.config.ts');
    await use(url);
  },
  createMeeting: async ({ request, baseURL }, use) => {
    await use(async (title?: string) => {
      const response = await request.post(`${baseURL}/api/meetings`, { data: title ? { title } : {} });
      expect(response.status()).toBe(201);
      return (await response.json()) as MeetingSummary;
    });
  },
});

export { expect };

/** Open a meeting as someone whose name and colour this device already remembers. */
export async function joinAs(
  browser: Browser,
  baseURL: string,
  meeting: MeetingSummary,
  name: string,
  color = '#8a4f7d',
): Promise<Person> {
  const context = await browser.newContext({ baseURL });
  await context.addInitScript(
    ([storedName, storedColor]) => {
      if (!localStorage.getItem('polyphony.name')) {
        localStorage.setItem('polyphony.name', storedName as string);
        localStorage.setItem('polyphony.color', storedColor as string);
      }
    },
    [name, color],
  );
  const page = await context.newPage();
  await page.goto(meeting.path);
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
