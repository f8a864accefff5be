// Emitter for the time-series cell: the series built as the workbench builds
// it, then statsmodels' seasonal_decompose, acf, pacf and adfuller and
// scipy's shapiro (helpers-timeseries.ts), the tests as a table with the
// cell's reading, and the charts with matplotlib where it is installed.
import { header, pyLiteral, pyName, type Emitter } from './context.ts';
import { pyString } from './jsexpr.ts';

export const emitTimeseries: Emitter = (cell, p, ctx) => {
  const df = pyName(String(p.input));
  const out = pyName(String(p.output || 'timeseries'));
  const analyses = p.analyses as string[];
  const group = p.group as { column: string; value: unknown } | undefined;
  const time = String(p.time ?? '').trim();
  const id = pyString(cell.id);
  const lines = [
    header(cell),
    `# The series: ${p.value}${time ? ` in ${time} order` : ' in row order'}${group ? ` for ${group.column} = ${JSON.stringify(group.value)}` : ''}${p.resample !== 'none' ? `, ${p.aggregate} per ${p.resample} (UTC)` : ''}; missing values dropped.`,
    `times, values = time_series(${df}, ${pyString(String(p.value))}, ${time ? pyString(time) : 'None'}, ${group ? `(${pyString(group.column)}, ${pyLiteral(group.value)})` : 'None'}, ${pyString(String(p.resample))}, ${pyString(String(p.aggregate))})`,
    'keep = [i for i, v in enumerate(values) if v is not None]',
    'if len(keep) < len(values):',
    "    print(f'{len(values) - len(keep)} missing values dropped before the analyses.')",
    'y = [values[i] for i in keep]',
    'x = [times[i] for i in keep] if times else list(range(len(y)))',
    `# ${analyses.join(', ')} with statsmodels / scipy (period ${p.period}, ${p.model}, ${p.lags} lags).`,
    `${out} = analyse_series(y, ${pyLiteral(analyses)}, period=${Number(p.period)}, model=${pyString(String(p.model))}, lags=${Number(p.lags)})`,
    'rows = []',
    `if 'adf' in ${out}:`,
    `    r = ${out}['adf']`,
    "    reading = 'reject a unit root: the series looks stationary' if r['p_value'] < 0.05 else 'cannot reject a unit root: the series may be non-stationary; try differencing it'",
    "    rows.append({'test': 'ADF (constant, lag by AIC)', 'statistic': r['statistic'], 'p_value': r['p_value'], 'detail': f\"lags {r['used_lag']}, n {r['nobs']}\", 'reading': reading})",
    `    report(${id}, 'adf', {k: r[k] for k in ('statistic', 'p_value', 'used_lag', 'nobs')})`,
    `if 'shapiro' in ${out}:`,
    `    r = ${out}['shapiro']`,
    "    reading = f\"the {r['on']} do not look normally distributed\" if r['p_value'] < 0.05 else f\"no evidence against normality of the {r['on']}\"",
    "    rows.append({'test': f\"Shapiro-Wilk ({r['on']})\", 'statistic': r['statistic'], 'p_value': r['p_value'], 'detail': f\"n {r['n']}\", 'reading': reading})",
    `    report(${id}, 'shapiro', {k: r[k] for k in ('statistic', 'p_value')})`,
    `for part in ('acf', 'pacf'):`,
    `    if part in ${out}:`,
    `        report(${id}, part, plain_series(${out}[part]['values']))`,
    `if 'decomposition' in ${out}:`,
    `    report(${id}, 'decomposition', {k: plain_series(v) for k, v in ${out}['decomposition'].items()})`,
    'if plt is not None:',
    `    if 'decomposition' in ${out}:`,
    '        fig, axes = plt.subplots(4, 1, sharex=True, figsize=(10, 8))',
    `        for ax, (name, series) in zip(axes, [('observed', y)] + list(${out}['decomposition'].items())):`,
    "            ax.plot(series, '.' if name == 'resid' else '-'); ax.set_ylabel(name)",
    '        plt.show()',
    "    for part in ('acf', 'pacf'):",
    `        if part in ${out}:`,
    `            c = ${out}[part]; k = np.arange(len(c['values']))`,
    "            plt.bar(k, c['values'], width=0.15); plt.fill_between(k[1:], (c['lower'] - c['values'])[1:], (c['upper'] - c['values'])[1:], alpha=0.2)",
    '            plt.title(part.upper()); plt.xlabel(\'lag\'); plt.show()',
    'pd.DataFrame(rows)',
  ];
  // The results are a dict here (the workbench stores an object value of its own).
  if (String(p.output ?? '').trim()) ctx.defined.set(String(p.output), 'object');
  return [{ type: 'code', source: lines.join('\n'), from: cell.id }];
};
