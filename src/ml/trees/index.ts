// Histogram-based gradient-boosted trees on typed arrays (LightGBM /
// scikit-learn HistGradientBoosting / XGBoost hist style), no tfjs.
export { MISSING_BIN, MAX_BINS, fitBins, applyBins, type BinMapper, type RawMatrix } from './binning.ts';
export { Grower, type GrowParams } from './grow.ts';
export { boost, binaryAuc, marginLoss, DEFAULT_BOOST_PARAMS, type BoostParams, type BoostResult, type Ensemble, type Objective, type StoppingMetric } from './boost.ts';
export { rawMatrix } from './matrix.ts';
export { TreeModel, type TreeModelJSON, type ImportanceKind } from './model.ts';
export { fitTreeModel, type TreeFitOptions, type TreeFitHooks } from './fit.ts';
export type { Tree, TreeJSON } from './tree.ts';
