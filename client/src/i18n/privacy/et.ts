/** Andmekaitse sõnad eesti keeles (inglise allikas: en.ts). */
import type { PrivacyWords } from './en';

export const privacyEt: PrivacyWords = {
  'leave.button': 'Lahku sellest seadmest',
  'leave.question': 'Kas lahkud sellest seadmest?',
  'leave.what':
    'Sind logitakse siin välja ja koopia kohtumistest, mida see seade hoidis, kustutatakse. Tagasi tulemiseks ava oma isiklik link uuesti.',
  'leave.unsaved': 'Osa sinu muudatusi pole veel serverisse salvestatud: need lähevad kaotsi.',
  'leave.yes': 'Jah, lahku sellest seadmest',
  'leave.leaving': 'Lahkun…',
  'left.title': 'Sa lahkusid sellest seadmest',
  'left.lead': 'Selles seadmes ei hoita enam midagi võrgustikust ja sa oled välja logitud.',
  'left.back': 'Tagasi tulemiseks ava oma isiklik link uuesti (sõnumist, milles selle said).',
  'tooMany.title': 'Liiga palju katseid',
  'tooMany.lead':
    'Sellest ühendusest avati lühikese ajaga liiga palju linke. Oota minut ja ava siis oma link uuesti.',
  'switch.title': 'Kes sa selles seadmes oled?',
  'switch.lead': 'See seade on {current} võrgustikus {network}. Link, mille avasid, on isikule {link}.',
  'switch.why':
    'Link tuli teiselt veebilehelt, nii et midagi pole veel muutunud. Kui keegi andis sulle selle lingi või jagate seadet, vali, kes sa oled.',
  'switch.become': 'Jätka kui {name}',
  'switch.stay': 'Jää isikuks {name}',
  'switch.none': 'Pole midagi valida',
  'switch.noneLead': 'Selles seadmes ei oota ükski link avamist. Ava oma isiklik link uuesti.',
  'close.rewritten': 'Seda kohtumist muudeti kustutamisega — laadin uuesti',
  'ended.erasedTitle': 'Seda kohtumist siin enam pole',
  'ended.erasedLead':
    'See kustutati või kustutati sinu andmed. Koopia, mida see seade hoidis, on kustutatud.',
  'ended.revokedLead':
    'Sa ei saa sellega enam võrgustikku avada ja koopia, mida see seade hoidis, on kustutatud. Kui see on viga, palu kutsujalt uus link.',
  'ended.rewrittenTitle': 'Laadin kohtumise uuesti',
  'ended.rewrittenLead':
    'Kellegi andmed kustutati sellest kohtumisest. Selle seadme koopia kustutati ja kohtumine laaditakse uuesti.',
  'ended.sessionTitle': 'Sinu seanss selles seadmes on lõppenud',
  'ended.sessionIdle': 'See lõppes, sest seadet ei kasutatud {minutes} min.',
  'ended.sessionLifetime': 'See lõppes, sest jõudis oma ajapiirini.',
  'ended.sessionOther': 'See lõpetati selles seadmes.',
  'ended.sessionBack': 'Tagasi tulemiseks ava oma isiklik link uuesti. Kõik kohtumistesse kirjutatu säilib.',
  'privacy.heading': 'Sinu andmed',
  'privacy.retention':
    'Hoitakse kuni {date}, kui keegi seda ei kasuta: võrgustikud, kus {days} päeva jooksul midagi ei toimu, kustutatakse.',
  'privacy.yourData':
    'Siit saad alla laadida kõik, mida Polyphony sinu kohta hoiab: sinu andmed, lingid, kohtumised ja tegevuslogi.',
  'privacy.download': 'Laadi alla kõik minu kohta',
  'privacy.eraseHint':
    'Kustutamist ei saa tagasi võtta. See ei puuduta koopiaid, mille keegi on alla laadinud või välja printinud.',
  'erase.network': 'Kustuta see võrgustik…',
  'erase.networkWhat': 'See kustutab jäädavalt: {network}',
  'erase.networkMeetings': {
    one: '{count} kohtumine ja kõik sinna kirjutatu ({versions} varasemat versiooni)',
    other: '{count} kohtumist ja kõik neisse kirjutatu ({versions} varasemat versiooni)',
  },
  'erase.networkPeople': {
    one: '{count} inimene ja tema link: {names}',
    other: '{count} inimest ja nende lingid: {names}',
  },
  'erase.networkLog': {
    one: 'tegevuslogi ({count} kirje)',
    other: 'tegevuslogi ({count} kirjet)',
  },
  'erase.networkConfirm': 'Kustuta {network}',
  'erase.networkDone': 'Võrgustik kustutati',
  'erase.networkDoneLead':
    'Polyphony ei hoia sellest enam midagi ja keegi ei saa seda uuesti avada. Ka selle seadme koopia kustutati.',
  'erase.meeting': 'Kustuta kohtumine {n}…',
  'erase.meetingWhat':
    'See kustutab jäädavalt kohtumise {n}, „{title}“: selle dokumendi ja kõik sinna kirjutatu, selle {versions} varasemat versiooni ja kokkulepitud versiooni, kes osales ja kes mida nägi. Logisse jääb märge kustutamisest.',
  'erase.meetingConfirm': 'Kustuta kohtumine {n}',
  'erase.person': 'Kustuta…',
  'erase.personLabel': 'Kustuta {name}',
  'erase.personWhat': 'See kustutab võrgustikust jäädavalt: {name}',
  'erase.personDetails':
    'nime ja seose kõikjalt, kus need esinevad, lingid ({links}) ja seansid seadmetes ({sessions})',
  'erase.personLog': {
    one: 'nime {count} tegevuslogi kirjest',
    other: 'nime {count} tegevuslogi kirjest',
  },
  'erase.personWords': {
    one: 'Ja mida ta ütles ja kirjutas {count} kohtumisel:',
    other: 'Ja mida ta ütles ja kirjutas {count} kohtumisel:',
  },
  'erase.wordsLabel': 'Mis saab sellest, mida {name} ütles ja kirjutas',
  'erase.remove': 'Eemalda see.',
  'erase.removeText': 'Kõik, mida {name} ütles või kirjutas, kaob; teiste kirjutatu jääb.',
  'erase.anonymise': 'Hoia alles ilma nimeta.',
  'erase.anonymiseText':
    'Sõnad jäävad dokumenti kellegi omadena; miski ei ütle, et need olid isiku {name} omad.',
  'erase.wordsWhy':
    'Eemaldamine ongi kustutamine. Sõnade hoidmine ilma nimeta jätab dokumendi teistele terviklikuks, kui {name} on sellega nõus või teenus peab seda hoidma.',
  'erase.personConfirm': 'Kustuta {name}',
  'erase.forGood': 'Seda ei saa tagasi võtta: Polyphony ei saa seda taastada.',
  'erase.erasing': 'Kustutan…',
  'start.tooMany': 'Sellest ühendusest alustati liiga palju võrgustikke. Oota veidi ja proovi uuesti.',
  'start.turnedOff':
    'Võrgustiku alustamine on siin välja lülitatud. Seda saab teha sinu meeskonna spetsialist või haldaja.',
  'activity.versionViewed': '{actor} avas varasema versiooni: {meeting}',
  'activity.agreedViewed': '{actor} vaatas kokkulepitud versiooni: {meeting}',
  'activity.searched': '{actor} otsis kohtumistest',
  'activity.networkViewed': '{actor} avas võrgustiku lehe',
  'activity.ownDataExported': '{actor} laadis alla kõik, mida Polyphony tema kohta hoiab',
  'activity.meetingErased': '{actor} kustutas kohtumise',
  'activity.wasMeetingErased': 'Kohtumine kustutati',
  'activity.personErased': '{actor} kustutas inimese andmed',
  'activity.wasPersonErased': 'Inimese andmed kustutati',
};
