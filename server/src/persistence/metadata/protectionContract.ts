/**
 * The data-protection part of the MetadataStore contract (contract.ts runs it for SQLite and
 * PostgreSQL): sessions that end, erasure that leaves no row behind, retention. Rule ids [DP1] … are
 * carried in the test names.
 */
import type { Role } from '@polyphony/shared';
import { describe, expect, it } from 'vitest';
import { hashToken, newId, newToken } from '../../auth/tokens.js';
import type { ErasureInput } from './protection.js';
import type { MetadataStore, NetworkRecord, NewLink, ParticipantRecord } from './types.js';

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date('2030-05-01T09:00:00.000Z');
const at = (offsetMs = 0) => new Date(T0.getTime() + offsetMs).toISOString();

function person(networkId: string, name: string, role: Role = 'network_member'): ParticipantRecord {
  return { id: newId(), networkId, name, relation: 'aunt', role, createdAt: at(), lastSeenAt: null };
}

function link(p: ParticipantRecord): NewLink {
  return {
    tokenHash: hashToken(newToken()),
    record: {
      id: newId(),
      networkId: p.networkId,
      participantId: p.id,
      createdAt: at(),
      expiresAt: at(30 * DAY),
      revokedAt: null,
    },
  };
}

/** A network of Maria (professional), Eeva and Jussi, with two meetings, versions and sessions. */
async function busyNetwork(store: MetadataStore, centreName = 'Anna') {
  const network: NetworkRecord = { id: newId(), centreName, createdAt: at() };
  const people = [
    person(network.id, 'Maria', 'professional'),
    person(network.id, 'Eeva'),
    person(network.id, 'Jussi'),
  ];
  const links = people.map(link);
  const first = await store.startNetwork({
    network,
    meeting: { id: newId(), title: 'First' },
    people: people.map((participant, n) => ({ participant, link: links[n] as NewLink })),
  });
  const [maria, eeva, jussi] = people as [ParticipantRecord, ParticipantRecord, ParticipantRecord];
  const second = await store.startMeeting({
    id: newId(),
    networkId: network.id,
    title: 'Second',
    at: at(1000),
    actorId: maria.id,
  });
  const sessions: string[] = [];
  for (const [n, l] of links.entries()) {
    const hash = hashToken(newToken());
    await store.createSession(hash, at(n));
    await store.join(hash, l.record);
    sessions.push(hash);
  }
  for (const meeting of [first, second]) {
    await store.recordAttendance(meeting.id, eeva.id, at(2000));
    await store.addVersion({
      meetingId: meeting.id,
      kind: 'auto',
      writers: [
        { id: eeva.id, name: 'Eeva' },
        { id: maria.id, name: 'Maria' },
      ],
      snapshot: new Uint8Array([1, 2, 3]),
      at: at(3000),
    });
    await store.setLastSeen(eeva.id, meeting.id, { stateVector: new Uint8Array([0]), seenAt: at(4000) });
  }
  await store.recordActivity({ networkId: network.id, kind: 'joined', actorId: eeva.id, at: at(5000) });
  await store.recordActivity({
    networkId: network.id,
    kind: 'viewed',
    actorId: jussi.id,
    meetingId: second.id,
    at: at(6000),
  });
  return { network, meetings: [first, second], maria, eeva, jussi, links, sessions };
}

const byMember = (actorId: string | null): ErasureInput => ({
  at: at(DAY),
  by: actorId ? 'member' : 'operator',
  actorId,
  actorRole: actorId ? 'professional' : null,
});

