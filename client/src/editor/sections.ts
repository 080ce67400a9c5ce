/** How each section of the meeting document is named and introduced, in plain words. */
import type { SectionName } from '@polyphony/shared';

/** Heading and a one-line hint for a section. */
export interface SectionText {
  heading: string;
  hint: string;
  /** Shown in the empty editor: where to write, and how. */
  placeholder: string;
}

/** Plain-word headings for the four sections, in the order a meeting shows them. */
export const sectionText: Record<SectionName, SectionText> = {
  dialogue: {
    heading: 'What people said',
    hint: 'Write what each person says, in their own words.',
    placeholder: 'Nothing written yet. Use “Add what I said” below, or type here.',
  },
  reflections: {
    heading: 'Reflections',
    hint: 'Thoughts offered tentatively (“I wonder…”), and how the others answered them.',
    placeholder: 'No reflections yet.',
  },
  plan: {
    heading: 'Plan',
    hint: 'What was decided together — or “no decisions today”. Different views can stand side by side.',
    placeholder: 'No plan yet. Use “Add a plan item” below.',
  },
  openQuestions: {
    heading: 'Not yet known',
    hint: 'Questions still open. They are carried to the next meeting.',
    placeholder: 'No open questions yet.',
  },
};
