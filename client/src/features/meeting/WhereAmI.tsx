/** "I'm in the room / remote / on the phone": where this person is for this meeting (the attendance). */

import type { AttendanceEntry } from '@polyphony/shared';
import { useT } from '../../i18n';

const choices: AttendanceEntry['where'][] = ['room', 'remote', 'phone'];

/** Three big choices; the current one is checked. */
export function WhereAmI({
  where,
  onChange,
}: {
  where: AttendanceEntry['where'] | undefined;
  onChange: (where: AttendanceEntry['where']) => void;
}) {
  const t = useT();
  return (
    <fieldset className="panel where" data-testid="where-am-i">
      <legend className="panel-heading">{t('where.heading')}</legend>
      <div className="choice-row">
        {choices.map((choice) => (
          <label key={choice} className="choice">
            <input
              type="radio"
              name="where"
              value={choice}
              checked={where === choice}
              onChange={() => onChange(choice)}
            />
            {t(`where.${choice}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
