import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, find, run, view } from './helpers';

describe('actors: findMentions', () => {
  const text = readFileSync(join(FIXTURES, 'briefing.txt'), 'utf8');
  const f = run(text);

  it('returns sorted, non-overlapping mentions with offsets into the text', () => {
    for (let i = 0; i < f.mentions.length; i++) {
      const m = f.mentions[i];
      assert.equal(text.slice(m.start, m.end), m.text);
      if (i) assert.ok(f.mentions[i - 1].end <= m.start, `overlap at ${m.text}`);
      assert.ok(f.actors.has(m.actorId));
      assert.ok(m.confidence > 0 && m.confidence <= 1);
    }
  });

  it('reports title + name as the name span with the role attached; the demonym is not a mention', () => {
    const m = find(f, 'Sergei Lavrov');
    assert.ok(m);
    assert.equal(m.actorId, 'sergey-lavrov');
    assert.equal(m.role, 'Foreign Minister');
    assert.equal(find(f, 'Russian'), undefined);
    const r = find(f, 'Marco Rubio');
    assert.equal(r?.role, 'Secretary of State');
    // a state NAME in front of a title is a mention of the state
    assert.equal(find(f, 'U.S.')?.actorId, 'united-states');
    assert.equal(find(f, 'Vladimir Putin')?.role, 'President');
  });

  it('prefers an organisation name over the demonym inside it', () => {
    assert.equal(find(f, 'Russian Foreign Ministry')?.actorId, 'russian-foreign-ministry');
    // the generic form later resolves to the same ministry
    assert.equal(find(f, 'Foreign Ministry')?.actorId, 'russian-foreign-ministry');
  });

  it('resolves surnames and possessives (straight and curly apostrophes)', () => {
    const ids = f.mentions.filter((m) => m.text === 'Putin').map((m) => m.actorId);
    assert.deepEqual(ids, ['vladimir-putin']); // "Putin’s office"
    assert.deepEqual(view("Putin's plan; Lavrov' remarks"), ['Putin→vladimir-putin', 'Lavrov→sergey-lavrov']);
  });

  it('resolves spelling variants to the registry person', () => {
    assert.equal(find(f, 'Stephen Weisskoff')?.actorId, 'steve-witkoff');
    assert.equal(find(f, 'Stephen Weisskoff')?.match, 'variant');
    assert.equal(find(f, 'Whitekoff')?.actorId, 'steve-witkoff');
    assert.equal(find(f, 'Demitryev')?.actorId, 'kirill-dmitriev');
    assert.deepEqual(view('President Zelenskyy spoke.'), ['Zelenskyy→volodymyr-zelensky']);
    assert.deepEqual(view('Volodymyr Zelenskyy spoke.'), ['Volodymyr Zelenskyy→volodymyr-zelensky']);
    assert.deepEqual(view('Sergey Lavrov and Sergei Lavrov'), ['Sergey Lavrov→sergey-lavrov', 'Sergei Lavrov→sergey-lavrov']);
  });

  it('never merges people who only share a first name', () => {
    assert.deepEqual(view('Dmitry Peskov and Dmitry Medvedev met.'), ['Dmitry Peskov→dmitry-peskov', 'Dmitry Medvedev→dmitry-medvedev']);
    // a different, known first name with a registry surname is another person
    const m = find(run(text), 'Melania Trump');
    assert.equal(m?.actorId, 'melania-trump');
    assert.equal(run(text).actors.get('melania-trump')?.known, false);
  });

  it('reports actors the registry lacks as unknown, with later surname mentions', () => {
    const k = find(f, 'Grigory Karasin');
    assert.equal(k?.actorId, 'grigory-karasin');
    assert.equal(k?.role, 'Senator');
    assert.equal(find(f, 'Karasin')?.actorId, 'grigory-karasin');
    const a = f.actors.get('grigory-karasin');
    assert.equal(a?.known, false);
    assert.equal(a?.kind, 'person');
    assert.equal(find(f, 'Olena Marchenko')?.match, 'unknown'); // apposition ", an associate professor"
    assert.equal(find(f, 'Marta Kowalczyk')?.actorId, 'marta-kowalczyk'); // byline
    assert.equal(f.actors.get('geneva-center-for-security-policy')?.kind, 'organization');
    assert.equal(f.actors.get('kyiv-institute-of-international-relations')?.kind, 'organization');
  });

  it('a company the text introduced is named later by its name alone; an institute is not', () => {
    assert.deepEqual(view('The developer, Marrowdale Holdings, promised new flats. Critics met Marrowdale on Monday.'), [
      'The developer→marrowdale-holdings',
      'Marrowdale Holdings→marrowdale-holdings',
      'Marrowdale→marrowdale-holdings',
    ]);
    const inst = view('The Ostrava Institute for Energy Studies published a report. Ostrava coal plants will close.');
    assert.ok(!inst.includes('Ostrava→ostrava-institute-for-energy-studies'), inst.join(', '));
  });

  it('interview speaker labels: a label opening two or more paragraphs is a speaker, also where named in the text', () => {
    const interview = [
      'Harbour Courier spoke with a port official about the strike.',
      'Harbour Courier: When will the cranes move again?',
      'Not before Friday, I think.',
      'Harbour Courier: And the union?',
      'Jonas Pettersen: They want a written offer.',
      'Q: Is that all?',
      'A: For now.',
      'Q: Thank you.',
      'Read More: Dock strike enters second week',
      'Read More: Ports across the region',
    ].join('\n');
    const f = run(interview);
    const ledger = f.mentions.filter((m) => m.actorId === 'harbour-courier');
    assert.deepEqual(ledger.map((m) => m.text), ['Harbour Courier', 'Harbour Courier', 'Harbour Courier']);
    assert.equal(f.actors.get('harbour-courier')?.kind, 'organization');
    assert.equal(f.actors.get('harbour-courier')?.known, false);
    assert.ok(!f.mentions.some((m) => /^(Q|A|Read More)$/.test(m.text)), f.mentions.map((m) => m.text).join(', '));
    const people = run('Anna Keller: We never agreed.\nMarek Nowak: You did.\nAnna Keller: Not in writing.');
    assert.equal(people.actors.get('anna-keller')?.kind, 'person');
    assert.deepEqual(people.mentions.filter((m) => m.actorId === 'anna-keller').length, 2);
  });

  it('unknown titles and appositions in general', () => {
    assert.deepEqual(view('Rep. Jane Doe questioned the plan.'), ['Jane Doe→jane-doe']);
    assert.deepEqual(view('General Gerasimov inspected troops.'), ['Gerasimov→gerasimov']);
    assert.deepEqual(view('Karl Weber, the head of the Bureau of Arctic Affairs, resigned.'), [
      'Karl Weber→karl-weber',
      'Bureau of Arctic Affairs→bureau-of-arctic-affairs',
    ]);
    assert.deepEqual(view('the newsletter "Morning Wire" reported'), ['Morning Wire→morning-wire']);
  });

  it('case rules: acronyms exact, names need a capital', () => {
    assert.deepEqual(view('NATO and the UN; us and un-ready'), ['NATO→nato', 'UN→united-nations']);
    assert.deepEqual(view('a roast turkey; Turkey objected'), ['Turkey→turkey']);
    assert.deepEqual(view('Chad is landlocked.'), ['Chad→chad']); // a known ambiguity at sentence start: accepted
  });

  it('demonyms, "the Russian side" and pronouns are not mentions; governments and leaders are', () => {
    assert.deepEqual(view('The Russian side said he and she agreed with Russians and Americans.'), []);
    assert.deepEqual(view('the Russian government'), ['the Russian government→russia']);
    assert.deepEqual(view('The American leader, Donald Trump, spoke.'), ['The American leader→donald-trump', 'Donald Trump→donald-trump']);
    assert.deepEqual(view('the Biden administration'), ['Biden administration→united-states']);
  });

  it('ambiguous surnames resolve only after an earlier full mention', () => {
    // "Al Saud" is shared by two registry persons
    assert.deepEqual(view('Saud arrived.'), []);
    assert.deepEqual(view('Faisal bin Farhan Al Saud arrived. Later Saud left.'), [
      'Faisal bin Farhan Al Saud→faisal-bin-farhan',
      'Saud→faisal-bin-farhan',
    ]);
  });

  it('keeps offsets with CRLF line ends and after a decoded BOM', () => {
    const crlf = 'Intro line\r\nSecretary Rubio met Lavrov.\r\n';
    const m = run(crlf).mentions;
    assert.deepEqual(m.map((x) => [x.start, x.end, x.text]), [
      [22, 27, 'Rubio'],
      [32, 38, 'Lavrov'],
    ]);
    assert.equal(m[0].role, 'Secretary');
    const withBom = '\ufeffPutin spoke.';
    const b = run(withBom).mentions;
    assert.deepEqual(b.map((x) => [x.start, x.end]), [[1, 6]]);
  });

  it('lists every referenced actor plus its affiliation', () => {
    const r = run('Lavrov spoke.');
    assert.ok(r.actors.get('sergey-lavrov')?.known);
    assert.equal(r.actors.get('russia')?.kind, 'state');
  });

  it('survives empty and odd input', () => {
    assert.deepEqual(run('').mentions, []);
    assert.deepEqual(run('\u0000\uffff\ud800 ,,, "" “”').mentions, []);
    assert.deepEqual(view('ALL CAPS HEADLINE ABOUT NATO'), ['NATO→nato']);
  });
});
