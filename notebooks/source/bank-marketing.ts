// "Bank marketing": the course's SageMaker bank-marketing notebooks
// (COURSE.md §5) as one workbench notebook — load, EDA, the original
// preprocessing, a 70/20/10 split, boosted trees with the course's two
// settings, evaluation, an A/B comparison, conditional registration, and
// an endpoint: deploy, an A/B split of 1,000 requests, monitoring, redeploy.
import { NotebookBuilder } from './builder.ts';
import { text, type Lang } from './i18n.ts';

const CATEGORICAL = ['job', 'marital', 'education', 'default', 'housing', 'loan', 'contact', 'month', 'day_of_week', 'poutcome'];
const MACRO = ['emp.var.rate', 'cons.price.idx', 'cons.conf.idx', 'euribor3m', 'nr.employed'];

/** Steps of the course's preprocessing (1-preprocessing): stateless derives, drops, then one-hot fitted on train. */
export const BANK_PREPROCESSING = [
  ...['job', 'marital', 'education', 'default', 'housing', 'loan', 'poutcome'].map((c) => ({ op: 'derive', name: c, expr: `d => op.replace(d.${c}, /\\./g, '_')` })),
  { op: 'derive', name: 'no_previous_contact', expr: 'd => d.pdays === 999 ? 1 : 0' },
  { op: 'derive', name: 'not_working', expr: "d => (d.job === 'student' || d.job === 'retired' || d.job === 'unemployed') ? 1 : 0" },
  { op: 'drop', columns: ['duration', ...MACRO] },
  { op: 'onehot', columns: CATEGORICAL },
];

const CONSERVATIVE = { maxDepth: 3, eta: 0.5, gamma: 4, minChildWeight: 6, subsample: 0.8, rounds: 50 };
const AGGRESSIVE = { maxDepth: 3, eta: 0.1, gamma: 2, minChildWeight: 3, subsample: 0.4, rounds: 100 };

