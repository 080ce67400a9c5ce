import WebSocket from 'ws';
import { keystrokeHistory } from './coldLoad.js';
import { seedHistory } from './seed.js';
import { startServer } from './servers.js';
const dir = '/tmp/bench-c2-' + Date.now();
const seeded = await seedHistory('polyphony', dir, [keystrokeHistory(10_000), keystrokeHistory(100_000)]);
const server = await startServer('polyphony', { dataDir: dir });
async function open(id: string) {
  const t0 = performance.now();
  const ws = new WebSocket(`${server.serverUrl}/${id}`, { headers: { cookie: seeded.cookie! } });
  const marks: string[] = [];
  await new Promise<void>((resolve) => {
    ws.on('open', () => { marks.push(`open ${(performance.now() - t0).toFixed(1)}`); ws.send(Uint8Array.from([0, 0, 1, 0])); });
    ws.on('message', (d: Buffer) => { marks.push(`msg ${d[0]}/${d[1]} ${d.length}B ${(performance.now() - t0).toFixed(1)}`); if (d[0] === 0 && d[1] === 1) { ws.close(); resolve(); } });
  });
  console.log(id.slice(0, 6), marks.join(' | '));
}
await open(seeded.meetingIds[0]!);
await new Promise(r => setTimeout(r, 500));
await open(seeded.meetingIds[1]!);
await server.stop();
