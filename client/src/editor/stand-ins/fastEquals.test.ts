import { describe, expect, it } from 'vitest';
import { circularDeepEqual } from './fastEquals';

describe('circularDeepEqual (stand-in for fast-equals)', () => {
  it('compares primitives, arrays and plain objects by value', () => {
    expect(circularDeepEqual(1, 1)).toBe(true);
    expect(circularDeepEqual(Number.NaN, Number.NaN)).toBe(true);
    expect(circularDeepEqual(null, 0)).toBe(false);
    expect(circularDeepEqual({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true);
    expect(circularDeepEqual({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] })).toBe(false);
    expect(circularDeepEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(circularDeepEqual([1, 2], { 0: 1, 1: 2 })).toBe(false);
  });
  it('compares Dates, Maps and Sets', () => {
    expect(circularDeepEqual(new Date(5), new Date(5))).toBe(true);
    expect(circularDeepEqual(new Date(5), new Date(6))).toBe(false);
    expect(circularDeepEqual(new Map([['k', { v: 1 }]]), new Map([['k', { v: 1 }]]))).toBe(true);
    expect(circularDeepEqual(new Map([['k', 1]]), new Map([['k', 2]]))).toBe(false);
    expect(circularDeepEqual(new Set([1, 2]), new Set([2, 1]))).toBe(true);
    expect(circularDeepEqual(new Set([1]), new Set([3]))).toBe(false);
  });
  it('terminates on cycles', () => {
    const a: Record<string, unknown> = { n: 1 };
    a.self = a;
    const b: Record<string, unknown> = { n: 1 };
    b.self = b;
    expect(circularDeepEqual(a, b)).toBe(true);
    b.n = 2;
    expect(circularDeepEqual(a, b)).toBe(false);
  });
});
