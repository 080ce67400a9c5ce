/**
 * The meeting page: the shared document in four sections, who is here, the link to share, and an
 * honest save status. Asks once what the person wishes to be called before they join.
 */
import type { MeetingSummary } from '@polyphony/shared';
import { SECTIONS } from '@polyphony/shared';
import { useEffect, useState } from 'react';
import { ApiRequestError, getMeeting } from '../api/meetings';
import { SectionEditor } from '../editor/SectionEditor';
import {
  useMeetingSession,
  useMeetingTitle,
  useParticipants,
  useSaveStatus,
  useWarnBeforeLeaving,
} from '../sync/hooks';
import type { MeetingSession, MeetingUser } from '../sync/MeetingSession';
import { IdentityForm } from '../ui/IdentityForm';
import { loadIdentity, saveIdentity } from '../ui/identity';
import { SaveStatusBadge } from '../ui/SaveStatusBadge';
import { ShareLink } from '../ui/ShareLink';
import { WhoIsHere } from '../ui/WhoIsHere';

type Lookup =
  | { state: 'loading' }
  | { state: 'found'; meeting: MeetingSummary }
  | { state: 'missing' }
  | { state: 'failed'; message: string };

/** The page of one meeting, `/m/:id`. */
export function MeetingPage({ meetingId }: { meetingId: string }) {
  const [lookup, setLookup] = useState<Lookup>({ state: 'loading' });
  const [user, setUser] = useState<MeetingUser | null>(loadIdentity);

  useEffect(() => {
    let current = true;
    getMeeting(meetingId).then(
      (meeting) => current && setLookup({ state: 'found', meeting }),
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiRequestError && error.status === 404) setLookup({ state: 'missing' });
        else
          setLookup({
            state: 'failed',
            message: error instanceof Error ? error.message : 'The meeting could not be opened.',
          });
      },
    );
    return () => {
      current = false;
    };
  }, [meetingId]);

  if (lookup.state === 'loading') {
    return (
      <main className="notice">
        <p>Opening the meeting…</p>
      </main>
    );
  }
  if (lookup.state === 'missing') {
    return (
      <main className="notice">
        <h1>This meeting does not exist</h1>
        <p>
          The link may be mistyped, or the meeting was removed. Ask the person who sent it for a new link.
        </p>
        <a className="button" href="/">
          Start a new meeting
        </a>
      </main>
    );
  }
  if (lookup.state === 'failed') {
    return (
      <main className="notice">
        <h1>The meeting could not be opened</h1>
        <p role="alert">{lookup.message}</p>
        <button type="button" className="button" onClick={() => location.reload()}>
          Try again
        </button>
      </main>
    );
  }
  if (!user) {
    return (
      <main className="notice">
        <p className="brand small">Polyphony</p>
        <h1>{lookup.meeting.title}</h1>
        <p className="lead">
          You are joining this meeting’s shared page. Everyone in the meeting can read and write all of it.
        </p>
        <IdentityForm
          initial={null}
          submitLabel="Join the meeting"
          onSubmit={(chosen) => {
            saveIdentity(chosen);
            setUser(chosen);
          }}
        />
      </main>
    );
  }
  return <LiveMeeting meeting={lookup.meeting} user={user} onUserChange={setUser} />;
}

interface LiveMeetingProps {
  meeting: MeetingSummary;
  user: MeetingUser;
  onUserChange: (user: MeetingUser) => void;
}

function LiveMeeting({ meeting, user, onUserChange }: LiveMeetingProps) {
  const session = useMeetingSession(meeting.id);
  if (!session) return null;
  return <MeetingDocument session={session} meeting={meeting} user={user} onUserChange={onUserChange} />;
}

function MeetingDocument({
  session,
  meeting,
  user,
  onUserChange,
}: LiveMeetingProps & { session: MeetingSession }) {
  const status = useSaveStatus(session);
  const people = useParticipants(session);
  const [sharedTitle, setSharedTitle] = useMeetingTitle(session);
  const [editingName, setEditingName] = useState(false);
  const title = sharedTitle ?? meeting.title;
  useWarnBeforeLeaving(status.unsaved);

  useEffect(() => {
    session.setUser(user);
  }, [session, user]);
  useEffect(() => {
    document.title = `${title || 'Meeting'} — Polyphony`;
  }, [title]);

  return (
    <div className="meeting">
      <header className="topbar">
        <span className="brand small">Polyphony</span>
        <SaveStatusBadge status={status} />
      </header>
      <div className="layout">
        <main className="document">
          <label htmlFor="meeting-title" className="visually-hidden">
            Meeting title
          </label>
          <input
            id="meeting-title"
            className="title-input"
            value={title}
            onChange={(event) => setSharedTitle(event.target.value)}
            placeholder="Meeting title"
            maxLength={200}
            data-testid="meeting-title"
          />
          {SECTIONS.map((section) => (
            <SectionEditor key={section} session={session} section={section} user={user} />
          ))}
        </main>
        <aside className="sidebar" aria-label="About this meeting">
          <WhoIsHere people={people} />
          <section className="panel" aria-labelledby="you-heading">
            <h2 id="you-heading" className="panel-heading">
              You
            </h2>
            {editingName ? (
              <IdentityForm
                initial={user}
                submitLabel="Save"
                onCancel={() => setEditingName(false)}
                onSubmit={(chosen) => {
                  saveIdentity(chosen);
                  onUserChange(chosen);
                  setEditingName(false);
                }}
              />
            ) : (
              <p className="you-row">
                <span className="person-dot" style={{ backgroundColor: user.color }} aria-hidden="true" />
                <span data-testid="your-name">{user.name}</span>
                <button type="button" className="button small" onClick={() => setEditingName(true)}>
                  Change name or colour
                </button>
              </p>
            )}
          </section>
          <ShareLink url={new URL(meeting.path, location.origin).href} />
        </aside>
      </div>
    </div>
  );
}
