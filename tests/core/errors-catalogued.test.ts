// Every error a cell raises on purpose comes from the message catalogue, so a
// Korean UI can say it in Korean (issue 13, item 6). A static scan of src/
// fails on a `new CellError(` written with its own English text; rendering
// every code, and a sample of real errors, in Korean fails on a missing or
// broken translation.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINE_MESSAGES, fillTemplate } from '../../src/core/messages.ts';
import { CellError } from '../../src/core/errors.ts';
import { toErrorOutput } from '../../src/kernel/kernel.ts';
import { ERROR_MESSAGES_KO, localizedError } from '../../src/ui/i18n-errors.ts';
import { setLang } from '../../src/ui/i18n.ts';
import { parseJson } from '../../src/data/json.ts';
import { typedTable } from '../../src/data/infer.ts';
import { seasonalDecompose } from '../../src/data/timeseries/decompose.ts';
import { resolveWeights } from '../../src/ml/ensemble/voting.ts';
import { groupKFold } from '../../src/ml/validation/folds.ts';
import { checkSpace } from '../../src/ml/tuning/space.ts';
import { catalogued } from '../../src/worker/channel.ts';
import { chunkDocument } from '../../src/ml/text/chunk.ts';
import { fitLsa } from '../../src/ml/text/lsa.ts';
import { parseRunExport } from '../../src/lifecycle/runs.ts';
import { register, transition } from '../../src/lifecycle/registry.ts';
import { tablePage } from '../../src/data/tablePage.ts';
import * as aq from 'arquero';

const SRC = resolve(import.meta.dirname, '../../src');

/**
 * The only places a CellError is built from a message rather than a code, and why:
 * each passes on an error that already has its code (or is English on purpose).
 */
const UNCODED_ALLOWED: Record<string, { count: number; why: string }> = {
  'core/errors.ts': { count: 1, why: 'CellError.coded itself' },
  'worker/channel.ts': { count: 1, why: "a host reply's error, rebuilt with its code and parameters" },
  'cells/predict.ts': { count: 1, why: 'a model-file error re-pointed at the file field, keeping its code' },
  'cli/nodeHost.ts': { count: 9, why: 'the headless runner reads files for a terminal in English (no UI language)' },
};

/**
 * The plain Errors left in the data, ML and lifecycle layers: internal invariants a
 * student cannot reach through a cell or a panel (a cell's own check, or its schema,
 * comes first), so their text is for a developer. Each file's count, and why.
 */
