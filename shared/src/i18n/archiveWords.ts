/**
 * The words of a person's own archive ("everything Polyphony holds about me", GDPR Articles 15 and
 * 20): the about-you.md the server writes beside the meetings' Markdown and about-you.json, in the
 * reader's language. `{name}` marks a placeholder (fill.ts).
 */
import type { Language } from './languages.js';

/** English, and the keys every other language must have. */
const en = {
  title: 'What Polyphony holds about {name}',
  intro:
    'Everything Polyphony keeps about you in {network}: your details, your personal links, the meetings and what was written in them, and the activity log of the network. The same, for computers, is in about-you.json.',
  made: 'Made {when} (UTC).',
  details: 'Your details',
  name: 'Name',
  relation: 'Relation',
  role: 'Role',
  since: 'In the network since',
  lastSeen: 'Last here',
  never: 'never',
  links: 'Your personal links',
  link: 'Made {created}, works until {expires}',
  revoked: 'revoked {when}',
  meetings: 'Meetings',
  attended: 'you took part',
  activity: 'Activity log',
  activityNote:
    '{count} entries: who joined, looked, exported, invited or revoked, and when (in about-you.json).',
} as const;

/** A key of the archive words. */
export type ArchiveWordKey = keyof typeof en;

/** The archive words of one language. */
export type ArchiveWords = { readonly [K in ArchiveWordKey]: string };

