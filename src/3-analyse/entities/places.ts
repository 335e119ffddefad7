/**
 * Which place lies inside which: a compact hand-made gazetteer of well-known cities and
 * regions under their state, region or country. Used to tell that "the Anchorage summit"
 * and "the Alaska summit" may name one event (a city inside the region), never to rename
 * a place. Names are matched folded (foldName), so spelling variants meet.
 */
import { foldName } from './transliterate.js';

/** "parent: child, child, ..." — each child lies inside its parent. */
const TABLE = `
united states: alaska, california, new york state, texas, florida, washington state, illinois, massachusetts, pennsylvania, georgia, virginia, hawaii, nevada, arizona, colorado, oregon, michigan, ohio, louisiana, tennessee, maryland, minnesota, new jersey, north carolina, south carolina, utah, wisconsin, missouri, connecticut, district of columbia, kentucky, new mexico, montana, wyoming, idaho, maine, vermont, new hampshire
alaska: anchorage, juneau, fairbanks, sitka, nome
california: los angeles, san francisco, san diego, sacramento, oakland, san jose, palo alto, santa monica, berkeley
new york state: new york, new york city, buffalo, albany, rochester, manhattan, brooklyn
texas: houston, dallas, austin, san antonio, el paso, fort worth
florida: miami, orlando, tampa, tallahassee, jacksonville, palm beach, mar-a-lago
washington state: seattle, spokane, tacoma, olympia
illinois: chicago
massachusetts: boston
pennsylvania: philadelphia, pittsburgh, harrisburg
georgia: atlanta, savannah
virginia: richmond, norfolk, arlington
hawaii: honolulu
nevada: las vegas, reno, carson city
arizona: phoenix, tucson
colorado: denver, aspen, boulder
oregon: portland, salem
michigan: detroit, lansing
ohio: cleveland, columbus, cincinnati
louisiana: new orleans, baton rouge
tennessee: nashville, memphis
maryland: baltimore, annapolis, camp david
minnesota: minneapolis, saint paul
new jersey: newark, trenton, bedminster
district of columbia: washington
utah: salt lake city
canada: ontario, quebec, british columbia, alberta, manitoba, nova scotia
ontario: toronto, ottawa
quebec: montreal, quebec city
british columbia: vancouver, victoria
alberta: calgary, edmonton
mexico: mexico city, guadalajara, monterrey, cancun, tijuana
united kingdom: england, scotland, wales, northern ireland
england: london, manchester, birmingham, liverpool, leeds, oxford, bristol, brighton
scotland: edinburgh, glasgow, aberdeen
wales: cardiff
northern ireland: belfast
ireland: dublin, cork
france: provence, normandy, brittany, alsace, ile-de-france, burgundy, corsica, occitania, aquitaine
ile-de-france: paris, versailles
provence: marseille, nice, avignon, toulon, aix-en-provence, cannes
alsace: strasbourg
occitania: toulouse, montpellier
aquitaine: bordeaux, biarritz
brittany: rennes, brest
normandy: rouen, caen, deauville
france: lyon, lille, nantes, evian
germany: bavaria, saxony, berlin, hamburg, hesse, north rhine-westphalia, baden-wurttemberg, brandenburg
bavaria: munich, nuremberg, elmau
saxony: dresden, leipzig
hesse: frankfurt, wiesbaden
north rhine-westphalia: cologne, dusseldorf, bonn, dortmund, essen
baden-wurttemberg: stuttgart, heidelberg
brandenburg: potsdam
italy: lombardy, lazio, tuscany, sicily, campania, veneto, piedmont, sardinia, apulia
lazio: rome
lombardy: milan, como
tuscany: florence, pisa, siena
sicily: palermo, catania, taormina
campania: naples
veneto: venice, verona
piedmont: turin
apulia: bari
spain: catalonia, andalusia, madrid, basque country, galicia, valencia region
catalonia: barcelona
andalusia: seville, malaga, granada
valencia region: valencia
netherlands: amsterdam, the hague, rotterdam, utrecht
belgium: brussels, antwerp, ghent
switzerland: geneva, zurich, bern, davos, lausanne, basel, lucerne, burgenstock
austria: vienna, salzburg, innsbruck
hungary: budapest
czech republic: prague, brno
poland: warsaw, krakow, gdansk, wroclaw
slovakia: bratislava
serbia: belgrade
croatia: zagreb, split, dubrovnik
romania: bucharest
bulgaria: sofia
greece: athens, thessaloniki, crete
crete: heraklion
portugal: lisbon, porto
denmark: copenhagen, greenland
greenland: nuuk
norway: oslo, bergen
sweden: stockholm, gothenburg
finland: helsinki
estonia: tallinn
latvia: riga
lithuania: vilnius
belarus: minsk
ukraine: kyiv, kharkiv, odesa, lviv, dnipro, zaporizhzhia, donetsk region, luhansk region, crimea, kherson region
donetsk region: donetsk, mariupol, bakhmut, kramatorsk
luhansk region: luhansk
crimea: sevastopol, simferopol, yalta
kherson region: kherson
russia: moscow, saint petersburg, st petersburg, kaliningrad, chechnya, tatarstan, siberia, sochi, volgograd
siberia: novosibirsk, omsk, vladivostok, irkutsk, krasnoyarsk
chechnya: grozny
tatarstan: kazan
turkey: ankara, istanbul, antalya
georgia country: tbilisi
armenia: yerevan
azerbaijan: baku
kazakhstan: astana, almaty
uzbekistan: tashkent, samarkand
israel: jerusalem, tel aviv, haifa
palestinian territories: gaza, west bank
gaza: gaza city, rafah, khan younis
west bank: ramallah, hebron, jenin, nablus
lebanon: beirut
syria: damascus, aleppo, idlib, homs
jordan: amman
iraq: baghdad, basra, mosul, erbil
iran: tehran, isfahan
saudi arabia: riyadh, jeddah, mecca, medina
united arab emirates: abu dhabi, dubai
qatar: doha
oman: muscat
yemen: sanaa, aden
egypt: cairo, alexandria, sharm el-sheikh
libya: tripoli, benghazi
tunisia: tunis
algeria: algiers
morocco: rabat, casablanca, marrakesh
ethiopia: addis ababa
kenya: nairobi, mombasa
nigeria: lagos, abuja
south africa: johannesburg, cape town, pretoria, durban
sudan: khartoum
india: delhi, new delhi, mumbai, kolkata, chennai, bangalore, hyderabad, kashmir
pakistan: islamabad, karachi, lahore
afghanistan: kabul, kandahar
china: beijing, shanghai, guangdong, hong kong, macau, tibet, xinjiang, tianjin, chongqing, wuhan
guangdong: guangzhou, shenzhen
tibet: lhasa
xinjiang: urumqi
taiwan: taipei
japan: tokyo, osaka, kyoto, hiroshima, okinawa, hokkaido, nagasaki, yokohama
hokkaido: sapporo
south korea: seoul, busan
north korea: pyongyang
vietnam: hanoi, ho chi minh city, da nang
thailand: bangkok
singapore: singapore city
malaysia: kuala lumpur
indonesia: jakarta, bali
philippines: manila
australia: new south wales, victoria state, queensland, canberra, western australia
new south wales: sydney
victoria state: melbourne
queensland: brisbane
western australia: perth
new zealand: auckland, wellington
brazil: brasilia, rio de janeiro, sao paulo
argentina: buenos aires
chile: santiago
peru: lima
colombia: bogota
venezuela: caracas
cuba: havana
`;

