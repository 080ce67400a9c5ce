/**
 * The network page, `/n/:id`: the meetings on a timeline, the people and their links, inviting someone,
 * starting the next meeting, and the activity log. Every member sees all of it (transparency); only the
 * buttons differ by role.
 */

import {
  type ActivityEntry,
  can,
  type Invitation,
  type NetworkDetail,
  type Participant,
  SECTIONS,
  type SearchHit,
  type SectionName,
  type TimelineMeeting,
} from '@polyphony/shared';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { networkMarkdownUrl, searchNetwork } from '../../api/history';
import {
  getActivity,
  getNetwork,
  invitePerson,
  reissueLink,
  revokeLink,
  startNextMeeting,
} from '../../api/networks';
import { ownDataUrl } from '../../api/privacy';
import { ApiRequestError, needsLinkAgain } from '../../api/request';
import { sectionText } from '../../editor/sections';
import { t, tx, txWrapped, useLanguage, useT } from '../../i18n';
import { dropCopies, dropNetworkCopies } from '../../privacy/localCopies';
import { AppHeader } from '../../ui/AppHeader';
import { activitySentence } from '../../ui/activity';
import { EraseMeeting, EraseNetwork, ErasePerson } from '../../ui/EraseControls';
import { InvitationCard } from '../../ui/InvitationCard';
import { LanguageBar } from '../../ui/LanguagePicker';
import { navigate } from '../../ui/navigation';
import { OpenLinkAgain } from '../../ui/OpenLinkAgain';
import { type PersonDraft, PersonFields } from '../../ui/PersonFields';
import { roleShortLabel } from '../../ui/roles';
import { dateTime, longDate, shortDate, timeAgo } from '../../ui/time';
import '../../ui/network.css';

type Load =
  | { state: 'loading' }
  | { state: 'ready'; detail: NetworkDetail; activity: ActivityEntry[] }
  | { state: 'signed_out' }
  | { state: 'not_found' }
  | { state: 'revoked' }
  | { state: 'erased' }
  | { state: 'failed'; message: string };

const REFRESH_MS = 15_000;

function isSection(section: string): section is SectionName {
  return (SECTIONS as readonly string[]).includes(section);
}

function errorMessage(error: unknown, fallback: string): string {
  return error instanceof ApiRequestError ? error.message : fallback;
}

