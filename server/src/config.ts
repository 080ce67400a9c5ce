/**
 * Server configuration, read once from the environment at start. Every variable is documented in the
 * README; every limit has the default of shared/limits.
 */
import path from 'node:path';
import { Limits } from '@polyphony/shared';
import { loadVideoConfig, type VideoConfig } from './livekit/videoConfig.js';

/** Everything the server can be configured with. */
export interface Config {
  port: number;
  host: string;
  /** Folder of the SQLite file (polyphony.sqlite); not used when DATABASE_URL is set. */
  dataDir: string;
  logLevel: string;
  /** Folder of the built client; the server serves it when it exists. */
  clientDir: string;
  /** SQLite synchronous mode: FULL syncs every commit to disk; NORMAL survives a process crash only. */
  sqliteSynchronous: 'FULL' | 'NORMAL';
  /** The origin personal links are made with (e.g. https://polyphony.example.org); the request's when unset. */
  publicUrl: string | undefined;
  /** How long a personal link works. */
  invitationLifetimeMs: number;
  /** How long a staff sign-in link works (STAFF_LINK_HOURS, a day): shorter, since it opens a team. */
  staffLinkLifetimeMs: number;
  /** PostgreSQL for meeting documents and everything else (scale-out); the SQLite file when unset. */
  databaseUrl: string | undefined;
  /** A PostgreSQL schema of its own (created if missing); the database's default search path when unset. */
  databaseSchema: string | undefined;
  /** Redis, to relay updates and presence between instances; one instance alone when unset. */
  redisUrl: string | undefined;
  /** Take a version of a meeting once people have been writing this long since the last one. */
  versionEveryMs: number;
  limits: SyncLimits;
  /** Metrics for the operator (GET /metrics); see MetricsConfig. */
  metrics: MetricsConfig;
  /** LiveKit (LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET); undefined when video is not set up. */
  video: VideoConfig | undefined;
  /** Sessions, erasure, retention and the limits on anonymous requests. */
  protection: ProtectionConfig;
  /** Staff sign-in with the organisation's OpenID Connect provider (OIDC_*); undefined when not set up. */
  oidc: OidcConfig | undefined;
}

/** OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET (all three or none), OIDC_SCOPES, OIDC_GROUPS_CLAIM. */
export interface OidcConfig {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** `<PUBLIC_URL>/auth/callback`: the redirect URI registered at the provider. */
  redirectUri: string;
  /** `<PUBLIC_URL>/`: where the provider sends the browser after signing out there. */
  postLogoutRedirectUri: string;
  scopes: string;
  groupsClaim: string;
}

/** How long sessions last, how long networks are kept, what anonymous callers may do, whom to trust. */
export interface ProtectionConfig {
  /** A session nobody used for this long ends (SESSION_IDLE_MINUTES). */
  sessionIdleMs: number;
  /** A session ends this long after it began, used or not (SESSION_MAX_DAYS). */
  sessionMaxMs: number;
  /** Networks with no activity for this many days are due for erasure (RETENTION_DAYS); null: never. */
  retentionDays: number | null;
  /**
   * Whether a browser that is no professional of any network may start one (ALLOW_ANONYMOUS_START);
   * null when not set: allowed until a team exists, then off (teams/anonymousStart.ts).
   */
  allowAnonymousStart: boolean | null;
  /** How many proxies in front may be believed about the client (X-Forwarded-*); 0: none (TRUST_PROXY). */
  trustProxy: number;
  /** Anonymous network starts per client address per hour (STARTS_PER_HOUR). */
  startsPerHour: number;
  /** Personal-link openings per client address per minute (JOIN_ATTEMPTS_PER_MINUTE). */
  joinAttemptsPerMinute: number;
  /** API requests without a session per client address per minute (ANONYMOUS_REQUESTS_PER_MINUTE). */
  anonymousRequestsPerMinute: number;
  /** Requests to join a meeting per client address per hour (ASK_TO_JOIN_PER_HOUR). */
  askToJoinPerHour: number;
}

/**
 * Where GET /metrics is served. Nowhere by default; with a token, on the main port to requests that
 * carry it (`Authorization: Bearer …`); with a port, on that port only (and the token too, if set).
 */
export interface MetricsConfig {
  /** METRICS_TOKEN: the operator's token for /metrics. */
  token: string | undefined;
  /** METRICS_PORT: a port of its own for /metrics, e.g. one the proxy does not forward. */
  port: number | undefined;
  /** METRICS_HOST: the address METRICS_PORT listens on. */
  host: string;
}

