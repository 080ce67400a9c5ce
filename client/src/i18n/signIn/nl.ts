/** The words of staff sign-in (issue 17) in this language; English (en.ts) is the source. */
import type { SignInWords } from './en';

export const signInNl: SignInWords = {
  'signIn.withOrganisation': 'Inloggen met je organisatie',
  'signIn.staffOnly':
    'Voor de professionals van het team. Naasten en de persoon om wie het gaat komen binnen met hun persoonlijke link.',
  'signIn.signOut': 'Uitloggen',
  'signInRefused.notAllowed.title': 'Je inlog opent hier geen team',
  'signInRefused.notAllowed.explanation':
    'Je hebt ingelogd met je organisatie, maar geen team in Polyphony laat dat account binnen. Vraag de beheerder van je team om je werkadres uit te nodigen, of om het domein of de groep van je organisatie toe te laten.',
  'signInRefused.unverifiedEmail.title': 'Je e-mailadres is niet bevestigd',
  'signInRefused.unverifiedEmail.explanation':
    'De inlog van je organisatie heeft je e-mailadres niet bevestigd, dus Polyphony kan het niet toelaten tot een team. Vraag degene die de accounts van je organisatie beheert om het te bevestigen en log daarna opnieuw in.',
  'signInRefused.failed.title': 'Het inloggen is niet gelukt',
  'signInRefused.failed.explanation':
    'Het inloggen kon niet worden gecontroleerd: het heeft misschien te lang geduurd, is twee keer geopend of is in een andere browser begonnen. Begin hier opnieuw.',
  'signInRefused.unavailable.title': 'De inlog van je organisatie is niet bereikbaar',
  'signInRefused.unavailable.explanation':
    'Polyphony kan de inlogdienst van je organisatie nu niet bereiken. Probeer het over een paar minuten opnieuw.',
  'signInRefused.nothingOpened': 'Niemand is ingelogd en er is geen netwerk geopend.',
  'signIn.inviteHeading': 'Nodig iemand uit om in te loggen met de organisatie',
  'signIn.inviteEmail': 'Het e-mailadres op het werk',
  'signIn.inviteSend': 'Uitnodigen',
  'signIn.invited': '{email} kan nu inloggen met de organisatie en bij het team komen.',
  'signIn.inviteFailed': 'Uitnodigen is niet gelukt. Probeer het zo opnieuw.',
};
