/**
 * Whether a client's Yjs update can be integrated into the meeting as it stands, decided from the
 * decoded update and the meeting's state vector, before the update is applied, relayed or stored.
 *
 * An update builds on content by id: each item names the item to its left and right when it was made
 * (origin, rightOrigin) and, when not at the top level, the item holding it (parent); it continues its
 * own client's clock; and its delete set names ranges it deletes. Yjs keeps what it cannot integrate yet
 * in the document's pending set, merges every later such update into it and applies it all again whenever
 * something it waits for may have come: the cost of each grows with all that are held, for everyone in
 * the meeting, and what never resolves is carried (and stored) forever. So the room decides first, with
 * Yjs's own rules (integrateStructs, Item.getMissing, readAndApplyDeleteSet in yjs/src), and holds back
 * what waits.
 *
 * The walk is Yjs's: clients from the highest id down, each one's structs in clock order, and when an
 * item needs another client's struct that the update itself carries, that client's next structs first.
 * It either integrates everything (and says how the state vector moves) or names the first thing missing.
 */
import { CloseCodes } from '@polyphony/shared';
import * as Y from 'yjs';
import { ProtocolViolation } from './ProtocolViolation.js';

/** A state vector: client id → the clock the next struct of that client would have. */
export type Clocks = ReadonlyMap<number, number>;

/** Content an update waits for: it can be integrated once the state of `client` is past `clock`. */
export interface Missing {
  client: number;
  clock: number;
}

/** The outcome: the clocks that move when it is integrated, or the first content it waits for. */
export type DependencyCheck = { ok: true; advanced: Map<number, number> } | { ok: false; missing: Missing };

type Struct = Y.Item | Y.GC | Y.Skip;
/** A decoded update, as Y.decodeUpdate gives it. */
type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/**
 * Check a decoded update (Y.decodeUpdate) against the state vector `state`. Throws ProtocolViolation
 * (malformed) for an item that refers to its own client's future, which no Yjs client makes and which
 * Yjs would fail on halfway through applying it.
 */
export function checkDependencies(decoded: DecodedUpdate, state: Clocks): DependencyCheck {
  // A keystroke: one struct and no deletions — the walk below, without its bookkeeping.
  if (decoded.structs.length === 1 && decoded.ds.clients.size === 0)
    return checkOne(decoded.structs[0] as Struct, state);
  const byClient = new Map<number, { refs: Struct[]; i: number }>();
  for (const struct of decoded.structs) {
    let refs = byClient.get(struct.id.client);
    if (!refs) {
      refs = { refs: [], i: 0 };
      byClient.set(struct.id.client, refs);
    }
    refs.refs.push(struct);
  }
  const advanced = new Map<number, number>();
  const clockOf = (client: number): number => advanced.get(client) ?? state.get(client) ?? 0;
  // Whether the item's reference `id` is to another client's content that is not integrated yet.
  const lacks = (item: Y.Item, id: Y.ID | null): boolean => {
    if (id === null) return false;
    if (id.client === item.id.client) {
      if (id.clock >= item.id.clock) {
        throw new ProtocolViolation(CloseCodes.malformedMessage, 'an item refers to its own future');
      }
      return false;
    }
    return id.clock >= clockOf(id.client);
  };
  const needs = (item: Y.Item): Missing | null => {
    if (lacks(item, item.origin)) return item.origin;
    if (lacks(item, item.rightOrigin)) return item.rightOrigin;
    const parent = item.parent instanceof Y.ID ? item.parent : null;
    if (lacks(item, parent)) return parent;
    return null;
  };

  const clients = [...byClient.keys()].sort((a, b) => a - b);
  const nextTarget = (): { refs: Struct[]; i: number } | null => {
    while (clients.length > 0) {
      const target = byClient.get(clients[clients.length - 1] as number) as { refs: Struct[]; i: number };
      if (target.i < target.refs.length) return target;
      clients.pop();
    }
    return null;
  };
  let target = nextTarget();
  if (target !== null) {
    const stack: Struct[] = [];
    let head = target.refs[target.i++] as Struct;
    for (;;) {
      if (!(head instanceof Y.Skip)) {
        const local = clockOf(head.id.client);
        // A gap in the client's own clock: the structs before this one are missing.
        if (head.id.clock > local)
          return { ok: false, missing: { client: head.id.client, clock: head.id.clock - 1 } };
        const missing = head instanceof Y.Item ? needs(head) : null;
        if (missing !== null) {
          stack.push(head);
          const carrier = byClient.get(missing.client);
          if (!carrier || carrier.i === carrier.refs.length) return { ok: false, missing };
          head = carrier.refs[carrier.i++] as Struct;
          continue;
        }
        if (head.id.clock + head.length > local) advanced.set(head.id.client, head.id.clock + head.length);
      }
      if (stack.length > 0) head = stack.pop() as Struct;
      else if (target !== null && target.i < target.refs.length) head = target.refs[target.i++] as Struct;
      else {
        target = nextTarget();
        if (target === null) break;
        head = target.refs[target.i++] as Struct;
      }
    }
  }
  // Deletions of what is not there (yet) wait too: Yjs applies them again with every later update.
  for (const [client, ranges] of decoded.ds.clients) {
    const known = clockOf(client);
    for (const { clock, len } of ranges) {
      if (len > 0 && clock + len > known) return { ok: false, missing: { client, clock: clock + len - 1 } };
    }
  }
  return { ok: true, advanced };
}

/** An item's reference `id` is to another client's content not in `state` (its own future throws). */
function lacksIn(state: Clocks, item: Y.Item, id: Y.ID | null): boolean {
  if (id === null) return false;
  if (id.client === item.id.client) {
    if (id.clock >= item.id.clock) {
      throw new ProtocolViolation(CloseCodes.malformedMessage, 'an item refers to its own future');
    }
    return false;
  }
  return id.clock >= (state.get(id.client) ?? 0);
}

/** checkDependencies of an update of one struct and no deletions (the same rules, step by step). */
function checkOne(head: Struct, state: Clocks): DependencyCheck {
  const advanced = new Map<number, number>();
  if (head instanceof Y.Skip) return { ok: true, advanced };
  const { client, clock } = head.id;
  const local = state.get(client) ?? 0;
  if (clock > local) return { ok: false, missing: { client, clock: clock - 1 } };
  if (head instanceof Y.Item) {
    // What it lacks is another client's, which the update cannot carry: it waits.
    if (lacksIn(state, head, head.origin)) return { ok: false, missing: head.origin as Y.ID };
    if (lacksIn(state, head, head.rightOrigin)) return { ok: false, missing: head.rightOrigin as Y.ID };
    const parent = head.parent instanceof Y.ID ? head.parent : null;
    if (lacksIn(state, head, parent)) return { ok: false, missing: parent as Y.ID };
  }
  if (clock + head.length > local) advanced.set(client, clock + head.length);
  return { ok: true, advanced };
}
