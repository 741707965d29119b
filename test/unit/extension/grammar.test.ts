/**
 * The news-article TextMate grammar: valid JSON, every pattern compiles, and the structural rules match what
 * they are for (checked with JavaScript regular expressions, which agree with Oniguruma on these patterns).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Rule {
  match?: string;
  begin?: string;
  end?: string;
  patterns?: Rule[];
  [k: string]: unknown;
}
const grammar = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'syntaxes', 'news-article.tmLanguage.json'), 'utf8')) as { scopeName: string; repository: Record<string, Rule> };
const re = (src: string) => new RegExp(src.replace(/\\A/g, '^'), 'u');
const rule = (name: string, i?: number): RegExp => {
  const r = grammar.repository[name];
  const m = i === undefined ? r.match : r.patterns?.[i].match;
  assert.ok(m, `${name} has a match`);
  return re(m);
};

describe('news-article grammar', () => {
  it('every pattern compiles', () => {
    const walk = (r: unknown): void => {
      if (Array.isArray(r)) return r.forEach(walk);
      if (!r || typeof r !== 'object') return;
      for (const k of ['match', 'begin', 'end'] as const) {
        const v = (r as Rule)[k];
        if (typeof v === 'string') assert.doesNotThrow(() => re(v), `${k}: ${v}`);
      }
      Object.values(r).forEach(walk);
    };
    walk(grammar);
    assert.equal(grammar.scopeName, 'text.news-article');
  });

  it('headline, byline, dateline, date', () => {
    assert.match('Lavrov and Rubio discuss Ukraine', rule('headline', 0));
    assert.deepEqual(rule('byline').exec('By Jane Doe and John Roe | Reuters')?.slice(1), ['By', 'Jane Doe and John Roe', 'Reuters']);
    assert.equal(rule('byline').exec('Author: Anna Smith')?.[2], 'Anna Smith');
    assert.doesNotMatch('Bypassing the checks was easy.', rule('byline'));
    assert.equal(rule('dateline').exec('MOSCOW, March 3 (Reuters) — Russia said')?.[1], 'MOSCOW, March 3');
    assert.equal(rule('dateline').exec('KYIV (AP) – Ukraine')?.[2], '(AP)');
    assert.match('Published 14 March 2025', rule('date'));
    assert.match('March 14, 2025 at 10:32 a.m. EST', rule('date'));
  });

  it('captions, section heads, boilerplate', () => {
    assert.match('Photo: Sergey Lavrov in Riyadh', rule('caption', 0));
    assert.match('Putin meets Witkoff (Photo: Kremlin press service)', rule('caption', 1));
    assert.match('## Background', rule('section', 0));
    assert.match('WHAT HAPPENS NEXT', rule('section', 1));
    assert.doesNotMatch('The talks went on.', rule('section', 1));
    for (const s of ['Advertisement', 'Read more: Talks in Geneva', 'Subscribe to our newsletter', 'Story continues below advertisement']) assert.match(s, rule('boilerplate'), s);
    assert.doesNotMatch('Readers subscribe to many things.', rule('boilerplate'));
  });

  it('quoted passages run to the closing mark or the end of the paragraph', () => {
    const curly = grammar.repository.quote.patterns?.[0];
    assert.equal(curly?.begin, '“');
    assert.equal(curly?.end, '”|$');
  });
});
