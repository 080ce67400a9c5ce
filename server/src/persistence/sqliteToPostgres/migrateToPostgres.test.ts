/**
 * The copy from a SQLite deployment into PostgreSQL, in-process, against a real SQLite file seeded
 * through the services the server uses and the real PostgreSQL (scripts/services.sh); each test has a
 * schema of its own. What a person notices with a real server process after the copy is in
 * tests/integration/migrateToPostgres.test.ts. Rule ids ([SP1] …) are carried in the test names.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  dropSchema,
  fingerprint,
  newSchemaName,
  withAdmin,
} from '../../../../tests/integration/helpers/postgresSchemas.js';
import { postgresForSuite, TEST_DATABASE_URL } from '../../../../tests/integration/helpers/services.js';
import { hashToken, newId, newToken } from '../../auth/tokens.js';
import { loadConfig } from '../../config.js';
import { HistoryService } from '../../history/HistoryService.js';
import { createLogger } from '../../logger.js';
import { NetworkService } from '../../networks/NetworkService.js';
import { SyncServer } from '../../sync/SyncServer.js';
import type { MetadataStore } from '../metadata/types.js';
import { DOCUMENTS_SCHEMA, PostgresDocumentStore } from '../postgres/PostgresDocumentStore.js';
import { METADATA_SCHEMA, PostgresMetadataStore } from '../postgres/PostgresMetadataStore.js';
import { openDatabase, type SqliteDatabase } from '../sqlite/database.js';
import { SqliteDocumentStore } from '../sqlite/SqliteDocumentStore.js';
import { SqliteMetadataStore } from '../sqlite/SqliteMetadataStore.js';
import { MigrationFailed, MigrationRefused, migrateToPostgres } from './migrateToPostgres.js';
import { TABLES } from './tables.js';

const url = TEST_DATABASE_URL;
const available = await postgresForSuite('migrate-to-postgres');

const dataDirs: string[] = [];
const schemas: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyphony-migrate-'));
  dataDirs.push(dir);
  return dir;
};
const schemaName = () => {
  const schema = newSchemaName('migrate');
  schemas.push(schema);
  return schema;
};

/** What the seeding made, to look things up by afterwards. */
interface Seeded {
  dataDir: string;
  networkIds: string[];
  meetingIds: string[];
  participantIds: string[];
  sessionHash: string;
  tokens: string[];
  teams: SeededTeam;
}

/** What the seeding made of a team (issue 17). */
interface SeededTeam {
  teamId: string;
  staffIds: string[];
  staffSessionHash: string;
  staffLinkHashes: string[];
  networkId: string;
}

/**
 * A team as its admin makes it: two staff (one signed in through the identity provider once), an
 * invitation, renewed sign-in links, a staff session, a network of the team that a second professional
 * joined later, and a relative's request for a new link.
 */
async function seedTeam(store: MetadataStore, requester: { networkId: string; participantId: string }) {
  const now = new Date().toISOString();
  const teamId = newId();
  await store.createTeam({
    id: teamId,
    name: 'Crisis team North',
    createdAt: now,
    domains: ['pohjola.fi'],
    groups: ['north'],
  });
  const staff = [
    { id: newId(), name: 'Maria', email: 'maria@pohjola.fi', issuer: null, subject: null, createdAt: now },
    { id: newId(), name: 'Pekka', email: 'pekka@pohjola.fi', issuer: null, subject: null, createdAt: now },
  ];
  for (const member of staff) await store.createStaff(member);
  await store.bindStaffSubject(staff[0]!.id, 'https://idp.pohjola.fi', 'maria-sub');
  await store.joinTeam({ teamId, staffId: staff[0]!.id, role: 'admin', kind: 'professional', at: now });
  await store.joinTeam({ teamId, staffId: staff[1]!.id, role: 'member', kind: 'peer_worker', at: now });
  await store.inviteToTeam({ teamId, email: 'liisa@hus.fi', invitedBy: staff[0]!.id, at: now });
  const staffLinkHashes = [hashToken(newToken()), hashToken(newToken())];
  for (const tokenHash of staffLinkHashes) {
    const expiresAt = new Date(Date.now() + 3600_000).toISOString();
    await store.issueStaffLink({
      record: { id: newId(), staffId: staff[0]!.id, createdAt: now, expiresAt, revokedAt: null },
      tokenHash,
    });
  }
  const staffSessionHash = hashToken(newToken());
  await store.startStaffSession(staffSessionHash, staff[0]!.id, now);
  const networkId = newId();
  // Staff reach a team's networks through the team: no personal link of theirs is made.
  await store.startNetwork({
    network: { id: networkId, centreName: 'Clara', createdAt: now, teamId },
    meeting: { id: newId(), title: 'First meeting' },
    people: [],
  });
  for (const [n, member] of staff.entries()) {
    const person = { id: newId(), networkId, name: member.name, relation: '', role: 'professional' as const };
    await store.addStaffToNetwork({
      participant: { ...person, createdAt: new Date(Date.now() + n).toISOString(), lastSeenAt: null },
      staffId: member.id,
    });
  }
  await store.requestLink({ id: newId(), ...requester, at: now });
  return { teamId, staffIds: staff.map((s) => s.id), staffSessionHash, staffLinkHashes, networkId };
}

