/** How each section of the meeting document is named and introduced, in plain words. */
import type { SectionName } from '@polyphony/shared';
import { t } from '../i18n';

/** Heading and a one-line hint for a section. */
export interface SectionText {
  heading: string;
  hint: string;
  /** Shown in the empty editor: where to write, and how. */
  placeholder: string;
}

/** A section's heading, hint and placeholder, in the reader's language. */
export function sectionText(section: SectionName): SectionText {
  return {
    heading: t(`section.${section}.heading`),
    hint: t(`section.${section}.hint`),
    placeholder: t(`section.${section}.placeholder`),
  };
}
