// The pipeline cell's steps drawn as a graph: an SVG of boxes and arrows
// (preprocess → train → evaluate → condition, then register or fail), each
// box coloured by its step's status and the branch that ran drawn solid.
// Pure text (no DOM), so the engine, the headless runner and the tests all
// make the same picture; the UI shows it as an image (a data: URL runs no
// script, docs/security.md).

export const PIPELINE_STEPS = ['preprocess', 'train', 'evaluate', 'condition', 'register', 'fail'] as const;
export type PipelineStepId = (typeof PIPELINE_STEPS)[number];
export type StepStatus = 'succeeded' | 'failed' | 'skipped';

export interface GraphStep {
  id: PipelineStepId;
  status: StepStatus;
  /** One short line under the step's name (the condition's value against its threshold). */
  detail: string;
}

export type GraphLang = 'en' | 'ko';

const NAMES: Record<GraphLang, Record<PipelineStepId, string>> = {
  en: { preprocess: 'Preprocess', train: 'Train', evaluate: 'Evaluate', condition: 'Condition', register: 'Register model', fail: 'Fail: not registered' },
  ko: { preprocess: '전처리', train: '학습', evaluate: '평가', condition: '조건', register: '모델 등록', fail: '실패: 등록 안 함' },
};

const STATUS_TEXT: Record<GraphLang, Record<StepStatus, string>> = {
  en: { succeeded: 'succeeded', failed: 'failed', skipped: 'skipped' },
  ko: { succeeded: '성공', failed: '실패', skipped: '건너뜀' },
};

const BRANCH_TEXT: Record<GraphLang, { yes: string; no: string }> = { en: { yes: 'holds', no: 'fails' }, ko: { yes: '만족', no: '불만족' } };

/** Fill, stroke and dash of a box by status (readable in light and dark themes: the image has its own background). */
const STYLE: Record<StepStatus, { fill: string; stroke: string; dash: string }> = {
  succeeded: { fill: '#e6f4ea', stroke: '#1e7e34', dash: '' },
  failed: { fill: '#fde8e8', stroke: '#c62828', dash: '' },
  skipped: { fill: '#f1f3f5', stroke: '#868e96', dash: ' stroke-dasharray="5 4"' },
};

const W = 150;
const H = 64;
/** Box positions: the chain on the middle row, the two branches above and below. */
const POS: Record<PipelineStepId, { x: number; y: number }> = {
  preprocess: { x: 10, y: 78 },
  train: { x: 200, y: 78 },
  evaluate: { x: 390, y: 78 },
  condition: { x: 580, y: 78 },
  register: { x: 790, y: 10 },
  fail: { x: 790, y: 146 },
};

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function box(step: GraphStep, lang: GraphLang): string {
  const { x, y } = POS[step.id];
  const s = STYLE[step.status];
  const cx = x + W / 2;
  return [
    `<g class="step" data-step="${step.id}" data-status="${step.status}">`,
    `<title>${esc(`${NAMES[lang][step.id]}: ${STATUS_TEXT[lang][step.status]}${step.detail ? ` (${step.detail})` : ''}`)}</title>`,
    `<rect x="${x}" y="${y}" width="${W}" height="${H}" rx="8" fill="${s.fill}" stroke="${s.stroke}" stroke-width="2"${s.dash}/>`,
    `<text x="${cx}" y="${y + 20}" text-anchor="middle" font-weight="600">${esc(NAMES[lang][step.id])}</text>`,
    `<text x="${cx}" y="${y + 37}" text-anchor="middle" fill="${s.stroke}">${esc(STATUS_TEXT[lang][step.status])}</text>`,
    step.detail ? `<text x="${cx}" y="${y + 54}" text-anchor="middle" font-size="11">${esc(step.detail.length > 24 ? `${step.detail.slice(0, 23)}…` : step.detail)}</text>` : '',
    '</g>',
  ].join('');
}

/** An arrow from (x1, y1) to (x2, y2); a branch that did not run is grey and dashed. */
function arrow(x1: number, y1: number, x2: number, y2: number, ran: boolean, label = ''): string {
  const colour = ran ? '#343a40' : '#adb5bd';
  const dash = ran ? '' : ' stroke-dasharray="5 4"';
  const text = label ? `<text x="${(x1 + x2) / 2}" y="${(y1 + y2) / 2 - 6}" text-anchor="middle" font-size="11" fill="${colour}">${esc(label)}</text>` : '';
  return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${colour}" stroke-width="2"${dash} marker-end="url(#${ran ? 'head' : 'head-off'})"/>${text}`;
}

/** The SVG text of a pipeline run: one box per step of PIPELINE_STEPS (each present in `steps`). */
export function pipelineGraphSvg(steps: readonly GraphStep[], lang: GraphLang = 'en'): string {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const ordered = PIPELINE_STEPS.map((id) => byId.get(id) ?? { id, status: 'skipped' as const, detail: '' });
  const ran = (id: PipelineStepId) => byId.get(id)?.status !== 'skipped';
  const mid = 78 + H / 2;
  const chain = (['preprocess', 'train', 'evaluate'] as const).map((id, i) => {
    const next = (['train', 'evaluate', 'condition'] as const)[i];
    return arrow(POS[id].x + W, mid, POS[next].x - 4, mid, ran(next));
  });
  const c = POS.condition;
  const branches = [
    arrow(c.x + W, mid - 12, POS.register.x - 4, POS.register.y + H / 2, ran('register'), BRANCH_TEXT[lang].yes),
    arrow(c.x + W, mid + 12, POS.fail.x - 4, POS.fail.y + H / 2, ran('fail'), BRANCH_TEXT[lang].no),
  ];
  const width = POS.register.x + W + 10;
  const height = POS.fail.y + H + 10;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="13" role="img">`,
    '<defs>',
    '<marker id="head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#343a40"/></marker>',
    '<marker id="head-off" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#adb5bd"/></marker>',
    '</defs>',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...chain,
    ...branches,
    ...ordered.map((s) => box(s, lang)),
    '</svg>',
  ].join('\n');
}
