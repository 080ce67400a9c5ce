/** The words of staff sign-in (issue 17) in this language; English (en.ts) is the source. */
import type { SignInWords } from './en';

export const signInSv: SignInWords = {
  'signIn.withOrganisation': 'Logga in med din organisation',
  'signIn.staffOnly':
    'För teamets medarbetare. Närstående och personen i centrum kommer in med sin personliga länk.',
  'signIn.signOut': 'Logga ut',
  'signInRefused.notAllowed.title': 'Din inloggning öppnar inget team här',
  'signInRefused.notAllowed.explanation':
    'Du loggade in med din organisation, men inget team i Polyphony släpper in det kontot. Be teamets administratör att bjuda in din jobbadress eller att tillåta din organisations domän eller grupp.',
  'signInRefused.unverifiedEmail.title': 'Din e-postadress är inte bekräftad',
  'signInRefused.unverifiedEmail.explanation':
    'Din organisations inloggning bekräftade inte din e-postadress, så Polyphony kan inte släppa in den i ett team. Be den som sköter organisationens konton att bekräfta den och logga sedan in igen.',
  'signInRefused.failed.title': 'Inloggningen gick inte igenom',
  'signInRefused.failed.explanation':
    'Inloggningen kunde inte kontrolleras: den kan ha tagit för lång tid, öppnats två gånger eller påbörjats i en annan webbläsare. Börja om härifrån.',
  'signInRefused.unavailable.title': 'Din organisations inloggning går inte att nå',
  'signInRefused.unavailable.explanation':
    'Polyphony når inte din organisations inloggningstjänst just nu. Försök igen om några minuter.',
  'signInRefused.nothingOpened': 'Ingen loggades in, och inget nätverk öppnades.',
  'signIn.inviteHeading': 'Bjud in någon att logga in med organisationens konto',
  'signIn.inviteEmail': 'Personens e-postadress på jobbet',
  'signIn.inviteSend': 'Bjud in',
  'signIn.invited': '{email} kan nu logga in med organisationens konto och gå med i teamet.',
  'signIn.inviteFailed': 'Det gick inte att bjuda in. Försök igen om en stund.',
};
