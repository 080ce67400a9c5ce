/**
 * Issue 18, part 2: on an emulated slow 3G line (400 kbit/s each way, 400 ms round trip) at 360×740,
 * how long a person opening their link waits for the stored text, and for an editor they can write in.
 * Prints the figures (three fresh loads, no cache); asserts nothing about them.
 */
import { addBlock, editor, expect, startNetwork, test, waitUntilEditable } from './networkMeeting.js';
import { PHONE_360 } from './topBar.js';

const MIA = { name: 'Mia', relation: 'psychiatric nurse', role: 'professional' } as const;
const ANNA = { name: 'Anna', relation: '', role: 'person_at_centre' } as const;
const STORED = 'Anna said the nights are the hardest part';

test('slow 3G at 360×740: time to the stored text and to an editable editor', async ({
  browser,
  baseURL,
}) => {
  const network = await startNetwork(browser, baseURL!, MIA, [ANNA]);
  await addBlock(network.starter.page, 'dialogue', STORED);
  await waitUntilEditable(network.starter.page);
  for (let round = 1; round <= 3; round++) {
    const context = await browser.newContext({ baseURL, locale: 'en', ...PHONE_360 });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 400,
      downloadThroughput: (400 * 1000) / 8,
      uploadThroughput: (400 * 1000) / 8,
    });
    const started = Date.now();
    await page.goto(network.invitationOf('Anna').url, { timeout: 300_000 });
    await expect(page.getByText(STORED)).toBeVisible({ timeout: 300_000 });
    const text = Date.now() - started;
    await expect(editor(page, 'dialogue')).toHaveAttribute('contenteditable', 'true', { timeout: 300_000 });
    const editable = Date.now() - started;
    console.log(`slow 3G round ${round}: stored text after ${text} ms, editable after ${editable} ms`);
    await context.close();
  }
  await network.starter.context.close();
});
