/**
 * The meeting page: the shared document in four sections, the phase as a soft cue, who is here (with a
 * raised hand), where I am, the plan's "no decisions today" and next meeting, closing, the version as
 * agreed, and an honest save status. Who I am comes from the invitation (the session cookie).
 */

import {
  type AttendanceEntry,
  can,
  DocumentTypes,
  type MeetingDetail,
  MetaKeys,
  type Phase,
  readAttendanceEntry,
  SECTIONS,
  type SectionName,
} from '@polyphony/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiRequestError, getMeeting } from '../api/meetings';
import { LaterChangesElsewhere, useLaterChangesOf } from '../editor/LaterChanges';
import { type MeetingPeople, MeetingPeopleContext } from '../editor/MeetingContext';
import { RevisitMarking } from '../editor/RevisitMarking';
import { SectionEditor } from '../editor/SectionEditor';
import { PageFailed, SectionBoundary } from '../editor/SectionFallback';
import { tx, useT } from '../i18n';
import {
  dropCopies,
  dropNetworkCopies,
  droppedReason,
  knownCopy,
  onCopiesDropped,
  rememberCopy,
} from '../privacy/localCopies';
import {
  useAttendance,
  useEditorsKey,
  useMeetingSession,
  useMetaValue,
  useParticipants,
  useSaveStatus,
  useWarnBeforeLeaving,
} from '../sync/hooks';
import type { MeetingSession, MeetingUser } from '../sync/MeetingSession';
import { AgreedView } from '../ui/AgreedView';
import { loadColor, PALETTE, saveColor } from '../ui/colour';
import { HistoryPanel } from '../ui/HistoryPanel';
import { LanguageBar, LanguagePicker } from '../ui/LanguagePicker';
import { LeaveDevice } from '../ui/LeaveDevice';
import { ClosedBanner, CloseMeetingControl } from '../ui/MeetingClosing';
import { MeetingEnded } from '../ui/MeetingEnded';
import { PhaseBar } from '../ui/PhaseBar';
import { NextMeetingPanel, NoDecisionsToday } from '../ui/PlanExtras';
import { readPhase } from '../ui/phases';
import { ReadOnlyBadge } from '../ui/ReadOnlyBadge';
import { RevisitBar, WhoWroteLegend } from '../ui/RevisitBar';
import { SaveStatusBadge } from '../ui/SaveStatusBadge';
import { SessionEndReason } from '../ui/SessionEndReason';
import { SinceLastVisitNote, useSinceLastVisit } from '../ui/SinceLastVisit';
import { WhereAmI } from '../ui/WhereAmI';
import { RaisedHands, WhoIsHere } from '../ui/WhoIsHere';
import { JoinVideoButton, VideoOffNote, VideoPanel } from '../video/VideoDock';
import '../ui/revisit.css';

type Lookup =
  | { state: 'loading' }
  | { state: 'found'; detail: MeetingDetail }
  | { state: 'unauthorized' }
  | { state: 'missing' }
  | { state: 'revoked' }
  | { state: 'erased' }
  | { state: 'failed'; message: string };

