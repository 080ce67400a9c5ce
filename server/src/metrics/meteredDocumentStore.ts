/**
 * A DocumentStore that measures the one it stands for, for the operator's metrics: how long each commit
 * (an append: one transaction for every meeting of an event-loop turn) takes, how many updates it holds,
 * and every failed store operation. The sync server is given this one instead of the store itself, so
 * the sync code is not touched; a commit costs one timer read and one loop over its meetings more.
 *
 * A Proxy rather than a class that repeats the interface: a method added to DocumentStore later is
 * passed through as it is, measured only by its failures.
 */
import type { AppendEntry, DocumentStore } from '../persistence/types.js';

/** Where the measurements go. */
export interface StoreMeter {
  /** A commit finished: its duration and how many updates it held. */
  committed(seconds: number, updates: number): void;
  /** A store operation failed (the caller logs it, and retries it when it is a commit). */
  failed(operation: string): void;
}

/** The store, measured; every method behaves exactly as the store's own. */
export function meterDocumentStore(store: DocumentStore, meter: StoreMeter): DocumentStore {
  const append = async (entries: readonly AppendEntry[]): Promise<Map<string, number>> => {
    const started = performance.now();
    const lastSeqs = await store.append(entries);
    let updates = 0;
    for (const entry of entries) updates += entry.updates.length;
    meter.committed((performance.now() - started) / 1000, updates);
    return lastSeqs;
  };
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = property === 'append' ? append : Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || property === 'close') {
        return typeof value === 'function' ? value.bind(target) : value;
      }
      const operation = String(property);
      return (...args: unknown[]) => {
        try {
          const result = (value as (...a: unknown[]) => unknown).apply(target, args);
          return result instanceof Promise
            ? result.catch((error: unknown) => {
                meter.failed(operation);
                throw error;
              })
            : result;
        } catch (error) {
          meter.failed(operation);
          throw error;
        }
      };
    },
  });
}
