/** Who is who, honestly, and what screen readers hear (issue 18), language cs (English source: en.ts). */
import type { HonestWords } from './en';

export const honestCs: HonestWords = {
  'save.backOnline': 'Znovu online — vaše změny jsou uložené',
};
