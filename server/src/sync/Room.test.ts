/** Who is in a room, and when it asks to be unloaded: a real room with real sockets. */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadConfig } from '../config.js';
import { OutgoingWrites } from './OutgoingWrites.js';
import { Room, type RoomEvents } from './Room.js';
import { openConnection } from './testing.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A room of an empty meeting, and the events it told. */
function openRoom() {
  const told: string[] = [];
  const events: RoomEvents = {
    onDirty: () => told.push('dirty'),
    onEmpty: () => told.push('empty'),
    onRefuse: () => told.push('refuse'),
  };
  const stored = {
    snapshot: null,
    snapshotStateVector: null,
    snapshotId: null,
    updates: [],
    lastSeq: 0,
    bytes: 0,
  };
  const room = new Room('meeting', stored, loadConfig({}).limits, events, new OutgoingWrites());
  cleanups.push(() => room.destroy());
  return { room, told };
}

async function person(name: string) {
  const opened = await openConnection(name);
  cleanups.push(opened.stop);
  return opened.connection;
}

describe('a room', () => {
  it('says when its last socket leaves, and unloads after the wait unless someone joins', async () => {
    const { room, told } = openRoom();
    const anna = await person('anna');
    const mother = await person('mother');
    room.addConnection(anna);
    room.addConnection(mother);
    room.removeConnection(anna);
    expect(told).toEqual([]);
    room.removeConnection(mother);
    expect(told).toEqual(['empty']);

    const unloaded: Room[] = [];
    room.unloadAfter(40, (idle) => unloaded.push(idle));
    // Someone joins during the wait: the room stays.
    room.addConnection(anna);
    await sleep(100);
    expect(unloaded).toEqual([]);
    room.removeConnection(anna);
    // A later call replaces the wait under way: one unload, not two.
    room.unloadAfter(40, (idle) => unloaded.push(idle));
    room.unloadAfter(40, (idle) => unloaded.push(idle));
    await sleep(150);
    expect(unloaded).toEqual([room]);
  });

  it('queues its own changes for the store and relays them to everyone present', async () => {
    const { room, told } = openRoom();
    room.addConnection(await person('anna'));
    room.doc.getText('notes').insert(0, 'Plan: sleep.');
    expect(told).toEqual(['dirty']);
    const batch = room.takeCommit();
    const copy = new Y.Doc();
    for (const update of batch.updates) Y.applyUpdate(copy, update);
    expect(copy.getText('notes').toString()).toBe('Plan: sleep.');
  });
});
