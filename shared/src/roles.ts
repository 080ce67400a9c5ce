/**
 * The roles of the people in a network and what each may do. Every member reads everything in the
 * network: there is no role that sees more, and none that sees less (DOMAIN.md: no staff-only notes).
 */
import { z } from 'zod';

/** Every role, in the order a start form offers them. */
export const ROLES = [
  'person_at_centre',
  'network_member',
  'professional',
  'peer_worker',
  'invited_specialist',
  'interpreter',
  'observer',
] as const;

/** A role in a network. */
export type Role = (typeof ROLES)[number];

/** Validates a role id. */
export const RoleSchema = z.enum(ROLES);

/** What a role may do. */
export interface RoleCapabilities {
  /** Write in meeting documents. Observers (present by agreement) only read. */
  write: boolean;
  /** Invite people into the network, revoke and re-issue their links. */
  invite: boolean;
  /** Start a new meeting of the network, and close one. */
  manageMeetings: boolean;
  /** Whether this role is one of the professional team (marked during a reflecting conversation). */
  team: boolean;
  /** Erase the network, one of its meetings, or another person in it, for good. */
  erase: boolean;
}

/** What each role may do. */
export const ROLE_CAPABILITIES: Readonly<Record<Role, RoleCapabilities>> = {
  person_at_centre: { write: true, invite: true, manageMeetings: true, team: false, erase: true },
  network_member: { write: true, invite: false, manageMeetings: false, team: false, erase: false },
  professional: { write: true, invite: true, manageMeetings: true, team: true, erase: true },
  peer_worker: { write: true, invite: false, manageMeetings: true, team: true, erase: false },
  invited_specialist: { write: true, invite: false, manageMeetings: false, team: true, erase: false },
  interpreter: { write: true, invite: false, manageMeetings: false, team: false, erase: false },
  observer: { write: false, invite: false, manageMeetings: false, team: false, erase: false },
};

/** Whether a role may do something. */
export function can(role: Role, capability: keyof RoleCapabilities): boolean {
  return ROLE_CAPABILITIES[role][capability];
}
