/**
 * One meeting, live: the shared document in four sections, the phase as a soft cue, who is here (with
 * a raised hand), where I am, the plan's "no decisions today" and next meeting, closing, the version
 * as agreed, the history, and an honest save status. This component wires them; each is its own.
 */
import {
  can,
  DocumentTypes,
  type MeetingDetail,
  MetaKeys,
  type Phase,
  SECTIONS,
  type SectionName,
} from '@polyphony/shared';
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { LaterChangesElsewhere, useLaterChangesOf } from '../../editor/LaterChanges';
import { type MeetingPeople, MeetingPeopleContext } from '../../editor/MeetingContext';
import { RevisitMarking } from '../../editor/RevisitMarking';
import { SectionFrame, SectionReading } from '../../editor/SectionReading';
import { tx, useT } from '../../i18n';
import {
  useAttendance,
  useEditorsKey,
  useMetaValue,
  useParticipants,
  useSaveStatus,
  useWarnBeforeLeaving,
} from '../../sync/hooks';
import type { MeetingSession, MeetingUser } from '../../sync/MeetingSession';
import { colourOf } from '../../ui/colour';
import { MeetingEnded } from '../../ui/MeetingEnded';
import { NextMeetingPanel, NoDecisionsToday } from '../../ui/PlanExtras';
import { readPhase } from '../../ui/phases';
import { AskingToJoin, mayAdmit } from '../admission/LetSomeoneIn';
import { useAdmission } from '../admission/useAdmission';
import { RevisitMenu, WhoWroteLegend } from '../history/RevisitBar';
import { SinceLastVisitNote, useSinceLastVisit } from '../history/SinceLastVisit';
import { VideoOffNote, VideoPanel } from '../video/VideoDock';
import { ClosedBanner } from './MeetingClosing';
import { MeetingSidebar } from './MeetingSidebar';
import { MeetingTopBar } from './MeetingTopBar';
import { PhaseBar } from './PhaseBar';
import { useAttending } from './useAttending';
import { useDocumentReady } from './useDocumentReady';
import { useMeetingClosed } from './useMeetingClosed';
import { useMeetingView } from './useMeetingView';
import { useOpeningPlace } from './useOpeningPlace';
import { RaisedHands } from './WhoIsHere';
import '../history/revisit.css';

// The editors (TipTap, most of the page's code) load from the start but are not waited for: the
// document's text is shown as soon as it is known, read-only, and each editor takes its place when it
// has come (issue 18, part 2: slow phones read at once).
const editorModule = import('../../editor/SectionEditor');
const SectionEditorBody = lazy(() => editorModule.then((module) => ({ default: module.SectionEditorBody })));

// Not on the first screen: the history and the version as agreed load when opened (issue 18, part 2).
const HistoryPanel = lazy(() =>
  import('../history/HistoryPanel').then((module) => ({ default: module.HistoryPanel })),
);
const AgreedView = lazy(() =>
  import('../history/AgreedView').then((module) => ({ default: module.AgreedView })),
);