/** The page of one meeting, `/m/:id`. */
export function MeetingPage({ meetingId }: { meetingId: string }) {
  const t = useT();
  const [lookup, setLookup] = useState<Lookup>(() => {
    const dropped = droppedReason(meetingId);
    return dropped === 'erased' || dropped === 'revoked' ? { state: dropped } : { state: 'loading' };
  });
  // Connecting (and loading this device's copy) starts at once, while the server says who I am: the
  // socket is authorised by the same cookie, so a person without a session only sees the notice below.
  const session = useMeetingSession(
    lookup.state === 'loading' || lookup.state === 'found' ? meetingId : null,
  );

  // This browser learned that the meeting, or its person here, was erased (privacy/localCopies): say so,
  // whatever else the server answers (a session that went with the erasure answers 401).
  useEffect(() => {
    const erased = (reason: string | undefined) => {
      if (reason === 'erased' || reason === 'revoked') setLookup({ state: reason });
    };
    erased(droppedReason(meetingId));
    return onCopiesDropped((id, reason) => {
      if (id === meetingId) erased(reason);
    });
  }, [meetingId]);

  useEffect(() => {
    let current = true;
    getMeeting(meetingId).then(
      (detail) => current && setLookup({ state: 'found', detail }),
      (error: unknown) => {
        if (!current) return;
        const dropped = droppedReason(meetingId);
        if (dropped === 'erased' || dropped === 'revoked') setLookup({ state: dropped });
        else if (error instanceof ApiRequestError && error.status === 401)
          setLookup({ state: 'unauthorized' });
        else if (error instanceof ApiRequestError && error.status === 404) {
          // With a working session, this browser is not (or no longer) in the meeting's network: its
          // copies go (erased meeting or person; or the link was revoked, then the network's copies).
          const network = knownCopy(meetingId)?.networkId;
          const revoked = error.id === 'access_revoked';
          void dropCopies([meetingId], revoked ? 'revoked' : 'erased');
          if (revoked && network) void dropNetworkCopies(network, 'revoked');
          setLookup({ state: revoked ? 'revoked' : 'missing' });
        } else
          setLookup({
            state: 'failed',
            message: error instanceof Error ? error.message : t('meeting.couldNotOpenDot'),
          });
      },
    );
    return () => {
      current = false;
    };
  }, [meetingId, t]);

  if (lookup.state === 'loading') {
    return (
      <>
        <LanguageBar />
        <main className="notice">
          <p>{t('app.openingMeeting')}</p>
        </main>
      </>
    );
  }
  if (lookup.state === 'unauthorized') {
    return (
      <>
        <LanguageBar />
        <main className="notice" data-testid="open-link-again">
          <h1>{t('meeting.openLinkAgain')}</h1>
          <SessionEndReason />
          <p>{t('meeting.deviceDoesNotKnow')}</p>
        </main>
      </>
    );
  }
  if (lookup.state === 'revoked') return <MeetingEnded end="revoked" />;
  if (lookup.state === 'erased') return <MeetingEnded end="erased" />;
  if (lookup.state === 'missing') {
    return (
      <>
        <LanguageBar />
        <main className="notice">
          <h1>{t('meeting.notFound')}</h1>
          <p>{t('meeting.notFoundText')}</p>
        </main>
      </>
    );
  }
  if (lookup.state === 'failed') {
    return (
      <>
        <LanguageBar />
        <main className="notice">
          <h1>{t('meeting.couldNotOpen')}</h1>
          <p role="alert">{lookup.message}</p>
          <button type="button" className="button" onClick={() => location.reload()}>
            {t('common.tryAgain')}
          </button>
        </main>
      </>
    );
  }
  if (!session) return null;
  return (
    <SectionBoundary fallback={<PageFailed />}>
      <MeetingOrEnded session={session} detail={lookup.detail} />
    </SectionBoundary>
  );
}

/**
 * The meeting, unless it may no longer be shown here (revoked, erased, rewritten, session ended): then
 * why, instead. Also checks this browser's copy against an erasure's rewrite of the document.
 */
function MeetingOrEnded({ session, detail }: { session: MeetingSession; detail: MeetingDetail }) {
  const status = useSaveStatus(session);
  const { meeting, me } = detail;
  useEffect(() => {
    const rewrittenAt = detail.documentRewrittenAt ?? null;
    const known = knownCopy(meeting.id);
    rememberCopy(meeting.id, { networkId: meeting.networkId, participantId: me.id, rewrittenAt });
    // A copy made before an erasure rewrote the document may still hold what was erased.
    if (rewrittenAt && (known?.rewrittenAt ?? '') < rewrittenAt) {
      void session.hadCopy.then((had) => {
        if (had) session.endWith('rewritten');
      });
    }
  }, [session, meeting.id, meeting.networkId, me.id, detail.documentRewrittenAt]);
  useEffect(() => {
    // The copy is deleted first; the page then loads the document again from the server.
    if (status.ended === 'rewritten') void session.whenCopyCleared().then(() => location.reload());
  }, [session, status.ended]);
  if (status.ended === 'rewritten') return <MeetingEnded end="rewritten" />;
  return <MeetingDocument session={session} detail={detail} />;
}

/** A first guess of where someone is: a small touch screen is most likely a phone. */
function guessWhere(): AttendanceEntry['where'] {
  return matchMedia('(pointer: coarse) and (max-width: 40rem)').matches ? 'phone' : 'room';
}

