// Preloaded into a server (`--expose-gc --import=<this file>`, BENCH_COST_FILE=<file>) by keystrokeCost.ts:
// what the server spends over a window between two SIGUSR2s — bytes allocated on V8's heap (collected
// objects included) and CPU time (every thread: the event loop, libuv's pool doing fdatasync, the
// workers). At the first signal the heap is collected (so every window starts from the same heap) and
// V8's GC profiler starts; at the second, the bytes allocated are the growth of the used heap between
// collections: Σ (used before GC i − used after GC i−1), plus the growth since the last one. That is exact
// for what lives on the JS heap, whatever the collections' timing; ArrayBuffer backing stores outside the
// heap (large Buffers, Uint8Arrays over 64 bytes) are not in it (`externalNow`: what they hold at the end).
// The results are written to BENCH_COST_FILE; `<file>.started` says the window has begun.
import fs from 'node:fs';
import v8 from 'node:v8';

const file = process.env.BENCH_COST_FILE;
if (file) {
  /** @type {{ profiler: v8.GCProfiler, heap: number, cpu: NodeJS.CpuUsage, at: number } | null} */
  let window = null;
  process.on('SIGUSR2', () => {
    if (!window) {
      globalThis.gc?.();
      const profiler = new v8.GCProfiler();
      profiler.start();
      window = {
        profiler,
        heap: v8.getHeapStatistics().used_heap_size,
        cpu: process.cpuUsage(),
        at: performance.now(),
      };
      fs.writeFileSync(`${file}.started`, '');
      return;
    }
    const cpu = process.cpuUsage(window.cpu);
    const heapNow = v8.getHeapStatistics().used_heap_size;
    const { statistics } = window.profiler.stop();
    let allocated = 0;
    let previous = window.heap;
    let gcMicros = 0;
    const counts = {};
    for (const gc of statistics) {
      allocated += gc.beforeGC.heapStatistics.usedHeapSize - previous;
      previous = gc.afterGC.heapStatistics.usedHeapSize;
      gcMicros += gc.cost;
      counts[gc.gcType] = (counts[gc.gcType] ?? 0) + 1;
    }
    allocated += heapNow - previous;
    const result = {
      allocatedBytes: allocated,
      cpuUserMicros: cpu.user,
      cpuSystemMicros: cpu.system,
      gcMicros,
      gcs: counts,
      windowMs: performance.now() - window.at,
      externalNow: process.memoryUsage().arrayBuffers,
    };
    window = null;
    fs.writeFileSync(file, JSON.stringify(result));
  });
}
