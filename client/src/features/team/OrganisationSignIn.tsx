/**
 * Staff sign-in with the organisation's identity provider (issue 17): the "Sign in with your
 * organisation" button (shown only when the server has OIDC_* settings), the sign-out button of the team
 * page, and the page that says why a sign-in was refused. Signing in and out are plain navigations
 * (GET /auth/login, a form POST to /auth/logout): the provider's own pages come in between.
 */
import { useEffect, useState } from 'react';
import { getSettings } from '../../api/privacy';
import { useT } from '../../i18n';
import '../../ui/network.css';

/** Whether this server lets staff sign in with their organisation; false until the settings are known. */
export function useOrganisationSignIn(): boolean {
  const [offered, setOffered] = useState(false);
  useEffect(() => {
    let current = true;
    getSettings().then(
      (settings) => current && setOffered(settings.organisationSignIn),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return offered;
}

/** The button to GET /auth/login. */
export function OrganisationSignInButton({ primary = false }: { primary?: boolean }) {
  const t = useT();
  return (
    <a
      className={primary ? 'button primary' : 'button'}
      href="/auth/login"
      data-testid="organisation-sign-in"
    >
      {t('signIn.withOrganisation')}
    </a>
  );
}

/** The start page's staff entry: the button and who it is for, when the server offers it. */
export function StaffEntry() {
  const t = useT();
  if (!useOrganisationSignIn()) return null;
  return (
    <p className="staff-entry">
      <OrganisationSignInButton /> <span className="hint">{t('signIn.staffOnly')}</span>
    </p>
  );
}

/**
 * The team page's sign-out: ends the staff session, then goes where the server says (the provider's
 * sign-out page when signed in through it, else the start page). Whatever fails, the browser leaves.
 */
export function SignOutButton() {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const signOut = async () => {
    setBusy(true);
    let next = '/';
    try {
      const response = await fetch('/auth/logout', { method: 'POST', credentials: 'same-origin' });
      const body = (await response.json()) as { location?: unknown };
      if (response.ok && typeof body.location === 'string') next = body.location;
    } catch {
      // The start page then; the session ends by itself at the latest when it idles.
    }
    location.assign(next);
  };
  return (
    <button type="button" className="button small" onClick={() => void signOut()} disabled={busy}>
      {t('signIn.signOut')}
    </button>
  );
}

const REFUSALS = {
  'not-allowed': ['signInRefused.notAllowed.title', 'signInRefused.notAllowed.explanation'],
  'unverified-email': ['signInRefused.unverifiedEmail.title', 'signInRefused.unverifiedEmail.explanation'],
  failed: ['signInRefused.failed.title', 'signInRefused.failed.explanation'],
  unavailable: ['signInRefused.unavailable.title', 'signInRefused.unavailable.explanation'],
} as const;

type Refusal = keyof typeof REFUSALS;

/** `/sign-in-refused?reason=…`: a staff sign-in that entered no team, said plainly. */
export function SignInRefusedPage({ reason }: { reason: string | null }) {
  const t = useT();
  const known: Refusal = reason !== null && reason in REFUSALS ? (reason as Refusal) : 'failed';
  const [titleKey, explanationKey] = REFUSALS[known];
  const title = t(titleKey);
  useEffect(() => {
    document.title = t('app.titleSuffix', { title });
  }, [t, title]);
  return (
    <main className="notice" data-testid="sign-in-refused" data-reason={known}>
      <p className="brand small">Polyphony</p>
      <h1>{title}</h1>
      <p className="lead">{t(explanationKey)}</p>
      <p>{t('signInRefused.nothingOpened')}</p>
      <OrganisationSignInButton />
    </main>
  );
}
