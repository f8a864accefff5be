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
    throw CellError.coded('endpoint.noStore');
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
    throw CellError.coded('endpoint.notEndpoint', { name: valueName }, { where: param });
  }
  const store = endpointStore(ctx);
  const endpoint = await store.get(value.endpoint);
  if (!endpoint) throw CellError.coded('endpoint.gone', { name: value.endpoint }, { where: param });
  return { store, endpoint };
}

/** The endpoint card: name, config version, status, variants and their share of the traffic. */
export function endpointCard(endpoint: Endpoint): { markdown: string; ko: string; variants: TableOutput } {
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
  const kept = endpoint.log.length;
  const ko = [
    `### 엔드포인트 "${markdownLiteral(endpoint.name)}" · 설정 ${c.config} · ${c.status === 'in-service' ? '서비스 중' : '삭제됨'}`,
    c.status === 'in-service'
      ? `${c.variants.length === 1 ? '변형 하나가 모든 요청에 답해요' : `변형 ${c.variants.length}개가 트래픽을 가중치대로 나눠 요청에 답해요`}. 로그: 요청 행 ${kept}개를 보관 중${endpoint.dropped ? ` (오래된 ${endpoint.dropped}개는 버림)` : ''}이에요.`
      : '서비스를 멈췄어요: 다시 배포할 때까지 요청을 받지 않아요. 설정 기록과 로그는 그대로 남아요.',
    ...(c.note ? [`배포 이유: ${markdownLiteral(c.noteKo ?? c.note)}.`] : []),
    `설정 기록: ${endpoint.configs.map((h) => markdownLiteral(`${h.config}: ${h.status === 'in-service' ? h.variants.map((v) => `${v.variant}=${v.model} v${v.version} (${v.weight})`).join(', ') : '배포 해제'}`)).join(' → ')}`,
  ].join('\n\n');
  const rows = c.variants.map((v) => ({ variant: v.variant, model: v.model, version: v.version, weight: v.weight, traffic: total > 0 ? v.weight / total : 0 }));
  return {
    markdown,
    ko,
    variants: {
      type: 'table',
      title: `Production variants of ${endpoint.name} (config ${c.config})`,
      titleKo: `${endpoint.name}의 프로덕션 변형 (설정 ${c.config})`,
      columns: [{ name: 'variant', type: 'string' }, { name: 'model', type: 'string' }, { name: 'version', type: 'integer' }, { name: 'weight', type: 'number' }, { name: 'traffic', type: 'number' }],
      rowCount: rows.length,
      rows,
    },
  };
}
