/**
 * Stands in for the fast-equals package (client/vite.config.ts aliases it here): @tiptap/react imports only
 * `circularDeepEqual`, as useEditorState's default comparison of what a selector picked from the editor.
 * Ours select primitives (useEditor's own transaction number), so this small structural comparison —
 * plain objects, arrays, Maps, Sets, Dates, cycles — replaces the package's 7 kB (issue 18, part 2).
 */
export function circularDeepEqual(a: unknown, b: unknown): boolean {
  return equal(a, b, new Map());
}

function equal(a: unknown, b: unknown, seen: Map<object, object>): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (a instanceof Date) return a.getTime() === (b as Date).getTime();
  if (a instanceof Map) {
    const other = b as Map<unknown, unknown>;
    if (a.size !== other.size) return false;
    for (const [key, value] of a) if (!other.has(key) || !equal(value, other.get(key), seen)) return false;
    return true;
  }
  if (a instanceof Set) {
    const other = b as Set<unknown>;
    return a.size === other.size && [...a].every((value) => other.has(value));
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  const objB = b as Record<string, unknown>;
  return keysA.every(
    (key) => Object.hasOwn(objB, key) && equal((a as Record<string, unknown>)[key], objB[key], seen),
  );
}
