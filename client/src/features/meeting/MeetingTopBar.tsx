/**
 * The meeting's top bar: where I am (the network), video, my raised hand, the save status, language and
 * the revisiting menu. On a phone it stays one row in every language: the hand and video buttons show
 * their icon, their words kept for screen readers (see styles.css).
 */
import type { MeetingDetail } from '@polyphony/shared';
import { type ReactNode, useState } from 'react';
import { useT } from '../../i18n';
import type { MeetingSession, SaveStatus } from '../../sync/MeetingSession';
import { LanguagePicker } from '../../ui/LanguagePicker';
import { JoinVideoButton } from '../video/VideoDock';
import { ReadOnlyBadge } from './ReadOnlyBadge';
import { SaveStatusBadge } from './SaveStatusBadge';

/** The bar at the top of the meeting. */
export function MeetingTopBar({
  session,
  detail,
  status,
  canWrite,
  menu,
}: {
  session: MeetingSession;
  detail: MeetingDetail;
  status: SaveStatus;
  canWrite: boolean;
  /** The revisiting menu (history, who wrote what, copies), last in the row. */
  menu?: ReactNode;
}) {
  const t = useT();
  const { network, meeting } = detail;
  const [handRaised, setHandRaised] = useState(() => session.isHandRaised());
  return (
    <header className="topbar">
      <div className="topbar__where">
        <span className="brand small">Polyphony</span>
        <a className="network-link" href={`/n/${network.id}`} data-testid="network-link">
          {t('network.of', { name: network.centreName })}
        </a>
      </div>
      <div className="topbar__status">
        <JoinVideoButton meetingId={meeting.id} people={detail.people} />
        {canWrite && (
          <button
            type="button"
            className={`button small hand-button${handRaised ? ' is-raised' : ''}`}
            aria-pressed={handRaised}
            onClick={() => {
              session.setHandRaised(!handRaised);
              setHandRaised(!handRaised);
            }}
            data-testid="raise-hand"
          >
            <HandIcon />
            <span className="topbar__words">
              {handRaised ? t('meeting.lowerHand') : t('meeting.raiseHand')}
            </span>
          </button>
        )}
        {canWrite ? <SaveStatusBadge status={status} /> : <ReadOnlyBadge />}
        <LanguagePicker />
        {menu}
      </div>
    </header>
  );
}

/** A raised hand, drawn rather than an emoji: not every device has an emoji font. */
function HandIcon() {
  return (
    <svg className="topbar__icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
      <path
        d="M6.5 10V4.5a1.25 1.25 0 0 1 2.5 0V9m0-5.5V3a1.25 1.25 0 0 1 2.5 0v6m0-5a1.25 1.25 0 0 1 2.5 0v5.5m0-3a1.25 1.25 0 0 1 2.5 0V12a6 6 0 0 1-6 6h-.6a5 5 0 0 1-3.9-1.9L3 12.6a1.3 1.3 0 0 1 2-1.6l1.5 1.6"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
