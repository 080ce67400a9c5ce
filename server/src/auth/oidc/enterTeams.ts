/**
 * Which teams a staff sign-in through the identity provider enters (issue 17, [OI2], [OI3], [OI7]): the teams the
 * person is already in (found by the provider's subject, or by a verified address the operator or an
 * admin added), and every team whose rule admits them (`admission.ts`: an allowed verified e-mail domain,
 * a group claim, an invitation). The first sign-in binds the provider's subject to the staff identity;
 * an address already bound to another subject is not taken over by a second account that claims it.
 * Someone taken out of a team is not let back in by its domain or group rule ([TM10]), only by an
 * invitation (or the operator's `staff add`).
 * Bounded work: one look at each team of the service (a service has tens, not thousands).
 */

import type { StaffRecord } from '../../persistence/metadata/teams.js';
import type { MetadataStore } from '../../persistence/metadata/types.js';
import { newId } from '../tokens.js';
import { mayEnter } from './admission.js';
import type { StaffIdentity } from './OidcSignIn.js';

/** Why a sign-in enters no team (the refusal page's reason). */
export type EntryRefusal = 'not-allowed' | 'unverified-email' | 'failed';

/** The teams entered, and by which route; or why none. */
export type TeamEntry =
  | {
      ok: true;
      staff: StaffRecord;
      teams: { teamId: string; by: 'member' | 'domain' | 'group' | 'invitation' }[];
    }
  | { ok: false; reason: EntryRefusal; detail: string };

export async function enterTeams(
  store: MetadataStore,
  identity: StaffIdentity,
  now: Date,
): Promise<TeamEntry> {
  const bySubject = await store.findStaffBySubject(identity.issuer, identity.subject);
  const sameAddress = identity.email ? await store.findStaffByEmail(identity.email) : undefined;
  let existing = bySubject;
  if (!existing && sameAddress) {
    // The address is someone's here: only a verified address of the same person may become theirs.
    if (!identity.emailVerified)
      return { ok: false, reason: 'unverified-email', detail: 'address of a staff member, unverified' };
    if (sameAddress.subject !== null)
      return { ok: false, reason: 'not-allowed', detail: 'address bound to another subject' };
    existing = sameAddress;
  }
  const memberOf = new Set(existing ? (await store.teamsOf(existing.id)).map((place) => place.teamId) : []);
  // A team that took them out is not entered again by its domain or group rule, only by an invitation.
  const departed = new Set(existing ? await store.teamDepartures(existing.id) : []);
  const teams: { teamId: string; by: 'member' | 'domain' | 'group' | 'invitation' }[] = [];
  let unverified = false;
  for (const team of await store.listTeams()) {
    if (memberOf.has(team.id)) {
      teams.push({ teamId: team.id, by: 'member' });
      continue;
    }
    const decision = mayEnter(identity, {
      domains: team.domains,
      groups: team.groups,
      invited: await store.teamInvitations(team.id),
    });
    if (!decision.ok) {
      if (decision.reason === 'unverified-email') unverified = true;
    } else if (!departed.has(team.id) || decision.by === 'invitation') {
      teams.push({ teamId: team.id, by: decision.by });
    }
  }
  if (teams.length === 0) {
    return unverified
      ? { ok: false, reason: 'unverified-email', detail: 'allowed only with a verified address' }
      : { ok: false, reason: 'not-allowed', detail: 'no team admits this sign-in' };
  }
  const at = now.toISOString();
  let staff = existing;
  if (!staff) {
    // A staff identity needs an address (it is how the team sees who they are).
    if (!identity.email || sameAddress)
      return { ok: false, reason: 'failed', detail: 'the provider gave no usable e-mail address' };
    staff = {
      id: newId(),
      name: identity.name ?? identity.email,
      email: identity.email,
      issuer: identity.issuer,
      subject: identity.subject,
      createdAt: at,
    };
    await store.createStaff(staff);
  } else if (staff.subject === null) {
    await store.bindStaffSubject(staff.id, identity.issuer, identity.subject);
    staff = { ...staff, issuer: identity.issuer, subject: identity.subject };
  }
  for (const entered of teams) {
    if (entered.by === 'member') continue;
    await store.joinTeam({
      teamId: entered.teamId,
      staffId: staff.id,
      role: 'member',
      kind: 'professional',
      at,
    });
  }
  return { ok: true, staff, teams };
}
