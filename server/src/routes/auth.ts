/**
 * Staff sign-in with the organisation's identity provider (issue 17, SPEC.md [OI1]–[OI9]):
 *
 * - GET /auth/login starts the authorization code flow (state, nonce, PKCE; the pending sign-in in this
 *   browser's own short-lived cookie, pendingSignIn.ts) and sends the browser to the provider.
 * - GET /auth/callback is where the provider sends it back: the pending cookie is used up whatever
 *   happens, the code is exchanged and the ID token checked (OidcSignIn.ts), the teams it may enter are
 *   decided (enterTeams.ts), and a staff session cookie lands the browser on /team. Anything else lands
 *   on /sign-in-refused?reason=…, a page that says why in the person's language, without a session.
 * - POST /auth/logout ends the staff session (its sockets close) and, for a sign-in through the
 *   provider, names the provider's end_session_endpoint for the browser to go to (RP-initiated logout).
 *   It is called with fetch, not a form: a page served with `Referrer-Policy: no-referrer` sends a form's
 *   POST with `Origin: null`, which the same-origin check rightly refuses.
 *
 * Without OIDC_* settings /auth/login and /auth/callback answer 404 and nothing else changes; logout
 * works for every staff session (sign-in links too). The provider is discovered on first use (and again
 * after a failure), so a provider that is down at start does not keep Polyphony from starting.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { CloseCodes } from '@polyphony/shared';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { limitKey } from '../abuse/limits.js';
import { sameOrigin } from '../app.js';
import { enterTeams } from '../auth/oidc/enterTeams.js';
import { OidcSignIn, PENDING_MAX_MS, SignInRefused } from '../auth/oidc/OidcSignIn.js';
import { decodePending, encodePending } from '../auth/oidc/pendingSignIn.js';
import { requestHost } from '../auth/proxy.js';
import { clearSessionCookie, isSecureRequest, requestSession } from '../auth/session.js';
import { hashToken } from '../auth/tokens.js';
import { forbidden, notFound } from '../errors.js';
import type { Logger } from '../logger.js';
import type { RouteContext } from './context.js';
import { apiRoutes, json, refusal } from './declare.js';

/** The answer to POST /auth/logout. */
const SignedOutSchema = z.object({ location: z.string() });

/** The pending sign-in's cookie (`__Host-` over HTTPS). */
const PENDING_COOKIE = 'polyphony_oidc';
/** The ID token of a sign-in through the provider, kept for its logout (`id_token_hint`). */
const ID_TOKEN_COOKIE = 'polyphony_oidc_id';
/** An ID token longer than this is not kept (a cookie holds about 4 KB); logout then ends only ours. */
const MAX_ID_TOKEN_CHARS = 3500;

const login = createRoute({
  method: 'get',
  path: '/login',
  summary: 'Staff sign-in with the organisation: redirects to the identity provider',
  responses: {
    302: { description: 'To the provider, or to /sign-in-refused?reason=unavailable' },
    404: refusal('No identity provider is configured'),
    429: refusal('Too many attempts'),
  },
});

const callback = createRoute({
  method: 'get',
  path: '/callback',
  summary: 'Where the identity provider sends the browser back: a staff session, and the team page',
  request: {
    query: z.object({
      code: z.string().optional(),
      state: z.string().optional(),
      error: z.string().optional(),
    }),
  },
  responses: {
    302: { description: 'To /team with a staff session, or to /sign-in-refused?reason=…' },
    404: refusal('No identity provider is configured'),
    429: refusal('Too many attempts'),
  },
});

const logout = createRoute({
  method: 'post',
  path: '/logout',
  summary: 'Sign out: end the staff session, and the provider’s session when it offers that',
  responses: {
    200: json(SignedOutSchema, 'Where the browser goes next: the provider’s end-session page, or /'),
    403: refusal('From another site'),
  },
});

/** Cookie options for what this browser keeps between the legs of a sign-in (and for its logout). */
function cookieOptions(c: Context, ctx: RouteContext, maxAgeSeconds: number) {
  const secure = isSecureRequest(c, ctx.sessions.policy);
  return {
    httpOnly: true,
    sameSite: 'Lax' as const,
    secure,
    path: '/',
    maxAge: maxAgeSeconds,
    ...(secure ? { prefix: 'host' as const } : {}),
  };
}

function readCookie(c: Context, name: string): string | undefined {
  return getCookie(c, `__Host-${name}`) ?? getCookie(c, name);
}

function dropCookie(c: Context, name: string): void {
  if (getCookie(c, name) !== undefined) deleteCookie(c, name, { path: '/' });
  if (getCookie(c, `__Host-${name}`) !== undefined) {
    deleteCookie(c, name, { path: '/', secure: true, prefix: 'host' });
  }
}