export function bankMarketing(lang: Lang = 'en') {
  const t = text(lang);
  return new NotebookBuilder(t('Bank marketing: who will subscribe to a term deposit?', '은행 마케팅: 누가 정기예금에 가입할까?'), {
    authors: [{ name: 'ML Workbench' }],
    language: lang,
  })
    .md(t(`
    # Bank marketing: who will subscribe to a term deposit?

    A Portuguese bank phoned its customers to sell a term deposit. Only about **one call in nine** ended in a subscription.
    If a model can rank customers by their chance of saying yes, the call centre can phone the likely ones first.

    This notebook follows the course's SageMaker pipeline step by step — set-up and data, preprocessing, training two XGBoost-style models,
    evaluation, choosing the better model and registering it — all inside the browser:

    | course notebook | here |
    |---|---|
    | 0-setup | load the data, look at the target |
    | 1-preprocessing | flags, drop leaking and macro columns, one-hot, 70/20/10 split |
    | 2-training | boosted trees with the *conservative* and *aggressive* settings |
    | 3-model-evaluation | AUC, accuracy, confusion matrix, report; best by AUC |
    | 4-test-and-deploy / 5-pipelines | a conditional *register* cell: registered only if AUC ≥ 0.75 |
    | 4-test-and-deploy (endpoint) | *deploy*, *invoke* and *monitor* cells: an endpoint in the browser, an A/B split 70/30, drift and live AUC, undeploy and redeploy |

    **About the data.** The original \`bank-additional-full.csv\` (41,188 calls, UCI, CC BY 4.0) is not shipped with the app.
    The table loaded here is **made by a random generator with a fixed seed**, so every run gets exactly the same table: it has the same 21 columns, the same categories,
    11.27 % positives and the course's group rates (for example 65 % success after a previous successful campaign, 5 % in May).
    The scores you will see are this table's, not the bank's; on the real calls they would differ.
    `, `
    # 은행 마케팅: 누가 정기예금에 가입할까?

    포르투갈의 한 은행이 고객에게 전화를 걸어 정기예금을 권했습니다. 통화 **아홉 건 중 한 건** 정도만 가입으로 이어졌습니다.
    모델이 고객을 가입 가능성 순으로 줄 세울 수 있다면, 콜센터는 가능성이 높은 고객에게 먼저 전화할 수 있습니다.

    이 노트북은 강의의 SageMaker 파이프라인을 단계별로 따라갑니다. 데이터 준비, 전처리, XGBoost 방식 모델 두 개의 학습,
    평가, 더 나은 모델 선택과 등록까지 모두 브라우저 안에서 실행됩니다.

    | 강의 노트북 | 이 노트북 |
    |---|---|
    | 0-setup | 데이터 불러오기, 타깃 살펴보기 |
    | 1-preprocessing | 플래그 추가, 누수·거시경제 열 제거, 원-핫, 70/20/10 분할 |
    | 2-training | *conservative*, *aggressive* 설정의 부스팅 트리 |
    | 3-model-evaluation | AUC, 정확도, 혼동 행렬, 리포트; AUC로 최선 선택 |
    | 4-test-and-deploy / 5-pipelines | 조건부 *등록* 셀: AUC ≥ 0.75일 때만 등록 |
    | 4-test-and-deploy (엔드포인트) | *배포*, *호출*, *모니터* 셀: 브라우저 안의 엔드포인트, 70/30 A/B 분할, 드리프트와 실시간 AUC, 배포 해제와 재배포 |

    **데이터에 대하여.** 원본 \`bank-additional-full.csv\`(41,188건, UCI, CC BY 4.0)는 앱에 포함되어 있지 않습니다.
    여기서 불러오는 표는 **시드를 고정한 난수 생성기로 만든** 데이터라서 실행할 때마다 똑같은 표가 나옵니다. 같은 21개 열과 같은 범주,
    11.27 %의 양성 비율, 강의에서 보고한 그룹별 비율(예: 이전 캠페인 성공 고객 65 %, 5월 5 %)을 재현합니다.
    아래에서 보는 점수는 은행의 실제 통화가 아니라 이 표의 점수이며, 실제 데이터에서는 달라집니다.
    `))
    .cell('load', { source: { type: 'dataset', name: 'bank-marketing' }, output: 'bank' }, t('Load the calls', '통화 데이터 불러오기'))
    .md(t(`
    ## 0 · The target and the columns

    \`y\` is the answer: did the customer subscribe? With 11 % "yes", a model that always says "no" is 89 % accurate and useless —
    this is why the course judges models by **AUC**, which measures how well they *rank* customers, not by accuracy.

    Look at the profile's warnings too: \`duration\` (the call's length) is only known *after* the call, so it leaks the answer.
    `, `
    ## 0 · 타깃과 열

    \`y\`는 정답입니다: 고객이 가입했나요? "yes"가 11 %뿐이라서, 항상 "no"라고 답하는 모델도 정확도 89 %지만 쓸모가 없습니다.
    그래서 강의는 정확도가 아니라 고객을 얼마나 잘 *줄 세우는지* 재는 **AUC**로 모델을 평가합니다.

    프로파일의 경고도 보세요. \`duration\`(통화 길이)은 통화가 *끝난 뒤에야* 알 수 있으므로 정답을 누설합니다.
    `))
    .cell('eda', { input: 'bank', target: 'y' }, t('Profile and target balance', '프로파일과 타깃 비율'))
    .cell('transform', { input: 'bank', output: 'bank_rates', steps: [{ op: 'derive', name: 'subscribed', expr: "d => d.y === 'yes' ? 1 : 0" }], transform: 'rates_prep' }, t('A 0/1 target for rates', '비율 계산용 0/1 타깃'))
    .cell('visualize', { input: 'bank_rates', chart: 'bar', x: 'poutcome', y: ['subscribed'], aggregate: 'mean', title: t('Subscription rate by previous outcome', '이전 캠페인 결과별 가입률') }, t('Rate by previous outcome', '이전 결과별 가입률'))
    .cell('visualize', { input: 'bank_rates', chart: 'bar', x: 'month', y: ['subscribed'], aggregate: 'mean', title: t('Subscription rate by month of the call', '통화 월별 가입률') }, t('Rate by month', '월별 가입률'))
    .cell('visualize', { input: 'bank_rates', chart: 'bar', x: 'job', y: ['subscribed'], aggregate: 'mean', title: t('Subscription rate by job', '직업별 가입률') }, t('Rate by job', '직업별 가입률'))
    .md(t(`
    The signals the course points out are all there: a previous **success** makes a yes far more likely; March, September, October and December
    are good months and May a bad one; students and retired people say yes more often.

    ## 1 · Split, then preprocess

    The course's preprocessing job does four things, and so does the transform cell below:
    1. replaces "." with "_" in text values (\`basic.4y\` → \`basic_4y\`), as the original job did for column names after one-hot;
    2. adds \`no_previous_contact\` (pdays = 999, never contacted) and \`not_working\` (student, retired or unemployed);
    3. drops \`duration\` (it leaks the answer) and the five macro-economic columns;
    4. one-hot encodes the ten categorical columns: 59 features in all.

    We split **first** — 70 % train, 20 % validation, 10 % test, stratified on \`y\`, seed 42 — so that the one-hot categories are learned from
    the training rows only, and the test rows stay unseen until the end.
    `, `
    강의에서 짚은 신호가 모두 보입니다. 이전 캠페인이 **성공**이었던 고객은 가입 가능성이 훨씬 높고, 3·9·10·12월은 좋은 달, 5월은 나쁜 달이며,
    학생과 은퇴자가 더 자주 가입합니다.

    ## 1 · 먼저 분할하고, 그다음 전처리

    강의의 전처리 작업은 네 가지를 하며, 아래 변환 셀도 같습니다.
    1. 텍스트 값의 "."을 "_"로 바꿉니다(\`basic.4y\` → \`basic_4y\`).
    2. \`no_previous_contact\`(pdays = 999, 연락한 적 없음)와 \`not_working\`(학생, 은퇴자, 무직) 플래그를 추가합니다.
    3. \`duration\`(정답 누설)과 거시경제 열 다섯 개를 제거합니다.
    4. 범주형 열 열 개를 원-핫 인코딩합니다. 특성은 모두 59개입니다.

    분할을 **먼저** 합니다. 학습 70 %, 검증 20 %, 테스트 10 %, \`y\`로 층화, 시드 42. 그래야 원-핫 범주를 학습 데이터에서만 배우고,
    테스트 데이터는 마지막까지 보지 않은 채로 남습니다.
    `))
    .cell('split', { input: 'bank', method: 'stratified', target: 'y', train: 0.7, validation: 0.2, test: 0.1, seed: 42, outputs: { train: 'train', validation: 'valid', test: 'test' } }, t('70 / 20 / 10, stratified', '70 / 20 / 10 층화 분할'))
    .cell('transform', { input: 'train', output: 'train_x', steps: BANK_PREPROCESSING, applyTo: [{ input: 'valid', output: 'valid_x' }, { input: 'test', output: 'test_x' }], transform: 'preprocess' }, t('The course preprocessing (fitted on train)', '강의의 전처리 (학습 데이터로 적합)'))
    .md(t(`
    ## 2 · Two boosted-tree models

    The course trains XGBoost (\`binary:logistic\`) twice. The workbench's gradient-boosted trees use the same ideas — histograms of each
    feature, second-order gradients, L2-regularised leaves, shrinkage — and the same parameter names:

    | setting | depth | eta | gamma | min child weight | subsample | rounds |
    |---|---|---|---|---|---|---|
    | conservative | 3 | 0.5 | 4 | 6 | 0.8 | 50 |
    | aggressive | 3 | 0.1 | 2 | 3 | 0.4 | 100 |

    The validation table is only *watched* (the curve shows its AUC per round); as in the course, no early stopping.
    `, `
    ## 2 · 부스팅 트리 모델 두 개

    강의는 XGBoost(\`binary:logistic\`)를 두 번 학습합니다. 워크벤치의 그레이디언트 부스팅 트리도 같은 원리(특성별 히스토그램,
    2차 그레이디언트, L2 정규화된 리프, 축소)와 같은 매개변수 이름을 씁니다.

    | 설정 | 깊이 | eta | gamma | 최소 자식 가중치 | 서브샘플 | 라운드 |
    |---|---|---|---|---|---|---|
    | conservative | 3 | 0.5 | 4 | 6 | 0.8 | 50 |
    | aggressive | 3 | 0.1 | 2 | 3 | 0.4 | 100 |

    검증 데이터는 *지켜보기만* 합니다(곡선에 라운드별 AUC가 표시됩니다). 강의처럼 조기 종료는 쓰지 않습니다.
    `))
    .cell('train', { input: 'train_x', target: 'y', model: 'gbdt', gbdt: { ...CONSERVATIVE, stoppingMetric: 'auc' }, validation: 'valid_x', seed: 42, output: 'conservative' }, t('Conservative', 'Conservative 설정'))
    .cell('train', { input: 'train_x', target: 'y', model: 'gbdt', gbdt: { ...AGGRESSIVE, stoppingMetric: 'auc' }, validation: 'valid_x', seed: 42, output: 'aggressive' }, t('Aggressive', 'Aggressive 설정'))
    .md(t(`
    ## 2b · Tune, as the course's tuning job does

    The course then runs a SageMaker *hyperparameter tuning job*: it trains many XGBoost models with different settings and keeps the one with
    the best **validation AUC**. The tune cell does the same here over four settings — tree depth, eta (the learning rate), the number of rounds
    and the minimum child weight — starting from the conservative model. It uses TPE, like SageMaker's Bayesian search: the first trials are
    random, later ones try settings near the best so far; trials that fall behind the median are stopped early. The test set is not used.
    The table lists every trial; the best settings feed the train cell below (its *params from* field).
    Look at the pruned trials: most have a small eta. They learn slowly, so after 20 rounds they are behind and get stopped, even though
    they might have caught up — early stopping saves time at the price of favouring fast learners.
    `, `
    ## 2b · 튜닝: 강의의 튜닝 작업처럼

    강의는 이어서 SageMaker *하이퍼파라미터 튜닝 작업*을 돌립니다. 설정을 바꿔 가며 XGBoost 모델을 여러 개 학습하고 **검증 AUC**가
    가장 좋은 것을 남깁니다. 여기서는 튜닝 셀이 conservative 모델에서 출발해 네 가지 설정, 곧 트리 깊이, eta(학습률), 라운드 수,
    최소 자식 가중치를 같은 방식으로 찾습니다. SageMaker의 베이지안 탐색처럼 TPE를 씁니다. 처음 몇 번은 무작위로, 그 뒤에는 지금까지의
    최선 근처를 시도하고, 중앙값보다 뒤처지는 시도는 일찍 멈춥니다. 테스트 데이터는 쓰지 않습니다.
    표에 모든 시도가 나오고, 최선 설정은 아래 학습 셀로 들어갑니다(*params from* 항목).
    일찍 멈춘 시도를 보세요. 대부분 eta가 작습니다. 천천히 배우기 때문에 20라운드 뒤에는 뒤처져서 멈추게 되지만, 끝까지 갔다면 따라잡았을 수도
    있습니다. 조기 중단은 시간을 아끼는 대신 빨리 배우는 설정을 편애합니다.
    `))
    .cell('tune', {
      input: 'train_x', validation: 'valid_x', target: 'y', model: 'gbdt', gbdt: { ...CONSERVATIVE, stoppingMetric: 'auc' }, seed: 42,
      metric: 'val_auc', sampler: 'tpe', trials: 10, startupTrials: 4, pruning: true, warmupEpochs: 20, output: 'best_params',
      space: [
        { name: 'gbdt.maxDepth', type: 'int', low: 2, high: 5 },
        { name: 'gbdt.eta', type: 'logfloat', low: 0.03, high: 0.5 },
        { name: 'gbdt.rounds', type: 'int', low: 30, high: 120 },
        { name: 'gbdt.minChildWeight', type: 'float', low: 1, high: 10 },
      ],
    }, t('Tune depth, eta, rounds, min child weight on validation AUC', '검증 AUC로 깊이, eta, 라운드, 최소 자식 가중치 튜닝'))
    .cell('train', { input: 'train_x', target: 'y', model: 'gbdt', gbdt: { ...CONSERVATIVE, stoppingMetric: 'auc' }, validation: 'valid_x', seed: 42, paramsFrom: 'best_params', output: 'tuned' }, t('The tuned model', '튜닝한 모델'))
    .cell('evaluate', { model: 'conservative', input: 'valid_x', output: 'conservative_valid', report: false }, t('Conservative on validation', 'Conservative 검증 평가'))
    .cell('evaluate', { model: 'tuned', input: 'valid_x', output: 'tuned_valid', report: false }, t('Tuned on validation', '튜닝한 모델 검증 평가'))
    .code(`
// Did tuning pay off? Compare validation AUC (the data the search optimised), not test AUC.
const before = conservative_valid.roc_auc;
const after = tuned_valid.roc_auc;
const gain = after - before;
set('tuning_gain', gain);
return gain > 0
  ? \`${t('Tuning raised the validation AUC from', '튜닝으로 검증 AUC가')} \${before.toFixed(4)}${t(' to', '에서')} \${after.toFixed(4)}${t(' (+', '로 올랐습니다 (+')}\${gain.toFixed(4)}).\`
  : \`${t('Tuning did not beat the conservative model on validation AUC', '튜닝이 검증 AUC에서 conservative 모델을 넘지 못했습니다')} (\${after.toFixed(4)} ${t('vs', '대')} \${before.toFixed(4)}): ${t('with 10 trials the search may not reach a better region, and the conservative settings are already near the best for this data.', '시도 10번으로는 더 나은 영역에 닿지 못했을 수 있고, conservative 설정이 이미 이 데이터에서 최선에 가깝습니다.')}\`;
`, t('Tuned vs conservative on validation AUC', '검증 AUC: 튜닝 대 conservative'), `
# Did tuning pay off? Compare validation AUC (the data the search optimised), not test AUC.
# value tuning_gain: object
before = conservative_valid['roc_auc']
after = tuned_valid['roc_auc']
tuning_gain = after - before
if tuning_gain > 0:
    print(f"${t('Tuning raised the validation AUC from', '튜닝으로 검증 AUC가')} {before:.4f}${t(' to', '에서')} {after:.4f}${t(' (+', '로 올랐습니다 (+')}{tuning_gain:.4f}).")
else:
    print(f"${t('Tuning did not beat the conservative model on validation AUC', '튜닝이 검증 AUC에서 conservative 모델을 넘지 못했습니다')} ({after:.4f} ${t('vs', '대')} {before:.4f}): "
          "${t('with 10 trials the search may not reach a better region, and the conservative settings are already near the best for this data.', '시도 10번으로는 더 나은 영역에 닿지 못했을 수 있고, conservative 설정이 이미 이 데이터에서 최선에 가깝습니다.')}")
`)
    .md(t(`
    ## 3 · Evaluate on the test set

    The course's evaluation uses the 10 % test set and a threshold of 0.5 on the predicted probability.
    With so few positives, expect a high accuracy, a low recall for "yes" — most subscribers are missed at 0.5 — and an AUC near 0.8.
    `, `
    ## 3 · 테스트 데이터로 평가

    강의의 평가는 10 % 테스트 데이터와 예측 확률 0.5 임계값을 씁니다.
    양성이 적어서 정확도는 높지만 "yes"의 재현율은 낮고(0.5에서는 가입자 대부분을 놓칩니다), AUC는 0.8 근처일 것입니다.
    `))
    .cell('evaluate', { model: 'conservative', input: 'test_x', output: 'conservative_metrics', threshold: { rule: 'fixed', value: 0.5 } }, t('Conservative on test', 'Conservative 테스트 평가'))
    .cell('evaluate', { model: 'aggressive', input: 'test_x', output: 'aggressive_metrics', threshold: { rule: 'fixed', value: 0.5 } }, t('Aggressive on test', 'Aggressive 테스트 평가'))
    .md(t(`
    ## What does "good" mean here? Two baselines

    An accuracy of 0.9 sounds good until you see that a "model" that always answers **no** (the **majority class**) scores 0.89 —
    it is right for every one of the 89 % who do not subscribe, and its AUC is 0.5 (it cannot rank anyone).
    A **logistic regression** on the same 59 features is the simplest real model: if the boosted trees barely beat it, their extra complexity buys little.
    `, `
    ## 여기서 "좋다"는 무엇일까? 기준선 두 개

    정확도 0.9는 좋아 보이지만, 늘 **no**라고 답하는 "모델"(**다수 클래스**)도 0.89를 받습니다.
    가입하지 않는 89 % 모두에게 맞기 때문이고, AUC는 0.5입니다(아무도 줄 세우지 못함).
    같은 59개 특징으로 학습한 **로지스틱 회귀**는 가장 단순한 진짜 모델입니다. 부스팅 트리가 이를 겨우 이긴다면 더한 복잡도가 얻는 것은 적습니다.
    `))
    .cell('train', { input: 'train_x', target: 'y', model: 'logistic', optimizer: 'adam', learningRate: 0.01, epochs: 30, batchSize: 256, validation: 'valid_x', patience: 5, seed: 42, output: 'logistic' }, t('Baseline: logistic regression', '기준선: 로지스틱 회귀'))
    .cell('evaluate', { model: 'logistic', input: 'test_x', output: 'logistic_metrics', threshold: { rule: 'fixed', value: 0.5 }, report: false }, t('Logistic regression on test', '로지스틱 회귀 테스트 평가'))
    .code(`
// The majority class ("no" for everyone) and every model, side by side on the same test rows.
const y = test_x.array('y');
const majority = [...new Set(y)].map((v) => [v, y.filter((u) => u === v).length]).sort((a, b) => b[1] - a[1])[0];
const majority_metrics = { accuracy: majority[1] / y.length, roc_auc: 0.5 };
set('majority_metrics', majority_metrics);
const row = (model, m) => ({ model, roc_auc: +m.roc_auc.toFixed(4), accuracy: +m.accuracy.toFixed(4) });
return aq.from([
  row(\`baseline: majority class (always "\${majority[0]}")\`, majority_metrics),
  row('baseline: logistic regression', logistic_metrics),
  row('conservative trees', conservative_metrics),
  row('aggressive trees', aggressive_metrics),
]);
`, t('Baselines beside the models', '기준선과 모델 비교'), `
# The majority class ("no" for everyone) and every model, side by side on the same test rows.
# value majority_metrics: metrics
counts = test_x['y'].value_counts(sort=False).sort_values(ascending=False, kind='stable')  # ties: the first seen first
majority, majority_count = counts.index[0], int(counts.iloc[0])
majority_metrics = {'accuracy': majority_count / len(test_x), 'roc_auc': 0.5}

def row(model, m):
    return {'model': model, 'roc_auc': round(m['roc_auc'], 4), 'accuracy': round(m['accuracy'], 4)}

side_by_side = pd.DataFrame([
    row(f'baseline: majority class (always "{majority}")', majority_metrics),
    row('baseline: logistic regression', logistic_metrics),
    row('conservative trees', conservative_metrics),
    row('aggressive trees', aggressive_metrics),
])
side_by_side
`)
    .md(t(`
    ## Which model is better — really?

    One test set gives one number per model. The compare cell resamples the test rows (bootstrap) to show how much each metric could move,
    and McNemar's test asks whether the two models' mistakes differ more than chance would explain. It also simulates the A/B deployment the
    course's README describes: 80 % of the traffic to one model, 20 % to the other.
    `, `
    ## 어느 모델이 정말 더 나을까?

    테스트 데이터 한 벌은 모델마다 숫자 하나만 줍니다. 비교 셀은 테스트 행을 다시 뽑아(부트스트랩) 각 지표가 얼마나 흔들릴 수 있는지 보여 주고,
    McNemar 검정으로 두 모델의 오류 차이가 우연 이상인지 묻습니다. 강의 README가 설명한 A/B 배포(트래픽 80 %와 20 %)도 시뮬레이션합니다.
    `))
    .cell('compare', { modelA: 'conservative', modelB: 'aggressive', input: 'test_x', nBoot: 200, seed: 42, trafficSplit: 0.8 }, t('Conservative vs aggressive', 'Conservative 대 aggressive'))
    .code(`
// Pick the better model by test AUC, as the course's evaluation step does.
const c = conservative_metrics.roc_auc;
const a = aggressive_metrics.roc_auc;
const winner = a > c ? 'aggressive' : 'conservative';
set('best', winner === 'aggressive' ? aggressive : conservative);
set('best_metrics', winner === 'aggressive' ? aggressive_metrics : conservative_metrics);
return \`best by AUC: \${winner} (conservative \${c.toFixed(4)}, aggressive \${a.toFixed(4)})\`;
`, t('Pick the best by AUC', 'AUC로 최선 모델 고르기'), `
# Pick the better model by test AUC, as the course's evaluation step does.
# value best: model
# value best_metrics: metrics
c = conservative_metrics['roc_auc']
a = aggressive_metrics['roc_auc']
winner = 'aggressive' if a > c else 'conservative'
best = aggressive if winner == 'aggressive' else conservative
best_metrics = aggressive_metrics if winner == 'aggressive' else conservative_metrics
print(f'best by AUC: {winner} (conservative {c:.4f}, aggressive {a:.4f})')
`)
    .md(t(`
    ## 4 · Register — only if it is good enough

    The course's pipeline registers a model only when it passes a quality bar. The register cell does the same: it adds the best model to the
    model registry as \`bank-marketing-model\` **only if** its test AUC is at least 0.75, and otherwise explains why not — without failing the run.
    `, `
    ## 4 · 등록 — 충분히 좋을 때만

    강의의 파이프라인은 품질 기준을 통과한 모델만 등록합니다. 등록 셀도 같습니다. 최선 모델의 테스트 AUC가 0.75 이상일 **때만**
    \`bank-marketing-model\`로 모델 레지스트리에 추가하고, 아니면 실행을 멈추지 않고 이유를 설명합니다.
    `))
    .cell('register', { model: 'best', name: 'bank-marketing-model', metric: 'roc_auc', metrics: 'best_metrics', condition: { metric: 'roc_auc', op: '>=', value: 0.75 }, stage: 'staging', description: t('Best of the conservative and aggressive boosted trees, by test AUC.', 'conservative와 aggressive 중 테스트 AUC가 높은 부스팅 트리.') }, t('Register if AUC ≥ 0.75', 'AUC ≥ 0.75이면 등록'))
    .md(t(`
    ## 5 · Deploy an endpoint, split the traffic, monitor it

    The course deploys the registered model to a SageMaker **endpoint**: a named service that answers prediction requests.
    Here the endpoint lives in your browser: the **deploy** cell serves a registered version, the **invoke** cell sends it requests
    (rows of the test set, as the course's \`invoke_endpoint\` does) and shows which variant answered and how fast, and every request is logged.

    First the tuned model is registered too, so there are two versions to compare. Then version 1 goes live alone.
    `, `
    ## 5 · 엔드포인트 배포, 트래픽 나누기, 모니터링

    강의는 등록한 모델을 SageMaker **엔드포인트**에 배포합니다. 엔드포인트는 예측 요청에 답하는, 이름이 있는 서비스입니다.
    여기서는 엔드포인트가 브라우저 안에 있습니다. **배포** 셀이 등록된 버전을 서비스하고, **호출** 셀이 요청을 보내며
    (강의의 \`invoke_endpoint\`처럼 테스트 데이터의 행을 보냄) 어느 변형이 얼마나 빨리 답했는지 보여 주고, 모든 요청은 기록됩니다.

    먼저 튜닝한 모델도 등록해서 비교할 버전을 두 개 만듭니다. 그다음 버전 1만 배포합니다.
    `))
    .cell('evaluate', { model: 'tuned', input: 'test_x', output: 'tuned_metrics', threshold: { rule: 'fixed', value: 0.5 }, report: false }, t('Tuned on test', '튜닝한 모델 테스트 평가'))
    .cell('register', { model: 'tuned', name: 'bank-marketing-model', metric: 'roc_auc', metrics: 'tuned_metrics', stage: 'staging', output: 'registered_tuned', description: t('The tuned boosted trees (best validation AUC of the search).', '튜닝한 부스팅 트리 (탐색의 최고 검증 AUC).') }, t('Register the tuned model too', '튜닝한 모델도 등록'))
    .cell('deploy', { name: 'bank-marketing-endpoint', variants: [{ variant: 'AllTraffic', model: 'registered', weight: 1 }], output: 'endpoint' }, t('Deploy the registered model', '등록한 모델 배포'))
    .cell('invoke', { endpoint: 'endpoint', input: 'test_x', rows: 'sample', requests: 20, seed: 1, output: 'first_responses' }, t('Send 20 requests', '요청 20건 보내기'))
    .md(t(`
    ### A/B test: two production variants

    The course's README splits the traffic between two **production variants** by weight. Below, the registered model keeps 70 % of the
    requests and the tuned one gets 30 %. Each request is routed at random by the weights (with a seed, so the split is the same every run);
    with 1,000 requests each variant's count should fall inside the **binomial 99 % interval** of its weight, and the invoke cell checks it.

    Then the **monitor** cell reads the endpoint's log, as SageMaker Model Monitor reads captured data: it compares the requests' inputs with the
    training data (drift, PSI per feature), joins the true outcomes once they arrive (here: the test set's \`y\`) to get each variant's live
    AUC and accuracy, and raises an **alert** when a feature drifts (PSI ≥ 0.2) or a variant's live AUC falls below 0.75.
    `, `
    ### A/B 테스트: 프로덕션 변형 두 개

    강의 README는 트래픽을 두 **프로덕션 변형**에 가중치대로 나눕니다. 아래에서는 등록한 모델이 요청의 70 %를, 튜닝한 모델이 30 %를 받습니다.
    요청마다 가중치에 따라 무작위로 보낼 곳을 정하고(시드가 있어서 매번 같게 나뉨), 요청 1,000건이면 각 변형의 건수가
    가중치의 **이항 99 % 구간** 안에 들어야 합니다. 호출 셀이 이를 확인합니다.

    그다음 **모니터** 셀이 SageMaker Model Monitor처럼 엔드포인트의 기록을 읽습니다. 요청의 입력을 학습 데이터와 비교하고(드리프트, 특성별 PSI),
    실제 결과가 도착하면(여기서는 테스트 데이터의 \`y\`) 이어 붙여 변형별 실시간 AUC와 정확도를 구하며, 특성이 드리프트하거나(PSI ≥ 0.2)
    어떤 변형의 실시간 AUC가 0.75 아래로 떨어지면 **경고**를 냅니다.
    `))
    .cell('deploy', { name: 'bank-marketing-endpoint', variants: [{ variant: 'current', model: 'registered', weight: 70 }, { variant: 'tuned', model: 'registered_tuned', weight: 30 }], output: 'endpoint_ab' }, t('Two variants, 70 / 30', '변형 두 개, 70 / 30'))
    .cell('invoke', { endpoint: 'endpoint_ab', input: 'test_x', rows: 'sample', requests: 1000, seed: 42, output: 'ab_responses' }, t('Send 1,000 requests', '요청 1,000건 보내기'))
    .cell('monitor', { endpoint: 'endpoint_ab', reference: 'train_x', labels: 'test_x', target: 'y', psiThreshold: 0.2, alert: { metric: 'roc_auc', op: '<', value: 0.75 }, output: 'ab_monitor' }, t('Monitor the endpoint', '엔드포인트 모니터링'))
    .md(t(`
    ### Undeploy, then redeploy the better version

    As the course does when an experiment ends, the endpoint is taken out of service (its config history and log are kept), then deployed
    again with only the variant whose **live AUC** was higher, at 100 % of the traffic. Each step is a new config version of the endpoint.
    `, `
    ### 배포 해제 후 더 나은 버전 다시 배포

    강의에서 실험이 끝나면 그렇게 하듯이, 엔드포인트를 서비스에서 내리고(설정 이력과 기록은 남음) **실시간 AUC**가 더 높았던 변형만
    트래픽 100 %로 다시 배포합니다. 단계마다 엔드포인트의 새 설정 버전이 됩니다.
    `))
    .cell('deploy', { name: 'bank-marketing-endpoint', action: 'undeploy', output: 'endpoint_off' }, t('Undeploy', '배포 해제'))
    .cell('deploy', { name: 'bank-marketing-endpoint', bestOf: 'ab_monitor', output: 'endpoint_best' }, t('Redeploy the better version', '더 나은 버전 다시 배포'))
    .cell('invoke', { endpoint: 'endpoint_best', input: 'test_x', rows: 'sample', requests: 20, seed: 7, output: 'best_responses' }, t('It answers again', '다시 응답하는지 확인'))
    .md(t(`
    ## What to try

    - Put \`duration\` back (remove it from the transform's *drop* step): the AUC jumps above 0.9. Why is that model useless for planning calls?
    - Make the aggressive model deeper (depth 6): does the validation AUC curve keep rising, or turn down?
    - Change the split's seed: how much does the test AUC move? Compare with the bootstrap intervals above.
    `, `
    ## 해 볼 것

    - \`duration\`을 다시 넣어 보세요(변환의 *drop* 단계에서 지우기). AUC가 0.9를 넘습니다. 그런데 왜 그 모델은 통화 계획에 쓸모가 없을까요?
    - aggressive 모델을 더 깊게(깊이 6) 해 보세요. 검증 AUC 곡선이 계속 오르나요, 꺾이나요?
    - 분할 시드를 바꿔 보세요. 테스트 AUC가 얼마나 움직이나요? 위의 부트스트랩 구간과 비교해 보세요.
    `))
    .build();
}
