/** Letting someone new in (issue 18), language sv (English source: en.ts). */
import type { AdmissionWords } from './en';

export const admissionSv: AdmissionWords = {
  'admission.heading': 'Någon ny',
  'admission.offLead':
    'Någon ny som betyder något kan be att få vara med på mötet med en kod. Ingen kommer in utan att bli insläppt.',
  'admission.show': 'Visa en kod för att be om att vara med',
  'admission.shownLead':
    'Någon ny kan skanna koden eller öppna länken och be att få vara med. Den fungerar medan mötet är öppet, tills den stängs av.',
  'admission.qrLabel': 'QR-kod för att be om att vara med på mötet',
  'admission.turnOff': 'Stäng av koden',
  'admission.asks': '{who} ber att få vara med',
  'admission.role': 'Roll för {name}',
  'admission.letIn': 'Släpp in {name}',
  'admission.refuse': 'Släpp inte in {name}',
  'admission.whoDecides': 'Personen i centrum eller en professionell släpper in dem.',
  'ask.title': 'Be att få vara med på mötet',
  'ask.lead':
    'Säg vem du är. De som är med på mötet ser ditt namn och hur ni är relaterade, och bestämmer om du får vara med.',
  'ask.name': 'Namnet du vill kallas',
  'ask.relation': 'Hur ni är relaterade (till exempel: granne)',
  'ask.send': 'Be att få vara med',
  'ask.waitingTitle': 'Väntar på att bli insläppt',
  'ask.waitingLead':
    'Personen i centrum för mötet eller någon av de professionella släpper in dig. Låt sidan vara öppen: den ändras av sig själv.',
  'ask.refusedTitle': 'Du blev inte insläppt den här gången',
  'ask.refusedLead':
    'De som är med på mötet bestämde att du inte är med nu. Du kan prata med den som bad dig komma.',
  'ask.inTitle': 'Du är med',
  'ask.inLead':
    'Det här är din personliga länk för senare. Behåll den för dig själv: den öppnar mötet som dig.',
  'ask.yourLink': 'Din personliga länk',
  'ask.go': 'Gå till mötet',
  'ask.invalid': 'Koden fungerar inte längre: mötet har slutat eller koden stängdes av.',
  'ask.tooMany': 'För många försök härifrån. Vänta en stund och försök igen.',
  'activity.admissionOpened': '{actor} visade en kod för att be om att vara med på {meeting}',
  'activity.admissionClosed': '{actor} stängde av koden för att be om att vara med på {meeting}',
  'activity.admitted': '{actor} släppte in {subject}',
  'activity.joinRefused': '{actor} släppte inte in någon',
};
