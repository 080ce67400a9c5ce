/** Everyone connected to the meeting right now: name, relation, where they are, and a raised hand. */

import { type AttendanceView, can, ROLES, type Role, type Where } from '@polyphony/shared';
import { useEffect } from 'react';
import { spotlightCarets } from '../../editor/caretSpotlight';
import { type MessageKey, useT } from '../../i18n';
import type { Participant } from '../../sync/hooks';

const whereKeys = {
  room: 'who.inTheRoom',
  remote: 'who.remote',
  phone: 'who.onThePhone',
} as const satisfies Record<Where, MessageKey>;

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
  attendance?: Record<string, AttendanceView>;
  reflecting?: boolean;
}) {
  const t = useT();
  // A caret shown in full while its person's entry was pointed at is shown as usual again when it goes.
  useEffect(() => () => spotlightCarets(null), []);
  return (
    <section className="panel" aria-labelledby="who-is-here">
      <h2 id="who-is-here" className="panel-heading">
        {t('who.heading')}
      </h2>
      <ul className="people" data-testid="who-is-here">
        {people.map((person) => {
          const where = person.id ? attendance[person.id]?.where : undefined;
          const about = [
            person.relation,
            where ? t(whereKeys[where]) : '',
            // An observer is there by agreement and only listens: everyone can see that.
            person.role === 'observer' ? t('print.listening') : '',
            reflecting && isTeam(person.role) ? t('who.reflectingTeam') : '',
          ]
            .filter(Boolean)
            .join(t('common.listSeparator'));
          // Whose caret the entry shows in full (not one's own: one has no caret of one's own to see).
          const caretOf = !person.isYou && person.id ? person.id : null;
          return (
            <li
              key={person.clientId}
              className={`person${person.handRaised ? ' has-hand' : ''}`}
              data-hand-raised={person.handRaised}
              data-person={person.id || undefined}
              // Pointed at or focused, their caret in the document shows their full name and relation:
              // the list is what a keyboard reaches of the carets (which are hidden from screen readers).
              tabIndex={caretOf ? 0 : undefined}
              onFocus={caretOf ? () => spotlightCarets(caretOf) : undefined}
              onBlur={caretOf ? () => spotlightCarets(null) : undefined}
              onMouseEnter={caretOf ? () => spotlightCarets(caretOf) : undefined}
              onMouseLeave={caretOf ? () => spotlightCarets(null) : undefined}
            >
              <span className="person-dot" style={{ backgroundColor: person.color }} aria-hidden="true" />
              <span className="person-name">
                {person.name}
                {person.isYou && <span className="you"> {t('common.you')}</span>}
                {about && <span className="person-about"> · {about}</span>}
              </span>
              {person.handRaised && (
                <span className="hand" data-testid="hand-raised">
                  {t('who.handRaised')}
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
  const t = useT();
  const raised = people.filter((person) => person.handRaised);
  if (raised.length === 0) return null;
  const who = raised
    .map((person) => (person.isYou ? t('hands.you') : person.name))
    .join(t('common.listSeparator'));
  return (
    <p className="raised-hands" role="status" data-testid="raised-hands">
      <span className="hand-mark" aria-hidden="true" />{' '}
      {raised.length === 1 && !raised[0]?.isYou ? t('hands.one', { who }) : t('hands.many', { who })}
    </p>
  );
}
