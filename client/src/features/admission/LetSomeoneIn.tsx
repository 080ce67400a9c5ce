/**
 * Letting someone new in, on the meeting page (issue 18): the "ask to join" code with its QR code for the
 * shared screen (shown and turned off by the person at the centre or a professional), and, at the top of
 * the page for everyone present, who is asking to join — with, for those who may, a role and the choice.
 */
import { ADMISSION_ROLES, type AdmissionState, can, type Role, type WaitingPerson } from '@polyphony/shared';
import { useId, useState } from 'react';
import { decideAdmission, showAdmissionCode, turnAdmissionCodeOff } from '../../api/admission';
import { useT } from '../../i18n';
import { QrCode } from '../../ui/QrCode';
import { useRequest } from '../../ui/useRequest';
import './admission.css';

/** Whether a role lets people in: the person at the centre and professionals. */
export const mayAdmit = (role: Role) => can(role, 'invite');

const who = (person: { name: string; relation: string }) =>
  person.relation ? `${person.name} (${person.relation})` : person.name;

/** What went wrong with the last press, if it did (the server's sentence: "already decided" …). */
function Failure({ error }: { error: string | null }) {
  return error ? (
    <p className="error" role="alert">
      {error}
    </p>
  ) : null;
}

/** The panel with the code: shown, turned off. */
export function AskToJoinCode({
  meetingId,
  state,
  onState,
  canAdmit,
}: {
  meetingId: string;
  state: AdmissionState;
  onState: (state: AdmissionState) => void;
  canAdmit: boolean;
}) {
  const t = useT();
  const { busy, error, run } = useRequest();
  if (!canAdmit && !state.url) return null;
  const change = (next: () => Promise<AdmissionState>) =>
    run(async () => onState(await next()), t('common.didNotWork'));
  return (
    <section className="panel" aria-labelledby="ask-code-heading" data-testid="ask-code">
      <h2 id="ask-code-heading" className="panel-heading">
        {t('admission.heading')}
      </h2>
      {state.url ? (
        <>
          <p className="hint">{t('admission.shownLead')}</p>
          <QrCode url={state.url} label={t('admission.qrLabel')} />
          <p>
            <a href={state.url} className="ask-link" data-testid="ask-code-link">
              {state.url}
            </a>
          </p>
        </>
      ) : (
        <p className="hint">{t('admission.offLead')}</p>
      )}
      {/* Those who may admit turn it on and off; the others only see it while it is shown. */}
      {canAdmit && (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() =>
            change(() => (state.url ? turnAdmissionCodeOff(meetingId) : showAdmissionCode(meetingId)))
          }
          data-testid={state.url ? 'ask-code-off' : 'ask-code-show'}
        >
          {state.url ? t('admission.turnOff') : t('admission.show')}
        </button>
      )}
      <Failure error={error} />
    </section>
  );
}

/** One person asking to join; the role and the choice for those who may decide. */
function Asking({
  person,
  canAdmit,
  decide,
}: {
  person: WaitingPerson;
  canAdmit: boolean;
  decide: (decision: 'admit' | 'refuse', role: 'network_member' | 'observer') => Promise<void>;
}) {
  const t = useT();
  const id = useId();
  const [role, setRole] = useState<'network_member' | 'observer'>('network_member');
  const { busy, error, run } = useRequest();
  const choose = (decision: 'admit' | 'refuse') => run(() => decide(decision, role), t('common.didNotWork'));
  return (
    <li className="asking" data-testid="asking">
      <span className="asking-who">{t('admission.asks', { who: who(person) })}</span>
      {canAdmit ? (
        <span className="asking-choice">
          <label htmlFor={`${id}-role`} className="visually-hidden">
            {t('admission.role', { name: person.name })}
          </label>
          <select
            id={`${id}-role`}
            value={role}
            onChange={(event) => setRole(event.target.value as typeof role)}
            data-testid="asking-role"
          >
            {ADMISSION_ROLES.map((each) => (
              <option key={each} value={each}>
                {t(`role.${each}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button primary"
            disabled={busy}
            onClick={() => choose('admit')}
            data-testid="asking-admit"
          >
            {t('admission.letIn', { name: person.name })}
          </button>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => choose('refuse')}
            data-testid="asking-refuse"
          >
            {t('admission.refuse', { name: person.name })}
          </button>
        </span>
      ) : (
        <span className="hint">{t('admission.whoDecides')}</span>
      )}
      <Failure error={error} />
    </li>
  );
}

/** Who is asking to join, at the top of the page for everyone present. */
export function AskingToJoin({
  meetingId,
  state,
  onState,
  onStale,
  canAdmit,
}: {
  meetingId: string;
  state: AdmissionState;
  onState: (state: AdmissionState) => void;
  /** An answer failed (someone else answered first, say): what is shown may be out of date. */
  onStale: () => void;
  canAdmit: boolean;
}) {
  return (
    <div aria-live="polite" className="asking-to-join">
      {state.waiting.length > 0 && (
        <ul className="asking-list" data-testid="asking-to-join">
          {state.waiting.map((person) => (
            <Asking
              key={person.id}
              person={person}
              canAdmit={canAdmit}
              decide={async (decision, role) => {
                try {
                  onState(await decideAdmission(meetingId, person.id, decision, role));
                } catch (error) {
                  onStale();
                  throw error;
                }
              }}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
