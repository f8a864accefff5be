// What the course gallery says about each course notebook: what a student
// learns, the level, and the time a run-all takes, measured by the course
// benchmark (bench/results/course-wasm.jsonl; the command that made it is in
// bench/results/README.md), never guessed.
import timings from '../../bench/results/course-wasm.jsonl?raw';

export type Level = 'beginner' | 'intermediate' | 'advanced';

export interface CourseInfo {
  level: Level;
  learn: { en: string; ko: string };
}

/** By notebook base name (the file name without `.ko` and `.ipynb`). */
export const COURSE_INFO: Record<string, CourseInfo> = {
  penguins: {
    level: 'beginner',
    learn: {
      en: 'The whole path once: explore a table, split it, prepare features, train a baseline and a small neural network, read the metrics.',
      ko: '전체 과정을 한 번: 표 탐색, 분할, 특성 준비, 기준 모델과 작은 신경망 학습, 지표 읽기.',
    },
  },
  'bank-marketing': {
    level: 'intermediate',
    learn: {
      en: 'A rare "yes": rank customers with boosted trees, read ROC AUC and recall, choose a decision threshold, register the better model.',
      ko: '드문 "yes": 부스팅 트리로 고객 순위 매기기, ROC AUC와 재현율 읽기, 결정 임계값 고르기, 더 나은 모델 등록하기.',
    },
  },
  'session-drop': {
    level: 'intermediate',
    learn: {
      en: 'Predict from the first few events of a visit whether it will complete: features from event logs, sequences, metrics per prefix length.',
      ko: '방문의 처음 몇 이벤트로 완료 여부 예측: 이벤트 로그의 특성, 시퀀스, 접두 길이별 지표.',
    },
  },
  'next-state': {
    level: 'advanced',
    learn: {
      en: 'Which page comes next: a state vocabulary, a split by session, a first-order Markov table against an LSTM, top-k accuracy, tuning.',
      ko: '다음에 열 페이지 예측: 상태 어휘, 세션 단위 분할, 1차 마르코프 표와 LSTM 비교, top-k 정확도, 튜닝.',
    },
  },
  'sales-forecast': {
    level: 'advanced',
    learn: {
      en: 'Forecast daily sales for a lead time: lags and rolling means, a time split, a dense network, an LSTM and a 1D-CNN against two baselines, safety stock.',
      ko: '리드 타임만큼 앞선 일별 판매 예측: 시차와 이동 평균, 시간 기준 분할, 밀집 신경망·LSTM·1D-CNN을 두 기준선과 비교, 안전 재고.',
    },
  },
  'review-sentiment': {
    level: 'intermediate',
    learn: {
      en: 'Is a movie review positive? Character n-gram TF-IDF and logistic regression against a majority baseline, and the mistakes it makes.',
      ko: '영화 리뷰가 긍정일까? 문자 n-gram TF-IDF와 로지스틱 회귀를 다수 클래스 기준 모델과 비교하고, 틀린 예를 살펴봐요.',
    },
  },
  retrieval: {
    level: 'advanced',
    learn: {
      en: 'Retrieval for RAG: chunk documents, search with BM25 and dense vectors, combine them, measure on labelled questions, build the prompt.',
      ko: 'RAG를 위한 검색: 문서 나누기, BM25와 밀집 벡터로 찾기, 둘을 합치기, 정답이 있는 질문으로 측정하기, 프롬프트 만들기.',
    },
  },
  'ml-lifecycle': {
    level: 'advanced',
    learn: {
      en: 'A project template end to end: frame the problem, cross-validate, tune, explain, watch for drift, write a model card, register.',
      ko: '프로젝트 템플릿 처음부터 끝까지: 문제 정의, 교차 검증, 튜닝, 설명, 드리프트 감시, 모델 카드 작성, 등록.',
    },
  },
};

/** Run-all time in ms per notebook base name, from the committed benchmark lines ("course/<base>/wasm"). */
export function courseTimings(text: string = timings): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { bench?: string; value?: number; failed_cells?: number };
    const m = /^course\/(.+)\/wasm$/.exec(r.bench ?? '');
    if (m && typeof r.value === 'number' && r.failed_cells === 0) out[m[1]] = r.value;
  }
  return out;
}

/** "about 2 min", "under 1 min" — rounded up, as a student plans. */
export function runTimeText(ms: number, lang: 'en' | 'ko'): string {
  const minutes = ms / 60000;
  if (minutes < 1) return lang === 'ko' ? '1분 미만' : 'under 1 min';
  const n = Math.ceil(minutes);
  return lang === 'ko' ? `약 ${n}분` : `about ${n} min`;
}