/** Routes of /auth. */
export function authRoutes(ctx: RouteContext, logger: Logger) {
  const { oidc } = ctx;
  let discovered: Promise<OidcSignIn> | undefined;
  /** The provider, discovered once; a failed discovery is tried again by the next sign-in. */
  const provider = (): Promise<OidcSignIn> => {
    if (!oidc) throw notFound('Staff sign-in with an identity provider is not set up here.');
    discovered ??= OidcSignIn.discover(
      {
        issuer: oidc.issuer,
        clientId: oidc.clientId,
        clientSecret: oidc.clientSecret,
        redirectUri: oidc.redirectUri,
        scopes: oidc.scopes,
        groupsClaim: oidc.groupsClaim,
      },
      () => ctx.now().getTime(),
    ).catch((error: unknown) => {
      discovered = undefined;
      throw error;
    });
    return discovered;
  };
  if (oidc) {
    // Discover at start, so that a wrong issuer shows in the log at once (sign-ins try again anyway).
    provider().then(
      (found) => logger.info({ issuer: found.issuer }, 'staff sign-in: identity provider discovered'),
      (error: unknown) =>
        logger.warn(
          { err: error, issuer: oidc.issuer.href },
          'staff sign-in: the identity provider could not be discovered',
        ),
    );
  }

  /** Bounded attempts per client address (the limit on opening links). */
  const limited = (c: Context) => {
    const wait = ctx.limits.joins.tryTake(limitKey(ctx.limits, c));
    if (wait <= 0) return undefined;
    c.header('Retry-After', String(Math.max(1, Math.ceil(wait / 1000))));
    return c.json({ error: 'too_many', message: 'Too many attempts. Wait a minute and try again.' }, 429);
  };

  const refused = (c: Context, reason: string) => c.redirect(`/sign-in-refused?reason=${reason}`, 302);

  return apiRoutes()
    .openapi(login, async (c) => {
      c.header('Cache-Control', 'no-store');
      if (!oidc) throw notFound('Staff sign-in with an identity provider is not set up here.');
      const tooMany = limited(c);
      if (tooMany) return tooMany;
      let signIn: OidcSignIn;
      try {
        signIn = await provider();
      } catch (error) {
        logger.warn({ err: error }, 'staff sign-in: the identity provider is unreachable');
        return refused(c, 'unavailable');
      }
      const { url, pending } = await signIn.begin();
      setCookie(c, PENDING_COOKIE, encodePending(pending), cookieOptions(c, ctx, PENDING_MAX_MS / 1000));
      return c.redirect(url.href, 302);
    })
    .openapi(callback, async (c) => {
      c.header('Cache-Control', 'no-store');
      c.header('Referrer-Policy', 'no-referrer');
      if (!oidc) throw notFound('Staff sign-in with an identity provider is not set up here.');
      const tooMany = limited(c);
      if (tooMany) return tooMany;
      // The pending sign-in is used once: a second callback with it (a replayed code) has none.
      const pending = decodePending(readCookie(c, PENDING_COOKIE));
      dropCookie(c, PENDING_COOKIE);
      let signIn: OidcSignIn;
      try {
        signIn = await provider();
      } catch (error) {
        logger.warn({ err: error }, 'staff sign-in: the identity provider is unreachable');
        return refused(c, 'unavailable');
      }
      // The URL the provider was told to come back to, with what it sent (not the request's own host).
      const back = new URL(oidc.redirectUri);
      back.search = new URL(c.req.url).search.slice(0, 4096);
      let identity: Awaited<ReturnType<OidcSignIn['complete']>>;
      try {
        identity = await signIn.complete(back, pending);
      } catch (error) {
        if (!(error instanceof SignInRefused)) throw error;
        logger.warn({ reason: error.reason, detail: error.message }, 'staff sign-in refused');
        return refused(c, 'failed');
      }
      const entry = await enterTeams(ctx.store, identity, ctx.now());
      if (!entry.ok) {
        // Who tried is the provider's business; the log keeps the reason and the address's domain.
        const domain = identity.email?.split('@')[1] ?? null;
        logger.warn({ reason: entry.reason, detail: entry.detail, domain }, 'staff sign-in refused');
        return refused(c, entry.reason);
      }
      await ctx.sessions.openStaff(c, entry.staff.id);
      if (identity.idToken.length <= MAX_ID_TOKEN_CHARS) {
        setCookie(
          c,
          ID_TOKEN_COOKIE,
          identity.idToken,
          cookieOptions(c, ctx, Math.floor(ctx.sessions.policy.maxAgeMs / 1000)),
        );
      }
      logger.info(
        { staffId: entry.staff.id, teams: entry.teams },
        'staff signed in through the identity provider',
      );
      return c.redirect('/team', 302);
    })
    .openapi(logout, async (c) => {
      c.header('Cache-Control', 'no-store');
      const origin = c.req.header('origin');
      if (origin && !sameOrigin(origin, requestHost(c, ctx.protection.trustProxy))) {
        throw forbidden('Requests from other sites are refused.');
      }
      const token = requestSession(c);
      if (token) {
        const hash = hashToken(token);
        await ctx.sessions.end(hash);
        ctx.sync.closeConnections(
          (connection) => connection.principal.sessionHash === hash,
          CloseCodes.unauthorized,
        );
      }
      clearSessionCookie(c, ctx.sessions.policy);
      const idToken = readCookie(c, ID_TOKEN_COOKIE);
      dropCookie(c, ID_TOKEN_COOKIE);
      c.header('Clear-Site-Data', '"cache", "storage"');
      if (oidc && idToken) {
        try {
          const away = (await provider()).signOutUrl(idToken, oidc.postLogoutRedirectUri);
          if (away) return c.json({ location: away.href }, 200);
        } catch (error) {
          logger.warn({ err: error }, 'staff sign-out: the identity provider is unreachable');
        }
      }
      return c.json({ location: '/' }, 200);
    });
}
