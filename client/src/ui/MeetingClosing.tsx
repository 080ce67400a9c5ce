/**
 * Closing a meeting and what follows: "Close the meeting" (asked twice, calmly) for those whose role
 * manages meetings; then, for everyone, the line that says it was closed and that afterthoughts are
 * still welcome, the one-tap "As agreed in the meeting", and "Start the next meeting".
 */
import { useState } from 'react';
import { closeMeeting, startNextMeeting } from '../api/meetings';
import { formatWhen } from '../editor/time';
import { navigate } from './navigation';

function failure(error: unknown): string {
  return error instanceof Error ? error.message : 'That did not work. Please try again.';
}

/** The "Close the meeting" button with its confirmation. */
export function CloseMeetingControl({
  meetingId,
  onClosed,
}: {
  meetingId: string;
  onClosed: (at: string) => void;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!asking) {
    return (
      <button type="button" className="button" onClick={() => setAsking(true)} data-testid="close-meeting">
        Close the meeting…
      </button>
    );
  }
  return (
    <div className="confirm" data-testid="confirm-close-panel">
      <p>
        <strong>Close the meeting now?</strong> What is written now is kept as it was agreed in the meeting.
        Everyone can still add afterthoughts; they are marked as added later.
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
              const closed = await closeMeeting(meetingId);
              onClosed(closed.closedAt ?? new Date().toISOString());
              setAsking(false);
            } catch (caught) {
              setError(failure(caught));
            } finally {
              setBusy(false);
            }
          }}
        >
          Yes, close the meeting
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => setAsking(false)}>
          Not yet
        </button>
      </div>
    </div>
  );
}

/** "Start the next meeting": makes it on the server (open items carried over) and goes there. */
export function StartNextMeetingControl({ networkId }: { networkId: string }) {
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
        Start the next meeting
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
  return (
    <div className="banner banner--closed" data-testid="closed-banner">
      <p>
        <strong>Closed on {formatWhen(closedAt)}</strong> — you can still add afterthoughts. They are marked
        as added later.
      </p>
      <div className="actions">
        <button
          type="button"
          className="button"
          aria-pressed={showingAgreed}
          onClick={onToggleAgreed}
          data-testid="show-agreed"
        >
          {showingAgreed ? 'Back to the living document' : 'As agreed in the meeting'}
        </button>
        {canManage && <StartNextMeetingControl networkId={networkId} />}
      </div>
    </div>
  );
}
