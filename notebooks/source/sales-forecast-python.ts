// The Python twins of the sales-forecast notebook's JavaScript code cells
// ("Export as Python notebook" emits them instead of a TODO): pandas code as
// the course's instructor would write it (create_pipeline, the course's
// name), making the same tables and numbers as the JavaScript beside it.
// Dates stay the data files' 'YYYY-MM-DD' text in Python, which sorts and
// compares as the dates do.

/** The course's create_pipeline, applied to products 3, 12 and 42. */
export const PIPELINE_PY = `
TRAIN_END, TEST_END = '2017-02-28', '2017-03-31'

def create_pipeline(sales, orders, oil, products, stores, product_id, store_id=44):
    """The course's pipeline: the five tables -> one product's daily model input at one store."""
    lead = int(products.loc[products['Product_ID'] == product_id, 'LeadTime'].iloc[0])
    customers = orders[orders['Store_ID'] == store_id].set_index('Date')['CustomerCount']
    neighbours = orders[orders['Store_ID'] != store_id].groupby('Date')['CustomerCount'].mean()
    # Oil trades on business days only: the last known price on or before the day (as of).
    oil_price = oil.dropna(subset=['WTI_Price']).sort_values('Date', kind='stable').set_index('Date')['WTI_Price']
    keep = (sales['Store_ID'] == store_id) & (sales['Product_ID'] == product_id) & (sales['Date'] <= TEST_END)
    df = sales.loc[keep, ['Date', 'Qty']].sort_values('Date', kind='stable').reset_index(drop=True)
    df['CustomerCount'] = df['Date'].map(customers)
    df['Neighbour_customers'] = np.floor(df['Date'].map(neighbours) + 0.5)  # rounded half up, as Math.round
    df['WTI_Price'] = oil_price.reindex(oil_price.index.union(df['Date'])).ffill().reindex(df['Date']).to_numpy()
    df['oil_level'] = np.select([df['WTI_Price'] < 40, df['WTI_Price'] < 70, df['WTI_Price'] >= 70], [0, 1, 2], default=np.nan)
    df['weekday'] = pd.to_datetime(df['Date']).dt.weekday  # 0 = Monday
    # The day the target belongs to: lead rows later (the store is closed on Jan 1 and Dec 25), and its weekday.
    df['target_day'] = df['Date'].shift(-lead)
    df['target_weekday'] = df['weekday'].shift(-lead)
    return df

p3_all, p12_all, p42_all = [create_pipeline(sales, orders, oil, products, stores, pid) for pid in (3, 12, 42)]
# The training period (to 2017-02-28) for exploring; March 2017 stays unseen until the test.
p3, p12, p42 = [p[p['Date'] <= TRAIN_END].reset_index(drop=True) for p in (p3_all, p12_all, p42_all)]
p3_recent = p3.tail(90).reset_index(drop=True)
print(stores[stores['Store_ID'] == 44])
print(products[products['Product_ID'].isin([3, 12, 42])])
products_overview = pd.DataFrame([{'product': pid, 'days': len(p), 'first': p['Date'].iloc[0], 'last': p['Date'].iloc[-1], 'training_days': len(t),
                                   'mean_qty': round(p['Qty'].mean(), 1), 'missing_customers': int(p['CustomerCount'].isna().sum())}
                                  for pid, p, t in [(3, p3_all, p3), (12, p12_all, p12), (42, p42_all, p42)]])
products_overview
`;

export const CORRELATION_PY = `
# Correlations behind the two scatter plots (the complete rows of each pair).
def corr(t, a, b):
    rows = t[[a, b]].dropna()
    return round(rows[a].corr(rows[b]), 3)

correlations = pd.DataFrame([{'product': pid, 'with_customers': corr(p, 'Qty', 'CustomerCount'), 'with_oil': corr(p, 'Qty', 'WTI_Price')}
                             for pid, p in [(3, p3), (12, p12), (42, p42)]])
correlations
`;

