/**
 * The parts of the meeting's blocks that need no editor: their labels' words and the plan item's views,
 * shared by the editor's node views (blockViews.tsx) and the text shown before the editors have loaded
 * (SectionReading.tsx), so that both look the same.
 */
import type { PersonView } from '@polyphony/shared';
import { useT } from '../i18n';

export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The quiet words of a block's label around the name ("Proposed by", " · done"). */
export function aside(words: string) {
  return <span className="block-aside">{words}</span>;
}

/**
 * What a control acts on, for its accessible name: the start of the block's own text, or else who it is
 * by. Every reflection has a "Respond to this"; a screen reader's list of buttons must tell them apart.
 */
export function startOf(text: string, fallback: string): string {
  const words = text.trim().replace(/\s+/g, ' ');
  if (!words) return fallback;
  return words.length > 40 ? `${words.slice(0, 39)}…` : words;
}

/** A control's accessible name: its visible words first (so that voice control finds it), then what. */
export const about = (label: string, what: string) => `${label}: ${what}`;

/** "From meeting 1", on a plan item or question carried over from an earlier meeting. */
export function FromMeeting({ value }: { value: unknown }) {
  const t = useT();
  const n = Number(str(value));
  if (!Number.isSafeInteger(n) || n < 1) return null;
  return (
    <span className="block-from" data-testid="from-meeting">
      {t('block.fromMeeting', { n })}
    </span>
  );
}

export function names(people: PersonView[]): string {
  return people.map((person) => person.name).join(', ');
}

/** "Sees it differently", each with their view in their own words when they gave it. */
export function DiffersList({ differs }: { differs: PersonView[] }) {
  const t = useT();
  if (differs.length === 0) return <>{t('plan.nobodySaidSo')}</>;
  return (
    <>
      {differs.map((person, index) => (
        <span key={person.id || person.name} className="plan-view" data-testid="plan-view">
          {index > 0 && ', '}
          {person.view ? t('plan.personView', { name: person.name, view: person.view }) : person.name}
        </span>
      ))}
    </>
  );
}

/** Who does a plan item and by when, as read (nothing when neither is said). */
export function PlanAssignment({ doer, byWhen }: { doer: string; byWhen: string }) {
  const t = useT();
  if (!doer && !byWhen) return null;
  return (
    <p className="plan-views">
      {doer && (
        <span>
          <strong>{t('plan.whoDoesItColon')}</strong> {doer}
        </span>
      )}
      {byWhen && (
        <span>
          <strong>{t('plan.byWhenColon')}</strong> {byWhen}
        </span>
      )}
    </p>
  );
}
