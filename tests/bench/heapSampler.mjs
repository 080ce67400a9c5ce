// Preloaded into a server (BENCH_SERVER_FLAGS="--import=<this file>", BENCH_HEAP_SAMPLES=<dir>): V8's
// sampling heap profiler between two SIGUSR2s (the bench sends one at the start of a typing window and
// one at its end), objects that were collected included — so it shows where the server allocates (the
// garbage per keystroke), not only what it keeps. Each window is written as
// <dir>/heap-<pid>-<n>.heapprofile; read it with profileReport.ts.
import fs from 'node:fs';
import { Session } from 'node:inspector';

const dir = process.env.BENCH_HEAP_SAMPLES;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('HeapProfiler.enable');
  let sampling = false;
  let windows = 0;
  process.on('SIGUSR2', () => {
    if (!sampling) {
      sampling = true;
      session.post('HeapProfiler.startSampling', {
        samplingInterval: 16_384,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
      return;
    }
    sampling = false;
    session.post('HeapProfiler.stopSampling', (error, result) => {
      if (!error)
        fs.writeFileSync(
          `${dir}/heap-${process.pid}-${windows++}.heapprofile`,
          JSON.stringify(result.profile),
        );
    });
  });
}
