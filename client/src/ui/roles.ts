/** Roles in plain words, as people in a network meeting would say them. */
import { ROLES, type Role } from '@polyphony/shared';

/** A human label for every role, in the order of ROLES. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  person_at_centre: 'Person at the centre',
  network_member: 'Network member (family, friend)',
  professional: 'Professional',
  peer_worker: 'Peer worker',
  invited_specialist: 'Invited specialist',
  interpreter: 'Interpreter',
  observer: 'Observer (by agreement, reads only)',
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
