// Built-in feature importances: models that have them (the gradient-boosted
// trees) expose a featureImportances() method; others do not, and the
// explain cell falls back to permutation importance alone.
import type { TrainedModel } from '../../core/values.ts';

type WithImportances = TrainedModel & { featureImportances(): readonly number[] | Readonly<Record<string, number>> };

function hasImportances(model: TrainedModel): model is WithImportances {
  return typeof (model as Partial<WithImportances>).featureImportances === 'function';
}

/** Importance per feature (model feature order), or undefined when the model has none. */
export function modelImportances(model: TrainedModel): { feature: string; importance: number }[] | undefined {
  if (!hasImportances(model)) return undefined;
  const raw = model.featureImportances();
  const byName = Array.isArray(raw)
    ? (feature: string, j: number) => (raw as readonly number[])[j] ?? 0
    : (feature: string) => (raw as Readonly<Record<string, number>>)[feature] ?? 0;
  return model.features.map((feature, j) => ({ feature, importance: byName(feature, j) }));
}
