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
  type SearchHit,
  type SectionName,
  type TimelineMeeting,
} from '@polyphony/shared';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { networkMarkdownUrl, searchNetwork } from '../api/history';
import {
  getActivity,
  getNetwork,
  invitePerson,
  reissueLink,
  revokeLink,
  startNextMeeting,
} from '../api/networks';
import { ApiRequestError, needsLinkAgain } from '../api/request';
import { sectionText } from '../editor/sections';
import { AppHeader } from '../ui/AppHeader';
import { activitySentence } from '../ui/activity';
import { InvitationCard } from '../ui/InvitationCard';
import { navigate } from '../ui/navigation';
import { OpenLinkAgain } from '../ui/OpenLinkAgain';
import { type PersonDraft, PersonFields } from '../ui/PersonFields';
import { possessive, ROLE_SHORT_LABELS } from '../ui/roles';
import { dateTime, longDate, shortDate, timeAgo } from '../ui/time';
import '../ui/network.css';

type Load =
  | { state: 'loading' }
  | { state: 'ready'; detail: NetworkDetail; activity: ActivityEntry[] }
  | { state: 'signed_out' }
  | { state: 'not_found' }
  | { state: 'failed'; message: string };

const REFRESH_MS = 15_000;

function errorMessage(error: unknown, fallback: string): string {
  return error instanceof ApiRequestError ? error.message : fallback;
}

/** The page of one network. */
export function NetworkPage({ networkId }: { networkId: string }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const [detail, activity] = await Promise.all([getNetwork(networkId), getActivity(networkId)]);
      setLoad({ state: 'ready', detail, activity });
    } catch (error) {
      if (needsLinkAgain(error)) setLoad({ state: 'signed_out' });
      else if (error instanceof ApiRequestError && error.status === 404) setLoad({ state: 'not_found' });
      else
        setLoad((previous) =>
          // A failed background refresh keeps what is on the screen.
          previous.state === 'ready'
            ? previous
            : { state: 'failed', message: errorMessage(error, 'The network page could not be opened.') },
        );
    }
  }, [networkId]);

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
    document.title = centreName ? `${possessive(centreName)} network — Polyphony` : 'Network — Polyphony';
  }, [centreName]);

  switch (load.state) {
    case 'loading':
      return (
        <main className="notice">
          <p>Opening the network page…</p>
        </main>
      );
    case 'signed_out':
      return <OpenLinkAgain />;
    case 'not_found':
      return (
        <main className="notice">
          <p className="brand small">Polyphony</p>
          <h1>This network cannot be shown</h1>
          <p className="lead">
            Either the address is mistyped, or the personal link you opened in this browser is for another
            network.
          </p>
          <p>Open your personal link for this network again, or ask the person who invited you for one.</p>
        </main>
      );
    case 'failed':
      return (
        <main className="notice">
          <h1>The network page could not be opened</h1>
          <p role="alert">{load.message}</p>
          <button type="button" className="button" onClick={() => location.reload()}>
            Try again
          </button>
        </main>
      );
    case 'ready':
      return <Network detail={load.detail} activity={load.activity} onChanged={refresh} />;
  }
}

interface NetworkProps {
  detail: NetworkDetail;
  activity: ActivityEntry[];
  onChanged: () => Promise<void>;
}

