// A fixed single-threaded workload, run pinned to one core by hostSpeed.ts: 20,000 keystroke updates
// typed by eight writers into a Yjs document (gc off, as the server keeps them), the document encoded
// and decoded again (the typing of coldLoad.ts's keystrokeHistory). Prints the median of N rounds in ms
// (the first argument; 5 by default). Plain JavaScript, so that the four processes a run starts for it
// need no TypeScript loader: every second of start-up counts against --quick's two minutes.
import * as Y from 'yjs';

function round() {
  const started = performance.now();
  const writer = new Y.Doc({ gc: false });
  const updates = [];
  writer.on('update', (update) => updates.push(update));
  const dialogue = writer.getXmlFragment('dialogue');
  let text = null;
  for (let i = 0; i < 20_000; i++) {
    writer.clientID = 1000 + (Math.floor(i / 40) % 8);
    if (!text || i % 40 === 0) {
      const paragraph = new Y.XmlElement('paragraph');
      text = new Y.XmlText();
      paragraph.insert(0, [text]);
      dialogue.insert(dialogue.length, [paragraph]);
    }
    text.insert(text.length, 'abcdefghij'[i % 10]);
  }
  const reader = new Y.Doc({ gc: false });
  for (const update of updates) Y.applyUpdate(reader, update);
  Y.applyUpdate(new Y.Doc({ gc: false }), Y.encodeStateAsUpdate(reader));
  return performance.now() - started;
}

const rounds = Math.max(1, Number(process.argv[2] ?? 5));
const times = [];
for (let i = 0; i < rounds; i++) times.push(round());
times.sort((a, b) => a - b);
console.log(JSON.stringify({ medianMs: times[Math.floor(rounds / 2)] }));
