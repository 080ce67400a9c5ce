/** The words of staff sign-in (issue 17) in this language; English (en.ts) is the source. */
import type { SignInWords } from './en';

export const signInCs: SignInWords = {
  'signIn.withOrganisation': 'Přihlásit se účtem své organizace',
  'signIn.staffOnly': 'Pro odborníky týmu. Blízcí a člověk v centru se připojují svým osobním odkazem.',
  'signIn.signOut': 'Odhlásit se',
  'signInRefused.notAllowed.title': 'Vaše přihlášení tu neotevírá žádný tým',
  'signInRefused.notAllowed.explanation':
    'Přihlásili jste se účtem své organizace, ale žádný tým v Polyphony tento účet nepouští dovnitř. Požádejte správce svého týmu, aby pozval vaši pracovní adresu, nebo povolil doménu či skupinu vaší organizace.',
  'signInRefused.unverifiedEmail.title': 'Vaše e-mailová adresa není ověřená',
  'signInRefused.unverifiedEmail.explanation':
    'Přihlášení vaší organizace neověřilo vaši e-mailovou adresu, proto ji Polyphony nemůže pustit do týmu. Požádejte toho, kdo spravuje účty vaší organizace, aby ji ověřil, a pak se přihlaste znovu.',
  'signInRefused.failed.title': 'Přihlášení neproběhlo',
  'signInRefused.failed.explanation':
    'Přihlášení se nepodařilo ověřit: možná trvalo příliš dlouho, bylo otevřeno dvakrát nebo začalo v jiném prohlížeči. Začněte znovu odsud.',
  'signInRefused.unavailable.title': 'Přihlášení vaší organizace není dostupné',
  'signInRefused.unavailable.explanation':
    'Polyphony se teď nemůže spojit s přihlašovací službou vaší organizace. Zkuste to znovu za pár minut.',
  'signInRefused.nothingOpened': 'Nikdo nebyl přihlášen a žádná síť nebyla otevřena.',
  'signIn.inviteHeading': 'Pozvat někoho k přihlášení účtem organizace',
  'signIn.inviteEmail': 'Pracovní e-mailová adresa pozvaného',
  'signIn.inviteSend': 'Pozvat',
  'signIn.invited': '{email} se teď může přihlásit účtem organizace a připojit se k týmu.',
  'signIn.inviteFailed': 'Pozvání se nepodařilo. Zkuste to za chvíli znovu.',
};
