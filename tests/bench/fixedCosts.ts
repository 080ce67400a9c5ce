/**
 * The fixed costs of a bench run that are not measurement, each timed once: a server's start and stop,
 * seeding, joining N meetings of 8, and a window's settle. `node --import tsx tests/bench/fixedCosts.ts`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stockClients } from './clientBehaviour.js';
import { Generator } from './generator.js';
import { targetOf } from './scenarios.js';
import { referenceMeetings, seedPolyphonyMeetings } from './seed.js';
import { SERVER_KINDS, startServer } from './servers.js';

process.setMaxListeners(0);
const meetings = Number(process.argv[2] ?? 40);
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'polyphony-fixed-'));
const time = async <T>(f: () => Promise<T> | T): Promise<[T, number]> => {
  const t0 = performance.now();
  const value = await f();
  return [value, Math.round(performance.now() - t0)];
};
for (const kind of SERVER_KINDS) {
  const dir = path.join(root, kind);
  fs.mkdirSync(dir);
  const [seeded, seedMs] = await time(() =>
    kind === 'polyphony' ? seedPolyphonyMeetings(dir, meetings) : referenceMeetings(meetings, 'F'),
  );
  const [server, startMs] = await time(() => startServer(kind, { dataDir: dir, env: {} }));
  const generator = new Generator(
    targetOf(server, seeded, stockClients()),
    Math.max(1, os.cpus().length - 1),
  );
  const [, openMs] = await time(() => generator.open(seeded.meetingIds, 8));
  await generator.typing(2);
  await generator.startWindow();
  await new Promise((r) => setTimeout(r, 500));
  const [, stopWindowMs] = await time(() => generator.stopWindow());
  await generator.typing(0);
  const [, closeMs] = await time(() => generator.close());
  const [, stopMs] = await time(() => server.stop());
  console.log(JSON.stringify({ kind, meetings, seedMs, startMs, openMs, stopWindowMs, closeMs, stopMs }));
}
fs.rmSync(root, { recursive: true, force: true });
