// Entry of a generator thread: Node 20 does not pass `--import tsx` on to worker threads, so the thread
// registers tsx itself before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./loadWorker.ts');
