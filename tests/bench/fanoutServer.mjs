// The physical limit's server: the least a sync server must do — relay each message to the other
// sockets of its room — over `ws` 8, and nothing else (no Yjs, no storage). Rooms are the URL's path.
// FANOUT_MODE=each: one ws.send per delivery (a write per delivery); FANOUT_MODE=batched: a message is
// framed once and each socket gets one write per event-loop turn holding every frame of that turn.
// Prints "listening" once it accepts connections. Env: PORT, FANOUT_MODE.
import { WebSocketServer } from 'ws';

const mode = process.env.FANOUT_MODE === 'batched' ? 'batched' : 'each';
const rooms = new Map();
const queued = new Map();
let flushing = false;

function flush() {
  flushing = false;
  for (const [socket, frames] of queued) {
    if (socket.readyState === 1)
      socket._socket.write(frames.length === 1 ? frames[0] : Buffer.concat(frames));
  }
  queued.clear();
}

/** A server-to-client binary frame around a payload (unmasked, as servers send). */
function frame(payload) {
  const length = payload.length;
  const header = length < 126 ? 2 : 4;
  const out = Buffer.allocUnsafe(header + length);
  out[0] = 0x82;
  if (length < 126) out[1] = length;
  else {
    out[1] = 126;
    out.writeUInt16BE(length, 2);
  }
  out.set(payload, header);
  return out;
}

const server = new WebSocketServer({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' }, () =>
  console.log('listening'),
);
server.on('connection', (socket, request) => {
  const name = request.url ?? '/';
  const room = rooms.get(name) ?? new Set();
  rooms.set(name, room);
  room.add(socket);
  socket.on('close', () => room.delete(socket));
  socket.on('message', (data) => {
    if (mode === 'each') {
      for (const other of room) if (other !== socket) other.send(data, { binary: true });
      return;
    }
    const framed = frame(data);
    for (const other of room) {
      if (other === socket) continue;
      const frames = queued.get(other);
      if (frames) frames.push(framed);
      else queued.set(other, [framed]);
    }
    if (!flushing) {
      flushing = true;
      setImmediate(flush);
    }
  });
});
