/** A network to erase things from, members writing in it as the browser does, and the API as they call it. */
import { DocumentTypes, NodeNames } from '@polyphony/shared';
import { expect } from 'vitest';
import * as Y from 'yjs';
import { connectClient, type TestClient, waitForSaved, waitForSync } from './clients.js';
import { block } from './documentBlocks.js';
import { openLink, type ServerProcess, type StartedNetwork, startNetwork } from './serverProcess.js';

/** A member's writing client: their words attributed to them (as the browser does), as a voice of theirs. */
export async function writeAs(
  server: ServerProcess,
  meetingId: string,
  cookie: string,
  participantId: string,
  name: string,
  text: string,
): Promise<TestClient> {
  // Their attendance entry as the server knows them: the server refuses one under another relation or role.
  const detail = await fetch(`${server.url}/api/meetings/${meetingId}`, { headers: { cookie } });
  expect(detail.status).toBe(200);
  const { me } = (await detail.json()) as { me: { relation: string; role: string } };
  const client = connectClient(server.wsUrl, meetingId, { cookie, ack: true });
  await waitForSync(client);
  new Y.PermanentUserData(client.doc, client.doc.getMap(DocumentTypes.users)).setUserMapping(
    client.doc,
    client.doc.clientID,
    participantId,
  );
  client.doc.transact(() => {
    const dialogue = client.doc.getXmlFragment('dialogue');
    dialogue.insert(dialogue.length, [
      block(NodeNames.voice, text, { speakerId: participantId, speakerName: name }),
    ]);
    client.doc.getMap(DocumentTypes.attendance).set(participantId, {
      name,
      relation: me.relation,
      role: me.role,
      where: 'room',
    });
  });
  await waitForSaved(client);
  return client;
}

export async function api(
  server: ServerProcess,
  route: string,
  cookie: string | undefined,
  init: RequestInit = {},
) {
  return fetch(`${server.url}${route}`, {
    ...init,
    headers: { ...(cookie ? { cookie } : {}), 'content-type': 'application/json', ...(init.headers ?? {}) },
  });
}

export async function networkExport(
  server: ServerProcess,
  networkId: string,
  cookie: string,
): Promise<string> {
  const response = await api(server, `/api/networks/${networkId}/export.md`, cookie);
  expect(response.status).toBe(200);
  return response.text();
}

/** A network of Maria (professional), Aino (a relative whose name is a canary too) and Jussi. */
export async function network(
  server: ServerProcess,
  ainoName: string,
): Promise<StartedNetwork & { ainoCookie: string; jussiCookie: string }> {
  const started = await startNetwork(server.url, {
    centreName: 'Anna',
    people: [
      { name: ainoName, relation: 'aunt', role: 'network_member' },
      { name: 'Jussi', relation: 'partner', role: 'network_member' },
    ],
  });
  const ainoCookie = (await openLink(started.people[1]!.url)).cookie!;
  const jussiCookie = (await openLink(started.people[2]!.url)).cookie!;
  return { ...started, ainoCookie, jussiCookie };
}
