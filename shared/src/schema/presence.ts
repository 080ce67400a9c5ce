/**
 * A person's presence in a meeting (y-protocols awareness state): who they are, their caret, a raised
 * hand. The server relays presence only in this shape, with `user` filled in from its own record of the
 * socket's person — a browser says which of the colours below it likes, and nothing else about who it is.
 */

/**
 * Colours for carets, the people list and "who wrote what"; each keeps white text readable (contrast
 * 4.5:1 or more). Twelve, so that a network of up to twelve people has no two alike.
 */
export const PRESENCE_COLOURS = [
  { name: 'Teal', color: '#1f6f8b' },
  { name: 'Plum', color: '#8a4f7d' },
  { name: 'Green', color: '#2e7d4f' },
  { name: 'Rust', color: '#b3541e' },
  { name: 'Indigo', color: '#4f52a3' },
  { name: 'Brick', color: '#a23b3b' },
  { name: 'Olive', color: '#5f6b1f' },
  { name: 'Blue', color: '#2f64ad' },
  { name: 'Violet', color: '#7a3fb0' },
  { name: 'Brown', color: '#7a5230' },
  { name: 'Raspberry', color: '#b0245e' },
  { name: 'Slate', color: '#4d5d6e' },
] as const;

/**
 * A person's colour in a network: from their place in the network's people list (the order they were
 * added), so that up to twelve people each have their own, and the same one everywhere — their caret,
 * the people list, "who wrote what". A hash of their id would give two of six people the same colour.
 */
export function personColour(people: readonly { id: string }[], participantId: string): string {
  const position = people.findIndex((person) => person.id === participantId);
  if (position < 0) return presenceColourOf(participantId);
  return (PRESENCE_COLOURS[position % PRESENCE_COLOURS.length] as (typeof PRESENCE_COLOURS)[number]).color;
}

/** Who a presence state is, as the server relays it. */
export interface PresenceUser {
  name: string;
  color: string;
  /** Their participant id in the network. */
  id: string;
  /** How they are related ("mother"). */
  relation: string;
  role: string;
}

/** Whether a colour is one of the presence colours. */
export function isPresenceColour(value: unknown): value is string {
  return PRESENCE_COLOURS.some((entry) => entry.color === value);
}

/** A presence colour for someone who has not chosen one, the same for them every time. */
export function presenceColourOf(participantId: string): string {
  let hash = 0;
  for (let i = 0; i < participantId.length; i++) hash = (hash * 31 + participantId.charCodeAt(i)) >>> 0;
  return (PRESENCE_COLOURS[hash % PRESENCE_COLOURS.length] as (typeof PRESENCE_COLOURS)[number]).color;
}

const isId = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;

/**
 * Whether an object's own enumerable keys are all among the ones given — what
 * `Object.keys(rest).length === 0` after destructuring them says, without the rest object and the key list
 * (the server checks a caret on every cursor move of everyone).
 */
function hasOnlyKeys(value: object, a: string, b: string, c?: string, d?: string): boolean {
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (key !== a && key !== b && key !== c && key !== d) return false;
  }
  return true;
}

function isYjsId(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'object' || Array.isArray(value)) return false;
  const { client, clock } = value as Record<string, unknown>;
  return isId(client) && isId(clock) && hasOnlyKeys(value, 'client', 'clock');
}

/** A Yjs relative position as JSON (Y.relativePositionToJSON): where a caret is in the document. */
function isRelativePosition(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { type, tname, item, assoc } = value as Record<string, unknown>;
  return (
    hasOnlyKeys(value, 'type', 'tname', 'item', 'assoc') &&
    isYjsId(type) &&
    isYjsId(item) &&
    (tname === undefined || tname === null || (typeof tname === 'string' && tname.length <= 100)) &&
    (assoc === undefined || Number.isSafeInteger(assoc))
  );
}

/** Whether a value is a caret as the editors share it ({ anchor, head }), or none. */
export function isPresenceCursor(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'object' || Array.isArray(value)) return false;
  const { anchor, head } = value as Record<string, unknown>;
  return hasOnlyKeys(value, 'anchor', 'head') && isRelativePosition(anchor) && isRelativePosition(head);
}

/** Who a relayed presence state says it is, or null when it does not say it in this shape. */
export function readPresenceUser(state: unknown): PresenceUser | null {
  if (typeof state !== 'object' || state === null) return null;
  const user = (state as { user?: unknown }).user;
  if (typeof user !== 'object' || user === null) return null;
  const { name, color, id, relation, role } = user as Record<string, unknown>;
  if (typeof name !== 'string' || !name) return null;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    name,
    color: isPresenceColour(color) ? color : '#555555',
    id: text(id),
    relation: text(relation),
    role: text(role),
  };
}
