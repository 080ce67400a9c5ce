/**
 * Moving a deployment from SQLite to PostgreSQL with the operator command, as an operator would: a
 * server on the SQLite file is used (a network started on the start page and one by the command,
 * personal links opened and one revoked, a meeting written in over the sync socket, closed, a second
 * one started), stopped; `polyphony migrate-to-postgres` runs as a process; a server on PostgreSQL then
 * serves the same networks, documents and links, and carries on numbering. A second run, a server still
 * on the file, a target whose tables were tampered with, and bad settings are refused or rolled back.
 * Rule ids ([MP1] …) are carried in the test names.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PostgresMetadataStore } from '@polyphony/server/persistence/metadata/PostgresMetadataStore';
import { PostgresDocumentStore } from '@polyphony/server/persistence/postgres';
import type { ActivityEntry, NetworkDetail, VersionList } from '@polyphony/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, type TestClient, waitForSaved, waitForSync } from './helpers/clients.js';
import { dropSchema, fingerprint, newSchemaName, withAdmin } from './helpers/postgresSchemas.js';
import {
  freePort,
  openLink,
  type ServerProcess,
  type StartedNetwork,
  startNetwork,
  startServerProcess,
  tempDataDir,
} from './helpers/serverProcess.js';
import { postgresForSuite, TEST_DATABASE_URL } from './helpers/services.js';

const CLI = fileURLToPath(new URL('../../server/dist/cli.js', import.meta.url));
const databaseUrl = TEST_DATABASE_URL;
const available = await postgresForSuite('migrate-to-postgres');

/** Run the operator command; resolves with its exit code and output whatever the code. */
function polyphony(env: Record<string, string | undefined>, ...args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn' };
    delete childEnv.DATABASE_URL;
    delete childEnv.DATABASE_SCHEMA;
    for (const [name, value] of Object.entries(env)) {
      if (value === undefined) delete childEnv[name];
      else childEnv[name] = value;
    }
    execFile(process.execPath, [CLI, ...args], { env: childEnv }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

/** The paragraph texts of a document section. */
const paragraphs = (doc: Y.Doc, section = 'dialogue') =>
  doc
    .getXmlFragment(section)
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? node.toArray().join('') : node.toString()));

/** A value with some people's lastSeenAt cleared. */
function withoutLastSeenOf<T>(value: T, participantIds: string[]): T {
  return JSON.parse(JSON.stringify(value), function (this: Record<string, unknown>, key, item) {
    return key === 'lastSeenAt' && participantIds.includes(this.id as string) ? null : item;
  }) as T;
}

