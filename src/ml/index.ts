// The ML layer's public surface, for hosts (backend choice) and cells.
export { initBackend, switchBackend, activeBackend, DEFAULT_BACKEND_ORDER, type BackendName, type BackendOptions, type BackendInitResult, type BackendAttempt } from './backend.ts';
export { fitModel, checkModelTask, type FitOptions, type FitHooks } from './fit.ts';
export { trainNetwork, type TrainConfig, type TrainData, type TrainHooks, type TrainProgress, type TrainResult } from './train.ts';
export { TfjsModel, type Coefficients } from './models/tfjs-model.ts';
export { buildNetwork, type ModelKind, type Activation, type Head, type NetworkSpec } from './models/network.ts';
export { detectTask, selectFeatures, featureMatrix, classificationTarget, regressionTarget, targetLabels, MAX_AUTO_CLASSES } from './features.ts';
export { makeOptimizer, type OptimizerName } from './optimizers.ts';
export * from './metrics/index.ts';
