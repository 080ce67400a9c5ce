/** The name a person wishes to be called and their colour, remembered on this device only. */
import type { MeetingUser } from '../sync/MeetingSession';

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

const NAME_KEY = 'polyphony.name';
const COLOR_KEY = 'polyphony.color';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** The remembered identity, or null when this person has not said what to call them yet. */
export function loadIdentity(): MeetingUser | null {
  const name = read(NAME_KEY)?.trim();
  if (!name) return null;
  const color = read(COLOR_KEY);
  return { name, color: PALETTE.some((p) => p.color === color) ? color! : PALETTE[0].color };
}

/** Remember the identity on this device. */
export function saveIdentity(user: MeetingUser): void {
  try {
    localStorage.setItem(NAME_KEY, user.name);
    localStorage.setItem(COLOR_KEY, user.color);
  } catch {
    // Storage can be unavailable (private mode); the name then lasts for this visit only.
  }
}

/** A colour for someone new, so that a room of people does not all start out the same. */
export function suggestColor(): string {
  return PALETTE[Math.floor(Math.random() * PALETTE.length)]!.color;
}
