/**
 * One request a person started with a button: busy while it runs (the button is disabled and says so),
 * and, when it fails, the server's own sentence (or a fallback) to show beside it.
 */
import { useCallback, useState } from 'react';
import { ApiRequestError } from '../api/request';

/** What to show for a failed request: the server's sentence when it sent one, else `fallback`. */
export function errorMessage(error: unknown, fallback: string): string {
  return error instanceof ApiRequestError ? error.message : fallback;
}

/** A request's state, and `run` to start one. */
export interface Request {
  busy: boolean;
  error: string | null;
  /** Show a sentence as the error without running anything (a field left empty). */
  setError(error: string | null): void;
  /**
   * Run `action`: busy until it ends, its failure shown as `errorMessage(error, fallback)`. With
   * `staysBusy`, a success leaves it busy (the page is going elsewhere, the button must not be pressed
   * again on the way).
   */
  run(action: () => Promise<void>, fallback: string, options?: { staysBusy?: boolean }): Promise<void>;
}

/** A request started by a button (see above). */
export function useRequest(): Request {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback<Request['run']>(async (action, fallback, options = {}) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      if (!options.staysBusy) setBusy(false);
    } catch (caught) {
      setError(errorMessage(caught, fallback));
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
