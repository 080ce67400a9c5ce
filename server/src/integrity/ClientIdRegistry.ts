/**
 * Which person each Yjs client id of a meeting belongs to. Every insertion in a Yjs document carries the
 * client id of the browser that made it, and `users` (PermanentUserData) maps client ids to people: an id
 * is only as trustworthy as the claim behind it, so the server decides who may write with which id.
 *
 * An id belongs to the first person whose socket writes new content with it, announces presence with
 * it, or lists it in their own `users` entry; and to whoever the document's `users` map already names
 * for it when the meeting is opened (each browser writes its entry as soon as it has synced). An id two
 * people's entries name is disputed: nobody may write with it again. The server's own id is the
 * server's. Claims live as long as the meeting is loaded; the `users` map is what outlives them.
 */
import { DocumentTypes, UserEntryKeys } from '@polyphony/shared';
import * as Y from 'yjs';

/** The owner of the server's own client id (never a participant id: those are random base64url). */
export const SERVER_OWNER = ':server';
/** The owner of an id that two people's `users` entries name. */
export const DISPUTED = ':disputed';

/** Client ids → the participant (or SERVER_OWNER, DISPUTED) they belong to, for one meeting. */
export class ClientIdRegistry {
  private readonly owners = new Map<number, string>();
  private doc: Y.Doc | null = null;
  /** Whether `users` changed since it was last read (another instance, the server's own restore). */
  private usersChanged = true;

  /** Who an id belongs to, or undefined when nobody has claimed it. */
  ownerOf(client: number): string | undefined {
    const owner = this.owners.get(client);
    if (owner !== undefined || !this.usersChanged || !this.doc) return owner;
    this.readUsers(this.doc);
    return this.owners.get(client);
  }

  /** Give an unclaimed id to a person (an id already claimed keeps its owner). */
  claim(client: number, participantId: string): void {
    if (!this.owners.has(client)) this.owners.set(client, participantId);
  }

  /**
   * Read claims from the meeting's document from now on (once it is built): its own client id is the
   * server's, and its `users` map is read again whenever it changed and an unknown id is asked about.
   */
  attach(doc: Y.Doc): void {
    if (this.doc === doc) return;
    this.doc = doc;
    this.owners.set(doc.clientID, SERVER_OWNER);
    this.usersChanged = true;
    doc.getMap(DocumentTypes.users).observeDeep(() => {
      this.usersChanged = true;
    });
  }

  /** Take in what the document's `users` map says (entries in another layout are skipped). */
  private readUsers(doc: Y.Doc): void {
    this.usersChanged = false;
    const named = new Map<number, Set<string>>();
    const users = doc.getMap<unknown>(DocumentTypes.users);
    for (const [participantId, entry] of users.entries()) {
      if (!(entry instanceof Y.Map)) continue;
      const ids: unknown = entry.get(UserEntryKeys.ids);
      if (!(ids instanceof Y.Array)) continue;
      for (const id of ids.toArray()) {
        if (typeof id !== 'number') continue;
        const names = named.get(id);
        if (names) names.add(participantId);
        else named.set(id, new Set([participantId]));
      }
    }
    for (const [id, names] of named) {
      const current = this.owners.get(id);
      if (names.size > 1) {
        if (current !== SERVER_OWNER) this.owners.set(id, DISPUTED);
      } else if (current === undefined) {
        this.owners.set(id, names.values().next().value as string);
      }
    }
  }
}
