// Arrow IPC (file or stream format; .arrow, .feather v2, .ipc) → Arquero
// table with arquero's fromArrow (it bundles @uwdata/flechette). The result
// is copied into plain columns so that missing values are null, dates are
// Date objects and 64-bit integers follow ./values.ts.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { CellError } from '../../core/errors.ts';
import { normalizeColumn } from './values.ts';

/** The Arrow IPC file format starts with "ARROW1"; the stream format with a 0xFFFFFFFF continuation marker. */
export function looksLikeArrow(bytes: Uint8Array): boolean {
  const magic = 'ARROW1';
  if (bytes.length >= 6 && [...magic].every((ch, i) => bytes[i] === ch.charCodeAt(0))) return true;
  return bytes.length >= 8 && bytes[0] === 0xff && bytes[1] === 0xff && bytes[2] === 0xff && bytes[3] === 0xff;
}

export function parseArrow(bytes: Uint8Array): ColumnTable {
  if (bytes.length === 0) throw CellError.coded('file.emptyBytes', {}, { where: 'params.source' });
  let arrow: ColumnTable;
  try {
    // useBigInt stays true so that values/normalizeColumn decides per column (no silent rounding).
    arrow = aq.fromArrow(bytes, { useDate: true, useBigInt: true });
  } catch (error) {
    throw CellError.coded('arrow.unreadable', { detail: error instanceof Error ? error.message : String(error) }, { where: 'params.source', cause: error });
  }
  const names = arrow.columnNames();
  const n = arrow.numRows();
  const columns: Record<string, unknown[]> = {};
  for (const name of names) {
    const col = arrow.column(name);
    const raw = new Array<unknown>(n);
    for (let i = 0; i < n; i++) raw[i] = col?.at(i);
    columns[name] = normalizeColumn(raw);
  }
  return aq.table(columns, names);
}
