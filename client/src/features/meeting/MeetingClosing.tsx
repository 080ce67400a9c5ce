/**
 * Closing a meeting and what follows: "Close the meeting" (asked twice, calmly) for those whose role
 * manages meetings; then, for everyone, the line that says it was closed and that afterthoughts are
 * still welcome, the one-tap "As agreed in the meeting", and "Start the next meeting".
 */

import { useState } from 'react';
import { closeMeeting, startNextMeeting } from '../../api/meetings';
import { formatWhen } from '../../editor/time';
import { t, tx, useLanguage } from '../../i18n';
import { navigate } from '../../ui/navigation';

function failure(error: unknown): string {
  return error instanceof Error ? error.message : t('common.didNotWork');
}

/**
 * The "Close the meeting" button with its confirmation. Once the server has closed the meeting, the
 * confirmation stays (its buttons disabled) until the document says it is closed — the page then shows
 * the closed banner instead, as everyone else's does: the document's `meta` is the one truth.
 */
export function CloseMeetingControl({ meetingId }: { meetingId: string }) {
  useLanguage();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!asking) {
    return (
      <button type="button" className="button" onClick={() => setAsking(true)} data-testid="close-meeting">
        {t('closing.close')}
      </button>
    );
  }
  return (
    <div className="confirm" data-testid="confirm-close-panel">
      <p>
        <strong>{t('closing.ask')}</strong> {t('closing.askText')}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="button primary"
          disabled={busy}
          data-testid="confirm-close"
          onClick={async () => {
            setBusy(true);
            setError(null);
            try {
              await closeMeeting(meetingId);
            } catch (caught) {
              setError(failure(caught));
              setBusy(false);
            }
          }}
        >
          {t('closing.yes')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => setAsking(false)}>
          {t('closing.notYet')}
        </button>
      </div>
    </div>
  );
}

/** "Start the next meeting": makes it on the server (open items carried over) and goes there. */
export function StartNextMeetingControl({ networkId }: { networkId: string }) {
  useLanguage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="button primary"
        disabled={busy}
        data-testid="start-next-meeting"
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            const meeting = await startNextMeeting(networkId);
            navigate(meeting.path);
          } catch (caught) {
            setError(failure(caught));
            setBusy(false);
          }
        }}
      >
        {t('closing.startNext')}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

/** The line everyone sees on a closed meeting, with the way to the agreed version. */
export function ClosedBanner({
  closedAt,
  showingAgreed,
  onToggleAgreed,
  networkId,
  canManage,
}: {
  closedAt: string;
  showingAgreed: boolean;
  onToggleAgreed: () => void;
  networkId: string;
  canManage: boolean;
}) {
  useLanguage();
  return (
    <div className="banner banner--closed" data-testid="closed-banner">
      <p>
        {tx('closing.closedNote', {
          closedOn: <strong>{t('closing.closedOn', { when: formatWhen(closedAt) })}</strong>,
        })}
      </p>
      <div className="actions">
        <button
          type="button"
          className="button"
          aria-pressed={showingAgreed}
          onClick={onToggleAgreed}
          data-testid="show-agreed"
        >
          {showingAgreed ? t('closing.backToLiving') : t('closing.asAgreed')}
        </button>
        {canManage && <StartNextMeetingControl networkId={networkId} />}
      </div>
    </div>
  );
}
