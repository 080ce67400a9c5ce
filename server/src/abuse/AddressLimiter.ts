/**
 * A rate limit per client address: a token bucket for each address, holding at most `burst` requests
 * and refilled at `perWindow` per `windowMs`. What is over the limit is refused with 429 and
 * Retry-After (the seconds until the next request would be allowed).
 *
 * Memory is bounded: at most `maxAddresses` buckets, the least recently used forgotten first (a
 * forgotten address starts with a full bucket again, which only ever errs towards letting people in).
 * The limits are per process: with several instances behind a load balancer each counts its own.
 */
import { RateLimited } from '../errors.js';

/** How one limit is set. */
export interface AddressLimitOptions {
  /** Requests allowed per window; 0 turns the limit off. */
  perWindow: number;
  windowMs: number;
  /** Requests allowed at once (defaults to perWindow). */
  burst?: number;
  maxAddresses?: number;
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** One rate limit, per client address. */
export class AddressLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly burst: number;
  private readonly maxAddresses: number;
  private readonly now: () => number;

  constructor(private readonly options: AddressLimitOptions) {
    if (options.windowMs <= 0) throw new Error('a rate limit needs a window longer than 0 ms');
    this.perMs = options.perWindow / options.windowMs;
    this.burst = Math.max(1, options.burst ?? options.perWindow);
    this.maxAddresses = options.maxAddresses ?? 20_000;
    this.now = options.now ?? Date.now;
  }

  /** Count one request from `address`; throws RateLimited (429) when it is over the limit. */
  take(address: string): void {
    const wait = this.tryTake(address);
    if (wait > 0) throw new RateLimited(Math.max(1, Math.ceil(wait / 1000)));
  }

  /** Count one request; 0 when allowed, otherwise how many ms until one would be. */
  tryTake(address: string): number {
    if (this.options.perWindow <= 0) return 0;
    const now = this.now();
    const bucket = this.buckets.get(address) ?? { tokens: this.burst, at: now };
    // Least recently used last in the map's order.
    this.buckets.delete(address);
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    this.buckets.set(address, bucket);
    if (this.buckets.size > this.maxAddresses)
      this.buckets.delete(this.buckets.keys().next().value as string);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return (1 - bucket.tokens) / this.perMs;
  }
}
