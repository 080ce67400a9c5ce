/**
 * How the load generator's clients behave, in one object per scenario that drives every server's clients
 * alike. A server may change how a client reaches it (the framing, the URL, a session cookie, the person
 * named as typist: `Transport`), never what the client does (`ClientBehaviour`): the headline compares
 * servers, not clients. `tests/bench/symmetry.test.ts` holds the harness to this.
 */
import type { Framing } from './wire.js';

/**
 * What every editor of a scenario does, whatever server it talks to.
 *
 *  - presence 'echo': the probes are the stock providers (y-websocket's WebsocketProvider, Hocuspocus's
 *    HocuspocusProvider) as shipped, which send back every presence change they receive; 'own': the probes
 *    send only their own presence (Polyphony's browser client does; the y-websocket and Hocuspocus
 *    providers can be made to, and are, the same way). Light editors are the generator's own protocol-level
 *    clients and send only their own presence, for every server.
 *  - ackSaved: whether the clients that measure latency ask for Polyphony's "saved". Never in the
 *    headline: the durability check has clients of its own that do (`durabilityWriters`), on every server.
 */
export interface ClientBehaviour {
  readonly presence: 'echo' | 'own';
  readonly ackSaved: false;
  /** Keys per second per typist (exponential gaps, scheduled open loop), with a cursor move each. */
  readonly rate: number;
  /** Full-client probes per meeting that has any. */
  readonly probes: number;
  /** Probes in every n-th meeting (1: all); the others are light editors only. */
  readonly probeEvery: number;
  /**
   * Probes that are the stock provider with a full Y.Doc ('stock'), or the generator's raw-protocol
   * client that still applies everything it receives to a Y.Doc ('raw': the ramps, where the generator's
   * cost must stay below the servers' limits).
   */
  readonly probeKind: 'stock' | 'raw';
  /** Writers of a meeting of their own that ask for "saved" (the durability check), 0 for none. */
  readonly durabilityWriters: number;
}

/** How a client reaches one server: the only thing that may differ between servers. */
export interface Transport {
  framing: Framing;
  /** Polyphony: ws://host:port/sync, y-websocket: ws://host:port (the room is appended); Hocuspocus: ws://host:port. */
  serverUrl: string;
  /**
   * Several instances of one server (scale-out): editor i of each meeting (probes first) connects to
   * serverUrls[i % length]; serverUrl alone when unset.
   */
  serverUrls?: string[];
  /** Polyphony: the session of a member; the reference servers need none. */
  cookie?: string;
  /** Polyphony: the person the cookie is the session of, named as typist of the blocks editors write. */
  typist?: { id: string; name: string };
}

/** What the generator's threads are given: a transport and the scenario's behaviour, untouched. */
export interface Target extends Transport {
  behaviour: ClientBehaviour;
}

/** The keys a Target may have besides `behaviour` (the symmetry test checks no other key appears). */
export const TRANSPORT_KEYS: readonly (keyof Transport)[] = [
  'framing',
  'serverUrl',
  'serverUrls',
  'cookie',
  'typist',
];

/** The behaviour of the headline: stock providers as shipped (presence echo on), no "saved" asked. */
export function stockClients(
  overrides: Partial<Omit<ClientBehaviour, 'ackSaved' | 'presence'>> = {},
): ClientBehaviour {
  return Object.freeze({
    presence: 'echo',
    ackSaved: false,
    rate: 5,
    probes: 1,
    probeEvery: 1,
    probeKind: 'stock',
    durabilityWriters: 0,
    ...overrides,
  });
}

/** The second table: every probe, on every server, sends only its own presence. */
export function ownPresenceClients(
  overrides: Partial<Omit<ClientBehaviour, 'ackSaved' | 'presence'>> = {},
): ClientBehaviour {
  return Object.freeze({ ...stockClients(overrides), presence: 'own' });
}

/** The target of one server for one scenario: its transport, and the scenario's behaviour as it is. */
export function targetFor(transport: Transport, behaviour: ClientBehaviour): Target {
  return { ...transport, behaviour };
}

/** What a probe's provider is configured with, derived from the behaviour only (the same for every server). */
export interface ProbeSettings {
  /** Ask for "saved" (Polyphony's acknowledgement). */
  ack: boolean;
  /** Send only this client's own presence changes. */
  ownPresenceOnly: boolean;
  implementation: 'stock' | 'raw';
}

/** The probe settings of a target. */
export function probeSettings(target: Target): ProbeSettings {
  return {
    ack: target.behaviour.ackSaved,
    ownPresenceOnly: target.behaviour.presence === 'own',
    implementation: target.behaviour.probeKind,
  };
}
