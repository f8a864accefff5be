// A virtualized, sortable table: only the rows in view are in the DOM.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Scalar, TableOutput } from '../../core/outputs.ts';
import type { TablePage, TablePageRequest } from '../../data/tablePage.ts';
import { formatNumber } from '../format.ts';
import { columnTypeLabel, useT } from '../i18n.ts';
import { shownCell, shownTitle } from './localize.ts';

const ROW_HEIGHT = 28;
const VIEW_ROWS = 12;
/** The header row: the column name over its type badge. */
const HEAD_HEIGHT = 46;

function compare(a: Scalar | undefined, b: Scalar | undefined): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

/** Rows asked of the kernel at a time. */
const PAGE_ROWS = 200;
/** Browsers cap an element's height (~33M px in Chromium): past this many rows the grid says to sort or filter instead. */
const MAX_SCROLL_ROWS = 500_000;

type Sort = { col: string; dir: 1 | -1 };
type Row = { row: Record<string, Scalar>; i: number };
/** Reads a page of the whole table from the kernel; null when the kernel no longer holds it. */
export type FetchTablePage = (request: TablePageRequest) => Promise<TablePage | null>;

/**
 * The rows the grid shows. With a kernel behind it (fetchPage) the grid
 * covers the whole table: rows past the preview, and sorting, come from the
 * kernel a page at a time as they scroll into view. Without one (the kernel
 * restarted, or an output with no named value) it sorts the preview rows.
 */
function useTableRows(table: TableOutput, sort: Sort | null, fetchPage: FetchTablePage | undefined) {
  const [pages, setPages] = useState<Map<number, Row[]>>(() => new Map());
  const [remote, setRemote] = useState(true);
  const requested = useRef(new Set<number>());
  const generation = useRef(0);
  const canFetch = Boolean(fetchPage) && remote && table.rowCount > 0;
  const whole = canFetch && (sort !== null || table.rows.length < table.rowCount);

  // A new sort (or table) starts from an empty page cache.
  useEffect(() => {
    generation.current++;
    requested.current = new Set();
    setPages(new Map());
  }, [table, sort]);

  const local = useMemo(() => {
    const indexed = table.rows.map((row, i) => ({ row, i }));
    if (!sort) return indexed;
    return indexed.sort((a, b) => sort.dir * compare(a.row[sort.col], b.row[sort.col]));
  }, [table.rows, sort]);

  const total = whole ? Math.min(table.rowCount, MAX_SCROLL_ROWS) : local.length;

  const rowAt = (position: number): Row | undefined => {
    if (!whole) return local[position];
    if (!sort && position < table.rows.length) return { row: table.rows[position], i: position };
    return pages.get(Math.floor(position / PAGE_ROWS))?.[position % PAGE_ROWS];
  };

  const ensure = (first: number, last: number) => {
    if (!whole || !fetchPage) return;
    for (let page = Math.floor(first / PAGE_ROWS); page <= Math.floor(Math.max(first, last - 1) / PAGE_ROWS); page++) {
      if (requested.current.has(page) || (!sort && (page + 1) * PAGE_ROWS <= table.rows.length)) continue;
      requested.current.add(page);
      const gen = generation.current;
      fetchPage({ sort: sort ? { column: sort.col, descending: sort.dir === -1 } : null, offset: page * PAGE_ROWS, limit: PAGE_ROWS })
        .then((result) => {
          if (gen !== generation.current) return;
          // The kernel lost the value or holds a different table under its name: fall back to the preview.
          if (!result || result.rowCount !== table.rowCount) return setRemote(false);
          const rows = result.rows.map((row, k) => ({ row, i: result.index[k] }));
          setPages((prev) => new Map(prev).set(page, rows));
        })
        .catch(() => gen === generation.current && setRemote(false));
    }
  };

  return { total, rowAt, ensure, whole, previewOnly: !whole && sort !== null && table.rows.length < table.rowCount };
}

export function TableGrid({ table, onDownload, onDownloadParquet, fetchPage }: { table: TableOutput; onDownload?: () => void; onDownloadParquet?: () => void; fetchPage?: FetchTablePage }) {
  const t = useT();
  const [sort, setSort] = useState<Sort | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const ref = useRef<HTMLDivElement>(null);
  const { total, rowAt, ensure, whole, previewOnly } = useTableRows(table, sort, fetchPage);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - 4);
  const last = Math.min(total, first + VIEW_ROWS + 8);
  useEffect(() => ensure(first, last));
  const height = Math.min(total, VIEW_ROWS) * ROW_HEIGHT + HEAD_HEIGHT + 2;
  const cols = table.columns;
  const gridTemplate = `3.5rem repeat(${cols.length}, minmax(9rem, 1fr))`;
  const shown = whole ? total : Math.min(table.rows.length, table.rowCount);

  return (
    <figure className="table-output">
      <figcaption className="output-header">
        <span className="output-title">{shownTitle(table) ?? table.name ?? 'table'}</span>
        <span className="muted" data-testid="table-count">
          {t('rows', { n: table.rowCount.toLocaleString() })} × {t('columns', { n: cols.length })}
          {shown < table.rowCount ? ` · ${t('showingRows', { shown: shown.toLocaleString(), total: table.rowCount.toLocaleString() })}` : ''}
        </span>
        {previewOnly && <span className="muted" data-testid="sort-preview-only">{t('sortPreviewOnly')}</span>}
        {onDownload && (
          <button type="button" className="btn small" onClick={onDownload}>
            {t('downloadCsv')}
          </button>
        )}
        {onDownloadParquet && (
          <button type="button" className="btn small" data-action="download-parquet" title={t('downloadParquetTitle')} onClick={onDownloadParquet}>
            {t('downloadParquet')}
          </button>
        )}
      </figcaption>
      <div
        className="grid"
        ref={ref}
        role="grid"
        aria-rowcount={total + 1}
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
                  onClick={() => {
                    setSort(active ? (sort!.dir === 1 ? { col: c.name, dir: -1 } : null) : { col: c.name, dir: 1 });
                    setScrollTop(0);
                    if (ref.current) ref.current.scrollTop = 0;
                  }}
                  title={`${c.name} (${columnTypeLabel(c.type, t)})`}
                >
                  {/* The name on its own line, the type badge under it: the badge never cuts the name. */}
                  <span className="col-line">
                    <span className="col-name">{c.name}</span>
                    {active && <span aria-hidden>{sort!.dir === 1 ? '▲' : '▼'}</span>}
                  </span>
                  <span className={`col-type type-${c.type}`}>{columnTypeLabel(c.type, t)}</span>
                </button>
              </div>
            );
          })}
        </div>
        <div style={{ height: total * ROW_HEIGHT, position: 'relative' }}>
          {Array.from({ length: Math.max(0, last - first) }, (_, k) => {
            const index = first + k;
            const entry = rowAt(index);
            return (
              <div key={index} className={`grid-row${entry ? '' : ' loading'}`} role="row" aria-rowindex={index + 2} style={{ gridTemplateColumns: gridTemplate, top: index * ROW_HEIGHT, height: ROW_HEIGHT }}>
                <div className="grid-cell index" role="rowheader">{entry ? entry.i + 1 : ''}</div>
                {cols.map((c) => {
                  const v = entry?.row[c.name];
                  const num = typeof v === 'number';
                  return (
                    <div key={c.name} role="gridcell" className={`grid-cell${num ? ' num' : ''}${entry && (v === null || v === undefined) ? ' null' : ''}`}>
                      {!entry ? '…' : v === null || v === undefined ? '—' : (typeof v === 'number' ? formatNumber(v) : shownCell(c.name, String(v)))}
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
