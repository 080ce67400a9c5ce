/** A person's colour (issue 18): twelve colours, each readable under white text, one per person of a network. */
import { describe, expect, it } from 'vitest';
import { PRESENCE_COLOURS, personColour } from './presence.js';

/** WCAG contrast of white text on a colour "#rrggbb". */
function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}

describe('presence colours', () => {
  it('are twelve, all different, each with white text at 4.5:1 or more', () => {
    const colours = PRESENCE_COLOURS.map((entry) => entry.color);
    expect(new Set(colours).size).toBe(12);
    for (const colour of colours) expect(contrastWithWhite(colour), colour).toBeGreaterThanOrEqual(4.5);
  });

  it('give each of twelve people in a network a colour of their own, by their place in its people list', () => {
    const people = Array.from({ length: 12 }, (_, i) => ({ id: `person-${i}` }));
    const colours = people.map((person) => personColour(people, person.id));
    expect(new Set(colours).size).toBe(12);
    // The same person, the same colour, wherever it is asked for.
    expect(personColour([...people], 'person-3')).toBe(colours[3]);
    // The thirteenth shares the first one's: twelve is as far as colours stay apart.
    expect(personColour([...people, { id: 'thirteenth' }], 'thirteenth')).toBe(colours[0]);
  });
});
