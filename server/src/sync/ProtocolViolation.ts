/** Thrown while handling a message when the socket must be closed with a given close code. */
import type { CloseCode } from '@polyphony/shared';

export class ProtocolViolation extends Error {
  constructor(
    readonly closeCode: CloseCode,
    message: string,
  ) {
    super(message);
    this.name = 'ProtocolViolation';
  }
}
