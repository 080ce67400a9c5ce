/** De woorden van gegevensbescherming in het Nederlands (Engelse bron: en.ts). */
import type { PrivacyWords } from './en';

export const privacyNl: PrivacyWords = {
  'leave.button': 'Dit apparaat verlaten',
  'leave.question': 'Dit apparaat verlaten?',
  'leave.what':
    'Je wordt hier afgemeld en de kopie van de bijeenkomsten die dit apparaat bewaarde, wordt verwijderd. Open je persoonlijke link opnieuw om terug te komen.',
  'leave.unsaved': 'Sommige wijzigingen van je zijn nog niet op de server opgeslagen: die gaan verloren.',
  'leave.yes': 'Ja, dit apparaat verlaten',
  'leave.leaving': 'Bezig met verlaten…',
  'left.title': 'Je hebt dit apparaat verlaten',
  'left.lead': 'Er is niets van het netwerk meer op dit apparaat bewaard en je bent afgemeld.',
  'left.back': 'Open je persoonlijke link opnieuw om terug te komen (uit het bericht waarin je hem kreeg).',
  'tooMany.title': 'Te veel pogingen',
  'tooMany.lead':
    'Er werden in korte tijd te veel links geopend vanaf deze verbinding. Wacht een minuut en open je link dan opnieuw.',
  'switch.title': 'Wie ben je op dit apparaat?',
  'switch.lead': 'Dit apparaat is {current} in {network}. De link die je opende is voor {link}.',
  'switch.why':
    'De link kwam van een andere website, dus er is nog niets veranderd. Als iemand je deze link gaf, of als je dit apparaat deelt, kies dan wie je bent.',
  'switch.become': 'Doorgaan als {name}',
  'switch.stay': '{name} blijven',
  'switch.none': 'Er valt niets te kiezen',
  'switch.noneLead':
    'Er wacht geen link om geopend te worden op dit apparaat. Open je persoonlijke link opnieuw.',
  'close.rewritten': 'Deze bijeenkomst is gewijzigd door een verwijdering — wordt opnieuw geladen',
  'ended.erasedTitle': 'Deze bijeenkomst is er niet meer',
  'ended.erasedLead':
    'Ze is verwijderd, of jouw gegevens zijn verwijderd. De kopie die dit apparaat bewaarde, is verwijderd.',
  'ended.revokedLead':
    'Je kunt het netwerk er niet meer mee openen, en de kopie die dit apparaat bewaarde, is verwijderd. Is dit een vergissing, vraag dan degene die je uitnodigde om een nieuwe link.',
  'ended.rewrittenTitle': 'De bijeenkomst wordt opnieuw geladen',
  'ended.rewrittenLead':
    'De gegevens van iemand zijn uit deze bijeenkomst verwijderd. De kopie van dit apparaat is verwijderd en de bijeenkomst wordt opnieuw geladen.',
  'ended.sessionTitle': 'Je sessie op dit apparaat is beëindigd',
  'ended.sessionIdle': 'Ze is beëindigd omdat dit apparaat {minutes} min. niet is gebruikt.',
  'ended.sessionLifetime': 'Ze is beëindigd omdat ze haar tijdslimiet bereikte.',
  'ended.sessionOther': 'Ze is op dit apparaat beëindigd.',
  'ended.sessionBack':
    'Open je persoonlijke link opnieuw om terug te komen. Alles wat in de bijeenkomsten is geschreven, blijft bewaard.',
  'privacy.heading': 'Je gegevens',
  'privacy.retention':
    'Bewaard tot {date} als niemand het gebruikt: netwerken zonder activiteit gedurende {days} dagen worden verwijderd.',
  'privacy.yourData':
    'Hier kun je alles downloaden wat Polyphony over je bewaart: je gegevens, je links, de bijeenkomsten en het activiteitenlogboek.',
  'privacy.download': 'Alles over mij downloaden',
  'privacy.eraseHint':
    'Verwijderen kan niet ongedaan worden gemaakt. Kopieën die iemand heeft gedownload of afgedrukt, blijven bestaan.',
  'erase.network': 'Dit netwerk verwijderen…',
  'erase.networkWhat': 'Dit verwijdert {network} voorgoed:',
  'erase.networkMeetings': {
    one: '{count} bijeenkomst en alles wat erin geschreven is ({versions} eerdere versies)',
    other: '{count} bijeenkomsten en alles wat erin geschreven is ({versions} eerdere versies)',
  },
  'erase.networkPeople': {
    one: '{count} persoon en diens link: {names}',
    other: '{count} mensen en hun links: {names}',
  },
  'erase.networkLog': {
    one: 'het activiteitenlogboek ({count} regel)',
    other: 'het activiteitenlogboek ({count} regels)',
  },
  'erase.networkConfirm': '{network} verwijderen',
  'erase.networkDone': 'Het netwerk is verwijderd',
  'erase.networkDoneLead':
    'Polyphony bewaart er niets meer van, en niemand kan het nog openen. Ook de kopie van dit apparaat is verwijderd.',
  'erase.meeting': 'Bijeenkomst {n} verwijderen…',
  'erase.meetingWhat':
    'Dit verwijdert bijeenkomst {n}, ‘{title}’, voorgoed: het document en alles wat erin geschreven is, de {versions} eerdere versies en de afgesproken versie, wie erbij was en wie wat zag. Het logboek houdt bij dat ze verwijderd is.',
  'erase.meetingConfirm': 'Bijeenkomst {n} verwijderen',
  'erase.person': 'Verwijderen…',
  'erase.personLabel': '{name} verwijderen',
  'erase.personWhat': 'Dit verwijdert {name} voorgoed uit het netwerk:',
  'erase.personDetails':
    'naam en relatie overal waar ze voorkomen, links ({links}) en sessies op apparaten ({sessions})',
  'erase.personLog': {
    one: 'de naam in {count} regel van het activiteitenlogboek',
    other: 'de naam in {count} regels van het activiteitenlogboek',
  },
  'erase.personWords': {
    one: 'En wat die persoon zei en schreef in {count} bijeenkomst:',
    other: 'En wat die persoon zei en schreef in {count} bijeenkomsten:',
  },
  'erase.wordsLabel': 'Wat er gebeurt met wat {name} zei en schreef',
  'erase.remove': 'Verwijderen.',
  'erase.removeText': 'Alles wat {name} zei of schreef, verdwijnt; wat anderen schreven, blijft.',
  'erase.anonymise': 'Bewaren zonder naam.',
  'erase.anonymiseText':
    'De woorden blijven in het document als die van iemand; niets zegt dat ze van {name} waren.',
  'erase.wordsWhy':
    'Verwijderen is wat wissen betekent. De woorden zonder naam bewaren houdt het document heel voor de anderen, als {name} ermee instemt of de dienst het moet bewaren.',
  'erase.personConfirm': '{name} verwijderen',
  'erase.forGood': 'Dit kan niet ongedaan worden gemaakt: Polyphony kan het niet terughalen.',
  'erase.erasing': 'Bezig met verwijderen…',
  'start.tooMany':
    'Er zijn te veel netwerken gestart vanaf deze verbinding. Wacht even en probeer het opnieuw.',
  'start.turnedOff':
    'Een netwerk starten is hier uitgeschakeld. Een professional van je team, of de beheerder, kan er een starten.',
  'activity.versionViewed': '{actor} opende een eerdere versie van {meeting}',
  'activity.agreedViewed': '{actor} bekeek de afgesproken versie van {meeting}',
  'activity.searched': '{actor} zocht in de bijeenkomsten',
  'activity.networkViewed': '{actor} opende de netwerkpagina',
  'activity.ownDataExported': '{actor} downloadde alles wat Polyphony over hen bewaart',
  'activity.meetingErased': '{actor} verwijderde een bijeenkomst',
  'activity.wasMeetingErased': 'Een bijeenkomst is verwijderd',
  'activity.personErased': '{actor} verwijderde de gegevens van iemand',
  'activity.wasPersonErased': 'De gegevens van iemand zijn verwijderd',
};
