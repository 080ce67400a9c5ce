/**
 * The language picker: a small select in every page's header. Each person's choice is their own and
 * remembered on this device; the people beside them in the meeting keep theirs.
 */
import { LANGUAGE_NAMES, LANGUAGES, type Language, setLanguage, useLanguage, useT } from '../i18n';

/** A compact select of the languages, each named in its own words. */
export function LanguagePicker() {
  const t = useT();
  const language = useLanguage();
  return (
    <label className="language-picker">
      <span className="language-picker__icon" aria-hidden="true">
        🌐
      </span>
      <span className="visually-hidden">{t('language.label')}</span>
      <select
        className="language-picker__select"
        value={language}
        onChange={(event) => void setLanguage(event.target.value as Language)}
        data-testid="language-picker"
      >
        {LANGUAGES.map((each) => (
          <option key={each} value={each} lang={each}>
            {LANGUAGE_NAMES[each]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The picker on its own row, for pages without a header (the start page, notices). */
export function LanguageBar() {
  return (
    <div className="language-bar">
      <LanguagePicker />
    </div>
  );
}