function Network({ detail, activity, onChanged }: NetworkProps) {
  const { network, me, people, meetings } = detail;
  const mayInvite = can(me.role, 'invite');
  const meetingName = (meetingId: string | null) => {
    const meeting = meetings.find((m) => m.id === meetingId);
    return meeting ? `meeting ${meeting.number}` : 'a meeting';
  };
  return (
    <div className="network-page">
      <AppHeader network={network} current />
      <main className="network">
        <h1 className="network__title">{possessive(network.centreName)} network</h1>
        <p className="lead small-lead">
          You are <strong>{me.name}</strong>
          {me.relation && ` (${me.relation})`}, {ROLE_SHORT_LABELS[me.role]}. Everyone in the network sees
          this page, including the log of who did what.
        </p>

        <section className="block" aria-labelledby="meetings-heading">
          <h2 id="meetings-heading">Meetings</h2>
          {can(me.role, 'manageMeetings') && <NextMeeting networkId={network.id} />}
          <SearchMeetings networkId={network.id} />
          <p className="export-row">
            <a
              className="button small"
              href={networkMarkdownUrl(network.id)}
              download
              data-testid="network-markdown"
            >
              Download all meetings as Markdown
            </a>
          </p>
          <ol className="timeline" data-testid="timeline">
            {meetings.map((meeting) => (
              <TimelineItem key={meeting.id} meeting={meeting} />
            ))}
          </ol>
        </section>

        <section className="block" aria-labelledby="people-heading">
          <h2 id="people-heading">People</h2>
          <ul className="people-list" data-testid="people">
            {people.map((person) => (
              <PersonItem
                key={person.id}
                networkId={network.id}
                person={person}
                isMe={person.id === me.id}
                mayManage={mayInvite && person.id !== me.id}
                onChanged={onChanged}
              />
            ))}
          </ul>
          {mayInvite ? (
            <InviteSomeone networkId={network.id} onInvited={onChanged} />
          ) : (
            <p className="hint">
              To invite someone else, ask one of the professionals or {network.centreName}: they make the
              links.
            </p>
          )}
        </section>

        <section className="block" aria-labelledby="activity-heading">
          <h2 id="activity-heading">Activity</h2>
          <p className="hint">
            Who joined, viewed, invited or revoked, for everyone to see. It never shows what was written.
          </p>
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
      </main>
    </div>
  );
}

