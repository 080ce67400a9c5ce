/**
 * Staff sign-in against a real OpenID provider on 127.0.0.1 (issue 17): the code flow with PKCE, state
 * and nonce through `OidcSignIn`, the provider's own login and consent pages, and who may enter a team.
 */

import { mayEnter, type TeamEntryRule } from '@polyphony/server/auth/oidc/admission';
import { OidcSignIn, type PendingSignIn, SignInRefused } from '@polyphony/server/auth/oidc/OidcSignIn';
import { decodePending, encodePending } from '@polyphony/server/auth/oidc/pendingSignIn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  signInWithFetch,
  startIdentityProvider,
  type TestIdentityProvider,
} from '../setup/identityProvider.js';

const CALLBACK = 'http://127.0.0.1:8080/api/staff/oidc/callback';

const accounts = {
  maria: {
    email: 'Maria.Virtanen@Pohjola.fi',
    email_verified: true,
    name: 'Maria Virtanen',
    groups: ['crisis-team'],
  },
  juho: { email: 'juho@pohjola.fi', email_verified: false, name: 'Juho' },
  ulla: { email: 'ulla@example.com', email_verified: true, name: 'Ulla' },
  sami: { email: 'sami@example.com', email_verified: true, groups: ['crisis-team'] },
};

const rule: TeamEntryRule = { domains: ['pohjola.fi'], groups: ['crisis-team'], invited: [] };

let provider: TestIdentityProvider;
let signIn: OidcSignIn;

beforeAll(async () => {
  provider = await startIdentityProvider({
    accounts,
    redirectUris: [CALLBACK],
    postLogoutRedirectUris: ['http://127.0.0.1:8080/'],
  });
  signIn = await OidcSignIn.discover({
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    redirectUri: CALLBACK,
    scopes: 'openid email profile groups',
  });
});

afterAll(async () => {
  await provider?.close();
});

async function through(login: string): Promise<{ callback: URL; pending: PendingSignIn }> {
  const { url, pending } = await signIn.begin();
  return { callback: await signInWithFetch(url, login, CALLBACK), pending };
}

describe('staff sign-in with a real OpenID provider', () => {
  it('[SI1] a professional signs in: verified e-mail, name and groups from a checked ID token', async () => {
    const { url, pending } = await signIn.begin();
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')).toBe(pending.state);
    const callback = await signInWithFetch(url, 'maria', CALLBACK);
    const identity = await signIn.complete(callback, pending);
    expect(identity).toMatchObject({
      issuer: provider.issuer.origin,
      subject: 'maria',
      email: 'maria.virtanen@pohjola.fi',
      emailVerified: true,
      name: 'Maria Virtanen',
      groups: ['crisis-team'],
    });
    expect(mayEnter(identity, rule)).toEqual({ ok: true, by: 'group' });
  });

  it("[SI2] a callback with another browser's state, nonce or verifier is refused", async () => {
    const first = await through('ulla');
    const other = (await signIn.begin()).pending;
    await expect(signIn.complete(first.callback, { ...first.pending, state: other.state })).rejects.toThrow(
      SignInRefused,
    );
    await expect(signIn.complete(first.callback, { ...first.pending, nonce: other.nonce })).rejects.toThrow(
      SignInRefused,
    );
    await expect(
      signIn.complete(first.callback, { ...first.pending, codeVerifier: other.codeVerifier }),
    ).rejects.toThrow(SignInRefused);
  });

  it('[SI3] a code is used once: the same callback a second time is refused', async () => {
    const { callback, pending } = await through('ulla');
    await expect(signIn.complete(callback, pending)).resolves.toMatchObject({ subject: 'ulla' });
    await expect(signIn.complete(callback, pending)).rejects.toThrow(SignInRefused);
  });

  it('[SI4] no pending sign-in, an old one, or a provider error is refused with its reason', async () => {
    const { callback, pending } = await through('ulla');
    await expect(signIn.complete(callback, null)).rejects.toMatchObject({ reason: 'no-pending' });
    await expect(
      signIn.complete(callback, { ...pending, startedAt: Date.now() - 11 * 60_000 }),
    ).rejects.toMatchObject({
      reason: 'expired',
    });
    const denied = new URL(`${CALLBACK}?error=access_denied&state=${pending.state}`);
    await expect(signIn.complete(denied, pending)).rejects.toMatchObject({ reason: 'provider-error' });
  });

  it('[SI5] who may enter: an allowed domain only when verified, a group, an invitation; others not', async () => {
    const juho = await through('juho');
    expect(mayEnter(await signIn.complete(juho.callback, juho.pending), rule)).toEqual({
      ok: false,
      reason: 'unverified-email',
    });
    const ulla = await through('ulla');
    const ullaIdentity = await signIn.complete(ulla.callback, ulla.pending);
    expect(mayEnter(ullaIdentity, rule)).toEqual({ ok: false, reason: 'not-allowed' });
    expect(mayEnter(ullaIdentity, { ...rule, invited: ['ulla@example.com'] })).toEqual({
      ok: true,
      by: 'invitation',
    });
    const sami = await through('sami');
    expect(mayEnter(await signIn.complete(sami.callback, sami.pending), rule)).toEqual({
      ok: true,
      by: 'group',
    });
  });

  it('[SI6] sign-out ends the provider session too: the end-session URL names the ID token', async () => {
    const { callback, pending } = await through('maria');
    const identity = await signIn.complete(callback, pending);
    const out = signIn.signOutUrl(identity.idToken, 'http://127.0.0.1:8080/');
    expect(out?.origin).toBe(provider.issuer.origin);
    expect(out?.searchParams.get('id_token_hint')).toBe(identity.idToken);
  });

  it('[SI7] the pending cookie round-trips, and anything else a browser sends reads as none', async () => {
    const { pending } = await signIn.begin();
    expect(decodePending(encodePending(pending))).toEqual(pending);
    for (const bad of [
      undefined,
      '',
      'x',
      'a'.repeat(5000),
      Buffer.from('{"state":1}').toString('base64url'),
      Buffer.from(JSON.stringify({ ...pending, state: 'short' })).toString('base64url'),
      Buffer.from(JSON.stringify({ ...pending, startedAt: -1 })).toString('base64url'),
    ]) {
      expect(decodePending(bad)).toBeNull();
    }
  });

  it('[SI8] a provider on plain HTTP elsewhere than this machine is refused before any request', async () => {
    await expect(
      OidcSignIn.discover({
        issuer: new URL('http://idp.example.org'),
        clientId: 'x',
        clientSecret: 'y',
        redirectUri: CALLBACK,
      }),
    ).rejects.toThrow(/https/);
  });
});
