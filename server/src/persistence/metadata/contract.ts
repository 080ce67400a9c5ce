/**
 * The contract every MetadataStore must keep, in what people and operators would notice. SQLite runs it
 * in sqlite.test.ts, PostgreSQL in postgres.test.ts. Rule ids ([MS1] …) are carried in the test names.
 */
import type { Role } from '@polyphony/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashToken, newId, newToken } from '../../auth/tokens.js';
import { admissionContract } from './admissionContract.js';
import { protectionContract } from './protectionContract.js';
import { teamsContract } from './teamsContract.js';
import type { MetadataStore, NetworkRecord, NewLink, ParticipantRecord } from './types.js';

/** How the contract gets stores: `open` may be called again (also while one is open) on the same data. */
export interface MetadataHarness {
  open(): Promise<MetadataStore>;
  /** Close what the harness opened and remove everything it created. */
  cleanup(): Promise<void>;
}

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date('2030-03-01T09:00:00.000Z');
const at = (offsetMs = 0) => new Date(T0.getTime() + offsetMs);

function personIn(
  networkId: string,
  name: string,
  role: Role = 'network_member',
  when = T0,
): ParticipantRecord {
  return {
    id: newId(),
    networkId,
    name,
    relation: '',
    role,
    createdAt: when.toISOString(),
    lastSeenAt: null,
  };
}

function linkFor(person: ParticipantRecord, when = T0, lifetimeMs = 30 * DAY): NewLink & { token: string } {
  const token = newToken();
  return {
    token,
    tokenHash: hashToken(token),
    record: {
      id: newId(),
      networkId: person.networkId,
      participantId: person.id,
      createdAt: when.toISOString(),
      expiresAt: new Date(when.getTime() + lifetimeMs).toISOString(),
      revokedAt: null,
    },
  };
}

/** A network as the start page makes it: Maria (professional) starts it with the others. */
async function startNetwork(store: MetadataStore, others: { name: string; role?: Role }[] = []) {
  const network: NetworkRecord = { id: newId(), centreName: 'Anna', createdAt: T0.toISOString() };
  const people = [{ name: 'Maria', role: 'professional' as Role }, ...others].map(({ name, role }) => {
    const participant = personIn(network.id, name, role);
    return { participant, link: linkFor(participant) };
  });
  const meeting = await store.startNetwork({
    network,
    meeting: { id: newId(), title: 'Meeting with Anna' },
    people,
  });
  return { network, meeting, people, maria: people[0] as (typeof people)[number] };
}

/** A browser session that opened a link. */
async function sessionWith(store: MetadataStore, link: NewLink): Promise<string> {
  const sessionHash = hashToken(newToken());
  await store.createSession(sessionHash, T0.toISOString());
  await store.join(sessionHash, link.record);
  return sessionHash;
}

