/** One sync server's writes of an event-loop turn. */
import { describe, expect, it } from 'vitest';
import { OutgoingWrites } from './OutgoingWrites.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('outgoing writes', () => {
  it('write each waiting socket once at the end of the turn, after the last chances to add to them', async () => {
    const writes = new OutgoingWrites();
    const events: string[] = [];
    const anna = { flush: () => events.push('anna') };
    const mother = { flush: () => events.push('mother') };
    writes.add(anna);
    writes.add(anna);
    writes.schedule();
    writes.schedule();
    const presence = () => {
      events.push('presence');
      writes.add(mother);
      writes.add(anna);
    };
    writes.beforeWriting(presence);
    writes.beforeWriting(presence);
    expect(events).toEqual([]);
    await nextTurn();
    expect(events).toEqual(['presence', 'anna', 'mother']);
    // Nothing waits any more: the next turn writes nothing.
    writes.schedule();
    await nextTurn();
    expect(events).toHaveLength(3);
    // The next turn takes them again, once each.
    writes.add(mother);
    writes.beforeWriting(presence);
    writes.beforeWriting(presence);
    await nextTurn();
    expect(events).toEqual(['presence', 'anna', 'mother', 'presence', 'mother', 'anna']);
  });

  it('keep the writes of two servers apart', async () => {
    const one = new OutgoingWrites();
    const two = new OutgoingWrites();
    const events: string[] = [];
    one.add({ flush: () => events.push('one') });
    one.schedule();
    two.beforeWriting(() => events.push('two'));
    await nextTurn();
    expect(events.sort()).toEqual(['one', 'two']);
  });
});
