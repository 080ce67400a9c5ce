/**
 * The protocol version: bumped whenever the document schema or a message changes. A client sends it as
 * the `v` query parameter of /sync; an older client is closed with CloseCodes.outdatedClient and asked to
 * reload.
 */
export const PROTOCOL_VERSION = 1;

/** Query parameters of /sync/:meetingId. */
export const SyncParams = {
  /** The client's protocol version. */
  version: 'v',
  /** Set to "1" by clients that understand the "saved" message. */
  ack: 'ack',
} as const;
