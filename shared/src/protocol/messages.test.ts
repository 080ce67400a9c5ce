import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import {
  carriesUpdate,
  MessageType,
  NudgeTopic,
  readAwareness,
  readNudge,
  readSaved,
  readSyncMessage,
  writeAwareness,
  writeNudge,
  writeSaved,
  writeSyncStep1,
  writeSyncStep2,
  writeUpdate,
} from './messages.js';

describe('the "saved" message', () => {
  it('round-trips its count and state vector', () => {
    const stateVector = new Uint8Array([2, 10, 5, 20, 7]);
    const decoder = decoding.createDecoder(writeSaved({ count: 300, stateVector }));
    expect(decoding.readVarUint(decoder)).toBe(MessageType.saved);
    expect(readSaved(decoder)).toEqual({ count: 300, stateVector });
  });
});

describe('the "nudge" message', () => {
  it('round-trips its topic, and carries no update', () => {
    const message = writeNudge(NudgeTopic.admission);
    const decoder = decoding.createDecoder(message);
    expect(decoding.readVarUint(decoder)).toBe(MessageType.nudge);
    expect(readNudge(decoder)).toBe(NudgeTopic.admission);
    expect(carriesUpdate(message)).toBe(false);
  });
});

describe('carriesUpdate', () => {
  it('counts SyncStep2 and Update, nothing else', () => {
    expect(carriesUpdate(new Uint8Array([0, 1, 2, 0, 0]))).toBe(true);
    expect(carriesUpdate(new Uint8Array([0, 2, 2, 0, 0]))).toBe(true);
    expect(carriesUpdate(new Uint8Array([0, 0, 1, 0]))).toBe(false);
    expect(carriesUpdate(new Uint8Array([1, 2, 3]))).toBe(false);
    expect(carriesUpdate(new Uint8Array([0]))).toBe(false);
  });
});

describe('sync and awareness messages', () => {
  const bytes = new Uint8Array([3, 1, 200, 1, 7]);

  it('round-trip SyncStep1, SyncStep2 and Update, each with its own sub-type', () => {
    const read = (message: Uint8Array) => {
      const decoder = decoding.createDecoder(message);
      expect(decoding.readVarUint(decoder)).toBe(MessageType.sync);
      return readSyncMessage(decoder);
    };
    expect(read(writeSyncStep1(bytes))).toEqual({ type: 'step1', stateVector: bytes });
    expect(read(writeSyncStep2(bytes))).toEqual({ type: 'step2', update: bytes });
    expect(read(writeUpdate(bytes))).toEqual({ type: 'update', update: bytes });
    // What y-protocols writes: type, sub-type, then the bytes with their length.
    expect([...writeUpdate(bytes)]).toEqual([0, 2, 5, ...bytes]);
  });

  it('say a sync sub-type they do not know is unknown', () => {
    const decoder = decoding.createDecoder(new Uint8Array([0, 9, 0]));
    decoding.readVarUint(decoder);
    expect(readSyncMessage(decoder)).toEqual({ type: 'unknown', syncType: 9 });
  });

  it('round-trip an awareness update', () => {
    const decoder = decoding.createDecoder(writeAwareness(bytes));
    expect(decoding.readVarUint(decoder)).toBe(MessageType.awareness);
    expect(readAwareness(decoder)).toEqual(bytes);
  });

  it('carriesUpdate counts what writeSyncStep2 and writeUpdate make, not writeSyncStep1 or awareness', () => {
    expect(carriesUpdate(writeSyncStep2(bytes))).toBe(true);
    expect(carriesUpdate(writeUpdate(bytes))).toBe(true);
    expect(carriesUpdate(writeSyncStep1(bytes))).toBe(false);
    expect(carriesUpdate(writeAwareness(bytes))).toBe(false);
  });
});
