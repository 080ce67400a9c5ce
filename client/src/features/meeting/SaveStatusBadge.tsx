/** The save indicator: says plainly whether this person's edits are saved on the server. */
import { useT } from '../../i18n';
import type { SaveStatus } from '../../sync/MeetingSession';

const icons: Record<SaveStatus['state'], string> = {
  saved: '✓',
  saving: '…',
  offline: '○',
  reconnecting: '↻',
  error: '!',
};

/**
 * A calm, always-visible status line, announced politely to screen readers. When this person's server
 * cannot reach the others, it says so beside "Saved": saved, but not seen elsewhere yet.
 */
export function SaveStatusBadge({ status }: { status: SaveStatus }) {
  const t = useT();
  return (
    <p
      className={`save-status save-status--${status.state}`}
      role="status"
      aria-live="polite"
      data-testid="save-status"
      data-status={status.state}
      data-apart={status.apart ? 'true' : undefined}
    >
      <span className="save-status__icon" aria-hidden="true">
        {icons[status.state]}
      </span>
      <span>{t(status.message)}</span>
      {status.apart && (
        <span className="save-status__apart" data-testid="not-connected-to-others">
          {t('save.apart')}
        </span>
      )}
    </p>
  );
}
