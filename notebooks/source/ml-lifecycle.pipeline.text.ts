// Prose of the ml-lifecycle notebook's pipeline section (the course's
// SageMaker conditional pipeline on Abalone), in English and Korean.
import type { Lang } from './i18n.ts';

export interface PipelineText {
  intro: string;
  rerun: string;
  titles: { load: string; pipeline: string };
}

const en: PipelineText = {
  intro: `
  ## 15 · One pipeline, re-run with another bar

  Sections 3–13 ran the lifecycle one cell at a time. In production the same steps run as **one pipeline object** that anyone can re-run
  with other parameters, and every run is tracked. This is the course's SageMaker example: predict an abalone's age (its **rings**) from its
  sex and measurements, and register the model **only if the test MSE ≤ 6**.

  The data is a *generated* Abalone-shaped table (4,177 abalones; see the dataset catalogue): sizes follow a growth curve of the age with each
  animal's own growth rate, so the rings cannot be read exactly off the measurements — as on the real data, a boosted-tree model reaches a
  test MSE of about 5.

  The pipeline cell runs its steps in order:
  1. **Preprocess** — hold out 20 % of the rows (seeded), one-hot encode \`sex\` and standardize the seven measurements, fitted on the
     training part only and applied to the held-out part.
  2. **Train** — gradient-boosted trees (XGBoost-style: 100 rounds, eta 0.1, depth 4), the same model the train cell fits.
  3. **Evaluate** — the MSE on the held-out rows.
  4. **Condition** — is the MSE ≤ the threshold? This is the gate of the pipeline: it decides which branch runs.
  5. **Register** (the condition holds) — add the model to the registry as the next version of \`abalone-rings\`; or **Fail** (it does not)
     — stop without registering, and say why.

  The output draws the steps as a graph (green succeeded, red failed, grey dashed skipped; the branch that ran is solid), lists each step's
  status, time and key outputs, and says either "Registered … version N" or "Not registered: MSE … > …". The whole run is recorded in the
  runs panel (kind *pipeline*) with its threshold, its MSE and every step's status.
  `,
  rerun: `
  **Re-run it with a stricter bar.** Open the pipeline cell's form, set **condition → threshold** to **4** and run the cell again. The same
  model is trained (same seed), its MSE is the same, but now the condition fails: the register step is skipped, the fail branch runs and the
  cell says "Not registered: MSE … > 4". Open the runs panel (the toolbar's Runs button): there are two *pipeline* runs — select both and
  compare them, and the only parameter that differs is the threshold. Setting it back to 6 registers the next version.

  Things to try: a \`linear\` model instead of \`gbdt\` (train → model), or rmse with threshold 2.4 — the same gate on another scale.
  `,
  titles: { load: 'Load the generated Abalone data', pipeline: 'Pipeline: register if MSE ≤ 6' },
};

const ko: PipelineText = {
  intro: `
  ## 15 · 하나의 파이프라인, 다른 기준으로 다시 실행하기

  3–13절에서는 생애 주기를 셀 하나씩 실행했습니다. 실제 운영에서는 같은 단계를 **하나의 파이프라인 객체**로 묶어, 누구나 다른 파라미터로 다시
  실행할 수 있게 하고 실행할 때마다 기록을 남깁니다. 이 절은 강의의 SageMaker 예제입니다: 전복의 성별과 치수로 나이(**고리 수**, rings)를
  예측하고, **테스트 MSE ≤ 6일 때만** 모델을 등록합니다.

  데이터는 Abalone 모양으로 *생성한* 표입니다 (전복 4,177마리, 데이터셋 목록 참고). 크기는 나이에 따른 성장 곡선을 따르되 개체마다 성장
  속도가 달라서, 치수만으로는 고리 수를 정확히 알 수 없습니다. 실제 데이터처럼 부스팅 트리 모델의 테스트 MSE는 5 안팎입니다.

  파이프라인 셀은 단계를 차례로 실행합니다:
  1. **전처리** — 행의 20 %를 (시드로 고정해) 떼어 두고, \`sex\`를 원-핫 인코딩하고 일곱 개의 치수를 표준화합니다. 학습 부분에서만 맞추고
     떼어 둔 부분에는 같은 방식으로 적용합니다.
  2. **학습** — 그래디언트 부스팅 트리 (XGBoost 방식: 100 라운드, eta 0.1, 깊이 4). 학습 셀이 맞추는 것과 같은 모델입니다.
  3. **평가** — 떼어 둔 행에서의 MSE.
  4. **조건** — MSE ≤ 임계값인가? 파이프라인의 관문으로, 어느 분기가 실행될지 정합니다.
  5. **등록** (조건을 만족) — 모델을 레지스트리에 \`abalone-rings\`의 다음 버전으로 추가합니다. 또는 **실패** (만족하지 않음) — 등록하지
     않고 멈추며 그 이유를 말합니다.

  출력은 단계를 그래프로 그리고 (초록 성공, 빨강 실패, 회색 점선 건너뜀, 실행된 분기는 실선), 단계마다 상태·시간·주요 결과를 표로 보여 준 뒤
  "등록했습니다 … 버전 N" 또는 "등록하지 않음: MSE … > …"라고 말합니다. 실행 전체는 실행 기록 패널에 (종류 *pipeline*) 임계값, MSE,
  단계별 상태와 함께 남습니다.
  `,
  rerun: `
  **더 엄격한 기준으로 다시 실행해 보세요.** 파이프라인 셀의 양식을 열고 **조건 단계 → 임계값**을 **4**로 바꾼 뒤 셀을 다시 실행합니다.
  같은 모델을 (같은 시드로) 학습하므로 MSE도 같지만, 이번에는 조건을 만족하지 않습니다: 등록 단계는 건너뛰고 실패 분기가 실행되며, 셀은
  "등록하지 않음: MSE … > 4"라고 말합니다. 실행 기록 패널(도구 모음의 실행 기록 버튼)을 열면 *pipeline* 실행이 두 개 있습니다. 둘을 골라
  비교하면 다른 파라미터는 임계값 하나뿐입니다. 다시 6으로 돌리면 다음 버전이 등록됩니다.

  더 해 볼 것: \`gbdt\` 대신 \`linear\` 모델 (학습 단계 → 모델), 또는 rmse와 임계값 2.4 — 같은 관문을 다른 척도로.
  `,
  titles: { load: 'Abalone 생성 데이터 불러오기', pipeline: '파이프라인: MSE ≤ 6이면 등록' },
};

export function pipelineText(lang: Lang): PipelineText {
  return lang === 'ko' ? ko : en;
}
