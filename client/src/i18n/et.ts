import type { Dictionary } from './index';
export const et: Dictionary = {} as Dictionary;
