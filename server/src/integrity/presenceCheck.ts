/**
 * Presence as the server relays it. A presence state comes from the socket's browser, but who it says
 * the person is does not: `user` (name, relation, role, id) is the server's record of the socket's
 * person, and the colour the person's own in the network (their place in its people list: the same
 * in every browser and in "who wrote what"), or, where the server was not told it, one of the shared
 * presence colours (the one the browser chose, or one from the person's id). The caret and the raised hand must be in the shape the editors read — a caret the caret plugin
 * cannot read breaks every editor that shows it — and a state that is not is dropped, not relayed.
 * Other fields (a stock client's own) pass as they are, within the size limit.
 */
import { isPresenceColour, isPresenceCursor, type PresenceUser, presenceColourOf } from '@polyphony/shared';
import type { PresenceEntry } from '../sync/Presence.js';
import type { Writer } from './contentRules.js';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The presence state a writer's browser announced, bound to the writer; null when it is malformed. */
export function boundPresenceState(state: Uint8Array, writer: Writer): Uint8Array | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(state));
  } catch {
    return null;
  }
  if (!isPlainObject(parsed)) return null;
  const { user, cursor, handRaised, ...rest } = parsed;
  if (!isPresenceCursor(cursor)) return null;
  if (handRaised !== undefined && typeof handRaised !== 'boolean') return null;
  const chosen = isPlainObject(user) ? user.color : undefined;
  const bound: PresenceUser = {
    name: writer.name,
    color: writer.colour ?? (isPresenceColour(chosen) ? chosen : presenceColourOf(writer.participantId)),
    id: writer.participantId,
    relation: writer.relation,
    role: writer.role,
  };
  const out: Record<string, unknown> = { ...rest, user: bound };
  if (cursor !== undefined) out.cursor = cursor;
  if (handRaised !== undefined) out.handRaised = handRaised;
  return encoder.encode(JSON.stringify(out));
}

/** The participant a relayed presence state names (another instance bound it), if any. */
export function presenceOwner(state: Uint8Array | null): string | undefined {
  if (!state) return undefined;
  try {
    const parsed: unknown = JSON.parse(decoder.decode(state));
    const id = isPlainObject(parsed) && isPlainObject(parsed.user) ? parsed.user.id : undefined;
    return typeof id === 'string' && id ? id : undefined;
  } catch {
    return undefined;
  }
}

/** Rewrite each entry's state as bound to the writer; entries with a malformed state are left out. */
export function bindPresenceEntries(entries: readonly PresenceEntry[], writer: Writer): PresenceEntry[] {
  const bound: PresenceEntry[] = [];
  for (const entry of entries) {
    if (entry.state === null) {
      bound.push(entry);
      continue;
    }
    const state = boundPresenceState(entry.state, writer);
    if (state) bound.push({ id: entry.id, clock: entry.clock, state });
  }
  return bound;
}
