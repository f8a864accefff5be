// The prose of the session-drop notebook, in English and Korean. The cells
// are the same in both (session-drop.ts); only these texts differ.
export type Lang = 'en' | 'ko';

export interface SessionDropText {
  title: string;
  description: string;
  intro: string;
  config: string;
  load: string;
  gaps: string;
  eda: string;
  split: string;
  features: string;
  spw: string;
  train: string;
  evaluate: string;
  charts: string;
  logistic: string;
  baseline: string;
  perK: string;
  inference: string;
  register: string;
  registerDescription: string;
  next: string;
  titles: Record<
    'load' | 'gaps' | 'edaCode' | 'eda' | 'lengthChart' | 'split' | 'features' | 'spw' | 'train' | 'evaluate' | 'perK' | 'barChart'
    | 'scale' | 'logistic' | 'logisticEval' | 'baseline' | 'baselineEval' | 'baselineTable' | 'leaks' | 'trainK3' | 'trainK5' | 'trainK7' | 'evalK3' | 'evalK5' | 'evalK7' | 'evalFiltered' | 'perKTable' | 'sample' | 'predict' | 'check' | 'register',
    string
  >;
}

const en: SessionDropText = {
  title: 'Session drop: will this visit complete?',
  description: 'The course\'s sessionDrop notebook: from the first K events of a web-shop session, predict whether it completes (logout or account deletion) or drops.',
  intro: `
    # Session drop: will this visit complete?

    A web shop logs every page a visitor opens. Some sessions **complete** — the visitor logs out or deletes the account — and others simply **drop**: the visitor leaves without either.
    Can we tell which, having seen only the **first K events** of a session? A shop that knows early that a visit is likely to drop can react while the visitor is still there.

    This notebook follows the course's *sessionDrop* notebook step by step:

    1. **configure** the experiment,
    2. **load** the refined event log and compute **gaps and deltas** per event,
    3. **explore**: sessions, events, label balance,
    4. **split** by session into training, validation and test parts,
    5. build the **label** and **88 features** of every session's first K events (K = 3, 5, 7),
    6. **train** gradient-boosted trees (and logistic regression as the alternative),
    7. **evaluate** at a tuned threshold, per K and in total, with **charts**,
    8. an **inference test** on raw sessions, and a conditional **model registration**.

    **The data is generated.** The course's log came from a small Flask shop driven by a traffic generator (a finite-state machine of anonymous and logged-in users) and refined by a Spark stream; that data is not public.
    The bundled \`shop-sessions\` table is made by a simulation that replays the course's state machine and transition probabilities for 2,100 simulated users over 14 days (seed 42):
    2,210 sessions and 23,386 events with the course's 17 columns. Patterns the model can find — for example that a visitor who has put something in the cart is more likely to log out — are the ones the simulation builds in.
    Scores on generated data tell you whether the method works, not how a real shop would score.
    `,
  config: `
    ## 1. Configuration

    The course sets its constants in one cell. Here they are the parameters of the cells below — open a cell to change one:

    | course constant | value | where here |
    |---|---|---|
    | RANDOM_STATE | 42 | the split's and the training cells' \`seed\` |
    | K_LIST | [3, 5, 7] | the session-features cell's \`ks\` |
    | TERMINALS | {/logout, /delete_user} | the session-features cell's \`terminals\` |
    | TOPK_BIGRAMS | 50 | the session-features cell's \`topBigrams\` |
    | XGB_EPOCHS, early stopping | 1,200 rounds, 100 | the boosted-trees cell's \`rounds\`, \`earlyStoppingRounds\` |
    | OPER_POLICY "balanced" | t = argmax ½(Acc + Macro-F1) | the evaluate cell's threshold rule \`acc_macro_f1\` |

    Two course settings are left out, and why: the course trains **three seeds** (42, 1337, 2027) and averages their probabilities, and oversamples K = 5 with **SMOTE**. One seeded model keeps this notebook's run short (about 20 seconds on two CPU cores); class imbalance is handled by \`scale_pos_weight\` as in the course's other K.
    `,
  load: `
    ## 2. Load the event log

    One row per event (a page request), sorted by session, time and event id. The columns that matter here:
    **session_id**, **timestamp** (1-second resolution), **current_state** (the page path, e.g. \`/cart/add\`), **next_state** (the next event's path; the last event repeats its own),
    **page_depth** (1, 2, 3, … within the session), and the running counters **search_count** and **cart_item_count**.
    `,
  gaps: `
    ## 3. Gaps and deltas

    Two per-event signals, computed within each session in time order (the course's step 4):

    - **gap_sec**: seconds since the previous event of the session (0 for the first event),
    - **delta_page_depth, delta_search_count, delta_cart_item_count**: how much each running counter grew at this event (the first event keeps its raw value), clipped at 0.

    Both look only at earlier events of the same session, so they can be computed before the split without leaking anything between sessions.
    `,
  eda: `
    ## 4. Explore: sessions, events, labels

    The label belongs to a **session**, not to an event: a session is **complete (1)** when any of its events has \`/logout\` or \`/delete_user\` as its current or next state, and a **drop (0)** otherwise.
    The code cell below builds one row per session (its number of events and its label) so we can count and plot them.
    Look at the label balance: close to half and half, so accuracy is meaningful — but we still report macro-F1, which weighs both classes equally.
    `,
  split: `
    ## 5. Split by session

    The rows we will train on are **(session, K)** pairs: every session appears three times, once per prefix length K = 3, 5, 7, and its three rows share the first three events.
    If rows were split at random, the K = 3 row of a session could land in training while its K = 7 row sits in the test set — the model would be tested on a session it has already seen. That is **leakage**, and it flatters the scores.
    The course split its per-K tables separately (stratified by label), so this did not arise there; with all K in one table we split **whole sessions**: a *group split* on \`session_id\` keeps every event, and so every K row, of a session on one side.

    We split the **event log** before computing features, so the bigram vocabulary below is learned from training sessions only.
    A group split is not stratified by label (the label is not known per event yet), but with about 2,200 sessions the label shares of the parts come out within a few points of each other — check the table.
    Parts: 70% training, 10% validation (for early stopping), 20% test. The course used one 80/20 split and its 20% served for early stopping, threshold choice and the reported scores; keeping validation apart is the cleaner habit.
    `,
  features: `
    ## 6. Labels, prefixes and 88 features

    The **session-features** cell does the course's steps 5 and 6:

    1. **Normalise** states: lowercase, drop a query string (\`?q=…\`) and a trailing \`/\`.
    2. **Label** each session (1 = complete, 0 = drop, as above).
    3. **Prefix-K**: keep the first K events. An event whose state is terminal (\`/logout\`, \`/delete_user\`) is **blanked** — otherwise the answer would be among the inputs — and short sessions are padded to K with empty slots. Features use the real events only.
    4. **Bigram vocabulary**: the 50 most frequent pairs of consecutive states in the **training** sessions (pairs with a terminal state left out). It is *fitted* on \`train_log\` and reused unchanged on the validation and test logs, like a scaler.
    5. **88 features** per (session, K):
       - counts and rates: \`n_events\`, \`session_duration_sec\`, \`events_per_min\`, \`gap_mean\`, \`gap_std\`, \`gap_p95\`;
       - depth: \`page_depth_max\`, \`page_depth_slope\`, \`depth_backtracks\`;
       - search and cart: \`search_delta_sum\`, \`search_rate\`, \`cart_adds\`, \`cart_touch_count\`, \`cart_adds_per_event\`, \`search_to_cart_ratio\` = (searches + 1) / (cart adds + 1);
       - time: \`first_event_hour\`, \`is_weekend\` (UTC), \`time_to_first_search\`, \`time_to_first_cart\` (seconds, −1 if never);
       - sequence: \`last5_has_search/cart/checkout\`, \`bg_0\` … \`bg_49\` (counts of the vocabulary's pairs), \`unique_states\`, \`entropy_state\`,
         \`start_is_*\` and \`last_is_*\` (root, search, products, cart, checkout), \`hit_search/products/cart/checkout\`.

    The output has one row per (session, K) with \`session_id\`, \`K\`, \`label\` and the features; the models also get \`K\` as a feature.
    `,
  spw: `
    ## 7. Class weight: scale_pos_weight

    The course weighs the positive class by **negatives / positives** of the training rows, so both classes pull equally on the trees. The cell below measures it; the training cell's \`scalePosWeight\` holds that measured value (a cell's parameters are fixed numbers, so the value is written in — re-measure it if you change the split).
    `,
  train: `
    ## 8. Gradient-boosted trees

    The course's XGBoost settings: up to **1,200 rounds**, learning rate **0.05**, depth **4**, min child weight **2**, row subsample **0.85**, column subsample **0.8**, λ = **1**, α = **0.1**, \`scale_pos_weight\` = neg/pos.
    **Early stopping**: training stops once the validation log loss has not improved for **100 rounds**, and the best round is kept — so far fewer than 1,200 trees are built. (The course stopped on log loss too; its text mentions macro-F1.)
    Features are binned into 64 histogram bins to keep the run quick; the trees are the workbench's own implementation, not XGBoost, so the numbers will not match the course's to the digit.
    `,
  evaluate: `
    ## 9. Evaluate at a tuned threshold

    A classifier outputs a probability of *complete*; the threshold turns it into 0 or 1. The course's "balanced" policy picks the threshold that maximises **½(accuracy + macro-F1)** (rule \`acc_macro_f1\`), and reports accuracy, macro-F1, the confusion matrix and the classification report, **per K** and overall.
    Like the course, we choose the threshold on the same data we report on, which makes the scores slightly optimistic. Expect the scores to **grow with K**: the more of a session we have seen, the better we can tell where it is heading.

    **What to expect on this data:** macro-F1 around 0.55 at K = 3 rising to about 0.63 at K = 7, and about 0.59 overall. That is modest, and honest: in the simulation, whether a visitor logs out is decided by random moves that mostly come *after* the first few events, so the prefix carries only part of the answer. A score near 0.9 here would point to leakage.
    `,
  charts: `
    ## 10. Charts

    The course draws a 2×2 confusion matrix per K and a bar chart of accuracy and macro-F1 by K. The code cell computes both from the test predictions (at the tuned threshold) and stores the per-K table for the bar chart.
    `,
  logistic: `
    ## 11. The alternative: logistic regression

    The course falls back to logistic regression (balanced class weights) when XGBoost is not installed. It is linear, so it needs **scaled** features (fitted on the training part only) and cannot combine features the way trees do — a useful baseline for what the trees add. \`K\` itself is left unscaled, so the per-K table shows 3, 5, 7.
    `,
  baseline: `
    ## 12. What the 88 features add: an n_events-only baseline

    The simplest signal is how many events the prefix has (\`n_events\`: fewer than K when the session ended early). A logistic regression on that one feature is the **baseline**: the table below puts its ROC AUC and macro-F1 beside the trees' and the full logistic regression's, on the same test rows. The gap between them is what the other 87 features buy — on this data it is small, because whether a session completes is mostly decided by what happens after its first events.
    `,
  perK: `
    ## 13. As the course trains: one model per K, without the leak sessions

    The course trains **one model per K** and saves each K's feature table after filtering (\`sessionDrop.prefix{K}.features.filtered.csv\`). A session whose terminal page (\`/logout\`, \`/delete_user\`) falls **within its first K events** leaks its label: its prefix has fewer than K real events, and a short prefix means "complete". The next cell **lists those leak sessions** per K and part, then removes them and stores the filtered tables \`train_k3\` … \`test_k7\` (download them from the values sidebar). Three boosted-tree models, one per K, train on them with the settings above; the model with K as a feature (section 8) is scored on the same filtered test rows, so the last table compares like with like.
    `,
  inference: `
    ## 14. Inference test on raw sessions

    The course ends by running the K = 7 model on ten hand-pasted rows. Here we take ten sessions of the test part **as raw events** and let the predict cell apply the **fitted** session-features transform (\`session_fe\`, with the training vocabulary) and then the model — exactly what a deployed model would do with new sessions.
    The last cell marks each K = 7 prediction ✓ or ✗ at the tuned threshold.
    `,
  register: `
    ## 15. Register the model — if it is good enough

    A model goes to the registry only when its test macro-F1 reaches **0.55** — clearly above the 0.5 of guessing, which this model passes with about 0.59; otherwise the cell explains why it did not register it, and the run goes on. Raise the bar to 0.65 and run the cell again to see a refusal.
    `,
  registerDescription: 'Session drop: gradient-boosted trees on 88 prefix-K features (K = 3, 5, 7) of the generated shop-sessions log.',
  next: `
    ## What to try

    - Change **ks** in the session-features cell (e.g. [2, 4, 6, 8, 10]): how fast do the scores grow with K?
    - Set **topBigrams** to 0: how much do the bigram counts add?
    - Split the event log with **method random** instead of group: the test rows now share sessions with the training rows. Do the scores rise? That rise is leakage, not skill.
    - Set the evaluate cell's threshold rule to **default** (0.5) and compare macro-F1.
    `,
  titles: {
    load: 'Load the shop session log',
    gaps: 'Gaps and deltas per session',
    edaCode: 'Sessions, events and labels',
    eda: 'Profile of sessions',
    lengthChart: 'Events per session by label',
    split: 'Group split by session (70 / 10 / 20)',
    features: 'Labels, prefix-K and 88 features',
    spw: 'Measure scale_pos_weight',
    train: 'Gradient-boosted trees (course settings)',
    evaluate: 'Test scores at the tuned threshold, per K',
    perK: 'Confusion matrix and metrics per K',
    barChart: 'Accuracy and macro-F1 by K',
    scale: 'Scale features (fitted on train)',
    logistic: 'Logistic regression (balanced)',
    logisticEval: 'Logistic regression on the test part',
    baseline: 'Baseline: logistic regression on n_events only',
    baselineEval: 'The n_events-only baseline on the test part',
    baselineTable: 'Every model beside the baseline',
    leaks: 'Leak sessions per K, listed, then removed (the filtered per-K tables)',
    trainK3: 'Boosted trees for K = 3 only',
    trainK5: 'Boosted trees for K = 5 only',
    trainK7: 'Boosted trees for K = 7 only',
    evalK3: 'The K = 3 model on its filtered test rows',
    evalK5: 'The K = 5 model on its filtered test rows',
    evalK7: 'The K = 7 model on its filtered test rows',
    evalFiltered: 'The K-as-a-feature model on the same filtered test rows',
    perKTable: 'One model per K against K as a feature',
    sample: 'Ten test sessions as raw events',
    predict: 'Featurise and predict the raw sessions',
    check: 'Right or wrong at K = 7',
    register: 'Register if macro-F1 ≥ 0.55',
  },
};

