/**
 * Reading a meeting document's values without trusting them. The server checks every update against
 * the schema (rules.ts), but a document may have been stored before that check existed, or by another
 * client: every page, export and search reads values through these, which keep what is well-formed,
 * turn what is not into something harmless, and never throw. (People named in plan items and the next
 * meeting: readPeople and readNextMeeting in laterChanges.ts.)
 */
import { ROLES } from '../roles.js';
import { WHEN_NEEDED, WHERE_VALUES } from './rules.js';

/** Where someone is for a meeting. */
export type Where = (typeof WHERE_VALUES)[number];

/** One person's attendance as a reader shows it. */
export interface AttendanceView {
  name: string;
  relation: string;
  /** A role id, or '' when the stored one is not one. */
  role: string;
  /** Null when the stored value is not one of room, remote, phone. */
  where: Where | null;
}

/** A stored value as text: strings as they are, anything else as nothing. */
export function readText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** One attendance entry, or null when it names nobody. */
export function readAttendanceEntry(value: unknown): AttendanceView | null {
  const name = readText(field(value, 'name'));
  if (!name) return null;
  const role = field(value, 'role');
  const where = field(value, 'where');
  return {
    name,
    relation: readText(field(value, 'relation')),
    role: (ROLES as readonly unknown[]).includes(role) ? (role as string) : '',
    where: (WHERE_VALUES as readonly unknown[]).includes(where) ? (where as Where) : null,
  };
}

/** The attendance map (participant id → entry), keeping the entries that name someone. */
export function readAttendance(entries: Iterable<[string, unknown]>): Record<string, AttendanceView> {
  const out: Record<string, AttendanceView> = {};
  for (const [id, value] of entries) {
    const entry = readAttendanceEntry(value);
    if (entry) out[id] = entry;
  }
  return out;
}

/** Whether a next meeting's `when` means "when it is needed". */
export function isWhenNeeded(when: string): boolean {
  return when === WHEN_NEEDED;
}
