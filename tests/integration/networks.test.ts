/** Networks through the API: roles, invitations, the activity log, closing, carrying over, the timeline. */
import type { ActivityEntry, MeetingDetail, MeetingSummary, NetworkDetail } from '@polyphony/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, type TestClient, waitFor, waitForSaved, waitForSync } from './helpers/clients.js';
import {
  openLink,
  type ServerProcess,
  type StartedNetwork,
  startNetwork,
  startServerProcess,
} from './helpers/serverProcess.js';

function item(name: string, text: string, attributes: Record<string, string>): Y.XmlElement {
  const element = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  element.insert(0, [paragraph]);
  return element;
}

describe('networks', () => {
  let server: ServerProcess;
  let network: StartedNetwork;
  let memberCookie: string;
  let observerCookie: string;
  const clients: TestClient[] = [];
  const api = (path: string, cookie: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: { cookie, 'content-type': 'application/json', ...(init.headers ?? {}) },
    });

  beforeAll(async () => {
    server = await startServerProcess();
    network = await startNetwork(server.url, {
      centreName: 'Anna',
      title: 'First meeting',
      people: [
        { name: 'Eeva', relation: 'mother', role: 'network_member' },
        { name: 'Olli', relation: 'observer by agreement', role: 'observer' },
      ],
    });
    memberCookie = (await openLink(network.people[1]!.url)).cookie!;
    observerCookie = (await openLink(network.people[2]!.url)).cookie!;
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.stop();
  });

  it('starting gives everyone a personal link, the starter included', () => {
    expect(network.people.map((person) => [person.name, person.role])).toEqual([
      ['Maria', 'professional'],
      ['Eeva', 'network_member'],
      ['Olli', 'observer'],
    ]);
    for (const person of network.people) expect(person.url).toMatch(/\/join\/[A-Za-z0-9_-]{43}$/);
  });

  it('validates requests and answers errors as { error, message }', async () => {
    const response = await fetch(`${server.url}/api/networks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ centreName: '', me: { name: 'X', role: 'professional' } }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'invalid_body',
      message: expect.stringContaining('centreName'),
    });
    const badRole = await api(`/api/networks/${network.networkId}/people`, network.cookie, {
      method: 'POST',
      body: JSON.stringify({ name: 'Dr Who', role: 'psychiatrist_in_chief' }),
    });
    expect(badRole.status).toBe(400);
    const openapi = await (await fetch(`${server.url}/api/openapi.json`)).json();
    expect(Object.keys(openapi.paths)).toContain('/api/networks/{id}/people/{participantId}/revoke');
  });

  it('members may not invite or revoke; observers may not close a meeting', async () => {
    const invite = await api(`/api/networks/${network.networkId}/people`, memberCookie, {
      method: 'POST',
      body: JSON.stringify({ name: 'Cousin', relation: 'cousin', role: 'network_member' }),
    });
    expect(invite.status).toBe(403);
    expect((await invite.json()).error).toBe('forbidden');
    const close = await api(`/api/meetings/${network.meetingId}/close`, observerCookie, { method: 'POST' });
    expect(close.status).toBe(403);
  });

  it('every member reads the same network page: people, roles, link states', async () => {
    const forMember = (await (
      await api(`/api/networks/${network.networkId}`, memberCookie)
    ).json()) as NetworkDetail;
    const forObserver = (await (
      await api(`/api/networks/${network.networkId}`, observerCookie)
    ).json()) as NetworkDetail;
    expect(forMember.me.name).toBe('Eeva');
    expect(forObserver.me.name).toBe('Olli');
    expect(forMember.people).toEqual(
      forObserver.people.map((person) => ({ ...person, lastSeenAt: expect.anything() })),
    );
    expect(forMember.people.map((person) => person.link.state)).toEqual(['active', 'active', 'active']);
  });

  it('invites and re-issues: the new link works, the old one stops', async () => {
    const invited = await api(`/api/networks/${network.networkId}/people`, network.cookie, {
      method: 'POST',
      body: JSON.stringify({ name: 'Grandad', relation: 'grandfather', role: 'network_member' }),
    });
    expect(invited.status).toBe(201);
    const invitation = (await invited.json()) as { url: string; participant: { id: string } };
    expect((await openLink(invitation.url)).location).toBe(`/m/${network.meetingId}`);
    const reissued = await api(
      `/api/networks/${network.networkId}/people/${invitation.participant.id}/reissue`,
      network.cookie,
      { method: 'POST' },
    );
    const fresh = (await reissued.json()) as { url: string };
    expect((await openLink(invitation.url)).location).toBe('/link-problem?reason=revoked');
    expect((await openLink(fresh.url)).location).toBe(`/m/${network.meetingId}`);
  });

  it('closing freezes the agreed version; a new meeting carries open plan items and questions over', async () => {
    const writer = connectClient(server.wsUrl, network.meetingId, { cookie: memberCookie, ack: true });
    clients.push(writer);
    await waitForSync(writer);
    writer.doc.transact(() => {
      writer.doc
        .getXmlFragment('dialogue')
        .insert(0, [item('voiceBlock', 'I am worried about the nights.', { speakerName: 'Eeva' })]);
      writer.doc
        .getXmlFragment('plan')
        .insert(0, [
          item('planItem', 'Maria phones on Thursday', { status: 'open', proposedByName: 'Anna' }),
          item('planItem', 'Find the old prescription', { status: 'done' }),
        ]);
      writer.doc
        .getXmlFragment('openQuestions')
        .insert(0, [item('openQuestion', 'Can Anna go back to work?', { status: 'open' })]);
    });
    await waitForSaved(writer);

    const closed = await api(`/api/meetings/${network.meetingId}/close`, network.cookie, { method: 'POST' });
    expect(closed.status).toBe(200);
    expect(((await closed.json()) as MeetingSummary).closedAt).not.toBeNull();
    await waitFor(
      () => writer.doc.getMap('meta').get('closed') === true,
      'everyone to see the meeting closed',
    );

    // Written after closing: in the living document, not in the agreed version.
    writer.doc
      .getXmlFragment('dialogue')
      .insert(1, [item('voiceBlock', 'An afterthought.', { speakerName: 'Eeva' })]);
    await waitForSaved(writer);
    const agreed = new Y.Doc();
    Y.applyUpdate(
      agreed,
      new Uint8Array(
        await (await api(`/api/meetings/${network.meetingId}/agreed`, observerCookie)).arrayBuffer(),
      ),
    );
    expect(agreed.getXmlFragment('dialogue').toString()).toContain('I am worried about the nights.');
    expect(agreed.getXmlFragment('dialogue').toString()).not.toContain('An afterthought.');
    expect(agreed.getMap('meta').get('closed')).toBe(true);

    const next = await api(`/api/networks/${network.networkId}/meetings`, network.cookie, {
      method: 'POST',
      body: JSON.stringify({ title: 'Second meeting' }),
    });
    expect(next.status).toBe(201);
    const second = (await next.json()) as MeetingSummary;
    expect(second.number).toBe(2);
    const reader = connectClient(server.wsUrl, second.id, { cookie: memberCookie });
    clients.push(reader);
    await waitForSync(reader);
    const plan = reader.doc.getXmlFragment('plan').toString();
    expect(plan).toContain('Maria phones on Thursday');
    expect(plan).not.toContain('Find the old prescription');
    expect(reader.doc.getXmlFragment('openQuestions').toString()).toContain('Can Anna go back to work?');
    expect(reader.doc.getMap('meta').get('title')).toBe('Second meeting');

    const page = (await (
      await api(`/api/networks/${network.networkId}`, memberCookie)
    ).json()) as NetworkDetail;
    expect(page.meetings.map((meeting) => meeting.number)).toEqual([2, 1]);
    const first = page.meetings[1]!;
    expect(first.attendees.map((attendee) => attendee.name)).toContain('Eeva');
    expect(first.planItems).toEqual(['Maria phones on Thursday', 'Find the old prescription']);

    const detail = (await (await api(`/api/meetings/${second.id}`, observerCookie)).json()) as MeetingDetail;
    expect(detail.me.role).toBe('observer');
    expect(detail.meetings.map((meeting) => meeting.number)).toEqual([2, 1]);
  });

  it('the activity log shows joins, invitations, revocations and closing, and never document text', async () => {
    const eeva = network.people[1]!;
    await api(`/api/networks/${network.networkId}/people/${eeva.participantId}/revoke`, network.cookie, {
      method: 'POST',
    });
    const response = await api(`/api/networks/${network.networkId}/activity`, observerCookie);
    const log = (await response.json()) as ActivityEntry[];
    const kinds = log.map((entry) => entry.kind);
    for (const kind of [
      'network_started',
      'meeting_started',
      'invited',
      'joined',
      'link_reissued',
      'revoked',
      'meeting_closed',
    ]) {
      expect(kinds).toContain(kind);
    }
    expect(log.find((entry) => entry.kind === 'joined' && entry.actor?.name === 'Eeva')).toBeDefined();
    expect(log.find((entry) => entry.kind === 'revoked')?.subject?.name).toBe('Eeva');
    const raw = JSON.stringify(log);
    for (const text of [
      'worried about the nights',
      'afterthought',
      'phones on Thursday',
      'go back to work',
    ]) {
      expect(raw).not.toContain(text);
    }
  });

  it('GET /api/me tells a browser who it is in each network', async () => {
    const me = await (await api('/api/me', observerCookie)).json();
    expect(me.memberships).toHaveLength(1);
    expect(me.memberships[0].participant.name).toBe('Olli');
    const nobody = await (await fetch(`${server.url}/api/me`)).json();
    expect(nobody.memberships).toEqual([]);
  });
});
