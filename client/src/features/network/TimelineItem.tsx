/** One meeting on the network's timeline: when, its state, who was there, its plan, and a way in. */
import type { TimelineMeeting } from '@polyphony/shared';
import { txWrapped, useT } from '../../i18n';
import { dropCopies } from '../../privacy/localCopies';
import { longDate, shortDate } from '../../ui/time';
import { EraseMeeting } from './EraseControls';

/** A meeting of the timeline. */
export function TimelineItem({
  meeting,
  mayErase,
  onChanged,
}: {
  meeting: TimelineMeeting;
  mayErase: boolean;
  onChanged: () => Promise<void>;
}) {
  const t = useT();
  const open = !meeting.closedAt;
  return (
    <li className={`timeline__item${meeting.news ? ' has-news' : ''}`} data-testid="timeline-meeting">
      <p className="timeline__date">
        {longDate(meeting.createdAt)}
        {meeting.news && (
          <span className="news-badge" data-testid="news-badge">
            {t('network.newForYou')}
          </span>
        )}
      </p>
      <h3 className="timeline__title">
        {t('network.meetingTitle', { n: meeting.number, title: meeting.title })}
      </h3>
      <p className={`state-badge ${open ? 'state-badge--open' : 'state-badge--closed'}`}>
        {open ? t('network.open') : t('network.closedOn', { date: shortDate(meeting.closedAt!) })}
      </p>
      <p className="timeline__who">
        {txWrapped(
          'network.whoWasThere',
          (words) => (
            <span className="muted">{words}</span>
          ),
          {
            names:
              meeting.attendees.length > 0
                ? meeting.attendees.map((a) => a.name).join(t('common.listSeparator'))
                : t('network.nobodyOpened'),
          },
        )}
      </p>
      {meeting.planItems.length > 0 ? (
        <>
          <p className="muted timeline__plan-heading">{t('network.plan')}</p>
          <ul className="timeline__plan">
            {meeting.planItems.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: plan lines have no ids and may repeat.
              <li key={index}>{item}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">{open ? t('network.noPlanYet') : t('network.noPlan')}</p>
      )}
      <a className="button" href={meeting.path}>
        {open
          ? t('network.goToMeeting', { n: meeting.number })
          : t('network.readMeeting', { n: meeting.number })}
      </a>
      {mayErase && (
        <EraseMeeting
          meetingId={meeting.id}
          number={meeting.number}
          onErased={async () => {
            await dropCopies([meeting.id], 'erased');
            await onChanged();
          }}
        />
      )}
    </li>
  );
}
