/**
 * Staff sign-in with the organisation's identity provider, end to end over HTTP (issue 17): the real
 * built server with OIDC_* settings, the real `oidc-provider` on 127.0.0.1 (its own login and consent
 * pages, walked with fetch), the real operator command for the teams' rules. Rule ids [OI1] … (SPEC.md)
 * are carried in the test names.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { decodePending, encodePending } from '@polyphony/server/auth/oidc/pendingSignIn';
import { openDatabase } from '@polyphony/server/persistence/database';
import { SqliteMetadataStore } from '@polyphony/server/persistence/metadata/SqliteMetadataStore';
import type { TeamResponse } from '@polyphony/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  signInWithFetch,
  startIdentityProvider,
  type TestIdentityProvider,
} from '../setup/identityProvider.js';
import { freePort, type ServerProcess, startServerProcess } from './helpers/serverProcess.js';

const CLI = fileURLToPath(new URL('../../server/dist/cli.js', import.meta.url));
const run = promisify(execFile);

const accounts = {
  maria: { email: 'Maria.Virtanen@Pohjola.fi', email_verified: true, name: 'Maria Virtanen' },
  juho: { email: 'juho@pohjola.fi', email_verified: false, name: 'Juho' },
  sami: { email: 'sami@example.com', email_verified: true, name: 'Sami', groups: ['crisis-team'] },
  ulla: { email: 'ulla@example.com', email_verified: true, name: 'Ulla' },
  eero: { email: 'eero@example.com', email_verified: true, name: 'Eero' },
};

let provider: TestIdentityProvider;
let server: ServerProcess;
let callbackUrl: string;

async function cli(...args: string[]) {
  const { stdout } = await run(process.execPath, [CLI, ...args, '--json'], {
    env: { ...process.env, DATA_DIR: server.dataDir, LOG_LEVEL: 'warn' },
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

/** The value of a cookie a response sets, or undefined. */
function cookieSet(response: Response, name: string): string | undefined {
  for (const line of response.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const eq = pair.indexOf('=');
    if (pair.slice(0, eq) === name && eq < pair.length - 1) return pair.slice(eq + 1);
  }
  return undefined;
}

/** GET /auth/login: where the browser is sent, and the pending sign-in's cookie. */
async function beginSignIn() {
  const response = await fetch(`${server.url}/auth/login`, { redirect: 'manual' });
  expect(response.status).toBe(302);
  const pending = cookieSet(response, 'polyphony_oidc');
  expect(pending).toBeTruthy();
  return { response, authorization: new URL(response.headers.get('location')!), pending: pending! };
}

/** The provider's answer for `login`, and the callback the server answers with that pending cookie. */
async function signIn(login: string) {
  const begun = await beginSignIn();
  const back = await signInWithFetch(begun.authorization, login, callbackUrl);
  const answer = await callback(back, begun.pending);
  return { ...begun, back, answer };
}

function callback(back: URL, pending: string | undefined) {
  return fetch(back, {
    redirect: 'manual',
    headers: pending ? { cookie: `polyphony_oidc=${pending}` } : {},
  });
}

beforeAll(async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  callbackUrl = `${url}/auth/callback`;
  provider = await startIdentityProvider({
    accounts,
    redirectUris: [callbackUrl],
    postLogoutRedirectUris: [`${url}/`],
  });
  server = await startServerProcess({
    port,
    env: {
      PUBLIC_URL: url,
      OIDC_ISSUER: provider.issuer.href,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_SCOPES: 'openid email profile groups',
      LOG_LEVEL: 'info',
    },
  });
  await cli(
    'team',
    'allow',
    '--team',
    'Crisis team North',
    '--domain',
    'pohjola.fi',
    '--group',
    'crisis-team',
  );
  await cli('team', 'invite', '--team', 'Crisis team North', '--email', 'Ulla@example.com');
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await provider?.close();
});

