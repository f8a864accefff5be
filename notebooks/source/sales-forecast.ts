// "Sales forecast": the course's K-Mart forecasting notebook (COURSE.md §4)
// on the generated retail tables. Forecast a product's sales one lead time
// ahead for store 44 with a dense network, an LSTM and a 1D-CNN beside two
// model-free baselines (weekday mean, last week), score March 2017, check the
// residuals, and turn the forecast into an ordering policy with the
// inventory simulation. One structure, two languages (text(lang)).
import { NotebookBuilder } from './builder.ts';
import { text, type Lang } from './i18n.ts';
import { CORRELATION_PY, PIPELINE_PY, RESIDUALS_PY, SUMMARY_PY, baselinesPy, forecastChartPy, holdoutPy, scoresPy, windowsContextPy } from './sales-forecast-python.ts';

/** The course's three products and their lead times (kmart-products: 2 days each, as the course document gives them). */
export const PRODUCTS = [{ id: 3, lead: 2 }, { id: 12, lead: 2 }, { id: 42, lead: 2 }] as const;
/** Timesteps per LSTM / CNN window (the course uses 7 for product 3 and 14 for product 42). */
export const WINDOW = 7;
/** Window per product: the course's 14 days for product 42 (a yearly-seasonal, noisier series), 7 otherwise. */
export const WINDOW_OF: Record<number, number> = { 3: 7, 12: 7, 42: 14 };
/** Held-out validation: the last 60 days of the training period (the course's rule). */
export const VALID_DAYS = 60;
/** Safety stock levels, in % of the mean daily demand. */
export const SAFETY_LEVELS = [0, 10, 20, 30, 50, 75, 100, 150];
/** The model inputs, all min-max scaled on the training part (the last two are the course's neighbouring stores' visitors and oil-price level). */
export const FORECAST_FEATURES = ['Qty', 'CustomerCount', 'Qty_rolling_mean7', 'Qty_diff1', 'CustomerCount_diff1', 'Date_weekday', 'Date_month', 'target_weekday', 'Neighbour_customers', 'oil_level'];

type T = (en: string, ko: string) => string;

function features(b: NotebookBuilder, t: T, id: number, lead: number): NotebookBuilder {
  return b
    .cell('transform', {
      input: `p${id}_all`, output: `p${id}_feat`, transform: `p${id}_features`,
      steps: [
        { op: 'dateparts', column: 'Date', parts: ['weekday', 'month'] },
        { op: 'shiftTarget', column: 'Qty', lead, orderBy: 'Date', name: 'target' },
        { op: 'rolling', column: 'Qty', window: 7, stat: 'mean', orderBy: 'Date' },
        { op: 'diff', column: 'Qty', periods: 1, orderBy: 'Date' },
        { op: 'diff', column: 'CustomerCount', periods: 1, orderBy: 'Date' },
        { op: 'filter', expr: 'd => op.is_finite(d.target) && op.is_finite(d.Qty_rolling_mean7) && op.is_finite(d.Qty_diff1) && op.is_finite(d.CustomerCount_diff1) && op.is_finite(d.Neighbour_customers) && op.is_finite(d.oil_level)' },
      ],
    }, t(`Product ${id}: target = sales ${lead} days ahead, and the features`, `상품 ${id}: 목표 = ${lead}일 뒤 판매량, 그리고 특징`))
    .code(`
// Rows whose target day is in March 2017 are the test month; the rest (targets up to 2017-02-28) are for training and validation.
const p${id}_dev = p${id}_feat.filter((d) => d.target_day <= '2017-02-28');
const p${id}_test = p${id}_feat.filter((d) => d.target_day >= '2017-03-01');
set('p${id}_dev', p${id}_dev); set('p${id}_test', p${id}_test);
return \`\${p${id}_dev.numRows()} rows for training and validation, \${p${id}_test.numRows()} test rows (target days \${p${id}_test.get('target_day', 0)} to \${p${id}_test.get('target_day', p${id}_test.numRows() - 1)})\`;
`, t(`Product ${id}: hold out March 2017`, `상품 ${id}: 2017년 3월을 떼어 두기`), holdoutPy(id))
    .cell('split', {
      input: `p${id}_dev`, method: 'time', time: 'Date', lastDays: VALID_DAYS, train: 0.8, validation: 0.2, test: 0,
      outputs: { train: `p${id}_train`, validation: `p${id}_valid` },
    }, t(`Product ${id}: the last ${VALID_DAYS} days for validation`, `상품 ${id}: 마지막 ${VALID_DAYS}일을 검증용으로`))
    .cell('transform', {
      input: `p${id}_train`, output: `p${id}_train_s`, transform: `p${id}_scaler`,
      steps: [
        { op: 'target', columns: ['target_weekday'], target: 'target', smoothing: 0 },
        { op: 'scale', columns: FORECAST_FEATURES, method: 'minmax' },
      ],
      applyTo: [{ input: `p${id}_valid`, output: `p${id}_valid_s` }, { input: `p${id}_test`, output: `p${id}_test_s` }],
    }, t(`Product ${id}: weekday mean and min-max scaling (fitted on training days)`, `상품 ${id}: 요일 평균과 min-max 스케일링 (학습 기간으로 적합)`));
}

function windows(b: NotebookBuilder, t: T, id: number, steps = WINDOW_OF[id] ?? WINDOW): NotebookBuilder {
  return b
    .code(`
// The validation windows need the ${steps - 1} days before the first validation day as their history:
// the last ${steps - 1} training rows + the validation rows (inputs only; every target is a validation day).
// The March windows likewise take the last ${steps - 1} validation rows as history.
const train = p${id}_train_s.orderby('Date'), valid = p${id}_valid_s.orderby('Date');
const p${id}_valid_ctx = train.slice(train.numRows() - ${steps - 1}).concat(valid);
const p${id}_test_ctx = valid.slice(valid.numRows() - ${steps - 1}).concat(p${id}_test_s.orderby('Date'));
set('p${id}_valid_ctx', p${id}_valid_ctx); set('p${id}_test_ctx', p${id}_test_ctx);
return \`\${p${id}_valid_ctx.numRows() - ${steps - 1}} validation windows and \${p${id}_test_ctx.numRows() - ${steps - 1}} March windows of ${steps} days\`;
`, t(`Product ${id}: history for the validation and March windows`, `상품 ${id}: 검증·3월 윈도의 이력`), windowsContextPy(id, steps))
    .cell('sequences', {
      input: `p${id}_train_s`, mode: 'windows', features: FORECAST_FEATURES, target: 'target', steps, horizon: 0, time: 'Date', scale: 'none',
      applyTo: [{ input: `p${id}_valid_ctx`, output: `p${id}_valid_w` }, { input: `p${id}_test_ctx`, output: `p${id}_test_w` }], output: `p${id}_train_w`,
    }, t(`Product ${id}: ${steps}-day windows`, `상품 ${id}: ${steps}일 윈도`));
}

