/**
 * What a well-formed meeting document holds, beyond the names of its types (document.ts): the value
 * types of `meta`, `attendance` and `users`, how deep blocks may nest, and how long the short texts are.
 * The server checks every update against these facts before applying it; the readers (pages, exports,
 * search) do not rely on them, because a document stored before the check existed may break any of them.
 * A change here is a schema change and bumps PROTOCOL_VERSION.
 */
import { ROLES } from '../roles.js';
import { MetaKeys, PHASES } from './document.js';

/**
 * How deep elements may nest inside a section (a list in a list in a quote… counts every element). Deep
 * enough for any real writing — ten levels of lists are twenty elements — and shallow enough that every
 * reader can walk it.
 */
export const MAX_NESTING_DEPTH = 40;

/** Longest short text in the document's maps and block attributes (a name, a title, a "by when"). */
export const MAX_SHORT_TEXT = 1000;

/** Most people one plan item can list as agreeing or seeing it differently. */
export const MAX_PEOPLE_PER_LIST = 200;

/** Largest value of a `meta` key this version does not know (a newer client's), as JSON. */
export const MAX_UNKNOWN_META_JSON = 16 * 1024;

/** The keys of a PermanentUserData entry (`users` → participant id → this map). */
export const UserEntryKeys = {
  /** Y.Array of the Yjs client ids of this participant's browsers. */
  ids: 'ids',
  /** Y.Array of encoded delete sets: what this participant's browsers deleted. */
  deletions: 'ds',
} as const;

/** Where someone is for a meeting (attendance entry `where`). */
export const WHERE_VALUES = ['room', 'remote', 'phone'] as const;

/** The "next meeting" that is agreed to be called when needed, instead of at a time. */
export const WHEN_NEEDED = 'when_needed';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether a value is an ISO date-time as the document stores times ("2026-11-22T10:14:00.000Z"). */
export function isIsoTime(value: unknown): value is string {
  return typeof value === 'string' && ISO_TIME.test(value) && Number.isFinite(Date.parse(value));
}

/** Whether a value is a string no longer than `max` characters. */
export function isShortText(value: unknown, max = MAX_SHORT_TEXT): value is string {
  return typeof value === 'string' && value.length <= max;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOnlyKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(value).every((key) => keys.includes(key));
}

/** Whether a value is a well-formed `attendance` entry (participant id → this). */
export function isAttendanceEntry(value: unknown): boolean {
  return (
    isPlainObject(value) &&
    hasOnlyKeys(value, ['name', 'relation', 'role', 'where']) &&
    isShortText(value.name) &&
    isShortText(value.relation) &&
    (ROLES as readonly unknown[]).includes(value.role) &&
    (WHERE_VALUES as readonly unknown[]).includes(value.where)
  );
}

/** Whether a value is a well-formed `meta.nextMeeting`: not agreed yet (''), when needed, or a time. */
export function isNextMeeting(value: unknown): boolean {
  return (
    isPlainObject(value) &&
    hasOnlyKeys(value, ['when', 'convenerName']) &&
    (value.when === '' || value.when === WHEN_NEEDED || isIsoTime(value.when)) &&
    isShortText(value.convenerName)
  );
}

/** A rule for one `meta` key: whether a value is well-formed, and whether members may write it. */
export interface MetaRule {
  valid(value: unknown): boolean;
  /** Written only by the server (starting and closing a meeting), never by a member's browser. */
  serverOnly: boolean;
}

/** The rules of the known `meta` keys. Keys a newer version adds are only bounded in size. */
export const META_RULES: Readonly<Record<string, MetaRule>> = {
  [MetaKeys.title]: { valid: (v) => isShortText(v), serverOnly: false },
  [MetaKeys.startedAt]: { valid: isIsoTime, serverOnly: true },
  [MetaKeys.phase]: { valid: (v) => (PHASES as readonly unknown[]).includes(v), serverOnly: false },
  [MetaKeys.closed]: { valid: (v) => typeof v === 'boolean', serverOnly: true },
  [MetaKeys.closedAt]: { valid: isIsoTime, serverOnly: true },
  [MetaKeys.nextMeeting]: { valid: isNextMeeting, serverOnly: false },
  [MetaKeys.noDecisionsToday]: { valid: (v) => typeof v === 'boolean', serverOnly: false },
};

/**
 * Whether an encoded Yjs delete set (an entry of a PermanentUserData `ds` array, update format v1) is
 * well-formed: varUint clients · per client varUint client, varUint ranges · per range varUint clock,
 * varUint length, and nothing after. Readers of `users` decode every entry when they open a document.
 */
export function isEncodedDeleteSet(bytes: unknown, maxBytes = 64 * 1024): boolean {
  if (!(bytes instanceof Uint8Array) || bytes.length > maxBytes) return false;
  let pos = 0;
  const varUint = (): number | null => {
    let value = 0;
    let multiplier = 1;
    for (let i = 0; i < 8; i++) {
      if (pos >= bytes.length) return null;
      const byte = bytes[pos++] as number;
      value += (byte & 0x7f) * multiplier;
      if (byte < 0x80) return value;
      multiplier *= 0x80;
    }
    return null;
  };
  const clients = varUint();
  if (clients === null) return false;
  for (let c = 0; c < clients; c++) {
    if (varUint() === null) return false;
    const ranges = varUint();
    if (ranges === null) return false;
    for (let r = 0; r < ranges; r++) {
      if (varUint() === null || varUint() === null) return false;
    }
  }
  return pos === bytes.length;
}