/** Limits and timings of the sync server. */
export interface SyncLimits {
  maxMessageBytes: number;
  maxDocumentBytes: number;
  maxAwarenessBytes: number;
  awarenessPerSecond: number;
  messagesPerSecond: number;
  /** Compact a meeting's update log into a snapshot after this many stored updates. */
  compactEvery: number;
  /** Unload a meeting from memory this long after its last connection closed. */
  idleUnloadMs: number;
  /** A socket sent nothing for this long is sent even its own presence, to keep the stock client's watchdog calm. */
  keepAliveMs: number;
  /**
   * Under load, commits follow each other at least this far apart (ms); a lone edit is committed at once.
   * Each commit costs the same whatever it holds (SQLite: a WAL write and a sync; PostgreSQL: a round
   * trip and its WAL flush). "Saved" waits for it, and so do other instances, which are sent an update
   * only once it is committed.
   */
  commitIntervalMs: number;
  /**
   * A socket the server closed (revoked, refused, shutting down) and that has not answered the close in
   * this long (ms) is cut off; nothing it sent after the decision is handled in between.
   */
  closeGraceMs: number;
  /** Bytes written to a socket and not yet read by its peer, beyond which the socket is on notice… */
  maxSendBufferBytes: number;
  /** …and closed (send buffer full) once it has stayed over them this long (ms). */
  sendBufferGraceMs: number;
  /** Updates of a meeting held back because content they build on is missing: at most this many… */
  maxPendingUpdates: number;
  /** …and this many bytes; beyond either, the socket holding the most of them is refused. */
  maxPendingBytes: number;
  /** A held update whose missing content has not come in this long (ms) is dropped, its socket closed. */
  pendingTimeoutMs: number;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

/** A positive number, fractions allowed (so that tests can make a session last seconds). */
function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = (env[name] ?? '').trim().toLowerCase();
  if (raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new Error(`${name} must be true or false, got "${env[name]}"`);
}

/** TRUST_PROXY: unset or false, true (one proxy), or the number of proxies in front. */
function proxies(env: NodeJS.ProcessEnv): number {
  const raw = (env.TRUST_PROXY ?? '').trim().toLowerCase();
  if (raw === '' || raw === 'false' || raw === '0' || raw === 'no') return 0;
  if (raw === 'true' || raw === 'yes') return 1;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 10) {
    throw new Error(
      `TRUST_PROXY must be true, false or a number of proxies (1–10), got "${env.TRUST_PROXY}"`,
    );
  }
  return value;
}

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

/** The data-protection part of the configuration. */
export function loadProtectionConfig(env: NodeJS.ProcessEnv = process.env): ProtectionConfig {
  const retention = env.RETENTION_DAYS;
  return {
    sessionIdleMs: positive(env, 'SESSION_IDLE_MINUTES', 60) * MINUTE,
    sessionMaxMs: positive(env, 'SESSION_MAX_DAYS', 7) * DAY,
    retentionDays: retention === undefined || retention === '' ? null : positive(env, 'RETENTION_DAYS', 1),
    allowAnonymousStart:
      (env.ALLOW_ANONYMOUS_START ?? '').trim() === '' ? null : flag(env, 'ALLOW_ANONYMOUS_START', true),
    trustProxy: proxies(env),
    startsPerHour: int(env, 'STARTS_PER_HOUR', 30),
    joinAttemptsPerMinute: int(env, 'JOIN_ATTEMPTS_PER_MINUTE', 30),
    anonymousRequestsPerMinute: int(env, 'ANONYMOUS_REQUESTS_PER_MINUTE', 120),
    askToJoinPerHour: int(env, 'ASK_TO_JOIN_PER_HOUR', 12),
  };
}

