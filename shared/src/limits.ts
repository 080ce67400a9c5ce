/** Default limits, all configurable on the server. */
export const Limits = {
  /** Largest single WebSocket message, refused before it is decoded. */
  maxMessageBytes: 1024 * 1024,
  /** Largest meeting document, counted as stored bytes. */
  maxDocumentBytes: 10 * 1024 * 1024,
  /** Largest awareness message per connection. */
  maxAwarenessBytes: 4 * 1024,
  /** Awareness messages per second per connection. */
  awarenessPerSecond: 20,
  /** Messages of any kind per second per connection, averaged over a burst window. */
  messagesPerSecond: 200,
} as const;
