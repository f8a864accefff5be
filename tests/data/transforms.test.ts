import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as aq from 'arquero';
import { fitPipeline } from '../../src/data/transforms/pipeline.ts';
import { stepSchema, type Step } from '../../src/data/transforms/schema.ts';
import { mostFrequent } from '../../src/data/transforms/impute.ts';
import { CellError } from '../../src/core/errors.ts';
import type { Scalar } from '../../src/core/outputs.ts';

type Cols = Record<string, (number | null)[]>;
const fx = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/data_transforms.json', import.meta.url)), 'utf8')) as {
  columns: string[];
  train: Record<string, Scalar[]>;
  test: Record<string, Scalar[]>;
  expected: {
    impute_mean: { statistics: number[]; test: Cols };
    impute_median: { statistics: number[]; test: Cols };
    impute_most_frequent: { statistics: number[]; test: Cols };
    impute_most_frequent_text: { statistics: string[] };
    impute_constant: { test: Cols };
    scale_standard: { mean: number[]; scale: number[]; train: Cols; test: Cols };
    scale_minmax: { min: number[]; max: number[]; test: Cols };
    onehot: { categories: { city: string[]; c: number[] }; names: string[]; test: Cols };
    pipeline_median_standard: { test: Cols };
  };
};
const train = aq.table(fx.train, fx.columns);
const test = aq.table(fx.test, fx.columns);
const steps = (...s: unknown[]): Step[] => s.map((x) => stepSchema.parse(x));

