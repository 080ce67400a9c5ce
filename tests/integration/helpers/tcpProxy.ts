/**
 * A TCP proxy on 127.0.0.1 in front of a real service, which a test can pause: bytes then stop flowing
 * both ways (connections stay open, as in a network partition), and flow again on resume. Used to cut
 * one instance off from PostgreSQL while the others keep using it.
 */
import net from 'node:net';

/** A running proxy. */
export interface TcpProxy {
  port: number;
  pause(): void;
  resume(): void;
  close(): Promise<void>;
}

/** Start a proxy to `targetPort` on 127.0.0.1. */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  let paused = false;
  /** Bytes held while paused, per direction, written in order on resume. */
  const held: { to: net.Socket; chunks: Buffer[] }[] = [];
  const sockets = new Set<net.Socket>();
  const forward = (from: net.Socket, to: net.Socket) => {
    const queue = { to, chunks: [] as Buffer[] };
    held.push(queue);
    from.on('data', (chunk: Buffer) => {
      if (paused || queue.chunks.length > 0) queue.chunks.push(chunk);
      else to.write(chunk);
    });
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    forward(client, upstream);
    forward(upstream, client);
    const end = () => {
      sockets.delete(client);
      sockets.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) socket.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    pause: () => {
      paused = true;
    },
    resume: () => {
      paused = false;
      for (const queue of held) {
        for (const chunk of queue.chunks.splice(0)) if (!queue.to.destroyed) queue.to.write(chunk);
      }
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
