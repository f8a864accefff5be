// The deploy cell: serve registered model versions from a named, versioned
// in-browser endpoint (SageMaker's endpoint with production variants): the
// variants share the traffic by weight (A/B). Undeploy takes it out of
// service; every deploy or undeploy is a new config version, history kept.
import { z } from 'zod';
import type { CellOutput } from '../core/outputs.ts';
import { CellError } from '../core/errors.ts';
import { defineCell, type CellContext } from './types.ts';
import { lifecycleServices } from '../lifecycle/host.ts';
import { deploy, undeploy, EndpointError, type EndpointVariant } from '../lifecycle/endpoint.ts';
import { parseVariantModel, resolveVariantModel, type RegisterOutcomeLike } from '../lifecycle/variantModel.ts';
import { endpointCard, endpointStore, handleOf } from './endpointCommon.ts';
import type { MonitorReport } from './monitor.ts';
import { lowerIsBetter, metricLabel, metricLabelKo, fmt } from '../lifecycle/format.ts';

export const variantParamSchema = z.object({
  variant: z.string().default('AllTraffic').describe('Variant name (unique within the endpoint).'),
  model: z.string().default('registered').describe('Registered model: "<name>@<version>", "<name>@production" (or another stage), or a register cell\'s result value.'),
  weight: z.number().min(0).default(1).describe('Traffic weight: the variant answers weight / (sum of weights) of the requests.'),
});

export const deploySchema = z.object({
  name: z.string().default('endpoint').describe('Endpoint name.'),
  action: z.enum(['deploy', 'undeploy']).default('deploy').describe('deploy: put these variants in service (a new config version); undeploy: take the endpoint out of service.'),
  variants: z.array(variantParamSchema).default([{ variant: 'AllTraffic', model: 'registered', weight: 1 }]).describe('Production variants and their traffic weights.'),
  bestOf: z.string().default('').describe('Optional monitor result: deploy only its best variant (by its live metric) with all the traffic, instead of the list.'),
  output: z.string().default('endpoint').describe('Name to store the endpoint handle under (invoke and monitor cells read it).'),
});

export type DeployParams = z.output<typeof deploySchema>;

function isEndpointError(e: unknown): e is EndpointError {
  return e instanceof EndpointError;
}

/** The variant of a monitor report with the best live metric. */
function bestVariant(report: MonitorReport, where: string): { variant: string; model: string; version: number; value: number; metric: string } {
  const metric = report.primaryMetric;
  const scored = report.variants.filter((v) => Number.isFinite(v.metrics[metric]));
  if (!scored.length) throw CellError.coded('deploy.noBest', { metric: metricLabel(metric) }, { where });
  const lower = lowerIsBetter(metric);
  const best = scored.reduce((a, b) => ((lower ? b.metrics[metric] < a.metrics[metric] : b.metrics[metric] > a.metrics[metric]) ? b : a));
  return { variant: best.variant, model: best.model, version: best.version, value: best.metrics[metric], metric };
}

async function resolveVariants(params: DeployParams, ctx: CellContext): Promise<{ variants: EndpointVariant[]; note?: string; noteKo?: string }> {
  const registry = lifecycleServices(ctx.host).registry;
  if (!registry) throw CellError.coded('deploy.noRegistry');
  let wanted = params.variants.map((v, i) => ({ ...v, where: `params.variants.${i}.model` }));
  let note: string | undefined;
  let noteKo: string | undefined;
  if (params.bestOf) {
    const report = ctx.require(params.bestOf, 'object', 'params.bestOf').value as MonitorReport;
    if (!report || !Array.isArray(report.variants)) throw CellError.coded('deploy.notMonitor', { name: params.bestOf }, { where: 'params.bestOf' });
    const best = bestVariant(report, 'params.bestOf');
    wanted = [{ variant: best.variant, model: `${best.model}@${best.version}`, weight: 1, where: 'params.bestOf' }];
    note = `best variant of ${params.bestOf} by live ${metricLabel(best.metric)} (${fmt(best.value)})`;
    noteKo = `${params.bestOf}에서 가장 좋은 변형 (실시간 ${metricLabelKo(best.metric)} ${fmt(best.value)})`;
  }
  if (!wanted.length) throw CellError.coded('deploy.noVariants', {}, { where: 'params.variants' });
  const outcome = (name: string) => {
    const v = ctx.get(name);
    return v?.type === 'object' ? (v.value as RegisterOutcomeLike) : undefined;
  };
  const variants: EndpointVariant[] = [];
  for (const w of wanted) {
    const version = await resolveVariantModel(parseVariantModel(w.model), registry, outcome);
    if (typeof version === 'string') throw CellError.coded('deploy.variantProblem', { variant: w.variant, detail: version }, { where: w.where });
    if (!version.modelRef) throw CellError.coded('deploy.notSaved', { variant: w.variant, model: version.name, version: version.version }, { where: w.where });
    variants.push({ variant: w.variant, model: version.name, version: version.version, weight: w.weight, modelRef: version.modelRef });
  }
  return { variants, note, noteKo };
}

export const deployCell = defineCell({
  kind: 'deploy',
  label: 'Deploy endpoint',
  description: 'Serve registered model versions from a named endpoint in the browser; production variants share the traffic by weight (A/B). Undeploy takes it out of service.',
  schema: deploySchema,
  runnable: true,
  reads: (p) => (p.action === 'undeploy' ? [] : p.bestOf ? [p.bestOf] : p.variants.map((v) => v.model.trim()).filter((m) => m && !m.includes('@'))),
  writes: (p) => (p.output ? [p.output] : []),
  render(p) {
    if (p.action === 'undeploy') return `// undeploy endpoint "${p.name}"`;
    if (p.bestOf) return `// deploy endpoint "${p.name}": the best variant of ${p.bestOf}, all traffic`;
    return `// deploy endpoint "${p.name}": ${p.variants.map((v) => `${v.variant} = ${v.model} (weight ${v.weight})`).join(', ')}`;
  },
  async run(params, ctx): Promise<CellOutput[]> {
    const name = params.name.trim();
    if (!name) throw CellError.coded('deploy.nameEndpoint', {}, { where: 'params.name' });
    const store = endpointStore(ctx);
    const existing = await store.get(name);
    const at = new Date().toISOString();
    let endpoint;
    try {
      if (params.action === 'undeploy') endpoint = undeploy(existing, name, at);
      else {
        const { variants, note, noteKo } = await resolveVariants(params, ctx);
        endpoint = deploy(existing, name, variants, at, lifecycleServices(ctx.host).notebook?.().id ?? '', note, noteKo);
      }
    } catch (e) {
      if (isEndpointError(e)) throw CellError.coded('deploy.endpointProblem', { detail: e.message }, { where: params.action === 'undeploy' ? 'params.name' : 'params.variants' });
      throw e;
    }
    await store.put(endpoint);
    if (params.output) ctx.set(params.output, { type: 'object', value: handleOf(endpoint) });
    const card = endpointCard(endpoint);
    const text: CellOutput = { type: 'markdown', markdown: card.markdown, ko: card.ko };
    return params.action === 'undeploy' ? [text] : [text, card.variants];
  },
});
