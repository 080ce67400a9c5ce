/** Roles in plain words, as people in a network meeting would say them, in the reader's language. */
import { ROLES, type Role } from '@polyphony/shared';
import { t } from '../i18n';

/** A human label for a role ("Person at the centre"). */
export function roleLabel(role: Role): string {
  return t(`role.${role}`);
}

/** A word about a role where its label alone may not say enough, or undefined. */
export function roleHint(role: Role): string | undefined {
  return role === 'observer' ? t('roleHint.observer') : undefined;
}

/** A shorter label for lists, where the explanation is not needed each time ("network member"). */
export function roleShortLabel(role: Role): string {
  return t(`roleShort.${role}`);
}

/** Every role with its label, in the order of ROLES, for a select. */
export function roleOptions(): { role: Role; label: string }[] {
  return ROLES.map((role) => ({ role, label: roleLabel(role) }));
}