function closeArray(actual: unknown[], expected: (number | null)[], label: string): void {
  expect(actual, label).toHaveLength(expected.length);
  expected.forEach((b, i) => {
    const a = actual[i];
    if (b === null) expect(a, `${label}[${i}]`).toBeNull();
    else expect(Math.abs((a as number) - b), `${label}[${i}]: ${String(a)} vs ${b}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
  });
}

function errorOf(fn: () => unknown): CellError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CellError);
    return e as CellError;
  }
  throw new Error('expected a CellError');
}

describe('impute matches SimpleImputer', () => {
  for (const strategy of ['mean', 'median', 'most_frequent'] as const) {
    it(strategy, () => {
      const e = fx.expected[`impute_${strategy}`];
      const p = fitPipeline(steps({ op: 'impute', columns: ['a', 'b'], strategy }), train);
      const state = (p.toJSON() as { steps: { state: { fill: Record<string, number> } }[] }).steps[0].state.fill;
      closeArray([state.a, state.b], e.statistics, 'statistics');
      const out = p.apply(test);
      closeArray(out.array('a') as unknown[], e.test.a, 'a');
      closeArray(out.array('b') as unknown[], e.test.b, 'b');
    });
  }

  it('most_frequent on text: ties go to the smallest value', () => {
    const p = fitPipeline(steps({ op: 'impute', columns: ['city_na'], strategy: 'most_frequent' }), train);
    const fill = fx.expected.impute_most_frequent_text.statistics[0];
    expect(p.apply(aq.table({ city_na: [null, 'Oslo'] })).array('city_na')).toEqual([fill, 'Oslo']);
    expect(mostFrequent(['b', 'a', 'c', 'c', 'b'])).toBe('b');
  });

  it('constant', () => {
    const p = fitPipeline(steps({ op: 'impute', columns: ['a', 'b'], strategy: 'constant', value: -1 }), train);
    closeArray(p.apply(test).array('b') as unknown[], fx.expected.impute_constant.test.b, 'b');
    const t = fitPipeline(steps({ op: 'impute', columns: ['s'], strategy: 'constant' }), aq.table({ s: ['x', null] }));
    expect(t.fitted.array('s')).toEqual(['x', 'missing_value']);
  });

  it('refuses a mean of text', () => {
    expect(errorOf(() => fitPipeline(steps({ op: 'impute', columns: ['city'], strategy: 'mean' }), train)).message).toMatch(/step 1 \(impute\): column "city" is not numeric/);
  });
});

describe('scale matches StandardScaler / MinMaxScaler', () => {
  it('standard (population std), missing stays missing', () => {
    const e = fx.expected.scale_standard;
    const p = fitPipeline(steps({ op: 'scale', columns: ['a', 'b'], method: 'standard' }), train);
    const state = (p.toJSON() as { steps: { state: { columns: Record<string, { mean: number; std: number }> } }[] }).steps[0].state.columns;
    closeArray([state.a.mean, state.b.mean], e.mean, 'mean');
    closeArray([state.a.std, state.b.std], e.scale, 'scale');
    closeArray(p.fitted.array('a') as unknown[], e.train.a, 'train a');
    closeArray(p.apply(test).array('a') as unknown[], e.test.a, 'test a');
    closeArray(p.apply(test).array('b') as unknown[], e.test.b, 'test b');
  });

  it('minmax', () => {
    const e = fx.expected.scale_minmax;
    const p = fitPipeline(steps({ op: 'scale', columns: ['a', 'b'], method: 'minmax' }), train);
    closeArray(p.apply(test).array('a') as unknown[], e.test.a, 'a');
    closeArray(p.apply(test).array('b') as unknown[], e.test.b, 'b');
  });

  it('a constant column gets scale 1', () => {
    const p = fitPipeline(steps({ op: 'scale', columns: ['k'], method: 'standard' }), aq.table({ k: [2, 2, 2] }));
    expect(p.apply(aq.table({ k: [2, 5] })).array('k')).toEqual([0, 3]);
  });
});

describe('onehot matches OneHotEncoder(handle_unknown="ignore")', () => {
  const e = fx.expected.onehot;
  // Our names print numbers as JS does (c_1, not c_1.0); map sklearn's names onto ours.
  const ours = (name: string) => name.replace(/^c_(\d+)\.0$/, 'c_$1');

  it('learns sorted categories and gives zeros for unseen ones', () => {
    const p = fitPipeline(steps({ op: 'onehot', columns: ['city', 'c'] }), train);
    const state = (p.toJSON() as { steps: { state: { categories: Record<string, Scalar[]> } }[] }).steps[0].state.categories;
    expect(state.city).toEqual(e.categories.city);
    expect(state.c).toEqual(e.categories.c);
    const out = p.apply(test);
    for (const name of e.names) closeArray(out.array(ours(name)) as unknown[], e.test[name], name);
    // The new columns replace the originals in place.
    expect(out.columnNames()).toEqual(['a', 'b', ...e.names.filter((n) => n.startsWith('c_')).map(ours), ...e.names.filter((n) => n.startsWith('city_')), 'city_na']);
    // Stavanger (unseen) rows are all zeros.
    const stav = (fx.test.city as string[]).indexOf('Stavanger');
    expect(stav).toBeGreaterThanOrEqual(0);
    expect(e.categories.city.map((c) => out.array(`city_${c}`)[stav])).toEqual(e.categories.city.map(() => 0));
  });

  it('dropFirst drops the first sorted category', () => {
    const p = fitPipeline(steps({ op: 'onehot', columns: ['city'], dropFirst: true }), train);
    const names = p.apply(test).columnNames().filter((n) => n.startsWith('city_') && n !== 'city_na');
    expect(names).toEqual(e.categories.city.slice(1).map((c) => `city_${c}`));
  });

  it('missing values give all zeros', () => {
    const p = fitPipeline(steps({ op: 'onehot', columns: ['s'] }), aq.table({ s: ['b', 'a', null] }));
    expect(p.fitted.objects()).toEqual([
      { s_a: 0, s_b: 1 },
      { s_a: 1, s_b: 0 },
      { s_a: 0, s_b: 0 },
    ]);
  });
});

describe('pipeline', () => {
  it('median impute then standard scale matches a sklearn Pipeline', () => {
    const p = fitPipeline(steps({ op: 'impute', columns: ['a', 'b'], strategy: 'median' }, { op: 'scale', columns: ['a', 'b'] }), train);
    const out = p.apply(test);
    closeArray(out.array('a') as unknown[], fx.expected.pipeline_median_standard.test.a, 'a');
    closeArray(out.array('b') as unknown[], fx.expected.pipeline_median_standard.test.b, 'b');
  });

  it('fits on the training table only: apply reuses the state unchanged', () => {
    const p = fitPipeline(steps({ op: 'scale', columns: ['x'], method: 'minmax' }), aq.table({ x: [0, 10] }));
    expect(p.apply(aq.table({ x: [5, 20, -10] })).array('x')).toEqual([0.5, 2, -1]);
    const before = JSON.stringify(p.toJSON());
    p.apply(aq.table({ x: [1000, -1000] }));
    expect(JSON.stringify(p.toJSON())).toBe(before);
  });

  it('select, drop, rename, derive and filter', () => {
    const t = aq.table({ a: [1, 2, 3, 4], b: [10, 20, 30, 40], c: ['x', 'y', 'z', 'w'] });
    const p = fitPipeline(
      steps(
        { op: 'derive', name: 'ab', expr: 'd => d.a * d.b' },
        { op: 'filter', expr: 'd => d.a % 2 === 0' },
        { op: 'drop', columns: ['b'] },
        { op: 'rename', from: 'c', to: 'label' },
        { op: 'select', columns: ['label', 'ab'] },
      ),
      t,
    );
    expect(p.fitted.objects()).toEqual([
      { label: 'y', ab: 40 },
      { label: 'w', ab: 160 },
    ]);
    // Applying to a filtered (not reified) table works by its visible rows.
    const filtered = t.filter('d => d.a > 2');
    expect(p.apply(filtered).objects()).toEqual([{ label: 'w', ab: 160 }]);
  });

  it('names the step and field for a bad expression or a missing column', () => {
    const bad = errorOf(() => fitPipeline(steps({ op: 'derive', name: 'x', expr: 'd => d.a *' }), train));
    expect(bad.message).toMatch(/^step 1 \(derive\): the expression/);
    expect(bad.where).toBe('params.steps.0.expr');
    const js = errorOf(() => fitPipeline(steps({ op: 'filter', expr: 'd => fetch("x")' }), train));
    expect(js.where).toBe('params.steps.0.expr');
    const missing = errorOf(() => fitPipeline(steps({ op: 'select', columns: ['a'] }, { op: 'scale', columns: ['b'] }), train));
    expect(missing.message).toBe('step 2 (scale): column "b" not in the table.');
    expect(missing.where).toBe('params.steps.1.columns');
    expect(missing.hint).toBe('Available columns: a.');
    // At apply time too, on a table without the column.
    const p = fitPipeline(steps({ op: 'scale', columns: ['a'] }), train);
    expect(errorOf(() => p.apply(aq.table({ z: [1] }))).message).toMatch(/step 1 \(scale\): column "a" not in the table/);
  });
});
