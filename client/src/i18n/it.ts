import type { Dictionary } from './index';
export const it: Dictionary = {} as Dictionary;
