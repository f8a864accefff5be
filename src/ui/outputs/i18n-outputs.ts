// Messages of the evaluation and training charts, in English and Korean,
// with the one-line explanation of each metric. Loaded with those charts,
// not with the first screen (like i18n-lifecycle.ts).
import { format, getLang, useT } from '../i18n.ts';

const en = {
  epochAxis: 'Epoch',
  roundAxis: 'Boosting round',
  foldAxis: 'Fold',
  lossAxis: 'Loss',
  metricAxis: 'Metric',
  lossChart: 'Loss',
  metricChart: 'Validation metrics',
  trainingLoss: 'training loss',
  validationLoss: 'validation loss',
  trainingSeries: 'training {name}',
  validationSeries: 'validation {name}',
  bestEpoch: 'best epoch {n} (weights restored)',
  bestRound: 'best round {n} (kept)',
  bestEpochShort: 'best epoch {n}',
  bestRoundShort: 'best round {n}',
  predicting: 'predicting {target}',
  moreMetrics: 'More metrics ({n})',
  metricsHeading: 'Metrics',
  thresholdHeading: 'Decision threshold',
  thresholdLabel: 'Predict "{positive}" when its probability is at least',
  thresholdAbove: 'above every score (nothing predicted "{positive}")',
  thresholdNote: 'Move the threshold: the confusion matrix and the metrics below follow. The metrics above use {threshold}.',
  atThreshold: 'At this threshold',
  rocTitle: 'ROC curve',
  prTitle: 'Precision–recall curve',
  calibrationTitle: 'Calibration (reliability) curve',
  fpr: 'False positive rate',
  tpr: 'True positive rate (recall)',
  recallAxis: 'Recall',
  precisionAxis: 'Precision',
  meanPredicted: 'Mean predicted probability',
  fractionPositive: 'Share actually "{positive}"',
  model: 'model',
  chance: 'chance',
  perfect: 'perfectly calibrated',
  baseline: 'share of positives',
  current: 'current threshold',
  predVsActual: 'Predicted vs actual',
  residuals: 'Residuals',
  actualAxis: 'Actual',
  predictedAxis: 'Predicted',
  residualAxis: 'Actual − predicted',
  identity: 'predicted = actual',
  rowsSampled: '{shown} of {total} rows (a fixed sample)',
  rows: 'rows',
  confusionMatrix: 'Confusion matrix',
  actualPredicted: 'actual ↓ / predicted →',
} as const;

export type OutputKey = keyof typeof en;

const ko: Record<OutputKey, string> = {
  epochAxis: '에포크',
  roundAxis: '부스팅 라운드',
  foldAxis: '폴드',
  lossAxis: '손실',
  metricAxis: '지표',
  lossChart: '손실',
  metricChart: '검증 지표',
  trainingLoss: '학습 손실',
  validationLoss: '검증 손실',
  trainingSeries: '학습 {name}',
  validationSeries: '검증 {name}',
  bestEpoch: '최적 에포크 {n} (가중치 복원됨)',
  bestRound: '최적 라운드 {n} (유지됨)',
  bestEpochShort: '최적 에포크 {n}',
  bestRoundShort: '최적 라운드 {n}',
  predicting: '예측 대상: {target}',
  moreMetrics: '지표 더 보기 ({n})',
  metricsHeading: '지표',
  thresholdHeading: '결정 임계값',
  thresholdLabel: '"{positive}"의 확률이 이 값 이상이면 "{positive}"로 예측',
  thresholdAbove: '모든 점수보다 높음 ("{positive}" 예측 없음)',
  thresholdNote: '임계값을 움직이면 아래의 혼동 행렬과 지표가 따라 바뀌어요. 위의 지표는 {threshold}를 써요.',
  atThreshold: '이 임계값에서',
  rocTitle: 'ROC 곡선',
  prTitle: '정밀도–재현율 곡선',
  calibrationTitle: '보정(신뢰도) 곡선',
  fpr: '거짓 양성 비율',
  tpr: '참 양성 비율 (재현율)',
  recallAxis: '재현율',
  precisionAxis: '정밀도',
  meanPredicted: '평균 예측 확률',
  fractionPositive: '실제로 "{positive}"인 비율',
  model: '모델',
  chance: '무작위',
  perfect: '완벽한 보정',
  baseline: '양성 비율',
  current: '현재 임계값',
  predVsActual: '예측값 대 실제값',
  residuals: '잔차',
  actualAxis: '실제값',
  predictedAxis: '예측값',
  residualAxis: '실제값 − 예측값',
  identity: '예측값 = 실제값',
  rowsSampled: '전체 {total}행 중 {shown}행 (고정 표본)',
  rows: '행',
  confusionMatrix: '혼동 행렬',
  actualPredicted: '실제 ↓ / 예측 →',
};

