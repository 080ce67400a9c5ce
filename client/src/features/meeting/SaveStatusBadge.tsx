/** The save indicator: says plainly whether this person's edits are saved on the server. */
import { useEffect, useRef, useState } from 'react';
import { type PlainMessageKey, useT } from '../../i18n';
import type { SaveStatus } from '../../sync/MeetingSession';

const icons: Record<SaveStatus['state'], string> = {
  saved: '✓',
  saving: '…',
  offline: '○',
  reconnecting: '↻',
  error: '!',
};

/** How long typing must pause before "Saved" is said to a screen reader. */
const PAUSE_MS = 1500;
/** How long a reconnection must last before it is said (a blink of the network is not news). */
const AWAY_MS = 3000;

/**
 * What the live region says: only the changes that matter. While someone types, the status flips
 * between "Saving…" and "Saved" about twice a keystroke; a screen reader reading each would chatter.
 * So: "Saved" once the typing has paused, offline and errors at once, a reconnection once it has lasted
 * a moment, and "Back online" when the edits are saved again after any of those.
 */
function useAnnouncement({ state, message }: SaveStatus): PlainMessageKey | null {
  const [said, setSaid] = useState<PlainMessageKey | null>(null);
  // Whether the last thing said was that the edits are not reaching the server.
  const away = useRef(false);
  useEffect(() => {
    if (state === 'saving') {
      // Typing again: clear "Saved" (silently) so that the next pause can say it again.
      setSaid((previous) => (previous === 'save.saved' || previous === 'save.backOnline' ? null : previous));
      return;
    }
    if (state === 'offline' || state === 'error') {
      away.current = true;
      setSaid(message);
      return;
    }
    const timer = setTimeout(
      () => {
        if (state === 'saved') {
          setSaid(away.current ? 'save.backOnline' : 'save.saved');
          away.current = false;
        } else {
          // Opening the meeting is not being away from it.
          if (message !== 'save.connecting') away.current = true;
          setSaid(message);
        }
      },
      state === 'saved' ? PAUSE_MS : AWAY_MS,
    );
    return () => clearTimeout(timer);
  }, [state, message]);
  return said;
}

/**
 * A calm, always-visible status line. Screen readers hear it through a separate polite live region
 * that speaks only the changes that matter (useAnnouncement). When this person's server cannot reach
 * the others, it says so beside "Saved": saved, but not seen elsewhere yet.
 */
export function SaveStatusBadge({ status }: { status: SaveStatus }) {
  const t = useT();
  const said = useAnnouncement(status);
  return (
    <>
      <p
        className={`save-status save-status--${status.state}`}
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
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="save-announcement">
        {said ? t(said) : ''}
      </p>
    </>
  );
}