/** Everything the server can read of the seeded team. */
async function everythingInTeam(store: MetadataStore, seeded: SeededTeam, networkIds: string[]) {
  const read: Record<string, unknown> = {
    teams: await store.listTeams(),
    members: await store.teamMembers(seeded.teamId),
    invitations: await store.teamInvitations(seeded.teamId),
    networks: await store.teamNetworks(seeded.teamId),
    people: await store.listParticipants(seeded.networkId),
    activity: await store.listActivity(seeded.networkId, 1000),
    'staff session': await store.sessionStaff(seeded.staffSessionHash),
    'link requests': await store.openLinkRequests([...networkIds, seeded.networkId]),
    'by subject': await store.findStaffBySubject('https://idp.pohjola.fi', 'maria-sub'),
  };
  for (const staffId of seeded.staffIds) {
    read[`staff ${staffId}`] = await store.findStaff(staffId);
    read[`teams of ${staffId}`] = await store.teamsOf(staffId);
    read[`sessions of ${staffId}`] = await store.staffSessions(staffId);
    read[`in network ${staffId}`] = await store.staffParticipant(seeded.networkId, staffId);
  }
  for (const hash of seeded.staffLinkHashes)
    read[`staff link ${hash}`] = await store.findStaffLinkByTokenHash(hash);
  return read;
}

/**
 * A deployment as people make it, through the services the server runs: two networks, invited,
 * revoked and re-issued links, a session, attendance, edits (compacted, and a log after the snapshot),
 * versions, last-seen points, a closed meeting and a second one.
 */
