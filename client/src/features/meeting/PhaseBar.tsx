/**
 * The phase of the meeting as a soft cue: everyone sees where the meeting is, anyone may move it on or
 * back. Nothing is locked in any phase; it only changes what the page brings forward.
 */
import { PHASES, type Phase } from '@polyphony/shared';
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n';
import { phaseLabel } from '../../ui/phases';

/** A row of phases; the current one is marked. */
export function PhaseBar({
  phase,
  onChange,
  editable,
}: {
  phase: Phase;
  onChange: (phase: Phase) => void;
  editable: boolean;
}) {
  const t = useT();
  const list = useRef<HTMLOListElement>(null);
  // On a phone the phases are one row that scrolls sideways: the current one is brought into it
  // (only sideways, so that the page itself does not move).
  useEffect(() => {
    const row = list.current;
    const current = row?.querySelector<HTMLElement>(`[data-testid="phase-${phase}"]`);
    if (!row || !current || row.scrollWidth <= row.clientWidth) return;
    const left = current.offsetLeft - row.offsetLeft;
    if (left < row.scrollLeft || left + current.offsetWidth > row.scrollLeft + row.clientWidth) {
      row.scrollLeft = left - (row.clientWidth - current.offsetWidth) / 2;
    }
  }, [phase]);
  return (
    <nav className="phase-bar" aria-label={t('phase.barLabel')} data-testid="phase-bar">
      {/* Read-only, its buttons cannot take focus: the row itself does, so a keyboard can scroll it. */}
      <ol className="phase-list" ref={list} tabIndex={editable ? undefined : 0}>
        {PHASES.map((each) => (
          <li key={each}>
            <button
              type="button"
              className={`phase${each === phase ? ' is-current' : ''}`}
              aria-pressed={each === phase}
              aria-current={each === phase ? 'step' : undefined}
              disabled={!editable}
              onClick={() => onChange(each)}
              data-testid={`phase-${each}`}
            >
              {phaseLabel(each)}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
