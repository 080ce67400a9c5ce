/**
 * The meeting copies this browser keeps (y-indexeddb, one database per meeting) and when they must go.
 *
 * A small register in localStorage remembers, per meeting copy, its network, who this browser is
 * there, and the document rewrite it was made after. Whenever a page of Polyphony opens, the browser
 * names its copies to the server (POST /api/local-copies, with or without a working session) and
 * deletes those it is told to: erased meetings, copies of a person who was erased or whose link was
 * revoked, copies older than an erasure's rewrite of the document. Leaving the device deletes all of
 * them. Pages with a copy open are told (onCopiesDropped) and close it first.
 */
import type { DropReason, LocalCopiesResponse } from '@polyphony/shared';
import { post } from '../api/request';

const REGISTER_KEY = 'polyphony.copies';
const PREFIX = 'polyphony-meeting-';

/** What the register knows of one meeting copy. */
interface CopyEntry {
  networkId: string;
  participantId: string;
  rewrittenAt: string | null;
}

type Register = Record<string, CopyEntry>;

/** The IndexedDB database name of a meeting's copy. */
export const copyName = (meetingId: string) => `${PREFIX}${meetingId}`;

function readRegister(): Register {
  try {
    const parsed = JSON.parse(localStorage.getItem(REGISTER_KEY) ?? '{}') as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Register) : {};
  } catch {
    return {};
  }
}

function writeRegister(register: Register): void {
  try {
    if (Object.keys(register).length === 0) localStorage.removeItem(REGISTER_KEY);
    else localStorage.setItem(REGISTER_KEY, JSON.stringify(register));
  } catch {
    // Storage full or off: the server still answers for copies found by name.
  }
}

/** Remember a meeting copy (the meeting page knows who this browser is there). */
export function rememberCopy(meetingId: string, entry: CopyEntry): void {
  const register = readRegister();
  register[meetingId] = entry;
  writeRegister(register);
}

/** The register's entry of a meeting copy, if any. */
export function knownCopy(meetingId: string): CopyEntry | undefined {
  return readRegister()[meetingId];
}

/** Copies a page of this tab has open: the page itself checks them (it knows who this browser is there). */
const open = new Set<string>();

/** A page opened (or closed) its copy of a meeting. */
export function markOpen(meetingId: string, isOpen: boolean): void {
  if (isOpen) open.add(meetingId);
  else open.delete(meetingId);
}

type DropListener = (meetingId: string, reason: DropReason | 'left') => void;
const listeners = new Set<DropListener>();

/** Be told when a copy is about to be deleted (a page with it open must close it first). */
export function onCopiesDropped(listener: DropListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Delete one meeting's database (after the page holding it closed it). `forget`: the register forgets
 * it too; kept (a rewritten document), the next opening still knows who this browser was there.
 */
export async function deleteCopy(meetingId: string, forget = true): Promise<void> {
  if (forget) {
    const register = readRegister();
    delete register[meetingId];
    writeRegister(register);
  }
  await deleteDatabase(copyName(meetingId));
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
    // Still open somewhere (another tab): deleted once that closes; nothing more to wait for here.
    request.onblocked = () => resolve();
  });
}

/** Delete these meetings' copies (open pages are told first). */
export async function dropCopies(meetingIds: readonly string[], reason: DropReason | 'left'): Promise<void> {
  if (meetingIds.length === 0) return;
  for (const id of meetingIds) for (const listener of listeners) listener(id, reason);
  const register = readRegister();
  for (const id of meetingIds) delete register[id];
  writeRegister(register);
  await Promise.all(meetingIds.map((id) => deleteDatabase(copyName(id))));
}

/** Delete every copy of a network's meetings this browser knows of. */
export function dropNetworkCopies(networkId: string, reason: DropReason): Promise<void> {
  const register = readRegister();
  return dropCopies(
    Object.keys(register).filter((id) => register[id]?.networkId === networkId),
    reason,
  );
}

/** The meeting ids of every copy this browser keeps: the register's and any database found by name. */
async function allCopies(): Promise<string[]> {
  const ids = new Set(Object.keys(readRegister()));
  try {
    for (const database of await indexedDB.databases()) {
      if (database.name?.startsWith(PREFIX)) ids.add(database.name.slice(PREFIX.length));
    }
  } catch {
    // Browsers without indexedDB.databases(): the register is what we know.
  }
  return [...ids];
}

/** Delete every copy (leaving this device). */
export async function dropAllCopies(): Promise<void> {
  await dropCopies(await allCopies(), 'left');
  writeRegister({});
}

/** Ask the server which copies to delete, and delete them; returns what was dropped. */
export async function reconcileCopies(): Promise<LocalCopiesResponse['drop']> {
  const ids = (await allCopies()).filter((id) => /^[A-Za-z0-9_-]{22}$/.test(id)).slice(0, 200);
  if (ids.length === 0) return [];
  const register = readRegister();
  const copies = ids.map((meetingId) => {
    const entry = register[meetingId];
    return entry
      ? { meetingId, participantId: entry.participantId, rewrittenAt: entry.rewrittenAt }
      : { meetingId };
  });
  const { drop } = await post<LocalCopiesResponse>('/api/local-copies', { copies });
  for (const entry of drop) dropped.set(entry.meetingId, entry.reason);
  for (const reason of ['erased', 'revoked', 'rewritten'] as const) {
    await dropCopies(
      drop
        .filter((entry) => entry.reason === reason)
        // A page with the copy open checks a rewrite itself, knowing who this browser is there.
        .filter((entry) => reason !== 'rewritten' || !open.has(entry.meetingId))
        .map((entry) => entry.meetingId),
      reason,
    );
  }
  return drop;
}

let first: Promise<void> | null = null;
/** How long a page waits for the first reconciliation before opening a copy anyway (offline, slow). */
const RECONCILE_WAIT_MS = 1500;

/** Reconcile once per page load (main.tsx starts it; meeting pages wait for it, briefly). */
export function reconcileOnce(): Promise<void> {
  first ??= reconcileCopies().then(
    () => undefined,
    () => undefined,
  );
  return first;
}

/**
 * Resolves once this page load's reconciliation is done (or after RECONCILE_WAIT_MS): a meeting page
 * opens its copy only then, so that it neither loads what was erased nor makes a new database of a
 * copy just deleted.
 */
export function whenReconciled(): Promise<void> {
  return Promise.race([
    reconcileOnce(),
    new Promise<void>((resolve) => setTimeout(resolve, RECONCILE_WAIT_MS)),
  ]);
}

/** Copies dropped since this page loaded, and why (a meeting page says so when it is one of them). */
const dropped = new Map<string, DropReason>();

/** Why this meeting's copy was dropped since the page loaded, if it was. */
export function droppedReason(meetingId: string): DropReason | undefined {
  return dropped.get(meetingId);
}
