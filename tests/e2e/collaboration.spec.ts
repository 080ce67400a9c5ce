/** Two people on one meeting see each other's words and cursors live. */
import { editor, expect, joinAs, test, typeInto } from './fixtures.js';

test('text typed by one person appears for the other, with the writer’s name at their cursor', async ({
  browser,
  baseURL,
  startNetwork,
}) => {
  const network = await startNetwork({ title: 'Live' });
  const anna = await joinAs(browser, baseURL!, network, 'Anna', '#2e7d4f');
  const mother = await joinAs(browser, baseURL!, network, 'Liisa', '#1f6f8b');

  await expect(anna.page.getByTestId('who-is-here')).toContainText('Liisa');
  await expect(mother.page.getByTestId('who-is-here')).toContainText('Anna');

  await typeInto(anna.page, 'plan', 'Meet again on Thursday at home');
  await expect(editor(mother.page, 'plan')).toContainText('Meet again on Thursday at home');

  // Anna's caret, labelled with her name, shows in the Plan editor, and only there.
  const caret = editor(mother.page, 'plan').locator('.caret-label');
  await expect(caret).toHaveText('Anna');
  await expect(caret).toBeVisible();
  for (const other of ['dialogue', 'reflections', 'openQuestions'] as const) {
    await expect(editor(mother.page, other).locator('.caret-label')).toHaveCount(0);
  }

  // Moving to another section moves the caret there for the other person.
  await typeInto(anna.page, 'openQuestions', 'Whether work can wait');
  await expect(editor(mother.page, 'openQuestions').locator('.caret-label')).toHaveText('Anna');
  await expect(editor(mother.page, 'plan').locator('.caret-label')).toHaveCount(0);

  // And the other way round: each caret carries the name from that person's own invitation.
  await typeInto(mother.page, 'dialogue', 'Liisa: I am here.');
  await expect(editor(anna.page, 'dialogue')).toContainText('Liisa: I am here.');
  await expect(editor(anna.page, 'dialogue').locator('.caret-label')).toHaveText('Liisa');
  await expect(anna.page.getByTestId('who-is-here')).toContainText('Liisa');

  // The title is shared too.
  await anna.page.getByTestId('meeting-title').fill('Anna, Liisa and the team');
  await expect(mother.page.getByTestId('meeting-title')).toHaveValue('Anna, Liisa and the team');

  await anna.context.close();
  await mother.context.close();
});

test('a busy meeting does not get anyone disconnected: fast typing and cursor moves stay within limits', async ({
  browser,
  baseURL,
  startNetwork,
}) => {
  const network = await startNetwork({ title: 'Busy' });
  const anna = await joinAs(browser, baseURL!, network, 'Anna');
  const team = await joinAs(browser, baseURL!, network, 'Kaisa');
  await expect(team.page.getByTestId('who-is-here')).toContainText('Anna');

  // Anna types fast and sweeps her cursor back and forth (each move changes her presence).
  await typeInto(
    anna.page,
    'dialogue',
    'The night was long and nobody could sleep at all, not even the dog.',
  );
  for (let i = 0; i < 60; i++) await anna.page.keyboard.press(i < 30 ? 'ArrowLeft' : 'ArrowRight');
  await typeInto(anna.page, 'plan', 'Call the GP together tomorrow morning before nine.');

  // Kaisa, who received all of that, can still write, and both are saved, not cut off.
  await typeInto(team.page, 'reflections', 'I wonder what helped the dog sleep before.');
  await expect(editor(anna.page, 'reflections')).toContainText('I wonder what helped the dog sleep before.');
  await expect(editor(team.page, 'plan')).toContainText('Call the GP together tomorrow morning before nine.');
  await expect(anna.page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await expect(team.page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await expect(editor(team.page, 'plan').locator('.caret-label')).toHaveText('Anna');

  await anna.context.close();
  await team.context.close();
});
