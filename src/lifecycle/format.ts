// Words and numbers for the lifecycle outputs: metric labels ("AUC"),
// metric name aliases, short number formatting and condition checks.

export const LABELS: Record<string, string> = {
  roc_auc: 'AUC', accuracy: 'Accuracy', f1: 'F1', precision: 'Precision', recall: 'Recall', log_loss: 'Log loss',
  f1_macro: 'F1 (macro)', precision_macro: 'Precision (macro)', recall_macro: 'Recall (macro)',
  f1_weighted: 'F1 (weighted)', precision_weighted: 'Precision (weighted)', recall_weighted: 'Recall (weighted)',
  mse: 'MSE', rmse: 'RMSE', mae: 'MAE', mape: 'MAPE', r2: 'R²',
};

/** The same labels in Korean, for the outputs' Korean text (abbreviations stay as they are). */
export const LABELS_KO: Record<string, string> = {
  roc_auc: 'AUC', accuracy: '정확도', f1: 'F1', precision: '정밀도', recall: '재현율', log_loss: '로그 손실',
  f1_macro: 'F1 (매크로)', precision_macro: '정밀도 (매크로)', recall_macro: '재현율 (매크로)',
  f1_weighted: 'F1 (가중)', precision_weighted: '정밀도 (가중)', recall_weighted: '재현율 (가중)',
  mse: 'MSE', rmse: 'RMSE', mae: 'MAE', mape: 'MAPE', r2: 'R²',
};

/** Names students type for the metrics the evaluate cell stores. */
const ALIASES: Record<string, string> = { auc: 'roc_auc', 'roc-auc': 'roc_auc', rocauc: 'roc_auc', logloss: 'log_loss', 'r²': 'r2' };

export function metricKey(name: string): string {
  const k = name.trim().toLowerCase();
  return ALIASES[k] ?? k;
}

export function metricLabel(name: string): string {
  return LABELS[metricKey(name)] ?? name;
}

export function metricLabelKo(name: string): string {
  return LABELS_KO[metricKey(name)] ?? name;
}

/** Metrics where lower is better (errors and losses). */
export function lowerIsBetter(name: string): boolean {
  return ['mse', 'rmse', 'mae', 'mape', 'log_loss'].includes(metricKey(name));
}

/** Up to 4 decimals, trailing zeros dropped: 0.7712 → "0.7712", 0.78 → "0.78". */
export function fmt(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'n/a' : x > 0 ? '∞' : '-∞';
  if (x !== 0 && Math.abs(x) < 1e-4) return x.toExponential(2);
  return String(Number(x.toFixed(digits)));
}

/** p-values: "< 0.0001" below that, else 4 decimals. */
export function fmtP(p: number): string {
  return p < 1e-4 ? '< 0.0001' : fmt(p);
}

export type Op = '>=' | '>' | '<=' | '<';

export const NEGATED: Record<Op, Op> = { '>=': '<', '>': '<=', '<=': '>', '<': '>=' };

const SHOWN: Record<Op, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };

export function holds(value: number, op: Op, threshold: number): boolean {
  if (op === '>=') return value >= threshold;
  if (op === '>') return value > threshold;
  if (op === '<=') return value <= threshold;
  return value < threshold;
}

/** "AUC 0.812 ≥ 0.78" when it holds, "AUC 0.771 < 0.78" when it does not (label: metricLabelKo for the Korean). */
export function describeCondition(metric: string, value: number, op: Op, threshold: number, label: (name: string) => string = metricLabel): string {
  const shown = holds(value, op, threshold) ? op : NEGATED[op];
  return `${label(metric)} ${fmt(value)} ${SHOWN[shown]} ${fmt(threshold)}`;
}
