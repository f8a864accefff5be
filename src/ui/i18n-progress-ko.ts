// Korean for the progress phases and the progress codes
// (src/core/messages/progress.ts). Loaded with the Korean table (i18n-ko.ts
// re-exports it), so an English first screen does not carry it.
import type { ProgressCode } from '../core/messages/progress.ts';

export const PHASES_KO: Record<string, string> = {
  train: '학습', fit: '맞추기', predict: '예측', parse: '읽기', sequences: '시퀀스 만들기', crossval: '교차 검증', apply: '적용', tune: '튜닝',
  series: '시계열', score: '점수 매기기', rfe: '재귀적 특성 제거', read: '읽기', profile: '프로파일', load: '불러오기', join: '합치기',
  index: '색인', features: '특성', explain: '설명', evaluate: '평가', drift: '드리프트', bootstrap: '부트스트랩', invoke: '호출', split: '분할', transform: '변환', register: '등록',
};

export const PROGRESS_KO: Record<ProgressCode, string> = {
  'progress.predictBoth': '두 모델로 {rows}행 예측 중',
  'progress.resamples': '리샘플 {n}번',
  'progress.foldRefit': '폴드 {done}/{total}: 구성 모델 다시 학습함',
  'progress.fitMeta': '{table}에서 메타 학습기 맞추는 중',
  'progress.permuted': '특성 {total}개 중 {done}개 섞음',
  'progress.tfidf': 'TF-IDF 계산 중',
  'progress.lbfgs': 'L-BFGS 반복 {i}, 손실 {loss}',
  'progress.epoch': '에포크 {epoch}/{epochs}, 손실 {loss}',
  'progress.indexing': '청크로 나누고 색인하는 중',
  'progress.evaluatingQuestions': '질문 {n}개 평가 중',
  'progress.featuresLeft': '특성 {n}개 남음',
  'progress.predictInput': '{input} 예측 중',
  'progress.predictRows': '{rows}행 예측 중',
  'progress.loadingModel': '{file}에서 모델 불러오는 중',
  'progress.comparing': '분포 비교 중',
  'progress.buildingSequences': '{input}에서 {mode} 만드는 중',
  'progress.reading': '{source} 읽는 중',
  'progress.fold': '폴드 {done}/{total}: {scores}',
  'progress.loadingVariant': '변형 {variant}에 쓸 {model} v{version} 불러오는 중',
  'progress.request': '요청 {n}/{total}',
  'progress.comparingRequests': '요청을 학습 데이터와 비교하는 중',
  'progress.pipelineStep': '파이프라인 단계: {step}',
  'progress.trialComplete': '시도 {n}/{trials} 끝남: {value}',
  'progress.trialPruned': '시도 {n}/{trials} 가지치기됨: {value}',
  'progress.trialCompleteBest': '시도 {n}/{trials} 끝남: {value}, 최고 {best} (시도 {bestTrial})',
  'progress.trialPrunedBest': '시도 {n}/{trials} 가지치기됨: {value}, 최고 {best} (시도 {bestTrial})',
};
