// How the UI writes numbers: by magnitude, for people. One module so every
// table, metric card and chart label agrees. Integers keep every digit (with
// grouping); other numbers keep 4 significant digits in plain decimals from
// one millionth to a trillion (a difference of AUC of -0.00024278 reads
// "−0.0002428", never "-2.4278e-4"); only beyond that, scientific notation.
// Metrics that are shares of rows (accuracy, precision, recall, MAPE) read
// as percentages.

const MINUS = '\u2212';

function sign(x: number, body: string): string {
  return x < 0 ? `${MINUS}${body}` : body;
}

function group(digits: string): string {
  const [int, frac] = digits.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

/** `x` with `digits` significant digits, trailing zeros dropped, thousands grouped. */
export function significant(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : sign(x, '∞');
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a < 1e-6 || a >= 1e12) {
    const [mantissa, exponent] = a.toExponential(Math.max(0, digits - 2)).split('e');
    return sign(x, `${mantissa.replace(/\.?0+$/, '')}×10${superscript(Number(exponent))}`);
  }
  // Decimals needed for `digits` significant ones at this magnitude (none past the point for big numbers).
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(a)));
  let text = a.toFixed(decimals);
  if (text.includes('.')) text = text.replace(/\.?0+$/, '');
  return sign(x, group(text));
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
function superscript(n: number): string {
  return (n < 0 ? '⁻' : '') + String(Math.abs(n)).split('').map((d) => SUPERSCRIPT[Number(d)]).join('');
}

/** A number in a table or a profile: integers in full, the rest with 4 significant digits. */
export function formatNumber(x: number | null | undefined): string {
  if (x === undefined || x === null) return '—';
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return sign(x, group(String(Math.abs(x))));
  return significant(x, 4);
}

/** A share (0..1) as a percentage with 3 significant digits: 0.8734 → "87.3%", 1 → "100%". */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share)) return significant(share);
  const pct = share * 100;
  if (pct !== 0 && Math.abs(pct) < 0.1) return `${significant(pct, 2)}%`;
  return `${significant(pct, Math.abs(pct) >= 100 ? 4 : 3)}%`;
}

/** Metric names whose values are shares of rows, shown as percentages. */
export function isShareMetric(name: string): boolean {
  return /^(accuracy|balanced_accuracy|precision(_\w+)?|recall(_\w+)?|top_\d+_accuracy|mape|coverage)$/.test(name);
}

/** A metric's value as a student reads it: percentages for shares, otherwise 4 significant digits. */
export function formatMetric(name: string, value: number | null | undefined): string {
  if (value === undefined || value === null) return '—';
  if (Number.isInteger(value) && !isShareMetric(name)) return formatNumber(value);
  return isShareMetric(name) ? formatPercent(value) : significant(value, 4);
}
