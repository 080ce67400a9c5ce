/** Asks how a person wishes to be called and which colour marks their writing. */
import { type FormEvent, useId, useState } from 'react';
import type { MeetingUser } from '../sync/MeetingSession';
import { PALETTE, suggestColor } from './identity';

interface IdentityFormProps {
  initial: MeetingUser | null;
  submitLabel: string;
  onSubmit: (user: MeetingUser) => void;
  onCancel?: () => void;
}

/** Name and colour, with big touch targets. */
export function IdentityForm({ initial, submitLabel, onSubmit, onCancel }: IdentityFormProps) {
  const nameId = useId();
  const [name, setName] = useState(initial?.name ?? '');
  const [color, setColor] = useState(initial?.color ?? suggestColor);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed) onSubmit({ name: trimmed.slice(0, 60), color });
  };
  return (
    <form className="identity-form" onSubmit={submit}>
      <label htmlFor={nameId} className="field-label">
        What would you like to be called?
      </label>
      <p className="hint">The others see this name beside what you write.</p>
      <input
        id={nameId}
        className="text-input"
        value={name}
        onChange={(event) => setName(event.target.value)}
        autoComplete="nickname"
        maxLength={60}
        required
        // biome-ignore lint/a11y/noAutofocus: this question is the only thing on the screen.
        autoFocus
      />
      <fieldset className="colors">
        <legend className="field-label">Your colour</legend>
        <div className="swatches">
          {PALETTE.map((swatch) => (
            <label key={swatch.color} className="swatch" style={{ backgroundColor: swatch.color }}>
              <input
                type="radio"
                name="color"
                value={swatch.color}
                checked={color === swatch.color}
                onChange={() => setColor(swatch.color)}
              />
              <span className="visually-hidden">{swatch.name}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" className="button primary" disabled={!name.trim()}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
