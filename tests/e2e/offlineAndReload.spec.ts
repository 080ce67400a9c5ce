/** Nothing is lost: edits made offline reach the others later, and a reload keeps everything. */
import { editor, expect, joinAs, test, typeInto } from './fixtures.js';

test('edits made offline are kept, and reach the others when the connection returns', async ({
  browser,
  baseURL,
  startNetwork,
}) => {
  const network = await startNetwork({ title: 'Offline' });
  const anna = await joinAs(browser, baseURL!, network, 'Anna');
  const team = await joinAs(browser, baseURL!, network, 'Kaisa');
  const status = anna.page.getByTestId('save-status');

  await anna.context.setOffline(true);
  await expect(status).toHaveAttribute('data-status', 'offline');
  await expect(status).toHaveText(/Offline — your changes are kept on this device/);

  await typeInto(anna.page, 'dialogue', 'Written on the train without signal');
  await expect(status).toHaveAttribute('data-status', 'offline');
  // Really offline: the other person does not get it while Anna has no connection.
  await team.page.waitForTimeout(1500);
  await expect(editor(team.page, 'dialogue')).not.toContainText('Written on the train');
  // Leaving now would lose nothing on this device, but the page still warns: it is not on the server.
  expect(
    await anna.page.evaluate(() => window.dispatchEvent(new Event('beforeunload', { cancelable: true }))),
  ).toBe(false);

  await anna.context.setOffline(false);
  await expect(status).toHaveAttribute('data-status', 'saved');
  await expect(editor(team.page, 'dialogue')).toContainText('Written on the train without signal');

  await anna.context.close();
  await team.context.close();
});

test('a reload keeps everything: from the server, and from this device when the server is out of reach', async ({
  browser,
  baseURL,
  startNetwork,
}) => {
  const network = await startNetwork({ title: 'Reload' });
  const anna = await joinAs(browser, baseURL!, network, 'Anna');
  await typeInto(anna.page, 'reflections', 'I wonder whether sleep comes first');
  await anna.page.getByTestId('meeting-title').fill('After the reload');
  await expect(anna.page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');

  // A new device has no local copy: everything comes from the server.
  const fresh = await joinAs(browser, baseURL!, network, 'Kaisa');
  await expect(editor(fresh.page, 'reflections')).toContainText('I wonder whether sleep comes first');
  await expect(fresh.page.getByTestId('meeting-title')).toHaveValue('After the reload');
  await fresh.context.close();

  // The same device, reloaded while the sync socket goes nowhere: everything comes from IndexedDB.
  await anna.page.routeWebSocket(/\/sync\//, () => {
    // Not connected to the server: the page's socket opens but nothing answers.
  });
  await anna.page.reload();
  await expect(editor(anna.page, 'reflections')).toContainText('I wonder whether sleep comes first');
  await expect(anna.page.getByTestId('meeting-title')).toHaveValue('After the reload');
  await expect(anna.page.getByTestId('save-status')).not.toHaveAttribute('data-status', 'saved');

  // Opened again on the same device without the route (WebSocket routes cannot be removed from a page),
  // it syncs and is saved.
  await anna.page.close();
  const again = await anna.context.newPage();
  await again.goto(network.meeting.path);
  await expect(again.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await expect(editor(again, 'reflections')).toContainText('I wonder whether sleep comes first');
  await anna.context.close();
});