async function seedDeployment(): Promise<Seeded> {
  const dataDir = tempDir();
  const db = openDatabase(dataDir, { synchronous: 'NORMAL' });
  const documents = new SqliteDocumentStore(db);
  const store = new SqliteMetadataStore(db);
  const logger = createLogger('warn');
  const limits = { ...loadConfig({}).limits, compactEvery: 3 };
  const sync = new SyncServer({
    store: documents,
    authorize: async () => ({ ok: false, status: 403, error: 'test' }),
    limits,
    logger,
  });
  const service = new NetworkService({ store, sync, invitationLifetimeMs: 30 * 24 * 3600 * 1000 });
  const history = new HistoryService({ store, sync, logger, versionEveryMs: 60_000 });

  const started = await service.startNetwork({
    centreName: 'Anna',
    meetingTitle: 'First meeting',
    me: { name: 'Maria', relation: 'psychiatric nurse', role: 'professional' },
    people: [
      { name: 'Anna', relation: '', role: 'person_at_centre' },
      { name: 'Eeva', relation: 'mother', role: 'network_member' },
      { name: 'Olli', relation: 'neighbour', role: 'observer' },
    ],
  });
  const [maria, anna, eeva, olli] = started.invitations.map((invitation) => invitation.participant);
  const meeting = started.meeting;
  const pekka = await service.invite(started.network.id, maria!, {
    name: 'Pekka',
    relation: 'brother',
    role: 'network_member',
  });
  await service.revoke(started.network.id, maria!, olli!.id);
  const reissued = await service.reissue(started.network.id, maria!, eeva!.id);
  const sessionHash = hashToken(newToken());
  await store.createSession(sessionHash, new Date().toISOString());
  await store.join(sessionHash, reissued.record);
  await service.recordJoin(started.network.id, eeva!.id);
  // Eeva and Anna join at the same moment: the order of attendees then is the order people were added.
  const moment = new Date();
  const sameMoment = new NetworkService({ store, sync, invitationLifetimeMs: 0, now: () => moment });
  await sameMoment.recordPresence(meeting, eeva!.id);
  await sameMoment.recordPresence(meeting, anna!.id);
  await service.touch(eeva!.id);

  for (const line of ['The nights are the hardest.', 'And the mornings.', 'We could meet on Friday.']) {
    await sync.changeDocument(meeting.id, (doc) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(line)]);
      doc.getXmlFragment('dialogue').push([paragraph]);
    });
  }
  const doc = await sync.readDocument(meeting.id);
  await history.takeVersion(meeting.id, doc, 'auto', [eeva!.id]);
  await history.markSeen(eeva!.id, meeting.id, Y.encodeStateVector(doc));
  await service.closeMeeting(meeting.id, maria!);
  await history.takeVersion(meeting.id, await sync.readDocument(meeting.id), 'closing', [maria!.id]);
  const second = await service.startMeeting(started.network.id, maria!, 'Second meeting');
  const other = await service.startNetwork({
    centreName: 'Ben',
    me: { name: 'Sara', relation: '', role: 'professional' },
    people: [{ name: 'Ben', relation: '', role: 'person_at_centre' }],
  });
  const teams = await seedTeam(store, { networkId: started.network.id, participantId: eeva!.id });
  await sync.close();

  // A log after the snapshot: an edit appended to the compacted second meeting.
  const stored = await documents.load(second.id);
  const editor = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(editor, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(editor, update);
  const before = Y.encodeStateVector(editor);
  editor.getXmlFragment('plan').push([new Y.XmlText('Call the school')]);
  await documents.append([{ docId: second.id, updates: [Y.encodeStateAsUpdate(editor, before)] }]);
  await documents.close();

  return {
    dataDir,
    networkIds: [started.network.id, other.network.id],
    meetingIds: [meeting.id, second.id, other.meeting.id],
    participantIds: [...started.invitations, ...other.invitations]
      .map((i) => i.participant.id)
      .concat(pekka.participant.id),
    sessionHash,
    teams,
    tokens: [...started.invitations, ...other.invitations, pekka, reissued].map((issued) => issued.token),
  };
}

/** Everything the server can read from a metadata store about the seeded deployment. */
async function everythingIn(store: MetadataStore, seeded: Seeded, now: Date) {
  const networks = await store.listNetworks();
  const read: Record<string, unknown> = { networks };
  for (const networkId of seeded.networkIds) {
    read[`people ${networkId}`] = await store.listParticipants(networkId);
    read[`meetings ${networkId}`] = await store.listMeetings(networkId);
    read[`activity ${networkId}`] = await store.listActivity(networkId, 1000);
  }
  for (const meetingId of seeded.meetingIds) {
    read[`attendees ${meetingId}`] = await store.attendees(meetingId);
    read[`agreed ${meetingId}`] = await store.agreedState(meetingId);
    const versions = await store.listVersions(meetingId);
    read[`versions ${meetingId}`] = versions;
    for (const version of versions) read[`version ${version.id}`] = await store.findVersion(version.id);
    for (const participantId of seeded.participantIds) {
      read[`seen ${participantId} ${meetingId}`] = await store.lastSeen(participantId, meetingId);
    }
  }
  for (const participantId of seeded.participantIds) {
    read[`person ${participantId}`] = await store.findParticipant(participantId);
    read[`latest link ${participantId}`] = await store.latestInvitation(participantId);
  }
  for (const token of seeded.tokens)
    read[`link ${token}`] = await store.findInvitationByTokenHash(hashToken(token));
  read.session = await store.sessionExists(seeded.sessionHash);
  read.memberships = await store.memberships(seeded.sessionHash, now);
  read.teams = await everythingInTeam(store, seeded.teams, seeded.networkIds);
  return read;
}

