// The prose of the ml-lifecycle notebook, in English and Korean. The cells
// are the same in both (ml-lifecycle.ts); only these texts differ. Numbers
// quoted here are the ones the generated data gives (seed 42); the test
// (tests/course/ml-lifecycle.test.ts) checks they stay in range.
import type { Lang } from './i18n.ts';

export interface LifecycleText {
  title: string;
  intro: string;
  quality: string;
  split: string;
  preprocess: string;
  select: string;
  crossval: string;
  tune: string;
  train: string;
  ensemble: string;
  evaluate: string;
  compare: string;
  explain: string;
  drift: string;
  register: string;
  registerDescription: string;
  card: string;
  cardTitle: string;
  intendedUse: string;
  limitations: string;
  cardData: string;
  next: string;
  titles: Record<
    'load' | 'eda' | 'quality' | 'sample' | 'split' | 'preprocess' | 'select' | 'cvLogistic' | 'cvMlp' | 'cvGbdt' | 'cvSummary' | 'tune'
    | 'trainLogistic' | 'trainMlp' | 'trainGbdt' | 'vote' | 'blend' | 'evalLogistic' | 'evalMlp' | 'evalGbdt' | 'evalBlend' | 'evalVote'
    | 'compare' | 'explain' | 'newMonth' | 'drift' | 'evalNewMonth' | 'register' | 'card',
    string
  >;
}