const INTERNAL_ERRORS: Record<string, { count: number; why: string }> = {
  'ml/ensemble/meta.ts': { count: 4, why: 'a singular Newton system (the jitter prevents it), fewer than two classes (train.oneClass comes first), C and alpha (the ensemble schema keeps them > 0 and ≥ 0)' },
  'ml/ensemble/voting.ts': { count: 2, why: 'no members: ensemble.twoModels comes first' },
  'ml/text/charNet.ts': { count: 1, why: 'maxLength < 3: the textclassify schema keeps it ≥ 4' },
  'ml/text/bm25.ts': { count: 1, why: 'k1 and b: the retrieve schema bounds them' },
  'ml/text/logistic.ts': { count: 1, why: 'C: the textclassify schema keeps it > 0' },
  'ml/text/ranking.ts': { count: 1, why: 'two rankings of one retriever always score the same passages' },
  'ml/metrics/topk.ts': { count: 1, why: 'k: the evaluate schema keeps it a positive integer' },
  'ml/metrics/classification.ts': { count: 2, why: 'the binary average and positive label the evaluate cell computes from the model' },
  'ml/metrics/curves.ts': { count: 1, why: "probabilities a model gives lie in [0, 1]" },
  'ml/metrics/labels.ts': { count: 3, why: 'labels from the model, truth and predictions aligned by the cell; no rows: evaluate.noRows comes first' },
  'ml/metrics/probabilistic.ts': { count: 1, why: "a model's probability rows have one entry per class" },
  'ml/flat-adam.ts': { count: 3, why: "the optimizer's own bookkeeping (the training loop never switches backends mid-run)" },
  'ml/wasm-copy-kernels.ts': { count: 1, why: "a gather index out of range: the backend's own kernel throws the same; batch and embedding indices come from the workbench's code" },
  'ml/wasm-heap.ts': { count: 2, why: 'a tensor without WASM data, a kernel never replaced: only tests and the kernels themselves ask' },
  'ml/models/sequence-net.ts': { count: 1, why: 'padded models are always called with their state indices' },
  'ml/models/conv1d.ts': { count: 1, why: 'channels: the layer is built from its input' },
  'lifecycle/stats/quantile.ts': { count: 1, why: 'callers ask only of non-empty samples' },
  'lifecycle/indexedMetrics.ts': { count: 6, why: 'empty subsets: callers measure only rows they have' },
  'data/tablePage.ts': { count: 2, why: "offset and limit: the UI computes them and the worker's validator checks them" },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function inKorean<T>(run: () => T): T {
  setLang('ko');
  try {
    return run();
  } finally {
    setLang('en');
  }
}

function thrown(run: () => unknown) {
  try {
    run();
  } catch (error) {
    return toErrorOutput(error);
  }
  throw new Error('expected the call to throw');
}

const HANGUL = /[\uac00-\ud7a3]/;

describe('every CellError is catalogued', () => {
  it('builds no CellError from its own English text outside the allowed pass-through places', () => {
    const found: Record<string, number> = {};
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      const n = text.match(/new CellError\(/g)?.length ?? 0;
      if (n) found[relative(SRC, file)] = n;
    }
    const unexpected = Object.entries(found).filter(([file, n]) => n !== UNCODED_ALLOWED[file]?.count);
    expect(unexpected, 'raise these with CellError.coded and a code in src/core/messages/ (Korean in src/ui/i18n-errors/)').toEqual([]);
    // The scan sees what it should: the allowed files are where it counted them.
    expect(Object.keys(found).sort()).toEqual(Object.keys(UNCODED_ALLOWED).sort());
  });

  it('leaves plain Errors in the data, ML and lifecycle layers only where a student cannot reach them', () => {
    const found: Record<string, number> = {};
    for (const layer of ['data', 'ml', 'lifecycle']) {
      for (const file of sourceFiles(join(SRC, layer))) {
        const n = readFileSync(file, 'utf8').match(/(?:new|throw) Error\(/g)?.length ?? 0;
        if (n) found[relative(SRC, file)] = n;
      }
    }
    const unexpected = Object.entries(found).filter(([file, n]) => n !== INTERNAL_ERRORS[file]?.count);
    expect(unexpected, 'an error a student can meet: raise it with CellError.coded (Korean in src/ui/i18n-errors/)').toEqual([]);
    expect(Object.keys(found).sort()).toEqual(Object.keys(INTERNAL_ERRORS).sort());
  });

  it('says the retrieval, runs-file and table-page errors a student meets in Korean', () => {
    const overlap = thrown(() => chunkDocument('d', 'a b c d', { size: 2, overlap: 2 }));
    expect(overlap.where).toBe('params.overlap');
    expect(inKorean(() => localizedError(overlap)).message).toBe('겹침은 0과 청크 크기 − 1 사이여야 해요 (청크 2단어에 겹침 2).');
    const row = (i: number) => ({ indices: Int32Array.of(i), values: Float64Array.of(1) });
    const lsa = thrown(() => fitLsa([row(0), row(1)], 2, 5));
    expect(inKorean(() => localizedError(lsa)).message).toContain('LSA 차원은 1 이상 2 이하여야 해요');
    const runs = thrown(() => parseRunExport('{ not json'));
    expect(runs.code).toBe('runs.notJson');
    expect(inKorean(() => localizedError(runs)).message).toMatch(/^실행 기록 파일이 JSON이 아니에요: /);
    const page = thrown(() => tablePage(aq.table({ a: [1] }), { offset: 0, limit: 1, sort: { column: 'b' } }));
    expect(page.message).toBe('The table has no column "b".');
    expect(inKorean(() => localizedError(page)).message).toBe('표에 "b" 열이 없어요.');
    // The registry panel's refusals (its state machine) in Korean too.
    const { versions } = register([], { name: 'churn', runId: 'r1' }, '2026-01-01T00:00:00Z');
    const archived = transition(versions, 'churn', 1, 'archived', '2026-01-02T00:00:00Z').versions;
    const refused = thrown(() => transition(archived, 'churn', 1, 'production', '2026-01-03T00:00:00Z'));
    expect(refused.message).toBe('churn v1 cannot go from archived to production; from archived it may go to staging, none. Use rollback, or move it to staging first.');
    expect(inKorean(() => localizedError(refused)).message).toBe('churn v1은(는) archived에서 production(으)로 갈 수 없어요. archived에서는 staging, none(으)로만 갈 수 있어요. 롤백하거나 먼저 staging으로 옮기세요.');
  });

  it('has more than 280 codes, each rendering in Korean with every parameter filled', () => {
    const codes = Object.keys(ENGINE_MESSAGES) as (keyof typeof ENGINE_MESSAGES)[];
    expect(codes.length).toBeGreaterThan(280);
    for (const code of codes) {
      const en: { message: string; hint?: string } = ENGINE_MESSAGES[code];
      const names = [...`${en.message} ${en.hint ?? ''}`.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const params = Object.fromEntries(names.map((name, i) => [name, `v${i}`]));
      const output = toErrorOutput(CellError.coded(code, params));
      const ko = inKorean(() => localizedError(output));
      expect(ko.message, code).toMatch(HANGUL);
      expect(ko.message, code).not.toBe(fillTemplate(en.message, params));
      for (const name of names) expect(`${ko.message} ${ko.hint ?? ''}`, `${code}: {${name}}`).toContain(params[name]);
      expect(ERROR_MESSAGES_KO[code], code).toBeDefined();
    }
  });

  it('says real errors of the data and ML layers in Korean, with their names and numbers', () => {
    const json = thrown(() => parseJson('[{"a": 1},\n {"a": ]'));
    expect(json.code).toBe('json.unexpected');
    expect(inKorean(() => localizedError(json)).message).toBe('JSON이 올바르지 않아요: 2번째 줄 8번째 칸에 예상하지 못한 "]"이(가) 있어요.');

    const type = thrown(() => typedTable(['x'], [['1', 'abc']], { types: { x: 'number' }, lines: [2, 7] }));
    expect(type.message).toBe("column x, line 7: 'abc' is not a number");
    expect(inKorean(() => localizedError(type))).toEqual({
      message: "x 열 7번째 줄: 'abc'은(는) 숫자가 아니에요",
      hint: '"x" 열의 형식을 바꾸거나, \'abc\'을(를) 결측값 표시에 추가하세요.',
    });

    const cycles = thrown(() => seasonalDecompose([1, 2, 3, 4, 5], 7));
    expect(inKorean(() => localizedError(cycles)).message).toBe('계절 분해에는 적어도 두 주기가 필요해요: 주기 7이면 14개가 필요한데 시계열은 5개예요.');

    const weights = thrown(() => resolveWeights([1, 2, 3], 2));
    expect(weights.where).toBe('params.weights');
    expect(inKorean(() => localizedError(weights)).message).toBe('모델은 2개인데 가중치를 3개 줬어요. 모델마다 하나씩 주세요 (또는 비워 두세요).');

    const groups = thrown(() => groupKFold(['a', 'a', 'b'], 3));
    expect(groups.message).toBe('3 folds need at least 3 distinct groups, but there are 2.');
    expect(inKorean(() => localizedError(groups)).message).toBe('폴드 3개에는 서로 다른 그룹이 적어도 3개 필요한데 2개뿐이에요.');

    const space = thrown(() => checkSpace([{ name: 'lr', type: 'float', low: 1, high: 0 }]));
    expect(inKorean(() => localizedError(space)).message).toBe('"lr"은(는) low ≤ high여야 해요 (지금은 low 1, high 0).');
  });

  it("keeps a host reply's code and parameters across the worker boundary, and drops ones it cannot trust", () => {
    expect(catalogued('host.noUpload', { id: 'f1' })).toEqual({ code: 'host.noUpload', params: { id: 'f1' } });
    expect(catalogued('no.such.code', { id: 'f1' })).toEqual({});
    expect(catalogued('host.noUpload', { id: { nested: true } })).toEqual({});
    expect(catalogued('toString', {})).toEqual({});
    expect(catalogued(undefined, undefined)).toEqual({});
  });
});
