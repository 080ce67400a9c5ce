/** The colour of a person's caret and dot, remembered on this device (their name comes from the invitation). */
import { PRESENCE_COLOURS } from '@polyphony/shared';

/**
 * Colours for carets and the people list; each keeps white text readable (contrast 4.5:1 or more). The
 * server relays only these (shared/src/schema/presence.ts).
 */
export const PALETTE = PRESENCE_COLOURS;

const COLOR_KEY = 'polyphony.color';

/** A colour for someone new, so that a room of people does not all start out the same. */
function suggestColor(): string {
  return PALETTE[Math.floor(Math.random() * PALETTE.length)]!.color;
}

/** The remembered colour, or a new one (remembered from now on). */
export function loadColor(): string {
  try {
    const stored = localStorage.getItem(COLOR_KEY);
    if (stored && PALETTE.some((p) => p.color === stored)) return stored;
    const chosen = suggestColor();
    localStorage.setItem(COLOR_KEY, chosen);
    return chosen;
  } catch {
    return suggestColor();
  }
}

/** Remember a colour on this device. */
export function saveColor(color: string): void {
  try {
    localStorage.setItem(COLOR_KEY, color);
  } catch {
    // Storage can be unavailable (private mode); the colour then lasts for this visit only.
  }
}
