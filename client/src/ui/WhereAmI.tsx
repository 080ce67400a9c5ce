/** "I'm in the room / remote / on the phone": where this person is for this meeting (the attendance). */
import type { AttendanceEntry } from '@polyphony/shared';

const choices: { value: AttendanceEntry['where']; label: string }[] = [
  { value: 'room', label: 'In the room' },
  { value: 'remote', label: 'Remote (video)' },
  { value: 'phone', label: 'On the phone' },
];

/** Three big choices; the current one is checked. */
export function WhereAmI({
  where,
  onChange,
}: {
  where: AttendanceEntry['where'] | undefined;
  onChange: (where: AttendanceEntry['where']) => void;
}) {
  return (
    <fieldset className="panel where" data-testid="where-am-i">
      <legend className="panel-heading">Where are you?</legend>
      <div className="choice-row">
        {choices.map((choice) => (
          <label key={choice.value} className="choice">
            <input
              type="radio"
              name="where"
              value={choice.value}
              checked={where === choice.value}
              onChange={() => onChange(choice.value)}
            />
            {choice.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
