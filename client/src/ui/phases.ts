/** The phases of a network meeting in plain words, for the soft cue everyone sees. */
import { PHASES, type Phase } from '@polyphony/shared';
import { t } from '../i18n';

/** What a phase is called on the page, in the reader's language. */
export function phaseLabel(phase: Phase): string {
  return t(`phase.${phase}`);
}

/** The phase stored in the document, or "opening" when there is none yet. */
export function readPhase(value: unknown): Phase {
  return PHASES.includes(value as Phase) ? (value as Phase) : 'opening';
}