const parents = new Map<string, string>();
for (const line of TABLE.split('\n')) {
  const colon = line.indexOf(':');
  if (colon < 0) continue;
  const parent = foldName(line.slice(0, colon).trim());
  for (const child of line.slice(colon + 1).split(',')) {
    const c = foldName(child.trim());
    // A name listed twice keeps its first parent (the table's more specific line comes first).
    if (c && c !== parent && !parents.has(c)) parents.set(c, parent);
  }
}
// Common short forms of countries and names listed with a qualifier for their parent's sake.
const ALIASES: Record<string, string> = {
  us: 'united states',
  usa: 'united states',
  'u.s.': 'united states',
  america: 'united states',
  uk: 'united kingdom',
  'u.k.': 'united kingdom',
  britain: 'united kingdom',
  'great britain': 'united kingdom',
  kiev: 'kyiv',
  odessa: 'odesa',
  kharkov: 'kharkiv',
  peking: 'beijing',
  bombay: 'mumbai',
  'the netherlands': 'netherlands',
  holland: 'netherlands',
  czechia: 'czech republic',
  uae: 'united arab emirates',
  hague: 'the hague',
};
const aliases = new Map(Object.entries(ALIASES).map(([a, b]) => [foldName(a), foldName(b)]));

function canonical(place: string): string {
  const f = foldName(place.toLowerCase());
  return aliases.get(f) ?? f;
}

/** The places that contain `place`, nearest first ("anchorage" → alaska, united states). */
export function enclosingPlaces(place: string): string[] {
  const out: string[] = [];
  for (let p = parents.get(canonical(place)); p && out.length < 8; p = parents.get(p)) out.push(p);
  return out;
}

/** True when `inner` lies inside `outer` ("Anchorage" in "Alaska", "Marseille" in "France"). */
export function placeWithin(inner: string, outer: string): boolean {
  return enclosingPlaces(inner).includes(canonical(outer));
}

/** The same place, or one inside the other. */
export function placesNested(a: string, b: string): boolean {
  return canonical(a) === canonical(b) || placeWithin(a, b) || placeWithin(b, a);
}

/** How many known places enclose this one (0 for countries and unknown names). */
export function placeDepth(place: string): number {
  return enclosingPlaces(place).length;
}
