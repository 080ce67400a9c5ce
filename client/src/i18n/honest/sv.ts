/** Who is who, honestly, and what screen readers hear (issue 18), language sv (English source: en.ts). */
import type { HonestWords } from './en';

export const honestSv: HonestWords = {
  'save.backOnline': 'Ansluten igen — dina ändringar är sparade',
};
