/** Who is who, honestly, and what screen readers hear (issue 18), language it (English source: en.ts). */
import type { HonestWords } from './en';

export const honestIt: HonestWords = {
  'save.backOnline': 'Di nuovo online — le tue modifiche sono salvate',
};
