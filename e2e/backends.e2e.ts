// Every model kind trains on every tfjs backend in Debian's Chromium — WebGPU
// (SwiftShader, --enable-unsafe-webgpu), WebGL (ANGLE on SwiftShader), WASM
// and CPU — and scores the same test metrics as on the CPU backend, better
// than a model that learned nothing; re-running the notebook leaves no
// tensor behind.
//
// Why the tolerances: every backend computes in float32 from the same seeded
// initial weights, batches and dropout masks, so only the order of
// reductions (matMul sums, softmax, the epoch loss) and each backend's own
// exp/log/tanh differ; ~1e-7 relative per op, carried through 30–60 Adam
// steps (Adam divides by √v, so small gradients do not shrink a difference).
// Measured against cpu here: wasm and webgpu (SwiftShader) ≤ 2e-7 relative
// on every metric; webgl ≤ 5e-3 (LSTM/GRU: its GLSL tanh and sigmoid are
// approximations). So continuous metrics (RMSE, MAE, R², log loss, ROC AUC)
// must agree within 1e-3 relative on wasm and webgpu and 2e-2 on webgl;
// accuracy may differ by one test sample (a prediction that close to the
// decision boundary may flip). Gradient-boosted trees do not use tfjs, so
// their metrics must be identical.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openApp, type Session } from './browser.ts';
import { allDone, backend, cells, openNotebook, runAll, summary, waitForBackend, type CellInfo } from './helpers.ts';
import { backendsNotebook, MODEL_KEYS, type ModelKey } from './backends-notebook.ts';

/** CPU first: it is the reference the others are compared with. */
const BACKENDS = ['cpu', 'wasm', 'webgl', 'webgpu'] as const;
type BackendName = (typeof BACKENDS)[number];

const REL_TOL: Record<Exclude<BackendName, 'cpu'>, number> = { wasm: 1e-3, webgpu: 1e-3, webgl: 2e-2 };
const CONTINUOUS = ['rmse', 'mae', 'r2', 'log_loss', 'roc_auc'];
const REGRESSION: ModelKey[] = ['linear', 'lstm', 'gru', 'cnn1d'];
/** Windowed test series and the table are scored with R²; it must beat the test mean (0) by a margin. */
const MIN_R2 = 0.5;

type Metrics = Record<string, number>;

interface BackendRun {
  metrics: Record<ModelKey, Metrics>;
  /** Test-sample count per model (windows, rows or real steps), for the one-sample accuracy slack. */
  samples: Record<ModelKey, number>;
  summaries: Record<ModelKey, string>;
  tensors: [number, number];
}

function metricsOf(list: CellInfo[], id: string): Metrics {
  const out = list.find((c) => c.id === id)?.outputs.find((o) => o.type === 'metrics');
  if (!out) throw new Error(`Cell ${id} has no metrics output: ${summary(list)}`);
  return out.metrics as Metrics;
}

function trainingSummary(list: CellInfo[], id: string): string {
  const out = list.find((c) => c.id === id)?.outputs.find((o) => o.type === 'training');
  return String(out?.summary ?? '');
}

function textOf(list: CellInfo[], id: string): string {
  const out = list.find((c) => c.id === id)?.outputs.find((o) => o.type === 'text');
  return String(out?.text ?? '');
}

function jsonOf(list: CellInfo[], id: string): Record<string, number> {
  const out = list.find((c) => c.id === id)?.outputs.find((o) => o.type === 'json');
  return (out?.value ?? {}) as Record<string, number>;
}

/** Samples behind a classification accuracy: recovered from the confusion matrix. */
function sampleCount(list: CellInfo[], id: string): number {
  const out = list.find((c) => c.id === id)?.outputs.find((o) => o.type === 'metrics') as { confusion?: { matrix: number[][] } } | undefined;
  return out?.confusion ? out.confusion.matrix.flat().reduce((a, b) => a + b, 0) : 0;
}

