// The exported drift cell reaches the workbench's drift table: the same PSI
// and statistics, p-values equal where both use the exact KS distribution or
// chi-square (1e-9), within 2e-3 for KS on more than 10 000 values (the
// workbench's asymptotic formula, docs/lifecycle.md), and the same verdicts.
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { tableDrift } from '../../src/lifecycle/drift.ts';
import { seededRandom } from '../../src/core/random.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pythonMissing, runWithHelpers } from './helpers.ts';

const missing = pythonMissing(['numpy', 'pandas', 'scipy']);

function sample(n: number, seed: number, shift: number) {
  const r = seededRandom(seed);
  return {
    amount: Array.from({ length: n }, () => (r() < 0.03 ? null : Math.round((r() + r() + shift) * 1000) / 10)),
    visits: Array.from({ length: n }, () => Math.floor(r() * (6 + shift * 4))),
    channel: Array.from({ length: n }, () => (r() < 0.05 ? null : ['web', 'app', 'phone'][Math.floor(r() * r() * (3 - shift))])),
    member: Array.from({ length: n }, () => r() < 0.4 + shift / 5),
  };
}

describe.skipIf(missing !== undefined)(`drift exported to Python matches the workbench${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it.each([[400, 300, 1e-9], [12_000, 11_000, 2e-3]])('reference %i rows, current %i rows', (nRef, nCur, pTolerance) => {
    const ref = sample(nRef, 1, 0);
    const cur = sample(nCur, 2, 0.3);
    const options = { psiThreshold: 0.1, alpha: 0.05, bins: 10 };
    const wb = tableDrift(aq.table(ref), aq.table(cur), [], options).features;
    // The tables go through a file: as a literal they would pass the command-line length limit.
    const file = join(mkdtempSync(join(tmpdir(), 'wb-drift-')), 'tables.json');
    writeFileSync(file, JSON.stringify({ ref, cur }));
    const py = runWithHelpers(`tables = json.load(open(${JSON.stringify(file)}))
t = drift_report(pd.DataFrame(tables['ref']), pd.DataFrame(tables['cur']), None, psi_threshold=0.1, alpha=0.05, bins=10)
print(json.dumps(t[['column', 'PSI', 'statistic', 'p-value', 'drifted']].to_dict('records')))`) as { column: string; PSI: number; statistic: number; 'p-value': number; drifted: boolean }[];
    expect(py.map((r) => r.column)).toEqual(wb.map((f) => f.column));
    wb.forEach((f, i) => {
      expect(py[i].PSI, `${f.column} PSI`).toBeCloseTo(f.psi, 9);
      expect(py[i].statistic, `${f.column} statistic`).toBeCloseTo(f.statistic, 9);
      const p = f.test === 'KS' ? pTolerance : 1e-9;
      expect(Math.abs(py[i]['p-value'] - f.pvalue), `${f.column} p-value: workbench ${f.pvalue}, python ${py[i]['p-value']}`).toBeLessThanOrEqual(p);
      expect(py[i].drifted, `${f.column} drifted`).toBe(f.drifted);
    });
  });
});
