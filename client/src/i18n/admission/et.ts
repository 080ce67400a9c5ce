/** Letting someone new in (issue 18), language et (English source: en.ts). */
import type { AdmissionWords } from './en';

export const admissionEt: AdmissionWords = {
  'admission.heading': 'Keegi uus',
  'admission.offLead':
    'Keegi oluline võib koodiga paluda sellele kohtumisele tulla. Keegi ei tule sisse ilma, et teda sisse lastakse.',
  'admission.show': 'Näita liitumispalve koodi',
  'admission.shownLead':
    'Keegi uus saab koodi skannida või lingi avada ja paluda liituda. See kehtib, kuni kohtumine on avatud ja koodi pole välja lülitatud.',
  'admission.qrLabel': 'QR-kood sellele kohtumisele liitumise palumiseks',
  'admission.turnOff': 'Lülita kood välja',
  'admission.asks': '{who} palub liituda',
  'admission.role': 'Roll: {name}',
  'admission.letIn': 'Lase {name} sisse',
  'admission.refuse': 'Ära lase {name} sisse',
  'admission.whoDecides': 'Keskne isik või spetsialist laseb ta sisse.',
  'ask.title': 'Palu kohtumisega liituda',
  'ask.lead':
    'Ütle, kes sa oled. Kohtumisel olijad näevad sinu nime ja seost ning otsustavad, kas sa liitud.',
  'ask.name': 'Nimi, millega soovid, et sind kutsutaks',
  'ask.relation': 'Sinu seos (näiteks: naaber)',
  'ask.send': 'Palu liituda',
  'ask.waitingTitle': 'Ootad sisselaskmist',
  'ask.waitingLead':
    'Kohtumise keskne isik või üks spetsialistidest laseb sind sisse. Hoia see leht lahti: see muutub ise.',
  'ask.refusedTitle': 'Sind ei lastud seekord sisse',
  'ask.refusedLead':
    'Kohtumisel olijad otsustasid, et sa praegu ei liitu. Võid rääkida inimesega, kes sind kutsus.',
  'ask.inTitle': 'Oled sees',
  'ask.inLead': 'See on sinu isiklik link hilisemaks. Hoia see endale: see avab kohtumise sinuna.',
  'ask.yourLink': 'Sinu isiklik link',
  'ask.go': 'Mine kohtumisele',
  'ask.invalid': 'See kood ei kehti enam: kohtumine lõppes või kood lülitati välja.',
  'ask.tooMany': 'Liiga palju katseid siit. Oota veidi ja proovi uuesti.',
  'activity.admissionOpened': '{actor} näitas liitumispalve koodi: {meeting}',
  'activity.admissionClosed': '{actor} lülitas liitumispalve koodi välja: {meeting}',
  'activity.admitted': '{actor} lasi sisse: {subject}',
  'activity.joinRefused': '{actor} ei lasknud kedagi sisse',
};
