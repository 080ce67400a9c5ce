/** Letting someone new in (issue 18), language cs (English source: en.ts). */
import type { AdmissionWords } from './en';

export const admissionCs: AdmissionWords = {
  'admission.heading': 'Někdo nový',
  'admission.offLead':
    'Někdo důležitý může kódem požádat o připojení k této schůzce. Nikdo nevstoupí, aniž by byl vpuštěn.',
  'admission.show': 'Ukázat kód pro žádost o připojení',
  'admission.shownLead':
    'Někdo nový může naskenovat tento kód nebo otevřít odkaz a požádat o připojení. Platí, dokud je schůzka otevřená a dokud ho nikdo nevypne.',
  'admission.qrLabel': 'QR kód pro žádost o připojení ke schůzce',
  'admission.turnOff': 'Vypnout kód',
  'admission.asks': '{who} žádá o připojení',
  'admission.role': 'Role pro: {name}',
  'admission.letIn': 'Vpustit: {name}',
  'admission.refuse': 'Nevpustit: {name}',
  'admission.whoDecides': 'Vpouští je člověk ve středu nebo odborník.',
  'ask.title': 'Požádat o připojení ke schůzce',
  'ask.lead':
    'Řekněte, kdo jste. Lidé na schůzce uvidí vaše jméno a váš vztah a rozhodnou, zda se připojíte.',
  'ask.name': 'Jméno, kterým vás máme oslovovat',
  'ask.relation': 'Váš vztah (například: soused)',
  'ask.send': 'Požádat o připojení',
  'ask.waitingTitle': 'Čekáte na vpuštění',
  'ask.waitingLead':
    'Člověk ve středu schůzky nebo někdo z odborníků vás vpustí. Nechte tuto stránku otevřenou: změní se sama.',
  'ask.refusedTitle': 'Tentokrát jste nebyli vpuštěni',
  'ask.refusedLead':
    'Lidé na schůzce rozhodli, že se teď nepřipojíte. Můžete si promluvit s tím, kdo vás pozval.',
  'ask.inTitle': 'Jste uvnitř',
  'ask.inLead': 'Toto je váš osobní odkaz na později. Nechte si ho pro sebe: otevírá schůzku jako vás.',
  'ask.yourLink': 'Váš osobní odkaz',
  'ask.go': 'Přejít na schůzku',
  'ask.invalid': 'Tento kód už neplatí: schůzka skončila nebo byl kód vypnut.',
  'ask.tooMany': 'Příliš mnoho pokusů odsud. Chvíli počkejte a zkuste to znovu.',
  'activity.admissionOpened': '{actor} ukázal(a) kód pro žádost o připojení: {meeting}',
  'activity.admissionClosed': '{actor} vypnul(a) kód pro žádost o připojení: {meeting}',
  'activity.admitted': '{actor} vpustil(a): {subject}',
  'activity.joinRefused': '{actor} někoho nevpustil(a)',
};
