/** What a person is told when the server closes the connection with one of the shared close codes. */
import { CloseCodes, closeCodeName } from '@polyphony/shared';

const RELOAD = 'Something went wrong with this connection — please reload';

const messages: Partial<Record<number, string>> = {
  [CloseCodes.messageTooBig.code]: 'That change was too large to send',
  [CloseCodes.malformedMessage.code]: RELOAD,
  [CloseCodes.unauthorized.code]: 'Your access to this meeting has ended — please open your link again',
  [CloseCodes.accessRevoked.code]: 'This link was revoked',
  [CloseCodes.meetingNotFound.code]: 'This meeting does not exist',
  [CloseCodes.documentTooLarge.code]: 'The meeting document is full',
  [CloseCodes.outdatedClient.code]: 'Polyphony was updated — please reload',
  [CloseCodes.flood.code]: RELOAD,
};

/** A plain sentence for a close code, or undefined for codes that only mean "reconnect". */
export function closeMessage(code: number): string | undefined {
  const message = messages[code];
  if (message) return message;
  // One of ours we have no sentence for yet, in the permanent range: still say something true.
  if (closeCodeName(code) && code >= 4400 && code < 4500) return RELOAD;
  return undefined;
}
