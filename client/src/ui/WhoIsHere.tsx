/** Everyone connected to the meeting right now, with the colour of their writing. */
import type { Participant } from '../sync/hooks';

/** The list of people here. */
export function WhoIsHere({ people }: { people: Participant[] }) {
  return (
    <section className="panel" aria-labelledby="who-is-here">
      <h2 id="who-is-here" className="panel-heading">
        Who is here
      </h2>
      <ul className="people" data-testid="who-is-here">
        {people.map((person) => (
          <li key={person.clientId} className="person">
            <span className="person-dot" style={{ backgroundColor: person.color }} aria-hidden="true" />
            <span>
              {person.name}
              {person.isYou && <span className="you"> (you)</span>}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
