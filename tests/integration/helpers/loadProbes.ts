/**
 * What the people on a server notice while someone attacks it: a typist in another meeting timing each
 * keystroke until the other person in that meeting sees it, and the server's own event-loop delay over
 * the same time (GET /api/health/event-loop). Both are printed by the tests that use them, so the figures
 * are in every run's output.
 */
import type { EventLoopResponse } from '@polyphony/shared';
import { connectClient, type TestClient, waitForSync } from './clients.js';
import { createMeeting } from './serverProcess.js';

/** A keystroke every `everyMs` in a meeting of two, each timed from typing to being seen by the other. */
export interface Typist {
  /** Milliseconds from each keystroke to its arrival, in order; keystrokes not yet seen are not in it. */
  roundTrips(): number[];
  /** Keystrokes typed and not seen yet, with how long ago they were typed. */
  outstanding(): number[];
  typed(): number;
  stop(): void;
}

/** Start a typist and a reader in a meeting of their own. */
export async function startTypist(url: string, wsUrl: string, everyMs = 25): Promise<Typist> {
  const { meetingId, cookie } = await createMeeting(url, 'Another family');
  const writer = connectClient(wsUrl, meetingId, { cookie, ack: true, recordTypes: false });
  const reader = connectClient(wsUrl, meetingId, { cookie, recordTypes: false });
  await Promise.all([waitForSync(writer), waitForSync(reader)]);
  const sentAt: number[] = [];
  const seen: number[] = [];
  const text = reader.doc.getText('notes');
  text.observe(() => {
    const now = performance.now();
    while (seen.length < text.length && seen.length < sentAt.length) {
      seen.push(now - (sentAt[seen.length] as number));
    }
  });
  const timer = setInterval(() => {
    const typing = writer.doc.getText('notes');
    sentAt.push(performance.now());
    typing.insert(typing.length, 'a');
  }, everyMs);
  const clients: TestClient[] = [writer, reader];
  return {
    roundTrips: () => [...seen],
    outstanding: () => sentAt.slice(seen.length).map((at) => performance.now() - at),
    typed: () => sentAt.length,
    stop: () => {
      clearInterval(timer);
      for (const client of clients) client.destroy();
    },
  };
}

/**
 * Resolve once the server answers HTTP again (its event loop is free). Retried: after a long stall the
 * server may close an idle keep-alive connection just as a request goes out on it.
 */
export async function serverAnswers(url: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await (await fetch(`${url}/api/health`)).arrayBuffer();
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

/** The worst p99 and the worst delay of the server's event loop in the windows that overlap [from, to]. */
export async function eventLoopDelay(
  url: string,
  from: number,
  to = Date.now(),
): Promise<{ p99Ms: number; maxMs: number; windows: number }> {
  await serverAnswers(url);
  const report = (await (await fetch(`${url}/api/health/event-loop`)).json()) as EventLoopResponse;
  const windows = report.windows.filter((window) => window.to >= from && window.from <= to);
  return {
    p99Ms: Math.max(0, ...windows.map((window) => window.p99Ms)),
    maxMs: Math.max(0, ...windows.map((window) => window.maxMs)),
    windows: windows.length,
  };
}

/** The `q`-quantile of some numbers (0 for none). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
