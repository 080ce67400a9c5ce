/** Letting someone new in (issue 18), language it (English source: en.ts). */
import type { AdmissionWords } from './en';

export const admissionIt: AdmissionWords = {
  'admission.heading': 'Qualcuno di nuovo',
  'admission.offLead':
    'Qualcuno che conta può chiedere con un codice di partecipare a questo incontro. Nessuno entra senza essere fatto entrare.',
  'admission.show': 'Mostra un codice per chiedere di partecipare',
  'admission.shownLead':
    'Qualcuno di nuovo può inquadrare questo codice o aprire il link e chiedere di partecipare. Vale finché l’incontro è aperto, fino a quando viene disattivato.',
  'admission.qrLabel': 'Codice QR per chiedere di partecipare a questo incontro',
  'admission.turnOff': 'Disattiva il codice',
  'admission.asks': '{who} chiede di partecipare',
  'admission.role': 'Ruolo per {name}',
  'admission.letIn': 'Fai entrare {name}',
  'admission.refuse': 'Non far entrare {name}',
  'admission.whoDecides': 'La persona al centro o un professionista li fa entrare.',
  'ask.title': 'Chiedi di partecipare all’incontro',
  'ask.lead':
    'Di’ chi sei. Le persone dell’incontro vedranno il tuo nome e il tuo legame, e decideranno se partecipi.',
  'ask.name': 'Il nome con cui vuoi essere chiamato',
  'ask.relation': 'Il tuo legame (per esempio: vicino di casa)',
  'ask.send': 'Chiedi di partecipare',
  'ask.waitingTitle': 'In attesa di entrare',
  'ask.waitingLead':
    'La persona al centro dell’incontro o uno dei professionisti ti farà entrare. Tieni aperta questa pagina: cambia da sola.',
  'ask.refusedTitle': 'Questa volta non sei stato fatto entrare',
  'ask.refusedLead':
    'Le persone dell’incontro hanno deciso che ora non partecipi. Puoi parlare con chi ti ha chiesto di venire.',
  'ask.inTitle': 'Sei dentro',
  'ask.inLead': 'Questo è il tuo link personale per dopo. Tienilo per te: apre l’incontro come te.',
  'ask.yourLink': 'Il tuo link personale',
  'ask.go': 'Vai all’incontro',
  'ask.invalid': 'Questo codice non funziona più: l’incontro è finito o il codice è stato disattivato.',
  'ask.tooMany': 'Troppi tentativi da qui. Aspetta un po’ e riprova.',
  'activity.admissionOpened': '{actor} ha mostrato un codice per chiedere di partecipare a {meeting}',
  'activity.admissionClosed': '{actor} ha disattivato il codice per partecipare a {meeting}',
  'activity.admitted': '{actor} ha fatto entrare {subject}',
  'activity.joinRefused': '{actor} non ha fatto entrare qualcuno',
};
