/**
 * WebSocket frames as a server sends them (RFC 6455 §5.2): FIN, opcode "binary", no mask. A server's
 * frame for a message is the same bytes whoever receives it, so a meeting's update is framed once and the
 * same buffer is written to every socket, instead of `ws` framing it again for each of them.
 */
import { MessageType, SyncMessageType } from '@polyphony/shared';

const FIN_BINARY = 0x82;

/** The whole frame (header and payload) of one binary message. */
export function binaryFrame(payload: Uint8Array): Buffer {
  const frame = allocateFrame(payload.length);
  frame.set(payload, frame.length - payload.length);
  return frame;
}

/**
 * The frame of a message made of a few one-byte varints (each < 128) and then `bytes` with its length
 * (lib0's writeVarUint8Array) — a y-protocols sync update is [0, 2] and the update — built straight into
 * the frame, without an encoder and a copy of the message in between.
 */
export function varBytesFrame(head: readonly number[], bytes: Uint8Array): Buffer {
  let lengthBytes = 1;
  for (let rest = bytes.length; rest > 0x7f; rest = Math.floor(rest / 0x80)) lengthBytes++;
  const frame = allocateFrame(head.length + lengthBytes + bytes.length);
  let pos = frame.length - bytes.length - lengthBytes - head.length;
  for (const byte of head) frame[pos++] = byte;
  let rest = bytes.length;
  while (rest > 0x7f) {
    frame[pos++] = 0x80 | (rest & 0x7f);
    rest = Math.floor(rest / 0x80);
  }
  frame[pos++] = rest;
  frame.set(bytes, pos);
  return frame;
}

/** A frame with its header written and room for a payload of `length` bytes at its end. */
function allocateFrame(length: number): Buffer {
  const headerLength = length < 126 ? 2 : length < 0x10000 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = FIN_BINARY;
  if (length < 126) {
    frame[1] = length;
  } else if (length < 0x10000) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 0x1_0000_0000), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  return frame;
}

/**
 * A y-protocols sync update message is these varints, then the update (writeUpdate in
 * shared/src/protocol/messages.ts), framed here without an encoder.
 */
export const UPDATE_HEAD = [MessageType.sync, SyncMessageType.update] as const;
/** …a presence message is this varint, then the awareness update (writeAwareness)… */
export const AWARENESS_HEAD = [MessageType.awareness] as const;
/** …and a SyncStep2, the answer to a SyncStep1 (writeSyncStep2). */
export const STEP2_HEAD = [MessageType.sync, SyncMessageType.step2] as const;
