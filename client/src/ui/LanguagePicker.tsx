/**
 * The language picker: a small control in every page's header. Each person's choice is their own and
 * remembered on this device; the people beside them in the meeting keep theirs.
 *
 * What shows is a globe and the language (its two-letter code on a phone, so the sticky header does not
 * grow a row); the native select lies over it, invisible, so tapping opens the phone's own list with
 * every language named in its own words.
 */
import { LANGUAGE_NAMES, LANGUAGES, type Language, setLanguage, useLanguage, useT } from '../i18n';
import { LeaveDevice } from './LeaveDevice';

/** A globe, drawn rather than an emoji: not every device has an emoji font. */
function Globe() {
  return (
    <svg className="language-picker__icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
      <g fill="none" stroke="currentColor" strokeWidth="1.5">
        <circle cx="10" cy="10" r="8" />
        <ellipse cx="10" cy="10" rx="3.5" ry="8" />
        <path d="M2 10h16M3.5 5.5h13M3.5 14.5h13" />
      </g>
    </svg>
  );
}

/** A compact select of the languages, each named in its own words. */
export function LanguagePicker() {
  const t = useT();
  const language = useLanguage();
  return (
    <span className="language-picker">
      <Globe />
      <span className="language-picker__name" aria-hidden="true">
        {LANGUAGE_NAMES[language]}
      </span>
      <span className="language-picker__code" aria-hidden="true">
        {language.toUpperCase()}
      </span>
      <select
        className="language-picker__select"
        value={language}
        aria-label={t('language.label')}
        title={t('language.label')}
        onChange={(event) => void setLanguage(event.target.value as Language)}
        data-testid="language-picker"
      >
        {LANGUAGES.map((each) => (
          <option key={each} value={each} lang={each}>
            {LANGUAGE_NAMES[each]}
          </option>
        ))}
      </select>
    </span>
  );
}

/** The picker on its own row, for pages without a header (the start page, notices), with "leave this device". */
export function LanguageBar({ leave = true }: { leave?: boolean }) {
  return (
    <div className="language-bar">
      <LanguagePicker />
      {leave && <LeaveDevice />}
    </div>
  );
}
