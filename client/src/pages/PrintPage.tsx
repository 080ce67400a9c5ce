/**
 * The print-ready page of a meeting, `/m/:id/print`: the whole living document as it reads now —
 * who was there, what each person said (and who typed it for them), the reflections with the responses
 * under them, the plan with who agrees and who sees it differently, "not yet known", the next meeting,
 * each change made to them after the meeting (who, when, what it was), and the marks on later
 * additions — laid out for paper by a print stylesheet. "Print / save as PDF" opens the browser's print
 * window; printing (from the button or the browser's menu) is written to the network's activity log,
 * like every export.
 */

import { DocumentTypes, type MeetingDetail, readText, SECTIONS, type Where } from '@polyphony/shared';
import { useEffect, useMemo, useState } from 'react';
import { logPrintExport } from '../api/history';
import { getMeeting } from '../api/meetings';
import { LaterChangesElsewhere, useLaterChangesOf } from '../editor/LaterChanges';
import { type MeetingPeople, MeetingPeopleContext } from '../editor/MeetingContext';
import { SectionEditor } from '../editor/SectionEditor';
import { PageFailed, SectionBoundary } from '../editor/SectionFallback';
import { formatWhen } from '../editor/time';
import { type MessageKey, useT } from '../i18n';
import { useAttendance, useMeetingSession } from '../sync/hooks';
import type { MeetingEnd, MeetingSession } from '../sync/MeetingSession';
import { MeetingEnded } from '../ui/MeetingEnded';
import { NextMeetingPanel, NoDecisionsToday } from '../ui/PlanExtras';
import { longDate } from '../ui/time';
import '../features/history/revisit.css';

const WHERE_TEXT = {
  room: 'print.where.room',
  remote: 'print.where.remote',
  phone: 'print.where.phone',
} as const satisfies Record<Where, MessageKey>;

/** The print page of one meeting. */
export function PrintPage({ meetingId }: { meetingId: string }) {
  const t = useT();
  const [detail, setDetail] = useState<MeetingDetail | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const session = useMeetingSession(meetingId);
  const [synced, setSynced] = useState(false);
  const [ended, setEnded] = useState<MeetingEnd | null>(null);
  useEffect(() => {
    if (!session) return;
    // Revoked, erased, or the session ended while the print page is open: it stops showing the meeting.
    const stop = session.subscribe(() => setEnded(session.getStatus().ended ?? null));
    return () => {
      stop();
    };
  }, [session]);

  useEffect(() => {
    getMeeting(meetingId).then(setDetail, (error: unknown) =>
      setFailure(error instanceof Error ? error.message : t('meeting.couldNotOpenDot')),
    );
  }, [meetingId, t]);
  useEffect(() => {
    setSynced(false);
    return session?.whenSynced(() => setSynced(true));
  }, [session]);

  if (failure) {
    return (
      <main className="notice">
        <h1>{t('meeting.couldNotOpen')}</h1>
        <p role="alert">{failure}</p>
      </main>
    );
  }
  if (session && ended) return <MeetingEnded end={ended} />;
  if (!detail || !session || !synced) {
    return (
      <main className="notice">
        <p>{t('app.preparingPrint')}</p>
      </main>
    );
  }
  return (
    <SectionBoundary fallback={<PageFailed />}>
      <PrintableMeeting detail={detail} session={session} />
    </SectionBoundary>
  );
}

function PrintableMeeting({ detail, session }: { detail: MeetingDetail; session: MeetingSession }) {
  const t = useT();
  const { meeting, network, me } = detail;
  const networkName = t('network.of', { name: network.centreName });
  const attendance = useAttendance(session.doc);
  const title = readText(session.doc.getMap(DocumentTypes.meta).get('title'));
  const people = useMemo<MeetingPeople>(
    () => ({
      me: { id: me.id, name: me.name, relation: me.relation },
      people: detail.people.map(({ id, name, relation }) => ({ id, name, relation })),
      attendance,
      canWrite: false,
    }),
    [me, detail.people, attendance],
  );
  const user = useMemo(() => ({ name: me.name, color: '#555' }), [me.name]);
  const laterChanges = useLaterChangesOf(session.doc);

  useEffect(() => {
    document.title = t('print.pageTitle', { n: meeting.number, network: networkName });
    // Printing from the button or from the browser's own menu: either way it is an export, logged once.
    let logged = false;
    const log = () => {
      if (logged) return;
      logged = true;
      void logPrintExport(meeting.id).catch(() => {
        logged = false;
      });
    };
    window.addEventListener('beforeprint', log);
    return () => window.removeEventListener('beforeprint', log);
  }, [t, meeting.id, meeting.number, networkName]);

  const present: [string, { name: string; relation: string; role: string; where: Where | null }][] =
    Object.entries(attendance);
  // Observers only listen, so their browsers write nothing into the attendance: the server says who came.
  for (const id of detail.listening ?? []) {
    const person = detail.people.find((p) => p.id === id);
    if (person && !attendance[id]) present.push([id, { ...person, where: null }]);
  }
  const letInBy = new Map(detail.people.map((person) => [person.id, person.admittedBy]));
  return (
    <MeetingPeopleContext.Provider value={people}>
      <div className="print-page">
        <nav className="print-toolbar" aria-label={t('print.label')}>
          <a className="button" href={`/m/${meeting.id}`} data-testid="print-back">
            {t('print.back')}
          </a>
          <button
            type="button"
            className="button primary"
            onClick={() => window.print()}
            data-testid="print-now"
          >
            {t('print.print')}
          </button>
          <p className="hint">{t('print.hint')}</p>
        </nav>
        <article className="print-document" data-testid="print-document">
          <header className="print-header">
            <p className="print-header__network">Polyphony · {networkName}</p>
            <h1>
              {t('network.meetingTitle', {
                n: meeting.number,
                title: title || meeting.title,
              })}
            </h1>
            <p>
              {longDate(meeting.createdAt)}
              {meeting.closedAt
                ? t('print.closed', { when: formatWhen(meeting.closedAt) })
                : t('print.stillOpen')}
            </p>
            {present.length > 0 && (
              <p data-testid="print-present">
                <strong>{t('print.present')}</strong>{' '}
                {present
                  .map(([id, entry]) => {
                    const by = letInBy.get(id);
                    return (
                      `${entry.name}${entry.relation ? ` (${entry.relation})` : ''}` +
                      (entry.where ? `, ${t(WHERE_TEXT[entry.where])}` : '') +
                      (entry.role === 'observer' ? `, ${t('print.listening')}` : '') +
                      (by ? `, ${t('print.letInBy', { name: by })}` : '')
                    );
                  })
                  .join('; ')}
              </p>
            )}
          </header>
          {SECTIONS.map((section) => (
            <SectionEditor
              key={section}
              doc={session.doc}
              provider={null}
              section={section}
              user={user}
              editable={false}
              laterChanges={laterChanges}
              testIdPrefix="print"
            >
              {section === 'plan' && (
                <>
                  <LaterChangesElsewhere section="plan" />
                  <NoDecisionsToday doc={session.doc} editable={false} />
                  <NextMeetingPanel doc={session.doc} editable={false} />
                </>
              )}
              {section === 'openQuestions' && <LaterChangesElsewhere section="openQuestions" />}
            </SectionEditor>
          ))}
          <p className="print-footer">
            {t('print.footer', { when: formatWhen(new Date().toISOString()), name: me.name })}
          </p>
        </article>
      </div>
    </MeetingPeopleContext.Provider>
  );
}
