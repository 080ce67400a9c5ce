/** What one sync socket owns: its queued frames, the presence it announced, its last sync reply. */
import { CloseCodes } from '@polyphony/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { binaryFrame } from './frames.js';
import { openConnection } from './testing.js';

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

async function open() {
  const opened = await openConnection('anna');
  stops.push(opened.stop);
  // Counts the writes to the TCP socket under ws (watched, not replaced).
  const raw = (opened.connection.socket as unknown as { _socket: { write(data: Buffer): boolean } })._socket;
  const write = raw.write.bind(raw);
  let writes = 0;
  raw.write = (data: Buffer) => {
    writes++;
    return write(data);
  };
  return { ...opened, writes: () => writes };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('a sync socket', () => {
  it('writes the frames queued in one turn in one write, in order', async () => {
    const { connection, received, writes } = await open();
    connection.send(new Uint8Array([1, 1]));
    connection.send(new Uint8Array([1, 2]));
    connection.sendFrame(binaryFrame(new Uint8Array([1, 3])));
    expect(writes()).toBe(0);
    await settle();
    expect(writes()).toBe(1);
    expect(received).toEqual([new Uint8Array([1, 1]), new Uint8Array([1, 2]), new Uint8Array([1, 3])]);
  });

  it('sends what was queued for it before its close frame, and nothing after', async () => {
    const { connection, received } = await open();
    const closed = new Promise<number>((resolve) =>
      connection.socket.once('close', (code: number) => resolve(code)),
    );
    connection.send(new Uint8Array([1, 9]));
    connection.close(CloseCodes.accessRevoked);
    connection.send(new Uint8Array([1, 10]));
    expect(await closed).toBe(CloseCodes.accessRevoked.code);
    expect(received).toEqual([new Uint8Array([1, 9])]);
  });

  it('is not sent the same sync reply twice in a row, and keeps the presence ids it announced', async () => {
    const { connection, received } = await open();
    const reply = binaryFrame(new Uint8Array([0, 1, 0]));
    connection.sendSyncReply(reply);
    connection.sendSyncReply(reply);
    await settle();
    expect(received).toHaveLength(1);

    connection.notePresence({ added: [5, 6], updated: [], removed: [] });
    connection.notePresence({ added: [], updated: [7], removed: [5] });
    expect(connection.announced().sort()).toEqual([6, 7]);
    expect(connection.announces(5)).toBe(false);
    // Presence over the rate: the newest is kept, and only the first asks to be applied later.
    expect(connection.deferPresence([{ id: 6, clock: 1, state: null }])).toBe(true);
    expect(connection.deferPresence([{ id: 6, clock: 2, state: null }])).toBe(false);
    expect(connection.takeDeferredPresence()).toEqual([{ id: 6, clock: 2, state: null }]);
    expect(connection.takeDeferredPresence()).toBeUndefined();
  });
});
