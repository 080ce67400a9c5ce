/**
 * What a person is told when the server closes the connection with one of the shared close codes: a
 * dictionary key, turned into words in the reader's language where it is shown.
 */
import { CloseCodes, closeCodeName } from '@polyphony/shared';
import type { PlainMessageKey } from '../i18n';

const RELOAD = 'close.reload' satisfies PlainMessageKey;

const messages: Partial<Record<number, PlainMessageKey>> = {
  [CloseCodes.messageTooBig.code]: 'close.tooBig',
  [CloseCodes.malformedMessage.code]: RELOAD,
  [CloseCodes.unauthorized.code]: 'close.unauthorized',
  [CloseCodes.accessRevoked.code]: 'close.revoked',
  [CloseCodes.meetingNotFound.code]: 'close.meetingNotFound',
  [CloseCodes.documentTooLarge.code]: 'close.documentTooLarge',
  [CloseCodes.documentRewritten.code]: 'close.rewritten',
  [CloseCodes.outdatedClient.code]: 'close.outdated',
  [CloseCodes.flood.code]: RELOAD,
};

/** The key of a plain sentence for a close code, or undefined for codes that only mean "reconnect". */
export function closeMessage(code: number): PlainMessageKey | undefined {
  const message = messages[code];
  if (message) return message;
  // One of ours we have no sentence for yet, in the permanent range: still say something true.
  if (closeCodeName(code) && code >= 4400 && code < 4500) return RELOAD;
  return undefined;
}
