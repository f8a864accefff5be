// "Next state": the course's next_state notebook (COURSE.md §3) on the
// generated web-shop log. From the pages a visitor has opened so far, predict
// the page they open next — a many-to-many LSTM over each session's states.
// One structure, two languages (text(lang) picks the English or Korean copy).
import { NotebookBuilder } from './builder.ts';
import { text, type Lang } from './i18n.ts';
import { FINAL_PARAMS_PY, MARKOV_PY, PAIRS_PY, SAMPLE_SESSION_PY, SUMMARY_PY, VALIDATION_SESSIONS_PY, lengthsPy, vocabularyPy } from './next-state-python.ts';

/** The course's SEED and VAL_FRAC. */
export const NEXT_STATE_SEED = 17;
export const NEXT_STATE_VAL = 0.2;
/** Sessions shorter than this are dropped (the course's older notebook; the newer keeps ≥ 2). */
export const MIN_SESSION_EVENTS = 3;
/** Per-step numeric inputs (the course's `tab` features). */
export const STEP_FEATURES = ['cart_item_count', 'page_depth', 'last_action_elapsed', 'search_count'];
/** The course's `pair` input: prev1 and prev2 as state numbers (ordinal codes of the sorted values, <PAD> included). */
export const PAIR_FEATURES = ['prev1_code', 'prev2_code'];
/** The 17 states, for the one-hot columns of the tabular view (step 6). */
export const STATES = ['/', '/add_review', '/add_user', '/cart/add', '/cart/remove', '/cart/view', '/categories', '/category', '/checkout', '/checkout_history', '/delete_user', '/error', '/login', '/logout', '/product', '/products', '/search'];
const onehots = (col: string, states: readonly string[]) => states.map((s) => `${col}_${s}`);
/** /logout and /delete_user end a session: they are never the current (or a previous) state of a step with a next page. */
const INNER = STATES.filter((s) => s !== '/logout' && s !== '/delete_user');
export const TABULAR_FEATURES = [
  ...onehots('current_state', INNER), ...onehots('prev1', ['<PAD>', ...INNER]), ...onehots('prev2', ['<PAD>', ...INNER]), ...STEP_FEATURES,
];

