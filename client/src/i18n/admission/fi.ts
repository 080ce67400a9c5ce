/** Letting someone new in (issue 18), language fi (English source: en.ts). */
import type { AdmissionWords } from './en';

export const admissionFi: AdmissionWords = {
  'admission.heading': 'Joku uusi',
  'admission.offLead':
    'Joku tärkeä ihminen voi pyytää päästä tähän kokoukseen koodilla. Kukaan ei tule sisään ilman, että hänet päästetään.',
  'admission.show': 'Näytä koodi liittymispyyntöön',
  'admission.shownLead':
    'Uusi ihminen voi skannata koodin tai avata linkin ja pyytää päästä mukaan. Se toimii niin kauan kuin kokous on auki ja koodia ei ole suljettu.',
  'admission.qrLabel': 'QR-koodi pyyntöön päästä tähän kokoukseen',
  'admission.turnOff': 'Sulje koodi',
  'admission.asks': '{who} pyytää päästä mukaan',
  'admission.role': 'Rooli: {name}',
  'admission.letIn': 'Päästä {name} mukaan',
  'admission.refuse': 'Älä päästä {name} mukaan',
  'admission.whoDecides': 'Keskushenkilö tai ammattilainen päästää hänet mukaan.',
  'ask.title': 'Pyydä päästä kokoukseen',
  'ask.lead': 'Kerro, kuka olet. Kokouksen ihmiset näkevät nimesi ja suhteesi ja päättävät, pääsetkö mukaan.',
  'ask.name': 'Nimi, jolla haluat sinua kutsuttavan',
  'ask.relation': 'Suhteesi (esimerkiksi: naapuri)',
  'ask.send': 'Pyydä päästä mukaan',
  'ask.waitingTitle': 'Odotat pääsyä mukaan',
  'ask.waitingLead':
    'Kokouksen keskushenkilö tai joku ammattilaisista päästää sinut mukaan. Pidä tämä sivu auki: se vaihtuu itsestään.',
  'ask.refusedTitle': 'Et päässyt mukaan tällä kertaa',
  'ask.refusedLead':
    'Kokouksen ihmiset päättivät, ettet tule mukaan nyt. Voit puhua sen ihmisen kanssa, joka pyysi sinua tulemaan.',
  'ask.inTitle': 'Olet mukana',
  'ask.inLead':
    'Tämä on henkilökohtainen linkkisi myöhempää varten. Pidä se itselläsi: se avaa kokouksen sinuna.',
  'ask.yourLink': 'Henkilökohtainen linkkisi',
  'ask.go': 'Siirry kokoukseen',
  'ask.invalid': 'Tämä koodi ei enää toimi: kokous päättyi tai koodi suljettiin.',
  'ask.tooMany': 'Liian monta yritystä täältä. Odota hetki ja yritä uudelleen.',
  'activity.admissionOpened': '{actor} näytti koodin pyyntöön päästä kokoukseen: {meeting}',
  'activity.admissionClosed': '{actor} sulki koodin pyyntöön päästä kokoukseen: {meeting}',
  'activity.admitted': '{actor} päästi mukaan: {subject}',
  'activity.joinRefused': '{actor} ei päästänyt jotakuta mukaan',
};
