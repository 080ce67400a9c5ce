/**
 * What one generator thread measures: every keystroke and every cursor move from the time it was meant to
 * happen (open loop: a late generator thread cannot hide its lateness, see `Schedule`) to the last other
 * editor of its meeting that received it. A keystroke or cursor move that some editor had not received a
 * second after the window counts as infinitely late in the percentiles (and in `incomplete`): an overloaded
 * server that drops or queues without end cannot flatter its p99.
 */
import { performance } from 'node:perf_hooks';

/** Who takes part in a meeting, as the timing sees it. */
export interface TimedEditor {
  readonly meeting: { editors: readonly unknown[] };
  readonly isProbe: boolean;
}

/** What one thread measured over a window. */
export interface WindowStats {
  /** Keystrokes sent whose intended time fell in the window. */
  keystrokes: number;
  /** Keystrokes whose intended time fell in the window, sent or not (an editor still waiting to sync). */
  intended: number;
  /** Keystroke (intended time) → the last other editor of its meeting, ms; Infinity when incomplete. */
  latencies: number[];
  /** When each of those keystrokes was meant to be typed, ms after the window opened (same order). */
  sentAt: number[];
  /** Cursor move (intended time) → the last other editor of its meeting, ms; Infinity when incomplete. */
  presenceLatencies: number[];
  deliveries: number;
  /** Every 16th single delivery's latency, to a full-client probe / to a light client, ms. */
  probeDeliveries: number[];
  lightDeliveries: number[];
  /** Keystrokes of the window that some editor had not received 1 s after the window ended. */
  incomplete: number;
  /** Cursor moves of the window that some editor had not seen 1 s after the window ended. */
  presenceIncomplete: number;
  /** How late the generator sent each (16th) keystroke after its intended time, ms: its own lag. */
  sendLag: number[];
  bytesOut: number;
  bytesIn: number;
  /** Event-loop utilisation of this thread over the window (1 = saturated). */
  utilisation: number;
  /** CPU seconds of this thread per second of the window (its own cost; NaN where unknown). */
  cpuShare: number;
  /** How late this thread's event loop ran, p99 over the window (ms). */
  loopDelayP99: number;
  windowMs: number;
}

export type WindowCounts = Omit<WindowStats, 'utilisation' | 'cpuShare' | 'loopDelayP99' | 'windowMs'>;

export function emptyWindow(): WindowCounts {
  return {
    keystrokes: 0,
    intended: 0,
    latencies: [],
    sentAt: [],
    presenceLatencies: [],
    deliveries: 0,
    probeDeliveries: [],
    lightDeliveries: [],
    incomplete: 0,
    presenceIncomplete: 0,
    sendLag: [],
    bytesOut: 0,
    bytesIn: 0,
  };
}

interface Keystroke {
  sender: TimedEditor;
  at: number;
  remaining: number;
  measured: boolean;
}

interface Move {
  clock: number;
  at: number;
  remaining: number;
  measured: boolean;
}

/** One sender's cursor moves still on their way, and the last clock each receiver saw of it. */
interface PresenceTrack {
  sender: TimedEditor;
  moves: Move[];
  seen: Map<TimedEditor, number>;
}

/** The measurements of one thread. */
export class Timing {
  readonly window: WindowCounts = emptyWindow();
  measuring = false;
  windowStart = Number.POSITIVE_INFINITY;
  private windowEnd = Number.POSITIVE_INFINITY;
  /** The intended time of the keystroke being typed now (set by the schedule around `type()`). */
  intendedAt = 0;
  private readonly pending = new Map<number, Keystroke>();
  private readonly presence = new Map<number, PresenceTrack>();

  /** Open the window at `at` (this thread's clock; now or a little earlier). */
  start(at = performance.now()): void {
    Object.assign(this.window, emptyWindow());
    this.measuring = true;
    this.windowStart = at;
    this.windowEnd = Number.POSITIVE_INFINITY;
  }

  /** Close the window at `at`. */
  stop(at = performance.now()): void {
    this.measuring = false;
    this.windowEnd = Math.max(this.windowStart, at);
  }

  windowLength(): number {
    return this.windowEnd - this.windowStart;
  }

  /**
   * Whether an intended time is inside the window — also when the keystroke is typed after the window
   * closed (a late generator thread): a keystroke is the window's by when it was meant to be typed.
   */
  private inWindow(at: number): boolean {
    return at >= this.windowStart && at < this.windowEnd;
  }

  /** A keystroke meant for `at` could not be typed (its editor was not synced). */
  missed(at: number): void {
    if (this.inWindow(at)) this.window.intended++;
  }

  keystrokeSent(key: number, sender: TimedEditor): void {
    const at = this.intendedAt || performance.now();
    const measured = this.inWindow(at);
    this.pending.set(key, { sender, at, remaining: sender.meeting.editors.length - 1, measured });
    if (measured) {
      this.window.keystrokes++;
      this.window.intended++;
      if ((this.window.keystrokes & 15) === 0) this.window.sendLag.push(performance.now() - at);
    }
  }

