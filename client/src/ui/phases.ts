/** The phases of a network meeting in plain words, for the soft cue everyone sees. */
import { PHASES, type Phase } from '@polyphony/shared';

/** What each phase is called on the page. */
export const phaseLabels: Record<Phase, string> = {
  opening: 'Opening',
  dialogue: 'Dialogue',
  reflecting: 'Reflecting',
  responding: 'Responding',
  decisions: 'Decisions',
  next_meeting: 'Next meeting',
};

/** The phase stored in the document, or "opening" when there is none yet. */
export function readPhase(value: unknown): Phase {
  return PHASES.includes(value as Phase) ? (value as Phase) : 'opening';
}
