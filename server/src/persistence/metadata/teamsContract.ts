/**
 * The teams part of the MetadataStore contract (contract.ts runs it for SQLite and PostgreSQL): teams,
 * their staff and members, staff sign-in links and sessions, networks of a team, relatives' link
 * requests (metadata/teams.ts). Rule ids [TM1] … are carried in the test names.
 */
import type { Role } from '@polyphony/shared';
import { describe, expect, it } from 'vitest';
import { hashToken, newId, newToken } from '../../auth/tokens.js';
import type { ErasureInput } from './protection.js';
import type { StaffRecord, TeamRecord } from './teams.js';
import type { MetadataStore, NetworkRecord, NewLink, ParticipantRecord } from './types.js';

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date('2030-06-01T09:00:00.000Z');
const at = (offsetMs = 0) => new Date(T0.getTime() + offsetMs).toISOString();

const aTeam = (name = 'Crisis team North', domains: string[] = ['pohjola.fi']): TeamRecord => ({
  id: newId(),
  name,
  createdAt: at(),
  domains,
  groups: [],
});

const aStaff = (name: string, email: string): StaffRecord => ({
  id: newId(),
  name,
  email,
  issuer: null,
  subject: null,
  createdAt: at(),
});

function person(
  networkId: string,
  name: string,
  role: Role = 'network_member',
  when = at(),
): ParticipantRecord {
  return { id: newId(), networkId, name, relation: '', role, createdAt: when, lastSeenAt: null };
}

function link(p: ParticipantRecord, when = at()): NewLink {
  return {
    tokenHash: hashToken(newToken()),
    record: {
      id: newId(),
      networkId: p.networkId,
      participantId: p.id,
      createdAt: when,
      expiresAt: new Date(Date.parse(when) + 30 * DAY).toISOString(),
      revokedAt: null,
    },
  };
}

/** A network of a team (or of none), started by Maria with Anna and Eeva. */
async function networkOf(store: MetadataStore, teamId: string | null, centreName = 'Anna', when = at()) {
  const network: NetworkRecord = {
    id: newId(),
    centreName,
    createdAt: when,
    ...(teamId ? { teamId } : {}),
  };
  const people = [
    person(network.id, 'Maria', 'professional', when),
    person(network.id, centreName, 'person_at_centre', when),
    person(network.id, 'Eeva', 'network_member', when),
  ];
  const links = people.map((p) => link(p, when));
  await store.startNetwork({
    network,
    meeting: { id: newId(), title: 'First' },
    people: people.map((participant, n) => ({ participant, link: links[n] as NewLink })),
  });
  const [maria, centre, eeva] = people as [ParticipantRecord, ParticipantRecord, ParticipantRecord];
  return { network, maria, centre, eeva, links };
}