  keystrokeReceived(key: number, receiver: TimedEditor): void {
    const keystroke = this.pending.get(key);
    // The y-websocket servers echo an update to its sender too: that is no delivery.
    if (!keystroke || keystroke.sender === receiver) return;
    const now = performance.now();
    if (keystroke.measured) {
      this.window.deliveries++;
      if ((this.window.deliveries & 15) === 0) {
        (receiver.isProbe ? this.window.probeDeliveries : this.window.lightDeliveries).push(
          now - keystroke.at,
        );
      }
    }
    if (--keystroke.remaining <= 0) {
      this.pending.delete(key);
      if (keystroke.measured) {
        this.window.latencies.push(now - keystroke.at);
        this.window.sentAt.push(keystroke.at - this.windowStart);
      }
    }
  }

  /** A cursor move of `client` with this presence clock was sent. */
  presenceSent(client: number, clock: number, sender: TimedEditor): void {
    let track = this.presence.get(client);
    if (!track) {
      track = { sender, moves: [], seen: new Map() };
      this.presence.set(client, track);
    }
    const at = this.intendedAt || performance.now();
    track.moves.push({
      clock,
      at,
      remaining: sender.meeting.editors.length - 1,
      measured: this.inWindow(at),
    });
  }

  /**
   * A receiver saw `client`'s presence at `clock`. A server may relay only the latest of several moves
   * (Polyphony relays a meeting's presence every 80–100 ms): a later clock delivers every move before it.
   */
  presenceReceived(client: number, clock: number, receiver: TimedEditor): void {
    const track = this.presence.get(client);
    if (!track || track.sender === receiver) return;
    const before = track.seen.get(receiver) ?? 0;
    if (clock <= before) return;
    track.seen.set(receiver, clock);
    const now = performance.now();
    let done = 0;
    for (const move of track.moves) {
      if (move.clock > clock) break;
      if (move.clock <= before) continue;
      if (--move.remaining <= 0) {
        done++;
        if (move.measured) this.window.presenceLatencies.push(now - move.at);
      }
    }
    // Moves complete in clock order (every receiver sees a sender's clocks rising).
    if (done > 0) track.moves.splice(0, done);
  }

  /**
   * Whether everything the window measured has arrived: no keystroke or cursor move meant for the window
   * is still on its way to some editor. The grace period after a window ends as soon as this holds.
   */
  windowArrived(): boolean {
    for (const keystroke of this.pending.values()) if (keystroke.measured) return false;
    for (const track of this.presence.values())
      for (const move of track.moves) if (move.measured) return false;
    return true;
  }

  /** After the grace period: whatever of the window is still on its way never arrived. */
  settle(): void {
    for (const [key, keystroke] of this.pending) {
      if (keystroke.measured) {
        this.window.incomplete++;
        this.window.latencies.push(Number.POSITIVE_INFINITY);
        this.window.sentAt.push(keystroke.at - this.windowStart);
      }
      this.pending.delete(key);
    }
    for (const track of this.presence.values()) {
      for (const move of track.moves) {
        if (!move.measured) continue;
        this.window.presenceIncomplete++;
        this.window.presenceLatencies.push(Number.POSITIVE_INFINITY);
      }
      track.moves.length = 0;
    }
  }

  countOut(bytes: number): void {
    if (this.measuring) this.window.bytesOut += bytes;
  }

  countIn(bytes: number): void {
    if (this.measuring) this.window.bytesIn += bytes;
  }

  clear(): void {
    this.pending.clear();
    this.presence.clear();
  }

  /** Forget a closed editor's presence (its meeting was shed). */
  forget(client: number): void {
    this.presence.delete(client);
  }
}

/**
 * Open-loop typing: each editor's keystrokes are scheduled at intended times drawn in advance
 * (exponential gaps around the rate), and a timer that fires late types every keystroke that is due, each
 * timed from its own intended time. The generator's lateness therefore shows in the latencies instead of
 * silently lowering the load (coordinated omission).
 */
export class Schedule {
  private generation = 0;
  rate = 0;

  constructor(
    private readonly timing: Timing,
    private readonly isClosing: () => boolean,
  ) {}

  setRate(rate: number, editors: readonly ScheduledEditor[]): void {
    const wasIdle = this.rate === 0;
    this.rate = rate;
    if (rate === 0) this.generation++;
    else if (wasIdle) for (const editor of editors) this.start(editor);
  }

  private gap(): number {
    return (-Math.log(1 - Math.random()) / this.rate) * 1000;
  }

  /** Start an editor's keystrokes, from now. */
  start(editor: ScheduledEditor): void {
    if (this.rate === 0) return;
    const generation = this.generation;
    let next = performance.now() + this.gap();
    const fire = (): void => {
      if (generation !== this.generation || this.isClosing() || editor.closed) return;
      const now = performance.now();
      while (next <= now) {
        if (editor.synced) {
          this.timing.intendedAt = next;
          editor.type();
          this.timing.intendedAt = 0;
        } else this.timing.missed(next);
        next += this.gap();
      }
      setTimeout(fire, next - now).unref();
    };
    setTimeout(fire, next - performance.now()).unref();
  }
}

/** What the schedule needs of an editor. */
export interface ScheduledEditor {
  readonly synced: boolean;
  readonly closed: boolean;
  type(): void;
}
