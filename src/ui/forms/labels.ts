// Field labels and help of the generated forms in the UI language. English
// comes from the schema (property names and zod descriptions); Korean from
// this table for the fields students meet first (a field missing here shows
// its English text).
import { getLang } from '../i18n.ts';
import { label as englishLabel } from './schema.ts';

/** Korean label and, where written, help per field name. */
const KO: Record<string, [string, string?]> = {
  input: ['입력', '사용할 테이블.'],
  output: ['출력', '결과를 저장할 이름.'],
  target: ['타깃', '예측할 열.'],
  features: ['특성', '특성 열; 비워 두면 타깃을 뺀 모든 숫자 열.'],
  task: ['작업', 'auto: 텍스트·불리언·고유값 20개 이하 정수 타깃은 분류, 그 밖은 회귀.'],
  model: ['모델', '선형(회귀), 로지스틱(분류), mlp(신경망), gbdt(부스팅 트리), lstm/gru/cnn1d(시퀀스).'],
  hidden: ['은닉층', 'MLP 은닉층 크기, 첫 층부터 마지막 층까지.'],
  activation: ['활성화 함수', 'MLP 은닉층의 활성화 함수.'],
  dropout: ['드롭아웃', '학습 중 각 은닉층 뒤의 드롭아웃 비율 (0 = 없음).'],
  l2: ['L2 규제', '가중치에 대한 L2 벌점 (0 = 없음).'],
  optimizer: ['옵티마이저', '경사 하강 방법.'],
  learningRate: ['학습률', '옵티마이저의 한 걸음 크기.'],
  epochs: ['에포크', '학습 테이블을 도는 횟수.'],
  batchSize: ['배치 크기', '경사 한 번에 쓰는 행 수.'],
  validation: ['검증', '검증 테이블 (선택): 에포크마다 손실과 정확도/RMSE.'],
  patience: ['조기 종료 인내', '검증 손실이 나아지지 않는 에포크가 이만큼이면 멈춤 (0 = 끔).'],
  seed: ['시드', '같은 시드는 같은 결과를 냅니다.'],
  paramsFrom: ['튜닝 결과에서', '튜닝 셀의 best_params로 이 값들을 덮어씁니다 (선택).'],
  classWeight: ['클래스 가중치', '분류 손실의 클래스별 가중치 (Keras class_weight와 같음).'],
  classWeightCap: ['클래스 가중치 상한'],
  lrSchedule: ['학습률 일정', '단계(step) 또는 정체(plateau) 시 감소; 없으면 일정.'],
  clipNorm: ['그래디언트 클리핑', '매 단계 그래디언트의 전체 L2 노름 상한.'],
  monitor: ['모니터 지표', '조기 종료와 정체 일정이 보는 지표.'],
  monitorMode: ['모니터 방향'],
  restoreBest: ['최고 가중치 복원'],
  weightDecay: ['가중치 감쇠', 'AdamW의 분리된 가중치 감쇠.'],
  gbdt: ['부스팅 트리 설정'],
  rounds: ['라운드', '부스팅 라운드 (클래스마다 트리 수).'],
  eta: ['학습률 (eta)', '각 트리에 곱하는 축소 비율.'],
  maxDepth: ['최대 깊이', '트리의 최대 깊이 (0 = 제한 없음).'],
  sequence: ['시퀀스 모델 설정'],
  units: ['유닛', '층마다 LSTM/GRU 유닛 수.'],
  filters: ['필터', '합성곱 층마다 필터 수.'],
  kernelSize: ['커널 크기'],
  method: ['방법'],
  train: ['학습 비율'],
  test: ['테스트 비율'],
  group: ['그룹 열'],
  time: ['시간 열'],
  outputs: ['출력 이름'],
  columns: ['열', '살펴볼 열; 비워 두면 전체.'],
  correlations: ['상관관계'],
  outliers: ['이상치'],
  missingPatterns: ['결측 패턴'],
  isolationForest: ['아이솔레이션 포레스트'],
  source: ['원본'],
  format: ['형식'],
  delimiter: ['구분자'],
  header: ['머리글 행', '첫 행이 열 이름입니다.'],
  missing: ['결측값', '결측으로 읽을 값.'],
  types: ['열 형식'],
  predictions: ['예측 저장', '예측이 붙은 행 테이블을 저장할 이름 (선택).'],
  groupBy: ['그룹별', '이 열의 값마다 지표를 따로 (선택).'],
  topK: ['Top-k'],
  report: ['클래스별 보고서'],
  title: ['제목'],
  kind: ['종류'],
  x: ['X 열'],
  y: ['Y 열'],
  color: ['색 구분 열'],
  bins: ['구간 수'],
  steps: ['단계'],
  metrics: ['지표'],
  name: ['이름'],
  description: ['설명'],
};

export function fieldLabel(name: string): string {
  return (getLang() === 'ko' && KO[name]?.[0]) || englishLabel(name);
}

export function fieldHelp(name: string, english: string | undefined): string | undefined {
  return (getLang() === 'ko' && KO[name]?.[1]) || english;
}
