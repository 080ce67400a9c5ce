/** Roles in plain words, as people in a network meeting would say them. */
import { ROLES, type Role } from '@polyphony/shared';

/** A human label for every role, in the order of ROLES. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  person_at_centre: 'Person at the centre',
  network_member: 'Network member',
  professional: 'Professional',
  peer_worker: 'Peer worker',
  invited_specialist: 'Invited specialist',
  interpreter: 'Interpreter',
  observer: 'Observer (by agreement)',
};

/** A word about a role where its label alone may not say enough. */
export const ROLE_HINTS: Readonly<Partial<Record<Role, string>>> = {
  observer: 'Reads everything, writes nothing; only with everyone’s agreement.',
};

/** Shorter labels for lists, where the explanation is not needed each time. */
export const ROLE_SHORT_LABELS: Readonly<Record<Role, string>> = {
  person_at_centre: 'person at the centre',
  network_member: 'network member',
  professional: 'professional',
  peer_worker: 'peer worker',
  invited_specialist: 'invited specialist',
  interpreter: 'interpreter',
  observer: 'observer',
};

/** Every role with its label, for a select. */
export const ROLE_OPTIONS = ROLES.map((role) => ({ role, label: ROLE_LABELS[role] }));

/** "Anna’s": a possessive that reads naturally for any name. */
export function possessive(name: string): string {
  return `${name}’s`;
}
