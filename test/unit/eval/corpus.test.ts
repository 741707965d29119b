import * as assert from 'node:assert/strict';
import { corpusDir, runEval, type EvalRow } from '../../../scripts/eval';

/**
 * The engine's quality floors on the dev corpus (../shared/corpus, scored by ../shared/eval/score.mjs).
 * Skipped on machines without ../shared. The same floors are checked on unseen articles elsewhere.
 */
const FLOORS: Array<[string, (m: EvalRow['metrics']) => number, number]> = [
  ['mention F1', (m) => m.mention.f1, 0.85],
  ['quote F1', (m) => m.quote.f1, 0.95],
  ['attribution end-to-end', (m) => m.attribution.endToEnd, 0.85],
  ['channel F1', (m) => m.channel.f1, 0.7],
  ['channel type accuracy', (m) => m.channel.typeAcc, 0.8],
];

describe('quality on the dev corpus', function () {
  this.timeout(60000);
  let rows: EvalRow[] = [];
  before(function () {
    if (!corpusDir()) this.skip();
    rows = runEval();
  });

  for (const [name, metric, floor] of FLOORS) {
    it(`${name} ≥ ${floor} on every article`, () => {
      assert.ok(rows.length >= 3, 'three articles scored');
      for (const r of rows) assert.ok(metric(r.metrics) >= floor, `${r.article}: ${name} ${metric(r.metrics)} < ${floor}`);
    });
  }
});

/**
 * The held-out articles we wrote and annotated (test/fixtures/holdout): mean floors a little under what the
 * engine reaches today, so that a rule tuned to the dev corpus cannot quietly cost generality. Nine of the fourteen
 * were written blind to the rules; with them the means are mention 0.95, quote 0.99, attribution 0.94, channel
 * 0.85, type 0.86, and the floors sit under those.
 */
const HOLDOUT_FLOORS: Array<[string, (m: EvalRow['metrics']) => number, number]> = [
  ['mention F1', (m) => m.mention.f1, 0.93],
  ['quote F1', (m) => m.quote.f1, 0.95],
  ['attribution end-to-end', (m) => m.attribution.endToEnd, 0.88],
  ['channel F1', (m) => m.channel.f1, 0.82],
  ['channel type accuracy', (m) => m.channel.typeAcc, 0.8],
];

describe('quality on the held-out articles (mean)', function () {
  this.timeout(60000);
  let rows: EvalRow[] = [];
  before(function () {
    if (!corpusDir()) this.skip();
    rows = runEval(false, 'holdout');
  });

  for (const [name, metric, floor] of HOLDOUT_FLOORS) {
    it(`${name} ≥ ${floor}`, () => {
      assert.ok(rows.length >= 5, 'five articles scored');
      const mean = rows.reduce((s, r) => s + metric(r.metrics), 0) / rows.length;
      assert.ok(mean >= floor, `mean ${name} ${mean.toFixed(3)} < ${floor}`);
    });
  }
});
