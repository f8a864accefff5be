// Ensembles of trained models: voting and blending (src/ml/ensemble).
export { VotingModel, BlendModel, StackModel, type StackOptions, type Member, type VotingOptions, type VotingRule, type BlendOptions } from './model.ts';
export { resolveWeights, softVote, hardVote, averagePredictions, argmax } from './voting.ts';
export { fitLogistic, fitRidge, logisticProba, ridgePredict, solve, type MetaModel, type LogisticMeta, type RidgeMeta } from './meta.ts';
