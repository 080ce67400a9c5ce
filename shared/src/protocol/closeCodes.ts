/**
 * WebSocket close codes of /sync. The server closes a socket only with one of these; the client turns
 * each into a state a person understands. 4000–4999 are the application range of RFC 6455; the two
 * standard codes keep their standard meaning so that any WebSocket client understands them.
 */

/** A close code with its stable snake_case reason. */
export interface CloseCode {
  readonly code: number;
  readonly reason: string;
}

export const CloseCodes = {
  /** A single message was larger than the limit; refused before it was decoded. */
  messageTooBig: { code: 1009, reason: 'message_too_big' },
  /** The server is restarting or shutting down; reconnect. */
  serverRestart: { code: 1012, reason: 'server_restart' },
  /** A message could not be decoded as the y-websocket protocol. */
  malformedMessage: { code: 4400, reason: 'malformed_message' },
  /** The session behind this socket is no longer valid. */
  unauthorized: { code: 4401, reason: 'unauthorized' },
  /** The invitation behind this socket was revoked. */
  accessRevoked: { code: 4403, reason: 'access_revoked' },
  /**
   * A professional left the network's team (an admin or the operator took them out): the same code as a
   * revoked link, so that every client stops and drops its copy; the reason tells the page which it was.
   */
  teamAccessEnded: { code: 4403, reason: 'team_access_ended' },
  /** The meeting no longer exists. */
  meetingNotFound: { code: 4404, reason: 'meeting_not_found' },
  /**
   * An erasure rewrote the meeting document (a person's details or words were taken out of it): the
   * client deletes its local copy, which may still hold them, and loads the document again.
   */
  documentRewritten: { code: 4409, reason: 'document_rewritten' },
  /** The meeting document reached its size limit; the update was not stored. */
  documentTooLarge: { code: 4413, reason: 'document_too_large' },
  /** The client speaks an older protocol version and must reload. */
  outdatedClient: { code: 4426, reason: 'outdated_client' },
  /**
   * Updates that build on content the meeting does not have waited too long for it, or more of them were
   * waiting in the meeting than it holds; they were not applied, relayed or stored.
   */
  missingDependencies: { code: 4424, reason: 'missing_dependencies' },
  /** Too many messages, or too much awareness, in too short a time. */
  flood: { code: 4429, reason: 'flood' },
  /** The server could not store an update; the edit is still on the client, which should reconnect. */
  storageFailed: { code: 4500, reason: 'storage_failed' },
  /**
   * The socket did not read what it was sent: its unread messages stayed over the server's limit, and
   * were dropped with the socket. Nothing the client sent is lost by it; reconnect.
   */
  sendBufferFull: { code: 4503, reason: 'send_buffer_full' },
} as const satisfies Record<string, CloseCode>;

/** The name of a close code. */
export type CloseCodeName = keyof typeof CloseCodes;

/**
 * The name of a close code, or undefined when the code is not one of ours. A code that has several
 * reasons (4403) is named by its first entry unless `reason` names another.
 */
export function closeCodeName(code: number, reason?: string): CloseCodeName | undefined {
  let first: CloseCodeName | undefined;
  for (const [name, value] of Object.entries(CloseCodes)) {
    if (value.code !== code) continue;
    if (value.reason === reason) return name as CloseCodeName;
    first ??= name as CloseCodeName;
  }
  return first;
}

/**
 * Whether reconnecting cannot help after this close code. As in y-websocket's own convention, 4400–4499
 * mirror HTTP 4xx: the server decided, and the stock client stops reconnecting too.
 */
export function isPermanentClose(code: number): boolean {
  return code >= 4400 && code < 4500;
}
