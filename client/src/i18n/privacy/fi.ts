/** Tietosuojan sanat suomeksi (englanninkielinen lähde: en.ts). */
import type { PrivacyWords } from './en';

export const privacyFi: PrivacyWords = {
  'leave.button': 'Poistu tältä laitteelta',
  'leave.question': 'Poistutaanko tältä laitteelta?',
  'leave.what':
    'Kirjaudut ulos täällä, ja laitteelle tallennettu kopio kokouksista poistetaan. Palataksesi avaa henkilökohtainen linkkisi uudelleen.',
  'leave.unsaved': 'Kaikkia muutoksiasi ei ole vielä tallennettu palvelimelle: ne menetetään.',
  'leave.yes': 'Kyllä, poistu tältä laitteelta',
  'leave.leaving': 'Poistutaan…',
  'left.title': 'Olet poistunut tältä laitteelta',
  'left.lead': 'Tälle laitteelle ei ole enää tallennettu mitään verkostosta, ja olet kirjautunut ulos.',
  'left.back': 'Palataksesi avaa henkilökohtainen linkkisi uudelleen (viestistä, jossa sait sen).',
  'tooMany.title': 'Liian monta yritystä',
  'tooMany.lead':
    'Tästä yhteydestä avattiin liian monta linkkiä lyhyessä ajassa. Odota hetki ja avaa linkkisi sitten uudelleen.',
  'switch.title': 'Kuka olet tällä laitteella?',
  'switch.lead': 'Tämä laite on {current} verkostossa {network}. Avaamasi linkki on henkilölle {link}.',
  'switch.why':
    'Linkki tuli toiselta sivustolta, joten mitään ei ole vielä muutettu. Jos joku antoi sinulle tämän linkin tai jaat laitteen, valitse kuka olet.',
  'switch.become': 'Jatka henkilönä {name}',
  'switch.stay': 'Pysy henkilönä {name}',
  'switch.none': 'Valittavaa ei ole',
  'switch.noneLead': 'Tällä laitteella ei odota avattavaa linkkiä. Avaa henkilökohtainen linkkisi uudelleen.',
  'close.rewritten': 'Tätä kokousta muutettiin tietojen poistossa — ladataan uudelleen',
  'ended.erasedTitle': 'Tätä kokousta ei ole enää täällä',
  'ended.erasedLead':
    'Se poistettiin, tai sinun tietosi poistettiin. Tälle laitteelle tallennettu kopio on poistettu.',
  'ended.revokedLead':
    'Et voi enää avata verkostoa sillä, ja tälle laitteelle tallennettu kopio on poistettu. Jos tämä on virhe, pyydä uusi linkki sinut kutsuneelta.',
  'ended.rewrittenTitle': 'Kokous ladataan uudelleen',
  'ended.rewrittenLead':
    'Jonkun tiedot poistettiin tästä kokouksesta. Tämän laitteen kopio poistettiin, ja kokous ladataan uudelleen.',
  'ended.sessionTitle': 'Istuntosi tällä laitteella on päättynyt',
  'ended.sessionIdle': 'Se päättyi, koska laitetta ei käytetty {minutes} min.',
  'ended.sessionLifetime': 'Se päättyi, koska sen enimmäisaika tuli täyteen.',
  'ended.sessionOther': 'Se päätettiin tällä laitteella.',
  'ended.sessionBack':
    'Palataksesi avaa henkilökohtainen linkkisi uudelleen. Kaikki kokouksiin kirjoitettu säilyy.',
  'privacy.heading': 'Tietosi',
  'privacy.retention':
    'Säilytetään {date} asti, jos kukaan ei käytä sitä: verkostot, joissa ei ole ollut toimintaa {days} päivään, poistetaan.',
  'privacy.yourData':
    'Täältä voit ladata kaiken, mitä Polyphony säilyttää sinusta: tietosi, linkkisi, kokoukset ja tapahtumalokin.',
  'privacy.download': 'Lataa kaikki minusta',
  'privacy.eraseHint': 'Poistoa ei voi perua. Jonkun lataamiin tai tulostamiin kopioihin se ei vaikuta.',
  'erase.network': 'Poista tämä verkosto…',
  'erase.networkWhat': 'Tämä poistaa pysyvästi: {network}',
  'erase.networkMeetings': {
    one: '{count} kokous ja kaikki siihen kirjoitettu ({versions} aiempaa versiota)',
    other: '{count} kokousta ja kaikki niihin kirjoitettu ({versions} aiempaa versiota)',
  },
  'erase.networkPeople': {
    one: '{count} henkilö ja hänen linkkinsä: {names}',
    other: '{count} henkilöä ja heidän linkkinsä: {names}',
  },
  'erase.networkLog': {
    one: 'tapahtumaloki ({count} merkintä)',
    other: 'tapahtumaloki ({count} merkintää)',
  },
  'erase.networkConfirm': 'Poista {network}',
  'erase.networkDone': 'Verkosto poistettiin',
  'erase.networkDoneLead':
    'Polyphony ei säilytä siitä enää mitään, eikä kukaan voi avata sitä uudelleen. Myös tämän laitteen kopio poistettiin.',
  'erase.meeting': 'Poista kokous {n}…',
  'erase.meetingWhat':
    'Tämä poistaa pysyvästi kokouksen {n}, ”{title}”: sen asiakirjan ja kaiken siihen kirjoitetun, sen {versions} aiempaa versiota ja sovitun version, tiedon siitä, kuka oli mukana ja kuka näki mitä. Lokiin jää merkintä poistosta.',
  'erase.meetingConfirm': 'Poista kokous {n}',
  'erase.person': 'Poista…',
  'erase.personLabel': 'Poista {name}',
  'erase.personWhat': 'Tämä poistaa pysyvästi verkostosta: {name}',
  'erase.personDetails':
    'nimen ja suhteen kaikkialta, missä ne näkyvät, linkit ({links}) ja istunnot laitteilla ({sessions})',
  'erase.personLog': {
    one: 'nimen {count} tapahtumalokin merkinnästä',
    other: 'nimen {count} tapahtumalokin merkinnästä',
  },
  'erase.personWords': {
    one: 'Ja mitä hän sanoi ja kirjoitti {count} kokouksessa:',
    other: 'Ja mitä hän sanoi ja kirjoitti {count} kokouksessa:',
  },
  'erase.wordsLabel': 'Mitä tapahtuu sille, mitä {name} sanoi ja kirjoitti',
  'erase.remove': 'Poista se.',
  'erase.removeText': 'Kaikki, mitä {name} sanoi tai kirjoitti, poistetaan; muiden kirjoittama jää.',
  'erase.anonymise': 'Säilytä ilman nimeä.',
  'erase.anonymiseText':
    'Sanat jäävät asiakirjaan jonkun sanomina; mikään ei kerro, että ne olivat henkilön {name}.',
  'erase.wordsWhy':
    'Poistaminen on sitä, mitä tietojen poisto tarkoittaa. Sanojen säilyttäminen ilman nimeä pitää asiakirjan ehjänä muille, kun {name} hyväksyy sen tai palvelun on säilytettävä se.',
  'erase.personConfirm': 'Poista {name}',
  'erase.forGood': 'Tätä ei voi perua: Polyphony ei voi palauttaa sitä.',
  'erase.erasing': 'Poistetaan…',
  'start.tooMany': 'Tästä yhteydestä aloitettiin liian monta verkostoa. Odota hetki ja yritä uudelleen.',
  'start.turnedOff':
    'Verkoston aloittaminen täällä on poistettu käytöstä. Tiimisi ammattilainen tai ylläpitäjä voi aloittaa sen.',
  'activity.versionViewed': '{actor} avasi aiemman version: {meeting}',
  'activity.agreedViewed': '{actor} katsoi sovitun version: {meeting}',
  'activity.searched': '{actor} haki kokouksista',
  'activity.networkViewed': '{actor} avasi verkoston sivun',
  'activity.ownDataExported': '{actor} latasi kaiken, mitä Polyphony säilyttää hänestä',
  'activity.meetingErased': '{actor} poisti kokouksen',
  'activity.wasMeetingErased': 'Kokous poistettiin',
  'activity.personErased': '{actor} poisti henkilön tiedot',
  'activity.wasPersonErased': 'Henkilön tiedot poistettiin',
};