/** Run the teams rules against the store the caller's harness opened for each test. */
export function teamsContract(getStore: () => MetadataStore): void {
  describe('teams', () => {
    it('[TM1] a team and its staff come back as stored; an e-mail is one staff member’s, found in any case', async () => {
      const store = getStore();
      const team = aTeam();
      await store.createTeam(team);
      expect(await store.findTeam(team.id)).toEqual(team);
      await store.setTeamEntry(team.id, { domains: ['pohjola.fi', 'hus.fi'], groups: ['crisis-north'] });
      expect(await store.findTeam(team.id)).toEqual({
        ...team,
        domains: ['pohjola.fi', 'hus.fi'],
        groups: ['crisis-north'],
      });
      expect(await store.listTeams()).toEqual([
        { ...team, domains: ['pohjola.fi', 'hus.fi'], groups: ['crisis-north'] },
      ]);

      const maria = aStaff('Maria', 'Maria.Virtanen@Pohjola.fi');
      await store.createStaff(maria);
      const stored = { ...maria, email: 'maria.virtanen@pohjola.fi' };
      expect(await store.findStaff(maria.id)).toEqual(stored);
      expect(await store.findStaffByEmail('MARIA.virtanen@pohjola.FI')).toEqual(stored);
      await expect(store.createStaff(aStaff('Someone else', 'maria.virtanen@POHJOLA.fi'))).rejects.toThrow();

      expect(await store.findStaffBySubject('https://idp.pohjola.fi', 'sub-1')).toBeUndefined();
      await store.bindStaffSubject(maria.id, 'https://idp.pohjola.fi', 'sub-1');
      expect(await store.findStaffBySubject('https://idp.pohjola.fi', 'sub-1')).toEqual({
        ...stored,
        issuer: 'https://idp.pohjola.fi',
        subject: 'sub-1',
      });
      // The same subject at another issuer is someone else.
      expect(await store.findStaffBySubject('https://elsewhere.example', 'sub-1')).toBeUndefined();
    });

    it('[TM2] a staff member is in a team once, as admin or member, professional or peer worker; joining again changes that', async () => {
      const store = getStore();
      const north = aTeam('North');
      const south = aTeam('South');
      await store.createTeam(north);
      await store.createTeam(south);
      const maria = aStaff('Maria', 'maria@pohjola.fi');
      const pekka = aStaff('Pekka', 'pekka@pohjola.fi');
      await store.createStaff(maria);
      await store.createStaff(pekka);
      await store.joinTeam({
        teamId: north.id,
        staffId: maria.id,
        role: 'admin',
        kind: 'professional',
        at: at(),
      });
      await store.joinTeam({
        teamId: north.id,
        staffId: pekka.id,
        role: 'member',
        kind: 'peer_worker',
        at: at(1),
      });
      await store.joinTeam({
        teamId: south.id,
        staffId: pekka.id,
        role: 'member',
        kind: 'peer_worker',
        at: at(2),
      });
      await store.joinTeam({
        teamId: north.id,
        staffId: pekka.id,
        role: 'admin',
        kind: 'peer_worker',
        at: at(3),
      });
      const members = await store.teamMembers(north.id);
      expect(members.map((m) => [m.staff.name, m.role, m.kind, m.joinedAt])).toEqual([
        ['Maria', 'admin', 'professional', at()],
        ['Pekka', 'admin', 'peer_worker', at(1)],
      ]);
      expect((await store.teamsOf(pekka.id)).map((m) => [m.teamId, m.role])).toEqual([
        [north.id, 'admin'],
        [south.id, 'member'],
      ]);
      await store.inviteToTeam({ teamId: north.id, email: 'Liisa@Hus.fi', invitedBy: maria.id, at: at() });
      await store.inviteToTeam({ teamId: north.id, email: 'liisa@hus.fi', invitedBy: pekka.id, at: at(1) });
      expect(await store.teamInvitations(north.id)).toEqual(['liisa@hus.fi']);
      expect(await store.teamInvitations(south.id)).toEqual([]);
    });

    it('[TM3] a network belongs to its team: the team lists its own networks, newest first, and no others', async () => {
      const store = getStore();
      const north = aTeam('North');
      const south = aTeam('South');
      await store.createTeam(north);
      await store.createTeam(south);
      const anna = await networkOf(store, north.id, 'Anna', at());
      const ben = await networkOf(store, north.id, 'Ben', at(1000));
      const clara = await networkOf(store, south.id, 'Clara');
      const none = await networkOf(store, null, 'Dan');
      expect((await store.teamNetworks(north.id)).map((n) => n.centreName)).toEqual(['Ben', 'Anna']);
      expect(await store.teamNetworks(south.id)).toEqual([clara.network]);
      expect(await store.findNetwork(anna.network.id)).toEqual(anna.network);
      expect((await store.findNetwork(ben.network.id))?.teamId).toBe(north.id);
      // A network started without a team says nothing of one.
      expect(await store.findNetwork(none.network.id)).not.toHaveProperty('teamId');
    });

    it('[TM4] a professional of the team who joins a network later is one of its people once, logged', async () => {
      const store = getStore();
      const team = aTeam();
      await store.createTeam(team);
      const pekka = aStaff('Pekka', 'pekka@pohjola.fi');
      await store.createStaff(pekka);
      const { network } = await networkOf(store, team.id);
      expect(await store.staffParticipant(network.id, pekka.id)).toBeUndefined();
      const first = person(network.id, 'Pekka', 'professional', at(5000));
      const added = await store.addStaffToNetwork({ participant: first, staffId: pekka.id });
      expect(added).toEqual({ ...first, staffId: pekka.id });
      const again = await store.addStaffToNetwork({
        participant: person(network.id, 'Pekka', 'professional', at(6000)),
        staffId: pekka.id,
      });
      expect(again).toEqual(added);
      expect(await store.staffParticipant(network.id, pekka.id)).toEqual(added);
      const people = await store.listParticipants(network.id);
      expect(people.map((p) => p.name)).toEqual(['Maria', 'Anna', 'Eeva', 'Pekka']);
      expect(await store.findParticipant(added.id)).toEqual(added);
      const [entry] = await store.listActivity(network.id);
      expect(entry).toMatchObject({ kind: 'joined_from_team', actor: { id: added.id, name: 'Pekka' } });
      expect(
        (await store.listActivity(network.id)).filter((e) => e.kind === 'joined_from_team'),
      ).toHaveLength(1);
    });

    it('[TM5] a staff sign-in link is kept as its hash; a new one revokes the earlier, and links can be revoked', async () => {
      const store = getStore();
      const maria = aStaff('Maria', 'maria@pohjola.fi');
      await store.createStaff(maria);
      const token = newToken();
      const first = { id: newId(), staffId: maria.id, createdAt: at(), expiresAt: at(DAY), revokedAt: null };
      await store.issueStaffLink({ record: first, tokenHash: hashToken(token) });
      expect(await store.findStaffLinkByTokenHash(hashToken(token))).toEqual(first);
      expect(await store.findStaffLinkByTokenHash(token)).toBeUndefined();

      const renewed = {
        id: newId(),
        staffId: maria.id,
        createdAt: at(1000),
        expiresAt: at(DAY + 1000),
        revokedAt: null,
      };
      const renewedHash = hashToken(newToken());
      await store.issueStaffLink({ record: renewed, tokenHash: renewedHash });
      expect((await store.findStaffLinkByTokenHash(hashToken(token)))?.revokedAt).toBe(at(1000));
      expect(await store.findStaffLinkByTokenHash(renewedHash)).toEqual(renewed);

      expect(await store.revokeStaffLinks(maria.id, at(2000))).toBe(1);
      expect((await store.findStaffLinkByTokenHash(renewedHash))?.revokedAt).toBe(at(2000));
      expect(await store.revokeStaffLinks(maria.id, at(3000))).toBe(0);
    });

    it('[TM6] a staff session is known as its staff member, keeps them when renewed, and ends as every session does', async () => {
      const store = getStore();
      const maria = aStaff('Maria', 'maria@pohjola.fi');
      await store.createStaff(maria);
      const hash = hashToken(newToken());
      await store.startStaffSession(hash, maria.id, at());
      expect(await store.sessionStaff(hash)).toEqual(maria);
      expect(await store.findSession(hash)).toEqual({ tokenHash: hash, createdAt: at(), activeAt: at() });
      expect(await store.staffSessions(maria.id)).toEqual([hash]);

      const renewed = hashToken(newToken());
      await store.renewSession({ from: hash, to: renewed, at: at(1000), carry: true });
      expect(await store.sessionStaff(hash)).toBeUndefined();
      expect(await store.sessionStaff(renewed)).toEqual(maria);

      const other = hashToken(newToken());
      await store.startStaffSession(other, maria.id, at(DAY));
      await store.endSession(renewed);
      expect(await store.sessionStaff(renewed)).toBeUndefined();
      // Idle for longer than allowed: purged with every other session.
      await store.purgeSessions(new Date(0), new Date(Date.parse(at(DAY + 1))));
      expect(await store.sessionStaff(other)).toBeUndefined();
      expect(await store.staffSessions(maria.id)).toEqual([]);
    });

    it('[TM7] leaving the team ends its access: the sessions and people to close, the links revoked once in no team', async () => {
      const store = getStore();
      const north = aTeam('North');
      const south = aTeam('South');
      await store.createTeam(north);
      await store.createTeam(south);
      const pekka = aStaff('Pekka', 'pekka@pohjola.fi');
      await store.createStaff(pekka);
      await store.joinTeam({
        teamId: north.id,
        staffId: pekka.id,
        role: 'member',
        kind: 'professional',
        at: at(),
      });
      await store.joinTeam({
        teamId: south.id,
        staffId: pekka.id,
        role: 'member',
        kind: 'professional',
        at: at(),
      });
      const anna = await networkOf(store, north.id, 'Anna');
      const clara = await networkOf(store, south.id, 'Clara');
      const inAnna = await store.addStaffToNetwork({
        participant: person(anna.network.id, 'Pekka', 'professional'),
        staffId: pekka.id,
      });
      await store.addStaffToNetwork({
        participant: person(clara.network.id, 'Pekka', 'professional'),
        staffId: pekka.id,
      });
      const session = hashToken(newToken());
      await store.startStaffSession(session, pekka.id, at());
      const linkHash = hashToken(newToken());
      await store.issueStaffLink({
        record: { id: newId(), staffId: pekka.id, createdAt: at(), expiresAt: at(DAY), revokedAt: null },
        tokenHash: linkHash,
      });

      expect(await store.leaveTeam({ teamId: north.id, staffId: pekka.id, at: at(1000) })).toEqual({
        sessionHashes: [session],
        participantIds: [inAnna.id],
        networkIds: [anna.network.id],
        people: [{ participantId: inAnna.id, networkId: anna.network.id }],
        revokedInvitations: [],
      });
      // The network's own log says that its professional left the team.
      expect((await store.listActivity(anna.network.id))[0]).toMatchObject({
        kind: 'left_team',
        actor: null,
        subject: { id: inAnna.id, name: 'Pekka' },
      });
      expect((await store.teamMembers(north.id)).map((m) => m.staff.id)).toEqual([]);
      // Still in the south team: the session and link stay, for its networks.
      expect(await store.sessionStaff(session)).toEqual(pekka);
      expect((await store.findStaffLinkByTokenHash(linkHash))?.revokedAt).toBeNull();
      expect(await store.leaveTeam({ teamId: north.id, staffId: pekka.id, at: at(1500) })).toBeUndefined();

      await store.leaveTeam({ teamId: south.id, staffId: pekka.id, at: at(2000) });
      expect(await store.sessionStaff(session)).toBeUndefined();
      expect(await store.findSession(session)).toBeUndefined();
      expect((await store.findStaffLinkByTokenHash(linkHash))?.revokedAt).toBe(at(2000));
      expect(await store.teamsOf(pekka.id)).toEqual([]);
      // Their words stay in the networks' record: the people remain, under their names.
      expect((await store.findParticipant(inAnna.id))?.name).toBe('Pekka');
    });

    it('[TM10] a departure is found by every instance: the people whose staff member left the team, until they are back', async () => {
      const store = getStore();
      const north = aTeam('North');
      await store.createTeam(north);
      const pekka = aStaff('Pekka', 'pekka@pohjola.fi');
      const maria = aStaff('Maria', 'maria@pohjola.fi');
      for (const each of [pekka, maria]) {
        await store.createStaff(each);
        await store.joinTeam({
          teamId: north.id,
          staffId: each.id,
          role: 'member',
          kind: 'professional',
          at: at(),
        });
      }
      const anna = await networkOf(store, north.id, 'Anna');
      const ben = await networkOf(store, north.id, 'Ben');
      const other = await networkOf(store, null, 'Clara');
      const inAnna = await store.addStaffToNetwork({
        participant: person(anna.network.id, 'Pekka', 'professional'),
        staffId: pekka.id,
      });
      const inBen = await store.addStaffToNetwork({
        participant: person(ben.network.id, 'Pekka', 'professional'),
        staffId: pekka.id,
      });
      await store.addStaffToNetwork({
        participant: person(anna.network.id, 'Maria', 'professional'),
        staffId: maria.id,
      });
      // A network Pekka started gave him a personal link as well: leaving ends that too.
      const pekkasLink = link(inAnna, at(1000));
      await store.reissue({ networkId: anna.network.id, link: pekkasLink, actorId: null });

      const left = await store.leaveTeam({ teamId: north.id, staffId: pekka.id, at: at(5000) });
      expect(left?.participantIds.sort()).toEqual([inAnna.id, inBen.id].sort());
      expect(left?.networkIds.sort()).toEqual([anna.network.id, ben.network.id].sort());
      // Each person with their own network, whatever the order (the route closes and logs by these).
      expect(left?.people.map((each) => `${each.participantId}@${each.networkId}`).sort()).toEqual(
        [`${inAnna.id}@${anna.network.id}`, `${inBen.id}@${ben.network.id}`].sort(),
      );
      expect(left?.revokedInvitations).toEqual([pekkasLink.record.id]);
      expect((await store.findInvitation(pekkasLink.record.id))?.revokedAt).toBe(at(5000));
      const departed = await store.departedBetween(new Date(at(4000)), new Date(at(6000)));
      expect(departed).toHaveLength(2);
      expect(departed).toEqual(
        expect.arrayContaining([
          { networkId: anna.network.id, participantId: inAnna.id },
          { networkId: ben.network.id, participantId: inBen.id },
        ]),
      );
      // Only in (from, to]; no one of another network, nor Maria who stayed.
      expect(await store.departedBetween(new Date(at(5000)), new Date(at(6000)))).toEqual([]);
      expect(await store.departedBetween(new Date(at(0)), new Date(at(4999)))).toEqual([]);
      expect(departed.some((each) => each.networkId === other.network.id)).toBe(false);
      // Back in the team: nothing of theirs to close any more, and the same people, with their history.
      await store.joinTeam({
        teamId: north.id,
        staffId: pekka.id,
        role: 'member',
        kind: 'professional',
        at: at(7000),
      });
      expect(await store.departedBetween(new Date(at(4000)), new Date(at(8000)))).toEqual([]);
      expect((await store.staffParticipant(anna.network.id, pekka.id))?.id).toBe(inAnna.id);
    });

    it('[TM8] a relative asks for a new link once until it is answered by a re-issue; all of it is in the log', async () => {
      const store = getStore();
      const team = aTeam();
      await store.createTeam(team);
      const { network, maria, eeva } = await networkOf(store, team.id);
      const other = await networkOf(store, team.id, 'Ben');
      const request = await store.requestLink({
        id: newId(),
        networkId: network.id,
        participantId: eeva.id,
        at: at(1000),
      });
      expect(request).toEqual({
        id: request.id,
        networkId: network.id,
        participantId: eeva.id,
        createdAt: at(1000),
        answeredAt: null,
        answeredBy: null,
      });
      const twice = await store.requestLink({
        id: newId(),
        networkId: network.id,
        participantId: eeva.id,
        at: at(2000),
      });
      expect(twice).toEqual(request);
      expect(await store.openLinkRequests([network.id, other.network.id])).toEqual([request]);
      expect(await store.openLinkRequests([other.network.id])).toEqual([]);

      const fresh = link(eeva, at(3000));
      await store.reissue({ networkId: network.id, link: fresh, actorId: maria.id });
      expect(await store.openLinkRequests([network.id])).toEqual([]);
      const kinds = (await store.listActivity(network.id)).map((e) => [
        e.kind,
        e.actor?.name,
        e.subject?.name,
      ]);
      expect(kinds.slice(0, 2)).toEqual([
        ['link_reissued', 'Maria', 'Eeva'],
        ['link_requested', 'Eeva', undefined],
      ]);
      // A new request after the answer is a new one.
      const later = await store.requestLink({
        id: newId(),
        networkId: network.id,
        participantId: eeva.id,
        at: at(4000),
      });
      expect(later.id).not.toBe(request.id);
      expect(await store.openLinkRequests([network.id])).toEqual([later]);
    });

    it('[TM9] erasing a person or a network takes their link requests with them', async () => {
      const store = getStore();
      const team = aTeam();
      await store.createTeam(team);
      const anna = await networkOf(store, team.id);
      const ben = await networkOf(store, team.id, 'Ben');
      await store.requestLink({
        id: newId(),
        networkId: anna.network.id,
        participantId: anna.eeva.id,
        at: at(),
      });
      await store.requestLink({
        id: newId(),
        networkId: ben.network.id,
        participantId: ben.eeva.id,
        at: at(),
      });
      await store.requestLink({
        id: newId(),
        networkId: ben.network.id,
        participantId: ben.centre.id,
        at: at(),
      });
      const by: ErasureInput = { by: 'operator', actorId: null, actorRole: null, at: at(1000) };
      expect(await store.erasePerson(ben.eeva.id, { ...by, words: 'anonymise' })).toBeDefined();
      expect((await store.openLinkRequests([ben.network.id])).map((r) => r.participantId)).toEqual([
        ben.centre.id,
      ]);
      expect(await store.eraseNetwork(anna.network.id, by)).toBeDefined();
      expect(await store.openLinkRequests([anna.network.id])).toEqual([]);
      expect(await store.teamNetworks(team.id)).toEqual([ben.network]);
    });

    it('[TM11] leaving a team is remembered until joining it again; other teams are not touched', async () => {
      const store = getStore();
      const north = aTeam('North');
      const south = aTeam('South');
      await store.createTeam(north);
      await store.createTeam(south);
      const pekka = aStaff('Pekka', 'pekka@pohjola.fi');
      await store.createStaff(pekka);
      const join = (teamId: string, when: string) =>
        store.joinTeam({ teamId, staffId: pekka.id, role: 'member', kind: 'professional', at: when });
      await join(north.id, at());
      await join(south.id, at());
      expect(await store.teamDepartures(pekka.id)).toEqual([]);
      await store.leaveTeam({ teamId: north.id, staffId: pekka.id, at: at(1000) });
      expect(await store.teamDepartures(pekka.id)).toEqual([north.id]);
      // Leaving a team one is not in records nothing.
      expect(await store.leaveTeam({ teamId: north.id, staffId: pekka.id, at: at(2000) })).toBeUndefined();
      await store.leaveTeam({ teamId: south.id, staffId: pekka.id, at: at(3000) });
      expect((await store.teamDepartures(pekka.id)).sort()).toEqual([north.id, south.id].sort());
      await join(north.id, at(4000));
      expect(await store.teamDepartures(pekka.id)).toEqual([south.id]);
    });
  });
}
