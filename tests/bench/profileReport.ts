/**
 * Where a server's time and memory go, from the files a profiled bench run leaves:
 *
 *   BENCH_PROFILE=/tmp/prof BENCH_HEAP_SAMPLES=/tmp/heap \
 *     BENCH_SERVER_FLAGS="--trace-gc-nvp --import=$PWD/tests/bench/heapSampler.mjs" \
 *     BENCH_SERVER_LOG=/tmp/server.log pnpm bench --scenarios=A100 --servers=polyphony --no-browser
 *   node --import tsx tests/bench/profileReport.ts --cpu=/tmp/prof/<file>.cpuprofile \
 *     --heap=/tmp/heap/<file>.heapprofile --keystrokes=<in the window> --gc=/tmp/server.log --pid=<server's>
 *     --keystrokes-per-second=4000
 *
 * Prints: self time by function (file:line); the event loop's busy stretches (consecutive non-idle CPU
 * samples) longer than --stall-ms (30 by default), with what ran in them; allocation by site (the
 * sampling heap profiler); and from the GC log, bytes allocated per second while typing and per keystroke.
 */
import fs from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';

const args = process.argv.slice(2);
const option = (name: string): string | undefined =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber?: number;
}

const maps = new Map<string, SourceMap | null>();
/** The TypeScript source line of a compiled server/shared line (their dist has source maps). */
function original(file: string, line: number, column: number): string | null {
  if (!/\/(server|shared)\/dist\//.test(file)) return null;
  if (!maps.has(file)) {
    try {
      maps.set(file, new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8'))));
    } catch {
      maps.set(file, null);
    }
  }
  const entry = maps.get(file)?.findEntry(line, column) as
    | { originalSource?: string; originalLine?: number }
    | undefined;
  if (!entry?.originalSource) return null;
  const source = path
    .resolve(path.dirname(file), entry.originalSource)
    .replace(/^.*\/(server|shared)\/src\//, '$1/src/');
  return `${source}:${(entry.originalLine ?? 0) + 1}`;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

/** A place in the code as the report names it. */
function where(frame: CallFrame): string {
  const compiled = frame.url.replace(/^file:\/\//, '');
  const source = compiled ? original(compiled, frame.lineNumber, frame.columnNumber ?? 0) : null;
  if (source) return `${frame.functionName || '(anonymous)'} ${source}`;
  const file = compiled.replace(/^.*\/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '');
  const short = file.replace(/^.*\/(server|shared)\/(dist|src)\//, '$1/$2/');
  return `${frame.functionName || '(anonymous)'} ${short || '(native)'}:${frame.lineNumber + 1}`;
}

function top(map: Map<string, number>, count: number, total: number, unit: (v: number) => string): string[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(
      ([key, value]) =>
        `  ${unit(value).padStart(10)} ${((100 * value) / total).toFixed(1).padStart(5)} %  ${key}`,
    );
}

function cpuReport(file: string, stallMs: number): void {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const isIdle = (id: number) => {
    const name = byId.get(id)?.callFrame.functionName;
    return name === '(idle)' || name === '(program)';
  };
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    const node = byId.get(id);
    if (node) self.set(where(node.callFrame), (self.get(where(node.callFrame)) ?? 0) + dt);
  });
  console.log(`CPU profile ${file}: ${(total / 1000).toFixed(1)} s sampled`);
  console.log('self time by function:');
  for (const line of top(self, 30, total, (v) => `${v.toFixed(0)} ms`)) console.log(line);

  // Busy stretches: consecutive samples that are not idle. Each is one stretch of the event loop never
  // getting back to waiting — a stall for whatever arrived meanwhile.
  const stretches: { start: number; ms: number; self: Map<string, number>; roots: Map<string, number> }[] =
    [];
  let at = 0;
  let current: (typeof stretches)[number] | null = null;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    at += dt;
    if (isIdle(id)) {
      if (current && current.ms >= stallMs) stretches.push(current);
      current = null;
      return;
    }
    current ??= { start: at, ms: 0, self: new Map(), roots: new Map() };
    current.ms += dt;
    const node = byId.get(id);
    if (!node) return;
    const key = where(node.callFrame);
    current.self.set(key, (current.self.get(key) ?? 0) + dt);
    // The outermost JavaScript frame: which callback the loop was running.
    let outer = node;
    for (let up = parent.get(node.id); up !== undefined; up = parent.get(up)) {
      const candidate = byId.get(up);
      if (candidate?.callFrame.url) outer = candidate;
    }
    const root = where(outer.callFrame);
    current.roots.set(root, (current.roots.get(root) ?? 0) + dt);
  });
  const busy = stretches.reduce((sum, s) => sum + s.ms, 0);
  console.log('');
  console.log(
    `busy stretches ≥ ${stallMs} ms: ${stretches.length}, ${busy.toFixed(0)} ms in all; longest: ` +
      stretches
        .map((s) => s.ms)
        .sort((a, b) => b - a)
        .slice(0, 10)
        .map((ms) => ms.toFixed(0))
        .join(', '),
  );
  const inStalls = new Map<string, number>();
  const rootsInStalls = new Map<string, number>();
  for (const stretch of stretches) {
    for (const [key, ms] of stretch.self) inStalls.set(key, (inStalls.get(key) ?? 0) + ms);
    for (const [key, ms] of stretch.roots) rootsInStalls.set(key, (rootsInStalls.get(key) ?? 0) + ms);
  }
  console.log('self time inside them:');
  for (const line of top(inStalls, 20, Math.max(1, busy), (v) => `${v.toFixed(0)} ms`)) console.log(line);
  console.log('outermost frames inside them (which callback held the loop):');
  for (const line of top(rootsInStalls, 12, Math.max(1, busy), (v) => `${v.toFixed(0)} ms`))
    console.log(line);
}

interface HeapNode {
  callFrame: CallFrame;
  selfSize: number;
  children: HeapNode[];
}

function heapReport(file: string): void {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as { head: HeapNode };
  const sites = new Map<string, number>();
  let total = 0;
  const owners = new Map<string, number>();
  const walk = (node: HeapNode, stack: string[]): void => {
    const here = where(node.callFrame);
    const inner = [...stack, here];
    if (node.selfSize > 0) {
      total += node.selfSize;
      // The site, and the nearest frame in the server's own code (what to change).
      const own =
        [...inner].reverse().find((p) => /(server|shared)\/(dist|src)/.test(p)) ?? '(outside the server)';
      const key = `${here}${own !== here ? `  ← ${own}` : ''}`;
      sites.set(key, (sites.get(key) ?? 0) + node.selfSize);
      owners.set(own, (owners.get(own) ?? 0) + node.selfSize);
    }
    for (const child of node.children) walk(child, inner);
  };
  walk(profile.head, []);
  console.log('');
  console.log(
    `heap profile ${file}: ${(total / 2 ** 20).toFixed(1)} MiB allocated while sampling (collected objects included), by allocation site:`,
  );
  for (const line of top(sites, 30, total, (v) => `${(v / 1024).toFixed(0)} KiB`)) console.log(line);
  console.log("by the nearest frame in the server's own code:");
  for (const line of top(owners, 25, total, (v) => `${(v / 1024).toFixed(0)} KiB`)) console.log(line);
  const keystrokes = option('keystrokes');
  if (keystrokes)
    console.log(
      `  ${(total / Number(keystrokes) / 1024).toFixed(1)} KiB per keystroke over ${keystrokes} keystrokes`,
    );
}

/** From --trace-gc-nvp output: bytes allocated per second over the busiest stretch of scavenges. */
function gcReport(file: string, keystrokesPerSecond: number | null): void {
  const events: { ms: number; allocated: number; pause: number; kind: string }[] = [];
  const pid = option('pid');
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (pid && !line.startsWith(`[${pid}:`)) continue;
    const time = /(\d+) ms: /.exec(line);
    const allocated = /allocated=(\d+)/.exec(line);
    const pause = /pause=([\d.]+)/.exec(line);
    const kind = /gc=(\w+)/.exec(line);
    if (time && allocated && pause && kind)
      events.push({
        ms: Number(time[1]),
        allocated: Number(allocated[1]),
        pause: Number(pause[1]),
        kind: kind[1] as string,
      });
  }
  if (events.length < 4) {
    console.log(`GC log ${file}: too few events`);
    return;
  }
  // The steady part: the middle half of the events by time (start-up and shut-down left out).
  const first = events[0]?.ms ?? 0;
  const last = events.at(-1)?.ms ?? 0;
  const from = first + (last - first) * 0.25;
  const to = first + (last - first) * 0.75;
  const steady = events.filter((e) => e.ms >= from && e.ms <= to);
  const bytes = steady.reduce((sum, e) => sum + e.allocated, 0);
  const seconds = (to - from) / 1000;
  const pauses = steady.map((e) => e.pause).sort((a, b) => a - b);
  console.log('');
  console.log(
    `GC (${file}): ${steady.length} collections in the middle ${seconds.toFixed(1)} s: ` +
      `${(bytes / 2 ** 20 / seconds).toFixed(1)} MiB/s allocated; pauses p50 ${pauses[Math.floor(pauses.length / 2)]} ms, max ${pauses.at(-1)} ms; ` +
      `${steady.filter((e) => e.kind === 's').length} scavenges, ${steady.filter((e) => e.kind !== 's').length} others`,
  );
  if (keystrokesPerSecond)
    console.log(
      `  at ${keystrokesPerSecond} keystrokes/s: ${(bytes / seconds / keystrokesPerSecond / 1024).toFixed(1)} KiB per keystroke`,
    );
}

const cpu = option('cpu');
const heap = option('heap');
const gc = option('gc');
if (cpu) cpuReport(cpu, Number(option('stall-ms') ?? 30));
if (heap) heapReport(heap);
if (gc) gcReport(gc, option('keystrokes-per-second') ? Number(option('keystrokes-per-second')) : null);
if (!cpu && !heap && !gc)
  console.log('usage: profileReport.ts --cpu=<.cpuprofile> --heap=<.heapprofile> --gc=<log>');
