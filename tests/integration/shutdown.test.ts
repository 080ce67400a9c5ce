/**
 * A graceful stop does not wait on the slowest stranger (issue 14, fault 4): with twenty people typing and
 * one peer that never answers the close frame (and goes on writing), SIGTERM commits everything, closes
 * with 1012, cuts off what does not answer within the close grace, and exits 0 in under 5 s. Every update
 * acknowledged as saved is in the store; nothing the half-open peer sent after the 1012 is.
 */
import { CloseCodes } from '@polyphony/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, type TestClient, waitForSync } from './helpers/clients.js';
import { blockWriter, networkOfThree, updateMessage, voiceBlock } from './helpers/protocolMessages.js';
import { startServerProcess } from './helpers/serverProcess.js';
import { readStoredMeeting } from './helpers/storedDocument.js';
import { StubbornSocket } from './helpers/stubbornSocket.js';

const TYPISTS = 20;

describe('stopping with a half-open peer', () => {
  it('[SY13] SIGTERM with a half-open peer and 20 typists: exit 0 in under 5 s, every acknowledged update stored, nothing after the 1012', async () => {
    const server = await startServerProcess();
    const { network, member } = await networkOfThree(server.url);
    const typists: {
      client: TestClient;
      speakerId: string;
      /** The length of the typist's text when its n-th update-carrying message went out. */
      lengthAtSend: number[];
      promised: number;
      typed: number;
      timer?: NodeJS.Timeout;
    }[] = [];
    for (let i = 0; i < TYPISTS; i++) {
      const typist = {
        speakerId: `typist-${i}`,
        lengthAtSend: [0],
        promised: 0,
        typed: 0,
      } as (typeof typists)[number];
      typist.client = connectClient(server.wsUrl, network.meetingId, {
        cookie: network.cookie,
        ack: true,
        recordTypes: false,
        onSend: (count) => {
          typist.lengthAtSend[count] = typist.typed;
        },
        onSaved: (count) => {
          typist.promised = Math.max(typist.promised, typist.lengthAtSend[count] ?? 0);
        },
      });
      typists.push(typist);
    }
    await Promise.all(typists.map(({ client }) => waitForSync(client, 15_000)));
    // Each typist writes into a voice block of their own.
    for (const typist of typists) {
      typist.client.doc.getXmlFragment('dialogue').insert(0, [voiceBlock('', typist.speakerId)]);
    }
    const textOf = (doc: Y.Doc, speakerId: string): string => {
      for (const block of doc.getXmlFragment('dialogue').toArray()) {
        if (block instanceof Y.XmlElement && block.getAttribute('speakerId') === speakerId) {
          const paragraph = block.get(0) as Y.XmlElement;
          return (paragraph.get(0) as Y.XmlText).toString();
        }
      }
      return '';
    };
    const digits = '0123456789';
    for (const typist of typists) {
      const type = () => {
        const text = textOf(typist.client.doc, typist.speakerId);
        const block = typist.client.doc
          .getXmlFragment('dialogue')
          .toArray()
          .find(
            (b) => b instanceof Y.XmlElement && b.getAttribute('speakerId') === typist.speakerId,
          ) as Y.XmlElement;
        // Counted before the insert: the insert sends its message synchronously.
        typist.typed = text.length + 1;
        ((block.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(
          text.length,
          digits[text.length % 10] as string,
        );
        typist.timer = setTimeout(type, 10 + Math.random() * 40);
      };
      type();
    }

    // The half-open peer: it writes, and will neither answer the close frame nor stop writing.
    const peer = await StubbornSocket.open(`${server.wsUrl}/${network.meetingId}`, { cookie: member.cookie });
    const writer = blockWriter(90_000_000);
    peer.send(updateMessage(writer.write('before the stop')));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const saving = typists.reduce((sum, typist) => sum + typist.promised, 0);
    expect(saving).toBeGreaterThan(50);

    const stopAt = performance.now();
    const exited = server.stop();
    const frame = await peer.waitForCloseFrame(10_000);
    expect(frame.code).toBe(CloseCodes.serverRestart.code);
    let writesAfterClose = 0;
    while (!peer.ended && performance.now() - stopAt < 6000) {
      if (peer.send(updateMessage(writer.write(`after the stop ${writesAfterClose}`)))) writesAfterClose++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const code = await exited;
    const exitMs = performance.now() - stopAt;
    for (const typist of typists) clearTimeout(typist.timer);
    const promised = typists.map((typist) => typist.promised);
    for (const { client } of typists) client.destroy();
    peer.destroy();
    console.log(
      `[shutdown] exit ${code} after ${exitMs.toFixed(0)} ms; ${typists.reduce((a, t) => a + t.typed, 0)} characters typed, ` +
        `${promised.reduce((a, b) => a + b, 0)} acknowledged; ` +
        `${writesAfterClose} writes from the half-open peer after the 1012`,
    );
    expect(code).toBe(0);
    expect(exitMs).toBeLessThan(5000);
    expect(writesAfterClose).toBeGreaterThan(0);

    // Every acknowledged character is stored, in order; the half-open peer's later writes are not.
    const stored = (await readStoredMeeting(server.dataDir, network.meetingId)).doc;
    for (const [i, typist] of typists.entries()) {
      const text = textOf(stored, typist.speakerId);
      expect(text.length).toBeGreaterThanOrEqual(promised[i] as number);
      expect(text).toBe(Array.from({ length: text.length }, (_, n) => digits[n % 10]).join(''));
    }
    const dialogue = stored.getXmlFragment('dialogue').toString();
    expect(dialogue).toContain('before the stop');
    expect(dialogue).not.toContain('after the stop');
  }, 90_000);
});
