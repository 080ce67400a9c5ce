/**
 * One network on the team page: whose it is, its last and next meeting, what is new since this staff
 * member last opened it, and the open plan items that are theirs. Content is shown only for networks
 * they have opened (the server reads nothing of the others for them).
 */
import type { TeamNetwork } from '@polyphony/shared';
import { t, useLanguage } from '../../i18n';
import { dateTime, shortDate } from '../../ui/time';

function nextMeetingText(next: TeamNetwork['nextMeeting']): string {
  if (!next?.when) return t('team.nextNotAgreed');
  if (next.when === 'when_needed') return t('team.nextWhenNeeded');
  return t('team.nextMeeting', { date: dateTime(next.when) });
}

export function TeamNetworkItem({ network }: { network: TeamNetwork }) {
  useLanguage();
  const last = network.lastMeeting;
  const opened = network.lastSeenAt !== null;
  return (
    <li className="team-network" data-testid="team-network" data-centre={network.centreName}>
      <a className="team-network__name" href={`/n/${network.id}`}>
        {t('network.of', { name: network.centreName })}
      </a>
      {last && (
        <p className="team-network__meta">
          {t(last.closedAt ? 'team.lastMeetingClosed' : 'team.lastMeeting', {
            number: last.number,
            date: shortDate(last.startedAt),
          })}
        </p>
      )}
      {opened ? (
        <>
          <p className="team-network__meta" data-testid="next-meeting">
            {nextMeetingText(network.nextMeeting)}
          </p>
          <p
            className={network.newSince > 0 ? 'team-network__new' : 'team-network__meta'}
            data-testid="new-since"
          >
            {network.newSince > 0 ? t('team.newSince', { count: network.newSince }) : t('team.nothingNew')}
          </p>
          {network.myPlanItems.length > 0 && (
            <div className="team-network__mine">
              <h3>{t('team.myPlanItems')}</h3>
              <ul data-testid="my-plan-items">
                {network.myPlanItems.map((item, n) => (
                  // Plan items have no id of their own here; their order in the plan is stable.
                  // biome-ignore lint/suspicious/noArrayIndexKey: the list is read-only
                  <li key={n}>
                    {item.byWhen ? t('team.planItemBy', { text: item.text, when: item.byWhen }) : item.text}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      ) : (
        <p className="team-network__meta">{t('team.notOpenedYet')}</p>
      )}
    </li>
  );
}
