/** The colour of a person's caret, dot and text in "who wrote what": their own in the network. */
import { PRESENCE_COLOURS, personColour } from '@polyphony/shared';

/**
 * Colours for carets and the people list; each keeps white text readable (contrast 4.5:1 or more). The
 * server relays only these (shared/src/schema/presence.ts).
 */
export const PALETTE = PRESENCE_COLOURS;

/**
 * A person's colour: from their place in the network's people list, so that up to twelve people each
 * have their own, the same on every device and in every view.
 */
export function colourOf(people: readonly { id: string }[], participantId: string): string {
  return personColour(people, participantId);
}
