/**
 * Word lists for the actor stage (all folded: lowercase, no diacritics). Small on purpose: they are cues,
 * not a dictionary. Written for this project from general knowledge.
 */

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/** Common given names across English, Slavic, Arabic, Persian, Turkish, Chinese, European languages (folded). */
export const FIRST_NAMES = words(`
aaron abdul abdullah abdulaziz abu adam adel adrian ahmad ahmed ajay akira alan albert aleksandr aleksei alexander
alexandr alexandra alexei alexey alexis ali alice alina alireza alla amir amy ana anatoly anders andre andrea andreas
andrei andrew andrey andriy angela angelina ann anna anne annalena anthony antonio antony anton antonius arkady
arsen arseniy arthur artem ashraf atef ayman bashar ben benjamin bernard bill bob bohdan boris brian bruce carl
carlos catherine charles charlotte chen chris christian christine christopher claudia colin dan daniel danielle
daria darya dave david denis dennis denys dmitri dmitriy dmitry dmytro donald dora ebrahim edward elena elizabeth
elon emily emmanuel emine eric erik evgeny evgeniy fahd faisal farhan fatima fedor fernando francis frank
franz friedrich fyodor gabriel gennady george georgy gerhard giorgia giuseppe gleb grigory gregory hakan hamad
hans hassan heinrich helen henry hillary hossein hugo hussein ibrahim igor ihor ilya imran irina isaac ivan jack
jacob jake james jan jane janet jean jeffrey jennifer jens jerome jim joe johann john jonathan jorge jose joseph
josh juan julia julian justin kaja kamala karl karim kate katherine keir kevin khalid kim kirill klaus konstantin
kristi kurt larry laura lee leonid li linda lindsey lisa liu lloyd luis lyudmila maria marco margaret maria marie
marina mark markus martin mary maria matthew maxim maksim michael michel mike mikhail mohamed mohammad mohammed
muhammad musaed musaid mustafa nadia nancy naftali narendra natalia nathalie nicholas nicolas nikita nikolai
nikolay oleg oleksandr oleksiy olaf olga oliver omar pablo patrick paul pavel pedro peter petr petro philip
pierre rafael ramzan recep richard rishi robert roman ronald rustem ruslan saad said salman sam samuel sara sarah
scott sebastian serge sergei sergey sergii sergiy serhiy simon sonata sophie stanislav stephen steve steven stefan
susan svetlana tatiana tatyana theresa thomas tim timothy tom tony ursula valentina valery valeriy vasily
viktor viktoria victor victoria vitaly vladimir vladislav volodymyr vyacheslav walter wang wei william xi xavier
yang yaroslav yevgeny yevgeniy yulia yuri yury yuriy zhang
`);

/** Nickname/long-form groups: members of a group are the same first name. */
export const NICKNAMES: readonly string[][] = [
  ['steve', 'steven', 'stephen', 'stefan'],
  ['mike', 'michael', 'mikhail', 'michel'],
  ['bill', 'william', 'will'],
  ['bob', 'robert', 'rob'],
  ['jim', 'james', 'jimmy'],
  ['joe', 'joseph', 'jose'],
  ['tony', 'anthony', 'antony', 'anton'],
  ['alex', 'alexander', 'aleksandr', 'alexandr', 'oleksandr', 'sasha'],
  ['alexei', 'alexey', 'aleksei', 'oleksiy'],
  ['dmitry', 'dmitri', 'dmitriy', 'dmytro'],
  ['sergey', 'sergei', 'serhiy', 'sergii', 'sergiy', 'serge'],
  ['yuri', 'yury', 'yuriy', 'yurii', 'georgy', 'george'],
  ['nick', 'nicholas', 'nicolas', 'nikolai', 'nikolay', 'mykola'],
  ['dan', 'daniel', 'danny'],
  ['tom', 'thomas'],
  ['chris', 'christopher'],
  ['kate', 'katherine', 'catherine', 'yekaterina', 'ekaterina'],
  ['peter', 'petr', 'pyotr', 'petro'],
  ['paul', 'pavel', 'pavlo'],
  ['andrew', 'andrei', 'andrey', 'andriy'],
  ['vladimir', 'volodymyr'],
  ['muhammad', 'mohammed', 'mohammad', 'mohamed', 'muhammed'],
  ['musaed', 'musaid'],
  ['yevgeny', 'evgeny', 'evgeniy', 'yevgeniy', 'eugene'],
  ['ihor', 'igor'],
  ['tim', 'timothy'],
  ['ben', 'benjamin'],
  ['sam', 'samuel'],
  ['matt', 'matthew'],
  ['ed', 'edward'],
  ['dave', 'david'],
  ['jon', 'john', 'jonathan'],
];