/** The two baselines on the validation days and on March: weekday mean (fitted on the training days) and last week's sales on the target day's weekday. */
function baselines(b: NotebookBuilder, t: T, id: number): NotebookBuilder {
  return b.code(`
// Two forecasts that need no model, scored on the same days as the models.
// weekday mean: the mean target of the training days with the same target weekday;
// last week: the sales 7 days before the target day (a week earlier again when the store was closed that day).
const qty = new Map(p${id}_all.objects().map((r) => [new Date(r.Date).toISOString().slice(0, 10), r.Qty]));
const shift = (d, days) => new Date(Date.parse(d) - days * 86400000).toISOString().slice(0, 10);
const sums = new Map();
for (const r of p${id}_train.objects()) { const s = sums.get(r.target_weekday) ?? [0, 0]; sums.set(r.target_weekday, [s[0] + r.target, s[1] + 1]); }
const weekdayMean = (r) => { const s = sums.get(r.target_weekday); return s[0] / s[1]; };
const lastWeek = (r) => { for (let w = 1; w <= 4; w++) { const q = qty.get(shift(r.target_day, 7 * w)); if (q !== undefined) return q; } return NaN; };
const metrics = (rows, f) => {
  const y = rows.map((r) => r.target), p = rows.map(f), n = y.length, mean = y.reduce((a, b) => a + b, 0) / n;
  let se = 0, ae = 0, ape = 0, tot = 0;
  y.forEach((v, i) => { se += (v - p[i]) ** 2; ae += Math.abs(v - p[i]); ape += Math.abs(v - p[i]) / Math.max(Math.abs(v), 2.220446049250313e-16); tot += (v - mean) ** 2; });
  return { rmse: Math.sqrt(se / n), mae: ae / n, mape: ape / n, r2: 1 - se / tot };
};
const valid = p${id}_valid.orderby('Date').objects(), test = p${id}_test.orderby('Date').objects();
set('p${id}_weekday_metrics', metrics(valid, weekdayMean)); set('p${id}_lastweek_metrics', metrics(valid, lastWeek));
set('p${id}_weekday_test_metrics', metrics(test, weekdayMean)); set('p${id}_lastweek_test_metrics', metrics(test, lastWeek));
const p${id}_weekday_test_pred = aq.from(test.map((r) => ({ target_day: r.target_day, truth: r.target, prediction: weekdayMean(r) })));
set('p${id}_weekday_test_pred', p${id}_weekday_test_pred);
return aq.from([['weekday mean', weekdayMean], ['last week', lastWeek]].map(([name, f]) => ({ baseline: name, validation_r2: +metrics(valid, f).r2.toFixed(4), march_r2: +metrics(test, f).r2.toFixed(4) })));
`, t(`Product ${id}: two baselines without a model`, `상품 ${id}: 모델 없는 기준선 두 개`), baselinesPy(id));
}

/** Models and baselines side by side, on the validation days and on March 2017, with a sentence saying who wins. */
function scores(b: NotebookBuilder, t: T, id: number): NotebookBuilder {
  return b.code(`
// RMSE, MAE, MAPE and R² of every forecast: validation (the last ${VALID_DAYS} days to 2017-02-28) and March 2017.
const row = (model, v, m) => ({ model, val_rmse: +v.rmse.toFixed(1), val_mae: +v.mae.toFixed(1), val_mape: +v.mape.toFixed(4), val_r2: +v.r2.toFixed(4),
  mar_rmse: +m.rmse.toFixed(1), mar_mae: +m.mae.toFixed(1), mar_mape: +m.mape.toFixed(4), mar_r2: +m.r2.toFixed(4) });
const rows = [
  row('baseline: weekday mean', p${id}_weekday_metrics, p${id}_weekday_test_metrics),
  row('baseline: last week', p${id}_lastweek_metrics, p${id}_lastweek_test_metrics),
  row('Dense (MLP)', p${id}_mlp_metrics, p${id}_mlp_test_metrics),
  row('LSTM', p${id}_lstm_metrics, p${id}_lstm_test_metrics),
  row('1D-CNN', p${id}_cnn_metrics, p${id}_cnn_test_metrics),
];
const p${id}_scores = aq.from(rows);
set('p${id}_scores', p${id}_scores);
const best = (list, key) => list.reduce((a, b) => (b[key] > a[key] ? b : a));
const verdict = (key, when) => {
  const base = best(rows.slice(0, 2), key), model = best(rows.slice(2), key);
  return model[key] > base[key]
    ? \`\${when}: the best model (\${model.model}, R² \${model[key]}) beats the best baseline (\${base.model}, R² \${base[key]}).\`
    : \`\${when}: a baseline wins (\${base.model}, R² \${base[key]} vs the best model's \${model[key]}, \${model.model}) — the models have not earned their place here.\`;
};
display(verdict('val_r2', 'Validation') + ' ' + verdict('mar_r2', 'March 2017'));
return p${id}_scores;
`, t(`Product ${id}: models and baselines, validation and March 2017`, `상품 ${id}: 모델과 기준선, 검증과 2017년 3월`), scoresPy(id, VALID_DAYS));
}

/** The three models' March 2017 scores. */
function testMonth(b: NotebookBuilder, t: T, id: number): NotebookBuilder {
  return b
    .cell('evaluate', { model: `p${id}_mlp`, input: `p${id}_test_s`, output: `p${id}_mlp_test_metrics`, predictions: `p${id}_mlp_test_pred` }, t(`Product ${id}: dense model on March 2017`, `상품 ${id}: 2017년 3월에서 밀집 모델 평가`))
    .cell('evaluate', { model: `p${id}_lstm`, input: `p${id}_test_w`, output: `p${id}_lstm_test_metrics`, predictions: `p${id}_lstm_test_pred` }, t(`Product ${id}: LSTM on March 2017`, `상품 ${id}: 2017년 3월에서 LSTM 평가`))
    .cell('evaluate', { model: `p${id}_cnn`, input: `p${id}_test_w`, output: `p${id}_cnn_test_metrics`, predictions: `p${id}_cnn_test_pred` }, t(`Product ${id}: 1D-CNN on March 2017`, `상품 ${id}: 2017년 3월에서 1D-CNN 평가`));
}

const CNN = {
  model: 'cnn1d', task: 'regression', sequence: { filters: [32], kernelSize: 3, pooling: 'max', dense: [16] }, dropout: 0.2,
  optimizer: 'adam', learningRate: 0.005, epochs: 30, batchSize: 64, patience: 6, seed: 42,
};

const LSTM = {
  model: 'lstm', task: 'regression', sequence: { units: [32], dense: [16] }, dropout: 0.2,
  optimizer: 'adam', learningRate: 0.005, epochs: 30, batchSize: 64, patience: 6, seed: 42,
};

