/**
 * Presence as the server relays it. A presence state comes from the socket's browser, but who it says
 * the person is does not: `user` (name, relation, role, id) is the server's record of the socket's
 * person, and the colour the person's own in the network (their place in its people list: the same
 * in every browser and in "who wrote what"), or, where the server was not told it, one of the shared
 * presence colours (the one the browser chose, or one from the person's id). The caret and the raised
 * hand must be in the shape the editors read — a caret the caret plugin cannot read breaks every editor
 * that shows it — and a state that is not is dropped, not relayed.
 * Other fields (a stock client's own) pass as they are, within the size limit.
 */
import {
  isPresenceColour,
  isPresenceCursor,
  PRESENCE_COLOURS,
  type PresenceUser,
  presenceColourOf,
} from '@polyphony/shared';
import { MalformedPresence, type PresenceEntry } from '../sync/Presence.js';
import { scanCanonical, writeCanonical } from './canonicalPresence.js';
import type { Writer } from './contentRules.js';

const decoder = new TextDecoder();
/** A socket's states must be UTF-8: one that is not closes the socket, as JSON that does not parse does. */
const strictDecoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/**
 * The `user` field as the server writes it, as JSON, per writer and colour: the same on every cursor move
 * of that person, so it is written once rather than stringified with every state.
 */
const userJson = new WeakMap<Writer, Map<string, string>>();

function userJsonOf(writer: Writer, color: string): string {
  let byColour = userJson.get(writer);
  if (!byColour) {
    byColour = new Map();
    userJson.set(writer, byColour);
  }
  let json = byColour.get(color);
  if (json === undefined) {
    const bound: PresenceUser = {
      name: writer.name,
      color,
      id: writer.participantId,
      relation: writer.relation,
      role: writer.role,
    };
    json = JSON.stringify(bound);
    byColour.set(color, json);
  }
  return json;
}

/** The same, as UTF-8 bytes (for boundCanonicalState). */
const userBytes = new WeakMap<Writer, Map<string, Uint8Array>>();

function userBytesOf(writer: Writer, color: string): Uint8Array {
  let byColour = userBytes.get(writer);
  if (!byColour) {
    byColour = new Map();
    userBytes.set(writer, byColour);
  }
  let bytes = byColour.get(color);
  if (bytes === undefined) {
    bytes = encoder.encode(userJsonOf(writer, color));
    byColour.set(color, bytes);
  }
  return bytes;
}

const COLOURS = PRESENCE_COLOURS.map(({ color }) => ({ color, bytes: encoder.encode(color) }));

/** The colour the server writes for `writer`, given the one their browser chose (if any). */
function colourFor(writer: Writer, chosen: unknown): string {
  // The person's own colour in the network (honest.spec); else the one chosen, or one from the id.
  return writer.colour ?? (isPresenceColour(chosen) ? chosen : presenceColourOf(writer.participantId));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The presence state a writer's browser announced, bound to the writer; null when it is malformed.
 * `strict`: a state that is not JSON (or not UTF-8) throws MalformedPresence instead (it closes the
 * socket, where one of the wrong shape is only left out).
 */
export function boundPresenceState(state: Uint8Array, writer: Writer, strict = false): Uint8Array | null {
  // An editor's cursor move, nearly always: checked and rewritten without parsing it.
  const chosen = scanCanonical(state, COLOURS);
  if (chosen !== false) return writeCanonical(state, userBytesOf(writer, colourFor(writer, chosen)));
  return boundByParsing(state, writer, strict);
}

/** boundPresenceState for any state: parsed, checked, and written again. */
export function boundByParsing(state: Uint8Array, writer: Writer, strict = false): Uint8Array | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse((strict ? strictDecoder : decoder).decode(state));
  } catch (error) {
    if (strict) throw new MalformedPresence(String(error));
    return null;
  }
  if (!isPlainObject(parsed)) return null;
  const { user, cursor, handRaised } = parsed;
  if (!isPresenceCursor(cursor)) return null;
  if (handRaised !== undefined && typeof handRaised !== 'boolean') return null;
  const color = colourFor(writer, isPlainObject(user) ? user.color : undefined);
  // What JSON.stringify({ ...rest, user, cursor, handRaised }) writes (rest: the other fields, in their
  // order), with `user` written once per person and no object built for it.
  let json = '{';
  for (const key in parsed) {
    if (!Object.hasOwn(parsed, key) || key === 'user' || key === 'cursor' || key === 'handRaised') continue;
    json += `${JSON.stringify(key)}:${JSON.stringify(parsed[key])},`;
  }
  json += `"user":${userJsonOf(writer, color)}`;
  if (cursor !== undefined) json += `,"cursor":${JSON.stringify(cursor)}`;
  if (handRaised !== undefined) json += `,"handRaised":${handRaised}`;
  return encoder.encode(`${json}}`);
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

/**
 * Rewrite each entry's state as bound to the writer (null where it is of the wrong shape, so left out),
 * in the order given. The states are parsed here, once: one that is not JSON throws MalformedPresence.
 */
export function bindPresenceStates(
  entries: readonly PresenceEntry[],
  writer: Writer,
): (PresenceEntry | null)[] {
  return entries.map((entry) => {
    if (entry.state === null) return entry;
    const state = boundPresenceState(entry.state, writer, true);
    return state ? { id: entry.id, clock: entry.clock, state } : null;
  });
}
