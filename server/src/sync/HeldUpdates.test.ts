/** A room's held updates and their clocks, on real timers, with real sockets behind the connections. */
import { CloseCodes } from '@polyphony/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from './Connection.js';
import { HeldUpdates, type HeldUpdatesRoom } from './HeldUpdates.js';
import type { ProtocolViolation } from './ProtocolViolation.js';
import { openConnection } from './testing.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Held updates of a room that records what they ask of it. */
function heldIn(limits = { maxPendingUpdates: 10, maxPendingBytes: 1000, pendingTimeoutMs: 60_000 }) {
  const calls: string[] = [];
  const refused: { connection: Connection; violation: ProtocolViolation }[] = [];
  const room: HeldUpdatesRoom & { gone: boolean } = {
    gone: false,
    destroyed: () => room.gone,
    release: () => calls.push('release'),
    askWriters: () => calls.push('ask'),
    rereadDocument: () => calls.push('reread'),
    // As a room does: the refused socket leaves it, and what it held is dropped.
    refuse: (connection, violation) => {
      refused.push({ connection, violation });
      held.dropFrom(connection);
    },
  };
  const held = new HeldUpdates(limits, room);
  cleanups.push(() => held.stop());
  return { held, room, calls, refused };
}

async function writer(name: string): Promise<Connection> {
  const opened = await openConnection(name);
  cleanups.push(opened.stop);
  opened.connection.countUpdate();
  return opened.connection;
}

const missing = { client: 7, clock: 3 };

describe('held updates', () => {
  it('[SY11] over the meeting’s ceiling, name the socket holding the most', async () => {
    const { held } = heldIn({ maxPendingUpdates: 2, maxPendingBytes: 1000, pendingTimeoutMs: 60_000 });
    const anna = await writer('anna');
    const flooder = await writer('flooder');
    expect(held.hold(anna, new Uint8Array(10), missing, true)).toBeNull();
    expect(held.hold(flooder, new Uint8Array(300), missing, true)).toBeNull();
    expect(held.hold(anna, new Uint8Array(10), missing, true)).toBe(flooder);
    expect(held.bytes).toBe(320);
    // "saved" never counts past the first update held back.
    expect(anna.acknowledgeable).toBe(0);
  });

  it('[SY11] after the whole timeout, look again, then refuse the sockets whose updates still wait', async () => {
    const { held, calls, refused } = heldIn({
      maxPendingUpdates: 10,
      maxPendingBytes: 1000,
      pendingTimeoutMs: 60,
    });
    const anna = await writer('anna');
    held.hold(anna, new Uint8Array(4), missing, true);
    await sleep(20);
    expect(refused).toEqual([]);
    await sleep(80);
    expect(calls.slice(0, 2)).toEqual(['reread', 'release']);
    expect(
      refused.map(({ connection, violation }) => [connection.principal.participantId, violation.closeCode]),
    ).toEqual([['anna', CloseCodes.missingDependencies]]);
  });

  it('ask the writers once updates have waited a second, and release soon once, after the event', async () => {
    const { held, calls } = heldIn();
    held.releaseSoon();
    await sleep(5);
    // Nothing held: nothing to release.
    expect(calls).toEqual([]);
    const anna = await writer('anna');
    held.hold(anna, new Uint8Array(4), missing, false);
    held.releaseSoon();
    held.releaseSoon();
    expect(calls).toEqual([]);
    await sleep(5);
    expect(calls).toEqual(['release']);
    await sleep(1100);
    expect(calls).toEqual(['release', 'ask']);
  });

  it('do nothing once the room is unloaded', async () => {
    const { held, room, calls, refused } = heldIn({
      maxPendingUpdates: 10,
      maxPendingBytes: 1000,
      pendingTimeoutMs: 30,
    });
    const anna = await writer('anna');
    held.hold(anna, new Uint8Array(4), missing, true);
    room.gone = true;
    held.releaseSoon();
    await sleep(60);
    expect(calls).toEqual([]);
    expect(refused).toEqual([]);
  });
});
