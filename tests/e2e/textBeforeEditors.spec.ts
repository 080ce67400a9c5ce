/**
 * Text before the editors (issue 18, part 2): a slow phone reads the document at once. The document's text
 * is shown from the Y.Doc (the server's first sync, or this browser's copy) before TipTap has loaded, read-
 * only, in the editor's own box; the editor takes its place when its code has come. Here the editor's chunk
 * is held back until the text has been checked: the text is there, nothing can be typed into it, and once
 * the chunk is let through the same box becomes the editor (typing works, the text is still there).
 */

import type { Route } from '@playwright/test';
import { openDatabase } from '@polyphony/server/persistence/database';
import { SqliteDocumentStore } from '@polyphony/server/persistence/sqlite';
import { hostileMeetingUpdate, READABLE } from '../integration/helpers/hostileDocument.js';
import { startNetworkWith } from './fixtures.js';
import { addBlock, editor, expect, startNetwork, test, waitUntilEditable } from './networkMeeting.js';
import { startServer } from './server.js';
import { PHONE_360 } from './topBar.js';

const MIA = { name: 'Mia', relation: 'psychiatric nurse', role: 'professional' } as const;
const ANNA = { name: 'Anna', relation: '', role: 'person_at_centre' } as const;
const STORED = 'Anna said the nights are the hardest part';

test("the document's text is shown, read-only, before the editors' code has loaded; then it is editable", async ({
  browser,
  baseURL,
}) => {
  const network = await startNetwork(browser, baseURL!, MIA, [ANNA]);
  const mia = network.starter.page;
  await addBlock(mia, 'dialogue', STORED);
  await addBlock(mia, 'plan', 'Mia phones on Monday.');
  await waitUntilEditable(mia);

  const context = await browser.newContext({ baseURL, locale: 'en', ...PHONE_360 });
  const page = await context.newPage();
  // The editor stack is its own chunk (client/vite.config.ts): hold it until released.
  const held: Route[] = [];
  await page.route(/\/assets\/editor-[\w-]+\.js$/, (route) => {
    held.push(route);
  });
  await page.goto(network.invitationOf('Anna').url);

  const dialogue = editor(page, 'dialogue');
  await expect(dialogue).toContainText(STORED);
  await expect(editor(page, 'plan')).toContainText('Mia phones on Monday.');
  await expect(page.getByTestId('voice-block')).toContainText('Mia');
  expect(held.length, "the editor's chunk was asked for and is held back").toBeGreaterThan(0);
  // Read-only meanwhile: not editable, and what is typed goes nowhere.
  await expect(dialogue).toHaveAttribute('contenteditable', 'false');
  await expect(dialogue).toHaveAttribute('data-reading', '');
  await dialogue.click();
  await page.keyboard.type('lost?');
  await expect(dialogue).not.toContainText('lost?');
  await expect(page.getByTestId('add-dialogue')).toHaveCount(0);
  const box = await dialogue.boundingBox();

  // The editor's code comes: the same box becomes the editor.
  for (const route of held) await route.continue();
  await page.unroute(/\/assets\/editor-[\w-]+\.js$/);
  await waitUntilEditable(page);
  await expect(dialogue).toContainText(STORED);
  const after = await dialogue.boundingBox();
  expect(after?.y, 'the editor is where the text was').toBeCloseTo(box?.y ?? 0, 0);
  await dialogue.locator('.block-text p').first().click();
  await page.keyboard.type(' at night');
  await expect(dialogue).toContainText(' at night');
  await context.close();
  await network.starter.context.close();
});

test('a hostile document already in the store (nested 20,000 deep, strings in a section) does not take the page down before the editors', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  // A server of its own: the document is written straight into its store while it is stopped.
  const first = await startServer();
  const network = await startNetworkWith(request, first.url, {
    people: [{ name: 'Anna', relation: '', role: 'person_at_centre' }],
  });
  await first.stop({ keepData: true });
  const store = new SqliteDocumentStore(openDatabase(first.dataDir));
  await store.append([{ docId: network.meeting.id, updates: [hostileMeetingUpdate()] }]);
  await store.close();
  const server = await startServer({ dataDir: first.dataDir });
  try {
    const context = await browser.newContext({ baseURL: server.url, ...PHONE_360 });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const held: Route[] = [];
    await page.route(/\/assets\/editor-[\w-]+\.js$/, (route) => {
      held.push(route);
    });
    await page.goto(network.linkOf('Anna').replace(first.url, server.url));
    // Before the editors: every section is there, with what can be read of it, and the rest of the page.
    for (const section of ['dialogue', 'reflections', 'plan', 'openQuestions'] as const) {
      await expect(page.getByTestId(`section-${section}`)).toBeVisible();
    }
    await expect(editor(page, 'dialogue')).toContainText(READABLE.voice);
    await expect(editor(page, 'plan')).toContainText(READABLE.plan);
    await expect(page.getByTestId('who-is-here')).toContainText('Anna (you)');
    expect(held.length, "the editor's chunk is held back").toBeGreaterThan(0);
    // …and after them, as integrity.spec.ts checks in full.
    for (const route of held) await route.continue();
    await page.unroute(/\/assets\/editor-[\w-]+\.js$/);
    await expect(page.getByTestId('section-plan')).toContainText(READABLE.plan);
    expect(errors).toEqual([]);
    await context.close();
  } finally {
    await server.stop();
  }
});
