/**
 * The admission part of the MetadataStore contract (contract.ts runs it for SQLite and PostgreSQL):
 * "ask to join" codes, requests, letting someone in or not. Rule ids [AD1] … are in the test names.
 */
import { describe, expect, it } from 'vitest';
import { hashToken, newId, newToken } from '../../auth/tokens.js';
import type { JoinRequestRecord } from './admission.js';
import type { MetadataStore, NetworkRecord } from './types.js';

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date('2030-06-01T09:00:00.000Z');
const at = (offsetMs = 0) => new Date(T0.getTime() + offsetMs).toISOString();

/** Anna's network with Maria (professional) in it, meeting 1 open and its code shown by Maria. */
async function meetingWithCode(store: MetadataStore) {
  const network: NetworkRecord = { id: newId(), centreName: 'Anna', createdAt: at() };
  const maria = {
    id: newId(),
    networkId: network.id,
    name: 'Maria',
    relation: 'nurse',
    role: 'professional' as const,
    createdAt: at(),
    lastSeenAt: null,
  };
  const meeting = await store.startNetwork({
    network,
    meeting: { id: newId(), title: 'Meeting 1' },
    people: [
      {
        participant: maria,
        link: {
          tokenHash: hashToken(newToken()),
          record: {
            id: newId(),
            networkId: network.id,
            participantId: maria.id,
            createdAt: at(),
            expiresAt: at(30 * DAY),
            revokedAt: null,
          },
        },
      },
    ],
  });
  const codeToken = newToken();
  const code = {
    id: newId(),
    code: codeToken,
    meetingId: meeting.id,
    networkId: network.id,
    openedBy: maria.id,
    openedAt: at(1000),
    closedAt: null,
  };
  await store.openAdmission({ code });
  return { network, meeting, maria, code, codeToken };
}

function requestOf(code: { id: string; meetingId: string; networkId: string }, name: string, offset = 2000) {
  const token = newToken();
  const request: JoinRequestRecord = {
    id: newId(),
    codeId: code.id,
    meetingId: code.meetingId,
    networkId: code.networkId,
    name,
    relation: 'neighbour',
    askedAt: at(offset),
    decision: null,
    decidedBy: null,
    decidedAt: null,
    participantId: null,
  };
  return { request, token, tokenHash: hashToken(token) };
}

