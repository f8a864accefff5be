// Type declarations that make Monaco's completion in a code cell know what
// is in scope: each kernel value by name with its type: a table with its
// column names and the Arquero verbs (so `tables.penguins.array('` and
// `.filter(d => d.` offer the columns), a model with its fields and methods,
// metrics as numbers by name. Pure text, so it is unit-tested without Monaco.

/** Declarations shared by every notebook: the table and model shapes. */
export const TABLE_AND_MODEL_DTS = `
/** An Arquero table (ColumnTable) with columns C. Verbs return new tables. */
interface WorkbenchTable<C extends string = string> {
  /** Number of rows. */ numRows(): number;
  /** Number of columns. */ numCols(): number;
  /** The column names. */ columnNames(): C[];
  /** A column's values as an array. */ array(name: C): any[];
  /** One value: column name and row index. */ get(name: C, row?: number): any;
  /** A column object (get(row), length). */ column(name: C): any;
  /** Rows as objects. */ objects(options?: { limit?: number; offset?: number }): Record<C, any>[];
  /** Keep these columns. */ select(...names: (C | C[])[]): WorkbenchTable<C>;
  /** Keep the rows where the predicate holds, e.g. d => d.x > 0. */ filter(predicate: string | ((d: Record<C, any>, $?: any) => unknown)): WorkbenchTable<C>;
  /** Add or replace columns from expressions, e.g. {ratio: d => d.a / d.b}. */ derive(values: Record<string, string | ((d: Record<C, any>, $?: any) => unknown)>): WorkbenchTable<C | string>;
  /** Group by columns for rollup/count. */ groupby(...names: (C | C[])[]): WorkbenchTable<C>;
  /** Aggregate (per group), e.g. {mean: d => aq.op.mean(d.x)}. */ rollup(values: Record<string, string | ((d: Record<C, any>) => unknown)>): WorkbenchTable<string>;
  /** Count rows (per group). */ count(options?: { as?: string }): WorkbenchTable<string>;
  /** Sort by columns or expressions (aq.desc(name) for descending). */ orderby(...keys: (C | ((d: Record<C, any>) => unknown) | object)[]): WorkbenchTable<C>;
  /** A random sample of rows. */ sample(n: number, options?: { replace?: boolean; seed?: number }): WorkbenchTable<C>;
  /** Rows start..end. */ slice(start?: number, end?: number): WorkbenchTable<C>;
  /** Distinct rows (by these columns). */ dedupe(...names: C[]): WorkbenchTable<C>;
  /** Fill missing values per column. */ impute(values: Partial<Record<C, unknown>>): WorkbenchTable<C>;
  /** Rename columns: {old: 'new'}. */ rename(map: Partial<Record<C, string>>): WorkbenchTable<string>;
  /** Join with another table on shared or given keys. */ join(other: WorkbenchTable<string>, on?: C | C[] | [C[], string[]]): WorkbenchTable<string>;
  /** Wide to long. */ fold(names: C | C[], options?: { as?: [string, string] }): WorkbenchTable<string>;
  /** Long to wide. */ pivot(keys: C | C[], values: C | C[]): WorkbenchTable<string>;
  /** Drop grouping. */ ungroup(): WorkbenchTable<C>;
  /** Drop ordering. */ unorder(): WorkbenchTable<C>;
  /** The table as CSV text. */ toCSV(options?: object): string;
  /** Log the first rows. */ print(options?: object): void;
}
/** A trained model (src/core/values.ts TrainedModel). */
interface WorkbenchModel {
  /** mlp, logistic, gbdt, lstm, ... */ readonly modelType: string;
  readonly task: 'classification' | 'regression';
  /** The column it predicts. */ readonly target: string;
  /** The feature columns it reads. */ readonly features: string[];
  /** Class labels in probability-column order (classification). */ readonly classes?: (string | number | boolean | null)[];
  /** Predict a table with the feature columns. */ predict(table: WorkbenchTable, signal?: AbortSignal): Promise<{ predictions: any[]; probabilities?: number[][]; classes?: any[] }>;
  /** Parameters and sizes. */ describe(): Record<string, unknown>;
}
`;

export interface ValueInfo {
  name: string;
  type: string;
  detail: string;
}

function identifier(name: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(name);
}

/** The TypeScript type a value of this kind has in a code cell. */
export function valueType(v: ValueInfo, columns: Record<string, readonly string[]> = {}): string {
  switch (v.type) {
    case 'table': {
      const cols = columns[v.name];
      return cols && cols.length ? `WorkbenchTable<${cols.map((c) => JSON.stringify(c)).join(' | ')}>` : 'WorkbenchTable';
    }
    case 'model': return 'WorkbenchModel';
    case 'metrics': return 'Record<string, number>';
    case 'text': return 'string';
    case 'figure': return '{ data: any[]; layout: any }';
    default: return 'any';
  }
}

/** Declarations of the kernel's current values: bare names, tables.<name> and values.<name>. */
export function workbenchValuesDts(values: readonly ValueInfo[], columns: Record<string, readonly string[]> = {}): string {
  const list = values.filter((v) => identifier(v.name));
  const doc = (v: ValueInfo) => `/** ${v.type}: ${v.detail.replace(/\*\//g, '* /')} */`;
  return [
    ...list.map((v) => `${doc(v)}\ndeclare const ${v.name}: ${valueType(v, columns)};`),
    `interface WorkbenchTables { ${list.filter((v) => v.type === 'table').map((v) => `${doc(v)} ${v.name}: ${valueType(v, columns)};`).join(' ')} }`,
    `interface WorkbenchValues { ${list.map((v) => `${doc(v)} ${v.name}: ${valueType(v, columns)};`).join(' ')} }`,
  ].join('\n');
}
