/**
 * WebSocket frames as a server sends them (RFC 6455 §5.2): FIN, opcode "binary", no mask. A server's
 * frame for a message is the same bytes whoever receives it, so a meeting's update is framed once and the
 * same buffer is written to every socket, instead of `ws` framing it again for each of them.
 */

const FIN_BINARY = 0x82;

/** The whole frame (header and payload) of one binary message. */
export function binaryFrame(payload: Uint8Array): Buffer {
  const length = payload.length;
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
  frame.set(payload, headerLength);
  return frame;
}