export const holdoutPy = (id: number) => `
# Rows whose target day is in March 2017 are the test month; the rest (targets up to 2017-02-28) are for training and validation.
p${id}_dev = p${id}_feat[p${id}_feat['target_day'] <= '2017-02-28'].reset_index(drop=True)
p${id}_test = p${id}_feat[p${id}_feat['target_day'] >= '2017-03-01'].reset_index(drop=True)
print(f"{len(p${id}_dev)} rows for training and validation, {len(p${id}_test)} test rows "
      f"(target days {p${id}_test['target_day'].iloc[0]} to {p${id}_test['target_day'].iloc[-1]})")
`;

export const windowsContextPy = (id: number, steps: number) => `
# The validation windows need the ${steps - 1} days before the first validation day as their history:
# the last ${steps - 1} training rows + the validation rows; the March windows take the last ${steps - 1} validation rows.
train = p${id}_train_s.sort_values('Date', kind='stable')
valid = p${id}_valid_s.sort_values('Date', kind='stable')
p${id}_valid_ctx = pd.concat([train.tail(${steps - 1}), valid], ignore_index=True)
p${id}_test_ctx = pd.concat([valid.tail(${steps - 1}), p${id}_test_s.sort_values('Date', kind='stable')], ignore_index=True)
print(f'{len(p${id}_valid_ctx) - ${steps - 1}} validation windows and {len(p${id}_test_ctx) - ${steps - 1}} March windows of ${steps} days')
`;

export const baselinesPy = (id: number) => `
# Two forecasts that need no model, scored on the same days as the models.
# weekday mean: the mean target of the training days with the same target weekday;
# last week: the sales 7 days before the target day (a week earlier again when the store was closed that day).
weekday_means = p${id}_train.groupby('target_weekday')['target'].mean()
sales_on = dict(zip(p${id}_all['Date'], p${id}_all['Qty']))

def weekday_mean(rows):
    return rows['target_weekday'].map(weekday_means)

def last_week(rows):
    def sales_weeks_before(day):
        for weeks in range(1, 5):
            earlier = (pd.Timestamp(day) - pd.Timedelta(days=7 * weeks)).strftime('%Y-%m-%d')
            if earlier in sales_on:
                return sales_on[earlier]
        return np.nan
    return rows['target_day'].map(sales_weeks_before)

valid = p${id}_valid.sort_values('Date', kind='stable').reset_index(drop=True)
test = p${id}_test.sort_values('Date', kind='stable').reset_index(drop=True)
p${id}_weekday_metrics = regression_metrics(valid['target'], weekday_mean(valid))
p${id}_lastweek_metrics = regression_metrics(valid['target'], last_week(valid))
p${id}_weekday_test_metrics = regression_metrics(test['target'], weekday_mean(test))
p${id}_lastweek_test_metrics = regression_metrics(test['target'], last_week(test))
p${id}_weekday_test_pred = pd.DataFrame({'target_day': test['target_day'], 'truth': test['target'], 'prediction': weekday_mean(test)})
# value p${id}_weekday_metrics: metrics
# value p${id}_lastweek_metrics: metrics
# value p${id}_weekday_test_metrics: metrics
# value p${id}_lastweek_test_metrics: metrics
baseline_r2 = pd.DataFrame([{'baseline': name, 'validation_r2': round(v['r2'], 4), 'march_r2': round(m['r2'], 4)}
                            for name, v, m in [('weekday mean', p${id}_weekday_metrics, p${id}_weekday_test_metrics),
                                               ('last week', p${id}_lastweek_metrics, p${id}_lastweek_test_metrics)]])
baseline_r2
`;

