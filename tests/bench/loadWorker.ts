/**
 * One thread of the load generator. It holds whole meetings — every editor of a meeting lives in the same
 * thread, so a keystroke is timed from its intended time to each receiver's arrival on one clock. The
 * editors (editors.ts) do what the scenario's `ClientBehaviour` says, whatever the server; the timing
 * (timing.ts) is open loop and counts what never arrived as infinitely late.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { type IntervalHistogram, monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import type { Target } from './clientBehaviour.js';
import { type Editor, type EditorContext, LightEditor, type Meeting, probe, StockProbe } from './editors.js';
import { writeMeetingSkeleton } from './meetingDocument.js';
import { Schedule, Timing, type WindowStats } from './timing.js';

export type { WindowStats } from './timing.js';

/** Commands from the main thread. */
export type WorkerCommand =
  | { type: 'open'; target: Target; meetings: string[]; editors: number }
  | { type: 'shed'; meetings: string[] }
  | { type: 'typing'; rate: number }
  /** `at`: Date.now() on the main thread when it opened or closed the window. */
  | { type: 'measure'; phase: 'start'; at: number }
  | { type: 'measure'; phase: 'stop'; at: number }
  | { type: 'waitDisconnected'; timeoutMs: number }
  | { type: 'waitSynced'; timeoutMs: number }
  | { type: 'close' };

// Every y-websocket provider adds a process 'exit' listener (to say goodbye); there are many here.
process.setMaxListeners(0);
const meetings: Meeting[] = [];
const timing = new Timing();
let closing = false;
const schedule = new Schedule(timing, () => closing);
let speakers = 0;
/** How long after a window its keystrokes and cursor moves may still arrive (later = never: ∞). */
const SETTLE_MS = 1000;
let context: EditorContext | null = null;
let windowElu = performance.eventLoopUtilization();
let windowCpu = 0;

/**
 * CPU seconds this thread has used (user + system, from /proc/thread-self: the calling thread's own
 * counters, in clock ticks of 10 ms); NaN where there is no such file. Unlike the event-loop utilisation,
 * which counts wall time and so grows when other processes take the core, this is the thread's own cost.
 */
function threadCpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}
let loopDelay: IntervalHistogram | null = null;

// BENCH_GENERATOR_PROFILE=<dir>: a V8 CPU profile of this generator thread over each measured window.
const profileDir = process.env.BENCH_GENERATOR_PROFILE;
let profiler: Session | null = null;
let profiles = 0;

function startProfile(): void {
  if (!profileDir) return;
  profiler = new Session();
  profiler.connect();
  profiler.post('Profiler.enable');
  profiler.post('Profiler.start');
}

