import type { Dictionary } from './index';
export const cs: Dictionary = {} as Dictionary;