function readString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The meeting page once the meeting may be shown. */
export function MeetingDocument({ session, detail }: { session: MeetingSession; detail: MeetingDetail }) {
  const t = useT();
  const { me, meeting, network } = detail;
  const canWrite = can(me.role, 'write');
  const canManage = can(me.role, 'manageMeetings');
  const canAdmit = mayAdmit(me.role);
  // Each person's own colour in this network, the same in their caret and in "who wrote what".
  const color = colourOf(detail.people, me.id);
  const user = useMemo<MeetingUser>(
    () => ({ name: me.name, color, id: me.id, relation: me.relation, role: me.role }),
    [me, color],
  );
  const status = useSaveStatus(session);
  const editorsKey = useEditorsKey(session);
  // Until the document's content is known, its place is held (nothing below the phase bar jumps).
  const ready = useDocumentReady(session);
  const ended = status.ended && status.ended !== 'rewritten' ? status.ended : null;
  const present = useParticipants(session);
  const attendance = useAttendance(session.doc);
  const [phase, setPhase] = useMetaValue<Phase>(session.doc, MetaKeys.phase, readPhase);
  const [title, setTitle] = useMetaValue(session.doc, MetaKeys.title, readString);
  const { closed, closedAt } = useMeetingClosed(session.doc);
  // Where the page opens: where I last wrote, else the current phase's section.
  const openingPlace = useOpeningPlace(session, me.id, phase, ready);
  const admission = useAdmission(session, meeting.id, !closed && !ended);
  const [view, changeView] = useMeetingView();
  const living = view.panel === 'living';
  useWarnBeforeLeaving(canWrite && status.unsaved);
  const setWhere = useAttending(session, detail, canWrite);

  // New since the last visit, or who wrote what: highlights over the living document's text.
  const marking = useMemo(
    () => new RevisitMarking(session.doc, me.id, detail.people),
    [session, me.id, detail.people],
  );
  const sinceLastVisit = useSinceLastVisit(session, marking);
  // What changed after the meeting in what was agreed, shown where it changed.
  const laterChanges = useLaterChangesOf(session.doc);
  useEffect(() => marking.setMode(view.whoWrote ? 'authors' : 'news'), [marking, view.whoWrote]);

  useEffect(() => session.setUser(user), [session, user]);
  useEffect(() => {
    document.title = t('app.titleSuffix', { title: title || meeting.title || t('meeting.meeting') });
  }, [t, title, meeting.title]);

  const people = useMemo<MeetingPeople>(
    () => ({
      me: { id: me.id, name: me.name, relation: me.relation },
      people: detail.people.map(({ id, name, relation }) => ({ id, name, relation })),
      attendance,
      canWrite,
    }),
    [me, detail.people, attendance, canWrite],
  );

  // During the reflecting conversation and the responses, the reflections come forward.
  const reflectionsForward = phase === 'reflecting' || phase === 'responding';

  return (
    <MeetingPeopleContext.Provider value={people}>
      <div className="meeting" data-phase={phase}>
        {ended ? (
          <MeetingEnded end={ended} />
        ) : (
          // The top bar and the raised hands stay in sight wherever one is scrolled.
          <div className="meeting-head">
            <MeetingTopBar
              session={session}
              detail={detail}
              status={status}
              canWrite={canWrite}
              menu={
                <RevisitMenu
                  meetingId={meeting.id}
                  historyOpen={view.panel === 'history'}
                  onToggleHistory={() => changeView({ type: 'toggleHistory' })}
                  whoWrote={view.whoWrote}
                  onToggleWhoWrote={() => changeView({ type: 'toggleWhoWrote' })}
                />
              }
            />
            <RaisedHands people={present} />
          </div>
        )}
        {!ended && <PhaseBar phase={phase} onChange={setPhase} editable={canWrite} />}
        {!ended && (
          <AskingToJoin
            meetingId={meeting.id}
            state={admission.state}
            onState={admission.set}
            onStale={admission.stale}
            canAdmit={canAdmit}
          />
        )}
        {!ended && !ready ? (
          <div className="meeting-opening" aria-busy="true" data-testid="meeting-opening">
            <p>{t('app.openingMeeting')}</p>
          </div>
        ) : (
          <>
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
                showingAgreed={view.panel === 'agreed'}
                onToggleAgreed={() => changeView({ type: 'toggleAgreed' })}
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
                      network: t('network.of', { name: network.centreName }),
                      link: <a href={`/n/${network.id}`}>{t('meeting.allMeetingsAndPeople')}</a>,
                    })}
                  </p>
                  <VideoOffNote placement="phone" />
                  {living && !view.whoWrote && <SinceLastVisitNote state={sinceLastVisit} />}
                  {living && view.whoWrote && <WhoWroteLegend people={marking.legend()} />}
                  {view.panel === 'history' ? (
                    <Suspense fallback={<p>{t('history.loading')}</p>}>
                      <HistoryPanel
                        meetingId={meeting.id}
                        doc={session.doc}
                        user={user}
                        people={people}
                        canWrite={canWrite}
                        onShowAgreed={() => changeView({ type: 'showAgreed' })}
                        onClose={() => changeView({ type: 'closeHistory' })}
                      />
                    </Suspense>
                  ) : view.panel === 'agreed' && closed ? (
                    <Suspense fallback={<p>{t('agreed.loading')}</p>}>
                      <AgreedView meetingId={meeting.id} closedAt={closedAt} user={user} people={people} />
                    </Suspense>
                  ) : (
                    editorsKey !== null && (
                      <MeetingSections
                        session={session}
                        me={me}
                        generation={editorsKey}
                        user={user}
                        canWrite={canWrite}
                        marking={marking}
                        laterChanges={laterChanges}
                        reflectionsForward={reflectionsForward}
                        openingPlace={openingPlace}
                      />
                    )
                  )}
                </main>
              )}
              <VideoPanel session={session} meetingId={meeting.id} />
              {!ended && (
                <MeetingSidebar
                  detail={detail}
                  present={present}
                  attendance={attendance}
                  phase={phase}
                  canWrite={canWrite}
                  canManage={canManage}
                  closed={closed}
                  unsaved={status.unsaved}
                  color={color}
                  onWhere={setWhere}
                  admission={admission.state}
                  onAdmission={admission.set}
                  canAdmit={canAdmit}
                />
              )}
            </div>
          </>
        )}
      </div>
    </MeetingPeopleContext.Provider>
  );
}