function stopProfile(): void {
  const session = profiler;
  if (!session) return;
  profiler = null;
  session.post('Profiler.stop', (error, result) => {
    if (!error)
      writeFileSync(
        `${profileDir}/generator-${process.pid}-${profiles++}.cpuprofile`,
        JSON.stringify(result.profile),
      );
    session.disconnect();
  });
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

async function open(
  command: Extract<WorkerCommand, { type: 'open' }>,
): Promise<{ editors: number; synced: boolean }> {
  context ??= { target: command.target, timing, nextSpeaker: () => speakers++ };
  context.target = command.target;
  const { behaviour } = command.target;
  const opened: Meeting[] = command.meetings.map((id) => ({ id, editors: [] }));
  // Probes first: the first one writes the meeting as it stands, then the light editors join it. In a
  // meeting without probes, its first light editor writes it. Meetings are counted across every open of
  // this thread, so that "every n-th meeting" holds as a ramp adds meetings.
  opened.forEach((meeting, index) => {
    const position = meetings.length + index;
    const probes = position % behaviour.probeEvery === 0 ? behaviour.probes : 0;
    for (let i = 0; i < probes; i++) meeting.editors.push(probe(meeting, i, context as EditorContext));
    if (probes === 0) {
      const writer = new LightEditor(meeting, 0, context as EditorContext);
      meeting.editors.push(writer);
      writer.connect();
    }
  });
  const firsts = opened.flatMap((m) => m.editors);
  let synced = await waitUntil(() => firsts.every((e) => e.synced), 60_000);
  for (const meeting of opened) {
    const first = meeting.editors[0];
    const title = `Network meeting ${meeting.id}`;
    if (first instanceof StockProbe && first.doc.getXmlFragment('dialogue').length === 0) {
      writeMeetingSkeleton(first.doc, title, command.target.typist);
    } else if (first instanceof LightEditor) {
      first.writeSkeleton(title);
    }
  }
  // Give the skeleton a moment to reach the server before the light editors ask for the meeting.
  await new Promise((resolve) => setTimeout(resolve, 200));
  for (const meeting of opened) {
    for (let i = meeting.editors.length; i < command.editors; i++) {
      const editor = new LightEditor(meeting, i, context);
      meeting.editors.push(editor);
      editor.connect();
    }
  }
  meetings.push(...opened);
  const editors = opened.flatMap((m) => m.editors);
  synced = (await waitUntil(() => editors.every((e) => e.synced), 60_000)) && synced;
  for (const editor of editors) schedule.start(editor);
  return { editors: editors.length, synced };
}

/** Close meetings (a ramp bisecting down). */
function shed(ids: string[]): number {
  const gone = new Set(ids);
  let closed = 0;
  for (let i = meetings.length - 1; i >= 0; i--) {
    const meeting = meetings[i] as Meeting;
    if (!gone.has(meeting.id)) continue;
    for (const editor of meeting.editors) {
      editor.close();
      timing.forget(editor.clientId);
      closed++;
    }
    meetings.splice(i, 1);
  }
  return closed;
}

function allEditors(): Editor[] {
  return meetings.flatMap((m) => m.editors);
}

async function handle(command: WorkerCommand): Promise<unknown> {
  switch (command.type) {
    case 'open':
      return open(command);
    case 'shed':
      return shed(command.meetings);
    case 'typing':
      schedule.setRate(command.rate, allEditors());
      return null;
    case 'measure':
      // The window as the main thread timed it: a thread that handles the message late (its loop is
      // saturated) must not stretch its window and measure more keystrokes than the window holds.
      if (command.phase === 'start') {
        timing.start(performance.now() - Math.max(0, Date.now() - command.at));
        windowElu = performance.eventLoopUtilization();
        windowCpu = threadCpuSeconds();
        loopDelay = monitorEventLoopDelay({ resolution: 5 });
        loopDelay.enable();
        startProfile();
        return null;
      } else {
        timing.stop(performance.now() - Math.max(0, Date.now() - command.at));
        const windowMs = timing.windowLength();
        const utilisation = performance.eventLoopUtilization(windowElu).utilization;
        const cpuShare = (threadCpuSeconds() - windowCpu) / (windowMs / 1000);
        loopDelay?.disable();
        const loopDelayP99 = (loopDelay?.percentile(99) ?? 0) / 1e6;
        loopDelay = null;
        stopProfile();
        // Late deliveries still count towards the window's keystrokes: give them a second, ended as soon as
        // all of the window's keystrokes and cursor moves arrived (what has not by then counts as ∞). The
        // first check runs after every typing timer due in the window fired (timers fire in order of due
        // time), so a late thread's keystrokes meant for the window are sent and pending by then.
        const settleFrom = performance.now();
        await new Promise((resolve) => setTimeout(resolve, 1));
        await waitUntil(() => timing.windowArrived(), SETTLE_MS - (performance.now() - settleFrom));
        timing.settle();
        const stats: WindowStats = { ...timing.window, utilisation, cpuShare, loopDelayP99, windowMs };
        return stats;
      }
    case 'waitDisconnected':
      return waitUntil(() => allEditors().every((e) => !e.synced), command.timeoutMs);
    case 'waitSynced': {
      const editors = allEditors();
      const ok = await waitUntil(() => editors.every((e) => e.synced), command.timeoutMs);
      return {
        ok,
        synced: editors.filter((e) => e.synced).length,
        lastSyncedAt: Math.max(...editors.map((e) => e.syncedAt)),
      };
    }
    case 'close':
      // Back to a fresh thread's state: the thread is kept for the next scenario (generator.ts's pool).
      closing = true;
      for (const editor of allEditors()) editor.close();
      meetings.length = 0;
      schedule.setRate(0, []);
      timing.measuring = false;
      timing.clear();
      loopDelay?.disable();
      loopDelay = null;
      stopProfile();
      context = null;
      closing = false;
      return null;
  }
}

parentPort?.on('message', (message: { id: number; command: WorkerCommand }) => {
  handle(message.command).then(
    (result) => parentPort?.postMessage({ id: message.id, result }),
    (error: unknown) => parentPort?.postMessage({ id: message.id, error: String(error) }),
  );
});