describe.skipIf(!available)('migrate-to-postgres: a SQLite deployment moved to PostgreSQL', () => {
  const schema = newSchemaName('moved');
  const otherSchemas: string[] = [];
  let dataDir: string;
  let network: StartedNetwork;
  let eevaCookie: string;
  let meetingIds: string[];
  const people = () => ({
    maria: network.people[0]!,
    anna: network.people[1]!,
    eeva: network.people[2]!,
    olli: network.people[3]!,
  });
  /** What the SQLite server showed, to compare the PostgreSQL server with. */
  const before: Record<string, unknown> = {};
  let documentBefore: { paragraphs: string[]; stateVector: Uint8Array; state: Uint8Array };
  const servers: ServerProcess[] = [];
  const clients: TestClient[] = [];
  /** DATA_DIRs without a SQLite file (the servers on PostgreSQL keep theirs empty). */
  const emptyDirs: string[] = [];
  const emptyDataDir = () => {
    const dir = tempDataDir('moved');
    emptyDirs.push(dir);
    return dir;
  };

  const api = (server: ServerProcess, path: string, cookie: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, { ...init, headers: { cookie, 'content-type': 'application/json' } });
  const json = async (response: Response) => {
    if (!response.ok) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<unknown>;
  };
  const bytes = async (response: Response) => new Uint8Array(await response.arrayBuffer());
  const startMeeting = async (server: ServerProcess, title: string) =>
    (await json(
      await api(server, `/api/networks/${network.networkId}/meetings`, network.cookie, {
        method: 'POST',
        body: JSON.stringify({ title }),
      }),
    )) as { id: string; number: number };
  const pgEnv = (target = schema) => ({
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    DATABASE_SCHEMA: target,
  });

  /**
   * Everything the server shows about the network (as Maria) and the first meeting (as Eeva). Their own
   * lastSeenAt is left out: a server process writes it at each one's first request (the operator
   * command's list, compared before any request, shows everyone's).
   */
  async function views(server: ServerProcess) {
    const { maria, eeva } = people();
    const [first] = meetingIds as [string];
    const read = async (path: string, cookie: string) =>
      withoutLastSeenOf(await json(await api(server, path, cookie)), [
        maria.participantId,
        eeva.participantId,
      ]);
    // The log first: the reads below are in it from then on (every read of content is logged).
    const activity = (await read(
      `/api/networks/${network.networkId}/activity`,
      network.cookie,
    )) as ActivityEntry[];
    const versions = (await read(`/api/meetings/${first}/versions`, eevaCookie)) as VersionList;
    return {
      network: await read(`/api/networks/${network.networkId}`, network.cookie),
      activity,
      meeting: await read(`/api/meetings/${first}`, eevaCookie),
      versions,
      versionStates: await Promise.all(
        versions.versions.map(async (version) =>
          bytes(await api(server, `/api/meetings/${first}/versions/${version.id}`, eevaCookie)),
        ),
      ),
      agreed: await bytes(await api(server, `/api/meetings/${first}/agreed`, eevaCookie)),
      seen: await read(`/api/meetings/${first}/seen`, eevaCookie),
    };
  }

  /** The first meeting's document as Eeva's client syncs it. */
  async function documentOn(server: ServerProcess) {
    const client = connectClient(server.wsUrl, meetingIds[0]!, { cookie: eevaCookie });
    clients.push(client);
    await waitForSync(client);
    const result = {
      paragraphs: paragraphs(client.doc),
      stateVector: Y.encodeStateVector(client.doc),
      state: Y.encodeStateAsUpdate(client.doc),
    };
    client.destroy();
    return result;
  }

  async function stop(server: ServerProcess) {
    servers.splice(servers.indexOf(server), 1);
    expect(await server.stop()).toBe(0);
  }

  beforeAll(async () => {
    // Compact after 4 updates (a snapshot and a log after it); a version once writing went on for 200 ms.
    const sqlite = await startServerProcess({ env: { COMPACT_EVERY: '4', VERSION_EVERY_MS: '200' } });
    servers.push(sqlite);
    dataDir = sqlite.dataDir;
    network = await startNetwork(sqlite.url, {
      centreName: 'Anna',
      title: 'First meeting',
      people: [
        { name: 'Anna', role: 'person_at_centre' },
        { name: 'Eeva', relation: 'mother', role: 'network_member' },
        { name: 'Olli', relation: 'neighbour', role: 'observer' },
      ],
    });
    const { eeva, olli } = people();
    eevaCookie = (await openLink(eeva.url)).cookie!;
    const first = network.meetingId;

    const writer = connectClient(sqlite.wsUrl, first, { cookie: eevaCookie, ack: true });
    clients.push(writer);
    await waitForSync(writer);
    for (const line of [
      'The nights are the hardest.',
      'And the mornings.',
      'Work is too much.',
      'We sleep badly.',
      'Friday, then.',
    ]) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(line)]);
      writer.doc.getXmlFragment('dialogue').push([paragraph]);
      await waitForSaved(writer);
      await new Promise((resolve) => setTimeout(resolve, 80));
    }
    const seen = await api(sqlite, `/api/meetings/${first}/seen`, eevaCookie, {
      method: 'PUT',
      body: JSON.stringify({ stateVector: Buffer.from(Y.encodeStateVector(writer.doc)).toString('base64') }),
    });
    expect(seen.status).toBe(200);
    writer.destroy();

    // The operator revokes Olli while the server runs; Maria closes the meeting and starts the next.
    const revoked = await polyphony({ DATA_DIR: dataDir }, 'revoke', olli.participantId);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(
      (await api(sqlite, `/api/meetings/${first}/close`, network.cookie, { method: 'POST' })).status,
    ).toBe(200);
    const second = await startMeeting(sqlite, 'Second meeting');
    expect(second.number).toBe(2);
    meetingIds = [first, second.id];
    const created = await polyphony(
      { DATA_DIR: dataDir },
      'create',
      '--centre',
      'Ben',
      '--person',
      'Sara::professional',
      '--person',
      'Ben::person_at_centre',
    );
    expect(created.code).toBe(0);

    documentBefore = await documentOn(sqlite);
    Object.assign(before, await views(sqlite));
    await stop(sqlite);
    before.list = JSON.parse((await polyphony({ DATA_DIR: dataDir }, 'list', '--json')).stdout);
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await Promise.all(servers.map((server) => server.stop()));
    await Promise.all([schema, ...otherSchemas].map(dropSchema));
    for (const dir of [dataDir, ...emptyDirs]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('[MP1] a server on PostgreSQL serves the same networks, documents and links, and carries on numbering', async () => {
    const migrated = await polyphony(pgEnv(), 'migrate-to-postgres', '--json');
    expect(migrated.stderr).toBe('');
    expect(migrated.code).toBe(0);
    const summary = JSON.parse(migrated.stdout) as { rows: Record<string, number>; documents: number };
    expect(summary.rows).toMatchObject({ networks: 2, people: 6, meetings: 3, links: 6 });
    expect(summary.documents).toBe(3);
    const { anna, olli } = people();

    const postgres = await startServerProcess({ dataDir: emptyDataDir(), env: pgEnv() });
    servers.push(postgres);
    // The command's own view, and everything the network page and the first meeting show.
    expect(JSON.parse((await polyphony(pgEnv(), 'list', '--json')).stdout)).toEqual(before.list);
    // Sessions made before the move still work: Maria's and Eeva's cookies are from the SQLite server.
    const after = await views(postgres);
    // The copied log is the same; after it come the reads the SQLite server logged while `views` read.
    const copied = before.activity as ActivityEntry[];
    const copiedTop = Math.max(...copied.map((entry) => entry.id));
    const afterLog = after.activity as ActivityEntry[];
    expect(afterLog.filter((entry) => entry.id <= copiedTop)).toEqual(copied);
    expect(new Set(afterLog.filter((entry) => entry.id > copiedTop).map((entry) => entry.kind))).toEqual(
      new Set(['network_viewed', 'version_viewed', 'agreed_viewed']),
    );
    for (const key of ['network', 'meeting', 'versions', 'versionStates', 'agreed', 'seen'] as const) {
      expect(after[key], key).toEqual(before[key]);
    }
    expect((after.versions as VersionList).versions.map((version) => version.kind)).toContain('closing');

    // The meeting document, byte for byte, over the sync socket.
    const documentAfter = await documentOn(postgres);
    expect(documentAfter.paragraphs).toEqual(documentBefore.paragraphs);
    expect(documentAfter.paragraphs).toContain('Friday, then.');
    expect(Buffer.from(documentAfter.stateVector)).toEqual(Buffer.from(documentBefore.stateVector));
    expect(Buffer.from(documentAfter.state)).toEqual(Buffer.from(documentBefore.state));

    // A link sent before the move signs its holder in; a revoked one still does not.
    const opened = await openLink(anna.url.replace(/^http:\/\/127\.0\.0\.1:\d+/, postgres.url));
    expect(opened.location).toBe(`/m/${meetingIds[1]}`);
    const annaView = (await json(
      await api(postgres, `/api/networks/${network.networkId}`, opened.cookie!),
    )) as NetworkDetail;
    expect(annaView.me.name).toBe('Anna');
    expect((await openLink(olli.url.replace(/^http:\/\/127\.0\.0\.1:\d+/, postgres.url))).location).toBe(
      '/link-problem?reason=revoked',
    );

    // New rows: the next meeting is number 3; a new person, a revocation and new edits do not collide.
    const third = await startMeeting(postgres, 'Third meeting');
    expect(third.number).toBe(3);
    const invited = (await json(
      await api(postgres, `/api/networks/${network.networkId}/people`, network.cookie, {
        method: 'POST',
        body: JSON.stringify({ name: 'Liisa', relation: 'aunt', role: 'network_member' }),
      }),
    )) as { participant: { id: string } };
    const revoked = await api(
      postgres,
      `/api/networks/${network.networkId}/people/${invited.participant.id}/revoke`,
      network.cookie,
      {
        method: 'POST',
      },
    );
    expect(revoked.status).toBe(200);
    const activity = (await json(
      await api(postgres, `/api/networks/${network.networkId}/activity`, network.cookie),
    )) as ActivityEntry[];
    const copiedMax = Math.max(...(before.activity as ActivityEntry[]).map((entry) => entry.id));
    expect(activity.slice(0, 3).map((entry) => entry.kind)).toEqual([
      'revoked',
      'invited',
      'meeting_started',
    ]);
    expect(activity.slice(0, 3).every((entry) => entry.id > copiedMax)).toBe(true);

    // An edit of the second meeting (whose log SQLite had compacted away) survives a restart.
    const writer = connectClient(postgres.wsUrl, meetingIds[1]!, { cookie: eevaCookie, ack: true });
    clients.push(writer);
    await waitForSync(writer);
    const call = new Y.XmlElement('paragraph');
    call.insert(0, [new Y.XmlText('Call the school')]);
    writer.doc.getXmlFragment('plan').push([call]);
    await waitForSaved(writer);
    writer.destroy();
    await stop(postgres);
    const restarted = await startServerProcess({ dataDir: emptyDataDir(), env: pgEnv() });
    servers.push(restarted);
    const reader = connectClient(restarted.wsUrl, meetingIds[1]!, { cookie: eevaCookie });
    clients.push(reader);
    await waitForSync(reader);
    expect(reader.doc.getXmlFragment('plan').toString()).toContain('Call the school');
    reader.destroy();
    await stop(restarted);
  });

  it('[MP2] a second run refuses, exit 2, and changes nothing', async () => {
    const target = await fingerprint(schema);
    expect(target).not.toBeNull();
    const again = await polyphony(pgEnv(), 'migrate-to-postgres');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('the target already holds Polyphony data');
    expect(again.stdout).toBe('');
    expect(await fingerprint(schema)).toEqual(target);
  });

  it('[MP3] a copy that fails part-way leaves the target as it was: a tampered table', async () => {
    const tampered = newSchemaName('tampered');
    otherSchemas.push(tampered);
    // Tables as a first server start leaves them, then one given a rule the data breaks.
    const metadata = await PostgresMetadataStore.open(databaseUrl, { schema: tampered });
    const documents = await PostgresDocumentStore.open(databaseUrl, { schema: tampered });
    await Promise.all([metadata.close(), documents.close()]);
    await withAdmin((client) =>
      client.query(
        `ALTER TABLE ${tampered}.activity ADD CONSTRAINT no_revocations CHECK (kind <> 'revoked')`,
      ),
    );
    const target = await fingerprint(tampered);
    const failed = await polyphony(pgEnv(tampered), 'migrate-to-postgres');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/copying activity failed: .*no_revocations.*; nothing was written/);
    expect(await fingerprint(tampered)).toEqual(target);
    // Networks, people, meetings and links were copied before activity; none of it stayed.
    for (const table of [
      'networks',
      'participants',
      'meetings',
      'invitations',
      'sessions',
      'activity',
      'doc_snapshots',
    ]) {
      expect(target?.[`rows ${table}`], table).toEqual({ n: '0', digest: null });
    }
  });

  it('[MP4] refuses while a server has the SQLite file open, and writes nothing', async () => {
    const fresh = newSchemaName('busy');
    otherSchemas.push(fresh);
    const sqlite = await startServerProcess({ dataDir });
    servers.push(sqlite);
    const refused = await polyphony(pgEnv(fresh), 'migrate-to-postgres');
    await stop(sqlite);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is in use: stop the Polyphony server');
    expect(await fingerprint(fresh)).toBeNull();
  });

  it('[MP5] bad settings get a clear message and exit 2', async () => {
    const fresh = newSchemaName('bad');
    otherSchemas.push(fresh);
    const emptyDir = emptyDataDir();
    const port = await freePort();
    const cases: [Record<string, string | undefined>, RegExp][] = [
      [{ DATA_DIR: dataDir }, /set DATABASE_URL/],
      [
        { ...pgEnv(fresh), DATABASE_URL: 'http://127.0.0.1:5432/polyphony_test' },
        /DATABASE_URL must be a postgres:\/\//,
      ],
      [
        { ...pgEnv(fresh), DATABASE_URL: `postgres://polyphony:secret@127.0.0.1:${port}/polyphony_test` },
        new RegExp(
          `cannot connect to PostgreSQL at postgres://polyphony:\\*\\*\\*@127.0.0.1:${port}/polyphony_test: .*ECONNREFUSED`,
        ),
      ],
      [
        { ...pgEnv(fresh), DATABASE_URL: databaseUrl.replace(':polyphony@', ':wrong@') },
        /cannot connect to PostgreSQL at .*: password authentication failed/,
      ],
      [{ ...pgEnv(fresh), DATA_DIR: `${emptyDir}/missing` }, /DATA_DIR .*\/missing is not a folder/],
      [{ ...pgEnv(fresh), DATA_DIR: emptyDir }, /there is no polyphony\.sqlite in DATA_DIR/],
      [
        { ...pgEnv(fresh), DATABASE_SCHEMA: 'no-dashes' },
        /DATABASE_SCHEMA: .*letters, digits and underscores/,
      ],
    ];
    for (const [env, message] of cases) {
      const result = await polyphony(env, 'migrate-to-postgres');
      expect(result.stderr, JSON.stringify(env)).toMatch(message);
      expect(result.code, JSON.stringify(env)).toBe(2);
      expect(result.stderr).not.toContain('secret');
    }
    expect(await fingerprint(fresh)).toBeNull();
  });
});
