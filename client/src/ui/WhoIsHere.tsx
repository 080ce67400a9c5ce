/** Everyone connected to the meeting right now: name, relation, where they are, and a raised hand. */
import { type AttendanceEntry, can, ROLES, type Role } from '@polyphony/shared';
import type { Participant } from '../sync/hooks';

const whereLabels: Record<AttendanceEntry['where'], string> = {
  room: 'in the room',
  remote: 'remote',
  phone: 'on the phone',
};

function isTeam(role: string | undefined): boolean {
  return ROLES.includes(role as Role) && can(role as Role, 'team');
}

/** The list of people here; during the reflecting conversation, the reflecting team is marked. */
export function WhoIsHere({
  people,
  attendance = {},
  reflecting = false,
}: {
  people: Participant[];
  attendance?: Record<string, AttendanceEntry>;
  reflecting?: boolean;
}) {
  return (
    <section className="panel" aria-labelledby="who-is-here">
      <h2 id="who-is-here" className="panel-heading">
        Who is here
      </h2>
      <ul className="people" data-testid="who-is-here">
        {people.map((person) => {
          const where = person.id ? attendance[person.id]?.where : undefined;
          const about = [
            person.relation,
            where ? whereLabels[where] : '',
            reflecting && isTeam(person.role) ? 'reflecting team' : '',
          ]
            .filter(Boolean)
            .join(', ');
          return (
            <li
              key={person.clientId}
              className={`person${person.handRaised ? ' has-hand' : ''}`}
              data-hand-raised={person.handRaised}
            >
              <span className="person-dot" style={{ backgroundColor: person.color }} aria-hidden="true" />
              <span className="person-name">
                {person.name}
                {person.isYou && <span className="you"> (you)</span>}
                {about && <span className="person-about"> · {about}</span>}
              </span>
              {person.handRaised && (
                <span className="hand" data-testid="hand-raised">
                  hand raised
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The raised hands, said in one calm line at the top so that a phone shows them without scrolling. */
export function RaisedHands({ people }: { people: Participant[] }) {
  const raised = people.filter((person) => person.handRaised);
  if (raised.length === 0) return null;
  const who = raised.map((person) => (person.isYou ? 'You' : person.name)).join(', ');
  return (
    <p className="raised-hands" role="status" data-testid="raised-hands">
      <span className="hand-mark" aria-hidden="true" /> {who}{' '}
      {raised.length === 1 && !raised[0]?.isYou ? 'has' : 'have'} a hand raised
    </p>
  );
}
