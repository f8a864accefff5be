// Emitter for the explain cell (helpers-explain.ts): permutation importance
// with the workbench's shuffles and the partial dependence of one feature.
// The model's own importances (the workbench's trees) are not reproduced:
// XGBoost measures them its own way.
import { header, pyName, type Emitter } from './context.ts';
import { pyString } from './jsexpr.ts';

export const emitExplain: Emitter = (cell, p, ctx) => {
  const model = pyName(String(p.model));
  const df = pyName(String(p.input));
  const out = pyName(String(p.output));
  const feature = String(p.feature ?? '');
  const id = pyString(cell.id);
  const lines = [
    header(cell),
    `# Permutation importance: how much the ${p.scoring === 'auto' ? 'accuracy (classes) or R² (numbers)' : p.scoring} of ${p.model} on ${p.input} drops when one feature's`,
    `# column is shuffled (${p.repeats} shuffles each, drawn from the workbench's seeded stream, seed ${p.seed}).`,
    `# (The workbench also shows a tree model's own importances; XGBoost's feature_importances_ measure them differently.)`,
    `scoring, baseline, ${out} = permutation_importance(${model}, ${df}, ${pyString(String(p.scoring))}, repeats=${Number(p.repeats)}, seed=${Number(p.seed)})`,
    `print(f'Drop in {scoring}; baseline {baseline:.4f}')`,
    `report(${id}, 'importances', records(${out}, len(${out})))`,
  ];
  if (feature) {
    lines.push(
      `# Partial dependence: ${feature} set to each grid value in every row, the model's average output.`,
      `grid, curves = partial_dependence(${model}, ${df}, ${pyString(feature)}, grid_resolution=${Number(p.gridResolution)})`,
      `report(${id}, 'partial_dependence', {'grid': grid, 'curves': {str(k): v for k, v in curves.items()}})`,
      'if plt is not None:',
      '    for name, ys in curves.items():',
      `        plt.plot(grid, ys, marker='o', label=str(name))`,
      `    plt.xlabel(${pyString(feature)}); plt.legend(); plt.title(${pyString(`Partial dependence on ${feature}`)}); plt.show()`,
    );
  }
  lines.push(out);
  ctx.defined.set(String(p.output), 'table');
  return [{ type: 'code', source: lines.join('\n'), from: cell.id }];
};
