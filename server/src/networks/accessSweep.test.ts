/**
 * The access sweep with the real SQLite stores and sync server: a revocation stamped by another instance
 * whose clock is behind this one's is still found, and the video is told about each ended link once,
 * however many looks (and the revoking action itself) see it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { openDatabase, type SqliteDatabase } from '../persistence/database.js';
import { SqliteMetadataStore } from '../persistence/metadata/SqliteMetadataStore.js';
import { SqliteDocumentStore } from '../persistence/sqlite.js';
import { SyncServer } from '../sync/SyncServer.js';
import { startAccessSweep } from './accessSweep.js';
import { NetworkService, type StartedNetwork } from './NetworkService.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('access sweep', () => {
  const logger = createLogger('silent');
  // This instance's clock; the other instance's is 3 s behind it.
  const clock = Date.parse('2030-01-01T12:00:00.000Z');
  let dir: string;
  let db: SqliteDatabase;
  let metadata: SqliteMetadataStore;
  let sync: SyncServer;
  let service: NetworkService;
  let ended: string[][];
  let network: StartedNetwork;
  let stopSweep: (() => void) | undefined;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyphony-sweep-'));
    db = openDatabase(dir);
    metadata = new SqliteMetadataStore(db);
    sync = new SyncServer({
      store: new SqliteDocumentStore(db),
      authorize: async () => ({ ok: false, status: 403, error: 'test' }),
      limits: loadConfig({}).limits,
      logger,
    });
    ended = [];
    service = new NetworkService({
      store: metadata,
      sync,
      invitationLifetimeMs: 30 * 24 * 60 * 60 * 1000,
      now: () => new Date(clock),
      onAccessEnded: (ids) => ended.push([...ids]),
    });
    network = await service.startNetwork({
      centreName: 'Anna',
      me: { name: 'Maria', relation: 'psychiatric nurse', role: 'professional' },
      people: [{ name: 'Eeva', relation: 'mother', role: 'network_member' }],
    });
  });
  afterEach(async () => {
    stopSweep?.();
    await sync.close();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const sweepWith = (marginMs: number) => {
    stopSweep = startAccessSweep({
      store: metadata,
      service,
      logger,
      now: () => new Date(clock),
      everyMs: 20,
      marginMs,
    });
  };
  const eeva = () => network.invitations[1] as StartedNetwork['invitations'][number];
  const revokedByOtherInstance = () =>
    metadata.revoke({
      networkId: network.network.id,
      participantId: eeva().participant.id,
      actorId: null,
      at: new Date(clock - 3000).toISOString(),
    });

  it('finds a revocation stamped by an instance whose clock is behind, and acts on it once', async () => {
    sweepWith(5000);
    await sleep(60);
    await revokedByOtherInstance();
    await sleep(200);
    // Ten looks overlapped the revocation; the video removal (and socket closing) ran once.
    expect(ended).toEqual([[eeva().record.id]]);
  });

  it('without a margin the same revocation would be missed (why the margin is there)', async () => {
    sweepWith(0);
    await sleep(60);
    await revokedByOtherInstance();
    await sleep(200);
    expect(ended).toEqual([]);
  });

  it('a revocation made here is not acted on again when the sweep sees it', async () => {
    sweepWith(5000);
    const revoked = await service.revoke(network.network.id, null, eeva().participant.id);
    await sleep(200);
    expect(ended).toEqual([revoked]);
  });
});