describe('staff sign-in through the identity provider, over HTTP', () => {
  it('[OI1] /auth/login begins the code flow with PKCE, state and nonce, kept in an HttpOnly cookie', async () => {
    const { response, authorization, pending } = await beginSignIn();
    expect(authorization.origin).toBe(provider.issuer.origin);
    expect(authorization.searchParams.get('redirect_uri')).toBe(callbackUrl);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    const kept = decodePending(pending);
    expect(kept?.state).toBe(authorization.searchParams.get('state'));
    expect(kept?.nonce).toBe(authorization.searchParams.get('nonce'));
    // The verifier stays in the browser's cookie: the provider sees only its challenge.
    expect(authorization.href).not.toContain(kept!.codeVerifier);
    const line = response.headers.getSetCookie().find((each) => each.startsWith('polyphony_oidc='))!;
    expect(line).toMatch(/HttpOnly/i);
    expect(line).toMatch(/SameSite=Lax/i);
    expect(line).toMatch(/Max-Age=600/);
    const settings = (await (await fetch(`${server.url}/api/settings`)).json()) as Record<string, unknown>;
    expect(settings.organisationSignIn).toBe(true);
  });

  it('[OI2] a verified address at an allowed domain enters the team: a staff session, and the team page', async () => {
    const { answer } = await signIn('maria');
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('/team');
    const session = cookieSet(answer, 'polyphony_session');
    expect(session).toBeTruthy();
    // The pending sign-in is used up.
    expect(answer.headers.getSetCookie().some((line) => /^polyphony_oidc=;/.test(line))).toBe(true);
    const team = (await (
      await fetch(`${server.url}/api/team`, { headers: { cookie: `polyphony_session=${session}` } })
    ).json()) as TeamResponse;
    expect(team.staff).toMatchObject({ name: 'Maria Virtanen', email: 'maria.virtanen@pohjola.fi' });
    expect(team.teams.map((each) => each.name)).toEqual(['Crisis team North']);
    // Signing in again is the same staff member (found by the provider's subject), not a second one.
    const again = await signIn('maria');
    const second = (await (
      await fetch(`${server.url}/api/team`, {
        headers: { cookie: `polyphony_session=${cookieSet(again.answer, 'polyphony_session')}` },
      })
    ).json()) as TeamResponse;
    expect(second.staff.id).toBe(team.staff.id);
  });

  it('[OI3] a group claim and an admin’s invitation each let a sign-in in; nothing else does', async () => {
    for (const login of ['sami', 'ulla']) {
      const { answer } = await signIn(login);
      expect(answer.headers.get('location'), login).toBe('/team');
    }
    const refusals = { eero: 'not-allowed', juho: 'unverified-email' } as const;
    for (const [login, reason] of Object.entries(refusals)) {
      const { answer } = await signIn(login);
      expect(answer.status, login).toBe(302);
      expect(answer.headers.get('location'), login).toBe(`/sign-in-refused?reason=${reason}`);
      expect(cookieSet(answer, 'polyphony_session'), login).toBeUndefined();
    }
    const rule = await cli('team', 'allow', '--team', 'Crisis team North');
    expect(rule).toMatchObject({
      domains: ['pohjola.fi'],
      groups: ['crisis-team'],
      invited: ['ulla@example.com'],
    });
  });

  it('[OI4] callback refusals: a bad state, a replayed code, a wrong nonce, no pending sign-in', async () => {
    const refusedWithout = async (response: Response) => {
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/sign-in-refused?reason=failed');
      expect(cookieSet(response, 'polyphony_session')).toBeUndefined();
    };
    // A state that is not the one this browser was given (a forged callback: CSRF).
    {
      const begun = await beginSignIn();
      const back = await signInWithFetch(begun.authorization, 'maria', callbackUrl);
      const forged = new URL(back);
      forged.searchParams.set('state', 'A'.repeat(43));
      await refusedWithout(await callback(forged, begun.pending));
    }
    // A code used once and sent again, with the very cookie it came with.
    {
      const { back, pending, answer } = await signIn('maria');
      expect(answer.headers.get('location')).toBe('/team');
      await refusedWithout(await callback(back, pending));
    }
    // An ID token whose nonce is not the one this browser keeps.
    {
      const begun = await beginSignIn();
      const back = await signInWithFetch(begun.authorization, 'maria', callbackUrl);
      const kept = decodePending(begun.pending)!;
      const otherNonce = decodePending((await beginSignIn()).pending)!.nonce;
      await refusedWithout(await callback(back, encodePending({ ...kept, nonce: otherNonce })));
    }
    // No pending sign-in at all, and a cookie that is not one.
    {
      const begun = await beginSignIn();
      const back = await signInWithFetch(begun.authorization, 'maria', callbackUrl);
      await refusedWithout(await callback(back, 'not-a-pending-sign-in'));
    }
    expect(server.output()).toContain('staff sign-in refused');
  });

  it('[OI5] sign-out ends the staff session and sends the browser to the provider’s end-session page', async () => {
    const { answer } = await signIn('maria');
    const session = cookieSet(answer, 'polyphony_session')!;
    const idToken = cookieSet(answer, 'polyphony_oidc_id')!;
    expect(idToken).toBeTruthy();
    const cookie = `polyphony_session=${session}; polyphony_oidc_id=${idToken}`;
    const foreign = await fetch(`${server.url}/auth/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, origin: 'https://elsewhere.example' },
    });
    expect(foreign.status).toBe(403);
    const out = await fetch(`${server.url}/auth/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, origin: server.url },
    });
    expect(out.status).toBe(200);
    const away = new URL(((await out.json()) as { location: string }).location);
    expect(away.origin).toBe(provider.issuer.origin);
    expect(away.searchParams.get('id_token_hint')).toBe(idToken);
    expect(away.searchParams.get('post_logout_redirect_uri')).toBe(`${server.url}/`);
    const after = await fetch(`${server.url}/api/team`, {
      headers: { cookie: `polyphony_session=${session}` },
    });
    expect(after.status).toBe(401);
  });

  it('[OI7] someone taken out of the team is not let back in by its domain rule; an invitation lets them in', async () => {
    const { answer } = await signIn('maria');
    const cookie = `polyphony_session=${cookieSet(answer, 'polyphony_session')}`;
    const team = (await (
      await fetch(`${server.url}/api/team`, { headers: { cookie } })
    ).json()) as TeamResponse;
    const teamId = team.teams[0]!.id;
    // Taken out of the team (as the team's admin or the operator would).
    const db = openDatabase(server.dataDir);
    try {
      await new SqliteMetadataStore(db).leaveTeam({
        teamId,
        staffId: team.staff.id,
        at: new Date().toISOString(),
      });
    } finally {
      db.close();
    }
    expect((await fetch(`${server.url}/api/team`, { headers: { cookie } })).status).toBe(401);
    const again = await signIn('maria');
    expect(again.answer.headers.get('location')).toBe('/sign-in-refused?reason=not-allowed');
    expect(cookieSet(again.answer, 'polyphony_session')).toBeUndefined();
    // An admin's invitation of the address is someone's decision: it lets them in again.
    await cli('team', 'invite', '--team', teamId, '--email', 'maria.virtanen@pohjola.fi');
    const invited = await signIn('maria');
    expect(invited.answer.headers.get('location')).toBe('/team');
  });

  it('[OI8] a team admin invites an address, which then signs in; nobody else may invite', async () => {
    const added = (await cli(
      'staff',
      'add',
      '--team',
      'Crisis team North',
      '--name',
      'Hanna',
      '--email',
      'hanna@pohjola.fi',
      '--admin',
    )) as { team: { id: string }; link: { url: string } };
    const opened = await fetch(added.link.url.replace(/^https?:\/\/[^/]+/, server.url), {
      redirect: 'manual',
    });
    const admin = `polyphony_session=${cookieSet(opened, 'polyphony_session')}`;
    const invite = (cookie: string | undefined, body: unknown, teamId = added.team.id) =>
      fetch(`${server.url}/api/team/${teamId}/invitations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url, ...(cookie ? { cookie } : {}) },
        body: JSON.stringify(body),
      });
    const member = `polyphony_session=${cookieSet((await signIn('sami')).answer, 'polyphony_session')}`;
    expect((await invite(undefined, { email: 'eero@example.com' })).status).toBe(401);
    expect((await invite(member, { email: 'eero@example.com' })).status).toBe(403);
    expect((await invite(admin, { email: 'eero@example.com' }, 'not-a-team-of-hers')).status).toBe(404);
    expect((await invite(admin, { email: 'not an address' })).status).toBe(400);
    expect((await invite(admin, { email: `${'x'.repeat(300)}@example.com` })).status).toBe(400);
    const made = await invite(admin, { email: 'Eero@Example.com' });
    expect(made.status).toBe(201);
    expect(((await made.json()) as { invited: string[] }).invited).toContain('eero@example.com');
    // Eero, refused before ([OI3]), now signs in.
    expect((await signIn('eero')).answer.headers.get('location')).toBe('/team');
  });

  it('[OI6] without OIDC_* settings the sign-in routes are not there and nothing else changes', async () => {
    const plain = await startServerProcess();
    try {
      expect((await fetch(`${plain.url}/auth/login`, { redirect: 'manual' })).status).toBe(404);
      expect((await fetch(`${plain.url}/auth/callback?code=x&state=y`, { redirect: 'manual' })).status).toBe(
        404,
      );
      const settings = (await (await fetch(`${plain.url}/api/settings`)).json()) as Record<string, unknown>;
      expect(settings.organisationSignIn).toBe(false);
      // Signing out still works for a staff session of a sign-in link (and for no session at all).
      const out = await fetch(`${plain.url}/auth/logout`, { method: 'POST', redirect: 'manual' });
      expect(out.status).toBe(200);
      expect(await out.json()).toEqual({ location: '/' });
    } finally {
      await plain.stop();
    }
  });
});
