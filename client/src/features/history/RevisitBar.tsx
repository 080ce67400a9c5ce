/**
 * The revisiting controls of a meeting, behind one button in the top bar so that the document comes first
 * on a phone: the history, "who wrote what", and keeping a copy (Markdown, or a print-ready page to print
 * or save as PDF). A disclosure (a button with aria-expanded and the list it shows), not an ARIA menu:
 * Tab moves through its plain buttons and links, Escape closes it and focus goes back to the button.
 * Every export is written to the network's activity log by the server.
 */

import { useEffect, useId, useRef, useState } from 'react';
import { meetingMarkdownUrl } from '../../api/history';
import { type AuthorColour, NOBODY_COLOUR } from '../../editor/RevisitMarking';
import { useLanguage, useT } from '../../i18n';

interface RevisitMenuProps {
  meetingId: string;
  historyOpen: boolean;
  onToggleHistory: () => void;
  whoWrote: boolean;
  onToggleWhoWrote: () => void;
}

/** Three short lines: the menu's icon, drawn rather than a glyph every device may not have. */
function MenuIcon() {
  return (
    <svg className="revisit-menu__icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
      <path
        d="M3 5h14M3 10h14M3 15h14"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}

/** History, who wrote what, download and print, behind one button. */
export function RevisitMenu({
  meetingId,
  historyOpen,
  onToggleHistory,
  whoWrote,
  onToggleWhoWrote,
}: RevisitMenuProps) {
  const t = useT();
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    // A tap or a click elsewhere closes it, as does focus moving out of it.
    const onOutside = (event: Event) => {
      if (event.target instanceof Node && !wrapper.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onOutside);
    document.addEventListener('focusin', onOutside);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onOutside);
      document.removeEventListener('focusin', onOutside);
    };
  }, [open]);

  /** Close after a choice; the focus, which was in the list, goes back to the button. */
  const chosen = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div className="revisit-menu" ref={wrapper}>
      <button
        ref={button}
        type="button"
        className="button small revisit-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        title={t('revisit.label')}
        onClick={() => setOpen(!open)}
        data-testid="meeting-menu"
      >
        <MenuIcon />
        <span className="revisit-menu__text">{t('revisit.label')}</span>
      </button>
      <nav
        id={panelId}
        className="revisit-menu__panel"
        aria-label={t('revisit.label')}
        hidden={!open}
        data-testid="meeting-menu-panel"
      >
        <button
          type="button"
          className="button small"
          aria-pressed={historyOpen}
          onClick={() => {
            onToggleHistory();
            chosen();
          }}
          data-testid="open-history"
        >
          {t('revisit.history')}
        </button>
        <button
          type="button"
          className="button small"
          aria-pressed={whoWrote}
          onClick={() => {
            onToggleWhoWrote();
            chosen();
          }}
          data-testid="who-wrote-what"
        >
          {t('revisit.whoWrote')}
        </button>
        <a
          className="button small"
          href={meetingMarkdownUrl(meetingId, language)}
          download
          onClick={chosen}
          data-testid="download-markdown"
        >
          {t('revisit.markdown')}
        </a>
        <a className="button small" href={`/m/${meetingId}/print`} data-testid="print-link">
          {t('revisit.print')}
        </a>
      </nav>
    </div>
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
