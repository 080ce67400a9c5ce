/** Letting someone new in (issue 18), language nl (English source: en.ts). */
import type { AdmissionWords } from './en';

export const admissionNl: AdmissionWords = {
  'admission.heading': 'Iemand nieuw',
  'admission.offLead':
    'Iemand die ertoe doet kan met een code vragen om mee te doen aan dit overleg. Niemand komt binnen zonder binnengelaten te worden.',
  'admission.show': 'Toon een code om te vragen mee te doen',
  'admission.shownLead':
    'Iemand nieuw kan deze code scannen of de link openen en vragen om mee te doen. Hij werkt zolang het overleg open is, tot hij wordt uitgezet.',
  'admission.qrLabel': 'QR-code om te vragen mee te doen aan dit overleg',
  'admission.turnOff': 'Zet de code uit',
  'admission.asks': '{who} vraagt om mee te doen',
  'admission.role': 'Rol voor {name}',
  'admission.letIn': 'Laat {name} binnen',
  'admission.refuse': 'Laat {name} niet binnen',
  'admission.whoDecides': 'De persoon in het midden of een professional laat hen binnen.',
  'ask.title': 'Vraag om mee te doen aan het overleg',
  'ask.lead':
    'Zeg wie je bent. De mensen in het overleg zien je naam en hoe je verbonden bent, en beslissen of je meedoet.',
  'ask.name': 'De naam waarmee je aangesproken wilt worden',
  'ask.relation': 'Hoe je verbonden bent (bijvoorbeeld: buurman)',
  'ask.send': 'Vraag om mee te doen',
  'ask.waitingTitle': 'Wachten om binnengelaten te worden',
  'ask.waitingLead':
    'De persoon in het midden van het overleg of een van de professionals laat je binnen. Houd deze pagina open: hij verandert vanzelf.',
  'ask.refusedTitle': 'Je bent deze keer niet binnengelaten',
  'ask.refusedLead':
    'De mensen in het overleg besloten dat je nu niet meedoet. Je kunt praten met wie je vroeg te komen.',
  'ask.inTitle': 'Je bent binnen',
  'ask.inLead':
    'Dit is je persoonlijke link voor later. Houd hem voor jezelf: hij opent het overleg als jou.',
  'ask.yourLink': 'Je persoonlijke link',
  'ask.go': 'Naar het overleg',
  'ask.invalid': 'Deze code werkt niet meer: het overleg is afgelopen of de code is uitgezet.',
  'ask.tooMany': 'Te veel pogingen vanaf hier. Wacht even en probeer het opnieuw.',
  'activity.admissionOpened': '{actor} toonde een code om te vragen mee te doen aan {meeting}',
  'activity.admissionClosed': '{actor} zette de code om mee te doen aan {meeting} uit',
  'activity.admitted': '{actor} liet {subject} binnen',
  'activity.joinRefused': '{actor} liet iemand niet binnen',
};