async function everythingInDocuments(store: SqliteDocumentStore | PostgresDocumentStore, ids: string[]) {
  return Promise.all(ids.map((id) => store.load(id)));
}

const sqliteRows = (dataDir: string) => {
  const db = openDatabase(dataDir);
  try {
    return Object.fromEntries(
      TABLES.map((table) => [
        table.kind,
        Number(db.prepare(`SELECT COUNT(*) FROM ${table.name}`).pluck().get()),
      ]),
    );
  } finally {
    db.close();
  }
};

/** Tables migrated into a fresh schema by the stores, as a server's first start leaves them. */
async function migratedSchema(): Promise<string> {
  const schema = schemaName();
  const metadata = await PostgresMetadataStore.open(url, { schema });
  const documents = await PostgresDocumentStore.open(url, { schema });
  await metadata.close();
  await documents.close();
  return schema;
}

describe.skipIf(!available)('migrate-to-postgres', () => {
  let seeded: Seeded;

  afterEach(async () => {
    await Promise.all(schemas.splice(0).map(dropSchema));
  });
  afterAll(() => {
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('[SP1] knows every table and column of both schemas', async () => {
    const db = openDatabase(tempDir());
    const sqliteTables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all() as string[];
    expect([...TABLES.map((table) => table.name)].sort()).toEqual(sqliteTables);
    for (const table of TABLES) {
      const columns = (db.pragma(`table_info(${table.name})`) as { name: string }[])
        .map((c) => c.name)
        .sort();
      expect(
        table.columns
          .filter((c) => !c.sqlite)
          .map((c) => c.name)
          .sort(),
        table.name,
      ).toEqual(columns);
    }
    db.close();

    const schema = await migratedSchema();
    const postgresColumns = await withAdmin(async (client) => {
      const result = await client.query<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns
         WHERE table_schema = $1 AND table_name <> 'schema_versions' ORDER BY table_name, column_name`,
        [schema],
      );
      return result.rows.map((row) => `${row.table_name}.${row.column_name}`);
    });
    expect(TABLES.flatMap((table) => table.columns.map((c) => `${table.name}.${c.name}`)).sort()).toEqual(
      postgresColumns,
    );
  });

  it('[SP2] copies a deployment so that the PostgreSQL stores read exactly what the SQLite stores read', async () => {
    seeded = await seedDeployment();
    const schema = schemaName();
    const expectedRows = sqliteRows(seeded.dataDir);
    const summary = await migrateToPostgres({ dataDir: seeded.dataDir, databaseUrl: url, schema });
    expect(summary.rows).toEqual(expectedRows);
    expect(summary.rows.links).toBe(8);
    expect(summary.documents).toBe(3);

    const now = new Date();
    const db = openDatabase(seeded.dataDir);
    const fromSqlite = await everythingIn(new SqliteMetadataStore(db), seeded, now);
    const sqliteDocuments = await everythingInDocuments(new SqliteDocumentStore(db), seeded.meetingIds);
    db.close();
    const metadata = await PostgresMetadataStore.open(url, { schema });
    const documents = await PostgresDocumentStore.open(url, { schema });
    try {
      expect(await everythingIn(metadata, seeded, now)).toEqual(fromSqlite);
      expect(await everythingInDocuments(documents, seeded.meetingIds)).toEqual(sqliteDocuments);
    } finally {
      await metadata.close();
      await documents.close();
    }
    // The seeding made what it says: a revoked link, a log after a snapshot, a version, a last-seen point.
    expect(JSON.stringify(fromSqlite)).toContain('"revokedAt":"20');
    expect(sqliteDocuments[1]?.updates.length).toBe(1);
    expect(sqliteDocuments[1]?.snapshot).not.toBeNull();
    // The server's compactions kept each snapshot's state vector, which the stores compared above read.
    for (const stored of sqliteDocuments.slice(0, 2))
      expect(stored?.snapshotStateVector).toBeInstanceOf(Uint8Array);
    expect(fromSqlite[`versions ${seeded.meetingIds[0]}`]).toHaveLength(2);
    // And the team: its two staff, a renewed link, a staff session, a network with a later professional.
    const team = fromSqlite.teams as Record<string, unknown[]>;
    expect(team.members).toHaveLength(2);
    expect(team.people).toHaveLength(2);
    expect(team['link requests']).toHaveLength(1);
    expect(JSON.stringify(team)).toContain('"teamId"');
    expect(team['staff session']).toMatchObject({ name: 'Maria', subject: 'maria-sub' });
  });

  it('[SP3] new rows after the copy take new numbers: log entries, versions, updates after a snapshot, people, meetings', async () => {
    seeded ??= await seedDeployment();
    const schema = schemaName();
    await migrateToPostgres({ dataDir: seeded.dataDir, databaseUrl: url, schema });
    const [networkId] = seeded.networkIds as [string];
    const [first, second] = seeded.meetingIds as [string, string];
    const metadata = await PostgresMetadataStore.open(url, { schema });
    const documents = await PostgresDocumentStore.open(url, { schema });
    const sync = new SyncServer({
      store: documents,
      authorize: async () => ({ ok: false, status: 403, error: 'test' }),
      limits: loadConfig({}).limits,
      logger: createLogger('warn'),
      cacheUnloaded: false,
    });
    const service = new NetworkService({ store: metadata, sync, invitationLifetimeMs: 3600_000 });
    try {
      const maria = (await metadata.listParticipants(networkId))[0]!;
      // Log entries are numbered across networks.
      const copiedActivity = (
        await Promise.all(seeded.networkIds.map((id) => metadata.listActivity(id, 1000)))
      ).flat();
      const copiedVersions = await metadata.listVersions(first);
      const copiedSeqs = await withAdmin(
        async (client) =>
          (await client.query(`SELECT max(seq) AS seq FROM ${schema}.participants`)).rows[0].seq,
      );

      const meeting = await service.startMeeting(networkId, maria, 'Third meeting');
      expect(meeting.number).toBe(3);
      const invited = await service.invite(networkId, maria, {
        name: 'Liisa',
        relation: 'aunt',
        role: 'network_member',
      });
      const activity = await metadata.listActivity(networkId, 1000);
      expect(activity.slice(0, 2).map((entry) => entry.kind)).toEqual(['invited', 'meeting_started']);
      expect(activity[1]!.id).toBe(Math.max(...copiedActivity.map((entry) => entry.id)) + 1);
      const newSeq = await withAdmin(
        async (client) =>
          (
            await client.query(`SELECT seq FROM ${schema}.participants WHERE id = $1`, [
              invited.participant.id,
            ])
          ).rows[0].seq,
      );
      expect(Number(newSeq)).toBe(Number(copiedSeqs) + 1);
      const version = await metadata.addVersion({
        meetingId: first,
        kind: 'auto',
        writers: [],
        snapshot: new Uint8Array([0]),
        at: new Date().toISOString(),
      });
      expect(version).toBe(Math.max(...copiedVersions.map((v) => v.id)) + 1);

      // The first meeting's log was compacted away entirely: a new update must still come after it.
      const stored = await documents.load(first);
      expect(stored.updates).toEqual([]);
      await sync.changeDocument(first, (doc) =>
        doc.getXmlFragment('dialogue').push([new Y.XmlText('Written after the move.')]),
      );
      const reloaded = await documents.load(first);
      expect(reloaded.updates).toHaveLength(1);
      expect(reloaded.lastSeq).toBeGreaterThan(
        Math.max(stored.lastSeq, (await documents.load(second)).lastSeq),
      );
    } finally {
      await sync.close();
      await metadata.close();
      await documents.close();
    }
  });

  it('[SP4] refuses a target that holds any Polyphony data, and leaves it as it was', async () => {
    seeded ??= await seedDeployment();
    const schema = await migratedSchema();
    // Only a stray document update: that is data too.
    await withAdmin((client) =>
      client.query(`INSERT INTO ${schema}.doc_updates (doc_id, data) VALUES ('x', '\\x00')`),
    );
    const before = await fingerprint(schema);
    await expect(migrateToPostgres({ dataDir: seeded.dataDir, databaseUrl: url, schema })).rejects.toThrow(
      new MigrationRefused(
        'the target already holds Polyphony data (in doc_updates); copy only into an empty database or a new DATABASE_SCHEMA',
      ),
    );
    expect(await fingerprint(schema)).toEqual(before);
  });

  it('[SP5] refuses while a server has the SQLite file open, and creates nothing', async () => {
    seeded ??= await seedDeployment();
    const schema = schemaName();
    const held: SqliteDatabase = openDatabase(seeded.dataDir);
    try {
      held.prepare('SELECT COUNT(*) FROM networks').get();
      const attempt = migrateToPostgres({ dataDir: seeded.dataDir, databaseUrl: url, schema });
      await expect(attempt).rejects.toBeInstanceOf(MigrationRefused);
      await expect(attempt).rejects.toThrow(/is in use: stop the Polyphony server/);
    } finally {
      held.close();
    }
    expect(await fingerprint(schema)).toBeNull();
    // Once it is closed, the copy goes ahead.
    await expect(
      migrateToPostgres({ dataDir: seeded.dataDir, databaseUrl: url, schema }),
    ).resolves.toMatchObject({
      documents: 3,
    });
  });

  it('[SP6] a row PostgreSQL refuses fails the copy part-way, and nothing at all is written', async () => {
    const dataDir = tempDir();
    const db = openDatabase(dataDir);
    const store = new SqliteMetadataStore(db);
    const now = new Date().toISOString();
    const link = {
      id: 'l',
      networkId: 'n',
      participantId: 'p',
      createdAt: now,
      expiresAt: now,
      revokedAt: null,
    };
    await store.startNetwork({
      network: { id: 'n', centreName: 'Anna', createdAt: now },
      meeting: { id: 'm', title: 'First' },
      people: [
        {
          participant: {
            id: 'p',
            networkId: 'n',
            name: 'Maria',
            relation: '',
            role: 'professional',
            createdAt: now,
            lastSeenAt: null,
          },
          link: { record: link, tokenHash: 'h' },
        },
      ],
    });
    // An attendance row of someone who is not there, as a file written without foreign keys may hold.
    db.pragma('foreign_keys = OFF');
    db.prepare("INSERT INTO meeting_attendance VALUES ('m', 'nobody', ?)").run(now);
    db.close();
    const schema = schemaName();
    const attempt = migrateToPostgres({ dataDir, databaseUrl: url, schema });
    await expect(attempt).rejects.toBeInstanceOf(MigrationFailed);
    await expect(attempt).rejects.toThrow(
      /^copying meeting_attendance failed: .*foreign key.*; nothing was written$/,
    );
    // Not even the tables: they were created in the same transaction.
    expect(await fingerprint(schema)).toBeNull();
  });

  it('[SP7] a copy that does not read back the same is rolled back: a target that drops a document update', async () => {
    seeded ??= await seedDeployment();
    const schema = await migratedSchema();
    await withAdmin((client) =>
      client.query(`
        CREATE FUNCTION ${schema}.lose_one() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN IF NEW.doc_id = '${seeded.meetingIds[1]}' THEN RETURN NULL; END IF; RETURN NEW; END $$;
        CREATE TRIGGER lose_one BEFORE INSERT ON ${schema}.doc_updates FOR EACH ROW EXECUTE FUNCTION ${schema}.lose_one();`),
    );
    const before = await fingerprint(schema);
    const attempt = migrateToPostgres({ dataDir: seeded.dataDir, databaseUrl: url, schema });
    await expect(attempt).rejects.toBeInstanceOf(MigrationFailed);
    await expect(attempt).rejects.toThrow('doc_updates: 1 rows in SQLite, 0 in PostgreSQL');
    await expect(attempt).rejects.toThrow(`meeting document ${seeded.meetingIds[1]}: last update`);
    expect(await fingerprint(schema)).toEqual(before);
  });

  it('[SP11] a copy that does not read back the same is rolled back: a target that drops a snapshot’s state vector', async () => {
    seeded ??= await seedDeployment();
    const schema = await migratedSchema();
    await withAdmin((client) =>
      client.query(`
        CREATE FUNCTION ${schema}.lose_vector() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN NEW.state_vector = NULL; RETURN NEW; END $$;
        CREATE TRIGGER lose_vector BEFORE INSERT ON ${schema}.doc_snapshots FOR EACH ROW EXECUTE FUNCTION ${schema}.lose_vector();`),
    );
    const before = await fingerprint(schema);
    const attempt = migrateToPostgres({ dataDir: seeded.dataDir, databaseUrl: url, schema });
    await expect(attempt).rejects.toBeInstanceOf(MigrationFailed);
    await expect(attempt).rejects.toThrow(/doc_snapshots: the row doc_id=.* differs in state_vector/);
    expect(await fingerprint(schema)).toEqual(before);
  });

  it('[SP8] refuses a file it cannot copy whole: a table it does not know, a value PostgreSQL would change, another version', async () => {
    const schema = schemaName();
    const attempt = (dataDir: string) => migrateToPostgres({ dataDir, databaseUrl: url, schema });

    const withFile = (change: (db: SqliteDatabase) => void) => {
      const dataDir = tempDir();
      const db = openDatabase(dataDir);
      change(db);
      db.close();
      return dataDir;
    };
    const extraTable = withFile((db) => db.exec('CREATE TABLE notes (text TEXT)'));
    await expect(attempt(extraTable)).rejects.toThrow(
      new MigrationRefused(
        `${extraTable}/polyphony.sqlite has a table "notes" this command does not know how to copy`,
      ),
    );

    const oddTime = withFile((db) =>
      db.exec(
        "INSERT INTO networks (id, centre_name, created_at) VALUES ('n', 'Anna', '2030-03-01 09:00:00')",
      ),
    );
    await expect(attempt(oddTime)).rejects.toThrow(
      /^copying networks failed: networks.created_at of the row id=n is "2030-03-01 09:00:00", not a time as the server writes it/,
    );

    const newer = withFile((db) => db.pragma('user_version = 99'));
    await expect(attempt(newer)).rejects.toThrow(/is from a newer Polyphony \(schema 99/);
    expect(await fingerprint(schema)).toBeNull();
  });

  it('[SP9] uses the stores’ own schema steps: the target ends at their versions', async () => {
    const dataDir = tempDir();
    openDatabase(dataDir).close();
    const schema = schemaName();
    await migrateToPostgres({ dataDir, databaseUrl: url, schema });
    const versions = await withAdmin(
      async (client) =>
        (await client.query(`SELECT component, version FROM ${schema}.schema_versions ORDER BY 1`)).rows,
    );
    expect(versions).toEqual([
      { component: 'documents', version: DOCUMENTS_SCHEMA.steps.length },
      { component: 'metadata', version: METADATA_SCHEMA.steps.length },
    ]);
  });

  it('[SP10] copies what a killed server left committed only in the WAL file', async () => {
    const running = tempDir();
    const db = openDatabase(running);
    db.pragma('wal_autocheckpoint = 0');
    const now = new Date().toISOString();
    for (const id of ['a', 'b', 'c'])
      db.prepare('INSERT INTO networks (id, centre_name, created_at) VALUES (?, ?, ?)').run(id, 'Anna', now);
    // The files as a SIGKILL leaves them: the rows are in the WAL, not yet in the database file.
    const crashed = tempDir();
    for (const name of ['polyphony.sqlite', 'polyphony.sqlite-wal']) {
      fs.copyFileSync(path.join(running, name), path.join(crashed, name));
    }
    db.close();
    expect(fs.statSync(path.join(crashed, 'polyphony.sqlite-wal')).size).toBeGreaterThan(0);
    const summary = await migrateToPostgres({ dataDir: crashed, databaseUrl: url, schema: schemaName() });
    expect(summary.rows.networks).toBe(3);
  });
});
