/** Who is who, honestly, and what screen readers hear (issue 18), language nl (English source: en.ts). */
import type { HonestWords } from './en';

export const honestNl: HonestWords = {
  'save.backOnline': 'Weer online — je wijzigingen zijn opgeslagen',
};