/** Read the configuration from environment variables; throws a readable error on a bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const synchronous = (env.SQLITE_SYNCHRONOUS ?? 'FULL').toUpperCase();
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') {
    throw new Error(`SQLITE_SYNCHRONOUS must be FULL or NORMAL, got "${synchronous}"`);
  }
  const here = path.dirname(new URL(import.meta.url).pathname);
  return {
    port: int(env, 'PORT', 8080),
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    logLevel: env.LOG_LEVEL ?? 'info',
    clientDir: path.resolve(env.CLIENT_DIR ?? path.join(here, '../../client/dist')),
    sqliteSynchronous: synchronous,
    publicUrl: env.PUBLIC_URL || undefined,
    invitationLifetimeMs: int(env, 'INVITATION_DAYS', 30) * 24 * 60 * 60 * 1000,
    staffLinkLifetimeMs: int(env, 'STAFF_LINK_HOURS', 24) * 60 * 60 * 1000,
    versionEveryMs: int(env, 'VERSION_EVERY_MS', 3 * 60 * 1000),
    databaseUrl: env.DATABASE_URL || undefined,
    databaseSchema: env.DATABASE_SCHEMA || undefined,
    redisUrl: env.REDIS_URL || undefined,
    video: loadVideoConfig(env),
    metrics: loadMetricsConfig(env),
    protection: loadProtectionConfig(env),
    oidc: loadOidcConfig(env),
    limits: {
      maxMessageBytes: int(env, 'MAX_MESSAGE_BYTES', Limits.maxMessageBytes),
      maxDocumentBytes: int(env, 'MAX_DOCUMENT_BYTES', Limits.maxDocumentBytes),
      maxAwarenessBytes: int(env, 'MAX_AWARENESS_BYTES', Limits.maxAwarenessBytes),
      awarenessPerSecond: int(env, 'AWARENESS_PER_SECOND', Limits.awarenessPerSecond),
      messagesPerSecond: int(env, 'MESSAGES_PER_SECOND', Limits.messagesPerSecond),
      compactEvery: Math.max(1, int(env, 'COMPACT_EVERY', 500)),
      idleUnloadMs: int(env, 'IDLE_UNLOAD_MS', 30_000),
      keepAliveMs: int(env, 'KEEPALIVE_MS', 10_000),
      commitIntervalMs: int(env, 'COMMIT_INTERVAL_MS', 4),
      closeGraceMs: int(env, 'CLOSE_GRACE_MS', 1000),
      maxSendBufferBytes: int(env, 'MAX_SEND_BUFFER_BYTES', 16 * 1024 * 1024),
      sendBufferGraceMs: int(env, 'SEND_BUFFER_GRACE_MS', 2000),
      maxPendingUpdates: int(env, 'MAX_PENDING_UPDATES', 200),
      maxPendingBytes: int(env, 'MAX_PENDING_BYTES', 1024 * 1024),
      pendingTimeoutMs: int(env, 'PENDING_TIMEOUT_MS', 10_000),
    },
  };
}

/**
 * Staff sign-in through the organisation's identity provider: all of OIDC_ISSUER, OIDC_CLIENT_ID and
 * OIDC_CLIENT_SECRET, or none (staff then sign in with links). PUBLIC_URL is needed with them: the
 * redirect URI registered at the provider is made from it, never from what a request claims its host is.
 */
export function loadOidcConfig(env: NodeJS.ProcessEnv = process.env): OidcConfig | undefined {
  const names = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
  const given = names.filter((name) => (env[name] ?? '').trim() !== '');
  if (given.length === 0) return undefined;
  if (given.length < names.length) {
    const missing = names.filter((name) => !given.includes(name));
    throw new Error(
      `OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together: ${missing.join(', ')} missing`,
    );
  }
  let issuer: URL;
  try {
    issuer = new URL((env.OIDC_ISSUER ?? '').trim());
  } catch {
    throw new Error(`OIDC_ISSUER must be the provider's issuer URL, got "${env.OIDC_ISSUER}"`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
  if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && loopback)) {
    throw new Error(
      `OIDC_ISSUER must be an https:// URL (http:// only for a provider on 127.0.0.1), got "${env.OIDC_ISSUER}"`,
    );
  }
  const publicUrl = (env.PUBLIC_URL ?? '').trim().replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(publicUrl)) {
    throw new Error(
      'PUBLIC_URL is needed with OIDC_ISSUER (e.g. https://polyphony.example.org): the redirect URI is <PUBLIC_URL>/auth/callback',
    );
  }
  const scopes = (env.OIDC_SCOPES ?? '').trim() || 'openid email profile';
  if (!scopes.split(/\s+/).includes('openid')) {
    throw new Error(`OIDC_SCOPES must include openid, got "${env.OIDC_SCOPES}"`);
  }
  return {
    issuer,
    clientId: (env.OIDC_CLIENT_ID ?? '').trim(),
    clientSecret: (env.OIDC_CLIENT_SECRET ?? '').trim(),
    redirectUri: `${publicUrl}/auth/callback`,
    postLogoutRedirectUri: `${publicUrl}/`,
    scopes,
    groupsClaim: (env.OIDC_GROUPS_CLAIM ?? '').trim() || 'groups',
  };
}

/** METRICS_TOKEN, METRICS_PORT, METRICS_HOST. */
function loadMetricsConfig(env: NodeJS.ProcessEnv): MetricsConfig {
  const token = env.METRICS_TOKEN || undefined;
  // Whoever holds the token sees how busy the service is; a short one could be guessed.
  if (token !== undefined && token.length < 16) {
    throw new Error('METRICS_TOKEN must be at least 16 characters (e.g. openssl rand -hex 32)');
  }
  const port = env.METRICS_PORT ? int(env, 'METRICS_PORT', 0) : undefined;
  return { token, port, host: env.METRICS_HOST ?? '127.0.0.1' };
}
