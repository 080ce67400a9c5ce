/** Who is who, honestly, and what screen readers hear (issue 18), language fi (English source: en.ts). */
import type { HonestWords } from './en';

export const honestFi: HonestWords = {
  'save.backOnline': 'Yhteys palasi — muutoksesi on tallennettu',
};
