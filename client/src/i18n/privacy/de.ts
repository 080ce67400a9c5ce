/** Die Wörter des Datenschutzes auf Deutsch (englische Quelle: en.ts). */
import type { PrivacyWords } from './en';

export const privacyDe: PrivacyWords = {
  'leave.button': 'Dieses Gerät verlassen',
  'leave.question': 'Dieses Gerät verlassen?',
  'leave.what':
    'Du wirst hier abgemeldet, und die Kopie der Treffen, die dieses Gerät gespeichert hat, wird gelöscht. Um zurückzukommen, öffne deinen persönlichen Link erneut.',
  'leave.unsaved': 'Einige deiner Änderungen sind noch nicht auf dem Server gespeichert: Sie gehen verloren.',
  'leave.yes': 'Ja, dieses Gerät verlassen',
  'leave.leaving': 'Wird verlassen…',
  'left.title': 'Du hast dieses Gerät verlassen',
  'left.lead': 'Auf diesem Gerät ist nichts mehr vom Netzwerk gespeichert, und du bist abgemeldet.',
  'left.back':
    'Um zurückzukommen, öffne deinen persönlichen Link erneut (aus der Nachricht, mit der du ihn bekommen hast).',
  'tooMany.title': 'Zu viele Versuche',
  'tooMany.lead':
    'Von dieser Verbindung wurden in kurzer Zeit zu viele Links geöffnet. Warte eine Minute und öffne deinen Link dann erneut.',
  'switch.title': 'Wer bist du auf diesem Gerät?',
  'switch.lead': 'Dieses Gerät ist {current} in {network}. Der Link, den du geöffnet hast, ist für {link}.',
  'switch.why':
    'Der Link kam von einer anderen Website, deshalb hat sich noch nichts geändert. Wenn dir jemand diesen Link gegeben hat oder ihr das Gerät teilt, wähle, wer du bist.',
  'switch.become': 'Weiter als {name}',
  'switch.stay': '{name} bleiben',
  'switch.none': 'Es gibt nichts zu wählen',
  'switch.noneLead':
    'Auf diesem Gerät wartet kein Link darauf, geöffnet zu werden. Öffne deinen persönlichen Link erneut.',
  'close.rewritten': 'Dieses Treffen wurde durch eine Löschung geändert — es wird neu geladen',
  'ended.erasedTitle': 'Dieses Treffen ist nicht mehr hier',
  'ended.erasedLead':
    'Es wurde gelöscht, oder deine Angaben wurden gelöscht. Die Kopie, die dieses Gerät gespeichert hatte, ist gelöscht.',
  'ended.revokedLead':
    'Du kannst das Netzwerk damit nicht mehr öffnen, und die Kopie, die dieses Gerät gespeichert hatte, ist gelöscht. Wenn das ein Irrtum ist, bitte die Person, die dich eingeladen hat, um einen neuen Link.',
  'ended.rewrittenTitle': 'Das Treffen wird neu geladen',
  'ended.rewrittenLead':
    'Aus diesem Treffen wurden die Angaben einer Person gelöscht. Die Kopie dieses Geräts wurde gelöscht, und das Treffen wird neu geladen.',
  'ended.sessionTitle': 'Deine Sitzung auf diesem Gerät ist beendet',
  'ended.sessionIdle': 'Sie wurde beendet, weil dieses Gerät {minutes} Min. nicht benutzt wurde.',
  'ended.sessionLifetime': 'Sie wurde beendet, weil sie ihre Zeitgrenze erreicht hat.',
  'ended.sessionOther': 'Sie wurde auf diesem Gerät beendet.',
  'ended.sessionBack':
    'Um zurückzukommen, öffne deinen persönlichen Link erneut. Alles, was in den Treffen geschrieben wurde, bleibt erhalten.',
  'privacy.heading': 'Deine Daten',
  'privacy.retention':
    'Aufbewahrt bis {date}, wenn niemand es nutzt: Netzwerke ohne Aktivität seit {days} Tagen werden gelöscht.',
  'privacy.yourData':
    'Hier kannst du alles herunterladen, was Polyphony über dich speichert: deine Angaben, deine Links, die Treffen und das Aktivitätsprotokoll.',
  'privacy.download': 'Alles über mich herunterladen',
  'privacy.eraseHint':
    'Löschen lässt sich nicht rückgängig machen. Kopien, die jemand heruntergeladen oder gedruckt hat, bleiben bestehen.',
  'erase.network': 'Dieses Netzwerk löschen…',
  'erase.networkWhat': 'Das löscht {network} endgültig:',
  'erase.networkMeetings': {
    one: '{count} Treffen und alles, was darin geschrieben wurde ({versions} frühere Versionen)',
    other: '{count} Treffen und alles, was darin geschrieben wurde ({versions} frühere Versionen)',
  },
  'erase.networkPeople': {
    one: '{count} Person und ihren Link: {names}',
    other: '{count} Personen und ihre Links: {names}',
  },
  'erase.networkLog': {
    one: 'das Aktivitätsprotokoll ({count} Eintrag)',
    other: 'das Aktivitätsprotokoll ({count} Einträge)',
  },
  'erase.networkConfirm': '{network} löschen',
  'erase.networkDone': 'Das Netzwerk wurde gelöscht',
  'erase.networkDoneLead':
    'Polyphony speichert nichts mehr davon, und niemand kann es wieder öffnen. Auch die Kopie dieses Geräts wurde gelöscht.',
  'erase.meeting': 'Treffen {n} löschen…',
  'erase.meetingWhat':
    'Das löscht Treffen {n}, „{title}“, endgültig: sein Dokument und alles, was darin geschrieben wurde, seine {versions} früheren Versionen und die vereinbarte Version, wer dabei war und wer was gesehen hat. Das Protokoll behält, dass es gelöscht wurde.',
  'erase.meetingConfirm': 'Treffen {n} löschen',
  'erase.person': 'Löschen…',
  'erase.personLabel': '{name} löschen',
  'erase.personWhat': 'Das löscht {name} endgültig aus dem Netzwerk:',
  'erase.personDetails':
    'Name und Beziehung überall, wo sie vorkommen, Links ({links}) und Sitzungen auf Geräten ({sessions})',
  'erase.personLog': {
    one: 'den Namen in {count} Eintrag des Aktivitätsprotokolls',
    other: 'den Namen in {count} Einträgen des Aktivitätsprotokolls',
  },
  'erase.personWords': {
    one: 'Und was die Person in {count} Treffen gesagt und geschrieben hat:',
    other: 'Und was die Person in {count} Treffen gesagt und geschrieben hat:',
  },
  'erase.wordsLabel': 'Was mit dem geschieht, was {name} gesagt und geschrieben hat',
  'erase.remove': 'Entfernen.',
  'erase.removeText':
    'Alles, was {name} gesagt oder geschrieben hat, verschwindet; was andere geschrieben haben, bleibt.',
  'erase.anonymise': 'Ohne Namen behalten.',
  'erase.anonymiseText':
    'Die Worte bleiben im Dokument als die von jemandem; nichts sagt, dass sie von {name} waren.',
  'erase.wordsWhy':
    'Entfernen ist, was Löschen heißt. Die Worte ohne Namen zu behalten, hält das Dokument für die anderen vollständig, wenn {name} zustimmt oder der Dienst es aufbewahren muss.',
  'erase.personConfirm': '{name} löschen',
  'erase.forGood': 'Das lässt sich nicht rückgängig machen: Polyphony kann es nicht zurückholen.',
  'erase.erasing': 'Wird gelöscht…',
  'start.tooMany':
    'Von dieser Verbindung wurden zu viele Netzwerke gestartet. Warte eine Weile und versuche es erneut.',
  'start.turnedOff':
    'Netzwerke zu starten ist hier ausgeschaltet. Eine Fachperson deines Teams oder der Betreiber kann eines starten.',
  'activity.versionViewed': '{actor} hat eine frühere Version von {meeting} geöffnet',
  'activity.agreedViewed': '{actor} hat die vereinbarte Version von {meeting} angesehen',
  'activity.searched': '{actor} hat in den Treffen gesucht',
  'activity.networkViewed': '{actor} hat die Netzwerkseite geöffnet',
  'activity.ownDataExported': '{actor} hat alles heruntergeladen, was Polyphony über sie oder ihn speichert',
  'activity.meetingErased': '{actor} hat ein Treffen gelöscht',
  'activity.wasMeetingErased': 'Ein Treffen wurde gelöscht',
  'activity.personErased': '{actor} hat die Angaben einer Person gelöscht',
  'activity.wasPersonErased': 'Die Angaben einer Person wurden gelöscht',
};