/** Run the data-protection contract; `store()` is the store the surrounding contract opened. */
export function protectionContract(store: () => MetadataStore): void {
  describe('data protection', () => {
    it('[DP1] a session remembers when it began and was last used; touching it moves only the second', async () => {
      const s = store();
      const hash = hashToken(newToken());
      await s.createSession(hash, at());
      expect(await s.findSession(hash)).toEqual({ tokenHash: hash, createdAt: at(), activeAt: at() });
      await s.touchSession(hash, at(60_000));
      expect(await s.findSession(hash)).toEqual({ tokenHash: hash, createdAt: at(), activeAt: at(60_000) });
      const other = hashToken(newToken());
      expect((await s.findSessions([hash, other, hashToken('x')])).map((r) => r.tokenHash)).toEqual([hash]);
    });

    it('[DP2] ending a session deletes it and its memberships', async () => {
      const s = store();
      const { network, sessions } = await busyNetwork(s);
      const eevaSession = sessions[1] as string;
      await s.endSession(eevaSession);
      expect(await s.findSession(eevaSession)).toBeUndefined();
      expect(await s.memberships(eevaSession, new Date(at(1000)))).toEqual([]);
      expect(await s.membership(eevaSession, network.id, new Date(at(1000)))).toBeUndefined();
      // Others are untouched.
      expect(await s.membership(sessions[0] as string, network.id, new Date(at(1000)))).toBeDefined();
    });

    it('[DP3] a fresh session value takes over a valid session’s memberships, and the old value stops existing', async () => {
      const s = store();
      const a = await busyNetwork(s, 'Anna');
      const b = await busyNetwork(s, 'Ben');
      const old = a.sessions[0] as string;
      await s.join(old, b.links[0]!.record);
      const fresh = hashToken(newToken());
      await s.renewSession({ from: old, to: fresh, at: at(10_000), carry: true });
      expect(await s.findSession(old)).toBeUndefined();
      expect(await s.memberships(old, new Date(at(10_000)))).toEqual([]);
      expect(await s.findSession(fresh)).toMatchObject({ createdAt: at(10_000), activeAt: at(10_000) });
      expect((await s.memberships(fresh, new Date(at(10_000)))).map((m) => m.networkId).sort()).toEqual(
        [a.network.id, b.network.id].sort(),
      );
      // Without carrying (the old session had ended), the new one starts empty and the old one goes.
      const third = hashToken(newToken());
      await s.renewSession({ from: fresh, to: third, at: at(20_000), carry: false });
      expect(await s.findSession(fresh)).toBeUndefined();
      expect(await s.memberships(third, new Date(at(20_000)))).toEqual([]);
      // A planted value that was never a session is simply not carried.
      const fourth = hashToken(newToken());
      await s.renewSession({ from: hashToken('planted'), to: fourth, at: at(30_000), carry: false });
      expect(await s.findSession(fourth)).toBeDefined();
    });

    it('[DP4] a revoked membership is still known as revoked, and old sessions are purged', async () => {
      const s = store();
      const { network, eeva, sessions } = await busyNetwork(s);
      await s.revoke({ networkId: network.id, participantId: eeva.id, actorId: null, at: at(7000) });
      expect(await s.membership(sessions[1] as string, network.id, new Date(at(8000)))).toBeUndefined();
      expect((await s.sessionInvitation(sessions[1] as string, network.id))?.revokedAt).toBe(at(7000));
      expect(await s.sessionInvitation(hashToken('none'), network.id)).toBeUndefined();
      // Sessions begun before the first cut-off, or last used before the second, are purged.
      await s.touchSession(sessions[2] as string, at(DAY));
      const purged = await s.purgeSessions(new Date(at(1)), new Date(at(2)));
      expect(purged).toBe(2);
      expect(await s.findSession(sessions[0] as string)).toBeUndefined();
      expect(await s.findSession(sessions[1] as string)).toBeUndefined();
      expect(await s.findSession(sessions[2] as string)).toBeDefined();
    });

    it('[DP5] erasing a network leaves no row of it, only a record without names; others are untouched', async () => {
      const s = store();
      const a = await busyNetwork(s, 'Anna');
      const b = await busyNetwork(s, 'Ben');
      const counts = await s.erasureCounts({ kind: 'network', networkId: a.network.id });
      expect(counts).toEqual({ versions: 2, activityEntries: 7, links: 3, sessions: 3 });
      const record = await s.eraseNetwork(a.network.id, byMember(a.maria.id));
      expect(record).toMatchObject({
        kind: 'network',
        networkId: a.network.id,
        meetingId: null,
        participantId: null,
        by: 'member',
        actorId: a.maria.id,
        actorRole: 'professional',
        meetingIds: a.meetings.map((m) => m.id),
        doneAt: null,
      });
      expect(JSON.stringify(record)).not.toMatch(/Anna|Maria|Eeva|Jussi|aunt|First|Second/);
      expect(await s.findNetwork(a.network.id)).toBeUndefined();
      expect(await s.listParticipants(a.network.id)).toEqual([]);
      expect(await s.listMeetings(a.network.id)).toEqual([]);
      expect(await s.listActivity(a.network.id)).toEqual([]);
      for (const meeting of a.meetings) {
        expect(await s.findMeeting(meeting.id)).toBeUndefined();
        expect(await s.listVersions(meeting.id)).toEqual([]);
        expect(await s.attendees(meeting.id)).toEqual([]);
        expect(await s.lastSeen(a.eeva.id, meeting.id)).toBeUndefined();
      }
      for (const l of a.links) expect(await s.findInvitationByTokenHash(l.tokenHash)).toBeUndefined();
      // Sessions that held only this network are gone.
      for (const hash of a.sessions) expect(await s.findSession(hash)).toBeUndefined();
      expect(await s.listNetworks()).toEqual([b.network]);
      expect((await s.listActivity(b.network.id)).length).toBe(7);
      expect(await s.eraseNetwork(a.network.id, byMember(null))).toBeUndefined();
      expect((await s.unfinishedErasures()).map((e) => e.id)).toEqual([record!.id]);
      await s.finishErasure(record!.id, at(DAY + 1000), []);
      expect(await s.unfinishedErasures()).toEqual([]);
      expect((await s.listErasures())[0]).toMatchObject({ id: record!.id, doneAt: at(DAY + 1000) });
      expect(await s.erasuresAfter(record!.id - 1)).toHaveLength(1);
      expect(await s.erasuresAfter(record!.id)).toEqual([]);
    });

    it('[DP6] a session in two networks keeps the other when one is erased', async () => {
      const s = store();
      const a = await busyNetwork(s, 'Anna');
      const b = await busyNetwork(s, 'Ben');
      const shared = a.sessions[0] as string;
      await s.join(shared, b.links[0]!.record);
      await s.eraseNetwork(a.network.id, byMember(null));
      expect(await s.findSession(shared)).toBeDefined();
      expect((await s.memberships(shared, new Date(at(1000)))).map((m) => m.networkId)).toEqual([
        b.network.id,
      ]);
    });

    it('[DP7] erasing a meeting takes its rows and logs it; the network and other meetings stay', async () => {
      const s = store();
      const { network, meetings, maria, eeva } = await busyNetwork(s);
      const [first, second] = meetings as [(typeof meetings)[0], (typeof meetings)[0]];
      expect(await s.erasureCounts({ kind: 'meeting', meetingId: second.id })).toEqual({
        versions: 1,
        activityEntries: 2,
        links: 0,
        sessions: 0,
      });
      const record = await s.eraseMeeting(second.id, byMember(maria.id));
      expect(record).toMatchObject({ kind: 'meeting', networkId: network.id, meetingIds: [second.id] });
      expect(await s.findMeeting(second.id)).toBeUndefined();
      expect(await s.listVersions(second.id)).toEqual([]);
      expect(await s.lastSeen(eeva.id, second.id)).toBeUndefined();
      expect((await s.listMeetings(network.id)).map((m) => m.id)).toEqual([first.id]);
      expect(await s.listVersions(first.id)).toHaveLength(1);
      const log = await s.listActivity(network.id);
      expect(log[0]).toMatchObject({
        kind: 'meeting_erased',
        actor: { name: 'Maria' },
        meetingId: second.id,
      });
    });

    it('[DP8] erasing a person takes their name, links, sessions and visits everywhere; the log keeps no id of them', async () => {
      const s = store();
      const { network, meetings, maria, eeva, links, sessions } = await busyNetwork(s);
      expect(await s.erasureCounts({ kind: 'person', participantId: eeva.id })).toEqual({
        versions: 0,
        activityEntries: 2,
        links: 1,
        sessions: 1,
      });
      const record = await s.erasePerson(eeva.id, { ...byMember(maria.id), words: 'anonymise' });
      expect(record).toMatchObject({
        kind: 'person',
        participantId: eeva.id,
        words: 'anonymise',
        meetingIds: meetings.map((m) => m.id),
      });
      expect(await s.findParticipant(eeva.id)).toBeUndefined();
      expect((await s.listParticipants(network.id)).map((p) => p.name)).toEqual(['Maria', 'Jussi']);
      expect(await s.findInvitationByTokenHash(links[1]!.tokenHash)).toBeUndefined();
      expect(await s.findSession(sessions[1] as string)).toBeUndefined();
      for (const meeting of meetings) {
        expect(await s.attendees(meeting.id)).toEqual([]);
        expect(await s.lastSeen(eeva.id, meeting.id)).toBeUndefined();
        expect((await s.listVersions(meeting.id))[0]?.writers).toEqual([{ id: maria.id, name: 'Maria' }]);
      }
      const log = await s.listActivity(network.id);
      expect(JSON.stringify(log)).not.toContain(eeva.id);
      expect(JSON.stringify(log)).not.toContain('Eeva');
      expect(log[0]).toMatchObject({ kind: 'person_erased', actor: { name: 'Maria' }, subject: null });
      // The invitation of Eeva by Maria stays in the log, without her.
      expect(log.some((e) => e.kind === 'invited' && e.subject === null)).toBe(true);
    });

    it('[DP12] after an erasure no table holds the erased ids, except the erasure’s own record', async () => {
      const s = store();
      const a = await busyNetwork(s, 'Anna');
      const b = await busyNetwork(s, 'Ben');
      const [first] = a.meetings as [(typeof a.meetings)[0]];
      // Eeva shows the "ask to join" code and lets Kalle in; Jussi asks for a new link and Eeva answers it.
      const code = { id: newId(), code: newToken(), meetingId: first.id, networkId: a.network.id };
      await s.openAdmission({ code: { ...code, openedBy: a.eeva.id, openedAt: at(7000), closedAt: null } });
      const request = {
        id: newId(),
        codeId: code.id,
        meetingId: first.id,
        networkId: a.network.id,
        name: 'Kalle',
        relation: 'neighbour',
        askedAt: at(7100),
        decision: null,
        decidedBy: null,
        decidedAt: null,
        participantId: null,
      };
      await s.askToJoin({ request, tokenHash: hashToken(newToken()), maxWaiting: 20 });
      const kalle = person(a.network.id, 'Kalle');
      await s.admit({
        requestId: request.id,
        participant: kalle,
        link: link(kalle),
        actorId: a.eeva.id,
        at: at(7200),
      });
      await s.requestLink({ id: newId(), networkId: a.network.id, participantId: a.jussi.id, at: at(7300) });
      await s.reissue({ networkId: a.network.id, link: link(a.jussi), actorId: a.eeva.id });
      const otherIds = [b.network.id, b.eeva.id, ...b.meetings.map((m) => m.id)];

      const eeva = await s.erasePerson(a.eeva.id, { ...byMember(a.maria.id), words: 'remove' });
      expect(await s.whereHeld(a.eeva.id)).toEqual(['erasures.participant_id']);
      // Kalle, whom she let in, stays, and the log says he was admitted, by no one named.
      expect((await s.listParticipants(a.network.id)).map((p) => p.name)).toContain('Kalle');
      await s.eraseMeeting(first.id, byMember(a.maria.id));
      expect(await s.whereHeld(first.id)).toEqual(expect.arrayContaining(['erasures.meeting_ids']));
      for (const place of await s.whereHeld(first.id)) expect(place).toMatch(/^(erasures|activity)\./);
      await s.eraseNetwork(a.network.id, byMember(null));
      for (const id of [a.network.id, a.maria.id, a.jussi.id, kalle.id, ...a.meetings.map((m) => m.id)]) {
        for (const place of await s.whereHeld(id)) expect(place, id).toMatch(/^erasures\./);
      }
      expect(eeva?.participantId).toBe(a.eeva.id);
      // The other network keeps everything it had.
      for (const id of otherIds) expect((await s.whereHeld(id)).length, id).toBeGreaterThan(1);
    });

    it('[DP9] a rewritten document and a replaced agreed state are remembered', async () => {
      const s = store();
      const { meetings, maria } = await busyNetwork(s);
      const [first, second] = meetings as [(typeof meetings)[0], (typeof meetings)[0]];
      await s.closeMeeting({
        meetingId: first.id,
        at: at(9000),
        agreedState: new Uint8Array([1]),
        actorId: maria.id,
      });
      await s.replaceAgreedState(first.id, new Uint8Array([2, 3]));
      await s.replaceAgreedState(second.id, new Uint8Array([4]));
      expect(await s.agreedState(first.id)).toEqual(new Uint8Array([2, 3]));
      // An open meeting has no agreed state to replace.
      expect(await s.agreedState(second.id)).toBeNull();
      const record = await s.erasePerson(maria.id, { ...byMember(null), words: 'remove' });
      await s.finishErasure(record!.id, at(DAY), [first.id, second.id, 'gone-meeting']);
      expect(await s.documentRewrites([first.id, second.id, 'other'])).toEqual(
        new Map([
          [first.id, at(DAY)],
          [second.id, at(DAY)],
        ]),
      );
    });

    it('[DP11] a person’s links, every one they had, oldest first', async () => {
      const s = store();
      const { network, eeva, links } = await busyNetwork(s);
      const next = link(eeva);
      next.record.createdAt = at(60_000);
      await s.reissue({ networkId: network.id, link: next, actorId: null });
      const history = await s.invitationsOf(eeva.id);
      expect(history.map((i) => i.id)).toEqual([links[1]!.record.id, next.record.id]);
      expect(history[0]?.revokedAt).toBe(at(60_000));
      expect(history[1]?.revokedAt).toBeNull();
      expect(await s.invitationsOf('nobody')).toEqual([]);
    });

    it('[DP10] retention: a network’s last activity is its newest log entry or visit; inactive ones are listed', async () => {
      const s = store();
      const quiet = await busyNetwork(s, 'Quiet');
      const busy = await busyNetwork(s, 'Busy');
      expect(await s.lastActivity(quiet.network.id)).toBe(at(6000));
      await s.touch(busy.eeva.id, at(100 * DAY));
      expect(await s.lastActivity(busy.network.id)).toBe(at(100 * DAY));
      await s.recordActivity({ networkId: busy.network.id, kind: 'joined', at: at(200 * DAY) });
      expect(await s.lastActivity(busy.network.id)).toBe(at(200 * DAY));
      expect(await s.lastActivity('nothing')).toBeUndefined();
      const inactive = await s.inactiveNetworks(new Date(at(50 * DAY)));
      expect(inactive).toEqual([{ network: quiet.network, lastActivityAt: at(6000) }]);
      expect((await s.inactiveNetworks(new Date(at(300 * DAY)))).map((n) => n.network.centreName)).toEqual([
        'Quiet',
        'Busy',
      ]);
    });
  });
}
