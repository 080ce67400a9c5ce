/**
 * The protocol version: bumped whenever the document schema or a message changes. A client sends it as
 * the `v` query parameter of /sync; an older client is closed with CloseCodes.outdatedClient and asked to
 * reload.
 *
 * 2: plan items' "sees it differently" entries may carry the person's view in their own words, and the
 * document records changes made after closing (`laterChanges`). A client of version 1 would show
 * neither — someone's own words hidden from the people reading them — so it is asked to reload.
 *
 * 3: plan items and questions carried over from an earlier meeting say which (`fromMeeting`); a client
 * of version 2 would drop the attribute when it changed such an item.
 */
export const PROTOCOL_VERSION = 3;

/** Query parameters of /sync/:meetingId. */
export const SyncParams = {
  /** The client's protocol version. */
  version: 'v',
  /** Set to "1" by clients that understand the "saved" message. */
  ack: 'ack',
} as const;
