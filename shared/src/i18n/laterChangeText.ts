/**
 * A change made after the meeting to what was agreed, in words: who, when, and what it was before. The
 * page, the print page and the Markdown export all say it with this, in the reader's language; what
 * people wrote (an item's text, a view in their own words, names) is quoted as written.
 */
import type { NextMeeting } from '../schema/document.js';
import type { LaterChange, PersonView, PlanItemState, QuestionState } from '../schema/laterChanges.js';
import type { MeetingText } from './meetingWords/index.js';

/** How to write: the words, a time, and what to do with people's own text (Markdown escapes it). */
export interface LaterChangeWriting {
  t: MeetingText;
  time: (iso: string) => string;
  /** Applied to everything people wrote; as it is by default. */
  own?: (text: string) => string;
}

/** A change in words: one line saying who and when, and one line per thing that changed. */
export interface LaterChangeText {
  summary: string;
  details: string[];
}

/** People as a list in words: "Liisa (“I would rather…”), Anna", or "nobody". */
export function peopleText(people: readonly PersonView[], w: LaterChangeWriting): string {
  const own = w.own ?? ((text: string) => text);
  if (people.length === 0) return w.t('later.nobody');
  return people
    .map((person) =>
      person.view
        ? w.t('plan.personView', { name: own(person.name), view: own(person.view) })
        : own(person.name),
    )
    .join(', ');
}

/** The next meeting in words, as the page shows it: "When it is needed. Maria will call it together." */
export function nextMeetingText(next: NextMeeting | null, w: LaterChangeWriting): string {
  const own = w.own ?? ((text: string) => text);
  if (!next?.when) {
    return next?.convenerName
      ? `${w.t('plan.notAgreedYet')}${w.t('plan.willCall', { name: own(next.convenerName) })}`
      : w.t('plan.notAgreedYet');
  }
  const when = next.when === 'when_needed' ? w.t('plan.whenNeeded') : `${w.time(next.when)}.`;
  return `${when}${next.convenerName ? w.t('plan.willCall', { name: own(next.convenerName) }) : ''}`;
}

function field(label: string, now: string, before: string, w: LaterChangeWriting): string {
  return `${label} ${w.t('later.before', { now, before })}`;
}

function statusText(status: string, w: LaterChangeWriting): string {
  if (status === 'done') return w.t('later.statusDone');
  if (status === 'closed') return w.t('later.statusClosed');
  return w.t('later.statusOpen');
}

function quoted(text: string, w: LaterChangeWriting): string {
  const own = w.own ?? ((value: string) => value);
  return text ? w.t('later.quoted', { text: own(text) }) : w.t('later.empty');
}

const isPlanItem = (state: PlanItemState | QuestionState): state is PlanItemState => 'agrees' in state;

function stateLines(
  before: PlanItemState | QuestionState | null,
  after: PlanItemState | QuestionState | null,
  w: LaterChangeWriting,
): string[] {
  const own = w.own ?? ((text: string) => text);
  const lines: string[] = [];
  const is = (value: unknown) => JSON.stringify(value);
  if (before && after) {
    if (before.text !== after.text)
      lines.push(field(w.t('later.text'), quoted(after.text, w), quoted(before.text, w), w));
    if (isPlanItem(before) && isPlanItem(after)) {
      if (is(before.agrees) !== is(after.agrees))
        lines.push(field(w.t('plan.agrees'), peopleText(after.agrees, w), peopleText(before.agrees, w), w));
      if (is(before.differs) !== is(after.differs))
        lines.push(
          field(w.t('plan.seesDifferently'), peopleText(after.differs, w), peopleText(before.differs, w), w),
        );
      if (before.doerName !== after.doerName)
        lines.push(
          field(
            w.t('plan.whoDoesItColon'),
            after.doerName ? own(after.doerName) : w.t('later.empty'),
            before.doerName ? own(before.doerName) : w.t('later.empty'),
            w,
          ),
        );
      if (before.byWhen !== after.byWhen)
        lines.push(
          field(
            w.t('plan.byWhenColon'),
            after.byWhen ? own(after.byWhen) : w.t('later.empty'),
            before.byWhen ? own(before.byWhen) : w.t('later.empty'),
            w,
          ),
        );
    }
    if (before.status !== after.status)
      lines.push(field(w.t('later.status'), statusText(after.status, w), statusText(before.status, w), w));
    return lines;
  }
  // Removed: what it was, in full.
  const state = before ?? after;
  if (!state) return lines;
  lines.push(`${w.t('later.text')} ${quoted(state.text, w)}`);
  if (isPlanItem(state)) {
    if (state.agrees.length) lines.push(`${w.t('plan.agrees')} ${peopleText(state.agrees, w)}`);
    if (state.differs.length) lines.push(`${w.t('plan.seesDifferently')} ${peopleText(state.differs, w)}`);
  }
  return lines;
}

/** A change made after the meeting, in words. */
export function laterChangeText(change: LaterChange, w: LaterChangeWriting): LaterChangeText {
  const own = w.own ?? ((text: string) => text);
  const names = change.by.length
    ? change.by.map((person) => own(person.name)).join(', ')
    : w.t('common.someoneLower');
  // A change made before the record began is said to be from before the time it was found.
  const key = change.earlier
    ? change.change === 'added'
      ? 'later.addedBefore'
      : change.change === 'removed'
        ? 'later.removedBefore'
        : 'later.changedBefore'
    : change.change === 'added'
      ? 'later.added'
      : change.change === 'removed'
        ? 'later.removed'
        : 'later.changed';
  const restoring = change.restoring
    ? w.t('later.restoring', { when: w.time(change.restoring.takenAt) })
    : '';
  const summary = `${w.t(key, { names, when: w.time(change.at) })}${restoring}`;
  switch (change.what) {
    case 'noDecisionsToday':
      return {
        summary,
        details: [change.after ? w.t('later.noDecisionsTicked') : w.t('later.noDecisionsUnticked')],
      };
    case 'nextMeeting':
      return {
        summary,
        details: [
          field(
            w.t('later.nextMeeting'),
            nextMeetingText(change.after, w),
            nextMeetingText(change.before, w),
            w,
          ),
        ],
      };
    default:
      return {
        summary,
        details: change.change === 'added' ? [] : stateLines(change.before, change.after, w),
      };
  }
}
