/**
 * The relay's ordering rule, with a real Redis and a real SQLite file: another instance is sent an update
 * only after it is committed. That is what lets every instance answer "saved" with its whole document's
 * state vector: an instance that showed others edits it had not committed, and then died, left them
 * acknowledging edits no store held (scaleOut.test.ts catches that only when a kill happens to fall in
 * the gap; this test holds the gap open).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type RedisProcess,
  redisAvailable,
  startRedis,
} from '../../../tests/integration/helpers/redisProcess.js';
import { missingService } from '../../../tests/integration/helpers/services.js';
import { readStoredMeeting } from '../../../tests/integration/helpers/storedDocument.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { openDatabase } from '../persistence/database.js';
import { SqliteDocumentStore } from '../persistence/sqlite.js';
import type { AppendEntry, DocumentStore } from '../persistence/types.js';
import { SyncServer } from '../sync/SyncServer.js';
import { RedisRelay } from './RedisRelay.js';

const ready = redisAvailable();
if (!ready) missingService('Redis relay', 'needs redis-server; run scripts/services.sh');

/** A real store whose commits wait until the test opens the gate. */
function gated(store: DocumentStore): { store: DocumentStore; open(): void } {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  return {
    store: {
      load: (docId) => store.load(docId),
      append: async (entries: readonly AppendEntry[]) => {
        await gate;
        return store.append(entries);
      },
      compact: (docId, snapshot, throughSeq) => store.compact(docId, snapshot, throughSeq),
      delete: (docId) => store.delete(docId),
      close: () => store.close(),
    },
    open,
  };
}

describe.skipIf(!ready)('Redis relay', () => {
  let redis: RedisProcess | undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyphony-relay-'));
  const stops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
    await redis?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function instance(store: DocumentStore): SyncServer {
    const sync = new SyncServer({
      store,
      authorize: async () => ({ ok: false, status: 404, error: 'not_found' }),
      limits: loadConfig({}).limits,
      logger: createLogger('silent'),
      cacheUnloaded: false,
    });
    const relay = new RedisRelay((redis as RedisProcess).url, sync, createLogger('silent'));
    sync.use(relay.hooks());
    stops.push(async () => {
      await sync.close();
      await relay.close();
      await store.close();
    });
    return sync;
  }

  it('sends another instance an update only once it is committed', async () => {
    redis = await startRedis();
    const a = gated(new SqliteDocumentStore(openDatabase(dir)));
    const instanceA = instance(a.store);
    const instanceB = instance(new SqliteDocumentStore(openDatabase(dir)));
    await instanceA.openRoom('meeting');
    await instanceB.openRoom('meeting');

    const changed = instanceA.changeDocument('meeting', (doc) => doc.getText('notes').insert(0, 'agreed'));
    // Uncommitted: however long it waits, B has not been sent it.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await instanceB.readDocument('meeting')).getText('notes').toString()).toBe('');

    a.open();
    await changed;
    const deadline = Date.now() + 3000;
    let seen = '';
    while (Date.now() < deadline) {
      seen = (await instanceB.readDocument('meeting')).getText('notes').toString();
      if (seen === 'agreed') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(seen).toBe('agreed');
    // And what B shows is what the store holds.
    const { doc } = await readStoredMeeting(dir, 'meeting');
    expect(doc.getText('notes').toString()).toBe('agreed');
  });
});
