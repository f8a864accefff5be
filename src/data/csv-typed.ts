// CSV rows straight into typed columns, for the load cell's large files.
//
// The string path (CsvColumns, then infer.ts typeColumn) keeps every field as
// a string until the whole file is read: a million rows × ten columns is ten
// million retained strings (most of a GB in V8), only to be parsed and dropped.
// Here each field is typed the moment the scanner cuts it, so a numeric field's
// text is never retained (a plain number in a numeric column is read by the
// scanner from the character codes, no string at all: csv-numbers.ts
// plainNumber, and so are a plain yyyy-mm-dd date in a date column and
// true/false in a boolean one: plainDate, plainBoolean);
// repeated text values share one string (a per-column dictionary, capped).
//
// The result must be exactly the string path's (typeColumn's rules: the first
// present value decides number, boolean, date or text). When that cannot be
// known while streaming — a later value does not fit the type chosen from the
// first one (the column would turn to text, whose earlier fields are gone), a
// forced type fails (the string path reports the first such error only after
// the whole file parsed), a type override names no column, a single-column
// file (maybe a re-saved CSV to unwrap) — the accumulator throws
// TYPED_FALLBACK and the caller parses the bytes again the string way, which
// then gives its own result or error.
import { CsvColumns, paddedNote, type CsvOptions, type ParseNote } from './csv.ts';
import { parseBoolean, parseDate, parseNumber, type CellValue, type TypeOverride } from './infer.ts';
import { READ_BOOLEAN, READ_DATE, READ_NUMBER, type NumericFields } from './csv-numbers.ts';

/** Thrown when only the string path can give the exact result (see above). */
export const TYPED_FALLBACK: unique symbol = Symbol('typed CSV fallback');

/** Distinct strings a text column shares before it stops looking values up (an identifier or free text). */
const DICTIONARY_LIMIT = 1 << 16;

type Kind = 'pending' | 'number' | 'integer' | 'boolean' | 'date' | 'string';

class ColumnBuilder {
  values: CellValue[] = [];
  /** Values stored (the array may be longer: room reserved ahead, cut at finish). */
  private count = 0;
  private kind: Kind;
  /** Whether every number so far is whole (typeColumn's 'integer'). */
  private whole = true;
  private readonly dictionary = new Map<string, string>();

  constructor(
    forced: TypeOverride | undefined,
    private readonly isMissing: (v: string) => boolean,
    /** Called once the column's type is known: the scanner may then hand its plain numbers, dates or booleans without a string. */
    private readonly onKind: (kind: Kind) => void,
  ) {
    this.kind = forced ?? 'pending';
    if (this.kind !== 'pending') onKind(this.kind);
  }

  /** A plain value the scanner read (never a missing token: see TypedCsvColumns): a number, a date's UTC milliseconds, a boolean as 1 or 0. */
  addRead(x: number): void {
    if (this.kind === 'date') {
      this.put(new Date(x));
      return;
    }
    if (this.kind === 'boolean') {
      this.put(x === 1);
      return;
    }
    if (!Number.isInteger(x)) {
      if (this.kind === 'integer') throw TYPED_FALLBACK; // forced integer
      this.whole = false;
    }
    this.put(x);
  }

  add(v: string): void {
    if (this.isMissing(v)) {
      this.put(null);
      return;
    }
    switch (this.kind) {
      case 'number':
      case 'integer': {
        const x = parseNumber(v);
        if (x === undefined) throw TYPED_FALLBACK;
        if (!Number.isInteger(x)) {
          if (this.kind === 'integer') throw TYPED_FALLBACK; // forced integer
          this.whole = false;
        }
        this.put(x);
        return;
      }
      case 'string':
        this.put(this.shared(v));
        return;
      case 'boolean': {
        const x = parseBoolean(v);
        if (x === undefined) throw TYPED_FALLBACK;
        this.put(x);
        return;
      }
      case 'date': {
        const x = parseDate(v);
        if (x === undefined) throw TYPED_FALLBACK;
        this.put(x);
        return;
      }
      case 'pending':
        // The first present value: typeColumn's order (the three types never overlap).
        this.kind = parseNumber(v) !== undefined ? 'number' : parseBoolean(v) !== undefined ? 'boolean' : parseDate(v) !== undefined ? 'date' : 'string';
        this.onKind(this.kind);
        this.add(v);
    }
  }

  private put(v: CellValue): void {
    this.values[this.count++] = v;
  }