const ko: SessionDropText = {
  title: '세션 이탈: 이 방문은 완료될까?',
  description: '과정의 sessionDrop 노트북: 웹 쇼핑몰 세션의 처음 K개 이벤트로 세션이 완료(로그아웃 또는 계정 삭제)될지 이탈할지 예측합니다.',
  intro: `
    # 세션 이탈: 이 방문은 완료될까?

    웹 쇼핑몰은 방문자가 여는 모든 페이지를 기록합니다. 어떤 세션은 **완료**되고(방문자가 로그아웃하거나 계정을 삭제), 어떤 세션은 그냥 **이탈**합니다(둘 다 하지 않고 떠남).
    세션의 **처음 K개 이벤트**만 보고 어느 쪽인지 알 수 있을까요? 방문이 이탈할 것 같다는 것을 일찍 알면, 방문자가 아직 머무는 동안 대응할 수 있습니다.

    이 노트북은 과정의 *sessionDrop* 노트북을 단계별로 따라갑니다:

    1. 실험을 **설정**하고,
    2. 정제된 이벤트 로그를 **불러와** 이벤트마다 **간격과 증분**을 계산하고,
    3. **탐색**합니다: 세션 수, 이벤트 수, 라벨 비율,
    4. 세션 단위로 학습·검증·테스트 부분으로 **분할**하고,
    5. 각 세션의 처음 K개 이벤트(K = 3, 5, 7)로 **라벨**과 **88개 피처**를 만들고,
    6. 그래디언트 부스팅 트리를 **학습**하고(대안으로 로지스틱 회귀),
    7. 조정한 임계값에서 K별·전체로 **평가**하고 **차트**를 그리고,
    8. 원시 세션으로 **추론 테스트**를 한 뒤 조건부로 **모델을 등록**합니다.

    **데이터는 생성된 것입니다.** 과정의 로그는 트래픽 생성기(익명·로그인 사용자의 유한 상태 기계)가 움직이는 작은 Flask 쇼핑몰에서 나와 Spark 스트림으로 정제되었고, 그 데이터는 공개되어 있지 않습니다.
    함께 제공되는 \`shop-sessions\` 테이블은 시뮬레이션이 만든 것으로, 과정의 상태 기계와 전이 확률을 2,100명의 가상 사용자, 14일 동안 재현합니다(시드 42):
    세션 2,210개, 이벤트 23,386개, 과정과 같은 17개 열. 모델이 찾을 수 있는 패턴(예: 장바구니에 물건을 담은 방문자가 로그아웃할 가능성이 더 높다)은 시뮬레이션이 심어 둔 것입니다.
    생성된 데이터의 점수는 방법이 작동하는지를 알려줄 뿐, 실제 쇼핑몰에서의 점수를 말해 주지는 않습니다.
    `,
  config: `
    ## 1. 설정

    과정은 상수를 한 셀에 모아 둡니다. 여기서는 아래 셀들의 파라미터가 그 역할을 합니다. 바꾸려면 해당 셀을 여세요:

    | 과정 상수 | 값 | 이 노트북에서 |
    |---|---|---|
    | RANDOM_STATE | 42 | 분할 셀과 학습 셀의 \`seed\` |
    | K_LIST | [3, 5, 7] | 세션 피처 셀의 \`ks\` |
    | TERMINALS | {/logout, /delete_user} | 세션 피처 셀의 \`terminals\` |
    | TOPK_BIGRAMS | 50 | 세션 피처 셀의 \`topBigrams\` |
    | XGB_EPOCHS, 조기 종료 | 1,200 라운드, 100 | 부스팅 트리 셀의 \`rounds\`, \`earlyStoppingRounds\` |
    | OPER_POLICY "balanced" | t = argmax ½(Acc + Macro-F1) | 평가 셀의 임계값 규칙 \`acc_macro_f1\` |

    과정의 두 설정은 빼고, 그 이유는 이렇습니다: 과정은 **세 시드**(42, 1337, 2027)로 학습해 확률을 평균하고, K = 5에서 **SMOTE**로 오버샘플링합니다. 시드를 하나만 쓰면 이 노트북의 실행이 짧아지고(CPU 코어 2개에서 약 20초), 클래스 불균형은 과정의 다른 K처럼 \`scale_pos_weight\`로 다룹니다.
    `,
  load: `
    ## 2. 이벤트 로그 불러오기

    이벤트(페이지 요청) 하나가 한 행이며, 세션·시간·이벤트 id 순으로 정렬되어 있습니다. 여기서 중요한 열은 다음과 같습니다:
    **session_id**, **timestamp**(1초 단위), **current_state**(페이지 경로, 예: \`/cart/add\`), **next_state**(다음 이벤트의 경로, 마지막 이벤트는 자기 경로를 반복),
    **page_depth**(세션 안에서 1, 2, 3, …), 누적 카운터 **search_count**와 **cart_item_count**.
    `,
  gaps: `
    ## 3. 간격과 증분

    세션 안에서 시간 순서대로 계산하는 이벤트별 신호 두 가지입니다(과정의 4단계):

    - **gap_sec**: 같은 세션의 이전 이벤트로부터 지난 초(첫 이벤트는 0),
    - **delta_page_depth, delta_search_count, delta_cart_item_count**: 이 이벤트에서 각 누적 카운터가 늘어난 양(첫 이벤트는 원래 값), 0 미만은 0으로 자름.

    둘 다 같은 세션의 이전 이벤트만 보므로, 분할 전에 계산해도 세션 사이에 정보가 새지 않습니다.
    `,
  eda: `
    ## 4. 탐색: 세션, 이벤트, 라벨

    라벨은 이벤트가 아니라 **세션**에 붙습니다. 세션의 어떤 이벤트라도 현재 상태나 다음 상태가 \`/logout\` 또는 \`/delete_user\`이면 **완료(1)**, 아니면 **이탈(0)**입니다.
    아래 코드 셀은 세션마다 한 행(이벤트 수와 라벨)을 만들어 세고 그릴 수 있게 합니다.
    라벨 비율을 보세요. 거의 반반이므로 정확도가 의미가 있지만, 두 클래스를 똑같이 다루는 macro-F1도 함께 봅니다.
    `,
  split: `
    ## 5. 세션 단위로 분할

    학습할 행은 **(세션, K)** 쌍입니다. 모든 세션이 접두 길이 K = 3, 5, 7마다 한 번씩, 세 번 나오고, 그 세 행은 처음 세 이벤트를 공유합니다.
    행을 무작위로 나누면 어떤 세션의 K = 3 행은 학습에, K = 7 행은 테스트에 들어갈 수 있습니다. 모델이 이미 본 세션으로 시험을 보는 셈입니다. 이것이 **누수**이며 점수를 부풀립니다.
    과정은 K별 테이블을 따로(라벨로 층화해) 나눴기 때문에 이런 문제가 없었습니다. 모든 K를 한 테이블에 담는 여기서는 **세션 전체**를 나눕니다. \`session_id\`에 대한 *그룹 분할*은 한 세션의 모든 이벤트, 따라서 모든 K 행을 한쪽에 둡니다.

    피처를 계산하기 전에 **이벤트 로그**를 나누므로, 아래의 바이그램 사전은 학습 세션만으로 배웁니다.
    그룹 분할은 라벨로 층화하지 않지만(이벤트마다 라벨을 아직 모름), 세션이 약 2,200개라 각 부분의 라벨 비율은 몇 %p 안으로 비슷하게 나옵니다. 표에서 확인하세요.
    비율: 학습 70%, 검증 10%(조기 종료용), 테스트 20%. 과정은 80/20 분할 하나를 쓰고 그 20%로 조기 종료, 임계값 선택, 보고 점수를 모두 했습니다. 검증 부분을 따로 두는 편이 더 깔끔한 습관입니다.
    `,
  features: `
    ## 6. 라벨, 접두(prefix-K), 88개 피처

    **세션 피처** 셀이 과정의 5·6단계를 수행합니다:

    1. 상태를 **정규화**합니다: 소문자로 바꾸고, 쿼리 문자열(\`?q=…\`)과 끝의 \`/\`를 뗍니다.
    2. 세션마다 **라벨**을 붙입니다(위와 같이 1 = 완료, 0 = 이탈).
    3. **Prefix-K**: 처음 K개 이벤트를 남깁니다. 상태가 종료 상태(\`/logout\`, \`/delete_user\`)인 이벤트는 **비웁니다**. 그러지 않으면 정답이 입력에 들어가기 때문입니다. 짧은 세션은 빈 칸으로 K까지 채웁니다. 피처는 실제 이벤트만으로 계산합니다.
    4. **바이그램 사전**: **학습** 세션에서 가장 자주 나오는 연속 상태 쌍 50개(종료 상태가 낀 쌍은 제외). \`train_log\`에 *적합*하고 검증·테스트 로그에는 스케일러처럼 그대로 다시 씁니다.
    5. (세션, K)마다 **88개 피처**:
       - 개수와 비율: \`n_events\`, \`session_duration_sec\`, \`events_per_min\`, \`gap_mean\`, \`gap_std\`, \`gap_p95\`;
       - 깊이: \`page_depth_max\`, \`page_depth_slope\`, \`depth_backtracks\`;
       - 검색과 장바구니: \`search_delta_sum\`, \`search_rate\`, \`cart_adds\`, \`cart_touch_count\`, \`cart_adds_per_event\`, \`search_to_cart_ratio\` = (검색 + 1) / (장바구니 담기 + 1);
       - 시간: \`first_event_hour\`, \`is_weekend\`(UTC), \`time_to_first_search\`, \`time_to_first_cart\`(초, 없으면 −1);
       - 순서: \`last5_has_search/cart/checkout\`, \`bg_0\` … \`bg_49\`(사전의 쌍이 나온 횟수), \`unique_states\`, \`entropy_state\`,
         \`start_is_*\`와 \`last_is_*\`(root, search, products, cart, checkout), \`hit_search/products/cart/checkout\`.

    출력은 (세션, K)마다 한 행이며 \`session_id\`, \`K\`, \`label\`과 피처를 담습니다. 모델은 \`K\`도 피처로 받습니다.
    `,
  spw: `
    ## 7. 클래스 가중치: scale_pos_weight

    과정은 양성 클래스에 학습 행의 **음성 수 / 양성 수**만큼 가중치를 주어, 두 클래스가 트리에 같은 힘으로 작용하게 합니다. 아래 셀이 그 값을 재고, 학습 셀의 \`scalePosWeight\`에는 잰 값이 들어 있습니다(셀의 파라미터는 고정된 숫자이므로 값을 적어 두었습니다. 분할을 바꾸면 다시 재세요).
    `,
  train: `
    ## 8. 그래디언트 부스팅 트리

    과정의 XGBoost 설정: 최대 **1,200 라운드**, 학습률 **0.05**, 깊이 **4**, min child weight **2**, 행 샘플링 **0.85**, 열 샘플링 **0.8**, λ = **1**, α = **0.1**, \`scale_pos_weight\` = 음성/양성.
    **조기 종료**: 검증 로그 손실이 **100 라운드** 동안 나아지지 않으면 학습을 멈추고 가장 좋은 라운드를 남깁니다. 그래서 실제로는 1,200개보다 훨씬 적은 트리를 만듭니다(과정도 로그 손실로 멈췄고, 본문은 macro-F1을 언급합니다).
    실행을 빠르게 하려고 피처를 히스토그램 구간 64개로 나눕니다. 트리는 XGBoost가 아니라 워크벤치 자체 구현이라, 숫자가 과정과 자릿수까지 같지는 않습니다.
    `,
  evaluate: `
    ## 9. 조정한 임계값에서 평가

    분류기는 *완료* 확률을 내고, 임계값이 그것을 0 또는 1로 바꿉니다. 과정의 "balanced" 정책은 **½(정확도 + macro-F1)**을 최대로 하는 임계값(규칙 \`acc_macro_f1\`)을 고르고, 정확도, macro-F1, 혼동 행렬, 분류 리포트를 **K별**과 전체로 보고합니다.
    과정처럼 보고하는 데이터에서 임계값을 고르므로 점수가 약간 낙관적입니다. 점수는 **K가 커질수록 높아질** 것으로 기대합니다. 세션을 더 많이 볼수록 어디로 향하는지 더 잘 알 수 있으니까요.

    **이 데이터에서 기대할 수 있는 값:** macro-F1은 K = 3에서 약 0.55, K = 7에서 약 0.63까지 오르고, 전체로는 약 0.59입니다. 높지 않지만 정직한 값입니다. 시뮬레이션에서 방문자의 로그아웃 여부는 대부분 처음 몇 이벤트 *이후*의 무작위 이동으로 정해지므로, 접두에는 답의 일부만 담겨 있습니다. 여기서 0.9에 가까운 점수가 나온다면 누수를 의심해야 합니다.
    `,
  charts: `
    ## 10. 차트

    과정은 K마다 2×2 혼동 행렬과, K별 정확도와 macro-F1 막대 그래프를 그립니다. 코드 셀이 (조정한 임계값의) 테스트 예측으로 둘 다 계산하고, 막대 그래프용 K별 표를 저장합니다.
    `,
  logistic: `
    ## 11. 대안: 로지스틱 회귀

    과정은 XGBoost가 설치되어 있지 않으면 로지스틱 회귀(balanced 클래스 가중치)로 대신합니다. 선형 모델이라 피처를 **스케일링**해야 하고(학습 부분으로만 적합), 트리처럼 피처를 조합하지 못합니다. 트리가 무엇을 더하는지 보여 주는 좋은 기준선입니다. \`K\`는 스케일링하지 않아 K별 표에 3, 5, 7이 그대로 보입니다.
    `,
  baseline: `
    ## 12. 88개 피처가 더하는 것: n_events만 쓰는 기준선

    가장 단순한 신호는 접두부의 이벤트 수입니다(\`n_events\`: 세션이 일찍 끝나면 K보다 적음). 이 피처 하나로 학습한 로지스틱 회귀가 **기준선**입니다. 아래 표는 같은 테스트 행에서 기준선의 ROC AUC와 macro-F1을 트리, 전체 로지스틱 회귀와 나란히 보여 줍니다. 그 차이가 나머지 87개 피처의 몫입니다. 이 데이터에서는 차이가 작습니다. 세션의 완료 여부는 대부분 첫 이벤트들 이후에 정해지기 때문입니다.
    `,
  perK: `
    ## 13. 강의처럼: K마다 모델 하나, 누수 세션 없이

    강의는 **K마다 모델을 하나씩** 학습하고, 각 K의 피처 표를 거른 뒤 저장합니다(\`sessionDrop.prefix{K}.features.filtered.csv\`). 종료 페이지(\`/logout\`, \`/delete_user\`)가 **처음 K개 이벤트 안에** 있는 세션은 라벨이 샙니다. 접두부의 실제 이벤트가 K보다 적고, 짧은 접두부는 곧 "완료"를 뜻하기 때문입니다. 다음 셀은 K와 부분별로 그 **누수 세션을 나열한** 뒤 제거하고, 걸러 낸 표 \`train_k3\` … \`test_k7\`을 저장합니다(값 사이드바에서 내려받으세요). 위와 같은 설정의 부스팅 트리 세 개가 K마다 하나씩 학습합니다. K를 피처로 쓰는 모델(8절)도 같은 걸러 낸 테스트 행으로 평가하므로 마지막 표는 같은 조건에서 비교합니다.
    `,
  inference: `
    ## 14. 원시 세션으로 추론 테스트

    과정은 K = 7 모델을 손으로 붙여 넣은 열 행에 돌려 보며 끝납니다. 여기서는 테스트 부분의 세션 열 개를 **원시 이벤트 그대로** 가져와, 예측 셀이 **적합된** 세션 피처 변환(\`session_fe\`, 학습 사전 포함)과 모델을 차례로 적용하게 합니다. 배포된 모델이 새 세션에 하는 일 그대로입니다.
    마지막 셀은 조정한 임계값에서 K = 7 예측마다 ✓ 또는 ✗를 표시합니다.
    `,
  register: `
    ## 15. 충분히 좋으면 모델 등록

    테스트 macro-F1이 **0.55** 이상일 때만 모델을 레지스트리에 올립니다. 찍기(0.5)보다 분명히 나은 수준이며, 이 모델은 약 0.59로 통과합니다. 그렇지 않으면 셀이 등록하지 않은 이유를 설명하고 실행은 계속됩니다. 기준을 0.65로 올리고 셀을 다시 실행해 거절되는 모습을 보세요.
    `,
  registerDescription: '세션 이탈: 생성된 shop-sessions 로그의 prefix-K 피처 88개(K = 3, 5, 7)로 학습한 그래디언트 부스팅 트리.',
  next: `
    ## 더 해 볼 것

    - 세션 피처 셀의 **ks**를 바꿔 보세요(예: [2, 4, 6, 8, 10]). K에 따라 점수가 얼마나 빨리 오르나요?
    - **topBigrams**를 0으로 두면 바이그램 개수가 얼마나 기여하는지 보입니다.
    - 이벤트 로그를 group 대신 **method random**으로 나눠 보세요. 이제 테스트 행이 학습 행과 세션을 공유합니다. 점수가 오르나요? 그 상승은 실력이 아니라 누수입니다.
    - 평가 셀의 임계값 규칙을 **default**(0.5)로 바꾸고 macro-F1을 비교해 보세요.
    `,
  titles: {
    load: '쇼핑몰 세션 로그 불러오기',
    gaps: '세션별 간격과 증분',
    edaCode: '세션, 이벤트, 라벨',
    eda: '세션 프로파일',
    lengthChart: '라벨별 세션당 이벤트 수',
    split: '세션 단위 그룹 분할 (70 / 10 / 20)',
    features: '라벨, prefix-K, 88개 피처',
    spw: 'scale_pos_weight 재기',
    train: '그래디언트 부스팅 트리 (과정 설정)',
    evaluate: '조정한 임계값에서의 테스트 점수, K별',
    perK: 'K별 혼동 행렬과 지표',
    barChart: 'K별 정확도와 macro-F1',
    scale: '피처 스케일링 (학습 부분으로 적합)',
    logistic: '로지스틱 회귀 (balanced)',
    logisticEval: '테스트 부분에서의 로지스틱 회귀',
    baseline: '기준선: n_events만 쓰는 로지스틱 회귀',
    baselineEval: '테스트 부분에서의 n_events 기준선',
    baselineTable: '기준선과 모든 모델 비교',
    leaks: 'K별 누수 세션 목록과 제거 (걸러 낸 K별 표)',
    trainK3: 'K = 3 전용 부스팅 트리',
    trainK5: 'K = 5 전용 부스팅 트리',
    trainK7: 'K = 7 전용 부스팅 트리',
    evalK3: '걸러 낸 테스트 행에서 K = 3 모델',
    evalK5: '걸러 낸 테스트 행에서 K = 5 모델',
    evalK7: '걸러 낸 테스트 행에서 K = 7 모델',
    evalFiltered: '같은 걸러 낸 테스트 행에서 K를 피처로 쓰는 모델',
    perKTable: 'K별 모델 대 K를 피처로 쓰는 모델',
    sample: '원시 이벤트로 된 테스트 세션 열 개',
    predict: '원시 세션을 피처로 바꿔 예측',
    check: 'K = 7에서 맞았나 틀렸나',
    register: 'macro-F1 ≥ 0.55이면 등록',
  },
};

export function sessionDropText(lang: Lang): SessionDropText {
  return lang === 'ko' ? ko : en;
}
