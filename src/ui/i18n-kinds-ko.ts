// Cell kind names in Korean (the cell header's badge). Loaded with the Korean
// table (i18n-ko.ts re-exports it), so an English first screen does not
// carry it; a test checks every registered kind has a name here
// (tests/ui/i18n-completeness.test.ts).

export const KIND_LABELS_KO: Record<string, string> = {
  code: '코드',
  compare: '모델 비교',
  crossval: '교차 검증',
  deploy: '엔드포인트 배포',
  drift: '드리프트 점검',
  eda: '데이터 탐색',
  ensemble: '앙상블',
  evaluate: '평가',
  explain: '설명',
  inventory: '재고 시뮬레이션',
  invoke: '엔드포인트 호출',
  join: '표 조인',
  load: '데이터 불러오기',
  markdown: '마크다운',
  modelcard: '모델 카드',
  monitor: '엔드포인트 모니터링',
  predict: '예측',
  register: '모델 등록',
  pipeline: '파이프라인',
  retrieve: '검색 (BM25 + 밀집)',
  select: '특성 선택',
  sequences: '시퀀스',
  sessionfeatures: '세션 특성',
  split: '분할',
  textclassify: '텍스트 분류기 (TF-IDF + 로지스틱)',
  timeseries: '시계열',
  train: '학습',
  transform: '변환',
  tune: '튜닝',
  visualize: '시각화',
};
