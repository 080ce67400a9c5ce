/** Who is who, honestly, and what screen readers hear (issue 18), language de (English source: en.ts). */
import type { HonestWords } from './en';

export const honestDe: HonestWords = {
  'save.backOnline': 'Wieder online — deine Änderungen sind gespeichert',
};
