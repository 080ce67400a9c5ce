/**
 * The phase of the meeting as a soft cue: everyone sees where the meeting is, anyone may move it on or
 * back. Nothing is locked in any phase; it only changes what the page brings forward.
 */
import { PHASES, type Phase } from '@polyphony/shared';
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
  return (
    <nav className="phase-bar" aria-label={t('phase.barLabel')} data-testid="phase-bar">
      <ol className="phase-list">
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
