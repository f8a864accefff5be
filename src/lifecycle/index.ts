// The MLOps engine: run records, the model registry, drift, comparison,
// model cards and the statistics behind them. Pure data and logic; hosts
// supply the stores (see host.ts).
export * from './runs.ts';
export * from './runQuery.ts';
export * from './memoryRunStore.ts';
export * from './fingerprint.ts';
export * from './registry.ts';
export * from './registryStore.ts';
export * from './host.ts';
export * from './drift.ts';
export * from './compare.ts';
export * from './modelcard.ts';
export * from './format.ts';
export * from './subsetMetrics.ts';
export * from './record.ts';
export * from './artifacts.ts';
export * from './endpoint.ts';
export * from './endpointStore.ts';
export * from './endpointStats.ts';
export * from './variantModel.ts';
