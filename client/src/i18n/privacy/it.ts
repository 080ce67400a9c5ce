/** Le parole della protezione dei dati in italiano (fonte inglese: en.ts). */
import type { PrivacyWords } from './en';

export const privacyIt: PrivacyWords = {
  'leave.button': 'Lascia questo dispositivo',
  'leave.question': 'Lasciare questo dispositivo?',
  'leave.what':
    'Qui verrai disconnesso e la copia degli incontri conservata da questo dispositivo verrà cancellata. Per tornare, apri di nuovo il tuo link personale.',
  'leave.unsaved': 'Alcune tue modifiche non sono ancora salvate sul server: andranno perse.',
  'leave.yes': 'Sì, lascia questo dispositivo',
  'leave.leaving': 'Uscita in corso…',
  'left.title': 'Hai lasciato questo dispositivo',
  'left.lead': 'Su questo dispositivo non è più conservato nulla della rete, e sei disconnesso.',
  'left.back': 'Per tornare, apri di nuovo il tuo link personale (dal messaggio in cui l’hai ricevuto).',
  'tooMany.title': 'Troppi tentativi',
  'tooMany.lead':
    'Da questa connessione sono stati aperti troppi link in poco tempo. Aspetta un minuto, poi apri di nuovo il tuo link.',
  'switch.title': 'Chi sei su questo dispositivo?',
  'switch.lead': 'Questo dispositivo è {current} in {network}. Il link che hai aperto è per {link}.',
  'switch.why':
    'Il link viene da un altro sito, quindi non è ancora cambiato nulla. Se qualcuno ti ha dato questo link, o condividi questo dispositivo, scegli chi sei.',
  'switch.become': 'Continua come {name}',
  'switch.stay': 'Resta {name}',
  'switch.none': 'Non c’è niente da scegliere',
  'switch.noneLead':
    'Nessun link è in attesa di essere aperto su questo dispositivo. Apri di nuovo il tuo link personale.',
  'close.rewritten': 'Questo incontro è stato modificato da una cancellazione — viene ricaricato',
  'ended.erasedTitle': 'Questo incontro non è più qui',
  'ended.erasedLead':
    'È stato cancellato, oppure sono stati cancellati i tuoi dati. La copia conservata da questo dispositivo è stata cancellata.',
  'ended.revokedLead':
    'Non puoi più aprire la rete con esso, e la copia conservata da questo dispositivo è stata cancellata. Se è un errore, chiedi un nuovo link a chi ti ha invitato.',
  'ended.rewrittenTitle': 'L’incontro viene ricaricato',
  'ended.rewrittenLead':
    'Da questo incontro sono stati cancellati i dati di una persona. La copia di questo dispositivo è stata cancellata e l’incontro viene ricaricato.',
  'ended.sessionTitle': 'La tua sessione su questo dispositivo è terminata',
  'ended.sessionIdle': 'È terminata perché questo dispositivo non è stato usato per {minutes} min.',
  'ended.sessionLifetime': 'È terminata perché ha raggiunto il suo limite di tempo.',
  'ended.sessionOther': 'È stata chiusa su questo dispositivo.',
  'ended.sessionBack':
    'Per tornare, apri di nuovo il tuo link personale. Tutto ciò che è stato scritto negli incontri resta.',
  'privacy.heading': 'I tuoi dati',
  'privacy.retention':
    'Conservata fino al {date} se nessuno la usa: le reti senza attività da {days} giorni vengono cancellate.',
  'privacy.yourData':
    'Qui puoi scaricare tutto ciò che Polyphony conserva su di te: i tuoi dati, i tuoi link, gli incontri e il registro delle attività.',
  'privacy.download': 'Scarica tutto su di me',
  'privacy.eraseHint':
    'La cancellazione non si può annullare. Le copie che qualcuno ha scaricato o stampato restano.',
  'erase.network': 'Cancella questa rete…',
  'erase.networkWhat': 'Questo cancella per sempre {network}:',
  'erase.networkMeetings': {
    one: '{count} incontro e tutto ciò che vi è stato scritto ({versions} versioni precedenti)',
    other: '{count} incontri e tutto ciò che vi è stato scritto ({versions} versioni precedenti)',
  },
  'erase.networkPeople': {
    one: '{count} persona e il suo link: {names}',
    other: '{count} persone e i loro link: {names}',
  },
  'erase.networkLog': {
    one: 'il registro delle attività ({count} voce)',
    other: 'il registro delle attività ({count} voci)',
  },
  'erase.networkConfirm': 'Cancella {network}',
  'erase.networkDone': 'La rete è stata cancellata',
  'erase.networkDoneLead':
    'Polyphony non ne conserva più nulla, e nessuno può riaprirla. Anche la copia di questo dispositivo è stata cancellata.',
  'erase.meeting': 'Cancella l’incontro {n}…',
  'erase.meetingWhat':
    'Questo cancella per sempre l’incontro {n}, «{title}»: il suo documento e tutto ciò che vi è stato scritto, le sue {versions} versioni precedenti e la versione concordata, chi era presente e chi ha visto cosa. Il registro conserva che è stato cancellato.',
  'erase.meetingConfirm': 'Cancella l’incontro {n}',
  'erase.person': 'Cancella…',
  'erase.personLabel': 'Cancella {name}',
  'erase.personWhat': 'Questo cancella per sempre {name} dalla rete:',
  'erase.personDetails':
    'il nome e la relazione ovunque compaiano, i link ({links}) e le sessioni sui dispositivi ({sessions})',
  'erase.personLog': {
    one: 'il nome in {count} voce del registro delle attività',
    other: 'il nome in {count} voci del registro delle attività',
  },
  'erase.personWords': {
    one: 'E ciò che ha detto e scritto in {count} incontro:',
    other: 'E ciò che ha detto e scritto in {count} incontri:',
  },
  'erase.wordsLabel': 'Che cosa succede a ciò che {name} ha detto e scritto',
  'erase.remove': 'Rimuoverlo.',
  'erase.removeText':
    'Tutto ciò che {name} ha detto o scritto sparisce; ciò che hanno scritto gli altri resta.',
  'erase.anonymise': 'Conservarlo senza nome.',
  'erase.anonymiseText': 'Le parole restano nel documento come di qualcuno; niente dice che erano di {name}.',
  'erase.wordsWhy':
    'Rimuovere è ciò che significa cancellare. Conservare le parole senza nome mantiene il documento integro per gli altri, quando {name} è d’accordo o il servizio deve conservarlo.',
  'erase.personConfirm': 'Cancella {name}',
  'erase.forGood': 'Non si può annullare: Polyphony non può recuperarlo.',
  'erase.erasing': 'Cancellazione in corso…',
  'start.tooMany': 'Da questa connessione sono state avviate troppe reti. Aspetta un po’ e riprova.',
  'start.turnedOff':
    'Avviare una rete qui è disattivato. Può avviarla un professionista del tuo team, oppure l’amministratore.',
  'activity.versionViewed': '{actor} ha aperto una versione precedente di {meeting}',
  'activity.agreedViewed': '{actor} ha visto la versione concordata di {meeting}',
  'activity.searched': '{actor} ha cercato negli incontri',
  'activity.networkViewed': '{actor} ha aperto la pagina della rete',
  'activity.ownDataExported': '{actor} ha scaricato tutto ciò che Polyphony conserva su di sé',
  'activity.meetingErased': '{actor} ha cancellato un incontro',
  'activity.wasMeetingErased': 'Un incontro è stato cancellato',
  'activity.personErased': '{actor} ha cancellato i dati di una persona',
  'activity.wasPersonErased': 'I dati di una persona sono stati cancellati',
};
