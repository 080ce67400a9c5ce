/** A loaded meeting's compaction: what the fold applies to the live document, and what it folds. */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadConfig } from '../config.js';
import type { FoldInput } from '../persistence/types.js';
import { foldWithRoom } from './compaction.js';
import { OutgoingWrites } from './OutgoingWrites.js';
import { Room } from './Room.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A room of an empty meeting whose applyStored calls are recorded. */
function openRoom() {
  const stored = {
    snapshot: null,
    snapshotStateVector: null,
    snapshotId: null,
    updates: [],
    lastSeq: 0,
    bytes: 0,
  };
  const room = new Room(
    'meeting',
    stored,
    loadConfig({}).limits,
    { onDirty: () => undefined, onEmpty: () => undefined, onRefuse: () => undefined },
    new OutgoingWrites(),
  );
  cleanups.push(() => room.destroy());
  const applied: Uint8Array[][] = [];
  const applyStored = room.applyStored.bind(room);
  room.applyStored = (input) => {
    applied.push([...input.updates]);
    applyStored(input);
  };
  return { room, applied };
}

/** Commit what the room has queued, as the sync server does; returns the rows as the store reads them. */
function commit(room: Room): Uint8Array[] {
  const batch = room.takeCommit();
  batch.committed(1, () => undefined);
  return batch.updates.map((update) => Uint8Array.from(update));
}

function otherInstanceEdit(text: string): Uint8Array {
  const other = new Y.Doc();
  other.getText('notes').insert(0, text);
  return Y.encodeStateAsUpdate(other);
}

describe('compacting a loaded meeting', () => {
  it('does not apply again the rows this room stored, only the others, and folds them all', () => {
    const { room, applied } = openRoom();
    room.doc.getText('notes').insert(0, 'Plan: ');
    const first = commit(room);
    room.doc.getText('notes').insert(6, 'sleep.');
    const second = commit(room);
    const foreign = otherInstanceEdit('From the other instance. ');
    const stored: FoldInput = {
      snapshot: null,
      snapshotStateVector: null,
      snapshotId: null,
      updates: [...first, foreign, ...second],
    };
    const result = foldWithRoom(room, 500)(stored);
    expect(applied).toEqual([[foreign]]);
    const folded = new Y.Doc();
    Y.applyUpdate(folded, result?.snapshot as Uint8Array);
    expect(folded.getText('notes').toString()).toContain('Plan: sleep.');
    expect(folded.getText('notes').toString()).toContain('From the other instance.');
  });

  it('applies a row that differs by one byte from one it stored', () => {
    const { room, applied } = openRoom();
    room.doc.getText('notes').insert(0, 'Plan');
    const [row] = commit(room);
    const changed = Uint8Array.from(row as Uint8Array);
    // 'P' → 'Q': the same item, other content (a row of another instance that only looks alike).
    changed[changed.indexOf(0x50)] = 0x51;
    foldWithRoom(
      room,
      500,
    )({ snapshot: null, snapshotStateVector: null, snapshotId: null, updates: [changed] });
    expect(applied).toEqual([[changed]]);
  });
});
