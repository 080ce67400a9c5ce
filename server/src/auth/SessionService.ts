/**
 * Browser sessions that end: after SESSION_IDLE_MINUTES without use, after SESSION_MAX_DAYS whatever
 * happens, or when the person leaves the device. "Use" is what a person does on a page — the client
 * reports touches, keys and scrolling (POST /api/session/active, at most about once a minute) — and
 * opening a link; requests a page makes by itself (refreshing the network page, the "seen" point) do
 * not keep a session alive, or a phone left on a table with a page open would never end. Both limits
 * are checked on every API request, at the socket upgrade, and for live sockets by the session sweep
 * (sessionSweep.ts). Every link opening issues a fresh session value (no planted value survives it).
 */
import type { SessionEnd } from '@polyphony/shared';
import type { Context } from 'hono';
import { sessionExpired, unauthorized } from '../errors.js';
import type { SessionRecord } from '../persistence/metadata/protection.js';
import type { MetadataStore } from '../persistence/metadata/types.js';
import { type CookiePolicy, requestSession, setSessionCookie } from './session.js';
import { hashToken, newToken } from './tokens.js';

/** How long sessions last. */
export interface SessionPolicy extends CookiePolicy {
  /** A session not used for this long ends. */
  idleMs: number;
}

/** A session that works. */
export interface ActiveSession {
  hash: string;
  record: SessionRecord;
}

/** Whether a token's session works, and why not. */
export type SessionCheck = ({ ok: true } & ActiveSession) | { ok: false; end: SessionEnd };

/** How many sessions' last touches are remembered at most (the oldest are forgotten first). */
const MAX_REMEMBERED = 50_000;

/** Sessions: checking, touching, opening with a fresh value, ending. */
export class SessionService {
  /** When this process last wrote each session's activity (ms). */
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly store: MetadataStore,
    readonly policy: SessionPolicy,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** How often a session's activity is written at most: a minute, or a tenth of the idle time. */
  get touchEveryMs(): number {
    return Math.min(60_000, this.policy.idleMs / 10);
  }

  /** When a session ends at the latest. */
  endsAt(record: SessionRecord): string {
    return new Date(Date.parse(record.createdAt) + this.policy.maxAgeMs).toISOString();
  }

  /** Why a stored session no longer works at `now`, or null while it does. */
  endOf(record: SessionRecord, now = this.now()): SessionEnd | null {
    const time = now.getTime();
    if (time - Date.parse(record.createdAt) >= this.policy.maxAgeMs) return 'lifetime';
    // This process may have seen use that it has not written yet (writes are spaced out).
    const active = Math.max(Date.parse(record.activeAt), this.touched.get(record.tokenHash) ?? 0);
    if (time - active >= this.policy.idleMs) return 'idle';
    return null;
  }

  /** Whether a session token works now. */
  async check(token: string | undefined): Promise<SessionCheck> {
    if (!token) return { ok: false, end: 'none' };
    const hash = hashToken(token);
    const record = await this.store.findSession(hash);
    if (!record) return { ok: false, end: 'none' };
    const end = this.endOf(record);
    return end ? { ok: false, end } : { ok: true, hash, record };
  }

  /** The request's working session; 401 (saying why) without one. */
  async require(c: Context): Promise<ActiveSession> {
    const checked = await this.check(requestSession(c));
    if (checked.ok) return checked;
    throw checked.end === 'none' ? unauthorized() : sessionExpired(checked.end);
  }

  /** Someone used a page with this session now (written at most every touchEveryMs). */
  async touch(hash: string): Promise<void> {
    const time = this.now().getTime();
    if (time - (this.touched.get(hash) ?? Number.NEGATIVE_INFINITY) < this.touchEveryMs) return;
    this.touched.delete(hash);
    this.touched.set(hash, time);
    if (this.touched.size > MAX_REMEMBERED) this.touched.delete(this.touched.keys().next().value as string);
    await this.store.touchSession(hash, new Date(time).toISOString());
  }

  /**
   * Give the browser a fresh session value (opening a link, starting a network). The memberships of
   * the session it had, if that still worked, come along; the old value stops existing, so a value
   * planted in the browser by someone else is never the one the person ends up using.
   */
  async open(c: Context): Promise<string> {
    const existing = requestSession(c);
    const checked = await this.check(existing);
    const token = newToken();
    const hash = hashToken(token);
    const from = existing ? hashToken(existing) : null;
    await this.store.renewSession({ from, to: hash, at: this.now().toISOString(), carry: checked.ok });
    if (from) this.touched.delete(from);
    this.touched.set(hash, this.now().getTime());
    setSessionCookie(c, token, this.policy);
    return token;
  }

  /**
   * Sign the browser in as a staff member with a fresh session value: the session it held ends (a
   * relative's links do not travel into a professional's session, nor the other way round).
   */
  async openStaff(c: Context, staffId: string): Promise<string> {
    const existing = requestSession(c);
    if (existing) await this.end(hashToken(existing));
    const token = newToken();
    const hash = hashToken(token);
    await this.store.startStaffSession(hash, staffId, this.now().toISOString());
    this.touched.set(hash, this.now().getTime());
    setSessionCookie(c, token, this.policy);
    return token;
  }

  /** End a session: it and its memberships are deleted. */
  async end(hash: string): Promise<void> {
    this.touched.delete(hash);
    await this.store.endSession(hash);
  }
}
