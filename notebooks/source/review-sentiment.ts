// "Review sentiment": the K-Mart course's day 4 (COURSE.md §4) — NSMC movie
// review sentiment — taught the classic way: character n-gram TF-IDF and
// logistic regression on a seeded NSMC sample, against a majority baseline,
// with the mistakes shown and what an LLM fine-tune would add.
import { NotebookBuilder } from './builder.ts';
import { text, type Lang } from './i18n.ts';

export function reviewSentiment(lang: Lang = 'en') {
  const t = text(lang);
  return new NotebookBuilder(t('Review sentiment: is this movie review positive?', '리뷰 감성 분석: 이 영화 리뷰는 긍정일까?'), {
    authors: [{ name: 'ML Workbench' }],
    language: lang,
  })
    .md(t(`
    # Review sentiment: is this movie review positive?

    The course's day 4 teaches a language model to read Korean movie reviews from Naver (the **NSMC** corpus) and say whether each one is
    positive or negative. It fine-tunes a small LLM for that — hours on a GPU. This notebook solves the same task the classic way, in seconds,
    in the browser, and gives the number any fine-tune has to beat:

    1. look at the reviews and the **majority baseline** (always answer the more common class);
    2. turn each review into **character n-grams** — pieces of 1 to 3 letters inside words — weighted by **TF-IDF**;
    3. fit a **logistic regression** on them;
    4. measure accuracy and F1 on held-out reviews, read the **mistakes**, and see which n-grams the model relies on.

    **The data** is a sample of NSMC (public domain, CC0): 4,000 reviews to learn from and 1,000 to test on, half positive and half negative,
    all shorter than 140 characters, labelled 1 (positive: 9–10 stars) or 0 (negative: 1–4 stars).
    `, `
    # 리뷰 감성 분석: 이 영화 리뷰는 긍정일까?

    강의 4일차는 언어 모델이 네이버 영화 리뷰(**NSMC** 말뭉치)를 읽고 긍정인지 부정인지 말하도록 가르칩니다. 이를 위해 작은 LLM을
    미세 조정하는데, GPU로 몇 시간이 걸립니다. 이 노트북은 같은 과제를 고전적인 방법으로 브라우저에서 몇 초 만에 풀고,
    어떤 미세 조정이든 넘어야 할 기준 점수를 줍니다.

    1. 리뷰를 살펴보고 **다수 클래스 기준선**(늘 더 흔한 클래스로 답하기)을 봅니다.
    2. 리뷰를 **글자 n-gram**(단어 안의 1–3글자 조각)으로 바꾸고 **TF-IDF**로 가중치를 줍니다.
    3. 그 위에 **로지스틱 회귀**를 학습합니다.
    4. 따로 떼어 둔 리뷰로 정확도와 F1을 재고, **틀린 리뷰**를 읽고, 모델이 기대는 n-gram을 봅니다.

    **데이터**는 NSMC(퍼블릭 도메인, CC0)의 표본입니다. 학습용 리뷰 4,000개와 테스트용 1,000개이며, 긍정과 부정이 반반이고,
    모두 140자보다 짧으며, 1(긍정: 별 9–10개) 또는 0(부정: 별 1–4개)으로 표시되어 있습니다.
    `))
    .cell('load', { source: { type: 'dataset', name: 'nsmc-train' }, output: 'train' }, t('Training reviews', '학습용 리뷰'))
    .cell('load', { source: { type: 'dataset', name: 'nsmc-test' }, output: 'test' }, t('Test reviews', '테스트용 리뷰'))
    .md(t(`
    ## 1 · The baseline

    Half the reviews are positive, so a model that always says "positive" is right half the time. Anything worth using must beat that by a wide margin.
    `, `
    ## 1 · 기준선

    리뷰의 절반이 긍정이라서 늘 "긍정"이라고 답하는 모델도 절반은 맞힙니다. 쓸 만한 모델이라면 이것을 크게 넘어야 합니다.
    `))
    .code(`
// The majority class of the training reviews, scored on the test reviews.
const trainLabels = train.array('label');
const ones = trainLabels.filter((v) => v === 1).length;
const majority = ones * 2 >= trainLabels.length ? 1 : 0;
const testLabels = test.array('label');
const accuracy = testLabels.filter((v) => v === majority).length / testLabels.length;
set('majority_accuracy', accuracy);
set('majority_class', majority);
return \`${t('majority class', '다수 클래스')}: \${majority} (\${ones} / \${trainLabels.length} ${t('training reviews are positive', '학습 리뷰가 긍정')}); ${t('test accuracy', '테스트 정확도')} \${accuracy.toFixed(3)}\`;
`, t('Majority baseline', '다수 클래스 기준선'), `
# The majority class of the training reviews, scored on the test reviews.
# value majority_accuracy: object
# value majority_class: object
ones = int((train['label'] == 1).sum())
majority_class = 1 if ones * 2 >= len(train) else 0
majority_accuracy = float((test['label'] == majority_class).mean())
print(f"${t('majority class', '다수 클래스')}: {majority_class} ({ones} / {len(train)} ${t('training reviews are positive', '학습 리뷰가 긍정')}); ${t('test accuracy', '테스트 정확도')} {majority_accuracy:.3f}")
`)
    .md(t(`
    ## 2 · Character n-grams, TF-IDF and logistic regression

    Korean glues endings to words (재밌다, 재밌었다, 재밌네요), so whole words rarely repeat; pieces of words do. The *char_wb* features take every
    1-, 2- and 3-character piece inside each word (with a space marking the word's start and end), keep those seen in at least two reviews,
    and weight each by **TF-IDF**: frequent in this review, rare across reviews. No dictionary or morpheme analyser is needed.

    **Logistic regression** gives every piece a weight — positive pieces push towards 1, negative ones towards 0 — and the sum decides.
    The table under the cell shows the pieces with the largest weights: the model's vocabulary of praise and complaint.
    The cell fits exactly what scikit-learn's \`TfidfVectorizer(analyzer='char_wb', ngram_range=(1, 3), min_df=2, sublinear_tf=True)\` and
    \`LogisticRegression(C=1)\` fit.
    `, `
    ## 2 · 글자 n-gram, TF-IDF, 로지스틱 회귀

    한국어는 어미가 단어에 붙어서(재밌다, 재밌었다, 재밌네요) 단어 전체는 잘 반복되지 않지만 단어의 조각은 반복됩니다. *char_wb* 특성은
    각 단어 안의 1·2·3글자 조각을 모두 뽑고(단어의 시작과 끝은 공백으로 표시), 리뷰 두 개 이상에 나온 조각만 남긴 뒤,
    **TF-IDF**로 가중치를 줍니다. 이 리뷰에는 자주, 전체 리뷰에는 드물게 나오는 조각이 높은 값을 받습니다. 사전도 형태소 분석기도 필요 없습니다.

    **로지스틱 회귀**는 조각마다 가중치를 줍니다. 양의 가중치는 1(긍정)로, 음의 가중치는 0(부정)으로 밀고, 그 합으로 결정합니다.
    셀 아래 표는 가중치가 가장 큰 조각, 곧 모델이 아는 칭찬과 불평의 어휘입니다.
    이 셀은 scikit-learn의 \`TfidfVectorizer(analyzer='char_wb', ngram_range=(1, 3), min_df=2, sublinear_tf=True)\`와
    \`LogisticRegression(C=1)\`이 학습하는 것과 똑같은 모델을 학습합니다.
    `))
    .cell('textclassify', { input: 'train', textColumn: 'document', target: 'label', output: 'sentiment_model' }, t('TF-IDF + logistic regression', 'TF-IDF + 로지스틱 회귀'))
    .md(t(`
    ## 3 · How good is it on reviews it has never seen?

    Accuracy is the share of test reviews classified right; F1 balances precision and recall for the positive class. Compare with the baseline above.
    `, `
    ## 3 · 처음 보는 리뷰에서는 얼마나 잘할까?

    정확도는 테스트 리뷰 중 맞힌 비율이고, F1은 긍정 클래스의 정밀도와 재현율을 함께 봅니다. 위의 기준선과 비교해 보세요.
    `))
    .cell('evaluate', { model: 'sentiment_model', input: 'test', output: 'sentiment_metrics', predictions: 'test_pred' }, t('Accuracy and F1 on the test reviews', '테스트 리뷰의 정확도와 F1'))
    .code(`
// The test reviews the model got wrong, the most confident mistakes first.
const wrong = test_pred
  .filter((d) => d.prediction !== d.label)
  .derive({ confidence: (d) => op.abs(d.p_1 - 0.5) * 2 })
  .orderby(aq.desc('confidence'))
  .select('document', 'label', 'prediction', 'p_1');
set('mistakes', wrong);
display(\`\${wrong.numRows()} ${t('of', '/')} \${test_pred.numRows()} ${t('test reviews misclassified; accuracy', '테스트 리뷰를 틀림; 정확도')} \${sentiment_metrics.accuracy.toFixed(3)} ${t('vs the majority baseline', '대 다수 클래스 기준선')} \${majority_accuracy.toFixed(3)}\`);
return wrong.slice(0, 15);
`, t('The mistakes', '틀린 리뷰'), `
# The test reviews the model got wrong, the most confident mistakes first.
wrong = test_pred[test_pred['prediction'] != test_pred['label']]
wrong = wrong.assign(confidence=(wrong['p_1'] - 0.5).abs() * 2).sort_values('confidence', ascending=False, kind='stable')
mistakes = wrong[['document', 'label', 'prediction', 'p_1']].reset_index(drop=True)
print(f"{len(mistakes)} ${t('of', '/')} {len(test_pred)} ${t('test reviews misclassified; accuracy', '테스트 리뷰를 틀림; 정확도')} {sentiment_metrics['accuracy']:.3f} ${t('vs the majority baseline', '대 다수 클래스 기준선')} {majority_accuracy:.3f}")
mistakes.head(15)
`)
    .md(t(`
    Read the mistakes, the most confident first. Many are reviews whose words say the opposite of their stars — a 10-star "미치겠다."
    ("it drives me crazy"), a 1-star review praising an actor — others are irony, or hinge on a word the model never saw.
    Some are simply mislabelled: no model can fix those. Irony, context and rare words are exactly what a language model reads better.
    `, `
    가장 자신 있게 틀린 리뷰부터 읽어 보세요. 상당수는 단어가 별점과 반대로 말하는 리뷰입니다. 별 10개짜리 "미치겠다.",
    배우를 칭찬하는 별 1개 리뷰 같은 것입니다. 반어이거나 모델이 처음 보는 단어에 달린 리뷰도 있습니다.
    아예 정답 표시가 잘못된 리뷰도 있는데, 그것은 어떤 모델도 고칠 수 없습니다. 반어, 맥락, 드문 단어는 바로 언어 모델이 더 잘 읽는 부분입니다.
    `))
    .md(t(`
    ## 3b · A small neural network over characters

    The course's classic alternative to an LLM is a small network: each character gets an **embedding** (16 numbers learned from the reviews; the 300 most frequent characters get their own),
    a **1D convolution** slides 32 detectors of three characters along the review, and the strongest response of each (max-pooling) feeds a
    sigmoid. It learns its own "n-grams" instead of counting fixed ones (the course's other choice, an LSTM, reads the characters in order; it is much
    slower to train in a browser). With only 4,000 reviews, do not expect it to beat the logistic regression: networks need more data.
    `, `
    ## 3b · 글자 위의 작은 신경망

    강의에서 LLM 대신 쓸 수 있는 고전적인 방법은 작은 신경망입니다. 글자마다 **임베딩**(리뷰에서 배우는 숫자 16개; 가장 흔한 글자 300개가 각자의 임베딩을 가집니다)을 주고,
    **1D 합성곱**이 세 글자짜리 감지기 32개를 리뷰를 따라 밀며, 감지기마다 가장 강한 반응(최대 풀링)이 시그모이드로 들어갑니다.
    정해진 n-gram을 세는 대신 자기만의 "n-gram"을 배웁니다(강의의 다른 선택인 LSTM은 글자를 순서대로 읽지만 브라우저에서 학습하기에는 훨씬 느립니다).
    리뷰가 4,000개뿐이라서 로지스틱 회귀를 넘기는 어렵습니다. 신경망은 데이터가 더 많아야 합니다.
    `))
    .cell('textclassify', { input: 'train', textColumn: 'document', target: 'label', model: 'cnn1d', output: 'char_cnn' }, t('Character embedding + 1D-CNN', '글자 임베딩 + 1D-CNN'))
    .cell('evaluate', { model: 'char_cnn', input: 'test', output: 'cnn_metrics', report: false }, t('The CNN on the test reviews', '테스트 리뷰에서 CNN'))
    .code(`
// The three answers side by side, on the same 1,000 test reviews.
// F1 of the positive class for "always the majority": 0 if that is negative, else 2p / (p + 1) with p the positive share.
const y = test.array('label');
const p = y.filter((v) => v === 1).length / y.length;
const majorityF1 = majority_class === 1 ? (2 * p) / (p + 1) : 0;
return aq.table({
  model: ['${t('majority class', '다수 클래스')}', '${t('char n-gram TF-IDF + logistic regression', '글자 n-gram TF-IDF + 로지스틱 회귀')}', '${t('char embedding + 1D-CNN', '글자 임베딩 + 1D-CNN')}'],
  accuracy: [majority_accuracy, sentiment_metrics.accuracy, cnn_metrics.accuracy],
  f1: [majorityF1, sentiment_metrics.f1, cnn_metrics.f1],
});
`, t('Three models side by side', '세 모델 나란히'), `
# The three answers side by side, on the same 1,000 test reviews.
# F1 of the positive class for "always the majority": 0 if that is negative, else 2p / (p + 1) with p the positive share.
p = float((test['label'] == 1).mean())
majority_f1 = 2 * p / (p + 1) if majority_class == 1 else 0
side_by_side = pd.DataFrame({
    'model': ['${t('majority class', '다수 클래스')}', '${t('char n-gram TF-IDF + logistic regression', '글자 n-gram TF-IDF + 로지스틱 회귀')}', '${t('char embedding + 1D-CNN', '글자 임베딩 + 1D-CNN')}'],
    'accuracy': [majority_accuracy, sentiment_metrics['accuracy'], cnn_metrics['accuracy']],
    'f1': [majority_f1, sentiment_metrics['f1'], cnn_metrics['f1']],
})
side_by_side
`)
    .md(t(`
    ## 4 · What an LLM fine-tune adds, and what it costs

    The course fine-tunes **Gemma** (about 2 billion parameters) with **LoRA/QLoRA**: the model is loaded in 4-bit, small adapter matrices are trained,
    and the model learns to answer "positive" or "negative". What it adds:

    - it has read billions of sentences, so it knows words and phrasings absent from 4,000 reviews, negation, sarcasm and context;
    - published results for fine-tuned Korean language models on the full NSMC reach about **90 %** accuracy, against roughly 80–85 % for
      TF-IDF models trained on the full 150,000 reviews;
    - the same model can explain its answer or handle a chatbot's follow-up questions.

    What it costs:

    - a GPU with several gigabytes of memory and from tens of minutes to hours of training; the weights (gigabytes) must be downloaded, stored and served;
    - each prediction runs billions of multiplications, where this model sums a few hundred weights — thousands of reviews a second on one CPU core;
    - it is harder to inspect: the table above shows *why* this model decides; an LLM's reasons are not a list of weights.

    A browser tab cannot download or run such a model offline, so this notebook stops at the classic model — the baseline the course never shows.

    ## What to try

    - Set the n-grams to 1–1 (single characters) or 2–4: which range works best?
    - Switch the analyzer to \`word\` (whole words, as split by spaces): how much worse is it on Korean, and why?
    - Change C to 0.1 or 10: a simpler or a more flexible model — what happens to training and test accuracy?
    `, `
    ## 4 · LLM 미세 조정이 더해 주는 것과 그 비용

    강의는 **Gemma**(약 20억 매개변수)를 **LoRA/QLoRA**로 미세 조정합니다. 모델을 4비트로 불러오고 작은 어댑터 행렬만 학습해서,
    모델이 "긍정" 또는 "부정"으로 답하도록 가르칩니다. 더해 주는 것:

    - 수십억 문장을 읽은 모델이라서 리뷰 4,000개에 없는 단어와 표현, 부정, 반어, 맥락을 압니다.
    - 공개된 결과에서 미세 조정한 한국어 언어 모델은 NSMC 전체에서 정확도 약 **90 %**에 이르고, 리뷰 15만 개 전체로 학습한 TF-IDF 모델은 대략 80–85 %입니다.
    - 같은 모델이 답의 이유를 설명하거나 챗봇의 후속 질문에 답할 수 있습니다.

    그 비용:

    - 메모리가 수 기가바이트인 GPU와 수십 분에서 몇 시간의 학습이 필요하고, 수 기가바이트의 가중치를 내려받아 저장하고 서비스해야 합니다.
    - 예측 하나에 수십억 번의 곱셈이 듭니다. 이 모델은 가중치 수백 개를 더할 뿐이라서 CPU 코어 하나로 1초에 리뷰 수천 개를 처리합니다.
    - 들여다보기 어렵습니다. 위의 표는 이 모델이 *왜* 그렇게 판단하는지 보여 주지만, LLM의 이유는 가중치 목록이 아닙니다.

    브라우저 탭은 그런 모델을 오프라인으로 내려받거나 실행할 수 없으므로, 이 노트북은 고전적인 모델, 곧 강의가 보여 주지 않은 기준선에서 멈춥니다.

    ## 해 볼 것

    - n-gram 범위를 1–1(글자 하나)이나 2–4로 바꿔 보세요. 어느 범위가 가장 좋나요?
    - analyzer를 \`word\`(공백으로 나눈 단어 전체)로 바꿔 보세요. 한국어에서 얼마나 나빠지고, 왜 그럴까요?
    - C를 0.1이나 10으로 바꿔 보세요. 더 단순하거나 더 유연한 모델이 됩니다. 학습 정확도와 테스트 정확도는 어떻게 되나요?
    `))
    .build();
}