/** Words that are never taken as a person's surname or a fuzzy candidate (capitalised common words). */
export const COMMON_WORDS = words(`
a about above according across after afterwards again against ago ahead all almost along already also although
always among an and another any anyone anything are around as at away back be because been before behind being
below beside between beyond both but by can cannot could did do does doing done down during each early either
else enough even ever every few first for former from further given had has have having he her here hers him his
how however if in indeed instead into is it its just last later least less like many may maybe me meanwhile might
more moreover most much must my neither never nevertheless new next no nobody none nor not nothing now of off
often on once one only or other others otherwise our out over own per perhaps previously rather same several
shall she should since so some someone something sometimes soon still such than that the their them then there
therefore these they this those though through thus to today together tomorrow too toward towards under unless
until up upon us very via was we well were what whatever when where whether which while who whom whose why will
with within without would yesterday yet you your
monday tuesday wednesday thursday friday saturday sunday january february march april june july august
september october november december spring summer autumn winter
president minister secretary senator general governor ambassador envoy chairman director spokesman spokeswoman
chancellor premier king queen prince emperor leader chief head deputy foreign defense defence state national
security federal government administration ministry department council parliament congress senate assembly
agency office service party committee bureau center centre university institute foundation commission court
army navy police military intelligence embassy capital city country nation republic kingdom union federation
west east north south western eastern northern southern central global world international european american
russian chinese british french german ukrainian african asian arab islamic christian muslim jewish
photo author source statement original update editor note breaking exclusive analysis opinion comment
read more subscribe discover share follow like dislike click video watch listen
black white green brown red blue gray grey gold silver young long little small big great high low price power
hope rice may cook king bird wood hill ward bush cash rich strong short love hunt fox wolf swan lamb frost
march case law fair grant major mark rose gay well street church hall lane bell sharp moody booth carter
truce deal peace war talks meeting summit conflict crisis dialogue dialog track channel
`);

/** Titles and roles (folded single words) that may stand in front of a name. */
export const TITLE_WORDS = words(`
president vice prime minister deputy first foreign defence defense interior finance economy justice
secretary of state general attorney special envoy representative ambassador senator sen rep congressman
congresswoman lawmaker mp governor mayor chancellor king queen prince crown princess sheikh emir sultan
chairman chairwoman chairperson chair director spokesman spokeswoman spokesperson press commissioner high
head chief commander admiral gen col colonel lt lieutenant maj major capt captain sgt sergeant marshal
adviser advisor aide assistant presidential national security counsellor counselor
professor prof associate assistant dr mr mrs ms sir dame lord lady judge justice ambassador
diplomat negotiator official politician analyst expert economist scientist political journalist
correspondent editor columnist commentator author writer researcher lawyer businessman businesswoman
billionaire oligarch activist opposition leader founder ceo executive officer manager coordinator
member deputy speaker pope patriarch archbishop bishop rabbi imam cardinal premier ayatollah
councilwoman councilman councillor councilor councilmember alderman alderwoman commissioner superintendent
`);

/** Role nouns that introduce a name in apposition ("the developer, Harborline Properties,"; "chief executive, Glen Asquith,"). */
export const APPOSITION_NOUNS = words(`
developer owner operator landlord company firm contractor builder investor lender partner client tenant resident
executive spokesman spokeswoman spokesperson director chairman chairwoman chair president mayor leader head
founder manager secretary minister envoy ambassador adviser advisor aide official lawyer attorney organizer
organiser coordinator negotiator mediator commander chief representative deputy governor senator councillor
councilwoman councilman analyst economist researcher professor expert
`);

/** Last words that make a capitalised name a company ("Harborline Properties"). */
export const COMPANY_WORDS = words(`properties holdings partners industries ventures enterprises developments capital
inc llc ltd plc gmbh corp co`);

/** Nouns of generic back-references: "the council" → the one council named earlier in the article. */
export const BACKREF_NOUNS = words(`council coalition commission committee ministry agency court parliament party
alliance bloc union company developer group association foundation institute university bank fund board authority
federation league movement network organization organisation`);

