import type { Dictionary } from './index';
export const nl: Dictionary = {} as Dictionary;