describe('every model kind on every backend', () => {
  let s: Session;
  const runs = new Map<BackendName, BackendRun>();

  beforeAll(async () => {
    s = await launch();
    // Choosing WebGPU may ask to leave the kernel's sandbox (its opaque-origin worker has no GPU; docs/security.md): agree.
    s.page.on('dialog', (d) => void d.accept());
  });
  afterAll(async () => {
    await s?.close();
  });

  for (const name of BACKENDS) {
    it(`trains logistic, linear, MLP, GBDT, LSTM, GRU, 1D-CNN and a padded LSTM on ${name}`, async () => {
      await openApp(s.page, `/?backend=${name}`);
      const active = await waitForBackend(s.page);
      if (active !== name) {
        // The app fell back (webgpu → webgl → wasm → cpu); say why the asked-for backend failed, and where the kernel runs.
        const why = await s.page.locator(`[data-testid="backend"] option[value="${name}"]`).getAttribute('title').catch(() => null);
        const where = await s.page.evaluate(() => (window as unknown as { workbench: { isolation?(): string } }).workbench.isolation?.() ?? 'same-origin');
        throw new Error(
          `The ${name} backend did not start in this Chromium (the app is on ${active}): ${why ?? 'no reason reported'}. ` +
          `The kernel runs ${where === 'sandboxed' ? 'in the sandboxed frame (an opaque-origin worker, where Chromium gives no navigator.gpu; /?isolation=off runs it on the app\'s origin)' : "on the app's origin"}. ` +
          'PLATFORM.md: WebGPU (SwiftShader, --enable-unsafe-webgpu) and WebGL2 work in this Chromium.',
        );
      }
      await openNotebook(s.page, backendsNotebook(), { trusted: true });
      await runAll(s.page);
      const first = await cells(s.page);
      expect(allDone(first), summary(first)).toBe(true);
      expect(await backend(s.page)).toBe(name);

      const run: BackendRun = { metrics: {} as BackendRun['metrics'], samples: {} as BackendRun['samples'], summaries: {} as BackendRun['summaries'], tensors: [Number(textOf(first, 'memory')), 0] };
      for (const key of MODEL_KEYS) {
        run.metrics[key] = metricsOf(first, `eval-${key}`);
        run.samples[key] = sampleCount(first, `eval-${key}`);
        run.summaries[key] = trainingSummary(first, `train-${key}`);
      }
      const baselines = jsonOf(first, 'baselines');
      expect(baselines.majority_cls, 'the baselines cell ran').toBeGreaterThan(0);

      // Each network trained on this backend, the 1D-CNN included (im2col convolutions, no cpu fallback).
      for (const key of MODEL_KEYS) {
        if (key === 'gbdt') continue;
        expect(run.summaries[key], key).toContain(`backend ${name}`);
      }

      // Re-running every cell replaces (and disposes) each model: the live tensor count stays put.
      await runAll(s.page);
      const second = await cells(s.page);
      expect(allDone(second), summary(second)).toBe(true);
      run.tensors[1] = Number(textOf(second, 'memory'));
      expect(run.tensors[0]).toBeGreaterThan(0);
      expect(run.tensors[1], `tf.memory().numTensors after the first and the second run on ${name}`).toBe(run.tensors[0]);
      runs.set(name, run);

      // Better than a model that learned nothing.
      const m = run.metrics;
      for (const key of ['logistic', 'mlp', 'gbdt'] as const) {
        expect(m[key].accuracy, `${key} accuracy vs the majority class share`).toBeGreaterThan(baselines.majority_cls + 0.1);
        expect(m[key].log_loss, `${key} log loss vs ln 2`).toBeLessThan(Math.log(2));
      }
      for (const key of REGRESSION) expect(m[key].r2, `${key} R²`).toBeGreaterThan(MIN_R2);
      expect(m.lstm_padded.accuracy, 'padded LSTM next-state accuracy vs the most frequent next state').toBeGreaterThan(baselines.majority_next_state + 0.2);

      // The same numbers as on the CPU backend.
      if (name === 'cpu') return;
      const ref = runs.get('cpu');
      if (!ref) throw new Error('The cpu run failed, so there is nothing to compare with.');
      const deviations: string[] = [];
      for (const key of MODEL_KEYS) {
        const a = m[key];
        const b = ref.metrics[key];
        if (key === 'gbdt') {
          expect(a, 'gbdt does not use tfjs: identical metrics').toEqual(b);
          continue;
        }
        for (const metric of CONTINUOUS) {
          if (b[metric] === undefined) continue;
          const rel = Math.abs(a[metric] - b[metric]) / Math.max(Math.abs(b[metric]), 1e-3);
          deviations.push(`${key}.${metric} ${rel.toExponential(1)}`);
          expect(rel, `${key} ${metric} on ${name}: ${a[metric]} vs cpu ${b[metric]}`).toBeLessThanOrEqual(REL_TOL[name]);
        }
        if (b.accuracy !== undefined) {
          expect(Math.abs(a.accuracy - b.accuracy), `${key} accuracy on ${name}: ${a.accuracy} vs cpu ${b.accuracy}`).toBeLessThanOrEqual(1 / ref.samples[key] + 1e-9);
        }
      }
      console.info(`${name} vs cpu, relative differences: ${deviations.join(', ')}`);
    });
  }
});