/** Collective nouns that stand for one well-known organisation once it was named ("the alliance" → NATO). */
export const BLOC_NOUNS: ReadonlyMap<string, readonly string[]> = new Map([
  ['alliance', ['nato']],
  ['bloc', ['european-union', 'asean']],
]);

/** Strong honorifics: a single capitalised token after them is already a person ("General Gerasimov"). */
export const HONORIFICS = words(`
mr mrs ms dr sir dame lord lady sen senator rep representative congressman congresswoman gen general
adm admiral col colonel lt lieutenant capt captain maj marshal sheikh emir president chancellor premier
ambassador governor mayor prof professor judge justice king queen prince princess pope patriarch ayatollah
`);

/** Final words that make a capitalised multi-word sequence an organisation ("… University"). */
export const ORG_HEADS = words(`
ministry department university center centre council agency institute foundation party committee bureau
service office organization organisation commission fund bank corporation company group association union
court parliament assembly academy forum network movement front alliance coalition league federation
directorate administration authority inspectorate guard army navy corps command college school society
club trust board chamber caucus secretariat mission embassy consulate tribunal
news times post herald tribune journal gazette telegraph review press media television radio tv daily
holdings properties partners industries ventures enterprises inc llc ltd plc gmbh corp airlines airways
`);

/** Connector words allowed inside multi-word organisation names and titles. */
export const CONNECTORS = words(`of for and the on in to de du la le des der von van al el bin ibn bint`);

/** Particles inside personal names ("Faisal bin Farhan Al Saud", "Ursula von der Leyen"). */
export const NAME_PARTICLES = words(`bin ibn bint al el abu van von der de da di du la le dos das ben ter`);

/** Words after which a name-like token is a byline or a list of people. */
export const BYLINE_CUES = words(`by author authors commentators commentator interviewed written reporting`);

/** Cue nouns after "Name, the|an|a …" apposition that make Name a person. */
export const APPOSITION_ROLES = TITLE_WORDS;

/** Collective nouns after a demonym or state name that make the phrase the state ("the Russian government"). */
export const STATE_COLLECTIVES = words(`government administration authorities leadership regime cabinet`);

/** Nouns after "the <Demonym>" that name a state's top leader ("the American leader"). */
export const LEADER_NOUNS = words(`leader president`);

const NICK_INDEX = new Map<string, number>();
NICKNAMES.forEach((g, i) => g.forEach((n) => NICK_INDEX.set(n, i)));

/** Transliteration-normalised key of a name token (folded input). Callers that repeat keys memoise per article. */
export function translitKey(s: string): string {
  let t = s.replace(/[^a-z]/g, '');
  t = t
    .replace(/^wh/, 'w')
    .replace(/dzh/g, 'j')
    .replace(/kh/g, 'h')
    .replace(/ph/g, 'f')
    .replace(/ks/g, 'x')
    .replace(/ou/g, 'u')
    .replace(/w/g, 'v')
    .replace(/ye/g, 'e')
    .replace(/yu/g, 'iu')
    .replace(/ya/g, 'ia')
    .replace(/y/g, 'i')
    .replace(/(iy|ij|ii)$/g, 'i')
    .replace(/ff$/g, 'v')
    .replace(/f$/g, 'v')
    .replace(/([a-z])\1+/g, '$1');
  return t;
}

const NICK_KEY_INDEX = new Map<string, number>();
NICKNAMES.forEach((g, i) => g.forEach((n) => NICK_KEY_INDEX.set(translitKey(n), i)));

/** True when two folded first names are the same name (equal, a transliteration variant, or a nickname). */
export function sameFirstName(a: string, b: string): boolean {
  if (a === b) return true;
  const ka = translitKey(a);
  const kb = translitKey(b);
  const ia = NICK_INDEX.get(a) ?? NICK_KEY_INDEX.get(ka);
  const ib = NICK_INDEX.get(b) ?? NICK_KEY_INDEX.get(kb);
  return (ia !== undefined && ia === ib) || ka === kb;
}

/** Restricted Damerau–Levenshtein distance with an early cut-off at `max + 1`. */
export function editDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  let prev2 = new Array<number>(lb + 1).fill(0);
  let prev = new Array<number>(lb + 1);
  let cur = new Array<number>(lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb];
}