/** The archive's words in every language of the interface. */
export const ARCHIVE_WORDS: Readonly<Record<Language, ArchiveWords>> = {
  en,
  fi: {
    title: 'Mitä Polyphony säilyttää henkilöstä {name}',
    intro:
      'Kaikki, mitä Polyphony säilyttää sinusta verkostossa {network}: tietosi, henkilökohtaiset linkkisi, kokoukset ja niihin kirjoitettu sekä verkoston tapahtumaloki. Samat tiedot koneluettavina ovat tiedostossa about-you.json.',
    made: 'Tehty {when} (UTC).',
    details: 'Tietosi',
    name: 'Nimi',
    relation: 'Suhde',
    role: 'Rooli',
    since: 'Verkostossa alkaen',
    lastSeen: 'Viimeksi paikalla',
    never: 'ei koskaan',
    links: 'Henkilökohtaiset linkkisi',
    link: 'Tehty {created}, toimii {expires} asti',
    revoked: 'peruttu {when}',
    meetings: 'Kokoukset',
    attended: 'olit mukana',
    activity: 'Tapahtumaloki',
    activityNote:
      '{count} merkintää: kuka liittyi, katsoi, vei tiedostoksi, kutsui tai perui, ja milloin (tiedostossa about-you.json).',
  },
  sv: {
    title: 'Vad Polyphony har sparat om {name}',
    intro:
      'Allt som Polyphony sparar om dig i {network}: dina uppgifter, dina personliga länkar, mötena och det som skrevs i dem, och nätverkets aktivitetslogg. Samma sak i maskinläsbar form finns i about-you.json.',
    made: 'Skapad {when} (UTC).',
    details: 'Dina uppgifter',
    name: 'Namn',
    relation: 'Relation',
    role: 'Roll',
    since: 'I nätverket sedan',
    lastSeen: 'Senast här',
    never: 'aldrig',
    links: 'Dina personliga länkar',
    link: 'Skapad {created}, fungerar till {expires}',
    revoked: 'återkallad {when}',
    meetings: 'Möten',
    attended: 'du var med',
    activity: 'Aktivitetslogg',
    activityNote:
      '{count} poster: vem som gick med, tittade, exporterade, bjöd in eller återkallade, och när (i about-you.json).',
  },
  et: {
    title: 'Mida Polyphony hoiab isiku {name} kohta',
    intro:
      'Kõik, mida Polyphony sinu kohta võrgustikus {network} hoiab: sinu andmed, sinu isiklikud lingid, kohtumised ja neisse kirjutatu ning võrgustiku tegevuslogi. Sama masinloetavana on failis about-you.json.',
    made: 'Koostatud {when} (UTC).',
    details: 'Sinu andmed',
    name: 'Nimi',
    relation: 'Seos',
    role: 'Roll',
    since: 'Võrgustikus alates',
    lastSeen: 'Viimati siin',
    never: 'mitte kunagi',
    links: 'Sinu isiklikud lingid',
    link: 'Loodud {created}, kehtib kuni {expires}',
    revoked: 'tühistatud {when}',
    meetings: 'Kohtumised',
    attended: 'osalesid',
    activity: 'Tegevuslogi',
    activityNote:
      '{count} kirjet: kes liitus, vaatas, eksportis, kutsus või tühistas, ja millal (failis about-you.json).',
  },
  cs: {
    title: 'Co Polyphony uchovává o osobě {name}',
    intro:
      'Vše, co o vás Polyphony uchovává v síti {network}: vaše údaje, vaše osobní odkazy, setkání a to, co se do nich napsalo, a záznam činnosti sítě. Totéž ve strojově čitelné podobě je v souboru about-you.json.',
    made: 'Vytvořeno {when} (UTC).',
    details: 'Vaše údaje',
    name: 'Jméno',
    relation: 'Vztah',
    role: 'Role',
    since: 'V síti od',
    lastSeen: 'Naposledy zde',
    never: 'nikdy',
    links: 'Vaše osobní odkazy',
    link: 'Vytvořen {created}, platí do {expires}',
    revoked: 'zrušen {when}',
    meetings: 'Setkání',
    attended: 'byli jste u toho',
    activity: 'Záznam činnosti',
    activityNote:
      '{count} záznamů: kdo se připojil, díval se, exportoval, pozval nebo zrušil odkaz, a kdy (v souboru about-you.json).',
  },
  nl: {
    title: 'Wat Polyphony bewaart over {name}',
    intro:
      'Alles wat Polyphony over je bewaart in {network}: je gegevens, je persoonlijke links, de bijeenkomsten en wat erin werd geschreven, en het activiteitenlogboek van het netwerk. Hetzelfde, leesbaar voor computers, staat in about-you.json.',
    made: 'Gemaakt {when} (UTC).',
    details: 'Je gegevens',
    name: 'Naam',
    relation: 'Relatie',
    role: 'Rol',
    since: 'In het netwerk sinds',
    lastSeen: 'Laatst hier',
    never: 'nooit',
    links: 'Je persoonlijke links',
    link: 'Gemaakt {created}, werkt tot {expires}',
    revoked: 'ingetrokken {when}',
    meetings: 'Bijeenkomsten',
    attended: 'je was erbij',
    activity: 'Activiteitenlogboek',
    activityNote:
      '{count} regels: wie meedeed, keek, exporteerde, uitnodigde of introk, en wanneer (in about-you.json).',
  },
  de: {
    title: 'Was Polyphony über {name} speichert',
    intro:
      'Alles, was Polyphony in {network} über dich speichert: deine Angaben, deine persönlichen Links, die Treffen und was darin geschrieben wurde, und das Aktivitätsprotokoll des Netzwerks. Dasselbe, für Computer lesbar, steht in about-you.json.',
    made: 'Erstellt {when} (UTC).',
    details: 'Deine Angaben',
    name: 'Name',
    relation: 'Beziehung',
    role: 'Rolle',
    since: 'Im Netzwerk seit',
    lastSeen: 'Zuletzt hier',
    never: 'nie',
    links: 'Deine persönlichen Links',
    link: 'Erstellt {created}, gültig bis {expires}',
    revoked: 'widerrufen {when}',
    meetings: 'Treffen',
    attended: 'du warst dabei',
    activity: 'Aktivitätsprotokoll',
    activityNote:
      '{count} Einträge: wer beitrat, sich etwas ansah, exportierte, einlud oder widerrief, und wann (in about-you.json).',
  },
  it: {
    title: 'Che cosa Polyphony conserva su {name}',
    intro:
      'Tutto ciò che Polyphony conserva su di te in {network}: i tuoi dati, i tuoi link personali, gli incontri e ciò che vi è stato scritto, e il registro delle attività della rete. Lo stesso, leggibile da un computer, è in about-you.json.',
    made: 'Creato {when} (UTC).',
    details: 'I tuoi dati',
    name: 'Nome',
    relation: 'Relazione',
    role: 'Ruolo',
    since: 'Nella rete dal',
    lastSeen: 'Ultima volta qui',
    never: 'mai',
    links: 'I tuoi link personali',
    link: 'Creato {created}, valido fino a {expires}',
    revoked: 'revocato {when}',
    meetings: 'Incontri',
    attended: 'eri presente',
    activity: 'Registro delle attività',
    activityNote:
      '{count} voci: chi si è unito, ha guardato, esportato, invitato o revocato, e quando (in about-you.json).',
  },
};
