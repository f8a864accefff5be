// The benchmarks' synthetic CSV: 10 columns (integers, decimals, text with
// quoted commas, dates, booleans), from a fixed LCG so every run and every
// host (Node, the browser bench page) builds the same bytes.
export const SYNTHETIC_HEADER = 'id,group,x1,x2,x3,label,when,flag,score,note';

export function syntheticCsv(rows: number): string {
  const lines = [SYNTHETIC_HEADER];
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);
  for (let i = 0; i < rows; i++) {
    lines.push(`${i},g${i % 100},${(rnd() * 100).toFixed(3)},${(rnd() * 10 - 5).toFixed(4)},${Math.floor(rnd() * 1000)},${rnd() < 0.3 ? 'yes' : 'no'},2024-0${1 + (i % 9)}-1${i % 10},${rnd() < 0.5},${rnd().toFixed(6)},"text, ${i % 7}"`);
  }
  return lines.join('\n') + '\n';
}