const en: LifecycleText = {
  title: 'The ML lifecycle, end to end: a template',
  intro: `
  # The ML lifecycle, end to end: a template

  This notebook is a **template** for an applied ML project. It runs every step once, in order, on one problem, and explains what each step is
  for, so you can copy it and replace the data and the problem with your own. Every step is one cell (or a few), and every cell can be changed
  and re-run; the cells after it go stale, so you always know what needs running again.

  ## 1 · Frame the problem first

  Write down the goal, the decision the model supports, and how you will know it works *before* you touch the data.

  - **Business goal.** A bank phones customers to sell a term deposit. Only about **one call in nine** succeeds. The call centre can make a
    limited number of calls, so it wants to phone the customers most likely to say yes first.
  - **The model's job.** Rank customers by their probability of subscribing (\`y = yes\`), using only what is known *before* the call.
  - **Success metric.** **ROC AUC** on held-out customers: the chance that a random subscriber is ranked above a random non-subscriber.
    Accuracy is useless here (always answering "no" is 89 % accurate). Secondary: recall of "yes" at the threshold we would use.
  - **The bar.** We register the model only if its test AUC is at least **0.78** (section 13 explains why this number).
  - **What could go wrong.** Leakage (a column only known after the call), a model that does not beat a simple baseline, data that changes
    after deployment.

  | step | cell(s) | question it answers |
  |---|---|---|
  | 2 | load, eda, code | Is the data what we think it is? |
  | 3 | split × 2 | Which rows may we learn from, and which are kept for the end? |
  | 4 | transform | How do raw columns become numbers, without leaking the test set? |
  | 5 | select | Which features carry signal? |
  | 6 | crossval × 3 | Which model family suits the problem, and how much do scores wobble? |
  | 7 | tune | Which settings suit the best family? |
  | 8 | train × 3 | The final members, trained on all training rows |
  | 9 | ensemble × 2 | Does combining models help? |
  | 10 | evaluate, compare | How good is it on unseen rows, and is the difference real? |
  | 11 | explain | What does the model rely on? Does it make sense? |
  | 12 | code, drift, evaluate | Has the data moved since training? |
  | 13 | register | Is it good enough to ship? |
  | 14 | modelcard | What does the next person need to know? |

  Train, tune and cross-validation cells are **tracked**: every run records its params, metrics, data fingerprint and duration (the Runs panel),
  like MLflow does in the course's SageMaker notebooks.

  **About the data.** The original UCI \`bank-additional-full.csv\` (41,188 calls; Moro, Cortez & Rita 2014, CC BY 4.0) is not shipped with the
  app. The table loaded here is **made by a random generator with a fixed seed** (every run gets the same table): the same 21 columns and categories,
  category shares copied from the real 10 % sample, five macro-economic columns drawn per campaign period, and a yes/no outcome drawn from a
  logistic model with the course's effects (previous success, month, mobile phone, students and retired people, age over 60, fewer calls).
  So the patterns are real *by construction*, and the scores below are the generated data's, not the bank's.
  `,
  quality: `
  ## 2 · Data quality checks

  Before modelling, check that the data is what you expect. The profile below shows types, ranges and warnings; the target's balance
  (11 % yes) tells us to use AUC, not accuracy. The code cell then counts what profiles often miss:

  - **Missing values** (none here) and **placeholders**: "unknown" is a category in six columns — in \`default\` one row in five. We keep it as
    its own category (it carries signal: people who do not disclose a default subscribe less), rather than pretending it is missing at random.
  - **Sentinel codes**: \`pdays = 999\` means "never contacted", not 999 days. As a number it would distort a linear model, so preprocessing
    adds an explicit flag.
  - **Duplicates**: exact duplicate rows would leak between train and test.
  - **Leakage**: \`duration\` (the call's length) is only known after the call — it must go.
  `,
  split: `
  ## 3 · Split before anything is learned

  Everything that *learns* from data — one-hot categories, feature scores, models — must see only training rows, or the test score is optimistic.
  So we split first:

  1. **Half the rows are set aside** as \`later\` (stratified on \`y\`, seed 7). They play the part of calls that happen *after* deployment
     (section 12). Halving also keeps this notebook quick: about a minute in the browser. With your own data, use a **time-based split**
     (split cell, method *time*) when rows have dates — the future should never train the past.
  2. **The rest** is split 60 / 20 / 20 into \`train\` (12,357 rows), \`valid\` (4,119: tuning and blending) and \`test\` (4,118: the final
     report only), stratified so each part keeps 11.3 % yes.
  `,
  preprocess: `
  ## 4 · Preprocess (fitted on train, applied to the others)

  The course's preprocessing: "." → "_" in text values; flags \`no_previous_contact\` (pdays = 999) and \`not_working\` (student, retired,
  unemployed); drop \`duration\` (leak) and the five macro-economic columns (they describe the period, not the customer, and would tie the
  model to past economic conditions); one-hot the ten categorical columns. 59 features.

  The transform is **fitted on train** (the one-hot categories come from training rows) and **applied unchanged** to valid and test, and is
  stored as \`preprocess\` so new data can be prepared the same way later.
  `,
  select: `
  ## 5 · Feature selection

  Fewer features train faster, are easier to explain, and can generalise better. The select cell scores every feature against the target
  on the **training rows only** — here the ANOVA F-test (do the two classes have different means?) — and keeps the 30 best. The chart shows
  every score; grey bars were dropped. Expect \`poutcome_success\`, \`pdays\`, \`no_previous_contact\`, the good and bad months, contact type,
  students and retired people near the top.

  A univariate score looks at one feature at a time; if you suspect interactions, try method *model* (tree importances) or *rfe* and compare
  the cross-validated AUC below — feature selection is a choice to validate, not a ritual.
  `,
  crossval: `
  ## 6 · Compare model families under cross-validation

  One train/validation split gives one number, and it wobbles with the split. **5-fold stratified cross-validation** trains each family five
  times, each time scoring the fifth of the training rows it did not see; the mean says how good the family is and the spread how much to trust
  small differences.

  Three families, from simple to flexible:
  - **logistic regression** — a weighted sum of the features: the baseline every other model must beat;
  - **MLP** — a small neural network (one hidden layer of 16);
  - **gradient-boosted trees (gbdt)** — XGBoost-style trees, good at interactions and thresholds (age over 60, pdays = 999).

  On this data: gbdt ≈ 0.81, logistic and MLP ≈ 0.78, each ± 0.014 across folds. The trees win by about 0.02 — more than the fold-to-fold spread of
  the mean (0.014 / √5 ≈ 0.006), so it is a real difference. The code cell gathers the three into one table.
  `,
  tune: `
  ## 7 · Tune the best family

  Tuning searches the best family's settings. The tune cell uses **TPE** (Optuna's default: it learns which regions of the space score well)
  with 12 trials: tree depth, learning rate \`eta\`, minimum child weight and row subsampling. Each trial trains on \`train_sel\` and is
  scored by its **validation log loss** on \`valid_x\`; **median pruning** stops trials that are already worse than the median at the same round.
  The best params are stored as \`best_params\`, and the gbdt train cell below reads them (\`paramsFrom\`).

  Tuning usually gains less than choosing the right family: here the trials' validation log losses all sit between about 0.27 and 0.28.
  `,
  train: `
  ## 8 · Train the final members

  Cross-validation chose and tuning set the params; now each model is trained once on **all** training rows (with \`valid_x\` watched, so the
  curves show validation loss per epoch or round). These three are the members of the ensemble.
  `,
  ensemble: `
  ## 9 · Ensembles: voting and blending

  Different model families make different mistakes; averaging them can cancel some out.

  - **Soft voting** averages the members' predicted probabilities (optionally weighted), like scikit-learn's \`VotingClassifier(voting='soft')\`.
    It learns nothing new, so it needs no extra data. (Hard voting counts predicted labels instead — it gives no probabilities, so no AUC.)
  - **Blending** learns how much to trust each member: a logistic regression (the *meta-learner*) is fitted on the members' predicted
    probabilities for \`valid_x\` — rows none of them was trained on. scikit-learn's \`StackingClassifier\` does the same with cross-validated
    out-of-fold predictions instead of one holdout; blending is the simpler, cheaper version. Its weights show which member it trusts most.

  The voting cell also scores each member and the ensemble on \`valid_x\` as a quick check. Expect the vote to land near the best member, not
  far above it: the three members share most of their signal.
  `,
  evaluate: `
  ## 10 · Evaluate on the test set — once

  The test rows have not been used for any decision so far. Now every candidate is scored on them. For the final candidate (the vote) we also
  look at the threshold: at 0.5 most subscribers are missed (recall ≈ 0.28), because few customers reach a 50 % chance. For a call list, the
  ranking (AUC) matters more; a lower threshold trades precision for recall.

  On this data: logistic ≈ 0.79, MLP ≈ 0.795, gbdt ≈ 0.80, vote and blend ≈ 0.80–0.81.
  `,
  compare: `
  ## Is the ensemble really better than the best single model?

  The compare cell resamples the test rows (bootstrap, paired: both models on the same resamples) and puts a 95 % interval around B − A,
  runs McNemar's test on their disagreements, and simulates a 50 / 50 A/B deployment. Here the interval of the AUC difference **includes 0**:
  the ensemble is not clearly better than the tuned trees. That is a common, honest outcome — and a reason to prefer the simpler model
  unless the ensemble's robustness (no single model's quirks) is worth its cost. This template ships the vote so that every step can be
  shown on it; with your data, decide from this table.
  `,
  explain: `
  ## 11 · Explain the model

  **Permutation importance** shuffles one feature at a time on the test rows and measures how much the AUC drops: large drops are features the
  model relies on. It works for any model, ensembles included. The **partial dependence** of \`age\` shows the average predicted probability as
  age changes: expect a jump after 60 — the pattern the data was generated with. If an explanation looks wrong (a leaked column on top, a
  nonsensical curve), stop and fix the data before going on.
  `,
  drift: `
  ## 12 · Monitor: has the data drifted?

  After deployment the data changes. We simulate "next month" with rows the models have never seen: the **November** calls from the \`later\`
  half, plus a policy change — the call centre now calls every customer **twice more** (\`campaign + 2\`).

  The drift cell compares each column's distribution in \`new_month\` with \`train\`: PSI (how much the shares moved), and a KS test (numbers)
  or chi-square test (categories). We use α = 0.01 rather than 0.05 because 19 columns are tested at once. Expect **month** (a single month),
  **contact** (November calls use other phones), **campaign** (our policy change) and the **five macro columns** (November's economy) to be
  flagged, and the customer columns (age, job, …) not. When labels arrive, evaluate again: the AUC on the new month is a little lower (≈ 0.79),
  because the month — one of the strongest signals — no longer varies.
  `,
  register: `
  ## 13 · Register — only if it clears the bar

  The register cell adds the model to the model registry **only if** its test AUC ≥ **0.78**, and otherwise says why without failing the run.

  Why 0.78? Choose the bar from the problem, before seeing test scores, and make it achievable but meaningful. The course's XGBoost on the
  real data reached 0.79; with 464 positives in the test set, a test AUC moves about ± 0.02 by chance (see the bootstrap intervals). 0.78 asks
  for "course level, within noise". On this generated data every family clears it (0.79–0.81), so the ensemble is registered (stage *staging*)
  and linked to its tracked run.
  `,
  registerDescription: 'Soft vote of tuned boosted trees, an MLP and logistic regression; 30 ANOVA-selected features; generated bank-marketing data.',
  card: `
  ## 14 · Document it: a model card

  A model card says what the model is for, what it was trained on (with the data's fingerprint), how well it does, where it fails, and its
  parameters. Keep it next to the registered version; download the HTML from the values panel.
  `,
  cardTitle: 'Model card: term-deposit call ranking (soft-voting ensemble)',
  intendedUse: 'Rank customers by their chance of subscribing to a term deposit, so a call centre can phone the likely ones first. For prioritising calls, not for denying any customer a product or a call.',
  limitations: 'Trained on generated data that mimics the UCI bank-marketing file; scores on real data will differ. Calibrated only roughly: at threshold 0.5 it finds about 3 in 10 subscribers. The month and macro-economic context shift the base rate, so monitor drift and re-validate every campaign period. Not clearly better than the tuned boosted trees alone (bootstrap interval of the AUC difference includes 0).',
  cardData: 'Generated bank-marketing table (41,188 calls, 11.27 % yes, seed 42): half set aside as later data, the rest split 60/20/20 stratified; course preprocessing (duration and macro columns dropped, one-hot) and 30 features kept by ANOVA F on the training rows.',
  next: `
  ## Make it yours

  To use this template for your own project, replace the load cell's data and the target, then walk down the notebook and revisit each choice:
  the success metric and bar (section 1), which columns leak (2), how to split (3 — by time if rows have dates), the preprocessing (4),
  how many features (5), which families (6), the search space (7), and the drift columns (12).

  Things to try here:
  - Select 15 or 45 features instead of 30: does the cross-validated AUC move more than its spread?
  - Give the trees twice the vote (\`weights: [2, 1, 1]\`): does the vote pass the trees in the compare cell?
  - Change the new month to May (\`d.month === 'may'\`): which columns drift, and what happens to the AUC?
  `,
  titles: {
    load: 'Load the calls',
    eda: 'Profile and target balance',
    quality: 'Quality checks',
    sample: 'Set half aside for later',
    split: '60 / 20 / 20, stratified',
    preprocess: 'Course preprocessing (fitted on train)',
    select: 'Keep the 30 best features (ANOVA F)',
    cvLogistic: 'Cross-validate logistic regression',
    cvMlp: 'Cross-validate an MLP',
    cvGbdt: 'Cross-validate boosted trees',
    cvSummary: 'Families side by side',
    tune: 'Tune the boosted trees (TPE)',
    trainLogistic: 'Logistic regression',
    trainMlp: 'MLP',
    trainGbdt: 'Boosted trees with the tuned params',
    vote: 'Soft vote of the three',
    blend: 'Blend (logistic meta-learner on valid_x)',
    evalLogistic: 'Logistic on test',
    evalMlp: 'MLP on test',
    evalGbdt: 'Boosted trees on test',
    evalBlend: 'Blend on test',
    evalVote: 'Vote on test (threshold 0.5, report)',
    compare: 'Trees (A) vs vote (B)',
    explain: 'Permutation importance and partial dependence of age',
    newMonth: 'Build "next month"',
    drift: 'Drift: next month vs train',
    evalNewMonth: 'Vote on next month',
    register: 'Register if AUC ≥ 0.78',
    card: 'Model card',
  },
};

