// A virtualized, sortable table: only the rows in view are in the DOM.
import { useMemo, useRef, useState } from 'react';
import type { Scalar, TableOutput } from '../../core/outputs.ts';
import { formatScalar } from '../../notebook/outputText.ts';
import { useT } from '../i18n.ts';

const ROW_HEIGHT = 28;
const VIEW_ROWS = 12;

function compare(a: Scalar | undefined, b: Scalar | undefined): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

export function TableGrid({ table, onDownload }: { table: TableOutput; onDownload?: () => void }) {
  const t = useT();
  const [sort, setSort] = useState<{ col: string; dir: 1 | -1 } | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const ref = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => {
    const indexed = table.rows.map((row, i) => ({ row, i }));
    if (!sort) return indexed;
    return indexed.sort((a, b) => sort.dir * compare(a.row[sort.col], b.row[sort.col]));
  }, [table.rows, sort]);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - 4);
  const last = Math.min(rows.length, first + VIEW_ROWS + 8);
  const visible = rows.slice(first, last);
  const height = Math.min(rows.length, VIEW_ROWS) * ROW_HEIGHT + ROW_HEIGHT + 2;
  const cols = table.columns;
  const gridTemplate = `3.5rem repeat(${cols.length}, minmax(9rem, 1fr))`;

  return (
    <figure className="table-output">
      <figcaption className="output-header">
        <span className="output-title">{table.title ?? table.name ?? 'table'}</span>
        <span className="muted">
          {t('rows', { n: table.rowCount.toLocaleString() })} × {t('columns', { n: cols.length })}
          {table.rows.length < table.rowCount ? ` · ${t('showingRows', { shown: table.rows.length, total: table.rowCount.toLocaleString() })}` : ''}
        </span>
        {onDownload && (
          <button type="button" className="btn small" onClick={onDownload}>
            {t('downloadCsv')}
          </button>
        )}
      </figcaption>
      <div
        className="grid"
        ref={ref}
        role="grid"
        aria-rowcount={rows.length + 1}
        aria-colcount={cols.length + 1}
        style={{ maxHeight: height }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <div className="grid-row grid-head" role="row" style={{ gridTemplateColumns: gridTemplate }}>
          <div className="grid-cell index" role="columnheader">#</div>
          {cols.map((c) => {
            const active = sort?.col === c.name;
            return (
              <div key={c.name} role="columnheader" className="grid-cell" aria-sort={active ? (sort!.dir === 1 ? 'ascending' : 'descending') : 'none'}>
                <button
                  type="button"
                  className="sort-btn"
                  onClick={() => setSort(active ? (sort!.dir === 1 ? { col: c.name, dir: -1 } : null) : { col: c.name, dir: 1 })}
                  title={`${c.name} (${c.type})`}
                >
                  <span className="col-name">{c.name}</span>
                  <span className={`col-type type-${c.type}`}>{c.type}</span>
                  {active && <span aria-hidden>{sort!.dir === 1 ? '▲' : '▼'}</span>}
                </button>
              </div>
            );
          })}
        </div>
        <div style={{ height: rows.length * ROW_HEIGHT, position: 'relative' }}>
          {visible.map(({ row, i: original }, i) => {
            const index = first + i;
            return (
              <div key={index} className="grid-row" role="row" aria-rowindex={index + 2} style={{ gridTemplateColumns: gridTemplate, top: index * ROW_HEIGHT, height: ROW_HEIGHT }}>
                <div className="grid-cell index" role="rowheader">{original + 1}</div>
                {cols.map((c) => {
                  const v = row[c.name];
                  const num = typeof v === 'number';
                  return (
                    <div key={c.name} role="gridcell" className={`grid-cell${num ? ' num' : ''}${v === null || v === undefined ? ' null' : ''}`}>
                      {v === null || v === undefined ? '—' : formatScalar(v)}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </figure>
  );
}

export function tableToCsv(table: TableOutput): string {
  const esc = (v: Scalar | undefined) => {
    if (v === null || v === undefined) return '';
    const s = String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const names = table.columns.map((c) => c.name);
  return [names.map(esc).join(','), ...table.rows.map((r) => names.map((n) => esc(r[n])).join(','))].join('\n') + '\n';
}
