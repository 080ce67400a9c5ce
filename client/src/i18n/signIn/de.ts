/** The words of staff sign-in (issue 17) in this language; English (en.ts) is the source. */
import type { SignInWords } from './en';

export const signInDe: SignInWords = {
  'signIn.withOrganisation': 'Mit Ihrer Organisation anmelden',
  'signIn.staffOnly':
    'Für die Fachkräfte des Teams. Angehörige und die Person im Mittelpunkt kommen mit ihrem persönlichen Link herein.',
  'signIn.signOut': 'Abmelden',
  'signInRefused.notAllowed.title': 'Ihre Anmeldung öffnet hier kein Team',
  'signInRefused.notAllowed.explanation':
    'Sie haben sich mit Ihrer Organisation angemeldet, aber kein Team in Polyphony lässt dieses Konto herein. Bitten Sie die Administration Ihres Teams, Ihre dienstliche Adresse einzuladen oder die Domain oder Gruppe Ihrer Organisation zuzulassen.',
  'signInRefused.unverifiedEmail.title': 'Ihre E-Mail-Adresse ist nicht bestätigt',
  'signInRefused.unverifiedEmail.explanation':
    'Die Anmeldung Ihrer Organisation hat Ihre E-Mail-Adresse nicht bestätigt, daher kann Polyphony sie in kein Team lassen. Bitten Sie die Stelle, die die Konten Ihrer Organisation betreut, sie zu bestätigen, und melden Sie sich dann erneut an.',
  'signInRefused.failed.title': 'Die Anmeldung ist nicht durchgegangen',
  'signInRefused.failed.explanation':
    'Die Anmeldung konnte nicht geprüft werden: Sie hat vielleicht zu lange gedauert, wurde zweimal geöffnet oder in einem anderen Browser begonnen. Beginnen Sie sie hier noch einmal.',
  'signInRefused.unavailable.title': 'Die Anmeldung Ihrer Organisation ist nicht erreichbar',
  'signInRefused.unavailable.explanation':
    'Polyphony erreicht den Anmeldedienst Ihrer Organisation gerade nicht. Versuchen Sie es in ein paar Minuten noch einmal.',
  'signInRefused.nothingOpened': 'Niemand wurde angemeldet, und kein Netzwerk wurde geöffnet.',
  'signIn.inviteHeading': 'Jemanden einladen, sich mit der Organisation anzumelden',
  'signIn.inviteEmail': 'Die dienstliche E-Mail-Adresse',
  'signIn.inviteSend': 'Einladen',
  'signIn.invited': '{email} kann sich jetzt mit der Organisation anmelden und dem Team beitreten.',
  'signIn.inviteFailed': 'Die Einladung hat nicht geklappt. Bitte versuchen Sie es gleich noch einmal.',
};