/** Run the MetadataStore contract against an implementation. */
export function metadataStoreContract(name: string, makeHarness: () => MetadataHarness): void {
  describe(`MetadataStore contract: ${name}`, () => {
    let harness: MetadataHarness;
    let store: MetadataStore;

    beforeEach(async () => {
      harness = makeHarness();
      store = await harness.open();
    });
    afterEach(async () => {
      await store.close();
      await harness.cleanup();
    });

    it('[MS1] starting a network stores it, meeting 1, everyone in order with a working link, and the log', async () => {
      const { network, meeting, people } = await startNetwork(store, [
        { name: 'Anna', role: 'person_at_centre' },
        { name: 'Eeva' },
      ]);
      expect(await store.findNetwork(network.id)).toEqual(network);
      expect(meeting).toMatchObject({
        networkId: network.id,
        number: 1,
        title: 'Meeting with Anna',
        closedAt: null,
      });
      expect(await store.listMeetings(network.id)).toEqual([meeting]);
      expect(await store.listParticipants(network.id)).toEqual(people.map((p) => p.participant));
      const latest = await store.latestInvitations(network.id);
      expect(latest.size).toBe(people.length);
      for (const { link } of people) {
        expect(await store.findInvitationByTokenHash(link.tokenHash)).toEqual(link.record);
        expect(await store.latestInvitation(link.record.participantId)).toEqual(link.record);
        expect(latest.get(link.record.participantId)).toEqual(link.record);
      }
      const log = (await store.listActivity(network.id)).reverse();
      expect(log.map((entry) => [entry.kind, entry.actor?.name, entry.subject?.name ?? null])).toEqual([
        ['network_started', 'Maria', null],
        ['meeting_started', 'Maria', null],
        ['invited', 'Maria', 'Anna'],
        ['invited', 'Maria', 'Eeva'],
      ]);
      expect(log[1]?.meetingId).toBe(meeting.id);
    });

    it('[MS2] starting a network is all or nothing: a failing row leaves no network, person, link or log', async () => {
      const network: NetworkRecord = { id: newId(), centreName: 'Anna', createdAt: T0.toISOString() };
      const maria = personIn(network.id, 'Maria', 'professional');
      const eeva = personIn(network.id, 'Eeva');
      const mariaLink = linkFor(maria);
      // Eeva's link collides with Maria's token hash: the last row written fails.
      const eevaLink = { ...linkFor(eeva), tokenHash: mariaLink.tokenHash };
      await expect(
        store.startNetwork({
          network,
          meeting: { id: newId(), title: 'Meeting with Anna' },
          people: [
            { participant: maria, link: mariaLink },
            { participant: eeva, link: eevaLink },
          ],
        }),
      ).rejects.toThrow();
      expect(await store.findNetwork(network.id)).toBeUndefined();
      expect(await store.listNetworks()).toEqual([]);
      expect(await store.findParticipant(maria.id)).toBeUndefined();
      expect(await store.listMeetings(network.id)).toEqual([]);
      expect(await store.findInvitationByTokenHash(mariaLink.tokenHash)).toBeUndefined();
      expect(await store.listActivity(network.id)).toEqual([]);
      // The same network can then be started for real.
      await store.startNetwork({
        network,
        meeting: { id: newId(), title: 'Meeting with Anna' },
        people: [{ participant: maria, link: mariaLink }],
      });
      expect((await store.listParticipants(network.id)).map((p) => p.name)).toEqual(['Maria']);
    });

    it('[MS3] meetings are numbered 1, 2, 3 in their network, each with its log entry', async () => {
      const { network, maria } = await startNetwork(store);
      const other = await startNetwork(store);
      for (let n = 0; n < 2; n++) {
        await store.startMeeting({
          id: newId(),
          networkId: network.id,
          title: `Meeting ${n + 2}`,
          at: at(n + 1).toISOString(),
          actorId: maria.participant.id,
        });
      }
      expect((await store.listMeetings(network.id)).map((m) => [m.number, m.title])).toEqual([
        [1, 'Meeting with Anna'],
        [2, 'Meeting 2'],
        [3, 'Meeting 3'],
      ]);
      // Another network counts its own meetings.
      expect((await store.listMeetings(other.network.id)).map((m) => m.number)).toEqual([1]);
      const started = (await store.listActivity(network.id)).filter((e) => e.kind === 'meeting_started');
      expect(started).toHaveLength(3);
    });

    it('[MS4] two instances starting meetings of one network at once get distinct numbers without gaps', async () => {
      const { network, maria } = await startNetwork(store);
      const second = await harness.open();
      try {
        const starts = Array.from({ length: 16 }, (_, n) =>
          (n % 2 === 0 ? store : second).startMeeting({
            id: newId(),
            networkId: network.id,
            title: `Meeting ${n}`,
            at: at(n).toISOString(),
            actorId: maria.participant.id,
          }),
        );
        const numbers = (await Promise.all(starts)).map((m) => m.number).sort((x, y) => x - y);
        expect(numbers).toEqual(Array.from({ length: 16 }, (_, n) => n + 2));
        expect((await second.listMeetings(network.id)).map((m) => m.number)).toEqual(
          Array.from({ length: 17 }, (_, n) => n + 1),
        );
      } finally {
        await second.close();
      }
    });

    it('[MS5] closing keeps the agreed state byte for byte, once; closing again changes nothing', async () => {
      const { network, meeting, maria } = await startNetwork(store);
      const agreed = new Uint8Array([0, 1, 2, 250, 255, 0, 7]);
      const closedAt = at(60_000).toISOString();
      expect(await store.agreedState(meeting.id)).toBeNull();
      expect(
        await store.closeMeeting({
          meetingId: meeting.id,
          at: closedAt,
          agreedState: agreed,
          actorId: maria.participant.id,
        }),
      ).toBe(true);
      expect(
        await store.closeMeeting({
          meetingId: meeting.id,
          at: at(120_000).toISOString(),
          agreedState: new Uint8Array([9]),
          actorId: maria.participant.id,
        }),
      ).toBe(false);
      expect(await store.agreedState(meeting.id)).toEqual(agreed);
      expect((await store.findMeeting(meeting.id))?.closedAt).toBe(closedAt);
      const closings = (await store.listActivity(network.id)).filter((e) => e.kind === 'meeting_closed');
      expect(closings).toHaveLength(1);
    });

    it("[MS6] a revoked link's session loses its membership; revoking is logged and returns the links", async () => {
      const { network, people } = await startNetwork(store, [{ name: 'Eeva' }]);
      const eeva = people[1] as (typeof people)[number];
      const session = await sessionWith(store, eeva.link);
      expect((await store.membership(session, network.id, at(1000)))?.participantId).toBe(
        eeva.participant.id,
      );
      const revoked = await store.revoke({
        networkId: network.id,
        participantId: eeva.participant.id,
        actorId: people[0]?.participant.id ?? null,
        at: at(2000).toISOString(),
      });
      expect(revoked).toEqual([eeva.link.record.id]);
      expect(await store.membership(session, network.id, at(3000))).toBeUndefined();
      expect(await store.memberships(session, at(3000))).toEqual([]);
      expect((await store.latestInvitation(eeva.participant.id))?.revokedAt).toBe(at(2000).toISOString());
      // Nothing is left to revoke.
      expect(
        await store.revoke({
          networkId: network.id,
          participantId: eeva.participant.id,
          actorId: null,
          at: at(4000).toISOString(),
        }),
      ).toEqual([]);
      const log = (await store.listActivity(network.id)).filter((e) => e.kind === 'revoked');
      expect(log.map((e) => [e.actor?.name ?? null, e.subject?.name])).toEqual([
        [null, 'Eeva'],
        ['Maria', 'Eeva'],
      ]);
    });

    it('[MS7] an expired link is not active: its session is no longer a member', async () => {
      const network: NetworkRecord = { id: newId(), centreName: 'Ben', createdAt: T0.toISOString() };
      const maria = personIn(network.id, 'Maria', 'professional');
      const link = linkFor(maria, T0, 60_000);
      await store.startNetwork({
        network,
        meeting: { id: newId(), title: 'M' },
        people: [{ participant: maria, link }],
      });
      const session = await sessionWith(store, link);
      expect(await store.membership(session, network.id, at(59_999))).toBeDefined();
      expect(await store.memberships(session, at(59_999))).toHaveLength(1);
      expect(await store.membership(session, network.id, at(60_000))).toBeUndefined();
      expect(await store.memberships(session, at(60_000))).toEqual([]);
    });

    it('[MS8] endedBetween finds links revoked or expired in (from, to] and no others', async () => {
      const network: NetworkRecord = { id: newId(), centreName: 'Ben', createdAt: T0.toISOString() };
      const maria = personIn(network.id, 'Maria', 'professional');
      const eeva = personIn(network.id, 'Eeva');
      const mariaLink = linkFor(maria, T0, 10_000);
      const eevaLink = linkFor(eeva, T0, 30 * DAY);
      await store.startNetwork({
        network,
        meeting: { id: newId(), title: 'M' },
        people: [
          { participant: maria, link: mariaLink },
          { participant: eeva, link: eevaLink },
        ],
      });
      await store.revoke({
        networkId: network.id,
        participantId: eeva.id,
        actorId: null,
        at: at(5000).toISOString(),
      });
      expect(await store.endedBetween(at(0), at(4999))).toEqual([]);
      expect(await store.endedBetween(at(4000), at(5000))).toEqual([eevaLink.record.id]);
      expect(await store.endedBetween(at(5000), at(6000))).toEqual([]);
      expect(await store.endedBetween(at(9000), at(11_000))).toEqual([mariaLink.record.id]);
      expect((await store.endedBetween(at(0), at(20_000))).sort()).toEqual(
        [mariaLink.record.id, eevaLink.record.id].sort(),
      );
    });

    it('[MS9] re-issuing revokes the old link, the new one works, and the log says so', async () => {
      const { network, people } = await startNetwork(store, [{ name: 'Eeva' }]);
      const eeva = people[1] as (typeof people)[number];
      const session = await sessionWith(store, eeva.link);
      const fresh = linkFor(eeva.participant, at(1000));
      const revoked = await store.reissue({ networkId: network.id, link: fresh, actorId: null });
      expect(revoked).toEqual([eeva.link.record.id]);
      expect(await store.membership(session, network.id, at(2000))).toBeUndefined();
      expect(await store.latestInvitation(eeva.participant.id)).toEqual(fresh.record);
      // Everyone's at once (the people list) agrees, and holds nobody from another network.
      const other = await startNetwork(store, [{ name: 'Anna' }]);
      const latest = await store.latestInvitations(network.id);
      expect([...latest.keys()].sort()).toEqual(people.map((p) => p.participant.id).sort());
      expect(latest.get(eeva.participant.id)).toEqual(fresh.record);
      expect((await store.latestInvitations(other.network.id)).size).toBe(other.people.length);
      expect((await store.findInvitation(eeva.link.record.id))?.revokedAt).toBe(at(1000).toISOString());
      await store.join(session, fresh.record);
      expect((await store.membership(session, network.id, at(2000)))?.invitation?.id).toBe(fresh.record.id);
      expect((await store.listActivity(network.id))[0]).toMatchObject({
        kind: 'link_reissued',
        subject: { name: 'Eeva' },
      });
    });

    it('[MS10] a session is known by its hash and is one person per network: the last link opened', async () => {
      const first = await startNetwork(store, [{ name: 'Eeva' }]);
      const second = await startNetwork(store);
      const unknown = hashToken(newToken());
      expect(await store.sessionExists(unknown)).toBe(false);
      expect(await store.memberships(unknown, at(1))).toEqual([]);
      const session = await sessionWith(store, first.maria.link);
      expect(await store.sessionExists(session)).toBe(true);
      await store.join(session, (first.people[1] as (typeof first.people)[number]).link.record);
      await store.join(session, second.maria.link.record);
      const mine = await store.memberships(session, at(1));
      expect(mine.map((m) => [m.networkId, m.participantId]).sort()).toEqual(
        [
          [first.network.id, first.people[1]?.participant.id],
          [second.network.id, second.maria.participant.id],
        ].sort(),
      );
    });

    it('[MS11] inviting adds the person, their link and the log entry, all or nothing', async () => {
      const { network, maria } = await startNetwork(store);
      const eeva = personIn(network.id, 'Eeva', 'network_member', at(1000));
      const link = linkFor(eeva, at(1000));
      await store.invite({ participant: eeva, link, actorId: maria.participant.id });
      expect((await store.listParticipants(network.id)).map((p) => p.name)).toEqual(['Maria', 'Eeva']);
      expect(await store.findInvitationByTokenHash(link.tokenHash)).toEqual(link.record);
      expect((await store.listActivity(network.id))[0]).toMatchObject({
        kind: 'invited',
        actor: { name: 'Maria' },
        subject: { name: 'Eeva' },
      });
      const olli = personIn(network.id, 'Olli', 'observer', at(2000));
      const clash = { ...linkFor(olli, at(2000)), tokenHash: link.tokenHash };
      await expect(
        store.invite({ participant: olli, link: clash, actorId: maria.participant.id }),
      ).rejects.toThrow();
      expect(await store.findParticipant(olli.id)).toBeUndefined();
      expect((await store.listActivity(network.id)).filter((e) => e.kind === 'invited')).toHaveLength(1);
    });

    it('[MS12] the activity log holds who, what kind and which meeting, never document text', async () => {
      const { network, meeting, maria } = await startNetwork(store, [{ name: 'Eeva' }]);
      const said = 'Anna said she has not slept for three nights';
      await store.recordActivity({
        networkId: network.id,
        kind: 'exported',
        actorId: maria.participant.id,
        meetingId: meeting.id,
        at: at(1).toISOString(),
      });
      await store.closeMeeting({
        meetingId: meeting.id,
        at: at(2).toISOString(),
        agreedState: new TextEncoder().encode(said),
        actorId: maria.participant.id,
      });
      const log = await store.listActivity(network.id);
      for (const entry of log) {
        expect(Object.keys(entry).sort()).toEqual(['actor', 'at', 'id', 'kind', 'meetingId', 'subject']);
      }
      expect(JSON.stringify(log)).not.toContain('slept');
      expect(log[0]).toMatchObject({
        kind: 'meeting_closed',
        meetingId: meeting.id,
        at: at(2).toISOString(),
      });
      // Newest first, and a limit keeps the newest.
      expect((await store.listActivity(network.id, 2)).map((e) => e.kind)).toEqual([
        'meeting_closed',
        'exported',
      ]);
    });

    it('[MS13] versions come back byte for byte with their writers, oldest first', async () => {
      const { meeting, maria } = await startNetwork(store);
      const snapshots = [new Uint8Array([1, 0, 255]), new Uint8Array(4096).map((_, i) => (i * 7) % 256)];
      const ids: number[] = [];
      for (const [n, snapshot] of snapshots.entries()) {
        ids.push(
          await store.addVersion({
            meetingId: meeting.id,
            kind: n === 0 ? 'auto' : 'closing',
            writers: [{ id: maria.participant.id, name: 'Maria' }],
            snapshot,
            at: at(n).toISOString(),
          }),
        );
      }
      expect(ids[1]).toBeGreaterThan(ids[0] as number);
      const list = await store.listVersions(meeting.id);
      expect(list).toEqual([
        {
          id: ids[0],
          takenAt: at(0).toISOString(),
          kind: 'auto',
          writers: [{ id: maria.participant.id, name: 'Maria' }],
        },
        {
          id: ids[1],
          takenAt: at(1).toISOString(),
          kind: 'closing',
          writers: [{ id: maria.participant.id, name: 'Maria' }],
        },
      ]);
      const second = await store.findVersion(ids[1] as number);
      expect(second?.meetingId).toBe(meeting.id);
      expect(Buffer.from(second?.snapshot ?? []).equals(Buffer.from(snapshots[1] as Uint8Array))).toBe(true);
      expect(await store.findVersion((ids[1] as number) + 1000)).toBeUndefined();
    });

    it('[MS14] a last-seen point is replaced, not added to, and comes back byte for byte', async () => {
      const { meeting, maria } = await startNetwork(store);
      const me = maria.participant.id;
      expect(await store.lastSeen(me, meeting.id)).toBeUndefined();
      await store.setLastSeen(me, meeting.id, {
        stateVector: new Uint8Array([1, 2]),
        seenAt: at(1).toISOString(),
      });
      await store.setLastSeen(me, meeting.id, {
        stateVector: new Uint8Array([3, 0, 4]),
        seenAt: at(2).toISOString(),
      });
      expect(await store.lastSeen(me, meeting.id)).toEqual({
        stateVector: new Uint8Array([3, 0, 4]),
        seenAt: at(2).toISOString(),
      });
    });

    it('[MS15] attendance is recorded once per person and meeting, in the order people joined (then were added); last seen is written', async () => {
      const { meeting, people } = await startNetwork(store, [{ name: 'Eeva' }]);
      const [maria, eeva] = people.map((p) => p.participant) as [ParticipantRecord, ParticipantRecord];
      expect(await store.recordAttendance(meeting.id, eeva.id, at(1).toISOString())).toBe(true);
      expect(await store.recordAttendance(meeting.id, maria.id, at(2).toISOString())).toBe(true);
      expect(await store.recordAttendance(meeting.id, eeva.id, at(3).toISOString())).toBe(false);
      expect(await store.attendees(meeting.id)).toEqual([
        { id: eeva.id, name: 'Eeva' },
        { id: maria.id, name: 'Maria' },
      ]);
      await store.touch(eeva.id, at(5000).toISOString());
      expect((await store.findParticipant(eeva.id))?.lastSeenAt).toBe(at(5000).toISOString());

      // People who join at the same moment are listed in the order they were added, whatever the store
      // (and after a move from SQLite to PostgreSQL).
      const names = ['Anna', 'Eeva', 'Olli', 'Pekka', 'Liisa'];
      const together = await startNetwork(
        store,
        names.map((name) => ({ name })),
      );
      for (const { participant } of [...together.people].reverse()) {
        await store.recordAttendance(together.meeting.id, participant.id, at(1).toISOString());
      }
      expect((await store.attendees(together.meeting.id)).map((person) => person.name)).toEqual([
        'Maria',
        ...names,
      ]);
    });

    it('[MS16] what is stored is there for another instance and after reopening', async () => {
      const { network, meeting } = await startNetwork(store);
      const other = await harness.open();
      try {
        expect(await other.findMeeting(meeting.id)).toEqual(meeting);
      } finally {
        await other.close();
      }
      await store.close();
      store = await harness.open();
      expect(await store.listNetworks()).toEqual([network]);
    });

    it('[MS17] going back to a version: the versions say who went back to which, and so does the log', async () => {
      const { network, meeting, maria } = await startNetwork(store);
      const writers = [{ id: maria.participant.id, name: 'Maria' }];
      const first = await store.addVersion({
        meetingId: meeting.id,
        kind: 'closing',
        writers,
        snapshot: new Uint8Array([1]),
        at: at(0).toISOString(),
      });
      const restoring = {
        by: { id: maria.participant.id, name: 'Maria' },
        version: { id: first, takenAt: at(0).toISOString() },
      };
      const before = await store.addVersion({
        meetingId: meeting.id,
        kind: 'before_restore',
        writers: [],
        snapshot: new Uint8Array([2]),
        at: at(1).toISOString(),
        restoring,
      });
      await store.recordActivity({
        networkId: network.id,
        kind: 'version_restored',
        actorId: maria.participant.id,
        meetingId: meeting.id,
        versionId: first,
        at: at(2).toISOString(),
      });
      const list = await store.listVersions(meeting.id);
      expect(list[0]).not.toHaveProperty('restoring');
      expect(list[1]).toEqual({
        id: before,
        takenAt: at(1).toISOString(),
        kind: 'before_restore',
        writers: [],
        restoring,
      });
      expect((await store.findVersion(before))?.restoring).toEqual(restoring);
      const [entry, older] = await store.listActivity(network.id);
      expect(entry).toMatchObject({
        kind: 'version_restored',
        actor: { id: maria.participant.id, name: 'Maria' },
        meetingId: meeting.id,
        version: { id: first, takenAt: at(0).toISOString() },
      });
      // Entries about no version say nothing of one.
      expect(older).not.toHaveProperty('version');
    });
    // Sessions that end, erasure, retention: protectionContract.ts.
    protectionContract(() => store);
    // Letting someone new in: admissionContract.ts.
    admissionContract(() => store);
    // Teams, their staff, sign-in links, link requests: teamsContract.ts.
    teamsContract(() => store);
  });
}
