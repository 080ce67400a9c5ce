/**
 * The sync server's hooks (history, the relay to other instances, metrics …) and the one place they are
 * run. Every hook is optional; sets of hooks run in the order they were added. One error policy for all
 * of them: a hook that throws (or whose promise rejects) is logged with the hook's name and the meeting,
 * and the others still run — one extension's mistake never stops a commit, a load or an unload.
 */
import type { Logger } from '../logger.js';
import type { Room } from './Room.js';

/** Optional hooks, called in the order things happen; none should throw. */
export interface SyncHooks {
  /** A meeting is about to be read from the store (a relay subscribes here, before the read). */
  beforeLoad?(meetingId: string): Promise<void>;
  /** A meeting is loaded and live. */
  afterLoad?(room: Room): void;
  /** An update joined a room's updates waiting to be committed (a client's, or the server's own). */
  afterAccept?(room: Room, update: Uint8Array): void;
  /** A room's waiting updates are about to be taken for a commit (afterCommit follows if it succeeds). */
  beforeTake?(room: Room): void;
  /**
   * Updates of a room were committed; `writers` are the participants whose updates they were, and
   * `updates` the updates, in order.
   */
  afterCommit?(room: Room, writers: ReadonlySet<string>, updates: readonly Uint8Array[]): void;
  /** Presence announced by a socket of this instance changed. */
  afterLocalAwareness?(room: Room, update: Uint8Array): void;
  /**
   * Something of a meeting outside its document changed on this instance (someone asked to join, …):
   * this instance's sockets were nudged (message 18); a relay tells the other instances.
   */
  afterNudge?(meetingId: string, topic: number): void;
  /** A room is about to be unloaded (its last person left a while ago); it is still readable. */
  beforeUnload?(room: Room): Promise<void>;
  /** A room was unloaded. */
  afterUnload?(meetingId: string): void;
}

type HookName = keyof SyncHooks;
type Hook<K extends HookName> = NonNullable<SyncHooks[K]>;
/** The hooks that return a promise, and those that return nothing. */
type AsyncHookName = 'beforeLoad' | 'beforeUnload';
type SyncHookName = Exclude<HookName, AsyncHookName>;

/** The meeting a hook call is about, for the log. */
function meetingOf(first: unknown): string | undefined {
  return typeof first === 'string' ? first : (first as Room | undefined)?.meetingId;
}

/** The hooks added to one sync server. */
export class Hooks {
  private readonly added: SyncHooks[] = [];

  constructor(private readonly logger: Logger) {}

  /** Add hooks; they run after those added before. */
  add(hooks: SyncHooks): void {
    this.added.push(hooks);
  }

  /** Run hook `name` of every set, in order. */
  run<K extends SyncHookName>(name: K, ...args: Parameters<Hook<K>>): void {
    for (const hooks of this.added) {
      const hook = hooks[name] as ((...hookArgs: Parameters<Hook<K>>) => void) | undefined;
      if (hook === undefined) continue;
      try {
        hook.apply(hooks, args);
      } catch (error) {
        this.failed(name, args[0], error);
      }
    }
  }

  /** Run hook `name` of every set, in order, each after the one before has settled. */
  async runInTurn<K extends AsyncHookName>(name: K, ...args: Parameters<Hook<K>>): Promise<void> {
    for (const hooks of this.added) {
      const hook = hooks[name] as ((...hookArgs: Parameters<Hook<K>>) => Promise<void>) | undefined;
      try {
        // Awaited even when absent, as each set's hook always was.
        await hook?.apply(hooks, args);
      } catch (error) {
        this.failed(name, args[0], error);
      }
    }
  }

  private failed(name: HookName, first: unknown, error: unknown): void {
    this.logger.error({ err: error, hook: name, meetingId: meetingOf(first) }, 'a sync hook failed');
  }
}