/** The four sections' editors, the reflections first while the team reflects and the network responds. */
function MeetingSections({
  session,
  me,
  generation,
  user,
  canWrite,
  marking,
  laterChanges,
  reflectionsForward,
  openingPlace,
}: {
  session: MeetingSession;
  me: MeetingDetail['me'];
  generation: string;
  user: MeetingUser;
  canWrite: boolean;
  marking: RevisitMarking;
  laterChanges: ReturnType<typeof useLaterChangesOf>;
  reflectionsForward: boolean;
  openingPlace: ReturnType<typeof useOpeningPlace>;
}) {
  // The later-addition marker reads these live, from inside the editors.
  const laterAdditions = useMemo(
    () => ({
      isClosed: () => session.doc.getMap(DocumentTypes.meta).get(MetaKeys.closed) === true,
      author: () => ({ id: me.id, name: me.name }),
    }),
    [session, me],
  );
  const order: readonly SectionName[] = reflectionsForward
    ? ['reflections', ...SECTIONS.filter((s) => s !== 'reflections')]
    : SECTIONS;
  return order.map((section) => (
    <SectionFrame
      key={section}
      section={section}
      forward={section === 'reflections' && reflectionsForward}
      laterChanges={laterChanges}
    >
      {/* Until the editor's code has come, the text as it is stored, read-only, in the editor's place. */}
      <Suspense fallback={<SectionReading doc={session.doc} section={section} editable={canWrite} />}>
        <SectionEditorBody
          // Opened again on the whole document when the server's updates failed in one of them.
          generation={generation}
          doc={session.doc}
          provider={session.provider}
          section={section}
          user={user}
          editable={canWrite}
          laterAdditions={laterAdditions}
          laterChanges={laterChanges}
          marking={marking}
          reveal={openingPlace?.section === section ? openingPlace.reveal : null}
        />
      </Suspense>
      {section === 'plan' && (
        <>
          <LaterChangesElsewhere section="plan" />
          <NoDecisionsToday doc={session.doc} editable={canWrite} />
          <NextMeetingPanel doc={session.doc} editable={canWrite} />
        </>
      )}
      {section === 'openQuestions' && <LaterChangesElsewhere section="openQuestions" />}
    </SectionFrame>
  ));
}