/** What each metric means, in one line a student can act on. */
const metricHelpEn: Record<string, string> = {
  accuracy: 'Share of rows whose class was predicted correctly.',
  roc_auc: 'Chance that a random positive row scores higher than a random negative one (0.5 = guessing, 1 = perfect).',
  f1: 'Balance of precision and recall for the positive class (their harmonic mean).',
  precision: 'Of the rows predicted positive, the share that really are positive.',
  recall: 'Of the rows that really are positive, the share the model found.',
  f1_macro: 'F1 of each class, averaged with equal weight per class: rare classes count as much as common ones.',
  precision_macro: 'Precision of each class, averaged with equal weight per class.',
  recall_macro: 'Recall of each class, averaged with equal weight per class.',
  f1_weighted: 'F1 of each class, averaged by how many rows each class has.',
  precision_weighted: 'Precision of each class, averaged by how many rows each class has.',
  recall_weighted: 'Recall of each class, averaged by how many rows each class has.',
  log_loss: 'How far the predicted probabilities are from the truth; confident mistakes cost most. Lower is better.',
  top_k_accuracy: 'Share of rows whose true class is among the {k} classes the model finds most likely.',
  threshold: 'The probability of the positive class at or above which a row is predicted positive.',
  rmse: 'Typical size of an error, in the target\'s units; large errors count extra. Lower is better.',
  mae: 'Average size of an error, in the target\'s units. Lower is better.',
  mape: 'Average error as a share of the true value. Lower is better.',
  r2: 'Share of the target\'s variation the model explains (1 = perfect, 0 = no better than always predicting the mean).',
};

const metricHelpKo: Record<string, string> = {
  accuracy: '클래스를 맞게 예측한 행의 비율.',
  roc_auc: '무작위로 고른 양성 행이 음성 행보다 높은 점수를 받을 확률 (0.5는 찍기, 1은 완벽).',
  f1: '양성 클래스의 정밀도와 재현율의 균형 (조화 평균).',
  precision: '양성으로 예측한 행 중 실제로 양성인 비율.',
  recall: '실제 양성인 행 중 모델이 찾아낸 비율.',
  f1_macro: '클래스별 F1을 같은 가중치로 평균: 드문 클래스도 흔한 클래스만큼 중요해요.',
  precision_macro: '클래스별 정밀도를 같은 가중치로 평균.',
  recall_macro: '클래스별 재현율을 같은 가중치로 평균.',
  f1_weighted: '클래스별 F1을 각 클래스의 행 수로 가중 평균.',
  precision_weighted: '클래스별 정밀도를 각 클래스의 행 수로 가중 평균.',
  recall_weighted: '클래스별 재현율을 각 클래스의 행 수로 가중 평균.',
  log_loss: '예측 확률이 정답에서 얼마나 먼지; 자신 있게 틀리면 가장 큰 벌점. 낮을수록 좋아요.',
  top_k_accuracy: '정답 클래스가 모델이 가장 그럴듯하다고 본 {k}개 클래스 안에 든 행의 비율.',
  threshold: '양성 클래스의 확률이 이 값 이상이면 양성으로 예측해요.',
  rmse: '오차의 전형적인 크기 (목표값 단위); 큰 오차가 더 크게 반영돼요. 낮을수록 좋아요.',
  mae: '오차 크기의 평균 (목표값 단위). 낮을수록 좋아요.',
  mape: '오차를 실제값에 대한 비율로 나타낸 평균. 낮을수록 좋아요.',
  r2: '모델이 설명하는 목표값 변동의 비율 (1은 완벽, 0은 항상 평균을 예측하는 것과 같음).',
};


export type OutputT = (key: OutputKey, vars?: Record<string, string | number>) => string;

const translators: Record<'en' | 'ko', OutputT> = {
  en: (key, vars = {}) => format(en[key], vars),
  ko: (key, vars = {}) => format(ko[key], vars),
};

/** Re-renders on language change (through useT) and returns the outputs' translator (one per language, stable for memos). */
export function useOutputT(): OutputT {
  useT();
  return translators[getLang()];
}

/** Metric names as a student reads them; Korean for the words, the usual abbreviations kept. */
const labelsEn: Record<string, string> = {
  accuracy: 'accuracy', roc_auc: 'ROC AUC', f1: 'F1', precision: 'precision', recall: 'recall', f1_macro: 'macro F1',
  precision_macro: 'macro precision', recall_macro: 'macro recall', f1_weighted: 'weighted F1', precision_weighted: 'weighted precision',
  recall_weighted: 'weighted recall', log_loss: 'log loss', threshold: 'threshold', rmse: 'RMSE', mae: 'MAE', mape: 'MAPE', r2: 'R²',
  top_k_accuracy: 'top-{k} accuracy',
};
const labelsKo: Record<string, string> = {
  accuracy: '정확도', roc_auc: 'ROC AUC', f1: 'F1', precision: '정밀도', recall: '재현율', f1_macro: '매크로 F1',
  precision_macro: '매크로 정밀도', recall_macro: '매크로 재현율', f1_weighted: '가중 F1', precision_weighted: '가중 정밀도',
  recall_weighted: '가중 재현율', log_loss: '로그 손실', threshold: '임계값', rmse: 'RMSE', mae: 'MAE', mape: 'MAPE', r2: 'R²',
  top_k_accuracy: '상위 {k} 정확도',
};

/** A metric's display name in the UI language (its key when we have none). */
export function metricLabel(name: string): string {
  const table = getLang() === 'ko' ? labelsKo : labelsEn;
  const topK = /^top_(\d+)_accuracy$/.exec(name);
  if (topK) return format(table.top_k_accuracy, { k: topK[1] });
  return table[name] ?? name;
}

/** The one-line explanation of a metric in the UI language, or undefined for one we do not know. */
export function metricHelp(name: string): string | undefined {
  const table = getLang() === 'ko' ? metricHelpKo : metricHelpEn;
  const topK = /^top_(\d+)_accuracy$/.exec(name);
  if (topK) return format(table.top_k_accuracy, { k: topK[1] });
  return table[name];
}

/** The tables, for the completeness test. */
export const outputMessages = { en, ko, metricHelpEn, metricHelpKo, labelsEn, labelsKo };