export function nextState(lang: Lang = 'en') {
  const t = text(lang);
  return new NotebookBuilder(t('Next state: which page comes next?', '다음 상태 예측: 다음에 열 페이지는?'), {
    authors: [{ name: 'ML Workbench' }],
    description: t(
      'The course\'s next_state notebook: an LSTM with state embeddings predicts the next page of every step of a web-shop session.',
      '강의의 next_state 노트북: 상태 임베딩을 쓰는 LSTM이 웹숍 세션의 매 단계마다 다음 페이지를 예측합니다.',
    ),
    ...(lang === 'ko' ? { language: 'ko' } : {}),
  })
    .md(t(`
    # Next state: which page comes next?

    Every event of a web-shop session is a page (a *state*: \`/products\`, \`/cart/add\`, …). Knowing which page a visitor will most likely open **next** lets a shop prefetch it, or show the right shortcut.
    This notebook follows the course's *next_state* notebook:

    1. **load** the event log, look at session lengths and drop very short sessions,
    2. build the **state vocabulary** (PAD = 0, UNK = 1) and the **previous states** prev1/prev2,
    3. **split by session** (80/20, seed 17) so no session is on both sides,
    4. the **tabular view** (one row per step: X = current and previous states + 4 numbers, y = next state),
    5. **padded sequences** (one per session) and an **LSTM with state embeddings** that predicts the next state at every step,
    6. **class weights** (inverse frequency, clipped at 1.5), **early stopping** with the best checkpoint, **AdamW**, a **plateau** learning-rate schedule and **gradient clipping**,
    7. **tuning** with TPE, a **final retrain** with the best params, and the **per-class report**, **confusion matrix**, **top-1 / top-3 / macro-F1**,
    8. **inference** on one session.

    **The data is generated.** The course's log came from a small Flask shop driven by a traffic generator (a finite-state machine of anonymous and logged-in users); that data is not public.
    The bundled \`shop-sessions\` table is made by a simulation that replays the course's state machine and transition probabilities for 2,100 simulated users over 14 days (seed 42): 2,210 sessions, 23,386 events, 17 states.
    The next page is drawn at random from the generator's transition table, given the current page (and the user's login state), so **no model can be right every time**: the best possible top-1 accuracy is the share of the most likely next page for each page — a ceiling, not a bug.

    **Run time.** The course trains for up to 50 epochs and tunes 10 trials × 1 epoch; here every training is cut to a few epochs and the tuning to 5 trials × 1 epoch so the whole notebook ran in about two and a half minutes headless on two busy CPU cores. Raise \`epochs\` in the train cells (and \`trials\` in the tune cell) for better scores.
    `, `
    # 다음 상태 예측: 다음에 열 페이지는?

    웹숍 세션의 각 이벤트는 하나의 페이지(*상태*: \`/products\`, \`/cart/add\` 등)입니다. 방문자가 **다음에** 열 가능성이 가장 높은 페이지를 알면 미리 불러오거나 알맞은 바로가기를 보여 줄 수 있습니다.
    이 노트북은 강의의 *next_state* 노트북을 따라갑니다.

    1. 이벤트 로그를 **불러와** 세션 길이를 보고 아주 짧은 세션을 걸러 냅니다.
    2. **상태 어휘**(PAD = 0, UNK = 1)와 **이전 상태** prev1/prev2를 만듭니다.
    3. **세션 단위로 분할**합니다(80/20, 시드 17). 한 세션이 양쪽에 걸치지 않게 합니다.
    4. **표 형태**(단계마다 한 행: X = 현재·이전 상태 + 숫자 4개, y = 다음 상태)를 만듭니다.
    5. 세션마다 하나의 **패딩된 시퀀스**를 만들고, 매 단계의 다음 상태를 예측하는 **상태 임베딩 LSTM**을 학습합니다.
    6. **클래스 가중치**(빈도의 역수, 1.5로 상한), 최적 체크포인트를 복원하는 **조기 종료**, **AdamW**, **plateau** 학습률 스케줄, **그래디언트 클리핑**을 씁니다.
    7. TPE로 **튜닝**하고 최적 파라미터로 **최종 재학습**한 뒤, **클래스별 리포트**, **혼동 행렬**, **top-1 / top-3 / macro-F1**을 봅니다.
    8. 한 세션으로 **추론**합니다.

    **데이터는 생성된 것입니다.** 강의의 로그는 트래픽 생성기(익명·로그인 사용자의 유한 상태 기계)가 움직이는 작은 Flask 쇼핑몰에서 나왔고, 공개되어 있지 않습니다.
    함께 제공되는 \`shop-sessions\` 표는 시뮬레이션이 강의의 상태 기계와 전이 확률을 가상 사용자 2,100명, 14일 동안 재현해 만든 것입니다(시드 42): 세션 2,210개, 이벤트 23,386개, 상태 17가지.
    다음 페이지는 현재 페이지(와 로그인 상태)가 주어졌을 때 생성기의 전이 표에서 무작위로 뽑히므로 **어떤 모델도 항상 맞힐 수는 없습니다**. 가능한 최고 top-1 정확도는 각 페이지에서 가장 흔한 다음 페이지의 비율입니다. 버그가 아니라 천장입니다.

    **실행 시간.** 강의는 최대 50 에폭을 학습하고 10회 × 1 에폭을 튜닝합니다. 여기서는 학습마다 에폭을 몇 번으로, 튜닝을 5회 × 1 에폭으로 줄여서 노트북 전체가 바쁜 CPU 코어 두 개로 헤드리스에서 약 2분 반 걸렸습니다. 점수를 높이려면 train 셀의 \`epochs\`(와 tune 셀의 \`trials\`)를 늘리세요.
    `))
    .md(t(`
    ## 1. Load the log

    One row per event, sorted by session and time. We use **session_id**, **current_state**, **next_state** (the next event's page; the last event repeats its own), **page_depth** (1, 2, 3, … in the session) and the numbers **cart_item_count**, **search_count** and **last_action_elapsed** (seconds since the previous event).
    `, `
    ## 1. 로그 불러오기

    이벤트마다 한 행이고 세션과 시간 순으로 정렬되어 있습니다. **session_id**, **current_state**, **next_state**(다음 이벤트의 페이지, 마지막 이벤트는 자기 페이지를 반복), **page_depth**(세션 안에서 1, 2, 3, …)와 숫자 열 **cart_item_count**, **search_count**, **last_action_elapsed**(이전 이벤트 이후 초)를 씁니다.
    `))
    .cell('load', { source: { type: 'dataset', name: 'shop-sessions' }, output: 'log' }, t('Load the shop log', '쇼핑몰 로그 불러오기'))
    .md(t(`
    ## 2. Session statistics and the short-session filter

    A session's last event has no real next page (its next_state repeats itself), so a session of **n** events gives **n − 1** training targets. A one-event session gives none; the course's older notebook also drops two-event sessions, which give one target and no history. We keep sessions with at least **${MIN_SESSION_EVENTS}** events and add each session's length as \`n_events\`.
    `, `
    ## 2. 세션 통계와 짧은 세션 거르기

    세션의 마지막 이벤트에는 진짜 다음 페이지가 없습니다(next_state가 자기 자신). 그래서 이벤트 **n**개짜리 세션은 학습 목표를 **n − 1**개 줍니다. 이벤트 1개짜리 세션은 목표가 없고, 강의의 이전 노트북은 목표가 하나뿐이고 이력이 없는 2개짜리 세션도 버립니다. 이벤트가 **${MIN_SESSION_EVENTS}**개 이상인 세션만 남기고, 세션 길이를 \`n_events\` 열로 붙입니다.
    `))
    .code(`
// The course's required columns: stop with a clear message if the log lacks one.
const required = ['session_id', 'current_state', 'next_state', 'page_depth', ${STEP_FEATURES.map((f) => `'${f}'`).join(', ')}];
const missing = required.filter((c) => !log.columnNames().includes(c));
if (missing.length) throw new Error(\`The log lacks the required column(s) \${missing.join(', ')}; it has \${log.columnNames().join(', ')}.\`);
display(\`All \${required.length} required columns are present: \${required.join(', ')}.\`);
// Events per session, the length distribution, and the sessions we keep.
const lengths = log.groupby('session_id').count({ as: 'n_events' });
const n = lengths.array('n_events').slice().sort((a, b) => a - b);
const q = (p) => n[Math.min(n.length - 1, Math.floor(p * n.length))];
const kept = lengths.filter((d) => d.n_events >= ${MIN_SESSION_EVENTS});
const events = log.join(kept, 'session_id');
set('session_lengths', lengths);
set('events', events);
display(\`\${log.numRows()} events in \${lengths.numRows()} sessions; events per session: min \${n[0]}, median \${q(0.5)}, 90th percentile \${q(0.9)}, max \${n[n.length - 1]}.\`);
display(\`Kept \${kept.numRows()} sessions with ≥ ${MIN_SESSION_EVENTS} events (\${events.numRows()} events); dropped \${lengths.numRows() - kept.numRows()} short sessions.\`);
return lengths.groupby('n_events').count({ as: 'sessions' }).orderby('n_events');
`, t('Session lengths and the filter', '세션 길이와 필터'), lengthsPy(STEP_FEATURES, MIN_SESSION_EVENTS))
    .cell('visualize', { input: 'session_lengths', chart: 'histogram', x: 'n_events', bins: 40, title: t('Events per session', '세션당 이벤트 수') }, t('Events per session', '세션당 이벤트 수'))
    .md(t(`
    ## 3. State vocabulary (state_mapping.json)

    A model reads numbers, so every state gets an index: **0 = \`<PAD>\`** (the filler after a short sequence ends), **1 = \`<UNK>\`** (a state never seen in training), then the states in sorted order. The sequences cell below builds exactly this mapping from the training sessions; this cell shows it as the course's \`state_mapping.json\` (copy it from the JSON output to save it). It also shows how often each page is the **next** page: the majority class rate is the score of a model that always answers the most common page.
    `, `
    ## 3. 상태 어휘 (state_mapping.json)

    모델은 숫자를 읽으므로 상태마다 번호를 붙입니다. **0 = \`<PAD>\`**(짧은 시퀀스 뒤를 채우는 값), **1 = \`<UNK>\`**(학습 때 보지 못한 상태), 그다음은 정렬된 상태 순서입니다. 아래 sequences 셀이 학습 세션에서 정확히 이 매핑을 만듭니다. 이 셀은 그것을 강의의 \`state_mapping.json\`으로 보여 줍니다(JSON 출력을 복사해 저장하세요). 각 페이지가 **다음** 페이지로 얼마나 자주 나오는지도 보여 줍니다. 가장 흔한 클래스의 비율은 늘 가장 흔한 페이지를 답하는 모델의 점수입니다.
    `))
    .code(`
// PAD 0, UNK 1, then the sorted states: the course's state_mapping.json.
const states = [...new Set(events.array('current_state').concat(events.array('next_state')))].sort();
const vocab = ['<PAD>', '<UNK>', ...states];
const state_mapping = Object.fromEntries(vocab.map((s, i) => [s, i]));
set('state_mapping', state_mapping);
display({ 'state_mapping.json': state_mapping });
// Targets: the next page of every event but each session's last.
const targets = events.filter((d) => d.page_depth < d.n_events);
const counts = targets.groupby('next_state').count({ as: 'count' }).derive({ share: (d) => d.count / op.sum(d.count) }).orderby(aq.desc('count'));
display(\`\${vocab.length} entries (\${states.length} states + PAD + UNK). The most common next page, \${counts.get('next_state', 0)}, is \${(100 * counts.get('share', 0)).toFixed(1)}% of the targets: the majority-class rate.\`);
return counts;
`, t('Vocabulary and next-page shares', '어휘와 다음 페이지 비율'), vocabularyPy())
    .md(t(`
    ## 4. Previous states prev1 and prev2

    The course gives its model the **two previous states** as an extra input (prev1 = one step back, prev2 = two steps back; pandas \`shift(1)\`, \`shift(2)\` within the session). At the start of a session there is no previous state: it is filled with \`<PAD>\`. The lag step works inside each session in page_depth order, so nothing leaks between sessions.
    For the LSTM the pair is also kept as **numbers** (\`prev1_code\`, \`prev2_code\`: each value's position among the sorted values seen, \`<PAD>\` included — state numbers like the course's vocabulary indices), since the course feeds the pair to its model through a linear layer; the text columns stay for the one-hot tabular view.
    `, `
    ## 4. 이전 상태 prev1, prev2

    강의는 **이전 두 상태**를 추가 입력으로 줍니다(prev1 = 한 단계 전, prev2 = 두 단계 전; 세션 안에서 pandas \`shift(1)\`, \`shift(2)\`). 세션이 시작할 때는 이전 상태가 없으므로 \`<PAD>\`로 채웁니다. lag 단계는 세션마다 page_depth 순서로 계산하므로 세션 사이에 값이 새지 않습니다.
    LSTM을 위해 이 쌍을 **숫자**로도 둡니다(\`prev1_code\`, \`prev2_code\`: 정렬한 값 목록(\`<PAD>\` 포함)에서의 위치, 강의의 어휘 번호 같은 상태 번호). 강의는 이 쌍을 선형층을 거쳐 모델에 넣기 때문입니다. 텍스트 열은 원-핫 표 형태를 위해 남겨 둡니다.
    `))
    .cell('transform', {
      input: 'events', output: 'events_prev', transform: 'prev_states',
      steps: [
        { op: 'lag', column: 'current_state', periods: [1, 2], by: 'session_id', orderBy: 'page_depth' },
        { op: 'impute', columns: ['current_state_lag1', 'current_state_lag2'], strategy: 'constant', value: '<PAD>' },
        { op: 'rename', from: 'current_state_lag1', to: 'prev1' },
        { op: 'rename', from: 'current_state_lag2', to: 'prev2' },
        // The course's pair input (prev2, prev1) as numbers for the LSTM; prev1/prev2 stay text for the one-hot tabular view.
        { op: 'derive', name: 'prev1_code', expr: 'd => d.prev1' },
        { op: 'derive', name: 'prev2_code', expr: 'd => d.prev2' },
        { op: 'ordinal', columns: PAIR_FEATURES },
      ],
    }, t('prev1 / prev2 per session', '세션별 prev1 / prev2'))
    .code(`
// The course's observed_prev_pairs.npy: every (prev2, prev1) pair that occurs, with its count, and a sample of the steps.
const pairs = events_prev.groupby('prev2', 'prev1').count({ as: 'steps' }).orderby(aq.desc('steps'));
set('observed_prev_pairs', pairs);
display(\`\${pairs.numRows()} distinct (prev2, prev1) pairs observed.\`);
display(events_prev.select('session_id', 'page_depth', 'prev2', 'prev1', 'current_state', 'next_state').slice(0, 12));
return pairs;
`, t('Observed (prev2, prev1) pairs and a sample', '관찰된 (prev2, prev1) 쌍과 예시'), PAIRS_PY)
    .md(t(`
    ## 5. Split by session (train_val_sessions.json)

    Steps of one session are strongly related, so a random split by row would put the same session on both sides and flatter the score. The **group split** sends whole sessions: **80% to training, 20% to validation**, seed **${NEXT_STATE_SEED}** (the course's SEED and VAL_FRAC). The next cell lists the validation sessions as the course's \`train_val_sessions.json\`.
    `, `
    ## 5. 세션 단위 분할 (train_val_sessions.json)

    한 세션의 단계들은 서로 강하게 얽혀 있어서, 행 단위로 무작위 분할하면 같은 세션이 양쪽에 들어가 점수가 부풀려집니다. **그룹 분할**은 세션을 통째로 보냅니다: **학습 80%, 검증 20%**, 시드 **${NEXT_STATE_SEED}**(강의의 SEED와 VAL_FRAC). 다음 셀은 검증 세션 목록을 강의의 \`train_val_sessions.json\`으로 보여 줍니다.
    `))
    .cell('split', {
      input: 'events_prev', method: 'group', group: 'session_id', train: 1 - NEXT_STATE_VAL, validation: NEXT_STATE_VAL, test: 0, seed: NEXT_STATE_SEED,
      outputs: { train: 'train_log', validation: 'valid_log' },
    }, t('Group split by session (80/20, seed 17)', '세션 그룹 분할 (80/20, 시드 17)'))
    .code(`
// The course's train_val_sessions.json: which sessions are in each part.
const train_sessions = [...new Set(train_log.array('session_id'))];
const val_sessions = [...new Set(valid_log.array('session_id'))];
display(\`\${train_sessions.length} training sessions, \${val_sessions.length} validation sessions; none in both: \${!val_sessions.some((s) => new Set(train_sessions).has(s))}.\`);
return { 'train_val_sessions.json': { train: train_sessions.length, val_sessions } };
`, t('Validation sessions', '검증 세션 목록'), VALIDATION_SESSIONS_PY)
    .md(t(`
    ## 6. The tabular view: X and y

    The course also saves a flat table: one row per step that has a next page (each session's last event is only a target), with **X** = current state, prev1, prev2 (one-hot: one 0/1 column per state) and the four numbers, and **y** = next_state. These are \`train_tab\` and \`valid_tab\` — preview them here and download them from the values sidebar (CSV), e.g. to try a model without memory (an MLP or gradient-boosted trees) on the same steps. The LSTM below reads the sequences of step 7 instead.
    The four numbers are standardised with statistics of the training part only.
    `, `
    ## 6. 표 형태: X와 y

    강의는 평평한 표도 저장합니다. 다음 페이지가 있는 단계마다 한 행(세션의 마지막 이벤트는 목표로만 쓰임)이고, **X** = 현재 상태, prev1, prev2(원-핫: 상태마다 0/1 열 하나)와 숫자 네 개, **y** = next_state입니다. \`train_tab\`과 \`valid_tab\`이 그것입니다. 여기서 미리 보고, 값 사이드바에서 CSV로 내려받으세요. 같은 단계들로 기억이 없는 모델(MLP나 그래디언트 부스팅 트리)을 시험해 볼 때 쓸 수 있습니다. 아래 LSTM은 대신 7단계의 시퀀스를 읽습니다.
    숫자 네 개는 학습 부분의 통계로만 표준화합니다.
    `))
    .cell('transform', {
      input: 'train_log', output: 'train_tab', transform: 'tabular',
      steps: [
        { op: 'filter', expr: 'd => d.page_depth < d.n_events' },
        { op: 'onehot', columns: ['current_state', 'prev1', 'prev2'] },
        { op: 'scale', columns: STEP_FEATURES, method: 'standard' },
        { op: 'select', columns: [...TABULAR_FEATURES, 'next_state'] },
      ],
      applyTo: [{ input: 'valid_log', output: 'valid_tab' }],
    }, t('X / y tables (train_tab, valid_tab)', 'X / y 표 (train_tab, valid_tab)'))
    .md(t(`
    ## 7. Padded sequences

    The LSTM reads a whole session at once. The **sequences** cell turns each session into one sequence (sorted by page_depth): at step *t* the input is the state index of event *t*, its four numbers and the pair (prev1, prev2) as numbers (all standardised on the training sessions), and the target is the state of event *t + 1*.
    Sessions have different lengths, so shorter ones are **padded** with PAD (index 0) up to the longest; padded steps are ignored by the loss and by every metric. Sessions longer than 24 events keep their last 24 (about one in ten).
    The vocabulary table it shows is the mapping above, fitted on the training sessions only: a state that appears only in validation would become UNK.

    *The pair input, as in the course:* the course passes (prev2, prev1) through a linear layer and joins it with the embedding and the four numbers before the LSTM. Here the two numbers join directly — the LSTM's own input weights are that linear layer (two linear maps in a row are one). The LSTM's memory carries the earlier steps too; the pair makes them explicit, as the course does.
    `, `
    ## 7. 패딩된 시퀀스

    LSTM은 세션 전체를 한 번에 읽습니다. **sequences** 셀은 세션마다 시퀀스 하나를 만듭니다(page_depth 순): 단계 *t*의 입력은 이벤트 *t*의 상태 번호, 숫자 네 개, 그리고 숫자로 바꾼 쌍(prev1, prev2)이고(모두 학습 세션으로 표준화), 목표는 이벤트 *t + 1*의 상태입니다.
    세션 길이가 제각각이라 짧은 세션은 가장 긴 길이까지 PAD(번호 0)로 **패딩**합니다. 패딩된 단계는 손실과 모든 지표에서 무시됩니다. 이벤트가 24개를 넘는 세션(열에 하나 정도)은 마지막 24개만 씁니다.
    출력되는 어휘 표는 위 매핑과 같으며 학습 세션에서만 만듭니다. 검증에만 나오는 상태는 UNK가 됩니다.

    *강의와 같은 pair 입력:* 강의는 (prev2, prev1)을 선형층에 통과시켜 임베딩, 숫자 네 개와 이어 붙인 뒤 LSTM에 넣습니다. 여기서는 두 숫자를 바로 이어 붙입니다. LSTM의 입력 가중치가 곧 그 선형층입니다(선형 변환 둘을 잇달아 하면 하나와 같습니다). LSTM의 기억도 이전 단계를 담지만, pair는 강의처럼 그것을 드러내 줍니다.
    `))
    .cell('sequences', {
      input: 'train_log', mode: 'padded', state: 'current_state', group: 'session_id', time: 'page_depth',
      features: [...STEP_FEATURES, ...PAIR_FEATURES], maxLength: 24, minLength: MIN_SESSION_EVENTS, scale: 'standard',
      applyTo: [{ input: 'valid_log', output: 'valid_seq' }], output: 'train_seq',
    }, t('Padded sequences per session', '세션별 패딩된 시퀀스'))
    .md(t(`
    ## 8. LSTM with state embeddings

    The model: each state index goes through an **embedding** (a learned vector of 16 numbers per state), is joined with the step's four numbers, and an **LSTM** of 32 units reads the steps in order; after **dropout 0.2** a dense layer gives a probability for each of the ${STATES.length + 2} vocabulary entries **at every step**.
    Training settings, as in the course:

    - **class weights**: inverse frequency (n / (classes × count)), **clipped at 1.5**, so rare pages count more without dominating (\`classWeight: inverse_capped\`, \`classWeightCap: 1.5\`);
    - **AdamW** (Adam with decoupled weight decay 5e-4), **gradient clipping** at norm 1.0;
    - **ReduceLROnPlateau**: halve the learning rate when the validation loss has not improved for 2 epochs;
    - **early stopping** with patience 3 and **restore best**: the weights of the best validation epoch are kept (the course's best checkpoint).

    The course's sizes (embedding 192, hidden 384, 2 layers, 50 epochs) are reduced so the run stays short (the course's size is a choice before the final retrain, step 9); per epoch the validation top-1, top-3 and macro-F1 are reported.
    `, `
    ## 8. 상태 임베딩 LSTM

    모델: 각 상태 번호는 **임베딩**(상태마다 학습되는 숫자 16개짜리 벡터)을 거쳐 그 단계의 숫자 네 개와 합쳐지고, 32 유닛 **LSTM**이 단계를 순서대로 읽습니다. **드롭아웃 0.2** 뒤 밀집층이 **매 단계마다** 어휘 ${STATES.length + 2}개 각각의 확률을 냅니다.
    학습 설정은 강의와 같습니다.

    - **클래스 가중치**: 빈도의 역수(n / (클래스 수 × 개수))를 **1.5로 상한** — 드문 페이지를 더 세게 치되 압도하지 않게(\`classWeight: inverse_capped\`, \`classWeightCap: 1.5\`)
    - **AdamW**(가중치 감쇠 5e-4를 분리한 Adam), 노름 1.0의 **그래디언트 클리핑**
    - **ReduceLROnPlateau**: 검증 손실이 2 에폭 동안 나아지지 않으면 학습률을 절반으로
    - patience 3의 **조기 종료**와 **최적 복원**: 검증 성능이 가장 좋았던 에폭의 가중치를 남깁니다(강의의 best checkpoint).

    강의의 크기(임베딩 192, 은닉 384, 2층, 50 에폭)는 실행이 짧도록 줄였습니다(강의 크기는 최종 재학습 앞, 9단계에서 고를 수 있습니다). 에폭마다 검증 top-1, top-3, macro-F1이 나옵니다.
    `))
    .cell('train', {
      input: 'train_seq', validation: 'valid_seq', model: 'lstm', task: 'classification', output: 'lstm',
      sequence: { units: [32], embeddingDim: 16 }, dropout: 0.2,
      optimizer: 'adamw', learningRate: 0.01, weightDecay: 5e-4, epochs: 6, batchSize: 64, seed: NEXT_STATE_SEED,
      classWeight: 'inverse_capped', classWeightCap: 1.5, clipNorm: 1,
      lrSchedule: { type: 'plateau', factor: 0.5, patience: 2 }, patience: 3, monitor: 'val_loss', restoreBest: true,
    }, t('LSTM with embeddings (AdamW, class weights, early stopping)', '임베딩 LSTM (AdamW, 클래스 가중치, 조기 종료)'))
    .md(t(`
    ## 9. Tuning (TPE) and the final retrain

    The course searches its model's sizes and learning rate with **Optuna** (TPE, 10 trials × 1 epoch, maximising validation top-1). The **tune cell** does the same on the padded sequences: each trial trains the LSTM of step 8 with the trial's values and is scored by its **validation top-1** (\`metric: val_accuracy\`, maximised). The search space is a small version of the course's:

    - **learningRate**: log scale, 5e-4 to 2e-2;
    - **sequence.embeddingDim**: the embedding size, 8 to 32 (a dotted name reaches a nested param of the train cell);
    - **dropout**: 0.2 to 0.4;
    - **weightDecay**: AdamW's decoupled weight decay, log scale, 1e-5 to 5e-4 (the course's wd range).

    TPE starts with 3 random trials and then samples where the good trials were. To keep the run short the budget is **5 trials × 1 epoch** (the course: 10 × 1). Each trial trains the LSTM as the course's objective does: AdamW, the capped inverse-frequency **class weights** (cap 1.5) and **gradient clipping** at norm 1.
    Then the **train cell with \`paramsFrom: final_params\`** (the best trial's values, at the size chosen below) retrains the LSTM with the best trial's values for more epochs, adding the plateau schedule, early stopping and restore-best: this is the **final model** that steps 10 and 11 evaluate.
    `, `
    ## 9. 튜닝(TPE)과 최종 재학습

    강의는 **Optuna**(TPE, 10회 × 1 에폭, 검증 top-1 최대화)로 모델 크기와 학습률을 찾습니다. **tune 셀**은 패딩된 시퀀스에서 같은 일을 합니다. 시행마다 8단계의 LSTM을 그 시행의 값으로 학습하고 **검증 top-1**(\`metric: val_accuracy\`, 최대화)로 평가합니다. 탐색 공간은 강의의 것을 작게 줄였습니다.

    - **learningRate**: 로그 척도, 5e-4 ~ 2e-2
    - **sequence.embeddingDim**: 임베딩 크기, 8 ~ 32 (점으로 이은 이름은 train 셀의 중첩 파라미터에 닿습니다)
    - **dropout**: 0.2 ~ 0.4
    - **weightDecay**: AdamW의 분리된 가중치 감쇠, 로그 척도, 1e-5 ~ 5e-4 (강의의 wd 범위)

    TPE는 무작위 시행 3번으로 시작한 뒤 좋은 시행이 있던 곳에서 값을 뽑습니다. 실행이 짧도록 예산은 **5회 × 1 에폭**입니다(강의는 10 × 1). 시행마다 강의의 목적 함수처럼 AdamW, 상한 1.5의 역빈도 **클래스 가중치**, 노름 1의 **그래디언트 클리핑**으로 LSTM을 학습합니다.
    그다음 **\`paramsFrom: final_params\`(최적 시행의 값, 아래에서 고른 크기)를 쓴 train 셀**이 최적 시행의 값으로 더 많은 에폭 동안 plateau 스케줄, 조기 종료, 최적 복원을 더해 LSTM을 재학습합니다. 10단계와 11단계가 평가하는 **최종 모델**이 이것입니다.
    `))
    .cell('tune', {
      input: 'train_seq', validation: 'valid_seq', model: 'lstm', task: 'classification',
      sequence: { units: [32], embeddingDim: 16 }, dropout: 0.2, optimizer: 'adamw', learningRate: 0.01, epochs: 1, batchSize: 64, seed: NEXT_STATE_SEED,
      classWeight: 'inverse_capped', classWeightCap: 1.5, clipNorm: 1,
      space: [
        { name: 'learningRate', type: 'logfloat', low: 0.0005, high: 0.02 },
        { name: 'sequence.embeddingDim', type: 'int', low: 8, high: 32 },
        { name: 'dropout', type: 'float', low: 0.2, high: 0.4 },
        { name: 'weightDecay', type: 'logfloat', low: 0.00001, high: 0.0005 },
      ],
      sampler: 'tpe', trials: 5, startupTrials: 3, pruning: false, metric: 'val_accuracy', output: 'best_params',
    }, t('Tune the LSTM (TPE, 5 trials × 1 epoch, maximise top-1)', 'LSTM 튜닝 (TPE, 5회 × 1 에폭, top-1 최대화)'))
    .md(t(`
    **Course size or the small default?** The course's final model is an LSTM of **2 layers × 384 units** with an **embedding of 192**, trained for up to **50 epochs** (early stopping after 7). That is about 2.1 million weights, some 250–300 times the default's 7–8 thousand (1 layer × 32 units, the tuned embedding of 8–32, 8 epochs), and on a CPU each of its epochs takes minutes rather than seconds: measured headless on two CPU cores, the course size (2,087,635 weights) stopped early after **16 epochs** (best at epoch 9) and **9.6 minutes** of training (the whole notebook 9.9 minutes), and its top-1 was **0.344**, against 0.332 for the small default and 0.365 for the Markov table — a long wait without a GPU for little gain, and on this generated data (whose next page is drawn at random from a transition table) a bigger model has little more to learn. The next cell picks the size: set \`COURSE_SIZE = true\` and run the cells from there to train the course's model; the default keeps the notebook short.
    `, `
    **강의 크기인가, 작은 기본값인가?** 강의의 최종 모델은 **2층 × 384 유닛** LSTM에 **임베딩 192**이고 최대 **50 에폭**(7 에폭 뒤 조기 종료) 학습합니다. 가중치가 약 210만 개로, 여기 기본값(1층 × 32 유닛, 튜닝한 임베딩 8–32, 8 에폭)의 7–8천 개보다 250–300배쯤 많고, CPU에서는 에폭마다 몇 초가 아니라 몇 분이 걸립니다. CPU 코어 두 개에서 헤드리스로 재어 보니 강의 크기(가중치 2,087,635개)는 **16 에폭**(최적은 9 에폭)과 학습 **9.6분** 뒤 조기 종료했고(노트북 전체 9.9분), top-1은 **0.344**로 작은 기본값의 0.332와 비슷하고 마르코프 표의 0.365보다 낮았습니다. GPU 없이는 강의 크기 전체 실행을 오래 기다려야 하지만 얻는 것은 적고, (다음 페이지를 전이 표에서 무작위로 뽑는) 이 생성 데이터에서는 더 큰 모델이 더 배울 것이 별로 없습니다. 다음 셀이 크기를 고릅니다. \`COURSE_SIZE = true\`로 바꾸고 그 셀부터 실행하면 강의의 모델을 학습합니다. 기본값은 노트북을 짧게 유지합니다.
    `))
    .code(`
// false: the small default (the tuned params as they are); true: the course's size on top of the tuned params.
const COURSE_SIZE = false;
const final_params = COURSE_SIZE
  ? { ...best_params, 'sequence.units': [384, 384], 'sequence.embeddingDim': 192, epochs: 50, patience: 7 }
  : { ...best_params, 'sequence.units': [32] };
set('final_params', final_params);
return COURSE_SIZE ? 'Course size: LSTM 2 × 384, embedding 192, up to 50 epochs (patience 7).' : \`Small default: LSTM 1 × 32, embedding \${best_params['sequence.embeddingDim']}, up to 8 epochs (patience 3).\`;
`, t('Course size or the small default', '강의 크기 또는 작은 기본값'), FINAL_PARAMS_PY)
    .cell('train', {
      input: 'train_seq', validation: 'valid_seq', model: 'lstm', task: 'classification', output: 'lstm_final', paramsFrom: 'final_params',
      sequence: { units: [32], embeddingDim: 16 }, dropout: 0.2,
      optimizer: 'adamw', learningRate: 0.01, weightDecay: 5e-4, epochs: 8, batchSize: 64, seed: NEXT_STATE_SEED,
      classWeight: 'inverse_capped', classWeightCap: 1.5, clipNorm: 1,
      lrSchedule: { type: 'plateau', factor: 0.5, patience: 2 }, patience: 3, monitor: 'val_loss', restoreBest: true,
    }, t('Final retrain of the LSTM with the best params', '최적 파라미터로 LSTM 최종 재학습'))
    .md(t(`
    ## 10. Evaluation: per-class report, confusion matrix, top-1 / top-3 / macro-F1

    The final LSTM (tuned, then retrained) is scored on every real step of the validation sessions. **Top-1** is plain accuracy; **top-3** counts a hit when the true next page is among the three most likely (useful for a shortcut bar with three slots); **macro-F1** averages the F1 of every page equally, so rare pages weigh as much as common ones. The per-class report gives precision, recall, F1 and support for each page, and the confusion matrix shows which pages are mistaken for which.
    Compare top-1 with the majority-class rate from step 3: the model must beat always answering the most common page. The summary also sets the step-8 LSTM (hand-picked params) next to the final one. With one-epoch trials and a few epochs of retraining the two are close; the difference is not a promise that tuning always wins. Note also that the best trial's top-1 (in the tune cell's table) is scored after one epoch, the final model's after the retrain with early stopping on the validation loss — not on top-1 — so the two need not agree.
    `, `
    ## 10. 평가: 클래스별 리포트, 혼동 행렬, top-1 / top-3 / macro-F1

    최종 LSTM(튜닝 후 재학습)은 검증 세션의 모든 실제 단계에서 평가합니다. **Top-1**은 보통의 정확도, **top-3**은 실제 다음 페이지가 가장 그럴듯한 세 개 안에 있으면 맞은 것으로 셉니다(칸이 세 개인 바로가기 막대에 유용). **macro-F1**은 모든 페이지의 F1을 똑같이 평균하므로 드문 페이지도 흔한 페이지만큼 무게가 있습니다. 클래스별 리포트는 페이지마다 정밀도, 재현율, F1, 지원 수를 주고, 혼동 행렬은 어떤 페이지가 어떤 페이지로 잘못 예측되는지 보여 줍니다.
    top-1을 3단계의 다수 클래스 비율과 비교하세요. 모델은 늘 가장 흔한 페이지를 답하는 것보다 나아야 합니다. 요약 표에는 8단계의 LSTM(손으로 고른 파라미터)도 최종 모델 옆에 놓습니다. 1 에폭 시행과 몇 에폭의 재학습으로는 둘이 비슷하며, 그 차이가 튜닝이 늘 이긴다는 약속은 아닙니다. 최적 시행의 top-1(tune 셀의 표)은 1 에폭 뒤의 점수이고, 최종 모델은 top-1이 아니라 검증 손실로 조기 종료하며 재학습한 뒤의 점수이므로 둘이 꼭 같지는 않다는 점도 보세요.
    `))
    .cell('evaluate', { model: 'lstm_final', input: 'valid_seq', output: 'final_metrics', predictions: 'final_pred', topK: 3, report: true }, t('Final LSTM on the validation sessions', '검증 세션에서 최종 LSTM 평가'))
    .cell('evaluate', { model: 'lstm', input: 'valid_seq', output: 'lstm_metrics', topK: 3, report: false }, t('Step-8 LSTM, for comparison', '비교용 8단계 LSTM'))
    .md(t(`
    **Baseline: a first-order Markov table.** Before trusting the LSTM, count: in the training sessions, which page follows each page most often? Predicting that page (top-3: the three most frequent) for every step of the **same validation sessions and steps** the LSTM is scored on needs no training at all. If the LSTM does not beat this table, its memory, embeddings and numbers have not earned their place.
    `, `
    **기준선: 1차 마르코프 표.** LSTM을 믿기 전에 세어 보세요. 학습 세션에서 각 페이지 다음에 가장 자주 오는 페이지는 무엇인가? LSTM을 평가한 **같은 검증 세션과 단계**마다 그 페이지를(top-3은 가장 잦은 세 페이지를) 답하는 데는 학습이 전혀 필요 없습니다. LSTM이 이 표를 이기지 못하면 그 기억, 임베딩, 숫자들은 자리를 얻지 못한 것입니다.
    `))
    .code(`
// First-order Markov table: counts of (page → next page) over the training sessions' consecutive events,
// scored on the validation steps the sequences cell built for the LSTM (sessions of ≥ ${MIN_SESSION_EVENTS} events, their last 24 transitions).
const sessions = (log) => {
  const by = new Map();
  for (const r of log.objects()) { if (!by.has(r.session_id)) by.set(r.session_id, []); by.get(r.session_id).push(r); }
  return [...by.values()].map((rows) => rows.sort((a, b) => a.page_depth - b.page_depth).map((r) => r.current_state));
};
const counts = new Map(), overall = new Map();
for (const states of sessions(train_log)) {
  if (states.length < ${MIN_SESSION_EVENTS}) continue;
  for (let i = 0; i + 1 < states.length; i++) {
    const row = counts.get(states[i]) ?? new Map();
    row.set(states[i + 1], (row.get(states[i + 1]) ?? 0) + 1);
    counts.set(states[i], row);
    overall.set(states[i + 1], (overall.get(states[i + 1]) ?? 0) + 1);
  }
}
const ranked = (m) => [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
const fallback = ranked(overall);
let n = 0, hit1 = 0, hit3 = 0;
for (const states of sessions(valid_log)) {
  if (states.length < ${MIN_SESSION_EVENTS}) continue;
  for (let i = Math.max(0, states.length - 1 - 24); i + 1 < states.length; i++) {
    const guess = counts.has(states[i]) ? ranked(counts.get(states[i])) : fallback;
    n++;
    if (guess[0] === states[i + 1]) hit1++;
    if (guess.slice(0, 3).includes(states[i + 1])) hit3++;
  }
}
set('markov_metrics', { accuracy: hit1 / n, top_3_accuracy: hit3 / n, steps: n });
display(\`Markov table on \${n} validation steps: top-1 \${(hit1 / n).toFixed(3)}, top-3 \${(hit3 / n).toFixed(3)}.\`);
return aq.from([...counts.keys()].sort().map((page) => ({ page, most_likely_next: ranked(counts.get(page))[0], share: +(counts.get(page).get(ranked(counts.get(page))[0]) / [...counts.get(page).values()].reduce((a, b) => a + b, 0)).toFixed(3) })));
`, t('Baseline: first-order Markov table', '기준선: 1차 마르코프 표'), MARKOV_PY(MIN_SESSION_EVENTS))
    .code(`
// Top-1, top-3 and macro-F1 of both LSTMs next to the majority-class rate and the Markov table.
const counts = final_pred.groupby('truth').count({ as: 'n' });
const majority = Math.max(...counts.array('n')) / final_pred.numRows();
const row = (model, m) => ({ model, top1: m.accuracy, top3: m.top_3_accuracy, macro_f1: m.f1_macro });
const summary = aq.from([
  { model: 'always the most common page', top1: majority, top3: null, macro_f1: null },
  { model: 'baseline: first-order Markov table', top1: markov_metrics.accuracy, top3: markov_metrics.top_3_accuracy, macro_f1: null },
  row('LSTM, step 8 (hand-picked params)', lstm_metrics),
  row('LSTM, final (tuned + retrained)', final_metrics),
]);
set('model_summary', summary);
const m = markov_metrics, markov = m.accuracy;
display(\`The Markov table's \${m.steps} validation steps are the LSTM's \${final_pred.numRows()}: \${m.steps === final_pred.numRows()}.\`);
display(markov >= final_metrics.accuracy
  ? \`The Markov table's top-1 (\${markov.toFixed(3)}) is at least the final LSTM's (\${final_metrics.accuracy.toFixed(3)}): on this data the LSTM has not earned its place — the next page depends on the current page (and the login state, which neither sees), and the table already knows that.\`
  : \`The final LSTM's top-1 (\${final_metrics.accuracy.toFixed(3)}) beats the Markov table's (\${markov.toFixed(3)}).\`);
return summary;
`, t('Model summary', '모델 요약'), SUMMARY_PY)
    .cell('visualize', { input: 'model_summary', chart: 'bar', x: 'model', y: ['top1', 'top3', 'macro_f1'], title: t('Top-1, top-3 and macro-F1', 'Top-1, top-3, macro-F1') }, t('Scores by model', '모델별 점수'))
    .md(t(`
    ## 11. Inference on one session

    Take one validation session as raw events and let the final LSTM predict, after each event, the next page; the model rebuilds the sequence itself with the training vocabulary and scaling. ✓ marks a hit at top-1.
    `, `
    ## 11. 세션 하나로 추론

    검증 세션 하나를 원시 이벤트로 가져와, 최종 LSTM이 이벤트마다 다음 페이지를 예측하게 합니다. 모델은 학습 때의 어휘와 스케일링으로 시퀀스를 스스로 다시 만듭니다. ✓는 top-1 적중입니다.
    `))
    .code(`
// One validation session with at least 8 events, predicted step by step.
const id = valid_log.filter((d) => d.n_events >= 8).get('session_id', 0);
const session = valid_log.params({ id }).filter((d, $) => d.session_id === $.id).orderby('page_depth');
const pred = await lstm_final.predict(session);
const steps = session.objects().slice(0, -1).map((r, i) => {
  const p = pred.probabilities[i].map((v, k) => [pred.classes[k], v]).sort((a, b) => b[1] - a[1]);
  return { step: r.page_depth, current: r.current_state, actual_next: r.next_state, predicted: pred.predictions[i], p: +p[0][1].toFixed(3), top3: p.slice(0, 3).map((x) => x[0]).join('  '), hit: pred.predictions[i] === r.next_state ? '✓' : '✗' };
});
const hits = steps.filter((s) => s.hit === '✓').length;
set('sample_steps', aq.from(steps));
display(\`Session \${String(id).slice(0, 8)}…: \${hits} of \${steps.length} next pages right at top-1 (hit@1 \${(hits / steps.length).toFixed(2)}).\`);
return aq.from(steps);
`, t('Predict one session', '세션 하나 예측'), SAMPLE_SESSION_PY)
    .md(t(`
    ## What next

    - Raise \`epochs\` (the course uses 50 with patience 7) and the LSTM's size (\`units\`, \`embeddingDim\`) and compare top-1 and macro-F1.
    - Switch \`classWeight\` off to see its effect on macro-F1 (rare pages) versus top-1.
    - Try \`gru\` instead of \`lstm\`.
    `, `
    ## 다음으로

    - \`epochs\`(강의는 patience 7과 50 에폭)와 LSTM 크기(\`units\`, \`embeddingDim\`)를 늘려 top-1과 macro-F1을 비교해 보세요.
    - \`classWeight\`를 꺼서 macro-F1(드문 페이지)과 top-1에 주는 영향을 보세요.
    - \`lstm\` 대신 \`gru\`를 써 보세요.
    `))
    .build();
}
