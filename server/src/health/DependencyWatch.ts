/**
 * What an instance knows of what it depends on — the store, and Redis when there are several instances —
 * and the one place that says so in the log: an outage is logged at warn level once when it begins and
 * once when it ends (with how long it lasted), however many operations fail in between. /api/health
 * shows the states; the sync server tells people when their instance cannot reach the others.
 */
import type { DependencyState } from '@polyphony/shared';
import type { Logger } from '../logger.js';

/** What an instance depends on. */
export type Dependency = 'store' | 'relay';

/** What to say of one dependency in the log. */
export interface DependencyWords {
  down: string;
  back: string;
}

/** The states of the dependencies, and their changes logged. */
export class DependencyWatch {
  private readonly states = new Map<Dependency, { up: boolean; since: number }>();
  private readonly listeners: ((dependency: Dependency, up: boolean) => void)[] = [];

  constructor(
    private readonly logger: Logger,
    private readonly words: Record<Dependency, DependencyWords>,
    /** Dependencies this instance does not have (Redis with one instance). */
    private readonly absent: ReadonlySet<Dependency> = new Set(),
  ) {}

  /** Say what was just seen of a dependency; a change is logged and told to the listeners. */
  report(dependency: Dependency, up: boolean, error?: unknown): void {
    const state = this.states.get(dependency);
    if (state?.up === up) return;
    const now = performance.now();
    this.states.set(dependency, { up, since: now });
    // The first look finding it up is how things should be: nothing to say.
    if (state || !up) {
      if (up) {
        this.logger.warn(
          { dependency, downForMs: Math.round(now - (state?.since ?? now)) },
          this.words[dependency].back,
        );
      } else {
        this.logger.warn({ dependency, err: error }, this.words[dependency].down);
      }
    }
    for (const listener of this.listeners) listener(dependency, up);
  }

  /** What is known of a dependency. */
  state(dependency: Dependency): DependencyState {
    if (this.absent.has(dependency)) return 'none';
    const state = this.states.get(dependency);
    if (!state) return 'unknown';
    return state.up ? 'reachable' : 'unreachable';
  }

  /** Be told of each change. */
  onChange(listener: (dependency: Dependency, up: boolean) => void): void {
    this.listeners.push(listener);
  }
}
