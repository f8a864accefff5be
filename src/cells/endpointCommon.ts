// What the deploy, invoke and monitor cells share: the endpoint store of the
// host, the endpoint handle value other cells read, and the endpoint card.
import { CellError } from '../core/errors.ts';
import type { CellContext } from './types.ts';
import type { TableOutput } from '../core/outputs.ts';
import { lifecycleServices } from '../lifecycle/host.ts';
import type { EndpointStore } from '../lifecycle/endpointStore.ts';
import { currentConfig, type Endpoint } from '../lifecycle/endpoint.ts';
import { markdownLiteral } from '../notebook/outputText.ts';

export function endpointStore(ctx: CellContext): EndpointStore {
  const store = lifecycleServices(ctx.host).endpoints;
  if (!store) {
    throw new CellError('This host keeps no endpoints, so nothing can be deployed or invoked.', { hint: 'Open the notebook in the workbench app or run it with ml-workbench run, which both keep endpoints.' });
  }
  return store;
}

/** The value a deploy cell writes: enough to name the endpoint and show what it served when the cell ran. */
export interface EndpointHandle {
  endpoint: string;
  config: number;
  status: string;
  variants: { variant: string; model: string; version: number; weight: number }[];
}

export function handleOf(endpoint: Endpoint): EndpointHandle {
  const c = currentConfig(endpoint);
  return { endpoint: endpoint.name, config: c.config, status: c.status, variants: c.variants.map(({ variant, model, version, weight }) => ({ variant, model, version, weight })) };
}

/** The endpoint a handle value names, as the store has it now. */
export async function endpointOf(ctx: CellContext, valueName: string, param: string): Promise<{ store: EndpointStore; endpoint: Endpoint }> {
  const value = ctx.require(valueName, 'object', param).value as Partial<EndpointHandle> | undefined;
  if (!value || typeof value.endpoint !== 'string') {
    throw new CellError(`"${valueName}" is not an endpoint: it should be the output of a deploy cell.`, { where: param });
  }
  const store = endpointStore(ctx);
  const endpoint = await store.get(value.endpoint);
  if (!endpoint) throw new CellError(`There is no endpoint "${value.endpoint}" any more.`, { hint: 'Run the deploy cell again.', where: param });
  return { store, endpoint };
}

/** The endpoint card: name, config version, status, variants and their share of the traffic. */
export function endpointCard(endpoint: Endpoint): { markdown: string; variants: TableOutput } {
  const c = currentConfig(endpoint);
  const total = c.variants.reduce((s, v) => s + v.weight, 0);
  const status = c.status === 'in-service' ? 'InService' : 'Deleted';
  const history = endpoint.configs.map((h) => `${h.config}: ${h.status === 'in-service' ? h.variants.map((v) => `${v.variant}=${v.model} v${v.version} (${v.weight})`).join(', ') : 'undeployed'}`);
  const markdown = [
    `### Endpoint "${markdownLiteral(endpoint.name)}" · config ${c.config} · ${status}`,
    c.status === 'in-service'
      ? `${c.variants.length === 1 ? 'One variant answers every request' : `${c.variants.length} variants answer requests, each with its share of the traffic`}. Log: ${endpoint.log.length} request row${endpoint.log.length === 1 ? '' : 's'} kept${endpoint.dropped ? ` (${endpoint.dropped} older dropped)` : ''}.`
      : `Out of service: requests are refused until it is deployed again. Its config history and log are kept.`,
    ...(c.note ? [`Deployed: ${markdownLiteral(c.note)}.`] : []),
    `Config history: ${history.map(markdownLiteral).join(' → ')}`,
  ].join('\n\n');
  const rows = c.variants.map((v) => ({ variant: v.variant, model: v.model, version: v.version, weight: v.weight, traffic: total > 0 ? v.weight / total : 0 }));
  return {
    markdown,
    variants: {
      type: 'table',
      title: `Production variants of ${endpoint.name} (config ${c.config})`,
      columns: [{ name: 'variant', type: 'string' }, { name: 'model', type: 'string' }, { name: 'version', type: 'integer' }, { name: 'weight', type: 'number' }, { name: 'traffic', type: 'number' }],
      rowCount: rows.length,
      rows,
    },
  };
}
