import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import { carriesUpdate, MessageType, readSaved, writeSaved } from './messages.js';

describe('the "saved" message', () => {
  it('round-trips its count and state vector', () => {
    const stateVector = new Uint8Array([2, 10, 5, 20, 7]);
    const decoder = decoding.createDecoder(writeSaved({ count: 300, stateVector }));
    expect(decoding.readVarUint(decoder)).toBe(MessageType.saved);
    expect(readSaved(decoder)).toEqual({ count: 300, stateVector });
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
