// The contract every cell kind implements: a zod schema for its params (with
// defaults), what named values it reads and writes, a readable rendering of
// its params (the Jupyter `source`), and run().
import type { z } from 'zod';
import type { ColumnTable } from 'arquero';
import type { CellOutput, Progress } from './outputs.ts';
import type { Value, ValueType } from './values.ts';
import type { HostServices } from './host.ts';

export interface CellContext {
  readonly cellId: string;
  readonly signal: AbortSignal;
  readonly host: HostServices;
  progress(progress: Progress): void;
  /** Stream an output now (logs, display()); returned outputs are appended after. */
  emit(output: CellOutput): void;
  /** Any named value, or undefined. */
  get(name: string): Value | undefined;
  /** A named value of a given type; throws a CellError naming the cell to run if absent. */
  require<T extends ValueType>(name: string, type: T, param?: string): Extract<Value, { type: T }>;
  table(name: string, param?: string): ColumnTable;
  set(name: string, value: Value): void;
  /** Every current named value (for the code cell's scope). */
  names(): string[];
}

export interface CellKindDef<S extends z.ZodType = z.ZodType> {
  kind: string;
  /** Short English label for menus and logs. */
  label: string;
  description: string;
  /** Params schema; parse({}) must give the defaults. */
  schema: S;
  reads(params: z.output<S>): string[];
  writes(params: z.output<S>): string[];
  /** Human-readable source shown in Jupyter and on code hosts. */
  render(params: z.output<S>): string;
  /**
   * True when reads() is a superset guessed from free text (the code cell's
   * identifiers): the kernel then requires only the names an earlier cell writes.
   */
  softReads?: boolean;
  /** False for markdown: nothing to execute. */
  runnable: boolean;
  run(params: z.output<S>, ctx: CellContext): Promise<CellOutput[]>;
}

export function defineCell<S extends z.ZodType>(def: CellKindDef<S>): CellKindDef<S> {
  return def;
}
