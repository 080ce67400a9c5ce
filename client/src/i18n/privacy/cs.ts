/** Slova ochrany údajů česky (anglický zdroj: en.ts). */
import type { PrivacyWords } from './en';

export const privacyCs: PrivacyWords = {
  'leave.button': 'Odejít z tohoto zařízení',
  'leave.question': 'Odejít z tohoto zařízení?',
  'leave.what':
    'Budete zde odhlášeni a kopie setkání, kterou toto zařízení uchovávalo, bude smazána. Pro návrat znovu otevřete svůj osobní odkaz.',
  'leave.unsaved': 'Některé vaše změny ještě nejsou uložené na serveru: budou ztraceny.',
  'leave.yes': 'Ano, odejít z tohoto zařízení',
  'leave.leaving': 'Odcházím…',
  'left.title': 'Odešli jste z tohoto zařízení',
  'left.lead': 'Na tomto zařízení už není nic ze sítě uloženo a jste odhlášeni.',
  'left.back': 'Pro návrat znovu otevřete svůj osobní odkaz (ze zprávy, ve které jste ho dostali).',
  'tooMany.title': 'Příliš mnoho pokusů',
  'tooMany.lead':
    'Z tohoto připojení bylo za krátkou dobu otevřeno příliš mnoho odkazů. Počkejte minutu a pak svůj odkaz otevřete znovu.',
  'switch.title': 'Kdo jste na tomto zařízení?',
  'switch.lead': 'Toto zařízení je {current} v síti {network}. Odkaz, který jste otevřeli, je pro {link}.',
  'switch.why':
    'Odkaz přišel z jiného webu, takže se zatím nic nezměnilo. Pokud vám tento odkaz někdo dal nebo zařízení sdílíte, vyberte, kdo jste.',
  'switch.become': 'Pokračovat jako {name}',
  'switch.stay': 'Zůstat jako {name}',
  'switch.none': 'Není z čeho vybírat',
  'switch.noneLead': 'Na tomto zařízení nečeká žádný odkaz na otevření. Otevřete znovu svůj osobní odkaz.',
  'close.rewritten': 'Toto setkání bylo změněno výmazem — načítá se znovu',
  'ended.erasedTitle': 'Toto setkání už tu není',
  'ended.erasedLead':
    'Bylo vymazáno, nebo byly vymazány vaše údaje. Kopie, kterou toto zařízení uchovávalo, byla smazána.',
  'ended.revokedLead':
    'Síť už s ním otevřít nemůžete a kopie, kterou toto zařízení uchovávalo, byla smazána. Pokud jde o omyl, požádejte toho, kdo vás pozval, o nový odkaz.',
  'ended.rewrittenTitle': 'Setkání se načítá znovu',
  'ended.rewrittenLead':
    'Z tohoto setkání byly vymazány něčí údaje. Kopie v tomto zařízení byla smazána a setkání se načítá znovu.',
  'ended.sessionTitle': 'Vaše relace na tomto zařízení skončila',
  'ended.sessionIdle': 'Skončila, protože zařízení nebylo používáno {minutes} min.',
  'ended.sessionLifetime': 'Skončila, protože dosáhla svého časového limitu.',
  'ended.sessionOther': 'Byla na tomto zařízení ukončena.',
  'ended.sessionBack': 'Pro návrat znovu otevřete svůj osobní odkaz. Vše, co se do setkání napsalo, zůstává.',
  'privacy.heading': 'Vaše údaje',
  'privacy.retention':
    'Uchovává se do {date}, pokud ji nikdo nepoužije: sítě bez činnosti po {days} dní se mažou.',
  'privacy.yourData':
    'Zde si můžete stáhnout vše, co o vás Polyphony uchovává: vaše údaje, odkazy, setkání a záznam činnosti.',
  'privacy.download': 'Stáhnout vše o mně',
  'privacy.eraseHint': 'Výmaz nelze vrátit. Netýká se kopií, které si někdo stáhl nebo vytiskl.',
  'erase.network': 'Vymazat tuto síť…',
  'erase.networkWhat': 'Tím se natrvalo vymaže {network}:',
  'erase.networkMeetings': {
    one: '{count} setkání a vše, co se do něj napsalo ({versions} dřívějších verzí)',
    few: '{count} setkání a vše, co se do nich napsalo ({versions} dřívějších verzí)',
    many: '{count} setkání a vše, co se do nich napsalo ({versions} dřívějších verzí)',
    other: '{count} setkání a vše, co se do nich napsalo ({versions} dřívějších verzí)',
  },
  'erase.networkPeople': {
    one: '{count} osoba a její odkaz: {names}',
    few: '{count} osoby a jejich odkazy: {names}',
    many: '{count} osoby a jejich odkazy: {names}',
    other: '{count} osob a jejich odkazy: {names}',
  },
  'erase.networkLog': {
    one: 'záznam činnosti ({count} položka)',
    few: 'záznam činnosti ({count} položky)',
    many: 'záznam činnosti ({count} položky)',
    other: 'záznam činnosti ({count} položek)',
  },
  'erase.networkConfirm': 'Vymazat: {network}',
  'erase.networkDone': 'Síť byla vymazána',
  'erase.networkDoneLead':
    'Polyphony z ní už nic neuchovává a nikdo ji nemůže znovu otevřít. Smazána byla i kopie v tomto zařízení.',
  'erase.meeting': 'Vymazat setkání {n}…',
  'erase.meetingWhat':
    'Tím se natrvalo vymaže setkání {n}, „{title}“: jeho dokument a vše, co se do něj napsalo, jeho {versions} dřívějších verzí a dohodnutá verze, kdo se účastnil a kdo co viděl. V záznamu zůstane, že bylo vymazáno.',
  'erase.meetingConfirm': 'Vymazat setkání {n}',
  'erase.person': 'Vymazat…',
  'erase.personLabel': 'Vymazat: {name}',
  'erase.personWhat': 'Tím se ze sítě natrvalo vymaže {name}:',
  'erase.personDetails':
    'jméno a vztah všude, kde se objevují, odkazy ({links}) a relace na zařízeních ({sessions})',
  'erase.personLog': {
    one: 'jméno v {count} položce záznamu činnosti',
    few: 'jméno ve {count} položkách záznamu činnosti',
    many: 'jméno ve {count} položkách záznamu činnosti',
    other: 'jméno v {count} položkách záznamu činnosti',
  },
  'erase.personWords': {
    one: 'A to, co řekl(a) a napsal(a) v {count} setkání:',
    few: 'A to, co řekl(a) a napsal(a) ve {count} setkáních:',
    many: 'A to, co řekl(a) a napsal(a) ve {count} setkáních:',
    other: 'A to, co řekl(a) a napsal(a) v {count} setkáních:',
  },
  'erase.wordsLabel': 'Co se stane s tím, co {name} řekl(a) a napsal(a)',
  'erase.remove': 'Odstranit.',
  'erase.removeText': 'Vše, co {name} řekl(a) nebo napsal(a), zmizí; co napsali ostatní, zůstane.',
  'erase.anonymise': 'Ponechat bez jména.',
  'erase.anonymiseText': 'Slova zůstanou v dokumentu jako něčí; nic neprozradí, že patřila osobě {name}.',
  'erase.wordsWhy':
    'Odstranění je to, co výmaz znamená. Ponechání slov bez jména zachová dokument celý pro ostatní, pokud s tím {name} souhlasí nebo ho služba musí uchovat.',
  'erase.personConfirm': 'Vymazat: {name}',
  'erase.forGood': 'Nelze to vrátit: Polyphony to nedokáže obnovit.',
  'erase.erasing': 'Mažu…',
  'start.tooMany': 'Z tohoto připojení bylo založeno příliš mnoho sítí. Chvíli počkejte a zkuste to znovu.',
  'start.turnedOff': 'Zakládání sítí je zde vypnuté. Síť může založit odborník z vašeho týmu nebo správce.',
  'activity.versionViewed': '{actor} otevřel(a) dřívější verzi: {meeting}',
  'activity.agreedViewed': '{actor} si prohlédl(a) dohodnutou verzi: {meeting}',
  'activity.searched': '{actor} hledal(a) v setkáních',
  'activity.networkViewed': '{actor} otevřel(a) stránku sítě',
  'activity.ownDataExported': '{actor} si stáhl(a) vše, co o něm/ní Polyphony uchovává',
  'activity.meetingErased': '{actor} vymazal(a) setkání',
  'activity.wasMeetingErased': 'Setkání bylo vymazáno',
  'activity.personErased': '{actor} vymazal(a) údaje osoby',
  'activity.wasPersonErased': 'Údaje osoby byly vymazány',
};
