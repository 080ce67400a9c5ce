/**
 * The meeting's top bar: where I am (the network), video, my raised hand, the save status, language and
 * the revisiting menu. On a phone it stays one row in every language: the hand and video buttons show
 * their icon, their words kept for screen readers (see styles.css).
 */
import type { MeetingDetail } from '@polyphony/shared';
import { type ReactNode, useState } from 'react';
import { useT } from '../../i18n';
import type { MeetingSession, SaveStatus } from '../../sync/MeetingSession';
import { HandIcon } from '../../ui/icons';
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
        <a
          className="network-link"
          href={`/n/${network.id}`}
          title={t('network.of', { name: network.centreName })}
          data-testid="network-link"
        >
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
