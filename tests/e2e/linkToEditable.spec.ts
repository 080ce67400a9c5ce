/**
 * Measures how long a person waits from opening their personal link to a meeting they can write in:
 * ten people, each on a fresh device (no cache, no local copy). "Editable" is the dialogue editor
 * accepting input; "saved" is the server having confirmed this device's state as well.
 */
import { expect, startNetwork, test } from './networkMeeting.js';

const RUNS = 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

test('median time from opening an invitation link to an editable meeting', async ({ browser, baseURL }) => {
  const relatives = Array.from({ length: RUNS }, (_, i) => ({
    name: `Relative ${i + 1}`,
    relation: 'cousin',
    role: 'network_member' as const,
  }));
  const network = await startNetwork(
    browser,
    baseURL!,
    { name: 'Mia', relation: 'nurse', role: 'professional' },
    relatives,
  );
  const editable: number[] = [];
  const saved: number[] = [];
  for (const relative of relatives) {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(network.invitationOf(relative.name).url, { waitUntil: 'commit' });
    const marks = { load: 0 };
    void page.waitForLoadState('load').then(() => {
      marks.load = Date.now() - started;
    });
    await expect(page.getByTestId('editor-dialogue')).toHaveAttribute('contenteditable', 'true');
    editable.push(Date.now() - started);
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
    saved.push(Date.now() - started);
    console.log(`  load event ${marks.load} ms, editable ${editable.at(-1)} ms`);
    await context.close();
  }
  const report = `link → editable: median ${median(editable)} ms (${editable.join(', ')}); link → saved: median ${median(saved)} ms (${saved.join(', ')})`;
  console.log(report);
  test.info().annotations.push({ type: 'timing', description: report });
  await network.starter.context.close();
});
