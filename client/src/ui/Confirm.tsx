/**
 * A plain confirmation before something that cannot be taken back (removing a member from the team,
 * revoking a link, erasing): a group named by the question (read by screen readers, not shown), what
 * happens in words, the strong button that does it, and Cancel. Both buttons wait while it is busy.
 */
import type { ReactNode } from 'react';
import { useT } from '../i18n';

export interface ConfirmProps {
  /** The group's accessible name (a hidden legend). */
  question: string;
  /** What happens, in words: a sentence (shown as a paragraph) or richer content. */
  text: ReactNode;
  /** The strong button's words. */
  confirmLabel: string;
  /** A request is under way: both buttons wait. */
  busy: boolean;
  /** The strong button waits for more than the request (a choice not made yet). */
  ready?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** The strong button's test id. */
  confirmTestId?: string;
}

export function Confirm({
  question,
  text,
  confirmLabel,
  busy,
  ready = true,
  onConfirm,
  onCancel,
  confirmTestId,
}: ConfirmProps) {
  const t = useT();
  return (
    <fieldset className="confirm">
      <legend className="visually-hidden">{question}</legend>
      {typeof text === 'string' ? <p>{text}</p> : text}
      <div className="actions">
        <button
          type="button"
          className="button danger-strong"
          disabled={busy || !ready}
          onClick={onConfirm}
          data-testid={confirmTestId}
        >
          {confirmLabel}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </fieldset>
  );
}
