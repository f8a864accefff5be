// A CellContext over a plain Map, for testing cell kinds without a kernel.
import type { CellContext } from '../../src/cells/types.ts';
import type { CellOutput, Progress } from '../../src/core/outputs.ts';
import type { Value, ValueType } from '../../src/core/values.ts';
import { CellError } from '../../src/core/errors.ts';
import { noHostServices, type HostServices } from '../../src/core/host.ts';

export interface TestContext extends CellContext {
  values: Map<string, Value>;
  emitted: CellOutput[];
  progressEvents: Progress[];
  controller: AbortController;
}

export function testContext(values: Record<string, Value> = {}, host: Partial<HostServices> = {}): TestContext {
  const map = new Map<string, Value>(Object.entries(values));
  const controller = new AbortController();
  const emitted: CellOutput[] = [];
  const progressEvents: Progress[] = [];
  const ctx: TestContext = {
    cellId: 'test-cell',
    signal: controller.signal,
    host: { ...noHostServices, ...host },
    values: map,
    emitted,
    progressEvents,
    controller,
    progress: (p) => progressEvents.push(p),
    emit: (o) => emitted.push(o),
    get: (name) => map.get(name),
    require<T extends ValueType>(name: string, type: T, param?: string) {
      const v = map.get(name);
      if (!v) throw new CellError(`No value named "${name}".`, { where: param });
      if (v.type !== type) throw new CellError(`"${name}" is a ${v.type}, not a ${type}.`, { where: param });
      return v as Extract<Value, { type: T }>;
    },
    table: (name, param) => ctx.require(name, 'table', param).table,
    set: (name, value) => void map.set(name, value),
    names: () => [...map.keys()],
  };
  return ctx;
}
