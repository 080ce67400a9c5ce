/** OIDC_* settings (issue 17, [OI6]): all three or none, PUBLIC_URL with them, the redirect URI made from it. */
import { describe, expect, it } from 'vitest';
import { loadConfig, loadOidcConfig } from '../../config.js';

const complete = {
  OIDC_ISSUER: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
  OIDC_CLIENT_ID: 'polyphony',
  OIDC_CLIENT_SECRET: 'a-secret',
  PUBLIC_URL: 'https://polyphony.example.org/',
};

describe('OIDC settings', () => {
  it('[OI6] none: no identity provider, and the configuration without any setting still loads', () => {
    expect(loadOidcConfig({})).toBeUndefined();
    expect(loadConfig({}).oidc).toBeUndefined();
  });

  it('[OI1] all three and PUBLIC_URL: the redirect URI is <PUBLIC_URL>/auth/callback', () => {
    expect(loadOidcConfig(complete)).toMatchObject({
      clientId: 'polyphony',
      redirectUri: 'https://polyphony.example.org/auth/callback',
      postLogoutRedirectUri: 'https://polyphony.example.org/',
      scopes: 'openid email profile',
      groupsClaim: 'groups',
    });
  });

  it('refuses a part of them, no PUBLIC_URL, an issuer that is no URL, scopes without openid', () => {
    expect(() => loadOidcConfig({ ...complete, OIDC_CLIENT_SECRET: '' })).toThrow(
      /OIDC_CLIENT_SECRET missing/,
    );
    expect(() => loadOidcConfig({ ...complete, PUBLIC_URL: '' })).toThrow(/PUBLIC_URL is needed/);
    expect(() => loadOidcConfig({ ...complete, OIDC_ISSUER: 'login.example.org' })).toThrow(/OIDC_ISSUER/);
    expect(() => loadOidcConfig({ ...complete, OIDC_ISSUER: 'http://login.example.org' })).toThrow(/https/);
    expect(loadOidcConfig({ ...complete, OIDC_ISSUER: 'http://127.0.0.1:9000' })?.issuer.href).toBe(
      'http://127.0.0.1:9000/',
    );
    expect(() => loadOidcConfig({ ...complete, OIDC_SCOPES: 'email profile' })).toThrow(/openid/);
  });
});