export const scoresPy = (id: number, validDays: number) => `
# RMSE, MAE, MAPE and R² of every forecast: validation (the last ${validDays} days to 2017-02-28) and March 2017.
def score_row(model, v, m):
    return {'model': model, 'val_rmse': round(v['rmse'], 1), 'val_mae': round(v['mae'], 1), 'val_mape': round(v['mape'], 4), 'val_r2': round(v['r2'], 4),
            'mar_rmse': round(m['rmse'], 1), 'mar_mae': round(m['mae'], 1), 'mar_mape': round(m['mape'], 4), 'mar_r2': round(m['r2'], 4)}

p${id}_scores = pd.DataFrame([
    score_row('baseline: weekday mean', p${id}_weekday_metrics, p${id}_weekday_test_metrics),
    score_row('baseline: last week', p${id}_lastweek_metrics, p${id}_lastweek_test_metrics),
    score_row('Dense (MLP)', p${id}_mlp_metrics, p${id}_mlp_test_metrics),
    score_row('LSTM', p${id}_lstm_metrics, p${id}_lstm_test_metrics),
    score_row('1D-CNN', p${id}_cnn_metrics, p${id}_cnn_test_metrics),
])

def verdict(key, when):
    baselines, models = p${id}_scores.iloc[:2], p${id}_scores.iloc[2:]
    base, model = baselines.loc[baselines[key].idxmax()], models.loc[models[key].idxmax()]
    if model[key] > base[key]:
        return f"{when}: the best model ({model['model']}, R² {model[key]}) beats the best baseline ({base['model']}, R² {base[key]})."
    return f"{when}: a baseline wins ({base['model']}, R² {base[key]} vs the best model's {model[key]}, {model['model']}) — the models have not earned their place here."

print(verdict('val_r2', 'Validation'), verdict('mar_r2', 'March 2017'))
p${id}_scores
`;

export const forecastChartPy = (lead: number) => `
# Actual and forecast sales on the validation days (plotted on the target day).
days = pd.to_datetime(p3_valid_s.sort_values('Date', kind='stable')['Date']) + pd.Timedelta(days=${lead})
if plt is not None:
    fig, ax = plt.subplots(figsize=(10, 4))
    ax.plot(days, p3_lstm_pred['truth'], label='actual')
    for name, pred in [('LSTM', p3_lstm_pred), ('1D-CNN', p3_cnn_pred), ('Dense', p3_mlp_pred)]:
        ax.plot(days, pred['prediction'], label=name)
    ax.set_title('Product 3: actual and forecast sales, validation days (target day)'); ax.set_ylabel('units'); ax.legend()
    plt.show()
`;

export const RESIDUALS_PY = `
# Residual = actual − forecast, per validation day.
days = p3_valid_s.sort_values('Date', kind='stable')['Date'].to_numpy()
p3_resid = pd.DataFrame({'Date': days, 'residual': p3_lstm_pred['truth'].to_numpy() - p3_lstm_pred['prediction'].to_numpy()})
p3_resid
`;

export const SUMMARY_PY = `
# The course's business evaluation, as the course shows it: per product the smallest safety stock with
# zero lost sales in March 2017 (LSTM forecast, lead time 2), its daily average stock (opening + closing) / 2,
# that stock's value at the product's price and the daily turnover — beside the LSTM's March scores.
def summary_row(product, m, z):
    first = z.iloc[0]
    return {'product': product, 'safety_stock': first['safety_stock'], 'price': first['price'], 'daily_avg_stock': first['daily_avg_stock'],
            'daily_avg_value': first['daily_avg_value'], 'daily_turnover': first['daily_turnover'], 'lost': first['lost_units'],
            'mar_mae': round(m['mae'], 1), 'mar_r2': round(m['r2'], 4)}

product_summary = pd.DataFrame([summary_row(3, p3_lstm_test_metrics, p3_zero_loss), summary_row(12, p12_lstm_test_metrics, p12_zero_loss),
                                summary_row(42, p42_lstm_test_metrics, p42_zero_loss)])
product_summary
`;
