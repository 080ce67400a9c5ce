/** A bare WebSocket for sending hand-made (or broken) protocol messages and seeing how the server closes. */
import WebSocket from 'ws';

/** An open raw socket with a promise of its close code. */
export interface RawSocket {
  socket: WebSocket;
  messages: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
}

/** Open a raw socket; rejects with the HTTP status when the upgrade is refused. */
export function openRawSocket(
  url: string,
  options: { cookie?: string; origin?: string } = {},
): Promise<RawSocket> {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) headers.origin = options.origin;
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers, maxPayload: 64 * 1024 * 1024 });
    const messages: Uint8Array[] = [];
    socket.binaryType = 'arraybuffer';
    const closed = new Promise<{ code: number; reason: string }>((resolveClose) =>
      socket.once('close', (code, reason) => resolveClose({ code, reason: reason.toString() })),
    );
    socket.on('message', (data) => messages.push(new Uint8Array(data as ArrayBuffer)));
    socket.once('open', () => resolve({ socket, messages, closed }));
    socket.once('unexpected-response', (_request, response) => {
      reject(
        Object.assign(new Error(`upgrade refused: ${response.statusCode}`), { status: response.statusCode }),
      );
    });
    socket.once('error', (error) => reject(error));
  });
}