function TimelineItem({ meeting }: { meeting: TimelineMeeting }) {
  const open = !meeting.closedAt;
  return (
    <li className={`timeline__item${meeting.news ? ' has-news' : ''}`} data-testid="timeline-meeting">
      <p className="timeline__date">
        {longDate(meeting.createdAt)}
        {meeting.news && (
          <span className="news-badge" data-testid="news-badge">
            New for you
          </span>
        )}
      </p>
      <h3 className="timeline__title">
        Meeting {meeting.number}: {meeting.title}
      </h3>
      <p className={`state-badge ${open ? 'state-badge--open' : 'state-badge--closed'}`}>
        {open ? 'Open' : `Closed on ${shortDate(meeting.closedAt!)}`}
      </p>
      <p className="timeline__who">
        <span className="muted">Who was there: </span>
        {meeting.attendees.length > 0
          ? meeting.attendees.map((a) => a.name).join(', ')
          : 'nobody has opened it yet'}
      </p>
      {meeting.planItems.length > 0 ? (
        <>
          <p className="muted timeline__plan-heading">Plan</p>
          <ul className="timeline__plan">
            {meeting.planItems.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: plan lines have no ids and may repeat.
              <li key={index}>{item}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">No plan written{open ? ' yet' : ''}.</p>
      )}
      <a className="button" href={meeting.path}>
        {open ? `Go to meeting ${meeting.number}` : `Read meeting ${meeting.number}`}
      </a>
    </li>
  );
}

/** Search across the network's meetings: a word, and where it was written. */
function SearchMeetings({ networkId }: { networkId: string }) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [searched, setSearched] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const words = query.trim();
    if (words.length < 2) {
      setError('Write at least two letters to search for.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setHits(await searchNetwork(networkId, words));
      setSearched(words);
    } catch (caught) {
      setError(errorMessage(caught, 'The search did not work. Please try again.'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="search" aria-labelledby="search-heading">
      <h3 id="search-heading" className="visually-hidden">
        Search the meetings
      </h3>
      <form className="search__form" onSubmit={submit}>
        <label htmlFor="search-input" className="search__label">
          Search all meetings
        </label>
        <div className="search__row">
          <input
            id="search-input"
            type="search"
            className="text-input"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder="a word or a name"
            maxLength={200}
            enterKeyHint="search"
            data-testid="search-input"
          />
          <button type="submit" className="button" disabled={busy} data-testid="search-submit">
            {busy ? 'Searching…' : 'Search'}
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
              ? `Nothing found for “${searched}”.`
              : `${hits.length} ${hits.length === 1 ? 'place' : 'places'} with “${searched}”:`}
          </p>
          <ul className="search__hits" data-testid="search-results">
            {hits.map((hit, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: hits have no ids; a search replaces them all.
              <li key={index} className="search__hit" data-testid="search-hit">
                <a href={`/m/${hit.meetingId}`} className="search__link">
                  <span className="search__where">
                    Meeting {hit.meetingNumber}: {hit.meetingTitle} ·{' '}
                    {sectionText[hit.section as SectionName]?.heading ?? hit.section}
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
      return `Link works until ${shortDate(person.link.expiresAt)}`;
    case 'revoked':
      return 'Link revoked';
    case 'expired':
      return `Link expired on ${shortDate(person.link.expiresAt)}`;
  }
}

interface PersonItemProps {
  networkId: string;
  person: Participant;
  isMe: boolean;
  mayManage: boolean;
  onChanged: () => Promise<void>;
}

function PersonItem({ networkId, person, isMe, mayManage, onChanged }: PersonItemProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [newLink, setNewLink] = useState<Invitation | null>(null);
  const details = [person.relation, ROLE_SHORT_LABELS[person.role]].filter(Boolean).join(' · ');
  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      await onChanged();
    } catch (caught) {
      setError(errorMessage(caught, 'That did not work. Please try again.'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="person-item" data-testid="person" data-name={person.name}>
      <div className="person-item__main">
        <p className="person-item__name">
          {person.name}
          {isMe && <span className="muted"> (you)</span>}
        </p>
        <p className="person-item__details">{details}</p>
        <p className="person-item__meta">
          <span>{person.lastSeenAt ? `Last here ${timeAgo(person.lastSeenAt)}` : 'Not here yet'}</span>
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
              aria-label={`Revoke ${possessive(person.name)} link`}
              onClick={() => setConfirming(true)}
              disabled={busy}
            >
              Revoke
            </button>
          )}
          <button
            type="button"
            className="button small"
            aria-label={`Make a new link for ${person.name}`}
            disabled={busy}
            onClick={() =>
              act(async () => {
                setNewLink(await reissueLink(networkId, person.id));
              })
            }
          >
            {person.link.state === 'active' ? 'Re-issue link' : 'Make a new link'}
          </button>
        </div>
      )}
      {confirming && (
        <fieldset className="confirm">
          <legend className="visually-hidden">Revoke {possessive(person.name)} link?</legend>
          <p>
            {person.name} will no longer be able to open the network or its meetings with their link, and
            their open pages will close. What they wrote stays.
          </p>
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
              Yes, revoke the link
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </fieldset>
      )}
      {newLink && (
        <div className="new-link">
          <p className="note">
            <strong>New link for {person.name}, shown only now.</strong> Their old link no longer works.
          </p>
          <ul className="invitations">
            <InvitationCard invitation={newLink} />
          </ul>
          <button type="button" className="button" onClick={() => setNewLink(null)}>
            Done
          </button>
        </div>
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
  const [person, setPerson] = useState<PersonDraft>({ name: '', relation: '', role: 'network_member' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!person.name.trim()) {
      setError('Please write the name of the person you are inviting.');
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
      setError(errorMessage(caught, 'The invitation could not be made.'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="invite" aria-labelledby="invite-heading">
      <h3 id="invite-heading">Invite someone</h3>
      {invitation && (
        <div className="new-link">
          <p className="note">
            <strong>{possessive(invitation.participant.name)} personal link, shown only now.</strong> Send it
            to them only.
          </p>
          <ul className="invitations">
            <InvitationCard invitation={invitation} />
          </ul>
          <button type="button" className="button" onClick={() => setInvitation(null)}>
            Done
          </button>
        </div>
      )}
      <form onSubmit={submit} noValidate className="invite__form">
        <PersonFields
          ref={nameInput}
          value={person}
          onChange={setPerson}
          nameLabel="Name of the person"
          relationLabel="Relation"
          relationPlaceholder="For example: grandfather"
          roleLabel="Role"
          required
        />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Making the link…' : 'Make a personal link'}
        </button>
      </form>
    </section>
  );
}

function NextMeeting({ networkId }: { networkId: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const meeting = await startNextMeeting(networkId);
      navigate(meeting.path);
    } catch (caught) {
      setError(errorMessage(caught, 'The meeting could not be started.'));
      setBusy(false);
    }
  };
  return (
    <div className="next-meeting">
      <button type="button" className="button primary" onClick={start} disabled={busy}>
        {busy ? 'Starting…' : 'Start the next meeting'}
      </button>
      <p className="hint">Open plan items and “not yet known” questions are carried over to it.</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
