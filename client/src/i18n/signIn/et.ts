/** The words of staff sign-in (issue 17) in this language; English (en.ts) is the source. */
import type { SignInWords } from './en';

export const signInEt: SignInWords = {
  'signIn.withOrganisation': 'Logi sisse oma organisatsiooni kontoga',
  'signIn.staffOnly':
    'Meeskonna spetsialistidele. Lähedased ja keskmes olev inimene tulevad sisse oma isikliku lingiga.',
  'signIn.signOut': 'Logi välja',
  'signInRefused.notAllowed.title': 'Sinu sisselogimine ei ava siin ühtki meeskonda',
  'signInRefused.notAllowed.explanation':
    'Logisid sisse oma organisatsiooni kontoga, kuid ükski Polyphony meeskond ei lase seda kontot sisse. Palu oma meeskonna haldajal kutsuda sinu tööaadress või lubada sinu organisatsiooni domeen või grupp.',
  'signInRefused.unverifiedEmail.title': 'Sinu e-posti aadress pole kinnitatud',
  'signInRefused.unverifiedEmail.explanation':
    'Sinu organisatsiooni sisselogimine ei kinnitanud sinu e-posti aadressi, seega ei saa Polyphony seda meeskonda lasta. Palu organisatsiooni kontode eest vastutajal see kinnitada ja logi siis uuesti sisse.',
  'signInRefused.failed.title': 'Sisselogimine ei õnnestunud',
  'signInRefused.failed.explanation':
    'Sisselogimist ei saanud kontrollida: see võis võtta liiga kaua aega, avaneda kaks korda või alata teises brauseris. Alusta siit uuesti.',
  'signInRefused.unavailable.title': 'Sinu organisatsiooni sisselogimisteenus pole kättesaadav',
  'signInRefused.unavailable.explanation':
    'Polyphony ei saa praegu ühendust sinu organisatsiooni sisselogimisteenusega. Proovi mõne minuti pärast uuesti.',
  'signInRefused.nothingOpened': 'Kedagi ei logitud sisse ja ühtki võrgustikku ei avatud.',
  'signIn.inviteHeading': 'Kutsu kedagi organisatsiooni kontoga sisse logima',
  'signIn.inviteEmail': 'Tema töö e-posti aadress',
  'signIn.inviteSend': 'Kutsu',
  'signIn.invited': '{email} saab nüüd organisatsiooni kontoga sisse logida ja meeskonnaga liituda.',
  'signIn.inviteFailed': 'Kutsumine ei õnnestunud. Proovi mõne aja pärast uuesti.',
};
