/**
 * Staff sign-in with the organisation's OpenID Connect provider (issue 17): the authorization code flow
 * with PKCE, state and nonce, over `openid-client` (a certified relying party), with the provider found by
 * discovery. This file knows only the protocol: who may enter which team is decided by `admission.ts`,
 * and where the pending sign-in is kept between the two legs by `pendingSignIn.ts`.
 *
 * What it checks, so that nothing a browser or a provider sends is taken on trust: the callback's `state`
 * is the one this browser was given (CSRF), the ID token is signed by the discovered issuer for this
 * client and carries the nonce this browser was given (replay), the code is exchanged with the PKCE
 * verifier only this browser holds (a stolen code is useless), and a pending sign-in older than
 * PENDING_MAX_MS is refused.
 */
import * as client from 'openid-client';

/** How the service's identity provider is reached (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET). */
export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: `<PUBLIC_URL>/auth/callback`. */
  redirectUri: string;
  /** Scopes asked for; `openid email profile` by default (add `groups` where the provider needs it). */
  scopes?: string;
  /** The claim that lists the person's groups (`groups` for Entra ID and Keycloak). */
  groupsClaim?: string;
}

/** What one browser must bring back from the provider: kept in its cookie between the two legs. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** When the sign-in began (ms since the epoch). */
  startedAt: number;
}

/** Who the provider says signed in: the ID token's claims Polyphony uses. */
export interface StaffIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  /** Google Workspace's hosted domain claim (`hd`), when the provider sends one. */
  hostedDomain: string | null;
  groups: string[];
  /** Kept to end the provider's session on sign-out (`id_token_hint`). */
  idToken: string;
}

/** Why a sign-in was refused; `reason` is for the log and the refusal page, never the provider's text. */
export class SignInRefused extends Error {
  constructor(
    readonly reason: 'no-pending' | 'expired' | 'provider-error' | 'invalid-response',
    detail: string,
  ) {
    super(`sign-in refused (${reason}): ${detail}`);
    this.name = 'SignInRefused';
  }
}

/** A sign-in must come back within this long (10 minutes). */
export const PENDING_MAX_MS = 10 * 60_000;

/** The longest claim value kept (a name, an e-mail address, a group). */
const MAX_CLAIM_CHARS = 320;
/** The most groups kept from one token. */
const MAX_GROUPS = 200;

/** Plain `http://` is allowed only for a provider on this machine (tests, a local Keycloak). */
function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_CLAIM_CHARS ? value : null;
}

function groupsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((g): g is string => typeof g === 'string' && g.length > 0 && g.length <= MAX_CLAIM_CHARS)
    .slice(0, MAX_GROUPS);
}

/** One identity provider, discovered once. */
export class OidcSignIn {
  private constructor(
    private readonly config: client.Configuration,
    private readonly settings: OidcSettings,
    private readonly now: () => number,
  ) {}

  /**
   * Discover the provider (its `/.well-known/openid-configuration`, whose `issuer` must be the one
   * configured). Plain HTTP is refused unless the provider is on this machine.
   */
  static async discover(settings: OidcSettings, now: () => number = Date.now): Promise<OidcSignIn> {
    const insecure = settings.issuer.protocol === 'http:';
    if (insecure && !isLoopback(settings.issuer)) {
      throw new Error(
        `OIDC_ISSUER must be https:// (only a provider on 127.0.0.1 may use http://): ${settings.issuer}`,
      );
    }
    const config = await client.discovery(
      settings.issuer,
      settings.clientId,
      {
        client_secret: settings.clientSecret,
        redirect_uris: [settings.redirectUri],
        response_types: ['code'],
      },
      client.ClientSecretBasic(settings.clientSecret),
      insecure ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    return new OidcSignIn(config, settings, now);
  }

  /** The issuer the provider's discovery document names. */
  get issuer(): string {
    return this.config.serverMetadata().issuer;
  }

  /** Begin: where to send the browser, and what it must keep until it comes back. */
  async begin(): Promise<{ url: URL; pending: PendingSignIn }> {
    const pending: PendingSignIn = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      startedAt: this.now(),
    };
    const url = client.buildAuthorizationUrl(this.config, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes ?? 'openid email profile',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, pending };
  }

  /**
   * Complete: the provider sent the browser back to `callback`; exchange the code and check the ID token.
   * Throws SignInRefused for anything but a sign-in this browser began and the provider confirmed.
   */
  async complete(callback: URL, pending: PendingSignIn | null): Promise<StaffIdentity> {
    if (!pending) throw new SignInRefused('no-pending', 'no sign-in was begun in this browser');
    if (this.now() - pending.startedAt > PENDING_MAX_MS) {
      throw new SignInRefused('expired', 'the sign-in was begun too long ago');
    }
    const error = callback.searchParams.get('error');
    if (error !== null) throw new SignInRefused('provider-error', error.slice(0, 100));
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(this.config, callback, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      throw new SignInRefused('invalid-response', message.slice(0, 200));
    }
    const idClaims = tokens.claims();
    const idToken = tokens.id_token;
    if (!idClaims || !idToken) throw new SignInRefused('invalid-response', 'no ID token');
    const claims = { ...(await this.userInfo(tokens.access_token, idClaims.sub)), ...idClaims };
    return {
      issuer: claims.iss,
      subject: claims.sub,
      email: text(claims.email)?.toLowerCase() ?? null,
      emailVerified: claims.email_verified === true,
      name: text(claims.name),
      hostedDomain: text(claims.hd)?.toLowerCase() ?? null,
      groups: groupsOf(claims[this.settings.groupsClaim ?? 'groups']),
      idToken,
    };
  }

  /**
   * The claims the provider gives only at its userinfo endpoint (many keep e-mail, name and groups out of
   * the ID token), for the ID token's subject; the ID token's own claims win where both have one.
   */
  private async userInfo(accessToken: string, subject: string): Promise<Record<string, unknown>> {
    if (!this.config.serverMetadata().userinfo_endpoint) return {};
    try {
      return await client.fetchUserInfo(this.config, accessToken, subject);
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      throw new SignInRefused('invalid-response', `userinfo: ${message.slice(0, 200)}`);
    }
  }

  /** Where to send the browser to end its session at the provider too, or null if it offers none. */
  signOutUrl(idToken: string, postLogoutRedirectUri: string): URL | null {
    if (!this.config.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(this.config, {
      id_token_hint: idToken,
      post_logout_redirect_uri: postLogoutRedirectUri,
    });
  }
}