export function salesForecast(lang: Lang = 'en') {
  const t = text(lang);
  const b = new NotebookBuilder(t('Sales forecast and safety stock', '판매량 예측과 안전 재고'), {
    authors: [{ name: 'ML Workbench' }],
    description: t(
      'The course\'s K-Mart forecasting notebook: forecast a product\'s sales one lead time ahead (dense, LSTM, 1D-CNN, beside two baselines), score March 2017, check the residuals and choose a safety stock with an inventory simulation.',
      '강의의 K-Mart 예측 노트북: 리드타임 뒤의 상품 판매량을 예측하고(밀집, LSTM, 1D-CNN과 두 기준선) 2017년 3월로 평가하고 잔차를 점검한 뒤 재고 시뮬레이션으로 안전 재고를 고릅니다.',
    ),
    ...(lang === 'ko' ? { language: 'ko' } : {}),
  });
  b.md(t(`
    # Sales forecast and safety stock

    A store orders goods every evening; what it orders today arrives after the product's **lead time** (2 days for all three products here). To order well it must know **how much will sell on the day the goods arrive**. Order too little and customers leave empty-handed (**lost sales**); order too much and money sits on the shelf (**stock**).
    This notebook follows the course's K-Mart forecasting project:

    1. **load** the five retail tables (sales, orders = customers per day, oil price, products, stores),
    2. one **pipeline** function turns the five tables into a product's model input (store 44, customers, the neighbouring stores' visitors, the oil price and its level), applied to products **3** (drink), **12** (milk) and **42** (agricultural),
    3. **explore**: sales over time, by weekday, against customers and against the oil price, and a **seasonal decomposition**,
    4. build the **target** (sales one lead time ahead) and **features** (weekday, weekday mean, customers, 7-day moving average, day-to-day changes), **scale** them,
    5. validate on the **last 60 days** and with **forward-chaining cross-validation**,
    6. train a **dense** network, an **LSTM** and a **1D-CNN** on product 3 and compare their **RMSE, MAE, MAPE, R²** with two forecasts that need no model (**baselines**: the weekday mean and last week's sales), on the validation days and on **March 2017**, the course's test month,
    7. check the **residuals** (normality, stationarity, autocorrelation),
    8. run the **inventory simulation** on March 2017 and find the smallest safety stock with no lost sales, with its daily average stock, value and turnover,
    9. the same models, baselines and simulation for products 12 and 42.

    **The data is generated.** The course's CSVs are not redistributable. The bundled \`kmart-*\` tables are made by a random generator with a fixed seed (every run gets the same tables) that reproduces the course's columns and the patterns measured on its store 44, 2014-01-01 to 2017-03-31:
    customers ~4,400 a day with busier weekends and a December peak; product 3 = customers × basket × a slow upward trend × a weekend lift (×1.9); product 12 follows customers with a December peak; product 42 (~50–150 a day) peaks in July and ignores customers and oil; oil falls from ~100 to ~30 and recovers to ~53; the store is closed on Jan 1 and Dec 25. Two days ahead nobody knows exactly how many customers will come (their count varies by ~3% a day on top of the weekly and yearly pattern, and about one day in a hundred a storm or an outage keeps a quarter of them away), so even a good forecast misses by about 5% a day.
    The models learn from the days up to 2017-02-28; **March 2017** is held out and scored at the end, as the course's business evaluation.

    **Run time.** Models train for at most 30–40 epochs with early stopping. On two CPU cores (WebAssembly) the whole notebook runs in under half a minute, most of it the LSTMs and the cross-validation.
    `, `
    # 판매량 예측과 안전 재고

    매장은 매일 저녁 상품을 주문하고, 오늘 주문한 상품은 상품의 **리드타임**(여기 세 상품 모두 2일) 뒤에 도착합니다. 주문을 잘하려면 **상품이 도착하는 날 얼마나 팔릴지** 알아야 합니다. 너무 적게 주문하면 손님이 빈손으로 돌아가고(**판매 손실**), 너무 많이 주문하면 돈이 선반에 묶입니다(**재고**).
    이 노트북은 강의의 K-Mart 예측 프로젝트를 따라갑니다.

    1. 다섯 가지 소매 표(판매, 주문 = 일별 고객 수, 유가, 상품, 매장)를 **불러옵니다**.
    2. **파이프라인** 함수 하나가 다섯 표를 상품의 모델 입력(매장 44, 고객 수, 이웃 매장의 방문자 수, 유가와 그 수준)으로 바꾸고, 상품 **3**(음료), **12**(우유), **42**(농산물)에 적용합니다.
    3. **탐색**: 시간에 따른 판매, 요일별, 고객 수 대비, 유가 대비, 그리고 **계절 분해**.
    4. **목표**(리드타임 뒤 판매량)와 **특징**(요일, 요일 평균, 고객 수, 7일 이동 평균, 일간 변화)을 만들고 **스케일링**합니다.
    5. **마지막 60일**과 **전진(forward-chaining) 교차 검증**으로 검증합니다.
    6. 상품 3에 **밀집** 신경망, **LSTM**, **1D-CNN**을 학습해 **RMSE, MAE, MAPE, R²**를 모델이 필요 없는 두 예측(**기준선**: 요일 평균과 지난주 판매량)과 검증 기간, 그리고 강의의 테스트 달인 **2017년 3월**에서 비교합니다.
    7. **잔차**(정규성, 정상성, 자기상관)를 점검합니다.
    8. 2017년 3월로 **재고 시뮬레이션**을 돌려 판매 손실이 없는 가장 작은 안전 재고와 그때의 일평균 재고, 가치, 회전율을 찾습니다.
    9. 상품 12와 42에도 같은 모델, 기준선, 시뮬레이션을 적용합니다.

    **데이터는 생성된 것입니다.** 강의의 CSV는 재배포할 수 없습니다. 함께 제공되는 \`kmart-*\` 표는 시드를 고정한 난수 생성기(실행할 때마다 같은 표)가 강의의 열과 매장 44(2014-01-01 ~ 2017-03-31)에서 측정된 패턴을 재현해 만든 것입니다.
    고객은 하루 약 4,400명이고 주말이 붐비며 12월이 정점입니다. 상품 3 = 고객 수 × 장바구니 × 느린 상승 추세 × 주말 상승(×1.9), 상품 12는 고객 수를 따르고 12월에 정점, 상품 42(하루 50~150개)는 7월에 정점이고 고객 수와 유가와 무관합니다. 유가는 약 100에서 약 30으로 떨어졌다가 약 53으로 회복합니다. 매장은 1월 1일과 12월 25일에 문을 닫습니다. 이틀 뒤에 고객이 정확히 몇 명 올지는 아무도 모릅니다(주간·연간 패턴 위에 하루 약 3%씩 달라지고, 백 일에 하루쯤은 폭풍이나 정전으로 고객의 4분의 1이 오지 않습니다). 그래서 좋은 예측도 하루 약 5% 빗나갑니다.
    모델은 2017-02-28까지의 날들로 배우고, **2017년 3월**은 떼어 두었다가 강의의 비즈니스 평가로 마지막에 채점합니다.

    **실행 시간.** 모델은 조기 종료와 함께 최대 30–40 에폭만 학습합니다. CPU 코어 두 개(WebAssembly)에서 노트북 전체가 30초 안에 끝나며, 대부분은 LSTM들과 교차 검증입니다.
    `))
    .md(t(`
    ## 1. Load the five tables
    `, `
    ## 1. 다섯 개 표 불러오기
    `))
    .cell('load', { source: { type: 'dataset', name: 'kmart-sales' }, output: 'sales' }, t('Sales', '판매'))
    .cell('load', { source: { type: 'dataset', name: 'kmart-orders' }, output: 'orders' }, t('Orders (customers per day)', '주문 (일별 고객 수)'))
    .cell('load', { source: { type: 'dataset', name: 'kmart-oil' }, output: 'oil' }, t('Oil price', '유가'))
    .cell('load', { source: { type: 'dataset', name: 'kmart-products' }, output: 'products' }, t('Products', '상품'))
    .cell('load', { source: { type: 'dataset', name: 'kmart-stores' }, output: 'stores' }, t('Stores', '매장'))
    .md(t(`
    ## 2. Store 44 and products 3, 12, 42

    One table per product with one row per day the store was open: **Qty** (units sold), **CustomerCount** (the orders table joined on the date) and **WTI_Price**. Oil trades on business days only, so its price is joined **as of** the date: the last known price on or before that day (an as-of join; weekends and holidays carry Friday's price). Only the training period (to 2017-02-28) is kept.
    `, `
    ## 2. 매장 44와 상품 3, 12, 42

    상품마다 매장이 문을 연 날마다 한 행인 표를 만듭니다: **Qty**(판매 수량), **CustomerCount**(주문 표를 날짜로 조인), **WTI_Price**. 유가는 영업일에만 거래되므로 날짜 **기준(as-of)**으로 조인합니다. 그날 또는 그 이전의 마지막 가격을 씁니다(주말과 휴일은 금요일 가격). 학습 기간(2017-02-28까지)만 남깁니다.
    `))
    .code(`
// The course's create_pipeline: ONE function that turns the five incoming tables into one product's
// model input — applied below to products 3, 12 and 42 (and to any other product id).
const day = (v) => new Date(v).toISOString().slice(0, 10);
const TRAIN_END = '2017-02-28', TEST_END = '2017-03-31';
function create_pipeline(sales, orders, oil, products, stores, productId, storeId = 44) {
  const lead = products.objects().find((r) => r.Product_ID === productId).LeadTime;
  const customers = new Map(), neighbours = new Map();
  for (const r of orders.objects()) {
    const d = day(r.Date);
    if (r.Store_ID === storeId) customers.set(d, r.CustomerCount);
    else { const n = neighbours.get(d) ?? [0, 0]; neighbours.set(d, [n[0] + r.CustomerCount, n[1] + 1]); }
  }
  // Oil trades on business days only: join the last known price on or before the day (as of).
  const oilDays = oil.objects().filter((r) => r.WTI_Price !== null && !Number.isNaN(r.WTI_Price)).map((r) => [day(r.Date), r.WTI_Price]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const oilAsOf = (d) => {
    let lo = 0, hi = oilDays.length - 1, found = null;
    while (lo <= hi) { const mid = (lo + hi) >> 1; if (oilDays[mid][0] <= d) { found = oilDays[mid][1]; lo = mid + 1; } else hi = mid - 1; }
    return found;
  };
  const rows = sales.filter(aq.escape((d) => d.Store_ID === storeId && d.Product_ID === productId && day(d.Date) <= TEST_END)).objects()
    .sort((a, b) => a.Date - b.Date)
    .map((r) => {
      const d = day(r.Date), n = neighbours.get(d), oilPrice = oilAsOf(d);
      return {
        Date: r.Date, Qty: r.Qty, CustomerCount: customers.get(d) ?? null,
        Neighbour_customers: n ? Math.round(n[0] / n[1]) : null,
        WTI_Price: oilPrice, oil_level: oilPrice === null ? null : oilPrice < 40 ? 0 : oilPrice < 70 ? 1 : 2,
        weekday: (new Date(r.Date).getUTCDay() + 6) % 7,
      };
    });
  // The day the target belongs to: lead rows later (the store is closed on Jan 1 and Dec 25), and its weekday (0 = Monday).
  rows.forEach((r, i) => {
    const target = rows[i + lead];
    r.target_day = target ? day(target.Date) : null;
    r.target_weekday = target ? target.weekday : null;
  });
  return aq.from(rows);
}
const all = [3, 12, 42].map((id) => create_pipeline(sales, orders, oil, products, stores, id));
const [p3_all, p12_all, p42_all] = all;
set('p3_all', p3_all); set('p12_all', p12_all); set('p42_all', p42_all);
// The training period (to 2017-02-28) for exploring; March 2017 stays unseen until the test.
const train = (t) => t.filter(aq.escape((d) => day(d.Date) <= TRAIN_END));
const p3 = train(p3_all), p12 = train(p12_all), p42 = train(p42_all);
set('p3', p3); set('p12', p12); set('p42', p42);
set('p3_recent', p3.slice(p3.numRows() - 90));
display(stores.filter((d) => d.Store_ID === 44));
display(products.filter((d) => d.Product_ID === 3 || d.Product_ID === 12 || d.Product_ID === 42));
return aq.from(all.map((p, i) => ({ product: [3, 12, 42][i], days: p.numRows(), first: day(p.get('Date', 0)), last: day(p.get('Date', p.numRows() - 1)), training_days: [p3, p12, p42][i].numRows(), mean_qty: +(p.array('Qty').reduce((a, b) => a + b, 0) / p.numRows()).toFixed(1), missing_customers: p.array('CustomerCount').filter((v) => v === null).length })));
`, t('The pipeline: one function, applied to each product', '파이프라인: 함수 하나를 상품마다 적용'), PIPELINE_PY)
    .md(t(`
    ## 3. Explore

    - Sales over the **whole period** and over the **last 90 days** (the weekly rhythm shows up close).
    - **Mean by weekday** (0 = Monday): how much busier are weekends?
    - Against **customers**: product 3 should rise almost in a line with visitors.
    - Against the **oil price** (product 42): the course asks whether fuel prices move farm goods — here they do not.
    - A **seasonal decomposition** with period 7 splits product 3 into trend + weekly pattern + residual; the ACF and the ADF test say how much each day depends on the days before and whether the series is stationary.
    `, `
    ## 3. 탐색

    - **전체 기간**과 **최근 90일**의 판매(가까이 보면 주간 리듬이 보입니다).
    - **요일별 평균**(0 = 월요일): 주말은 얼마나 더 붐비나?
    - **고객 수** 대비: 상품 3은 방문자 수와 거의 직선으로 함께 올라야 합니다.
    - **유가** 대비(상품 42): 강의는 연료비가 농산물을 움직이는지 묻습니다. 여기서는 그렇지 않습니다.
    - 주기 7의 **계절 분해**는 상품 3을 추세 + 주간 패턴 + 잔차로 나눕니다. ACF와 ADF 검정은 하루가 이전 날들에 얼마나 의존하는지, 시계열이 정상적인지 알려 줍니다.
    `))
    .cell('visualize', { input: 'p3', chart: 'line', x: 'Date', y: ['Qty'], title: t('Product 3: daily sales, 2014–2017', '상품 3: 일별 판매량, 2014–2017') }, t('Product 3 over the whole period', '상품 3 전체 기간'))
    .cell('visualize', { input: 'p3_recent', chart: 'line', x: 'Date', y: ['Qty', 'CustomerCount'], title: t('Product 3 and customers: the last 90 days', '상품 3과 고객 수: 최근 90일') }, t('The last 90 days', '최근 90일'))
    .cell('visualize', { input: 'p3', chart: 'bar', x: 'weekday', y: ['Qty'], aggregate: 'mean', title: t('Product 3: mean sales by weekday (0 = Monday)', '상품 3: 요일별 평균 판매량 (0 = 월요일)') }, t('By weekday', '요일별'))
    .cell('visualize', { input: 'p3', chart: 'scatter', x: 'CustomerCount', y: ['Qty'], title: t('Product 3 against customers', '상품 3 대 고객 수') }, t('Against customers', '고객 수 대비'))
    .cell('visualize', { input: 'p42', chart: 'scatter', x: 'WTI_Price', y: ['Qty'], title: t('Product 42 against the oil price', '상품 42 대 유가') }, t('Against the oil price', '유가 대비'))
    .code(`
// Correlations behind the two scatter plots.
const corr = (t, a, b) => {
  const rows = t.objects().filter((r) => r[a] !== null && r[b] !== null);
  const x = rows.map((r) => r[a]), y = rows.map((r) => r[b]);
  const mx = x.reduce((s, v) => s + v, 0) / x.length, my = y.reduce((s, v) => s + v, 0) / y.length;
  let sxy = 0, sxx = 0, syy = 0;
  x.forEach((v, i) => { sxy += (v - mx) * (y[i] - my); sxx += (v - mx) ** 2; syy += (y[i] - my) ** 2; });
  return +(sxy / Math.sqrt(sxx * syy)).toFixed(3);
};
return aq.from([
  { product: 3, with_customers: corr(p3, 'Qty', 'CustomerCount'), with_oil: corr(p3, 'Qty', 'WTI_Price') },
  { product: 12, with_customers: corr(p12, 'Qty', 'CustomerCount'), with_oil: corr(p12, 'Qty', 'WTI_Price') },
  { product: 42, with_customers: corr(p42, 'Qty', 'CustomerCount'), with_oil: corr(p42, 'Qty', 'WTI_Price') },
]);
`, t('Correlation with customers and oil', '고객 수·유가와의 상관'), CORRELATION_PY)
    .cell('timeseries', { input: 'p3', time: 'Date', value: 'Qty', analyses: ['decompose', 'acf', 'adf'], period: 7, model: 'additive', lags: 28, output: 'p3_ts' }, t('Product 3: decomposition (period 7), ACF, ADF', '상품 3: 분해(주기 7), ACF, ADF'));

  const p3 = PRODUCTS[0];
  b.md(t(`
    ## 4. Target and features (product 3)

    **Target.** Today at 21:00 the store orders what will arrive in **${p3.lead} days** (product 3's lead time in the products table), so the model predicts \`target\` = **Qty ${p3.lead} rows later** (pandas \`shift(-${p3.lead})\`; around Jan 1 and Dec 25, when the store is closed, that is one calendar day more).
    **Features**, all known at 21:00 today:
    - **Qty** and **CustomerCount** of today, and their **day-to-day changes** (\`_diff1\`),
    - the **7-day moving average** of Qty (\`Qty_rolling_mean7\`: the level without the weekly swing),
    - **weekday** and **month** of today (\`Date_weekday\`, \`Date_month\`),
    - **weekday mean**: the mean target on the target day's weekday (\`target_weekday\`: the target day's weekday, replaced by its mean target in the training days — the weekend lift the model must predict),
    - the **neighbouring stores' visitors** today (\`Neighbour_customers\`: the mean customers of the other stores in the orders table) and the **oil-price level** (\`oil_level\`: 0 below $40, 1 from $40 to $70, 2 above) — the course's extra features.
    The last ${p3.lead} days have no target yet and the first 6 no full moving average: those rows are dropped.

    **Test month.** The rows whose target day falls in **March 2017** are held out first: the course's business test month, scored once at the end.
    **Validation.** The course keeps the **last 60 days** (to 2017-02-28) for validation — a time split, never a random one: a model must be judged on days after the ones it learned from. The weekday mean and the **min-max scaling** (to 0–1) are fitted on the training days only and then applied to the validation days.
    `, `
    ## 4. 목표와 특징 (상품 3)

    **목표.** 매장은 오늘 21시에 **${p3.lead}일 뒤**(상품 표에 있는 상품 3의 리드타임) 도착할 양을 주문합니다. 그래서 모델은 \`target\` = **${p3.lead}행 뒤의 Qty**(pandas \`shift(-${p3.lead})\`; 매장이 닫는 1월 1일과 12월 25일 근처에서는 하루 더)를 예측합니다.
    **특징**은 모두 오늘 21시에 알 수 있는 값입니다.
    - 오늘의 **Qty**와 **CustomerCount**, 그리고 그 **일간 변화**(\`_diff1\`)
    - Qty의 **7일 이동 평균**(\`Qty_rolling_mean7\`: 주간 출렁임을 뺀 수준)
    - 오늘의 **요일**과 **월**(\`Date_weekday\`, \`Date_month\`)
    - **요일 평균**: 목표일 요일의 평균 목표값(\`target_weekday\`: 목표일의 요일을 학습 기간의 평균 목표값으로 바꾼 것 — 모델이 예측해야 할 주말 상승)
    - 오늘의 **이웃 매장 방문자 수**(\`Neighbour_customers\`: 주문 표에 있는 다른 매장들의 평균 고객 수)와 **유가 수준**(\`oil_level\`: $40 미만 0, $40–70 1, 그 이상 2) — 강의의 추가 특징.
    마지막 ${p3.lead}일은 아직 목표가 없고 처음 6일은 이동 평균이 채워지지 않아 버립니다.

    **테스트 달.** 목표일이 **2017년 3월**인 행을 먼저 떼어 둡니다. 강의의 비즈니스 테스트 달로, 마지막에 한 번 채점합니다.
    **검증.** 강의는 (2017-02-28까지의) **마지막 60일**을 검증용으로 둡니다. 무작위가 아닌 시간 분할입니다. 모델은 배운 날들 이후의 날로 평가해야 합니다. 요일 평균과 **min-max 스케일링**(0–1)은 학습 기간으로만 적합하고 검증 기간에 적용합니다.
    `));
  features(b, t, p3.id, p3.lead);
  b.md(t(`
    ## 5. Forward-chaining cross-validation

    One validation window can be lucky. **Forward chaining** trains on the first block of days and tests on the next, then trains on the first two blocks and tests on the third, and so on — the model never sees the future. Four folds of the dense model on the training days give a mean ± std of each metric.
    `, `
    ## 5. 전진 교차 검증

    검증 구간 하나는 운이 좋을 수 있습니다. **전진(forward-chaining)** 방식은 처음 구간으로 학습해 다음 구간으로 평가하고, 처음 두 구간으로 학습해 세 번째로 평가하는 식으로 진행합니다. 모델은 미래를 보지 않습니다. 학습 기간에서 밀집 모델로 4개 폴드를 돌려 각 지표의 평균 ± 표준편차를 얻습니다.
    `))
    .cell('crossval', {
      input: 'p3_train_s', target: 'target', features: FORECAST_FEATURES, task: 'regression', model: 'mlp', hidden: [32, 16],
      optimizer: 'adam', learningRate: 0.005, epochs: 40, batchSize: 32, seed: 42, method: 'time', folds: 4, time: 'Date', output: 'p3_cv',
    }, t('Product 3: forward-chaining CV (4 folds)', '상품 3: 전진 교차 검증 (4 폴드)'))
    .md(t(`
    ## 6. Three models for product 3

    - **Dense** network (MLP 32–16; the course's first, "baseline" network): sees today's features only.
    - **LSTM** (32 units, dropout 0.2, a dense layer of 16): reads the last **${WINDOW} days** of features as a sequence (the course's \`temporalize\`), so it can use the weekly rhythm of recent days.
    - **1D-CNN** (32 filters of 3 days, max pooling): the same windows, learning short patterns with convolutions.
    All use Adam, at most 30–40 epochs and **early stopping** (patience 6–8) on the validation loss, keeping the best epoch. The targets are standardised inside the models and the predictions turned back into units.
    The validation windows of day *d* use the ${WINDOW} days up to *d*, so the first validation windows reach back into the last training days (inputs only) — every model is scored on the same 60 validation days.
    `, `
    ## 6. 상품 3의 세 모델

    - **밀집** 신경망(MLP 32–16; 강의의 첫 "기준" 신경망): 오늘의 특징만 봅니다.
    - **LSTM**(32 유닛, 드롭아웃 0.2, 16짜리 밀집층): 최근 **${WINDOW}일**의 특징을 시퀀스로 읽습니다(강의의 \`temporalize\`). 그래서 최근 며칠의 주간 리듬을 쓸 수 있습니다.
    - **1D-CNN**(3일짜리 필터 32개, 최대 풀링): 같은 윈도에서 합성곱으로 짧은 패턴을 배웁니다.
    모두 Adam, 최대 30–40 에폭, 검증 손실 기준 **조기 종료**(patience 6–8)로 가장 좋은 에폭을 남깁니다. 목표값은 모델 안에서 표준화하고 예측은 다시 수량 단위로 돌립니다.
    검증일 *d*의 윈도는 *d*까지의 ${WINDOW}일을 쓰므로 첫 검증 윈도들은 마지막 학습일까지 거슬러 갑니다(입력만). 모든 모델은 같은 60일의 검증일로 평가됩니다.
    `))
    .cell('train', {
      input: 'p3_train_s', validation: 'p3_valid_s', target: 'target', features: FORECAST_FEATURES, task: 'regression', model: 'mlp', hidden: [32, 16],
      optimizer: 'adam', learningRate: 0.005, epochs: 40, batchSize: 32, patience: 8, seed: 42, output: 'p3_mlp',
    }, t('Product 3: dense network', '상품 3: 밀집 신경망'))
    .cell('evaluate', { model: 'p3_mlp', input: 'p3_valid_s', output: 'p3_mlp_metrics', predictions: 'p3_mlp_pred' }, t('Dense network on the last 60 days', '마지막 60일에서 밀집 신경망 평가'));
  windows(b, t, p3.id);
  b.cell('train', { ...LSTM, input: 'p3_train_w', validation: 'p3_valid_w', output: 'p3_lstm' }, t('Product 3: LSTM', '상품 3: LSTM'))
    .cell('evaluate', { model: 'p3_lstm', input: 'p3_valid_w', output: 'p3_lstm_metrics', predictions: 'p3_lstm_pred' }, t('LSTM on the last 60 days', '마지막 60일에서 LSTM 평가'))
    .cell('train', { ...CNN, input: 'p3_train_w', validation: 'p3_valid_w', output: 'p3_cnn' }, t('Product 3: 1D-CNN', '상품 3: 1D-CNN'))
    .cell('evaluate', { model: 'p3_cnn', input: 'p3_valid_w', output: 'p3_cnn_metrics', predictions: 'p3_cnn_pred' }, t('1D-CNN on the last 60 days', '마지막 60일에서 1D-CNN 평가'))
    .md(t(`
    **Reading the metrics.** **RMSE** and **MAE** are in units per day (RMSE punishes big misses more); **MAPE** is the mean relative miss (0.08 = 8%); **R²** is the share of the day-to-day variance the model explains (1 = perfect, 0 = no better than always predicting the mean). Product 3's models miss by 12–16% (MAPE) on the validation days, which start just after December's peak and hold two storm days, and by 5–6% on March 2017 (scored below). The **baselines** show what that costs: if the weekday mean does as well as a network, the network has not earned its place.
    `, `
    **지표 읽기.** **RMSE**와 **MAE**는 하루당 수량 단위입니다(RMSE는 큰 오차를 더 세게 벌합니다). **MAPE**는 평균 상대 오차(0.08 = 8%), **R²**는 모델이 설명하는 일간 변동의 비율입니다(1 = 완벽, 0 = 늘 평균을 답하는 것과 같음). 상품 3의 모델은 검증 기간에 12–16%(MAPE) 빗나갑니다. 검증 기간은 12월의 정점 바로 뒤에 시작하고 폭풍이 온 이틀이 들어 있습니다. 2017년 3월에는 5–6% 빗나갑니다(아래에서 채점합니다). **기준선**이 그 의미를 보여 줍니다: 요일 평균이 신경망만큼 잘한다면, 신경망은 자리를 얻지 못한 것입니다.
    `))
;
  testMonth(b, t, p3.id);
  baselines(b, t, p3.id);
  scores(b, t, p3.id);
  b
    .code(`
// Actual and forecast sales on the validation days.
const dates = p3_valid_s.orderby('Date').array('Date');
const x = dates.map((d) => new Date(d.getTime() + ${p3.lead} * 86400000).toISOString().slice(0, 10));
const trace = (name, t, col) => ({ type: 'scatter', mode: 'lines', name, x, y: t.array(col) });
return { data: [trace('actual', p3_lstm_pred, 'truth'), trace('LSTM', p3_lstm_pred, 'prediction'), trace('1D-CNN', p3_cnn_pred, 'prediction'), trace('Dense', p3_mlp_pred, 'prediction')],
  layout: { title: { text: 'Product 3: actual and forecast sales, validation days (target day)' }, yaxis: { title: { text: 'units' } } } };
`, t('Forecasts against actual sales', '예측 대 실제 판매량'), forecastChartPy(p3.lead))
    .md(t(`
    ## 7. Residuals of the LSTM

    A good forecast leaves residuals (actual − forecast) that look like **noise**: centred on 0, roughly **normal** (Shapiro–Wilk), **stationary** (ADF) and without **autocorrelation** (ACF/PACF bars inside the band). A pattern left in the residuals is something a better model could still learn — for example a weekly spike at lag 7.
    `, `
    ## 7. LSTM의 잔차

    좋은 예측은 잔차(실제 − 예측)를 **잡음**처럼 남깁니다: 0을 중심으로, 대략 **정규**(Shapiro–Wilk), **정상적**(ADF)이고 **자기상관**이 없습니다(ACF/PACF 막대가 띠 안). 잔차에 남은 패턴은 더 나은 모델이 아직 배울 수 있는 것입니다. 예를 들어 시차 7의 주간 돌출.
    `))
    .code(`
// Residual = actual − forecast, per validation day.
const dates = p3_valid_s.orderby('Date').array('Date');
const truth = p3_lstm_pred.array('truth'), pred = p3_lstm_pred.array('prediction');
const p3_resid = aq.from(truth.map((y, i) => ({ Date: dates[i], residual: y - pred[i] })));
set('p3_resid', p3_resid);
return p3_resid;
`, t('Residuals', '잔차'), RESIDUALS_PY)
    .cell('timeseries', { input: 'p3_resid', time: 'Date', value: 'residual', analyses: ['shapiro', 'adf', 'acf', 'pacf'], lags: 14, output: 'p3_resid_ts' }, t('Residual tests: Shapiro–Wilk, ADF, ACF/PACF', '잔차 검정: Shapiro–Wilk, ADF, ACF/PACF'))
    .md(t(`
    ## 8. Inventory simulation (product 3, March 2017)

    The course's business evaluation: the \`inv_simulator\` function the course hands out replays **March 2017** with a store that orders from the LSTM's forecast, rounded to whole units. Each day *i* (lead time *L* = ${p3.lead}, safety stock *SS*):
    - the goods ordered *L* days ago arrive (\`receive_i = order_{i−L}\`; no order was placed before the period, so the first *L* days receive exactly what they sell),
    - **base** = yesterday's closing stock + receive; sales are min(demand, base); **lost** = max(demand − base, 0) — an empty shelf loses the sale,
    - **close** = max(base − demand, 0),
    - **order** = max(forecast_{i+L} + SS − close, 0): the forecast for the arrival day plus the safety stock, minus what is left (the course's rule: it looks at today's closing stock only and ignores the orders already on their way; with a lead time of 3 days that rule has no safety stock that avoids every lost sale, which is why the course gives all three products 2 days).
    The last *L* days of March have no forecast for the day their order would arrive, so, as in the course, only the first 29 days are simulated. The course's measures, per safety-stock level: the **daily average stock** = (opening + closing stock) / 2, averaged over the days; its **value** (× the price from the products table, $8); the **daily turnover** = each day's sales ÷ that day's stock, averaged over the days (the course reports 1.08–1.24); and the **lost units**. The grid of levels is in **% of mean daily demand** (the course's 5–20 units mean nothing at ~7,900 units a day in March).
    Then the cell tries **every whole unit** of safety stock and names the **smallest with zero lost sales**, with its stock, value and turnover — the row the course reports per product (section 10 compares them). Read the grid for the price of safety: how lost sales fall and the stock and its value grow as the safety stock rises.
    `, `
    ## 8. 재고 시뮬레이션 (상품 3, 2017년 3월)

    강의의 비즈니스 평가: 강의가 나눠 주는 \`inv_simulator\` 함수가 (정수로 반올림한) LSTM 예측으로 주문하는 매장으로 **2017년 3월**을 재생합니다. 매일 *i*(리드타임 *L* = ${p3.lead}, 안전 재고 *SS*):
    - *L*일 전에 주문한 상품이 도착합니다(\`receive_i = order_{i−L}\`; 기간 전에는 주문이 없으므로 처음 *L*일은 팔리는 만큼을 그대로 받음).
    - **base** = 어제의 마감 재고 + 입고; 판매는 min(수요, base); **손실** = max(수요 − base, 0) — 빈 선반은 판매를 잃습니다.
    - **마감 재고** = max(base − 수요, 0)
    - **주문** = max(예측_{i+L} + SS − 마감 재고, 0): 도착일의 예측에 안전 재고를 더하고 남은 재고를 뺍니다(강의의 규칙: 오늘의 마감 재고만 보고 오고 있는 주문은 무시합니다. 리드타임이 3일이면 이 규칙으로는 판매 손실을 모두 막는 안전 재고가 없습니다. 그래서 강의는 세 상품 모두 2일로 둡니다).
    3월의 마지막 *L*일은 주문이 도착할 날의 예측이 없으므로 강의처럼 처음 29일만 시뮬레이션합니다. 안전 재고 수준마다 강의의 지표를 보여 줍니다: **일평균 재고** = (기초 재고 + 마감 재고) / 2의 날짜 평균, 그 **가치**(상품 표의 가격 $8 곱), **일 회전율** = 그날 판매량 ÷ 그날 재고의 날짜 평균(강의는 1.08–1.24), 그리고 **손실 수량**. 수준 격자는 **일평균 수요의 %**입니다(3월의 하루 약 7,900개에서 강의의 5–20개는 의미가 없습니다).
    그다음 셀은 안전 재고를 **1개 단위로 모두** 시도해 **판매 손실이 0인 가장 작은 값**과 그때의 재고, 가치, 회전율을 알려 줍니다. 강의가 상품마다 보고하는 행입니다(10절에서 비교합니다). 격자에서는 안전 재고가 늘 때 판매 손실이 어떻게 줄고 재고와 그 가치가 어떻게 느는지, 즉 안전의 값을 읽으세요.
    `))
    .cell('inventory', {
      input: 'p3_lstm_test_pred', actual: 'truth', predicted: 'prediction', priceFrom: { input: 'products', keyColumn: 'Product_ID', key: 3, column: 'Price' },
      leadTime: p3.lead, safetyStocks: SAFETY_LEVELS, unit: 'percent', output: 'p3_inventory', zeroLossOutput: 'p3_zero_loss',
    }, t('Product 3: inventory by safety stock, March 2017', '상품 3: 안전 재고별 재고, 2017년 3월'));

  b.md(t(`
    ## 9. Products 12 and 42

    The same pipeline function and steps for the other two products, with their own price (lead time 2 days, too): features, the March hold-out, time split, scaling, the **three models** (dense, LSTM, 1D-CNN) beside the two **baselines**, on the validation days and March, and the inventory simulation on the LSTM's March forecast (as for product 3). Product 12 follows customers with a December peak and uses ${WINDOW_OF[12]}-day windows; product 42 is small (~100 a day), seasonal over the year, with 8% noise of its own but no link to customers, and gets the course's **${WINDOW_OF[42]}-day** windows — expect a lower R² there (its weekly swing is small against that noise). In March the LSTM misses it by about 6% a day, about as much as products 3 and 12 (5–6%), whose sales follow the customers (section 10 compares their safety stocks).
    `, `
    ## 9. 상품 12와 42

    나머지 두 상품도 같은 파이프라인 함수와 단계를 각자의 가격으로 거칩니다(리드타임도 2일): 특징, 3월 떼어 두기, 시간 분할, 스케일링, 두 **기준선** 옆의 **세 모델**(밀집, LSTM, 1D-CNN)을 검증 기간과 3월에서, 그리고 (상품 3처럼) LSTM의 3월 예측으로 하는 재고 시뮬레이션. 상품 12는 고객 수를 따르고 12월에 정점이며 ${WINDOW_OF[12]}일 윈도를 씁니다. 상품 42는 작고(하루 약 100개) 연중 계절성이 있으며, 자체 잡음은 8%이지만 고객 수와는 무관하고, 강의처럼 **${WINDOW_OF[42]}일** 윈도를 씁니다. R²가 더 낮을 것입니다(주간 변동이 그 잡음에 비해 작습니다). 3월에 LSTM은 이 상품을 하루 약 6% 빗나가며, 판매가 고객 수를 따르는 상품 3과 12(5–6%)와 비슷합니다(10절에서 안전 재고를 비교합니다).
    `));
  for (const p of PRODUCTS.slice(1)) {
    const id = p.id;
    b.md(t(`### Product ${id} (lead time ${p.lead} days)`, `### 상품 ${id} (리드타임 ${p.lead}일)`));
    features(b, t, id, p.lead);
    b.cell('train', {
      input: `p${id}_train_s`, validation: `p${id}_valid_s`, target: 'target', features: FORECAST_FEATURES, task: 'regression', model: 'mlp', hidden: [32, 16],
      optimizer: 'adam', learningRate: 0.005, epochs: 40, batchSize: 32, patience: 8, seed: 42, output: `p${id}_mlp`,
    }, t(`Product ${id}: dense network`, `상품 ${id}: 밀집 신경망`))
      .cell('evaluate', { model: `p${id}_mlp`, input: `p${id}_valid_s`, output: `p${id}_mlp_metrics`, predictions: `p${id}_mlp_pred` }, t(`Product ${id}: dense network on the last 60 days`, `상품 ${id}: 마지막 60일에서 밀집 신경망 평가`));
    windows(b, t, id);
    b.cell('train', { ...LSTM, input: `p${id}_train_w`, validation: `p${id}_valid_w`, output: `p${id}_lstm` }, t(`Product ${id}: LSTM`, `상품 ${id}: LSTM`))
      .cell('evaluate', { model: `p${id}_lstm`, input: `p${id}_valid_w`, output: `p${id}_lstm_metrics`, predictions: `p${id}_lstm_pred` }, t(`Product ${id}: LSTM on the last 60 days`, `상품 ${id}: 마지막 60일에서 LSTM 평가`))
      .cell('train', { ...CNN, input: `p${id}_train_w`, validation: `p${id}_valid_w`, output: `p${id}_cnn` }, t(`Product ${id}: 1D-CNN`, `상품 ${id}: 1D-CNN`))
      .cell('evaluate', { model: `p${id}_cnn`, input: `p${id}_valid_w`, output: `p${id}_cnn_metrics`, predictions: `p${id}_cnn_pred` }, t(`Product ${id}: 1D-CNN on the last 60 days`, `상품 ${id}: 마지막 60일에서 1D-CNN 평가`))
;
    testMonth(b, t, id);
    baselines(b, t, id);
    scores(b, t, id);
    b
      .cell('inventory', {
        input: `p${id}_lstm_test_pred`, actual: 'truth', predicted: 'prediction', priceFrom: { input: 'products', keyColumn: 'Product_ID', key: id, column: 'Price' },
        leadTime: p.lead, safetyStocks: SAFETY_LEVELS, unit: 'percent', output: `p${id}_inventory`, zeroLossOutput: `p${id}_zero_loss`,
      }, t(`Product ${id}: inventory by safety stock, March 2017 (LSTM forecast)`, `상품 ${id}: 안전 재고별 재고, 2017년 3월 (LSTM 예측)`));
  }
  b.md(t(`
    ## 10. The business evaluation, as the course reports it

    One row per product: the smallest safety stock with **zero lost sales** in March 2017, the **daily average stock** it leads to, that stock's **value** and the **daily turnover**, beside the LSTM's March error.
    **Compare with the course** (P3 2216 units / value 82,347 / turnover 1.204; P12 4110 / 65,723 / 1.084; P42 36 / 471 / 1.235): on this generated data the zero-loss safety stock is about **half a day's demand** for product 3 (a third of a day for products 12 and 42) and the daily turnover about **1.16**, **1.17** and **1.25**, in the course's 1.1–1.3. The safety stock must cover the forecast's worst misses, not its average one: the LSTM misses March by 5–6% a day on average, and a single bad day sets the whole level. The course's order rule adds to that: each order is sized on today's closing stock but ignores the order that arrives tomorrow, so a miss is corrected twice (by today's and tomorrow's orders), a surplus follows, then a cut — the stock swings, and the safety stock must cover the swing. An order rule that counts the goods on their way would need less.
    `, `
    ## 10. 강의가 보고하는 방식의 비즈니스 평가

    상품마다 한 행: 2017년 3월에 **판매 손실이 0**인 가장 작은 안전 재고, 그때의 **일평균 재고**, 그 재고의 **가치**, **일 회전율**, 그리고 LSTM의 3월 오차.
    **강의와 비교하세요**(P3 2216개 / 가치 82,347 / 회전율 1.204; P12 4110 / 65,723 / 1.084; P42 36 / 471 / 1.235). 이 생성 데이터에서는 손실 0 안전 재고가 상품 3에서 **반나절 수요** 정도(상품 12와 42는 하루의 3분의 1)이고 일 회전율은 약 **1.16**, **1.17**, **1.25**로 강의의 1.1–1.3 안에 있습니다. 안전 재고는 예측의 평균 오차가 아니라 가장 큰 오차를 덮어야 합니다. LSTM은 3월에 하루 평균 5–6% 빗나가지만, 나쁜 하루 하나가 전체 수준을 정합니다. 강의의 주문 규칙도 한몫합니다. 주문은 오늘의 마감 재고로 정하지만 내일 도착할 주문은 무시하므로, 빗나간 만큼이 두 번(오늘과 내일의 주문으로) 메워지고, 이어서 남는 재고, 그다음 감축이 옵니다. 재고가 출렁이고, 안전 재고는 그 출렁임을 덮어야 합니다. 오고 있는 상품까지 세는 주문 규칙이라면 더 적게 필요합니다.
    `));
  b.code(`
// The course's business evaluation, as the course shows it: per product the smallest safety stock with
// zero lost sales in March 2017 (LSTM forecast, lead time 2), its daily average stock (opening + closing) / 2,
// that stock's value at the product's price and the daily turnover — beside the LSTM's March scores.
const row = (product, m, z) => ({ product, safety_stock: z.get('safety_stock', 0), price: z.get('price', 0), daily_avg_stock: z.get('daily_avg_stock', 0),
  daily_avg_value: z.get('daily_avg_value', 0), daily_turnover: z.get('daily_turnover', 0), lost: z.get('lost_units', 0), mar_mae: +m.mae.toFixed(1), mar_r2: +m.r2.toFixed(4) });
const product_summary = aq.from([row(3, p3_lstm_test_metrics, p3_zero_loss), row(12, p12_lstm_test_metrics, p12_zero_loss), row(42, p42_lstm_test_metrics, p42_zero_loss)]);
set('product_summary', product_summary);
return product_summary;
`, t('All three products: the smallest zero-loss safety stock', '세 상품: 판매 손실이 없는 가장 작은 안전 재고'), SUMMARY_PY)
    .md(t(`
    ## What next

    - **Other stores.** The pipeline takes a store id: run it for store 45, 46, 47 or 3 and compare.
    - Try 14-day windows for products 3 and 12 too (product 42 uses them), or add the month one-hot columns the course uses.
    - For product 42 the course adds a seasonal decomposition (period 12) and holiday flags as features.
    `, `
    ## 다음으로

    - **다른 매장.** 파이프라인은 매장 id를 받습니다. 매장 45, 46, 47, 3으로 돌려 비교해 보세요.
    - 상품 3과 12에도 14일 윈도(상품 42가 쓰는 것)를 써 보거나, 강의가 쓰는 월 원-핫 열을 더해 보세요.
    - 상품 42에 강의는 계절 분해(주기 12)와 휴일 표시를 특징으로 더합니다.
    `));
  return b.build();
}
