/**
 * Which staff sign-ins may enter a team (issue 17): by an allowed e-mail domain, by a group the provider
 * lists, or by an invitation a team admin made for that address. A domain counts only for an address the
 * provider says it verified (or for Google Workspace's `hd` claim): an unverified address at an allowed
 * domain is exactly how a stranger would try to get in.
 */
import type { StaffIdentity } from './OidcSignIn.js';

/** A team's rule for sign-ins. Empty lists admit nobody by that route. */
export interface TeamEntryRule {
  /** E-mail domains whose verified addresses may enter, lower case (`pohjola.fi`). */
  domains: readonly string[];
  /** Group claim values that may enter (Entra ID object ids, Keycloak group paths). */
  groups: readonly string[];
  /** Verified addresses a team admin invited, lower case. */
  invited: readonly string[];
}

/** Whether an identity may enter, and by which route, or why not. */
export type EntryDecision =
  | { ok: true; by: 'domain' | 'group' | 'invitation' }
  | { ok: false; reason: 'unverified-email' | 'not-allowed' };

/** The domain of an address, lower case, or null if it is not an address. */
export function domainOf(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) return null;
  return email.slice(at + 1).toLowerCase();
}

/** Decide whether `identity` may enter under `rule`. */
export function mayEnter(identity: StaffIdentity, rule: TeamEntryRule): EntryDecision {
  if (identity.groups.some((group) => rule.groups.includes(group))) return { ok: true, by: 'group' };
  if (identity.hostedDomain && rule.domains.includes(identity.hostedDomain))
    return { ok: true, by: 'domain' };
  const email = identity.email;
  if (email === null) return { ok: false, reason: 'not-allowed' };
  const domain = domainOf(email);
  const wouldBeAllowed = rule.invited.includes(email) || (domain !== null && rule.domains.includes(domain));
  if (!wouldBeAllowed) return { ok: false, reason: 'not-allowed' };
  if (!identity.emailVerified) return { ok: false, reason: 'unverified-email' };
  return { ok: true, by: rule.invited.includes(email) ? 'invitation' : 'domain' };
}
