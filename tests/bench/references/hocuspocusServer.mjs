// The Hocuspocus server under benchmark: @hocuspocus/server 3.4.4 with its SQLite extension (the
// durable store Hocuspocus ships), defaults otherwise. Plain JavaScript so that it starts like the other
// reference server, without a TypeScript loader in its memory. Env: PORT, HOST, DATABASE.
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';

const server = new Server({
  port: Number(process.env.PORT ?? 1234),
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
  extensions: [new SQLite({ database: process.env.DATABASE ?? 'hocuspocus.sqlite' })],
});
await server.listen();
console.log(`hocuspocus listening on ${process.env.PORT}`);
