// The session-feature transform: fitted on a training event log (it learns
// the bigram vocabulary from the training sessions only) and applied with
// the same vocabulary to any other log (validation, test, new sessions).
// Output: one row per (session, K) with session_id, K, label and the
// features of features.ts.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { FittedTransform } from '../../core/values.ts';
import { CellError, checkAborted } from '../../core/errors.ts';
import { columnValues } from '../stats.ts';
import {
  bigramVocabulary, featureNames, numberOrNull, prefixEvents, prefixFeatures, sessionLabel, stateOf, timeMs,
  type Bigram, type Session, type SessionEvent,
} from './features.ts';

export interface SessionColumns {
  session: string;
  time: string;
  state: string;
  nextState: string;
  depth: string;
  gap: string;
  deltaSearch: string;
  deltaCart: string;
}

export interface SessionFeatureOptions {
  columns: SessionColumns;
  /** Prefix lengths. */
  ks: readonly number[];
  terminals: readonly string[];
  /** Size of the bigram vocabulary. */
  topBigrams: number;
  /** Normalise states (lowercase, no query string, no trailing "/"). */
  normalize: boolean;
  /** Name of the label column. */
  label: string;
}

export interface FittedSessionFeatures extends FittedTransform {
  readonly vocabulary: readonly Bigram[];
  readonly features: readonly string[];
  /** The training log's feature table. */
  readonly fitted: ColumnTable;
}

const COLUMN_PARAMS: Record<keyof SessionColumns, string> = {
  session: 'params.columns.session', time: 'params.columns.time', state: 'params.columns.state', nextState: 'params.columns.nextState',
  depth: 'params.columns.depth', gap: 'params.columns.gap', deltaSearch: 'params.columns.deltaSearch', deltaCart: 'params.columns.deltaCart',
};

/** The sessions of an event log, in order of first appearance, each sorted by time (stable). */
export function readSessions(table: ColumnTable, columns: SessionColumns, normalize: boolean): Session[] {
  const names = table.columnNames();
  for (const key of Object.keys(columns) as (keyof SessionColumns)[]) {
    const c = columns[key];
    if (!names.includes(c)) {
      throw CellError.coded(key === 'gap' || key === 'deltaSearch' || key === 'deltaCart' ? 'sessions.noDerivedColumn' : 'sessions.noColumn', { column: c, role: key, columns: names.join(', ') }, { where: COLUMN_PARAMS[key] });
    }
  }
  const ids = columnValues(table, columns.session);
  const times = columnValues(table, columns.time).map(timeMs);
  const states = columnValues(table, columns.state);
  const nexts = columnValues(table, columns.nextState);
  const depths = columnValues(table, columns.depth).map(numberOrNull);
  const gaps = columnValues(table, columns.gap).map(numberOrNull);
  const ds = columnValues(table, columns.deltaSearch).map(numberOrNull);
  const dc = columnValues(table, columns.deltaCart).map(numberOrNull);
  const bySession = new Map<string, { rows: number[] }>();
  ids.forEach((id, r) => {
    if (id === null || id === undefined) return;
    const key = String(id);
    let s = bySession.get(key);
    if (!s) bySession.set(key, (s = { rows: [] }));
    s.rows.push(r);
  });
  const out: Session[] = [];
  for (const [id, { rows }] of bySession) {
    const order = rows
      .map((r, i) => ({ r, i }))
      .sort((a, b) => {
        const ta = times[a.r];
        const tb = times[b.r];
        if (ta === null || tb === null || ta === tb) return a.i - b.i;
        return ta - tb;
      })
      .map((x) => x.r);
    const events: SessionEvent[] = order.map((r) => ({
      state: stateOf(states[r], normalize),
      nextState: stateOf(nexts[r], normalize),
      time: times[r],
      depth: depths[r],
      gap: gaps[r],
      deltaSearch: ds[r],
      deltaCart: dc[r],
    }));
    out.push({ id, events });
  }
  return out;
}

/** The feature table of sessions with a given vocabulary: one row per (session, K) with a real event. */
export function sessionFeatureTable(sessions: readonly Session[], vocabulary: readonly Bigram[], options: SessionFeatureOptions, signal?: AbortSignal): ColumnTable {
  const terminals = new Set(options.terminals);
  const names = featureNames(vocabulary.length);
  const sessionCol: string[] = [];
  const kCol: number[] = [];
  const labelCol: number[] = [];
  const cols: number[][] = names.map(() => []);
  const ks = [...new Set(options.ks)].sort((a, b) => a - b);
  sessions.forEach((s, i) => {
    if (i % 256 === 0) checkAborted(signal);
    const label = sessionLabel(s, terminals);
    for (const k of ks) {
      const f = prefixFeatures(prefixEvents(s, k, terminals), vocabulary);
      if (!f) continue;
      sessionCol.push(s.id);
      kCol.push(k);
      labelCol.push(label);
      f.forEach((v, j) => cols[j].push(v));
    }
  });
  const data: Record<string, unknown[]> = { [options.columns.session]: sessionCol, K: kCol, [options.label]: labelCol };
  names.forEach((n, j) => (data[n] = cols[j]));
  return aq.table(data, [options.columns.session, 'K', options.label, ...names]);
}

/** Fit on a training event log: learn the bigram vocabulary from its sessions. */
export function fitSessionFeatures(table: ColumnTable, options: SessionFeatureOptions, signal?: AbortSignal): FittedSessionFeatures {
  if (options.ks.length === 0) throw CellError.coded('sessions.noK', {}, { where: 'params.ks' });
  const terminals = new Set(options.terminals);
  const sessions = readSessions(table, options.columns, options.normalize);
  const vocabulary = bigramVocabulary(sessions, options.topBigrams, terminals);
  const fitted = sessionFeatureTable(sessions, vocabulary, options, signal);
  return {
    vocabulary,
    features: featureNames(vocabulary.length),
    fitted,
    apply(t: ColumnTable): ColumnTable {
      return sessionFeatureTable(readSessions(t, options.columns, options.normalize), vocabulary, options);
    },
    toJSON() {
      return { ...options, vocabulary: vocabulary.map(([a, b]) => [a, b]) };
    },
  };
}
