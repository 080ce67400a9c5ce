/** The fields that describe a person: the name they wish to be called, how they are related, their role. */
import type { Role } from '@polyphony/shared';
import { forwardRef, type ReactNode, useId } from 'react';
import { useT } from '../i18n';
import { roleHint, roleOptions } from './roles';

/** A person as the form holds them. */
export interface PersonDraft {
  name: string;
  relation: string;
  role: Role;
}

interface PersonFieldsProps {
  value: PersonDraft;
  onChange: (value: PersonDraft) => void;
  /** Visible labels, so that each row reads on its own to a screen reader. */
  nameLabel: string;
  relationLabel: string;
  roleLabel: string;
  relationPlaceholder?: string;
  required?: boolean;
  /** Shown beside the role, e.g. a Remove button. */
  extra?: ReactNode;
}

/** Name and relation side by side, the role below (all stacked on a phone). */
export const PersonFields = forwardRef<HTMLInputElement, PersonFieldsProps>(function PersonFields(
  { value, onChange, nameLabel, relationLabel, roleLabel, relationPlaceholder, required = false, extra },
  nameRef,
) {
  const t = useT();
  const id = useId();
  const hint = roleHint(value.role);
  return (
    <div className="person-fields">
      <div className="person-fields__name">
        <label htmlFor={`${id}-name`} className="field-label">
          {nameLabel}
        </label>
        <input
          ref={nameRef}
          id={`${id}-name`}
          className="text-input"
          value={value.name}
          onChange={(event) => onChange({ ...value, name: event.target.value })}
          maxLength={80}
          autoComplete="off"
          required={required}
        />
      </div>
      <div className="person-fields__relation">
        <label htmlFor={`${id}-relation`} className="field-label">
          {relationLabel} <span className="optional">{t('common.optional')}</span>
        </label>
        <input
          id={`${id}-relation`}
          className="text-input"
          value={value.relation}
          onChange={(event) => onChange({ ...value, relation: event.target.value })}
          placeholder={relationPlaceholder}
          maxLength={80}
          autoComplete="off"
        />
      </div>
      <div className="person-fields__role">
        <label htmlFor={`${id}-role`} className="field-label">
          {roleLabel}
        </label>
        <select
          id={`${id}-role`}
          className="text-input select"
          value={value.role}
          onChange={(event) => onChange({ ...value, role: event.target.value as Role })}
          aria-describedby={hint ? `${id}-role-hint` : undefined}
        >
          {roleOptions().map(({ role, label }) => (
            <option key={role} value={role}>
              {label}
            </option>
          ))}
        </select>
        {hint && (
          <p id={`${id}-role-hint`} className="hint person-fields__hint">
            {hint}
          </p>
        )}
      </div>
      {extra && <div className="person-fields__extra">{extra}</div>}
    </div>
  );
});
