/** The words of staff sign-in (issue 17) in this language; English (en.ts) is the source. */
import type { SignInWords } from './en';

export const signInFi: SignInWords = {
  'signIn.withOrganisation': 'Kirjaudu organisaatiosi tunnuksilla',
  'signIn.staffOnly':
    'Tiimin työntekijöille. Läheiset ja keskiössä oleva ihminen tulevat mukaan henkilökohtaisella linkillään.',
  'signIn.signOut': 'Kirjaudu ulos',
  'signInRefused.notAllowed.title': 'Kirjautumisesi ei avaa täällä yhtään tiimiä',
  'signInRefused.notAllowed.explanation':
    'Kirjauduit organisaatiosi tunnuksilla, mutta mikään Polyphonyn tiimi ei päästä sitä tunnusta sisään. Pyydä tiimisi ylläpitäjää kutsumaan työosoitteesi tai sallimaan organisaatiosi verkkotunnus tai ryhmä.',
  'signInRefused.unverifiedEmail.title': 'Sähköpostiosoitettasi ei ole vahvistettu',
  'signInRefused.unverifiedEmail.explanation':
    'Organisaatiosi kirjautuminen ei vahvistanut sähköpostiosoitettasi, joten Polyphony ei voi päästää sitä tiimiin. Pyydä organisaatiosi tunnuksista huolehtivaa vahvistamaan se ja kirjaudu sitten uudelleen.',
  'signInRefused.failed.title': 'Kirjautuminen ei onnistunut',
  'signInRefused.failed.explanation':
    'Kirjautumista ei voitu tarkistaa: se on voinut kestää liian kauan, avautua kahdesti tai alkaa toisessa selaimessa. Aloita se uudelleen tästä.',
  'signInRefused.unavailable.title': 'Organisaatiosi kirjautumispalveluun ei saada yhteyttä',
  'signInRefused.unavailable.explanation':
    'Polyphony ei juuri nyt saa yhteyttä organisaatiosi kirjautumispalveluun. Yritä uudelleen muutaman minuutin päästä.',
  'signInRefused.nothingOpened': 'Ketään ei kirjattu sisään, eikä yhtään verkostoa avattu.',
  'signIn.inviteHeading': 'Kutsu joku kirjautumaan organisaation tunnuksilla',
  'signIn.inviteEmail': 'Hänen työsähköpostiosoitteensa',
  'signIn.inviteSend': 'Kutsu',
  'signIn.invited': '{email} voi nyt kirjautua organisaation tunnuksilla ja liittyä tiimiin.',
  'signIn.inviteFailed': 'Kutsuminen ei onnistunut. Yritä hetken kuluttua uudelleen.',
};
