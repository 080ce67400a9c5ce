/**
 * Counts of this process's sync traffic, for the operator's metrics (server/src/metrics). Plain numbers,
 * incremented where a message is received or queued and where a socket closes: nothing is allocated per
 * message, and the metrics read them only when they are scraped.
 */

/** Counts since the process started. */
export const syncTraffic = {
  /** Messages received from sync sockets (any type, before they are checked). */
  messagesReceived: 0,
  /** Messages queued to sync sockets (one per socket a message is sent to). */
  messagesSent: 0,
  /** Closed sync sockets, by close code (whoever closed them). */
  closes: new Map<number, number>(),
};

/** Count a message received from a sync socket. */
export function countReceived(): void {
  syncTraffic.messagesReceived++;
}

/** Count a message queued to a sync socket. */
export function countSent(): void {
  syncTraffic.messagesSent++;
}

/** Count a closed sync socket and its close code. */
export function countClose(code: number): void {
  syncTraffic.closes.set(code, (syncTraffic.closes.get(code) ?? 0) + 1);
}
