/** Who is who, honestly, and what screen readers hear (issue 18), language et (English source: en.ts). */
import type { HonestWords } from './en';

export const honestEt: HonestWords = {
  'save.backOnline': 'Ühendus on tagasi — sinu muudatused on salvestatud',
};
