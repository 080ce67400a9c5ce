/**
 * Beside the plan: "no decisions today" (a legitimate outcome, said plainly) and the next meeting as
 * agreed in the room — a day and time, or "when it is needed", and who will call it together —, each with
 * what changed in it after the meeting.
 */

import { MetaKeys, type NextMeeting } from '@polyphony/shared';
import { useEffect, useId, useState } from 'react';
import type * as Y from 'yjs';
import { LaterChangeNotes, useMetaChanges } from '../editor/LaterChanges';
import { formatMeetingTime } from '../editor/time';
import { useT } from '../i18n';
import { useMetaValue } from '../sync/hooks';

function readNext(value: unknown): NextMeeting | null {
  if (!value || typeof value !== 'object') return null;
  const { when, convenerName } = value as Partial<NextMeeting>;
  return {
    when: typeof when === 'string' ? when : '',
    convenerName: typeof convenerName === 'string' ? convenerName : '',
  };
}

/** `datetime-local` shows local time without a zone; the document keeps an ISO time. */
function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** "No decisions today". */
export function NoDecisionsToday({ doc, editable }: { doc: Y.Doc; editable: boolean }) {
  const t = useT();
  const [none, setNone] = useMetaValue(doc, MetaKeys.noDecisionsToday, (v) => v === true);
  const later = useMetaChanges('noDecisionsToday');
  if (!editable) {
    return (
      <>
        {none && (
          <p className="calm-note" data-testid="no-decisions-note">
            {t('plan.noDecisionsToday')}
          </p>
        )}
        <LaterChangeNotes changes={later} />
      </>
    );
  }
  return (
    <>
      <label className="check big-check">
        <input
          type="checkbox"
          checked={none}
          onChange={(event) => setNone(event.target.checked)}
          data-testid="no-decisions-today"
        />
        {t('plan.noDecisionsTodayCheck')}{' '}
        {none && <span className="hint-inline">{t('plan.fineOutcome')}</span>}
      </label>
      <LaterChangeNotes changes={later} />
    </>
  );
}

/** The next meeting, as agreed in the room. */
export function NextMeetingPanel({ doc, editable }: { doc: Y.Doc; editable: boolean }) {
  const t = useT();
  const [next, setNext] = useMetaValue(doc, MetaKeys.nextMeeting, readNext);
  const later = useMetaChanges('nextMeeting');
  const [convener, setConvener] = useState(next?.convenerName ?? '');
  useEffect(() => setConvener(next?.convenerName ?? ''), [next?.convenerName]);
  const ids = { heading: useId(), when: useId(), who: useId() };
  const whenNeeded = next?.when === 'when_needed';
  const save = (change: Partial<NextMeeting>) =>
    setNext({ when: next?.when ?? '', convenerName: next?.convenerName ?? '', ...change });

  const summary = !next?.when
    ? t('plan.notAgreedYet')
    : whenNeeded
      ? t('plan.whenNeeded')
      : formatMeetingTime(next.when);

  return (
    <section className="next-meeting" aria-labelledby={ids.heading} data-testid="next-meeting">
      <h3 id={ids.heading}>{t('plan.nextMeeting')}</h3>
      {!editable ? (
        <p data-testid="next-meeting-summary">
          {summary}
          {next?.convenerName && t('plan.willCall', { name: next.convenerName })}
        </p>
      ) : (
        <div className="next-meeting__fields">
          <div className="choice-row">
            <label className="choice">
              <input type="radio" name={ids.when} checked={!whenNeeded} onChange={() => save({ when: '' })} />
              {t('plan.onADay')}
            </label>
            <label className="choice">
              <input
                type="radio"
                name={ids.when}
                checked={whenNeeded}
                onChange={() => save({ when: 'when_needed' })}
                data-testid="next-when-needed"
              />
              {t('plan.whenItIsNeeded')}
            </label>
          </div>
          {!whenNeeded && (
            <label className="plan-field">
              <span className="plan-field__label">{t('plan.dayAndTime')}</span>
              <input
                type="datetime-local"
                className="text-input"
                value={next?.when ? toLocalInput(next.when) : ''}
                onChange={(event) => {
                  const date = new Date(event.target.value);
                  if (!Number.isNaN(date.getTime())) save({ when: date.toISOString() });
                }}
                data-testid="next-when"
              />
            </label>
          )}
          <label className="plan-field" htmlFor={ids.who}>
            <span className="plan-field__label">{t('plan.whoWillCall')}</span>
            <input
              id={ids.who}
              className="text-input"
              value={convener}
              maxLength={80}
              placeholder={t('common.aName')}
              onChange={(event) => setConvener(event.target.value)}
              onBlur={() =>
                convener.trim() !== (next?.convenerName ?? '') && save({ convenerName: convener.trim() })
              }
              data-testid="next-convener"
            />
          </label>
          {next?.when && <p className="calm-note">{t('plan.agreed', { summary })}</p>}
        </div>
      )}
      <LaterChangeNotes changes={later} />
    </section>
  );
}
