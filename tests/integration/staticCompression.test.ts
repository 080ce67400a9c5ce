/**
 * The built client goes out compressed (issue 18, the meeting page's weight): a browser that accepts
 * brotli gets the build's `.br` file of a script or page, the same bytes once decoded; one that accepts
 * only gzip gets gzip made on the fly; one that accepts neither gets the file as it is. Read with
 * node:http, which (unlike fetch) does not decode, so that what travels is what is checked.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from './helpers/serverProcess.js';

let server: ServerProcess;
beforeAll(async () => {
  server = await startServerProcess();
});
afterAll(async () => {
  await server?.stop();
});

/** GET with this Accept-Encoding: the status, the encoding and the body as it came over the wire. */
function get(pathname: string, acceptEncoding: string) {
  return new Promise<{ status: number; encoding: string | undefined; vary: string; body: Buffer }>(
    (resolve, reject) => {
      const request = http.get(
        `${server.url}${pathname}`,
        { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              encoding: response.headers['content-encoding'],
              vary: String(response.headers.vary ?? ''),
              body: Buffer.concat(chunks),
            }),
          );
        },
      );
      request.on('error', reject);
    },
  );
}

describe('the built client, compressed', () => {
  const dist = fileURLToPath(new URL('../../client/dist', import.meta.url));
  const html = readFileSync(path.join(dist, 'index.html'));
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(html.toString('utf8'))?.[1] ?? '';

  it('sends brotli to a browser that accepts it, the same bytes once decoded', async () => {
    expect(script, 'index.html names its script').not.toBe('');
    const plain = readFileSync(path.join(dist, script));
    const answer = await get(script, 'gzip, deflate, br, zstd');
    expect(answer.status).toBe(200);
    expect(answer.encoding).toBe('br');
    expect(answer.vary.toLowerCase()).toContain('accept-encoding');
    expect(answer.body.length).toBeLessThan(plain.length);
    expect(brotliDecompressSync(answer.body).equals(plain)).toBe(true);
    // The single-page app's page too, at any of its paths.
    const page = await get('/m/some-meeting', 'br');
    expect(page.encoding).toBe('br');
    expect(brotliDecompressSync(page.body).equals(html)).toBe(true);
  });

  it('sends gzip to a browser that accepts only gzip, and the file as it is to one that accepts neither', async () => {
    const plain = readFileSync(path.join(dist, script));
    const gzipped = await get(script, 'gzip, deflate');
    expect(gzipped.encoding).toBe('gzip');
    expect(gunzipSync(gzipped.body).equals(plain)).toBe(true);
    const identity = await get(script, '');
    expect(identity.encoding).toBeUndefined();
    expect(identity.body.equals(plain)).toBe(true);
  });
});
