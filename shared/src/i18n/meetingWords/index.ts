/**
 * The words around a meeting's document in every language, and `meetingText(language)` for writing
 * with them outside React (the server's Markdown export). The client's dictionaries spread each
 * language's words in, so a section or a phrase reads the same on the page and in the file.
 */
import { fill, type Placeholders } from '../fill.js';
import type { Language } from '../languages.js';
import { meetingWordsCs } from './cs.js';
import { meetingWordsDe } from './de.js';
import { type MeetingWordKey, type MeetingWords, meetingWordsEn } from './en.js';
import { meetingWordsEt } from './et.js';
import { meetingWordsFi } from './fi.js';
import { meetingWordsIt } from './it.js';
import { meetingWordsNl } from './nl.js';
import { meetingWordsSv } from './sv.js';

export {
  type MeetingWordKey,
  type MeetingWords,
  meetingWordsCs,
  meetingWordsDe,
  meetingWordsEn,
  meetingWordsEt,
  meetingWordsFi,
  meetingWordsIt,
  meetingWordsNl,
  meetingWordsSv,
};

/** Every language's meeting words: a language without them is a type error. */
export const MEETING_WORDS: Readonly<Record<Language, MeetingWords>> = {
  en: meetingWordsEn,
  fi: meetingWordsFi,
  sv: meetingWordsSv,
  et: meetingWordsEt,
  cs: meetingWordsCs,
  nl: meetingWordsNl,
  de: meetingWordsDe,
  it: meetingWordsIt,
};

/** The parameters a meeting word takes: the placeholders of its English text. */
export type MeetingWordParams<K extends MeetingWordKey> = [Placeholders<(typeof meetingWordsEn)[K]>] extends [
  never,
]
  ? []
  : [params: Readonly<Record<Placeholders<(typeof meetingWordsEn)[K]>, string | number>>];

/** Meeting words in one language, with their placeholders filled in. */
export type MeetingText = <K extends MeetingWordKey>(key: K, ...[params]: MeetingWordParams<K>) => string;

/** Write with the meeting words of a language. */
export function meetingText(language: Language): MeetingText {
  const words = MEETING_WORDS[language];
  return (key, ...[params]) => fill(words[key], params);
}
