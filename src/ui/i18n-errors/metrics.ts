// The metric and statistics errors (src/core/messages/metrics.ts) in Korean.
import type { METRIC_MESSAGES } from '../../core/messages/metrics.ts';

export const METRIC_MESSAGES_KO: Record<keyof typeof METRIC_MESSAGES, { message: string; hint?: string }> = {
  'metric.notClassification': { message: '"{name}"은(는) 여기서 쓰는 분류 지표가 아니에요. 다음 중 하나를 쓰세요: {choices}.' },
  'metric.notRegression': { message: '"{name}"은(는) 여기서 쓰는 회귀 지표가 아니에요. 다음 중 하나를 쓰세요: {choices}.' },
  'metric.needsProbabilities': { message: '{metric}에는 클래스 확률이 필요한데 이 모델은 확률을 주지 않아요.' },
  'metric.aucOneClass': { message: '실제 레이블에 클래스가 하나뿐이라 ROC-AUC를 정할 수 없어요.' },
  'metric.apNoPositive': { message: '양성 클래스인 행이 하나도 없어서 평균 정밀도(average precision)를 정할 수 없어요.' },
  'metric.noScores': { message: '임계값을 고를 점수가 없어요.' },
  'stats.chi2Totals': { message: '카이제곱 검정에는 표의 모든 행과 열의 합이 0보다 커야 해요.' },
  'stats.psiEmpty': { message: 'PSI를 구하려면 두 표본 모두에 값이 있어야 해요.' },
  'stats.ksEmpty': { message: 'KS 검정을 하려면 두 표본 모두에 값이 있어야 해요.' },
};
