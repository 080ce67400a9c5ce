/**
 * What a person is told when the server closes the connection with one of the shared close codes: a
 * dictionary key, turned into words in the reader's language where it is shown.
 */
import { type CloseCodeName, closeCodeName } from '@polyphony/shared';
import type { PlainMessageKey } from '../i18n';

const RELOAD = 'close.reload' satisfies PlainMessageKey;

const messages: Partial<Record<CloseCodeName, PlainMessageKey>> = {
  messageTooBig: 'close.tooBig',
  malformedMessage: RELOAD,
  unauthorized: 'close.unauthorized',
  accessRevoked: 'close.revoked',
  teamAccessEnded: 'close.leftTeam',
  meetingNotFound: 'close.meetingNotFound',
  documentTooLarge: 'close.documentTooLarge',
  documentRewritten: 'close.rewritten',
  outdatedClient: 'close.outdated',
  flood: RELOAD,
};

/**
 * The key of a plain sentence for a close code (and the close frame's reason, where one code has
 * several: 4403), or undefined for codes that only mean "reconnect".
 */
export function closeMessage(code: number, reason?: string): PlainMessageKey | undefined {
  const name = closeCodeName(code, reason);
  if (!name) return undefined;
  const message = messages[name];
  if (message) return message;
  // One of ours we have no sentence for yet, in the permanent range: still say something true.
  if (code >= 4400 && code < 4500) return RELOAD;
  return undefined;
}
