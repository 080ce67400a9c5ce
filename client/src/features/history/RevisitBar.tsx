/**
 * The revisiting controls of a meeting, one row of plain buttons (no hover needed, thumb-sized): the
 * history, "who wrote what", and keeping a copy (Markdown, or a print-ready page to print or save as
 * PDF). Every export is written to the network's activity log by the server.
 */

import { meetingMarkdownUrl } from '../../api/history';
import { type AuthorColour, NOBODY_COLOUR } from '../../editor/RevisitMarking';
import { useLanguage, useT } from '../../i18n';

interface RevisitBarProps {
  meetingId: string;
  historyOpen: boolean;
  onToggleHistory: () => void;
  whoWrote: boolean;
  onToggleWhoWrote: () => void;
}

/** History, who wrote what, download and print. */
export function RevisitBar({
  meetingId,
  historyOpen,
  onToggleHistory,
  whoWrote,
  onToggleWhoWrote,
}: RevisitBarProps) {
  const t = useT();
  const language = useLanguage();
  return (
    <nav className="revisit-bar" aria-label={t('revisit.label')}>
      <button
        type="button"
        className="button small"
        aria-pressed={historyOpen}
        onClick={onToggleHistory}
        data-testid="open-history"
      >
        {t('revisit.history')}
      </button>
      <button
        type="button"
        className="button small"
        aria-pressed={whoWrote}
        onClick={onToggleWhoWrote}
        data-testid="who-wrote-what"
      >
        {t('revisit.whoWrote')}
      </button>
      <a
        className="button small"
        href={meetingMarkdownUrl(meetingId, language)}
        download
        data-testid="download-markdown"
      >
        {t('revisit.markdown')}
      </a>
      <a className="button small" href={`/m/${meetingId}/print`} data-testid="print-link">
        {t('revisit.print')}
      </a>
    </nav>
  );
}

/** Whose colour is whose, while "who wrote what" is on. */
export function WhoWroteLegend({ people }: { people: AuthorColour[] }) {
  const t = useT();
  return (
    <div className="who-wrote" data-testid="who-wrote-legend">
      <p className="who-wrote__intro">{t('revisit.legend')}</p>
      <ul className="who-wrote__people">
        {people.map((person) => (
          <li key={person.id}>
            <span className="person-dot" style={{ backgroundColor: person.color }} aria-hidden="true" />
            {person.name}
          </li>
        ))}
        <li>
          <span className="person-dot" style={{ backgroundColor: NOBODY_COLOUR }} aria-hidden="true" />
          {t('revisit.carriedOver')}
        </li>
      </ul>
    </div>
  );
}