  /**
   * Room for `rows` values, filled with a value of the column's kind so the
   * array keeps its compact element kind (doubles unboxed): growing a million-row
   * array by push copies it ~30 times, and the old copies are what set the peak memory.
   */
  reserve(rows: number): void {
    if (rows <= this.values.length) return;
    const fill: CellValue = this.kind === 'number' || this.kind === 'integer' ? 0 : this.kind === 'boolean' ? false : null;
    const next = new Array<CellValue>(rows).fill(fill);
    for (let i = 0; i < this.count; i++) next[i] = this.values[i];
    this.values = next;
  }

  /** One string object per distinct text, while the column has few distinct values. */
  private shared(v: string): string {
    const known = this.dictionary.get(v);
    if (known !== undefined) return known;
    if (this.dictionary.size < DICTIONARY_LIMIT) this.dictionary.set(v, v);
    return v;
  }

  finish(): CellValue[] {
    this.dictionary.clear();
    this.values.length = this.count;
    return this.values;
  }
}

/** For each kind of value the scanner reads itself, whether no missing token is such a value. */
export interface PlainNeverMissing {
  number: boolean;
  date: boolean;
  boolean: boolean;
}

/** Which plain values cannot be missing under these tokens (compared trimmed, as missingTest does). */
export function plainNeverMissing(missing: readonly string[]): PlainNeverMissing {
  const never = (parse: (t: string) => unknown) => missing.every((token) => parse(token.trim()) === undefined);
  return { number: never(parseNumber), date: never(parseDate), boolean: never(parseBoolean) };
}

/** CsvColumns that types each field as it is read (see the file comment); `typed()` gives the columns. */
export class TypedCsvColumns extends CsvColumns {
  private builders: ColumnBuilder[] | undefined;
  private readonly neverMissing: PlainNeverMissing;

  constructor(
    delimiter: string,
    options: CsvOptions,
    private readonly isMissing: (v: string) => boolean,
    private readonly types: Record<string, TypeOverride> | undefined,
    /**
     * Which of the values the scanner can read itself no missing token is (true: all): a field read as a plain
     * number is then never missing, so it may skip the string; the same for dates and booleans.
     */
    neverMissing: boolean | PlainNeverMissing,
  ) {
    super(delimiter, options);
    this.neverMissing = typeof neverMissing === 'boolean' ? { number: neverMissing, date: neverMissing, boolean: neverMissing } : neverMissing;
    this.keepLines = false; // a value that does not fit makes the string path parse again, with lines
  }

  private makeBuilders(names: readonly string[]): ColumnBuilder[] {
    const width = names.length;
    const numbers: NumericFields = { numeric: new Uint8Array(width), hit: new Uint8Array(width), values: new Float64Array(width) };
    const never = this.neverMissing;
    if (never.number || never.date || never.boolean) this.numbers = numbers;
    const onKind = (c: number) => (kind: Kind) => {
      if ((kind === 'number' || kind === 'integer') && never.number) numbers.numeric[c] = READ_NUMBER;
      else if (kind === 'date' && never.date) numbers.numeric[c] = READ_DATE;
      else if (kind === 'boolean' && never.boolean) numbers.numeric[c] = READ_BOOLEAN;
    };
    return names.map((name, c) => new ColumnBuilder(this.types?.[name], this.isMissing, onKind(c)));
  }

  private expected = 0;

  override expectRows(rows: number): void {
    this.expected = rows;
    this.builders?.forEach((b) => b.reserve(rows));
  }

  protected override store(fields: string[], count: number, width: number): void {
    let builders = this.builders;
    if (builders === undefined) {
      const names = this.columnNames ?? [];
      if (names.length < 2 || Object.keys(this.types ?? {}).some((name) => !names.includes(name))) throw TYPED_FALLBACK;
      builders = this.builders = this.makeBuilders(names);
      if (this.expected > 0) builders.forEach((b) => b.reserve(this.expected));
    }
    const numbers = this.numbers;
    if (numbers === undefined) {
      for (let c = 0; c < width; c++) builders[c].add(c < count ? fields[c] : '');
      return;
    }
    const { hit, values } = numbers;
    for (let c = 0; c < width; c++) {
      if (c < count && hit[c] === 1) builders[c].addRead(values[c]);
      else builders[c].add(c < count ? fields[c] : '');
    }
  }

  /** The typed columns by name (every column typed as typeColumn would), and the parser's notes. */
  typed(): { names: string[]; data: Record<string, CellValue[]>; notes: ParseNote[] } {
    const names = this.columnNames;
    if (names === undefined || names.length < 2) throw TYPED_FALLBACK;
    const builders = this.builders ?? this.makeBuilders(names);
    const data: Record<string, CellValue[]> = {};
    names.forEach((name, c) => (data[name] = builders[c].finish()));
    const padded = this.paddedRows;
    const notes = padded > 0 ? [paddedNote(padded)] : [];
    return { names, data, notes };
  }
}