function readString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function MeetingDocument({ session, detail }: { session: MeetingSession; detail: MeetingDetail }) {
  const t = useT();
  const { me, meeting, network } = detail;
  const networkName = t('network.of', { name: network.centreName });
  const canWrite = can(me.role, 'write');
  const canManage = can(me.role, 'manageMeetings');
  const [color, setColor] = useState(loadColor);
  const user = useMemo<MeetingUser>(
    () => ({ name: me.name, color, id: me.id, relation: me.relation, role: me.role }),
    [me, color],
  );
  const status = useSaveStatus(session);
  const editorsKey = useEditorsKey(session);
  const ended = status.ended && status.ended !== 'rewritten' ? status.ended : null;
  const present = useParticipants(session);
  const attendance = useAttendance(session.doc);
  const [phase, setPhase] = useMetaValue<Phase>(session.doc, MetaKeys.phase, readPhase);
  const [closedInDoc] = useMetaValue(session.doc, MetaKeys.closed, (v) => v === true);
  const [closedAtInDoc] = useMetaValue(session.doc, MetaKeys.closedAt, readString);
  const [title, setTitle] = useMetaValue(session.doc, MetaKeys.title, readString);
  const [closedHere, setClosedHere] = useState<string | null>(null);
  const [showAgreed, setShowAgreed] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [whoWrote, setWhoWrote] = useState(false);
  const [handRaised, setHandRaised] = useState(() => session.isHandRaised());
  const closedAt = closedAtInDoc || closedHere || meeting.closedAt || '';
  const closed = closedInDoc || closedAt !== '';
  useWarnBeforeLeaving(canWrite && status.unsaved);

  // New since the last visit, or who wrote what: highlights over the living document's text.
  const marking = useMemo(
    () => new RevisitMarking(session.doc, me.id, detail.people),
    [session, me.id, detail.people],
  );
  const sinceLastVisit = useSinceLastVisit(session, marking);
  // What changed after the meeting in what was agreed, shown where it changed.
  const laterChanges = useLaterChangesOf(session.doc);
  useEffect(() => marking.setMode(whoWrote ? 'authors' : 'news'), [marking, whoWrote]);

  useEffect(() => session.setUser(user), [session, user]);
  useEffect(() => {
    document.title = t('app.titleSuffix', { title: title || meeting.title || t('meeting.meeting') });
  }, [t, title, meeting.title]);

  // Once synced: make this browser's insertions attributable, and say who is at this meeting. After a
  // meeting is closed, opening it again is revisiting, not attending.
  useEffect(() => {
    if (!canWrite) return;
    return session.whenSynced(() => {
      session.attributeTo(me.id);
      const meta = session.doc.getMap(DocumentTypes.meta);
      if (meta.get(MetaKeys.closed) === true || meeting.closedAt) return;
      const map = session.doc.getMap<AttendanceEntry>(DocumentTypes.attendance);
      // Read as any reader does: an entry stored before the server checked them may be anything.
      const entry = readAttendanceEntry(map.get(me.id));
      if (entry && entry.name === me.name && entry.relation === me.relation && entry.role === me.role) return;
      map.set(me.id, {
        name: me.name,
        relation: me.relation,
        role: me.role,
        where: entry?.where ?? guessWhere(),
      });
    });
  }, [session, canWrite, me, meeting.closedAt]);

  const setWhere = useCallback(
    (where: AttendanceEntry['where']) =>
      session.doc
        .getMap<AttendanceEntry>(DocumentTypes.attendance)
        .set(me.id, { name: me.name, relation: me.relation, role: me.role, where }),
    [session, me],
  );

  const people = useMemo<MeetingPeople>(
    () => ({
      me: { id: me.id, name: me.name, relation: me.relation },
      people: detail.people.map(({ id, name, relation }) => ({ id, name, relation })),
      attendance,
      canWrite,
    }),
    [me, detail.people, attendance, canWrite],
  );

  // The later-addition marker reads these live, from inside the editors.
  const laterAdditions = useMemo(
    () => ({
      isClosed: () => session.doc.getMap(DocumentTypes.meta).get(MetaKeys.closed) === true,
      author: () => ({ id: me.id, name: me.name }),
    }),
    [session, me],
  );

  // During the reflecting conversation and the responses, the reflections come forward.
  const reflectionsForward = phase === 'reflecting' || phase === 'responding';
  const order: readonly SectionName[] = reflectionsForward
    ? ['reflections', ...SECTIONS.filter((s) => s !== 'reflections')]
    : SECTIONS;

  return (
    <MeetingPeopleContext.Provider value={people}>
      <div className="meeting" data-phase={phase}>
        {ended ? (
          <MeetingEnded end={ended} />
        ) : (
          <header className="topbar">
            <div className="topbar__where">
              <span className="brand small">Polyphony</span>
              <a className="network-link" href={`/n/${network.id}`} data-testid="network-link">
                {networkName}
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
                  {handRaised ? t('meeting.lowerHand') : t('meeting.raiseHand')}
                </button>
              )}
              {canWrite ? <SaveStatusBadge status={status} /> : <ReadOnlyBadge />}
              <LanguagePicker />
            </div>
          </header>
        )}
        {!ended && <PhaseBar phase={phase} onChange={setPhase} editable={canWrite} />}
        {!ended && <RaisedHands people={present} />}
        {!ended && phase === 'reflecting' && (
          <p className="banner banner--reflecting" role="status" data-testid="reflecting-banner">
            {t('meeting.reflectingBanner')}
          </p>
        )}
        {!ended && phase === 'responding' && (
          <p className="banner banner--reflecting" role="status">
            {t('meeting.respondingBanner')}
          </p>
        )}
        {!ended && closed && (
          <ClosedBanner
            closedAt={closedAt}
            showingAgreed={showAgreed}
            onToggleAgreed={() => {
              setHistoryOpen(false);
              setShowAgreed((shown) => !shown);
            }}
            networkId={network.id}
            canManage={canManage}
          />
        )}
        <div className="layout">
          {/* Ended (revoked, erased, session over): no document, no editor; the notice above says why,
              and the video, if open, stays in its place to say how it ended. */}
          {!ended && (
            <main className="document">
              <label htmlFor="meeting-title" className="visually-hidden">
                {t('meeting.title')}
              </label>
              <input
                id="meeting-title"
                className="title-input"
                value={title || meeting.title}
                onChange={(event) => setTitle(event.target.value)}
                readOnly={!canWrite}
                placeholder={t('meeting.title')}
                maxLength={200}
                data-testid="meeting-title"
              />
              <p className="meeting-facts">
                {tx('meeting.facts', {
                  number: meeting.number,
                  network: networkName,
                  link: <a href={`/n/${network.id}`}>{t('meeting.allMeetingsAndPeople')}</a>,
                })}
              </p>
              <VideoOffNote placement="phone" />
              {!historyOpen && !showAgreed && !whoWrote && <SinceLastVisitNote state={sinceLastVisit} />}
              <RevisitBar
                meetingId={meeting.id}
                historyOpen={historyOpen}
                onToggleHistory={() => {
                  setShowAgreed(false);
                  setHistoryOpen((open) => !open);
                }}
                whoWrote={whoWrote}
                onToggleWhoWrote={() => setWhoWrote((on) => !on)}
              />
              {!historyOpen && !showAgreed && whoWrote && <WhoWroteLegend people={marking.legend()} />}
              {historyOpen ? (
                <HistoryPanel
                  meetingId={meeting.id}
                  doc={session.doc}
                  user={user}
                  people={people}
                  canWrite={canWrite}
                  onShowAgreed={() => {
                    setHistoryOpen(false);
                    setShowAgreed(true);
                  }}
                  onClose={() => setHistoryOpen(false)}
                />
              ) : showAgreed && closed ? (
                <AgreedView meetingId={meeting.id} closedAt={closedAt} user={user} people={people} />
              ) : (
                editorsKey !== null &&
                order.map((section) => (
                  <SectionEditor
                    key={section}
                    // Opened again on the whole document when the server's updates failed in one of them.
                    generation={editorsKey}
                    doc={session.doc}
                    provider={session.provider}
                    section={section}
                    user={user}
                    editable={canWrite}
                    laterAdditions={laterAdditions}
                    laterChanges={laterChanges}
                    marking={marking}
                    forward={section === 'reflections' && reflectionsForward}
                  >
                    {section === 'plan' && (
                      <>
                        <LaterChangesElsewhere section="plan" />
                        <NoDecisionsToday doc={session.doc} editable={canWrite} />
                        <NextMeetingPanel doc={session.doc} editable={canWrite} />
                      </>
                    )}
                    {section === 'openQuestions' && <LaterChangesElsewhere section="openQuestions" />}
                  </SectionEditor>
                ))
              )}
            </main>
          )}
          <VideoPanel session={session} meetingId={meeting.id} />
          {!ended && (
            <aside className="sidebar" aria-label={t('meeting.about')}>
              <WhoIsHere people={present} attendance={attendance} reflecting={phase === 'reflecting'} />
              {canWrite && <WhereAmI where={attendance[me.id]?.where ?? undefined} onChange={setWhere} />}
              <section className="panel" aria-labelledby="you-heading">
                <h2 id="you-heading" className="panel-heading">
                  {t('meeting.you')}
                </h2>
                <p className="you-row">
                  <span className="person-dot" style={{ backgroundColor: color }} aria-hidden="true" />
                  <span data-testid="your-name">{me.name}</span>
                  {me.relation && <span className="you">({me.relation})</span>}
                </p>
                <fieldset className="colors">
                  <legend className="hint">{t('meeting.yourColour')}</legend>
                  <div className="swatches">
                    {PALETTE.map((swatch) => (
                      <label key={swatch.color} className="swatch" style={{ backgroundColor: swatch.color }}>
                        <input
                          type="radio"
                          name="colour"
                          value={swatch.color}
                          checked={color === swatch.color}
                          onChange={() => {
                            saveColor(swatch.color);
                            setColor(swatch.color);
                          }}
                          aria-label={t(`colour.${swatch.name}`)}
                        />
                      </label>
                    ))}
                  </div>
                </fieldset>
                <LeaveDevice unsaved={canWrite && status.unsaved} />
              </section>
              {canManage && !closed && (
                <section className="panel" aria-labelledby="meeting-heading">
                  <h2 id="meeting-heading" className="panel-heading">
                    {t('meeting.thisMeeting')}
                  </h2>
                  <CloseMeetingControl meetingId={meeting.id} onClosed={setClosedHere} />
                </section>
              )}
            </aside>
          )}
        </div>
      </div>
    </MeetingPeopleContext.Provider>
  );
}
