/**
 * Text before the editors (issue 18, part 2): a slow phone reads the document at once. The document's text
 * is shown from the Y.Doc (the server's first sync, or this browser's copy) before TipTap has loaded, read-
 * only, in the editor's own box; the editor takes its place when its code has come. Here the editor's chunk
 * is held back until the text has been checked: the text is there, nothing can be typed into it, and once
 * the chunk is let through the same box becomes the editor (typing works, the text is still there).
 */
import type { Route } from '@playwright/test';
import { addBlock, editor, expect, startNetwork, test, waitUntilEditable } from './networkMeeting.js';
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
