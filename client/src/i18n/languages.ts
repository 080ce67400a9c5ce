/** The languages of the interface: defined once in shared/, where the Markdown export uses them too. */
export {
  browserLanguage,
  dateLocale,
  isLanguage,
  LANGUAGE_NAMES,
  LANGUAGES,
  type Language,
} from '@polyphony/shared';