/** The page of one network. */
export function NetworkPage({ networkId }: { networkId: string }) {
  const t = useT();
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const [detail, activity] = await Promise.all([getNetwork(networkId), getActivity(networkId)]);
      setLoad({ state: 'ready', detail, activity });
    } catch (error) {
      if (needsLinkAgain(error)) setLoad({ state: 'signed_out' });
      else if (error instanceof ApiRequestError && error.status === 404) {
        // This browser's session is not (or no longer) in the network: its copies of it must go.
        const revoked = error.id === 'access_revoked';
        void dropNetworkCopies(networkId, revoked ? 'revoked' : 'erased');
        setLoad((previous) =>
          previous.state === 'erased' ? previous : { state: revoked ? 'revoked' : 'not_found' },
        );
      } else
        setLoad((previous) =>
          // A failed background refresh keeps what is on the screen.
          previous.state === 'ready'
            ? previous
            : { state: 'failed', message: errorMessage(error, t('network.couldNotOpen')) },
        );
    }
  }, [networkId, t]);

  useEffect(() => {
    void refresh();
    // The log and "last seen" change while people join: refresh now and then while the page is in view.
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const centreName = load.state === 'ready' ? load.detail.network.centreName : null;
  useEffect(() => {
    document.title = centreName
      ? t('app.titleSuffix', { title: t('network.of', { name: centreName }) })
      : t('network.pageTitle');
  }, [t, centreName]);

  switch (load.state) {
    case 'loading':
      return (
        <>
          <LanguageBar />
          <main className="notice">
            <p>{t('network.opening')}</p>
          </main>
        </>
      );
    case 'signed_out':
      return (
        <>
          <LanguageBar />
          <OpenLinkAgain />
        </>
      );
    case 'revoked':
      return (
        <>
          <LanguageBar />
          <main className="notice" data-testid="network-revoked" role="alert">
            <p className="brand small">Polyphony</p>
            <h1>{t('close.revoked')}</h1>
            <p className="lead">{t('ended.revokedLead')}</p>
          </main>
        </>
      );
    case 'erased':
      return (
        <>
          <LanguageBar />
          <main className="notice" data-testid="network-erased" role="status">
            <p className="brand small">Polyphony</p>
            <h1>{t('erase.networkDone')}</h1>
            <p className="lead">{t('erase.networkDoneLead')}</p>
          </main>
        </>
      );
    case 'not_found':
      return (
        <>
          <LanguageBar />
          <main className="notice">
            <p className="brand small">Polyphony</p>
            <h1>{t('network.cannotShow')}</h1>
            <p className="lead">{t('network.cannotShowLead')}</p>
            <p>{t('network.cannotShowWhat')}</p>
          </main>
        </>
      );
    case 'failed':
      return (
        <>
          <LanguageBar />
          <main className="notice">
            <h1>{t('network.couldNotOpenHeading')}</h1>
            <p role="alert">{load.message}</p>
            <button type="button" className="button" onClick={() => location.reload()}>
              {t('common.tryAgain')}
            </button>
          </main>
        </>
      );
    case 'ready':
      return (
        <Network
          detail={load.detail}
          activity={load.activity}
          onChanged={refresh}
          onErased={() => {
            void dropNetworkCopies(networkId, 'erased');
            setLoad({ state: 'erased' });
          }}
        />
      );
  }
}

interface NetworkProps {
  detail: NetworkDetail;
  activity: ActivityEntry[];
  onChanged: () => Promise<void>;
  onErased: () => void;
}

function Network({ detail, activity, onChanged, onErased }: NetworkProps) {
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

function TimelineItem({
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

/** Search across the network's meetings: a word, and where it was written. */
function SearchMeetings({ networkId }: { networkId: string }) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [searched, setSearched] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const words = query.trim();
    if (words.length < 2) {
      setError(t('search.tooShort'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setHits(await searchNetwork(networkId, words));
      setSearched(words);
    } catch (caught) {
      setError(errorMessage(caught, t('search.failed')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="search" aria-labelledby="search-heading">
      <h3 id="search-heading" className="visually-hidden">
        {t('search.heading')}
      </h3>
      <form className="search__form" onSubmit={submit}>
        <label htmlFor="search-input" className="search__label">
          {t('search.label')}
        </label>
        <div className="search__row">
          <input
            id="search-input"
            type="search"
            className="text-input"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder={t('search.placeholder')}
            maxLength={200}
            enterKeyHint="search"
            data-testid="search-input"
          />
          <button type="submit" className="button" disabled={busy} data-testid="search-submit">
            {busy ? t('search.searching') : t('search.search')}
          </button>
        </div>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {hits && (
        <div aria-live="polite">
          <p className="hint" data-testid="search-summary">
            {hits.length === 0
              ? t('search.nothing', { query: searched })
              : t('search.found', { count: hits.length, query: searched })}
          </p>
          <ul className="search__hits" data-testid="search-results">
            {hits.map((hit, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: hits have no ids; a search replaces them all.
              <li key={index} className="search__hit" data-testid="search-hit">
                <a href={`/m/${hit.meetingId}`} className="search__link">
                  <span className="search__where">
                    {t('network.meetingTitle', { n: hit.meetingNumber, title: hit.meetingTitle })} ·{' '}
                    {isSection(hit.section) ? sectionText(hit.section).heading : hit.section}
                  </span>
                  <span className="search__snippet">
                    {hit.snippet.slice(0, hit.matchStart)}
                    <mark>{hit.snippet.slice(hit.matchStart, hit.matchEnd)}</mark>
                    {hit.snippet.slice(hit.matchEnd)}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function linkStateText(person: Participant): string {
  switch (person.link.state) {
    case 'active':
      return t('link.worksUntil', { date: shortDate(person.link.expiresAt) });
    case 'revoked':
      return t('link.revoked');
    case 'expired':
      return t('link.expiredOn', { date: shortDate(person.link.expiresAt) });
  }
}

interface PersonItemProps {
  networkId: string;
  person: Participant;
  isMe: boolean;
  mayManage: boolean;
  mayErase: boolean;
  onChanged: () => Promise<void>;
}

function PersonItem({ networkId, person, isMe, mayManage, mayErase, onChanged }: PersonItemProps) {
  useLanguage();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [newLink, setNewLink] = useState<Invitation | null>(null);
  const details = [person.relation, roleShortLabel(person.role)].filter(Boolean).join(' · ');
  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      await onChanged();
    } catch (caught) {
      setError(errorMessage(caught, t('common.didNotWork')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="person-item" data-testid="person" data-name={person.name}>
      <div className="person-item__main">
        <p className="person-item__name">
          {person.name}
          {isMe && <span className="muted"> {t('common.you')}</span>}
        </p>
        <p className="person-item__details">{details}</p>
        <p className="person-item__meta">
          <span>
            {person.lastSeenAt
              ? t('person.lastHere', { ago: timeAgo(person.lastSeenAt) })
              : t('person.notHereYet')}
          </span>
          <span className={`link-state link-state--${person.link.state}`} data-testid="link-state">
            {linkStateText(person)}
          </span>
        </p>
      </div>
      {mayManage && !confirming && !newLink && (
        <div className="person-item__actions">
          {person.link.state === 'active' && (
            <button
              type="button"
              className="button small danger"
              aria-label={t('person.revokeLabel', { name: person.name })}
              onClick={() => setConfirming(true)}
              disabled={busy}
            >
              {t('person.revoke')}
            </button>
          )}
          <button
            type="button"
            className="button small"
            aria-label={t('person.newLinkLabel', { name: person.name })}
            disabled={busy}
            onClick={() =>
              act(async () => {
                setNewLink(await reissueLink(networkId, person.id));
              })
            }
          >
            {person.link.state === 'active' ? t('person.reissue') : t('person.makeNew')}
          </button>
        </div>
      )}
      {confirming && (
        <fieldset className="confirm">
          <legend className="visually-hidden">{t('person.revokeQuestion', { name: person.name })}</legend>
          <p>{t('person.revokeText', { name: person.name })}</p>
          <div className="actions">
            <button
              type="button"
              className="button danger-strong"
              disabled={busy}
              onClick={() =>
                act(async () => {
                  await revokeLink(networkId, person.id);
                  setConfirming(false);
                })
              }
            >
              {t('person.yesRevoke')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </fieldset>
      )}
      {newLink && (
        <div className="new-link">
          <p className="note">
            {tx('person.newLinkNote', {
              newLinkFor: <strong>{t('person.newLinkFor', { name: person.name })}</strong>,
            })}
          </p>
          <ul className="invitations">
            <InvitationCard invitation={newLink} />
          </ul>
          <button type="button" className="button" onClick={() => setNewLink(null)}>
            {t('common.done')}
          </button>
        </div>
      )}
      {mayErase && !confirming && !newLink && (
        <ErasePerson
          networkId={networkId}
          participantId={person.id}
          name={person.name}
          onErased={onChanged}
        />
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

function InviteSomeone({ networkId, onInvited }: { networkId: string; onInvited: () => Promise<void> }) {
  useLanguage();
  const [person, setPerson] = useState<PersonDraft>({ name: '', relation: '', role: 'network_member' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!person.name.trim()) {
      setError(t('invite.needName'));
      nameInput.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setInvitation(
        await invitePerson(networkId, {
          name: person.name.trim(),
          relation: person.relation.trim(),
          role: person.role,
        }),
      );
      setPerson({ name: '', relation: '', role: 'network_member' });
      await onInvited();
    } catch (caught) {
      setError(errorMessage(caught, t('invite.failed')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="invite" aria-labelledby="invite-heading">
      <h3 id="invite-heading">{t('invite.heading')}</h3>
      {invitation && (
        <div className="new-link">
          <p className="note">
            {tx('invite.personalLinkNote', {
              personalLink: (
                <strong>{t('invite.personalLink', { name: invitation.participant.name })}</strong>
              ),
            })}
          </p>
          <ul className="invitations">
            <InvitationCard invitation={invitation} />
          </ul>
          <button type="button" className="button" onClick={() => setInvitation(null)}>
            {t('common.done')}
          </button>
        </div>
      )}
      <form onSubmit={submit} noValidate className="invite__form">
        <PersonFields
          ref={nameInput}
          value={person}
          onChange={setPerson}
          nameLabel={t('invite.nameLabel')}
          relationLabel={t('start.relation')}
          relationPlaceholder={t('invite.relationPlaceholder')}
          roleLabel={t('start.role')}
          required
        />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('invite.making') : t('invite.make')}
        </button>
      </form>
    </section>
  );
}

function NextMeeting({ networkId }: { networkId: string }) {
  useLanguage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const meeting = await startNextMeeting(networkId);
      navigate(meeting.path);
    } catch (caught) {
      setError(errorMessage(caught, t('start.couldNotStart')));
      setBusy(false);
    }
  };
  return (
    <div className="next-meeting">
      <button type="button" className="button primary" onClick={start} disabled={busy}>
        {busy ? t('start.starting') : t('next.startNext')}
      </button>
      <p className="hint">{t('next.carried')}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