const ko: LifecycleText = {
  title: 'ML 라이프사이클 처음부터 끝까지: 템플릿',
  intro: `
  # ML 라이프사이클 처음부터 끝까지: 템플릿

  이 노트북은 실전 ML 프로젝트의 **템플릿**입니다. 하나의 문제로 모든 단계를 순서대로 한 번씩 실행하고 각 단계가 왜 필요한지 설명하므로,
  복사해서 데이터와 문제만 바꿔 쓸 수 있습니다. 단계마다 셀이 하나(또는 몇 개)이고, 어느 셀이든 바꾸고 다시 실행할 수 있습니다.
  그 뒤의 셀은 오래된(stale) 상태로 표시되므로 무엇을 다시 실행해야 하는지 항상 알 수 있습니다.

  ## 1 · 문제부터 정의하기

  데이터를 만지기 *전에* 목표, 모델이 돕는 결정, 그리고 잘 됐는지 판단할 기준을 적어 둡니다.

  - **비즈니스 목표.** 은행이 고객에게 전화해 정기예금을 권합니다. 성공하는 통화는 **아홉 건 중 한 건** 정도입니다. 콜센터가 걸 수 있는
    전화는 한정되어 있으니, 가입 가능성이 높은 고객에게 먼저 전화하고 싶습니다.
  - **모델의 일.** 통화 *전에* 알 수 있는 정보만으로 고객을 가입 확률(\`y = yes\`) 순으로 줄 세웁니다.
  - **성공 지표.** 보지 않은 고객에 대한 **ROC AUC**: 무작위로 고른 가입자가 무작위로 고른 비가입자보다 위에 놓일 확률입니다.
    정확도는 쓸모가 없습니다(항상 "no"라고 해도 89 %). 보조 지표는 실제로 쓸 임계값에서 "yes"의 재현율입니다.
  - **기준선.** 테스트 AUC가 **0.78** 이상일 때만 모델을 등록합니다(이 숫자의 이유는 13절).
  - **잘못될 수 있는 것.** 누수(통화 뒤에야 아는 열), 단순한 기준 모델보다 나을 게 없는 모델, 배포 뒤에 바뀌는 데이터.

  | 단계 | 셀 | 답하는 질문 |
  |---|---|---|
  | 2 | load, eda, code | 데이터가 생각한 그대로인가? |
  | 3 | split × 2 | 어떤 행으로 배우고, 어떤 행을 끝까지 남겨 두나? |
  | 4 | transform | 원시 열을 테스트 데이터 누수 없이 어떻게 숫자로 바꾸나? |
  | 5 | select | 어떤 특성에 신호가 있나? |
  | 6 | crossval × 3 | 어떤 모델 계열이 맞고, 점수는 얼마나 흔들리나? |
  | 7 | tune | 가장 좋은 계열에 맞는 설정은? |
  | 8 | train × 3 | 학습 데이터 전체로 학습한 최종 구성 모델 |
  | 9 | ensemble × 2 | 모델을 합치면 나아지나? |
  | 10 | evaluate, compare | 보지 않은 데이터에서 얼마나 좋은가, 차이는 진짜인가? |
  | 11 | explain | 모델은 무엇에 기대나? 말이 되나? |
  | 12 | code, drift, evaluate | 학습 뒤에 데이터가 움직였나? |
  | 13 | register | 배포할 만큼 좋은가? |
  | 14 | modelcard | 다음 사람이 알아야 할 것은? |

  train, tune, crossval 셀은 **추적**됩니다. 실행마다 매개변수, 지표, 데이터 지문, 소요 시간이 기록됩니다(Runs 패널).
  강의의 SageMaker 노트북에서 MLflow가 하는 일과 같습니다.

  **데이터에 대하여.** 원본 UCI \`bank-additional-full.csv\`(41,188건; Moro, Cortez & Rita 2014, CC BY 4.0)는 앱에 포함되어 있지 않습니다.
  여기서 불러오는 표는 시드를 고정한 난수 생성기로 **만든** 데이터입니다(실행할 때마다 같은 표). 같은 21개 열과 범주, 실제 10 % 표본에서 옮긴
  범주 비율, 캠페인 기간별로 뽑은 거시경제 열 다섯 개, 그리고 강의에서 본 효과(이전 캠페인 성공, 월, 휴대전화, 학생과 은퇴자, 60세 이상,
  적은 통화 횟수)를 넣은 로지스틱 모델에서 뽑은 yes/no 결과를 가집니다. 그래서 패턴은 *만들 때 넣은* 진짜 패턴이고, 아래 점수는 은행이 아니라
  생성 데이터의 점수입니다.
  `,
  quality: `
  ## 2 · 데이터 품질 점검

  모델링 전에 데이터가 예상대로인지 확인합니다. 아래 프로파일은 타입, 범위, 경고를 보여 주고, 타깃 비율(yes 11 %)은 정확도가 아니라 AUC를
  써야 한다고 알려 줍니다. 이어지는 코드 셀은 프로파일이 놓치기 쉬운 것을 셉니다.

  - **결측값**(여기는 없음)과 **자리표시자**: "unknown"은 여섯 열에서 하나의 범주입니다. \`default\`에서는 다섯 행 중 한 행입니다.
    무작위 결측인 척하지 않고 별도 범주로 둡니다(신호가 있습니다: 연체 여부를 밝히지 않은 사람은 덜 가입합니다).
  - **특수 코드**: \`pdays = 999\`는 999일이 아니라 "연락한 적 없음"입니다. 숫자로 두면 선형 모델을 왜곡하므로 전처리에서 명시적 플래그를 더합니다.
  - **중복**: 완전히 같은 행은 학습과 테스트 사이로 누수됩니다.
  - **누수**: \`duration\`(통화 길이)은 통화가 끝나야 알 수 있으므로 빼야 합니다.
  `,
  split: `
  ## 3 · 무엇이든 배우기 전에 분할하기

  데이터에서 *배우는* 모든 것(원-핫 범주, 특성 점수, 모델)은 학습 행만 봐야 합니다. 그렇지 않으면 테스트 점수가 낙관적이 됩니다. 그래서 먼저 나눕니다.

  1. **행의 절반을 따로 둡니다**(\`later\`, \`y\`로 층화, 시드 7). 배포 *뒤에* 일어날 통화 역할을 합니다(12절). 절반으로 줄이면 노트북도
     빨라집니다(브라우저에서 1분 남짓). 여러분의 데이터에 날짜가 있다면 **시간 기준 분할**(split 셀, method *time*)을 쓰세요. 미래가 과거를
     학습시키면 안 됩니다.
  2. **나머지**는 60 / 20 / 20으로 \`train\`(12,357행), \`valid\`(4,119행: 튜닝과 블렌딩), \`test\`(4,118행: 최종 보고 전용)로 나눕니다.
     층화해서 각 부분이 yes 11.3 %를 유지합니다.
  `,
  preprocess: `
  ## 4 · 전처리 (학습 데이터로 적합, 나머지에 적용)

  강의의 전처리: 텍스트 값의 "."을 "_"로; 플래그 \`no_previous_contact\`(pdays = 999)와 \`not_working\`(학생, 은퇴자, 무직); \`duration\`(누수)과
  거시경제 열 다섯 개 제거(고객이 아니라 시기를 설명하며, 모델을 과거의 경제 상황에 묶어 버립니다); 범주형 열 열 개를 원-핫. 특성 59개.

  변환은 **학습 데이터로 적합**하고(원-핫 범주는 학습 행에서 나옵니다) valid와 test에 **그대로 적용**하며, 나중에 새 데이터를 같은 방식으로
  준비할 수 있도록 \`preprocess\`로 저장합니다.
  `,
  select: `
  ## 5 · 특성 선택

  특성이 적으면 학습이 빠르고 설명이 쉬우며 일반화가 나아질 수 있습니다. select 셀은 **학습 행만으로** 각 특성을 타깃에 대해 점수 매기고
  (여기서는 ANOVA F 검정: 두 클래스의 평균이 다른가?) 상위 30개를 남깁니다. 차트에 모든 점수가 나오고 회색 막대는 빠진 특성입니다.
  \`poutcome_success\`, \`pdays\`, \`no_previous_contact\`, 좋은 달과 나쁜 달, 연락 수단, 학생과 은퇴자가 위쪽에 있을 것입니다.

  단변량 점수는 특성을 하나씩 봅니다. 상호작용이 의심되면 method *model*(트리 중요도)이나 *rfe*를 써 보고 아래 교차 검증 AUC를 비교하세요.
  특성 선택은 의식이 아니라 검증해야 할 선택입니다.
  `,
  crossval: `
  ## 6 · 교차 검증으로 모델 계열 비교하기

  학습/검증 분할 한 번은 숫자 하나를 주고, 그 숫자는 분할에 따라 흔들립니다. **5겹 층화 교차 검증**은 계열마다 다섯 번 학습하고, 매번 보지 않은
  학습 행 1/5로 점수를 냅니다. 평균은 그 계열이 얼마나 좋은지, 퍼짐은 작은 차이를 얼마나 믿을지 알려 줍니다.

  단순한 것에서 유연한 것까지 세 계열:
  - **로지스틱 회귀** — 특성의 가중합: 다른 모든 모델이 이겨야 할 기준 모델;
  - **MLP** — 작은 신경망(은닉층 하나, 16개);
  - **그레이디언트 부스팅 트리(gbdt)** — XGBoost 방식 트리, 상호작용과 문턱값(60세 이상, pdays = 999)에 강합니다.

  이 데이터에서는 gbdt ≈ 0.81, 로지스틱과 MLP ≈ 0.78이고 폴드마다 ± 0.014 정도입니다. 트리가 약 0.02 앞서는데, 이는 평균의 흔들림
  (0.014 / √5 ≈ 0.006)보다 크므로 진짜 차이입니다. 코드 셀이 세 결과를 표 하나로 모읍니다.
  `,
  tune: `
  ## 7 · 가장 좋은 계열 튜닝하기

  튜닝은 가장 좋은 계열의 설정을 찾습니다. tune 셀은 **TPE**(Optuna의 기본값: 공간의 어느 영역이 점수가 좋은지 배웁니다)로 12번 시도합니다:
  트리 깊이, 학습률 \`eta\`, 최소 자식 가중치, 행 서브샘플링. 각 시도는 \`train_sel\`로 학습하고 \`valid_x\`의 **검증 로그 손실**로 점수를 냅니다.
  **중앙값 가지치기**는 같은 라운드에서 이미 중앙값보다 나쁜 시도를 멈춥니다. 최선의 매개변수는 \`best_params\`로 저장되고, 아래 gbdt 학습 셀이
  그것을 읽습니다(\`paramsFrom\`).

  튜닝의 이득은 보통 알맞은 계열을 고르는 것보다 작습니다. 여기서도 시도들의 검증 로그 손실은 모두 0.27–0.28 근처입니다.
  `,
  train: `
  ## 8 · 최종 구성 모델 학습

  교차 검증으로 계열을 고르고 튜닝으로 매개변수를 정했으니, 이제 각 모델을 학습 행 **전체**로 한 번 학습합니다(\`valid_x\`를 지켜보므로 곡선에
  에폭 또는 라운드별 검증 손실이 나옵니다). 이 셋이 앙상블의 구성 모델입니다.
  `,
  ensemble: `
  ## 9 · 앙상블: 보팅과 블렌딩

  서로 다른 모델 계열은 서로 다른 실수를 합니다. 평균을 내면 일부가 상쇄될 수 있습니다.

  - **소프트 보팅**은 구성 모델의 예측 확률을 (가중) 평균합니다. scikit-learn의 \`VotingClassifier(voting='soft')\`와 같습니다. 새로 배우는 것이
    없으므로 추가 데이터가 필요 없습니다. (하드 보팅은 대신 예측 레이블을 셉니다. 확률이 없으므로 AUC도 없습니다.)
  - **블렌딩**은 각 구성 모델을 얼마나 믿을지 배웁니다. 로지스틱 회귀(*메타 학습기*)를 \`valid_x\`(어느 구성 모델도 학습하지 않은 행)에 대한
    구성 모델들의 예측 확률로 적합합니다. scikit-learn의 \`StackingClassifier\`는 홀드아웃 하나 대신 교차 검증의 폴드 밖 예측으로 같은 일을 합니다.
    블렌딩은 더 단순하고 가벼운 버전입니다. 가중치를 보면 어느 구성 모델을 가장 믿는지 알 수 있습니다.

  보팅 셀은 빠른 점검으로 각 구성 모델과 앙상블의 \`valid_x\` 점수도 보여 줍니다. 보팅은 최선의 구성 모델 근처에 올 뿐 훨씬 위로 가지는
  않을 것입니다. 세 모델이 신호의 대부분을 공유하기 때문입니다.
  `,
  evaluate: `
  ## 10 · 테스트 데이터로 평가 — 한 번만

  테스트 행은 지금까지 어떤 결정에도 쓰이지 않았습니다. 이제 모든 후보를 이 행으로 평가합니다. 최종 후보(보팅)는 임계값도 봅니다. 0.5에서는
  가입자 대부분을 놓칩니다(재현율 ≈ 0.28). 가입 확률 50 %에 이르는 고객이 드물기 때문입니다. 통화 목록에는 순위(AUC)가 더 중요하고,
  임계값을 낮추면 정밀도를 내주고 재현율을 얻습니다.

  이 데이터에서는 로지스틱 ≈ 0.79, MLP ≈ 0.795, gbdt ≈ 0.80, 보팅과 블렌딩 ≈ 0.80–0.81입니다.
  `,
  compare: `
  ## 앙상블이 최선의 단일 모델보다 정말 나을까?

  비교 셀은 테스트 행을 다시 뽑아(부트스트랩, 쌍을 이룸: 두 모델이 같은 재표본을 씀) B − A에 95 % 구간을 씌우고, 두 모델이 엇갈린 행으로
  McNemar 검정을 하고, 50 / 50 A/B 배포를 시뮬레이션합니다. 여기서는 AUC 차이의 구간이 **0을 포함합니다**. 앙상블이 튜닝한 트리보다
  분명히 낫지 않습니다. 흔하고 정직한 결과이며, 앙상블의 견고함(한 모델의 버릇에 덜 휘둘림)이 비용만큼 가치 있지 않다면 더 단순한 모델을
  고를 이유입니다. 이 템플릿은 모든 단계를 보여 주려고 보팅 모델을 끝까지 씁니다. 여러분의 데이터에서는 이 표를 보고 결정하세요.
  `,
  explain: `
  ## 11 · 모델 설명하기

  **순열 중요도**는 테스트 행에서 특성 하나씩을 섞고 AUC가 얼마나 떨어지는지 잽니다. 크게 떨어지면 모델이 기대는 특성입니다. 앙상블을
  포함해 어떤 모델에도 쓸 수 있습니다. \`age\`의 **부분 의존도**는 나이에 따른 평균 예측 확률을 보여 줍니다. 60세 이후에 뛰어오를 것입니다.
  데이터를 만들 때 넣은 패턴입니다. 설명이 이상하면(누수된 열이 맨 위에 있거나 말이 안 되는 곡선) 멈추고 데이터부터 고치세요.
  `,
  drift: `
  ## 12 · 모니터링: 데이터가 드리프트했나?

  배포 뒤에는 데이터가 바뀝니다. 모델이 본 적 없는 행으로 "다음 달"을 흉내 냅니다. \`later\` 절반에서 **11월** 통화를 고르고, 정책 변화를
  더합니다. 콜센터가 이제 고객마다 **두 번 더** 전화합니다(\`campaign + 2\`).

  드리프트 셀은 \`new_month\`의 열별 분포를 \`train\`과 비교합니다. PSI(비율이 얼마나 움직였나)와 KS 검정(숫자) 또는 카이제곱 검정(범주)입니다.
  열 19개를 한꺼번에 검정하므로 α는 0.05가 아니라 0.01을 씁니다. **month**(한 달뿐), **contact**(11월 통화는 다른 전화를 씀), **campaign**
  (우리의 정책 변화), **거시경제 열 다섯 개**(11월의 경제)가 표시되고, 고객 열(age, job, …)은 표시되지 않을 것입니다. 레이블이 오면 다시
  평가합니다. 새 달의 AUC는 조금 낮습니다(≈ 0.79). 가장 강한 신호 중 하나인 월이 더는 변하지 않기 때문입니다.
  `,
  register: `
  ## 13 · 등록 — 기준을 넘을 때만

  register 셀은 테스트 AUC ≥ **0.78**일 **때만** 모델을 모델 레지스트리에 추가하고, 아니면 실행을 멈추지 않고 이유를 말합니다.

  왜 0.78일까요? 기준은 테스트 점수를 보기 전에 문제로부터 정하고, 달성할 수 있으면서 의미 있게 잡습니다. 강의의 XGBoost는 실제 데이터에서
  0.79였습니다. 테스트 데이터의 양성이 464건이면 테스트 AUC는 우연만으로 ± 0.02 정도 움직입니다(부트스트랩 구간 참고). 0.78은 "잡음 범위 안에서
  강의 수준"을 요구합니다. 이 생성 데이터에서는 모든 계열이 넘으므로(0.79–0.81) 앙상블이 등록되고(단계 *staging*) 추적된 실행과 연결됩니다.
  `,
  registerDescription: '튜닝한 부스팅 트리, MLP, 로지스틱 회귀의 소프트 보팅; ANOVA로 고른 특성 30개; 생성된 은행 마케팅 데이터.',
  card: `
  ## 14 · 문서로 남기기: 모델 카드

  모델 카드는 모델의 용도, 학습 데이터(데이터 지문 포함), 성능, 실패하는 곳, 매개변수를 적습니다. 등록된 버전 옆에 두세요. HTML은 값 패널에서
  내려받을 수 있습니다.
  `,
  cardTitle: '모델 카드: 정기예금 통화 순위 (소프트 보팅 앙상블)',
  intendedUse: '콜센터가 가능성이 높은 고객에게 먼저 전화할 수 있도록 고객을 정기예금 가입 가능성 순으로 줄 세웁니다. 통화 우선순위용이며, 어떤 고객에게도 상품이나 통화를 거절하는 데 쓰지 않습니다.',
  limitations: 'UCI 은행 마케팅 파일을 흉내 낸 생성 데이터로 학습했으므로 실제 데이터의 점수는 다를 것입니다. 보정은 대략적입니다. 임계값 0.5에서 가입자 10명 중 3명 정도를 찾습니다. 월과 거시경제 상황이 기본 비율을 바꾸므로 드리프트를 감시하고 캠페인 기간마다 다시 검증하세요. 튜닝한 부스팅 트리 하나보다 분명히 낫지는 않습니다(AUC 차이의 부트스트랩 구간이 0을 포함).',
  cardData: '생성된 은행 마케팅 표(41,188건, yes 11.27 %, 시드 42): 절반은 나중 데이터로 따로 두고 나머지를 60/20/20 층화 분할; 강의의 전처리(duration과 거시경제 열 제거, 원-핫)와 학습 행의 ANOVA F로 고른 특성 30개.',
  next: `
  ## 내 프로젝트로 만들기

  이 템플릿을 여러분의 프로젝트에 쓰려면 load 셀의 데이터와 타깃을 바꾼 뒤, 노트북을 따라 내려가며 선택을 하나씩 다시 보세요.
  성공 지표와 기준(1절), 누수되는 열(2), 분할 방법(3 — 날짜가 있으면 시간 기준), 전처리(4), 특성 수(5), 모델 계열(6), 탐색 공간(7),
  드리프트를 볼 열(12).

  여기서 해 볼 것:
  - 특성을 30개 대신 15개나 45개로: 교차 검증 AUC가 그 퍼짐보다 더 움직이나요?
  - 트리에 두 배의 표를 주세요(\`weights: [2, 1, 1]\`): 비교 셀에서 보팅이 트리를 앞서나요?
  - 새 달을 5월로 바꿔 보세요(\`d.month === 'may'\`): 어떤 열이 드리프트하고 AUC는 어떻게 되나요?
  `,
  titles: {
    load: '통화 데이터 불러오기',
    eda: '프로파일과 타깃 비율',
    quality: '품질 점검',
    sample: '절반은 나중을 위해 따로 두기',
    split: '60 / 20 / 20 층화 분할',
    preprocess: '강의의 전처리 (학습 데이터로 적합)',
    select: '상위 특성 30개 남기기 (ANOVA F)',
    cvLogistic: '로지스틱 회귀 교차 검증',
    cvMlp: 'MLP 교차 검증',
    cvGbdt: '부스팅 트리 교차 검증',
    cvSummary: '계열 나란히 보기',
    tune: '부스팅 트리 튜닝 (TPE)',
    trainLogistic: '로지스틱 회귀',
    trainMlp: 'MLP',
    trainGbdt: '튜닝한 매개변수의 부스팅 트리',
    vote: '세 모델의 소프트 보팅',
    blend: '블렌딩 (valid_x에 적합한 로지스틱 메타 학습기)',
    evalLogistic: '로지스틱 테스트 평가',
    evalMlp: 'MLP 테스트 평가',
    evalGbdt: '부스팅 트리 테스트 평가',
    evalBlend: '블렌딩 테스트 평가',
    evalVote: '보팅 테스트 평가 (임계값 0.5, 리포트)',
    compare: '트리(A) 대 보팅(B)',
    explain: '순열 중요도와 나이의 부분 의존도',
    newMonth: '"다음 달" 만들기',
    drift: '드리프트: 다음 달 대 학습 데이터',
    evalNewMonth: '다음 달 보팅 평가',
    register: 'AUC ≥ 0.78이면 등록',
    card: '모델 카드',
  },
};

/** The texts are indented by two spaces in this file; the notebook gets them flush left. */
function dedent(t: LifecycleText): LifecycleText {
  const d = (s: string) => s.replace(/^ {2}/gm, '');
  const out = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, typeof v === 'string' ? d(v) : v])) as unknown as LifecycleText;
  return out;
}

export function lifecycleText(lang: Lang): LifecycleText {
  return dedent(lang === 'ko' ? ko : en);
}
