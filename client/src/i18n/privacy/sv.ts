/** Dataskyddets ord på svenska (engelsk källa: en.ts). */
import type { PrivacyWords } from './en';

export const privacySv: PrivacyWords = {
  'leave.button': 'Lämna den här enheten',
  'leave.question': 'Lämna den här enheten?',
  'leave.what':
    'Du loggas ut här, och kopian av mötena som enheten sparat raderas. För att komma tillbaka öppnar du din personliga länk igen.',
  'leave.unsaved': 'Några av dina ändringar är inte sparade på servern ännu: de går förlorade.',
  'leave.yes': 'Ja, lämna den här enheten',
  'leave.leaving': 'Lämnar…',
  'left.title': 'Du har lämnat den här enheten',
  'left.lead': 'Inget av nätverket finns längre sparat på den här enheten, och du är utloggad.',
  'left.back': 'För att komma tillbaka öppnar du din personliga länk igen (från meddelandet du fick den i).',
  'tooMany.title': 'För många försök',
  'tooMany.lead':
    'För många länkar öppnades från den här anslutningen på kort tid. Vänta en minut och öppna sedan din länk igen.',
  'switch.title': 'Vem är du på den här enheten?',
  'switch.lead': 'Den här enheten är {current} i {network}. Länken du öppnade är till {link}.',
  'switch.why':
    'Länken kom från en annan webbplats, så inget har ändrats ännu. Om någon gav dig länken, eller om ni delar enheten, välj vem du är.',
  'switch.become': 'Fortsätt som {name}',
  'switch.stay': 'Förbli {name}',
  'switch.none': 'Det finns inget att välja',
  'switch.noneLead': 'Ingen länk väntar på att öppnas på den här enheten. Öppna din personliga länk igen.',
  'close.rewritten': 'Mötet ändrades av en radering — det laddas igen',
  'ended.erasedTitle': 'Det här mötet finns inte längre här',
  'ended.erasedLead':
    'Det raderades, eller så raderades dina uppgifter. Kopian som enheten sparat har raderats.',
  'ended.revokedLead':
    'Du kan inte längre öppna nätverket med den, och kopian som enheten sparat har raderats. Om det är ett misstag, be den som bjöd in dig om en ny länk.',
  'ended.rewrittenTitle': 'Mötet laddas igen',
  'ended.rewrittenLead':
    'Någons uppgifter raderades ur mötet. Enhetens kopia raderades och mötet laddas igen.',
  'ended.sessionTitle': 'Din session på den här enheten har upphört',
  'ended.sessionIdle': 'Den upphörde eftersom enheten inte användes på {minutes} min.',
  'ended.sessionLifetime': 'Den upphörde eftersom den nådde sin tidsgräns.',
  'ended.sessionOther': 'Den avslutades på den här enheten.',
  'ended.sessionBack':
    'För att komma tillbaka öppnar du din personliga länk igen. Allt som skrivits i mötena finns kvar.',
  'privacy.heading': 'Dina uppgifter',
  'privacy.retention':
    'Sparas till {date} om ingen använder det: nätverk utan aktivitet på {days} dagar raderas.',
  'privacy.yourData':
    'Här kan du ladda ner allt som Polyphony har sparat om dig: dina uppgifter, dina länkar, mötena och aktivitetsloggen.',
  'privacy.download': 'Ladda ner allt om mig',
  'privacy.eraseHint':
    'En radering kan inte ångras. Kopior som någon laddat ner eller skrivit ut påverkas inte.',
  'erase.network': 'Radera det här nätverket…',
  'erase.networkWhat': 'Det här raderar {network} för gott:',
  'erase.networkMeetings': {
    one: '{count} möte och allt som skrivits i det ({versions} tidigare versioner)',
    other: '{count} möten och allt som skrivits i dem ({versions} tidigare versioner)',
  },
  'erase.networkPeople': {
    one: '{count} person och personens länk: {names}',
    other: '{count} personer och deras länkar: {names}',
  },
  'erase.networkLog': {
    one: 'aktivitetsloggen ({count} post)',
    other: 'aktivitetsloggen ({count} poster)',
  },
  'erase.networkConfirm': 'Radera {network}',
  'erase.networkDone': 'Nätverket raderades',
  'erase.networkDoneLead':
    'Polyphony sparar inget av det längre, och ingen kan öppna det igen. Även enhetens kopia raderades.',
  'erase.meeting': 'Radera möte {n}…',
  'erase.meetingWhat':
    'Det här raderar möte {n}, ”{title}”, för gott: dess dokument och allt som skrivits i det, dess {versions} tidigare versioner och versionen som man kom överens om, vem som var med och vem som såg vad. Loggen behåller att det raderades.',
  'erase.meetingConfirm': 'Radera möte {n}',
  'erase.person': 'Radera…',
  'erase.personLabel': 'Radera {name}',
  'erase.personWhat': 'Det här raderar {name} ur nätverket för gott:',
  'erase.personDetails':
    'namn och relation överallt där de förekommer, länkar ({links}) och sessioner på enheter ({sessions})',
  'erase.personLog': {
    one: 'namnet i {count} post i aktivitetsloggen',
    other: 'namnet i {count} poster i aktivitetsloggen',
  },
  'erase.personWords': {
    one: 'Och det personen sa och skrev i {count} möte:',
    other: 'Och det personen sa och skrev i {count} möten:',
  },
  'erase.wordsLabel': 'Vad som händer med det {name} sa och skrev',
  'erase.remove': 'Ta bort det.',
  'erase.removeText': 'Allt som {name} sa eller skrev försvinner; det andra skrev finns kvar.',
  'erase.anonymise': 'Behåll det utan namn.',
  'erase.anonymiseText': 'Orden finns kvar i dokumentet som någons; inget säger att de var {name}s.',
  'erase.wordsWhy':
    'Att ta bort är vad en radering betyder. Att behålla orden utan namn håller dokumentet helt för de andra, när {name} går med på det eller tjänsten måste spara det.',
  'erase.personConfirm': 'Radera {name}',
  'erase.forGood': 'Det här kan inte ångras: Polyphony kan inte få tillbaka det.',
  'erase.erasing': 'Raderar…',
  'start.tooMany': 'För många nätverk startades från den här anslutningen. Vänta en stund och försök igen.',
  'start.turnedOff':
    'Att starta ett nätverk här är avstängt. En professionell i ditt team, eller driftansvarig, kan starta ett.',
  'activity.versionViewed': '{actor} öppnade en tidigare version av {meeting}',
  'activity.agreedViewed': '{actor} tittade på {meeting} som man kom överens om',
  'activity.searched': '{actor} sökte i mötena',
  'activity.networkViewed': '{actor} öppnade nätverkets sida',
  'activity.ownDataExported': '{actor} laddade ner allt som Polyphony har sparat om hen',
  'activity.meetingErased': '{actor} raderade ett möte',
  'activity.wasMeetingErased': 'Ett möte raderades',
  'activity.personErased': '{actor} raderade en persons uppgifter',
  'activity.wasPersonErased': 'En persons uppgifter raderades',
};
