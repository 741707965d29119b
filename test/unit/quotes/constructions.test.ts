/**
 * Attribution constructions of wire copy and analysis, end to end with the world registry: an outlet described
 * before its name, a state's body named by possessive, a colon after a clause, a participle that continues the
 * sentence's earlier speaker, and "the article" standing for an op-ed.
 */
import { strict as assert } from 'node:assert';
import { analyze } from '../../../src/core/analyze';
import { worldRegistry } from '../world';

/** [quote text (first 20 characters), speaker id or null] of every quote. */
function speakers(text: string): Array<[string, string | null]> {
  return analyze(text, worldRegistry()).quotes.map((q) => [q.text.slice(0, 20), q.speaker?.id ?? null]);
}

describe('quotes: attribution constructions (end to end)', () => {
  it('an outlet described before its name: "the French daily Le Monde wrote", also around a split quote', () => {
    assert.deepEqual(speakers('"Tokyo has said aloud what it meant," the French daily Le Monde wrote.'), [['Tokyo has said aloud', 'le-monde']]);
    assert.deepEqual(speakers('«Tokyo has said aloud what it meant», the French daily Le Monde wrote, «and Beijing heard it.»'), [
      ['Tokyo has said aloud', 'le-monde'],
      ['and Beijing heard it', 'le-monde'],
    ]);
  });

  it('"Beijing\'s Taiwan Affairs Office replied, calling him a “troublemaker”": the body, not the state', () => {
    assert.deepEqual(speakers("Beijing's Taiwan Affairs Office replied within hours, calling him a \"troublemaker\"."), [['troublemaker', 'taiwan-affairs-office']]);
  });

  it('a colon after a clause hands the quote to its named subject: "Xinhua … went further in a commentary: “…”"', () => {
    assert.deepEqual(speakers('Xinhua, the state news agency, went further in a commentary: "Those who meddle will regret it."'), [['Those who meddle wil', 'xinhua']]);
    // a subject that is no actor takes nothing
    assert.deepEqual(speakers('The plan has one weakness: "It ignores the border."'), [['It ignores the borde', null]]);
  });

  it('"…," Trump told reporters, before adding that he was “…”: the sentence\'s earlier speaker', () => {
    assert.deepEqual(speakers('Iran "wants a deal badly," Trump told reporters on Friday, before adding that he was "in no hurry at all."'), [
      ['wants a deal badly,', 'donald-trump'],
      ['in no hurry at all.', 'donald-trump'],
    ]);
  });

  it('"The article called for “…”" after "He went further in an op-ed": the op-ed\'s author', () => {
    assert.deepEqual(speakers('Araghchi spoke on state TV. He went further in an op-ed in the Financial Times. The article called for a "sequenced" deal.'), [['sequenced', 'abbas-araghchi']]);
  });

  it('a quote opening the sentence after reported speech continues that speaker: "Frederiksen said … . “We will …”"', () => {
    assert.deepEqual(speakers('Frederiksen said her country still had twelve days in the chair. "We will use every one of them."'), [['We will use every on', 'mette-frederiksen']]);
    // no speech verb before: nobody
    assert.deepEqual(speakers('Putin met Trump on Friday. "It was useful."'), [['It was useful.', null]]);
  });

  it('"Asked by ZDF, “…?”, Frederiksen said": the question is the asker\'s', () => {
    assert.deepEqual(speakers('Asked by the German public broadcaster ZDF, "Has the Danish presidency run out of time?", Frederiksen said no.'), [['Has the Danish presi', 'zdf']]);
    assert.deepEqual(speakers('"Is it over?" Peskov asked.'), [['Is it over?', 'dmitry-peskov']]);
  });

  it('"the ministry wrote": the nearest ministry named before', () => {
    const t = "The UAE's Ministry of Foreign Affairs said it had mediated. Russia's Defence Ministry said the men were home. \"The UAE helped,\" the ministry wrote.";
    assert.deepEqual(speakers(t), [['The UAE helped,', 'russian-defence-ministry']]);
  });

  it('"X accused Y of “…”" is X\'s wording; a passive ("was accused of") names no accuser', () => {
    assert.deepEqual(speakers('Zelensky accused Moscow of "stalling".'), [['stalling', 'volodymyr-zelensky']]);
    assert.deepEqual(speakers('Russia was accused of "meddling" by several states.'), [['meddling', null]]);
  });

  it('a sentence that ends right after the closing mark (‘… war’.) ends the quote\'s reach: the next sentence\'s cue is not its', () => {
    assert.deepEqual(speakers('Lula offered to mediate, telling reporters that ‘dialogue is always cheaper than war’. Brazilian officials say Lula raised the idea with Trump in October.'), [
      ['dialogue is always c', 'luiz-inacio-lula-da-silva'],
    ]);
  });
});
