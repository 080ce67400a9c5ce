/**
 * What a request says about its client and the address it was sent to, believing X-Forwarded-* only
 * when the operator says proxies are in front (TRUST_PROXY = how many). Without it anyone could claim
 * any origin for personal links (X-Forwarded-Host) or any client address for the rate limits
 * (X-Forwarded-For), so forwarded headers are ignored.
 *
 * With N trusted proxies, the value each header carries for the client is the one the outermost trusted
 * proxy added: the N-th from the right of its comma-separated list (what is left of it came from the
 * client and may be anything).
 */
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/** The value a trusted proxy put in a comma-separated forwarded header; undefined when not believed. */
export function trustedValue(header: string | undefined, trustProxy: number): string | undefined {
  if (!header || trustProxy <= 0) return undefined;
  const values = header
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
  if (values.length === 0) return undefined;
  return values[Math.max(0, values.length - trustProxy)];
}

/** The protocol the person used, as a trusted proxy says (X-Forwarded-Proto). */
export function forwardedProto(c: Context, trustProxy: number): string | undefined {
  return trustedValue(c.req.header('x-forwarded-proto'), trustProxy)?.toLowerCase();
}

/** The host the person sent the request to: a trusted proxy's X-Forwarded-Host, else Host. */
export function requestHost(c: Context, trustProxy: number): string | undefined {
  return trustedValue(c.req.header('x-forwarded-host'), trustProxy) ?? c.req.header('host');
}

/** The same for a raw upgrade request. */
export function upgradeHost(request: IncomingMessage, trustProxy: number): string | undefined {
  const forwarded = request.headers['x-forwarded-host'];
  return (
    trustedValue(Array.isArray(forwarded) ? forwarded.join(',') : forwarded, trustProxy) ??
    request.headers.host
  );
}

/** The origin the person sees: https://polyphony.example.org, or the request's own. */
export function requestOrigin(c: Context, trustProxy: number): string {
  const url = new URL(c.req.url);
  const proto = forwardedProto(c, trustProxy) ?? url.protocol.replace(':', '');
  return `${proto}://${requestHost(c, trustProxy) ?? url.host}`;
}

/** The client's address: the socket's peer, or what the trusted proxies say it is. */
export function clientAddress(c: Context, trustProxy: number): string {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const peer = incoming?.socket?.remoteAddress ?? 'unknown';
  return trustedValue(c.req.header('x-forwarded-for'), trustProxy) ?? peer;
}
