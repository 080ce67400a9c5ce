/**
 * A room's commit bookkeeping on its own: a batch taken, then committed or failed. Real sockets (a
 * loopback `ws` server) stand behind the connections, so "saved" is what a client really receives.
 */
import { MessageType, readSaved } from '@polyphony/shared';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import { CommitQueue } from './CommitQueue.js';
import { openConnection } from './testing.js';

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

/** A server-side Connection and what its client receives. */
async function connect(participantId: string, wantsAck = true) {
  const opened = await openConnection(participantId, wantsAck);
  stops.push(opened.stop);
  return opened;
}

/** The "saved" messages among what a client received. */
function saved(received: Uint8Array[]) {
  return received.flatMap((message) => {
    const decoder = decoding.createDecoder(message);
    return decoding.readVarUint(decoder) === MessageType.saved ? [readSaved(decoder)] : [];
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
const stored = { bytes: 100, lastSeq: 7, updates: [new Uint8Array([1])], snapshotId: 's1' };

describe('a commit batch', () => {
  it('[SY1] is saved only after commit: nobody hears "saved" when it is taken, each writer hears their count after', async () => {
    const queue = new CommitQueue(stored);
    const anna = await connect('anna');
    const mother = await connect('mother');
    for (let i = 0; i < 3; i++) anna.connection.countUpdate();
    mother.connection.countUpdate();
    queue.add(new Uint8Array([1, 2, 3]));
    queue.add(new Uint8Array([4, 5]));
    queue.awaitAck(anna.connection);
    queue.awaitAck(mother.connection);
    const stateVector = new Uint8Array([1, 9, 4]);
    const batch = queue.take(() => stateVector);
    await settle();
    expect(saved(anna.received)).toEqual([]);
    expect(queue.hasPending).toBe(false);

    const announced: { writers: string[]; updates: number }[] = [];
    batch.committed(9, (writers, updates) =>
      announced.push({ writers: [...writers], updates: updates.length }),
    );
    await settle();
    expect(announced).toEqual([{ writers: ['anna', 'mother'], updates: 2 }]);
    expect(saved(anna.received)).toEqual([{ count: 3, stateVector }]);
    expect(saved(mother.received)).toEqual([{ count: 1, stateVector }]);
    expect({ bytes: queue.storedBytes, lastSeq: queue.lastSeq, since: queue.updatesSinceSnapshot }).toEqual({
      bytes: 105,
      lastSeq: 9,
      since: 3,
    });
  });

  it('[SY1] a failed batch goes back in front of what came since, and its writers still wait', async () => {
    const queue = new CommitQueue(stored);
    const anna = await connect('anna');
    anna.connection.countUpdate();
    queue.add(new Uint8Array([1]));
    queue.awaitAck(anna.connection);
    const failing = queue.take(() => new Uint8Array([0]));
    queue.add(new Uint8Array([2]));
    failing.failed();
    await settle();
    expect(saved(anna.received)).toEqual([]);
    expect(queue.pendingBytes).toBe(2);
    expect(queue.storedBytes).toBe(100);

    const retry = queue.take(() => new Uint8Array([0]));
    expect(retry.updates).toEqual([new Uint8Array([1]), new Uint8Array([2])]);
    retry.committed(8, () => undefined);
    await settle();
    expect(saved(anna.received)).toEqual([{ count: 1, stateVector: new Uint8Array([0]) }]);
  });

  it('[SY3] never counts past an update still held back, and asks no state vector when nobody wants "saved"', async () => {
    const queue = new CommitQueue(stored);
    const stock = await connect('stock', false);
    for (let i = 0; i < 4; i++) stock.connection.countUpdate();
    stock.connection.holdUpdate(3);
    queue.awaitAck(stock.connection);
    let asked = 0;
    const batch = queue.take(() => {
      asked++;
      return new Uint8Array([0]);
    });
    expect(batch.acks.map((ack) => ack.count)).toEqual([2]);
    expect(asked).toBe(0);
    batch.committed(undefined, () => {
      throw new Error('nothing was stored: nobody is announced');
    });
    await settle();
    expect(saved(stock.received)).toEqual([]);
    expect(queue.lastSeq).toBe(7);
  });
});
