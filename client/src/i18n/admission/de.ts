/** Letting someone new in (issue 18), language de (English source: en.ts). */
import type { AdmissionWords } from './en';

export const admissionDe: AdmissionWords = {
  'admission.heading': 'Jemand Neues',
  'admission.offLead':
    'Jemand, der wichtig ist, kann mit einem Code bitten, an diesem Treffen teilzunehmen. Niemand kommt herein, ohne hereingelassen zu werden.',
  'admission.show': 'Code zum Teilnehmen zeigen',
  'admission.shownLead':
    'Jemand Neues kann diesen Code scannen oder den Link öffnen und um Teilnahme bitten. Er gilt, solange das Treffen offen ist und bis er ausgeschaltet wird.',
  'admission.qrLabel': 'QR-Code, um an diesem Treffen teilzunehmen',
  'admission.turnOff': 'Code ausschalten',
  'admission.asks': '{who} bittet um Teilnahme',
  'admission.role': 'Rolle für {name}',
  'admission.letIn': '{name} hereinlassen',
  'admission.refuse': '{name} nicht hereinlassen',
  'admission.whoDecides': 'Die Person im Mittelpunkt oder eine Fachperson lässt sie herein.',
  'ask.title': 'Um Teilnahme bitten',
  'ask.lead':
    'Sag, wer du bist. Die Menschen im Treffen sehen deinen Namen und deine Beziehung und entscheiden, ob du teilnimmst.',
  'ask.name': 'Der Name, mit dem du angesprochen werden möchtest',
  'ask.relation': 'Deine Beziehung (zum Beispiel: Nachbar)',
  'ask.send': 'Um Teilnahme bitten',
  'ask.waitingTitle': 'Warten auf Einlass',
  'ask.waitingLead':
    'Die Person im Mittelpunkt des Treffens oder eine der Fachpersonen lässt dich herein. Lass diese Seite offen: Sie ändert sich von selbst.',
  'ask.refusedTitle': 'Du wurdest diesmal nicht hereingelassen',
  'ask.refusedLead':
    'Die Menschen im Treffen haben entschieden, dass du jetzt nicht teilnimmst. Du kannst mit der Person sprechen, die dich gebeten hat zu kommen.',
  'ask.inTitle': 'Du bist dabei',
  'ask.inLead':
    'Das ist dein persönlicher Link für später. Behalte ihn für dich: Er öffnet das Treffen als du.',
  'ask.yourLink': 'Dein persönlicher Link',
  'ask.go': 'Zum Treffen',
  'ask.invalid': 'Dieser Code gilt nicht mehr: Das Treffen ist beendet oder der Code wurde ausgeschaltet.',
  'ask.tooMany': 'Zu viele Versuche von hier. Warte eine Weile und versuche es erneut.',
  'activity.admissionOpened': '{actor} hat einen Code zum Teilnehmen an {meeting} gezeigt',
  'activity.admissionClosed': '{actor} hat den Code zum Teilnehmen an {meeting} ausgeschaltet',
  'activity.admitted': '{actor} hat {subject} hereingelassen',
  'activity.joinRefused': '{actor} hat jemanden nicht hereingelassen',
};
