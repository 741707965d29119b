import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findMentions } from '../../../src/core/actors';
import { createDoc } from '../../../src/core/text';
import { FIXTURES } from './helpers';
import { worldRegistry } from '../world';


describe('actors: general rules for unseen articles', () => {
  const text = readFileSync(join(FIXTURES, 'generalisation.txt'), 'utf8');
  const f = findMentions(createDoc(text), worldRegistry());
  const idsOf = (s: string): string[] => f.mentions.filter((m) => m.text === s).map((m) => m.actorId);

  it('East Asian names: the family name (first token) is the short form', () => {
    assert.deepEqual(idsOf('Wang'), ['wang-yi']);
    assert.deepEqual(idsOf('Xi'), ['xi-jinping']);
  });

  it('Arabic article surnames and a title + first name after the full name', () => {
    assert.deepEqual(idsOf('al-Hayya'), ['khalil-al-hayya']);
    const full = idsOf('Mohammed bin Abdulrahman Al Thani');
    assert.equal(full.length, 1);
    assert.deepEqual(idsOf('Mohammed'), full);
  });

  it('unknown names in apposition after a role noun; hyphenated surnames after a council title', () => {
    assert.equal(f.actors.get('northwind-holdings')?.kind, 'organization');
    assert.equal(f.actors.get('piet-vandersloot')?.kind, 'person');
    assert.equal(f.actors.get('mara-ellison')?.kind, 'person');
    const barrow = f.mentions.find((m) => m.text === 'Ines Barrow-Lund');
    assert.equal(barrow?.actorId, 'ines-barrow-lund');
    assert.equal(barrow?.role, 'Councilwoman');
  });

  it('back-references: "the council", "this council", "the coalition", "the alliance"', () => {
    const council = idsOf('Lanvik Harbour Council');
    assert.equal(council.length, 1);
    for (const s of ['The council', 'this council', 'the council']) assert.deepEqual(idsOf(s), council, s);
    assert.deepEqual(idsOf('The coalition'), [f.mentions.find((m) => m.text.startsWith('Tenants Coalition'))?.actorId]);
    assert.deepEqual(idsOf('the alliance'), ['nato']);
  });

  it('"Russia\'s Security Council" is not the UN Security Council; the West is a collective actor', () => {
    const sc = f.mentions.find((m) => m.text === 'Security Council');
    assert.ok(sc);
    assert.notEqual(sc.actorId, 'un-security-council');
    assert.equal(f.actors.get(sc.actorId)?.known, false);
    assert.deepEqual(idsOf('the West'), ['the-west']);
  });

  it('without an earlier organisation, "the council" is nobody', () => {
    const g = findMentions(createDoc('The council met on Monday. The alliance was not mentioned.'), worldRegistry());
    assert.deepEqual(g.mentions, []);
  });

  describe('definite descriptions the article teaches', () => {
    const run = (t: string) => findMentions(createDoc(t), worldRegistry()).mentions.map((m) => [m.text, m.actorId]);

    it('"the governor" after "Governor Ilse Marwick" is her; the title word alone is not a mention before she is named', () => {
      const t = 'The governor was absent. Governor Ilse Marwick signed the bill. Critics said the governor had not read it.';
      const got = run(t).filter(([text]) => /governor/i.test(text));
      assert.deepEqual(got, [['the governor', 'ilse-marwick']]);
    });

    it('an apposition names the actor: "The operator, Norvale Shipping, ..." and later "the operator"', () => {
      const t = 'The operator, Norvale Shipping, denied the report. Inspectors met the operator on Friday.';
      assert.deepEqual(run(t), [
        ['The operator', 'norvale-shipping'],
        ['Norvale Shipping', 'norvale-shipping'],
        ['the operator', 'norvale-shipping'],
      ]);
    });

    it('a name then ", the NOUN," describes it too', () => {
      const t = 'Councilwoman Rosa Vell, the sponsor, defended the bill. Opponents said the sponsor had ignored them.';
      assert.deepEqual(run(t), [
        ['Rosa Vell', 'rosa-vell'],
        ['the sponsor', 'rosa-vell'],
        ['the sponsor', 'rosa-vell'],
      ]);
    });

    it('two persons with the same title: "the minister" stays nobody', () => {
      const t = 'Interior Minister Petra Vonk met Finance Minister Arno Lisk. The minister later declined to comment.';
      assert.equal(run(t).filter(([text]) => text === 'The minister').length, 0);
    });

    it('an apposition does not take a title another person holds: "a spokesman for the mayor, Ed Tarn,"', () => {
      const t = 'Mayor Lena Marsh opened the session. A spokesman for the mayor, Ed Tarn, said the vote would wait.';
      assert.deepEqual(run(t).filter(([text]) => text === 'the mayor'), [['the mayor', 'lena-marsh']]);
    });
  });

  it('demonyms are no mentions, but the findings list them with their state (outside mentions only)', () => {
    const t = 'Turkish mediators met Russian and American diplomats. The Russian government agreed.';
    const g = findMentions(createDoc(t), worldRegistry());
    assert.deepEqual(g.mentions.map((m) => m.text), ['The Russian government']);
    assert.deepEqual((g.demonyms ?? []).map((d) => [t.slice(d.start, d.end), d.stateId]), [
      ['Turkish', 'turkey'],
      ['Russian', 'russia'],
      ['American', 'united-states'],
    ]);
    assert.ok(g.actors.has('turkey'));
  });

  it('a title\'s head is its word before "of": "Secretary of State X" makes "the secretary" X, never "the state"', () => {
    const t = 'Secretary of State Marco Rubio arrived. The secretary met the state governor; the state budget was not discussed.';
    const g = findMentions(createDoc(t), worldRegistry());
    assert.deepEqual(g.mentions.map((m) => [m.text, m.actorId]), [
      ['Marco Rubio', 'marco-rubio'],
      ['The secretary', 'marco-rubio'],
    ]);
  });

  it('a company word ends an organisation\'s name ("Harwell Holdings said"), and the company is named later by its name alone', () => {
    const t = 'Harwell Holdings said it would appeal. Harwell has two weeks. Properties near the port were sold.';
    const g = findMentions(createDoc(t), worldRegistry());
    assert.deepEqual(g.mentions.map((m) => [m.text, m.actorId]), [
      ['Harwell Holdings', 'harwell-holdings'],
      ['Harwell', 'harwell-holdings'],
    ]);
    assert.equal(g.actors.get('harwell-holdings')?.kind, 'organization');
  });

  it('a title and a first name make a common word a surname ("Mayor Anna Frost", "Senator Mary Green"); without a title it is not', () => {
    const run = (t: string) => findMentions(createDoc(t), worldRegistry()).mentions.map((m) => [m.text, m.role ?? '']);
    assert.deepEqual(run('Mayor Anna Frost said the vote would wait.'), [['Anna Frost', 'Mayor']]);
    assert.deepEqual(run('Senator Mary Green voted no.'), [['Mary Green', 'Senator']]);
    assert.deepEqual(run('Anna Frost said it.'), []);
  });

  it('an organisation\'s name ends where a title and a person begin: "Bank of England Governor Andrew Bailey"', () => {
    const t = 'Bank of England Governor Andrew Bailey warned that inflation remained sticky.';
    const g = findMentions(createDoc(t), worldRegistry());
    assert.deepEqual(g.mentions.map((m) => [m.text, m.role ?? '']), [
      ['Bank of England', ''],
      ['Andrew Bailey', 'Governor'],
    ]);
    assert.equal(g.actors.get('bank-of-england')?.kind, 'organization');
  });

  it('"the German chancellor", "the Russian foreign minister": the one current holder of that office (registry roles)', () => {
    const run = (t: string) => findMentions(createDoc(t), worldRegistry()).mentions.map((m) => [m.text, m.actorId]);
    assert.deepEqual(run('The German chancellor met the Russian foreign minister.'), [
      ['The German chancellor', 'friedrich-merz'],
      ['the Russian foreign minister', 'sergey-lavrov'],
    ]);
    // a former holder is not the office's holder; without "the" it is no reference; a name after it makes a title
    assert.deepEqual(run('German chancellor talks resumed.'), []);
    assert.deepEqual(run('the Russian foreign minister Sergei Lavrov said').map(([, id]) => id), ['sergey-lavrov']);
    assert.equal(worldRegistry().offices.get('germany')?.get('chancellor'), 'friedrich-merz');
  });

  it('an organisation\'s name runs over "of/for/and" but not over "in <place>"', () => {
    const t = 'Elena Marsh of the Lindqvist Centre for Asian Security in Stockholm said so.';
    const g = findMentions(createDoc(t), worldRegistry());
    assert.ok(g.mentions.some((m) => m.text === 'Lindqvist Centre for Asian Security'), JSON.stringify(g.mentions.map((m) => m.text)));
  });

  it('a hyphenated title is one title ("UN Secretary-General António Guterres" … "the Secretary-General")', () => {
    const t = 'UN Secretary-General António Guterres spoke. The Secretary-General later left.';
    const g = findMentions(createDoc(t), worldRegistry());
    assert.equal(g.mentions.find((m) => m.actorId === 'antonio-guterres')?.role, 'Secretary-General');
    assert.deepEqual(g.mentions.filter((m) => m.text === 'The Secretary-General').map((m) => m.actorId), ['antonio-guterres']);
  });

  it('a descriptive alias gives no surname: "the Holy Father" does not make "Fasher" a variant of the pope', () => {
    const g = findMentions(createDoc('Fighting near El Fasher continued. Fasher is besieged.'), worldRegistry());
    assert.deepEqual(g.mentions, []);
  });

  it('a generic body after a state the registry has no such body for is that state\'s own ("The UAE\'s Ministry of Foreign Affairs")', () => {
    const t = "The UAE's Ministry of Foreign Affairs said so. Russia's Foreign Ministry agreed.";
    const g = findMentions(createDoc(t), worldRegistry());
    assert.deepEqual(g.mentions.filter((m) => /Ministry/.test(m.text)).map((m) => m.actorId), ['emirati-ministry-of-foreign-affairs', 'russian-foreign-ministry']);
    assert.equal(g.actors.get('emirati-ministry-of-foreign-affairs')?.known, false);
  });

  it('a first name that is also a registry surname, before an unknown surname, starts a new person ("Petro Yatsenko")', () => {
    const run = (t: string) => findMentions(createDoc(t), worldRegistry()).mentions.map((m) => [m.text, m.actorId]);
    assert.deepEqual(run('Petro Yatsenko, a spokesman, said it.'), [['Petro Yatsenko', 'petro-yatsenko']]);
    assert.deepEqual(run('Gustavo Petro said it. Petro later left.'), [['Gustavo Petro', 'gustavo-petro'], ['Petro', 'gustavo-petro']]);
  });

  it('a given name hyphenated with a lowercase syllable stays whole, and the family name (first) is the short form', () => {
    const t = 'South Korea’s unification minister, Chung Dong-young, told lawmakers that Seoul had sent messages. Later Chung met the envoy.';
    const g = findMentions(createDoc(t), worldRegistry());
    assert.deepEqual(g.mentions.filter((m) => m.actorId === 'chung-dong-young').map((m) => m.text), ['Chung Dong-young', 'Chung']);
  });
});
