/**
 * The stock y-websocket provider sends the server every presence change its awareness reports — its
 * own, and everyone else's it has just been sent. The server relays a meeting's presence to all of its
 * sockets itself and ignores those echoes, so they are upload for nothing: in a meeting of eight where
 * people type, each browser would send back every batch of the others' cursor moves, several a second, a
 * phone on a mobile connection included.
 *
 * `sendOwnPresenceOnly` keeps the provider's own encoding and sending, and passes it only this client's
 * own change. Announcing presence on (re)connecting is a separate step of the provider and is unchanged.
 */

/** What an awareness 'update' event reports, by client id. */
export interface PresenceChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

type PresenceHandler = (changes: PresenceChanges, origin: unknown) => void;

/** The parts of y-websocket's WebsocketProvider this relies on. */
export interface PresenceSendingProvider {
  doc: { clientID: number };
  awareness: {
    on(event: 'update', handler: PresenceHandler): void;
    off(event: 'update', handler: PresenceHandler): void;
  };
  /** The provider's sender, which its destroy() unregisters, so it is replaced rather than wrapped aside. */
  _awarenessUpdateHandler: PresenceHandler;
}

/** Make a y-websocket provider send only this client's own presence changes (see above). */
export function sendOwnPresenceOnly(provider: PresenceSendingProvider): void {
  const send = provider._awarenessUpdateHandler;
  const own = (ids: number[]) => ids.filter((id) => id === provider.doc.clientID);
  const sendOwn: PresenceHandler = (changes, origin) => {
    const mine = { added: own(changes.added), updated: own(changes.updated), removed: own(changes.removed) };
    if (mine.added.length + mine.updated.length + mine.removed.length > 0) send(mine, origin);
  };
  provider.awareness.off('update', send);
  provider._awarenessUpdateHandler = sendOwn;
  provider.awareness.on('update', sendOwn);
}