export function admissionContract(getStore: () => MetadataStore): void {
  describe('admission', () => {
    it('[AD1] a code is found by its hash while shown; turning it off ends it and both are logged', async () => {
      const store = getStore();
      const { meeting, maria, code, codeToken, network } = await meetingWithCode(store);
      expect(await store.findAdmissionCode(codeToken)).toEqual(code);
      expect(await store.openAdmissionCode(meeting.id)).toEqual(code);
      expect(await store.closeAdmission({ meetingId: meeting.id, actorId: maria.id, at: at(5000) })).toBe(
        true,
      );
      expect(await store.openAdmissionCode(meeting.id)).toBeUndefined();
      expect((await store.findAdmissionCode(codeToken))?.closedAt).toBe(at(5000));
      expect(await store.closeAdmission({ meetingId: meeting.id, actorId: maria.id, at: at(6000) })).toBe(
        false,
      );
      const kinds = (await store.listActivity(network.id)).map((entry) => entry.kind);
      expect(kinds.slice(0, 2)).toEqual(['admission_closed', 'admission_opened']);
    });

    it('[AD2] showing a new code ends the one before', async () => {
      const store = getStore();
      const { meeting, maria, codeToken } = await meetingWithCode(store);
      const next = { ...(await store.openAdmissionCode(meeting.id))!, id: newId(), code: newToken() };
      await store.openAdmission({ code: { ...next, openedBy: maria.id, openedAt: at(3000) } });
      expect((await store.findAdmissionCode(codeToken))?.closedAt).toBe(at(3000));
      expect((await store.openAdmissionCode(meeting.id))?.id).toBe(next.id);
    });

    it('[AD3] admitting makes the newcomer a member with the role chosen, their link the request token, logged as who let whom in', async () => {
      const store = getStore();
      const { network, maria, code } = await meetingWithCode(store);
      const kalle = requestOf(code, 'Kalle');
      expect(await store.askToJoin({ ...kalle, maxWaiting: 5 })).toBe(true);
      expect((await store.waitingRequests(code.meetingId)).map((each) => each.name)).toEqual(['Kalle']);
      expect(await store.findJoinRequestByTokenHash(kalle.tokenHash)).toEqual(kalle.request);
      const participant = {
        id: newId(),
        networkId: network.id,
        name: 'Kalle',
        relation: 'neighbour',
        role: 'observer' as const,
        createdAt: at(4000),
        lastSeenAt: null,
      };
      const link = {
        record: {
          id: newId(),
          networkId: network.id,
          participantId: participant.id,
          createdAt: at(4000),
          expiresAt: at(30 * DAY),
          revokedAt: null,
        },
      };
      const admitted = { requestId: kalle.request.id, participant, link, actorId: maria.id, at: at(4000) };
      expect(await store.admit(admitted)).toBe(true);
      expect(await store.findInvitationByTokenHash(kalle.tokenHash)).toEqual(link.record);
      expect((await store.findParticipant(participant.id))?.role).toBe('observer');
      expect(await store.findJoinRequest(kalle.request.id)).toMatchObject({
        decision: 'admitted',
        decidedBy: maria.id,
        participantId: participant.id,
      });
      expect(await store.waitingRequests(code.meetingId)).toEqual([]);
      expect((await store.admittedBy(network.id)).get(participant.id)).toBe(maria.id);
      expect((await store.listActivity(network.id))[0]).toMatchObject({
        kind: 'admitted',
        actor: { name: 'Maria' },
        subject: { name: 'Kalle' },
        meetingId: code.meetingId,
      });
      // Decided once: a second admission writes nothing, not a second person.
      const again = { ...admitted, participant: { ...participant, id: newId() } };
      expect(await store.admit(again)).toBe(false);
      expect(await store.findParticipant(again.participant.id)).toBeUndefined();
    });

    it('[AD4] refusing writes no person, is logged without a name, and is decided once', async () => {
      const store = getStore();
      const { network, maria, code } = await meetingWithCode(store);
      const olli = requestOf(code, 'Olli');
      await store.askToJoin({ ...olli, maxWaiting: 5 });
      expect(await store.refuse({ requestId: olli.request.id, actorId: maria.id, at: at(3000) })).toBe(true);
      expect(await store.refuse({ requestId: olli.request.id, actorId: maria.id, at: at(3001) })).toBe(false);
      expect((await store.findJoinRequest(olli.request.id))?.decision).toBe('refused');
      expect((await store.listParticipants(network.id)).map((each) => each.name)).toEqual(['Maria']);
      expect((await store.listActivity(network.id))[0]).toMatchObject({
        kind: 'join_refused',
        actor: { name: 'Maria' },
        subject: null,
      });
    });

    it('[AD5] a meeting holds at most maxWaiting waiting requests; deciding one makes room', async () => {
      const store = getStore();
      const { maria, code } = await meetingWithCode(store);
      const first = requestOf(code, 'A', 2000);
      expect(await store.askToJoin({ ...first, maxWaiting: 2 })).toBe(true);
      expect(await store.askToJoin({ ...requestOf(code, 'B', 2001), maxWaiting: 2 })).toBe(true);
      const third = requestOf(code, 'C', 2002);
      expect(await store.askToJoin({ ...third, maxWaiting: 2 })).toBe(false);
      expect(await store.findJoinRequestByTokenHash(third.tokenHash)).toBeUndefined();
      await store.refuse({ requestId: first.request.id, actorId: maria.id, at: at(3000) });
      expect(await store.askToJoin({ ...third, maxWaiting: 2 })).toBe(true);
    });

    it('[AD6] erasing the meeting takes its codes and requests, names included', async () => {
      const store = getStore();
      const { meeting, code, codeToken } = await meetingWithCode(store);
      const kalle = requestOf(code, 'Kalle');
      await store.askToJoin({ ...kalle, maxWaiting: 5 });
      await store.eraseMeeting(meeting.id, { by: 'operator', actorId: null, actorRole: null, at: at(9000) });
      expect(await store.findAdmissionCode(codeToken)).toBeUndefined();
      expect(await store.findJoinRequestByTokenHash(kalle.tokenHash)).toBeUndefined();
    });
  });
}
