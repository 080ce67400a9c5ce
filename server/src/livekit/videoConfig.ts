/**
 * LiveKit configuration: `LIVEKIT_URL`, `LIVEKIT_API_KEY`, `LIVEKIT_API_SECRET`, read once at start.
 * All three or none: without them video is simply not set up and everything else works.
 */
import { VIDEO_TOKEN_MAX_SECONDS } from '@polyphony/shared';

/** A configured LiveKit server. */
export interface VideoConfig {
  /** The URL clients connect to (ws:// or wss://); the server's API calls use its http(s) twin. */
  url: string;
  apiKey: string;
  apiSecret: string;
  /** Lifetime of a video token, at most 10 minutes. */
  tokenTtlSeconds: number;
}

/** Read the LiveKit configuration; undefined when video is not set up, an error when half set up. */
export function loadVideoConfig(env: NodeJS.ProcessEnv): VideoConfig | undefined {
  const url = env.LIVEKIT_URL?.trim();
  const apiKey = env.LIVEKIT_API_KEY?.trim();
  const apiSecret = env.LIVEKIT_API_SECRET?.trim();
  if (!url && !apiKey && !apiSecret) return undefined;
  if (!url || !apiKey || !apiSecret) {
    throw new Error(
      'LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET must be set together, or none of them',
    );
  }
  if (!/^(wss?|https?):\/\//.test(url))
    throw new Error(`LIVEKIT_URL must be a ws(s):// or http(s):// URL, got "${url}"`);
  const ttl = Number(env.VIDEO_TOKEN_SECONDS ?? VIDEO_TOKEN_MAX_SECONDS);
  if (!Number.isInteger(ttl) || ttl < 30 || ttl > VIDEO_TOKEN_MAX_SECONDS) {
    throw new Error(`VIDEO_TOKEN_SECONDS must be an integer from 30 to ${VIDEO_TOKEN_MAX_SECONDS}`);
  }
  return { url: url.replace(/^http/, 'ws'), apiKey, apiSecret, tokenTtlSeconds: ttl };
}
