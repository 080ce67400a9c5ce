/**
 * Secrets of invitations and sessions: 256 random bits, base64url, stored only as their SHA-256 hash so
 * that a copy of the database opens nothing.
 */
import { createHash, randomBytes } from 'node:crypto';

/** A new secret token (256 bits). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A new opaque id (128 bits), for rows that are not secrets. */
export function newId(): string {
  return randomBytes(16).toString('base64url');
}

/** The stored form of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Whether a string has the shape of one of our tokens (43 base64url characters). */
export function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
