/**
 * The network, as every member sees it (transparency): the meetings on a timeline, the people and their
 * links, inviting someone, starting the next meeting, the activity log and one's own data. Only the
 * buttons differ by role.
 */
import { type ActivityEntry, can, type NetworkDetail } from '@polyphony/shared';
import { networkMarkdownUrl } from '../../api/history';
import { ownDataUrl } from '../../api/privacy';
import { tx, useLanguage, useT } from '../../i18n';
import { AppHeader } from '../../ui/AppHeader';
import { roleShortLabel } from '../../ui/roles';
import { dateTime, longDate, timeAgo } from '../../ui/time';
import { activitySentence } from './activity';
import { EraseNetwork } from './EraseControls';
import { InviteSomeone } from './InviteSomeone';
import { NextMeeting } from './NextMeeting';
import { PersonItem } from './PersonItem';
import { SearchMeetings } from './SearchMeetings';
import { TimelineItem } from './TimelineItem';

/** The network's detail and log, and what to do when they change. */
interface NetworkProps {
  detail: NetworkDetail;
  activity: ActivityEntry[];
  onChanged: () => Promise<void>;
  onErased: () => void;
}

/** The network page once it has loaded. */
export function Network({ detail, activity, onChanged, onErased }: NetworkProps) {
  const t = useT();
  const language = useLanguage();
  const { network, me, people, meetings } = detail;
  const mayInvite = can(me.role, 'invite');
  const mayErase = can(me.role, 'erase');
  const meetingName = (meetingId: string | null) => {
    const meeting = meetings.find((m) => m.id === meetingId);
    return meeting ? t('network.meetingN', { n: meeting.number }) : t('network.aMeeting');
  };
  return (
    <div className="network-page">
      <AppHeader network={network} current />
      <main className="network">
        <h1 className="network__title">{t('network.of', { name: network.centreName })}</h1>
        <p className="lead small-lead">
          {tx('network.youAre', {
            name: <strong>{me.name}</strong>,
            relation: me.relation ? ` (${me.relation})` : '',
            role: roleShortLabel(me.role),
          })}
        </p>

        <section className="block" aria-labelledby="meetings-heading">
          <h2 id="meetings-heading">{t('network.meetings')}</h2>
          {can(me.role, 'manageMeetings') && <NextMeeting networkId={network.id} />}
          <SearchMeetings networkId={network.id} />
          <p className="export-row">
            <a
              className="button small"
              href={networkMarkdownUrl(network.id, language)}
              download
              data-testid="network-markdown"
            >
              {t('network.downloadAll')}
            </a>
          </p>
          <ol className="timeline" data-testid="timeline">
            {meetings.map((meeting) => (
              <TimelineItem key={meeting.id} meeting={meeting} mayErase={mayErase} onChanged={onChanged} />
            ))}
          </ol>
        </section>

        <section className="block" aria-labelledby="people-heading">
          <h2 id="people-heading">{t('network.people')}</h2>
          <ul className="people-list" data-testid="people">
            {people.map((person) => (
              <PersonItem
                key={person.id}
                networkId={network.id}
                person={person}
                isMe={person.id === me.id}
                mayManage={mayInvite && person.id !== me.id}
                mayErase={mayErase && person.id !== me.id && person.role !== 'person_at_centre'}
                onChanged={onChanged}
              />
            ))}
          </ul>
          {mayInvite ? (
            <InviteSomeone networkId={network.id} onInvited={onChanged} />
          ) : (
            <p className="hint">{t('network.askToInvite', { name: network.centreName })}</p>
          )}
        </section>

        <section className="block" aria-labelledby="activity-heading">
          <h2 id="activity-heading">{t('network.activity')}</h2>
          <p className="hint">{t('network.activityHint')}</p>
          <ol className="activity" data-testid="activity">
            {activity.map((entry) => (
              <li key={entry.id} className="activity__entry">
                <span className="activity__what">{activitySentence(entry, meetingName)}</span>{' '}
                <time className="activity__when" dateTime={entry.at} title={dateTime(entry.at)}>
                  {timeAgo(entry.at)}
                </time>
              </li>
            ))}
          </ol>
        </section>

        <section className="block" aria-labelledby="privacy-heading" data-testid="privacy">
          <h2 id="privacy-heading">{t('privacy.heading')}</h2>
          {detail.retention && (
            <p data-testid="retention">
              {t('privacy.retention', {
                date: longDate(detail.retention.dueAt),
                days: detail.retention.days,
              })}
            </p>
          )}
          <p>{t('privacy.yourData')}</p>
          <p className="export-row">
            <a
              className="button small"
              href={ownDataUrl(network.id, language)}
              download
              data-testid="own-data"
            >
              {t('privacy.download')}
            </a>
          </p>
          {mayErase && (
            <>
              <p className="hint">{t('privacy.eraseHint')}</p>
              <EraseNetwork networkId={network.id} onErased={onErased} />
            </>
          )}
        </section>
      </main>
    </div>
  );
}
