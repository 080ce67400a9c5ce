/**
 * Who is who, honestly, and what screen readers hear (issue 18, parts 3–4), in English: the source of
 * the other languages' words (the files beside this one). The words the export shares ("listening",
 * "from meeting 1") are in shared/src/i18n/meetingWords.
 */

export const honestEn = {
  // Said once to a screen reader when the edits reach the server again after being offline.
  'save.backOnline': 'Back online — your edits are saved',
} as const;

/** The words of this block in any language. */
export type HonestWords = { readonly [K in keyof typeof honestEn]: string };
