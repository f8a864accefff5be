// Which metrics an evaluation shows first, per task, and the stable order of
// the rest (folded). The order depends only on the metric names and the task,
// never on the order the keys were saved in, so it survives a reload.
import type { MetricsOutput } from '../../core/outputs.ts';

export type EvalTask = 'binary' | 'multiclass' | 'regression';

const HEADLINE: Record<EvalTask, readonly string[]> = {
  binary: ['roc_auc', 'accuracy', 'f1', 'precision', 'recall'],
  multiclass: ['accuracy', 'f1_macro', 'top_k'],
  regression: ['rmse', 'mae', 'mape', 'r2'],
};

/** The rest, in this order; names not listed follow alphabetically. */
const REST = [
  'threshold', 'roc_auc', 'log_loss', 'precision_macro', 'recall_macro', 'f1_macro',
  'precision_weighted', 'recall_weighted', 'f1_weighted', 'average_precision',
];

export function evalTask(output: Pick<MetricsOutput, 'task' | 'metrics' | 'confusion' | 'binary'>): EvalTask {
  if (output.task === 'regression') return 'regression';
  const classes = output.confusion?.labels.length ?? 0;
  return output.binary || 'precision' in output.metrics || classes === 2 ? 'binary' : 'multiclass';
}

function slot(name: string): string {
  return /^top_\d+_accuracy$/.test(name) ? 'top_k' : name;
}

/** Headline metrics (in the task's order) and the others (stable order). */
export function orderMetrics(task: EvalTask, metrics: Record<string, number>): { headline: string[]; rest: string[] } {
  const names = Object.keys(metrics);
  const head = HEADLINE[task];
  const headline = names.filter((n) => head.includes(slot(n))).sort((a, b) => head.indexOf(slot(a)) - head.indexOf(slot(b)) || a.localeCompare(b));
  const rank = (n: string) => (REST.includes(n) ? REST.indexOf(n) : REST.length);
  const rest = names.filter((n) => !headline.includes(n)).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return { headline, rest };
}
