// A private value scope for the steps of a pipeline cell: each step is a
// real cell kind (split, transform, train, evaluate, register) run with a
// context whose values live in the pipeline, not in the notebook, so a
// pipeline's intermediate tables do not crowd the notebook's values and
// its steps compute exactly what those cells compute.
import type { CellContext } from '../core/cell.ts';
import type { HostServices } from '../core/host.ts';
import type { CellOutput } from '../core/outputs.ts';
import type { Value, ValueType } from '../core/values.ts';
import { CellError } from '../core/errors.ts';

export interface PipelineScope {
  /** The context a step runs with: reads the scope first, then the notebook; writes the scope. */
  context(host?: HostServices): CellContext;
  get(name: string): Value | undefined;
  /** The outputs the steps streamed (the scope keeps them; the pipeline shows its own summary). */
  readonly streamed: CellOutput[];
}

export function pipelineScope(parent: CellContext): PipelineScope {
  const values = new Map<string, Value>();
  const streamed: CellOutput[] = [];
  const get = (name: string) => values.get(name) ?? parent.get(name);
  const context = (host: HostServices = parent.host): CellContext => {
    const ctx: CellContext = {
      cellId: parent.cellId,
      signal: parent.signal,
      host,
      progress: (p) => parent.progress(p),
      emit: (o) => void streamed.push(o),
      get,
      require<T extends ValueType>(name: string, type: T, param?: string): Extract<Value, { type: T }> {
        const own = values.get(name);
        if (!own) return parent.require(name, type, param);
        if (own.type !== type) throw CellError.coded('value.wrongType', { name, actual: own.type, expected: type, available: name }, { where: param });
        return own as Extract<Value, { type: T }>;
      },
      table: (name, param) => ctx.require(name, 'table', param).table,
      set: (name, value) => void values.set(name, value),
      names: () => [...new Set([...parent.names(), ...values.keys()])],
    };
    return ctx;
  };
  return { context, get, streamed };
}
