// "Penguins": the first bundled notebook. It walks the whole path once:
// load → explore → split → prepare → train → evaluate → visualize, on the
// Palmer penguins data (vega-datasets, CC0), and runs in seconds.
import { NotebookBuilder } from './builder.ts';
import { text, type Lang } from './i18n.ts';

const NUMERIC = ['beak_length', 'beak_depth', 'flipper_length', 'body_mass'];

export function penguins(lang: Lang = 'en') {
  const t = text(lang);
  // The English file's metadata stays as it was (no language key); the Korean copy says its language.
  const metadata = lang === 'en'
    ? { authors: [{ name: 'ML Workbench' }], description: 'A first end-to-end notebook: load, explore, split, prepare, train, evaluate, visualize.' }
    : { authors: [{ name: 'ML Workbench' }], description: '처음부터 끝까지 해 보는 첫 노트북: 불러오기, 탐색, 분할, 준비, 학습, 평가, 시각화.', language: lang };
  return new NotebookBuilder(t('Penguins: from measurements to species', '펭귄: 측정값으로 종 맞히기'), metadata)
    .md(t(`
    # Penguins: from measurements to species

    Three penguin species live on the Palmer Archipelago in Antarctica: **Adelie**, **Chinstrap** and **Gentoo**.
    Researchers measured 344 of them. Can a model tell the species from four body measurements?

    This notebook walks the whole path of a machine-learning project once:

    1. **load** the data and **explore** it,
    2. **split** it into training, validation and test parts *before* anything is learned from it,
    3. **prepare** the features (fill gaps, scale) using the training part only,
    4. **train** a baseline and a small neural network,
    5. **evaluate** on the test part, which no step has seen.

    Run the cells one by one with **Shift+Enter**, or all at once with **Run all**. Change a parameter and run again: the cells that depend on it are marked *stale*.

    *Data: Palmer penguins by Allison Horst, Alison Hill and Kristen Gorman (CC0), shipped with the app from the vega-datasets package.*
    `, `
    # 펭귄: 측정값으로 종 맞히기

    남극 파머 군도에는 펭귄 세 종, **Adelie**, **Chinstrap**, **Gentoo**가 삽니다.
    연구자들이 그중 344마리를 측정했습니다. 몸 측정값 네 개로 모델이 종을 맞힐 수 있을까요?

    이 노트북은 머신러닝 프로젝트의 전체 과정을 한 번 따라갑니다.

    1. 데이터를 **불러오고** **탐색**합니다.
    2. 무엇이든 배우기 *전에* 학습, 검증, 테스트 부분으로 **분할**합니다.
    3. 학습 부분만 써서 특성을 **준비**합니다(빈 값 채우기, 스케일 맞추기).
    4. 기준 모델과 작은 신경망을 **학습**합니다.
    5. 어떤 단계도 보지 않은 테스트 부분에서 **평가**합니다.

    **Shift+Enter**로 셀을 하나씩 실행하거나 **모두 실행**으로 한꺼번에 실행하세요. 매개변수를 바꾸고 다시 실행하면, 그 값에 기대는 셀은 *오래됨*으로 표시됩니다.

    *데이터: Allison Horst, Alison Hill, Kristen Gorman의 Palmer penguins(CC0). vega-datasets 패키지에서 앱과 함께 제공됩니다.*
    `))
    .cell('load', { source: { type: 'dataset', name: 'penguins' }, output: 'penguins' }, t('Load the penguins', '펭귄 데이터 불러오기'))
    .md(t(`
    ## Explore

    Before modelling, look at the data: how many rows, which columns, what is missing, how the classes are balanced.
    The profile below shows one row per column. Notice the missing values in the measurements and in *Sex*, and that *Sex* sometimes holds a stray "." — real data is rarely clean.
    `, `
    ## 탐색

    모델을 만들기 전에 데이터를 보세요. 행은 몇 개인지, 어떤 열이 있는지, 무엇이 빠졌는지, 클래스 균형은 어떤지.
    아래 프로필은 열마다 한 행을 보여 줍니다. 측정값과 *Sex*에 빠진 값이 있고, *Sex*에 가끔 엉뚱한 "."이 들어 있다는 점을 보세요. 실제 데이터는 깨끗한 경우가 드뭅니다.
    `))
    .cell('eda', { input: 'penguins', target: 'Species' }, t('Profile every column', '모든 열의 프로필'))
    .cell('visualize', { input: 'penguins', chart: 'scatter', x: 'Flipper Length (mm)', y: ['Beak Length (mm)'], color: 'Species', title: t('Flipper and beak length by species', '종별 날개와 부리 길이') }, t('Do the species separate?', '종이 나뉘나요?'))
    .md(t(`
    The species form clear clusters: Gentoo penguins have long flippers, Chinstrap penguins long beaks for their flipper length.
    A model should do well — and a model that does badly here has a bug.
    `, `
    종들은 뚜렷한 무리를 이룹니다. Gentoo 펭귄은 날개가 길고, Chinstrap 펭귄은 날개 길이에 비해 부리가 깁니다.
    모델은 잘해야 합니다. 여기서 모델이 못한다면 버그가 있는 것입니다.
    `))
    .cell('visualize', { input: 'penguins', chart: 'box', x: 'Species', y: ['Body Mass (g)'], title: t('Body mass by species', '종별 체중') }, t('Body mass', '체중'))
    .md(t(`
    ## Split first, then prepare

    We split **before** computing anything from the data (means, scales), so that the test part stays truly unseen.
    A *stratified* split keeps each species' share the same in every part; the seed makes the split reproducible.
    `, `
    ## 먼저 분할하고, 그다음 준비하기

    데이터에서 무엇이든(평균, 스케일) 계산하기 **전에** 분할해서 테스트 부분이 정말로 보지 않은 데이터로 남게 합니다.
    *층화* 분할은 각 부분에서 종의 비율을 똑같이 유지하고, 시드는 분할을 다시 해도 같게 만듭니다.
    `))
    .cell('split', { input: 'penguins', method: 'stratified', target: 'Species', train: 0.7, validation: 0.15, test: 0.15, seed: 42, outputs: { train: 'train', validation: 'valid', test: 'test' } }, t('Train / validation / test', '학습 / 검증 / 테스트'))
    .md(t(`
    ## Prepare the features

    The transform cell learns everything it needs **from the training table only** — the mean used to fill a gap, the mean and standard deviation used to scale —
    and applies exactly the same numbers to the validation and test tables. Scaling matters for neural networks: body mass is in the thousands, beak depth around 17.
    `, `
    ## 특성 준비하기

    변환 셀은 필요한 모든 것을 **학습 표에서만** 배웁니다. 빈 값을 채울 평균, 스케일을 맞출 평균과 표준편차를 배우고,
    검증 표와 테스트 표에 정확히 같은 숫자를 적용합니다. 신경망에는 스케일이 중요합니다. 체중은 수천 단위이고 부리 깊이는 17 안팎입니다.
    `))
    .cell('transform', {
      input: 'train',
      output: 'train_x',
      steps: [
        { op: 'rename', from: 'Beak Length (mm)', to: 'beak_length' },
        { op: 'rename', from: 'Beak Depth (mm)', to: 'beak_depth' },
        { op: 'rename', from: 'Flipper Length (mm)', to: 'flipper_length' },
        { op: 'rename', from: 'Body Mass (g)', to: 'body_mass' },
        { op: 'select', columns: ['Species', ...NUMERIC] },
        { op: 'impute', columns: NUMERIC, strategy: 'mean' },
        { op: 'scale', columns: NUMERIC, method: 'standard' },
      ],
      applyTo: [
        { input: 'valid', output: 'valid_x' },
        { input: 'test', output: 'test_x' },
      ],
      transform: 'prep',
    }, t('Fill gaps and scale (fitted on train)', '빈 값 채우기와 스케일 (학습 데이터로 맞춤)'))
    .md(t(`
    ## A baseline first

    Logistic regression is the simplest classifier worth trying. If a fancier model cannot beat it, the fancier model is not worth its cost.
    `, `
    ## 먼저 기준 모델

    로지스틱 회귀는 시도해 볼 만한 가장 단순한 분류기입니다. 더 복잡한 모델이 이것을 이기지 못한다면 그 비용을 들일 가치가 없습니다.
    `))
    .cell('train', { input: 'train_x', target: 'Species', model: 'logistic', optimizer: 'adam', learningRate: 0.05, epochs: 60, batchSize: 32, validation: 'valid_x', seed: 42, output: 'baseline' }, t('Logistic regression', '로지스틱 회귀'))
    .cell('evaluate', { model: 'baseline', input: 'test_x', output: 'baseline_metrics' }, t('Baseline on the test set', '테스트 세트에서 기준 모델'))
    .md(t(`
    ## A small neural network

    A multi-layer perceptron with one hidden layer of 16 units. Watch the loss curves: the training loss should fall; if the validation loss starts rising while the training loss keeps falling, the model is overfitting.
    `, `
    ## 작은 신경망

    은닉층 하나에 유닛 16개인 다층 퍼셉트론입니다. 손실 곡선을 보세요. 학습 손실은 내려가야 합니다. 학습 손실은 계속 내려가는데 검증 손실이 오르기 시작하면 모델이 과적합하는 것입니다.
    `))
    .cell('train', { input: 'train_x', target: 'Species', model: 'mlp', hidden: [16], activation: 'relu', optimizer: 'adam', learningRate: 0.01, epochs: 80, batchSize: 16, validation: 'valid_x', seed: 42, output: 'mlp' }, t('MLP with 16 hidden units', '은닉 유닛 16개인 MLP'))
    .cell('evaluate', { model: 'mlp', input: 'test_x', predictions: 'test_predictions', output: 'mlp_metrics' }, t('MLP on the test set', '테스트 세트에서 MLP'))
    .cell('visualize', { input: 'test_predictions', chart: 'heatmap', x: 'prediction', color: 'Species', title: t('Predicted (x) against true species (rows)', '예측(x) 대 실제 종(행)') }, t('Where does it go wrong?', '어디서 틀리나요?'))
    .md(t(`
    ## What to try

    - Change the MLP's **hidden** sizes or **epochs** and run again. Which cells become stale?
    - Set the split's **seed** to another number: how much do the test metrics move? That spread is why a single test score should be read with care.
    - Drop **flipper_length** from the transform's *select* step: which species get confused now?
    `, `
    ## 해 볼 것

    - MLP의 **hidden** 크기나 **epochs**를 바꾸고 다시 실행하세요. 어떤 셀이 오래됨이 되나요?
    - 분할의 **seed**를 다른 숫자로 바꾸세요. 테스트 지표가 얼마나 움직이나요? 그 흔들림 때문에 테스트 점수 하나는 조심해서 읽어야 합니다.
    - 변환의 *select* 단계에서 **flipper_length**를 빼 보세요. 이제 어떤 종이 헷갈리나요?
    `))
    .build();
}
