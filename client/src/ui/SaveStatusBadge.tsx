/** The save indicator: says plainly whether this person's edits are saved on the server. */
import { useT } from '../i18n';
import type { SaveStatus } from '../sync/MeetingSession';

const icons: Record<SaveStatus['state'], string> = {
  saved: '✓',
  saving: '…',
  offline: '○',
  reconnecting: '↻',
  error: '!',
};

/** A calm, always-visible status line, announced politely to screen readers. */
export function SaveStatusBadge({ status }: { status: SaveStatus }) {
  const t = useT();
  return (
    <p
      className={`save-status save-status--${status.state}`}
      role="status"
      aria-live="polite"
      data-testid="save-status"
      data-status={status.state}
    >
      <span className="save-status__icon" aria-hidden="true">
        {icons[status.state]}
      </span>
      <span>{t(status.message)}</span>
    </p>
  );
}
