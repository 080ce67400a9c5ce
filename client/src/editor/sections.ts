/** How each section of the meeting document is named and introduced, in plain words. */
import type { SectionName } from '@polyphony/shared';

/** Heading and a one-line hint for a section. */
export interface SectionText {
  heading: string;
  hint: string;
}

/** Plain-word headings for the four sections, in the order a meeting shows them. */
export const sectionText: Record<SectionName, SectionText> = {
  dialogue: {
    heading: 'What people said',
    hint: 'Write what each person says, in their own words.',
  },
  reflections: {
    heading: 'Reflections',
    hint: 'Thoughts offered tentatively (“I wonder…”), and how the others answered them.',
  },
  plan: {
    heading: 'Plan',
    hint: 'What was decided together — or “no decisions today”. Different views can stand side by side.',
  },
  openQuestions: {
    heading: 'Not yet known',
    hint: 'Questions still open. They are carried to the next meeting.',
  },
};
