// Emitters for the data cells: load, eda, visualize, split.
import { findDataset } from '../../datasets/catalog.ts';
import { DEFAULT_MISSING } from '../../data/infer.ts';
import { Untranslated, header, pyLiteral, pyName, type Emitter, type PyCell } from './context.ts';
import { pyString } from './jsexpr.ts';

const code = (from: string, lines: string[]): PyCell => ({ type: 'code', source: lines.join('\n'), from });

export const emitLoad: Emitter = (cell, p, ctx) => {
  const source = p.source as { type: string; name?: string; url?: string; fileName?: string };
  const format = String(p.format ?? 'auto');
  let file: string;
  let note: string;
  if (source.type === 'dataset') {
    const entry = findDataset(String(source.name));
    if (!entry) return new Untranslated(`"${source.name}" is not a bundled dataset`);
    file = `${ctx.dataDir}/${entry.file}`;
    note = `# The workbench's bundled dataset "${entry.name}", written beside this notebook by \`ml-workbench export\`.`;
  } else if (source.type === 'url') {
    file = String(source.url).replace(/^\/+/, '').replace(/[?#].*$/, '');
    note = `# The file the workbench loaded from its own site (${source.url}); put a copy beside this notebook.`;
  } else {
    file = String(source.fileName);
    note = '# The file uploaded to the workbench; put a copy beside this notebook.';
  }
  if (format !== 'auto' && !file.endsWith(`.${format}`) && format !== 'csv') return new Untranslated(`format ${format} for a file named ${file}`);
  if (p.header === false) return new Untranslated('files without a header row');
  if (p.ragged === 'pad') return new Untranslated('padding ragged rows');
  ctx.files.add(file);
  const name = pyName(String(p.output));
  const args = [pyString(file)];
  const delimiter = String(p.delimiter ?? 'auto');
  if (delimiter !== 'auto') args.push(`sep=${pyString(delimiter)}`);
  const missing = (p.missing as string[] | undefined) ?? [...DEFAULT_MISSING];
  if (missing.join('\u0000') !== DEFAULT_MISSING.join('\u0000')) args.push(`missing=${pyLiteral(missing)}`);
  const lines = [header(cell), note, `${name} = read_table(${args.join(', ')})`];
  for (const [column, type] of Object.entries((p.types as Record<string, string> | undefined) ?? {})) {
    const col = `${name}[${pyString(column)}]`;
    if (type === 'number') lines.push(`${col} = pd.to_numeric(${col}, errors='coerce')`);
    else if (type === 'integer') lines.push(`${col} = pd.to_numeric(${col}, errors='coerce').astype('Int64')`);
    else if (type === 'string') lines.push(`${col} = ${col}.astype('string')`);
    else if (type === 'date') lines.push(`${col} = pd.to_datetime(${col}, errors='coerce')`);
    else if (type === 'boolean') lines.push(`${col} = ${col}.map({'true': True, 'false': False, True: True, False: False})`);
  }
  lines.push(`report(${pyString(cell.id)}, 'shape', list(${name}.shape))`, `${name}.head()`);
  ctx.defined.set(String(p.output), 'table');
  return [code(cell.id, lines)];
};

export const emitEda: Emitter = (cell, p) => {
  const df = pyName(String(p.input));
  const columns = (p.columns as string[] | undefined) ?? [];
  const view = columns.length ? `${df}[${pyLiteral(columns)}]` : df;
  const lines = [header(cell), `profile = ${view}.describe(include='all').T`, `profile['missing'] = ${view}.isna().sum()`, 'print(profile)'];
  const target = typeof p.target === 'string' && p.target ? p.target : undefined;
  if (target) {
    lines.push(`report(${pyString(cell.id)}, 'class_balance', class_balance(${df}, ${pyString(target)}))`, `${df}[${pyString(target)}].value_counts()`);
  }
  const notDone = ['correlations', 'outliers', 'missingPatterns', 'isolationForest', 'timeseries'].filter((k) => p[k] !== undefined && p[k] !== false);
  if (notDone.length) lines.splice(1, 0, `# TODO: the workbench cell also showed ${notDone.join(', ')}; not exported (see pandas .corr(), scipy.stats, sklearn.ensemble.IsolationForest).`);
  return [code(cell.id, lines)];
};

export const emitVisualize: Emitter = (cell, p) => {
  const df = pyName(String(p.input));
  const x = String(p.x ?? '');
  const ys = (p.y as string[] | undefined) ?? [];
  const color = String(p.color ?? '');
  const aggregate = String(p.aggregate ?? 'none');
  const chart = String(p.chart);
  const title = pyString(String(p.title ?? ''));
  const lines = [header(cell)];
  if ((chart === 'bar' || chart === 'line') && aggregate !== 'none' && x && ys.length) {
    const agg = aggregate === 'count' ? 'count' : aggregate;
    lines.push(`data = ${df}.groupby(${pyString(x)})[${pyLiteral(ys)}].agg(${pyString(agg)})`, 'print(data)', `if plt is not None:`, `    data.plot(kind=${pyString(chart)}, title=${title})`, '    plt.show()');
  } else if (chart === 'scatter' && x && ys.length) {
    lines.push('if plt is not None:', '    fig, ax = plt.subplots()');
    const groups = color ? `${df}.groupby(${pyString(color)})` : `[(None, ${df})]`;
    lines.push(`    for label, part in ${groups}:`);
    for (const y of ys) lines.push(`        ax.scatter(part[${pyString(x)}], part[${pyString(y)}], s=8, label=label if label is not None else ${pyString(y)})`);
    lines.push(`    ax.set_xlabel(${pyString(x)}); ax.set_title(${title}); ax.legend()`, '    plt.show()');
  } else if (chart === 'box' && x && ys.length) {
    lines.push('if plt is not None:', `    ${df}.boxplot(column=${pyLiteral(ys)}, by=${pyString(x)})`, `    plt.suptitle(${title})`, '    plt.show()');
  } else if (chart === 'histogram' && (x || ys.length)) {
    lines.push('if plt is not None:', `    ${df}[${pyLiteral(ys.length ? ys : [x])}].plot(kind='hist', bins=30, alpha=0.6, title=${title})`, '    plt.show()');
  } else if (chart === 'heatmap' && x && color) {
    lines.push(`counts = pd.crosstab(${df}[${pyString(color)}], ${df}[${pyString(x)}])`, 'print(counts)', 'if plt is not None:', '    plt.imshow(counts, cmap="Blues"); plt.xticks(range(len(counts.columns)), counts.columns); plt.yticks(range(len(counts.index)), counts.index)', `    plt.title(${title}); plt.colorbar(); plt.show()`);
  } else {
    lines.push(`# TODO: the workbench draws a ${chart} chart here (Plotly) of ${x || '?'} against ${ys.join(', ') || '?'}; draw it with matplotlib or plotly.`, `${df}.head()`);
  }
  return [code(cell.id, lines)];
};

const PARTS = ['train', 'validation', 'test'] as const;

export const emitSplit: Emitter = (cell, p, ctx) => {
  const df = pyName(String(p.input));
  const outputs = p.outputs as Record<(typeof PARTS)[number], string>;
  const fractions = PARTS.map((part) => Number(p[part]));
  const args = [df, pyString(String(p.method)), `(${fractions.join(', ')})`, `seed=${Number(p.seed)}`];
  if (p.method === 'stratified') args.push(`target=${pyString(String(p.target))}`);
  if (p.method === 'group') args.push(`group=${pyString(String(p.group))}`);
  if (p.method === 'time') args.push(`time=${pyString(String(p.time))}`);
  if (p.method === 'time' && p.lastDays !== undefined) args.push(`last_days=${Number(p.lastDays)}`);
  const used = PARTS.filter((_, i) => fractions[i] > 0);
  const lines = [
    header(cell),
    '# The same rows as the workbench: its seeded generator (mulberry32) and split rules, from the helpers above.',
    `parts = split_rows(${args.join(', ')})`,
  ];
  for (const part of used) {
    const name = pyName(outputs[part]);
    lines.push(`${name} = ${df}.iloc[parts[${PARTS.indexOf(part)}]].reset_index(drop=True)`);
    ctx.defined.set(outputs[part], 'table');
  }
  lines.push(`report(${pyString(cell.id)}, 'sizes', [${used.map((part) => `len(${pyName(outputs[part])})`).join(', ')}])`);
  if (p.target) {
    const target = pyString(String(p.target));
    lines.push(`report(${pyString(cell.id)}, 'class_shares', [${used.map((part) => `${pyName(outputs[part])}[${target}].value_counts(normalize=True).sort_index().to_dict()`).join(', ')}])`);
  }
  lines.push(`print({${used.map((part) => `${pyString(outputs[part])}: len(${pyName(outputs[part])})`).join(', ')}})`);
  return [code(cell.id, lines)];
};
