// Korean labels of the choices a generated form offers (enum options, the
// kind of a list step, the variant of a setting), by value. A form shows
// "한국어 (value)" so that the value the help text and the code use stays
// visible. Names of methods, formats and metrics a student types as they are
// (adam, relu, csv, roc_auc, …) are in SAME_IN_KOREAN and shown unchanged.
// Loaded with the form chunk only.

export const OPTIONS_KO: Record<string, string> = {
  // load
  dataset: '내장 데이터셋', file: '업로드한 파일', auto: '자동', error: '오류로 멈춤', pad: '채우거나 자르기',
  // join
  inner: '양쪽 모두', left: '왼쪽 전부', right: '오른쪽 전부', outer: '양쪽 전부', backward: '이전', forward: '이후', nearest: '가장 가까운',
  // time buckets and aggregates
  none: '없음', day: '일', week: '주', month: '월', year: '연', hour: '시', weekday: '요일', weekend: '주말', dayofyear: '연중 일자',
  sum: '합계', mean: '평균', median: '중앙값', min: '최소', max: '최대', count: '개수', std: '표준편차', average: '평균',
  // transform steps
  select: '열 고르기', drop: '열 빼기', rename: '이름 바꾸기', derive: '새 열 계산', filter: '행 거르기', impute: '결측값 채우기',
  scale: '스케일링', onehot: '원-핫 인코딩', lag: '이전 값 (lag)', lead: '이후 값 (lead)', diff: '차분', rolling: '이동 통계',
  dateparts: '날짜 분해', gaps: '시간 간격', deltas: '변화량', bin: '구간화', bins: '구간 나누기', shiftTarget: '미래 타깃', ordinal: '순서 인코딩',
  target: '타깃 인코딩', holiday: '휴일 표시',
  most_frequent: '최빈값', constant: '상수', ffill: '앞 값으로 채우기',
  standard: '표준화', minmax: '최소-최대 정규화', robust: '로버스트 스케일링',
  // select
  variance: '분산', correlation: '상관', model: '모델 중요도', rfe: '재귀적 특성 제거', tree: '트리', linear: '선형',
  // sequences, split, crossval
  windows: '슬라이딩 창', padded: '패딩 시퀀스', random: '무작위', stratified: '층화', group: '그룹', time: '시간 순', kfold: 'k-겹',
  // train
  classification: '분류', regression: '회귀', logistic: '로지스틱', step: '단계 감소', plateau: '정체 시 감소', loss: '손실',
  // ensemble
  voting: '투표', blending: '블렌딩', stacking: '스태킹', soft: '확률 평균', hard: '다수결', ridge: '릿지',
  // evaluate threshold rules
  default: '모델 기본', fixed: '고정값', youden: '유든 지수', acc_macro_f1: '정확도·매크로 F1 평균',
  // tune
  int: '정수', float: '실수', logfloat: '로그 스케일 실수', categorical: '범주',
  // charts
  line: '선', bar: '막대', scatter: '산점도', histogram: '히스토그램', box: '상자 그림', heatmap: '히트맵',
  // timeseries
  decompose: '분해', additive: '가법', multiplicative: '승법', shapiro: '샤피로-윌크 정규성',
  // inventory, register, retrieve, textclassify
  units: '개수', percent: '퍼센트', staging: '스테이징', production: '운영', archived: '보관', weighted: '가중 합',
  char_wb: '단어 안 글자', word: '단어',
  inverse_capped: '역빈도 (상한 적용)',
  // deploy, invoke
  deploy: '배포', undeploy: '배포 해제', sample: '무작위 요청', each: '행마다 한 번',
};

/** Choices shown unchanged in Korean: names of methods, formats and metrics the student uses as they are. */
export const SAME_IN_KOREAN = new Set([
  'url', 'csv', 'tsv', 'json', 'jsonl', 'parquet', 'arrow', 'pearson', 'spearman',
  'anova', 'chi2', 'mutual_info', 'knn', 'mlp', 'gbdt', 'lstm', 'gru', 'cnn1d', 'relu', 'tanh', 'sigmoid', 'elu',
  'sgd', 'adam', 'rmsprop', 'adamw', 'auc', 'f1', 'accuracy', 'roc_auc', 'r2', 'acf', 'pacf', 'adf', 'tpe', 'rrf',
  'val_loss', 'val_accuracy', 'val_top3', 'val_macro_f1', 'val_auc', '<', '<=', '>', '>=', 'mse', 'rmse', 'mae',
]);
