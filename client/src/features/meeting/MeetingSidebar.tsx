/** Beside the document: who is here, where I am, me (name, colour, leaving this device), closing. */
import type { AdmissionState, AttendanceEntry, MeetingDetail, Phase } from '@polyphony/shared';
import { useT } from '../../i18n';
import type { Participant as PresentPerson, useAttendance } from '../../sync/hooks';
import { LeaveDevice } from '../../ui/LeaveDevice';
import { AskToJoinCode } from '../admission/LetSomeoneIn';
import { CloseMeetingControl } from './MeetingClosing';
import { WhereAmI } from './WhereAmI';
import { WhoIsHere } from './WhoIsHere';

interface MeetingSidebarProps {
  detail: MeetingDetail;
  present: PresentPerson[];
  attendance: ReturnType<typeof useAttendance>;
  phase: Phase;
  canWrite: boolean;
  canManage: boolean;
  closed: boolean;
  unsaved: boolean;
  /** This person's colour in the network (their place in its people list). */
  color: string;
  onWhere: (where: AttendanceEntry['where']) => void;
  /** Letting someone new in: the code shown, who waits (issue 18). */
  admission: AdmissionState;
  onAdmission: (state: AdmissionState) => void;
  canAdmit: boolean;
}

/** The sidebar of the meeting page. */
export function MeetingSidebar(props: MeetingSidebarProps) {
  const t = useT();
  const { detail, attendance, canWrite, canManage, closed } = props;
  const { me, meeting } = detail;
  return (
    <aside className="sidebar" aria-label={t('meeting.about')}>
      <WhoIsHere people={props.present} attendance={attendance} reflecting={props.phase === 'reflecting'} />
      {canWrite && <WhereAmI where={attendance[me.id]?.where ?? undefined} onChange={props.onWhere} />}
      {!closed && (
        <AskToJoinCode
          meetingId={meeting.id}
          state={props.admission}
          onState={props.onAdmission}
          canAdmit={props.canAdmit}
        />
      )}
      <section className="panel" aria-labelledby="you-heading">
        <h2 id="you-heading" className="panel-heading">
          {t('meeting.you')}
        </h2>
        <p className="you-row">
          <span
            className="person-dot"
            style={{ backgroundColor: props.color }}
            data-testid="your-colour"
            data-colour={props.color}
            aria-hidden="true"
          />
          <span data-testid="your-name">{me.name}</span>
          {me.relation && <span className="you">({me.relation})</span>}
        </p>
        <LeaveDevice unsaved={canWrite && props.unsaved} />
      </section>
      {canManage && !closed && (
        <section className="panel" aria-labelledby="meeting-heading">
          <h2 id="meeting-heading" className="panel-heading">
            {t('meeting.thisMeeting')}
          </h2>
          <CloseMeetingControl meetingId={meeting.id} />
        </section>
      )}
    </aside>
  );
}
