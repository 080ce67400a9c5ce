/** The colour of a person's caret and dot, remembered on this device (their name comes from the invitation). */

/** Colours for carets and the people list; each keeps white text readable (contrast 4.5:1 or more). */
export const PALETTE = [
  { name: 'Teal', color: '#1f6f8b' },
  { name: 'Plum', color: '#8a4f7d' },
  { name: 'Green', color: '#2e7d4f' },
  { name: 'Rust', color: '#b3541e' },
  { name: 'Indigo', color: '#4f52a3' },
  { name: 'Brick', color: '#a23b3b' },
  { name: 'Olive', color: '#5f6b1f' },
  { name: 'Blue', color: '#2f64ad' },
] as const;

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
