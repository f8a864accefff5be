// The pipeline graph: one box per step carrying its status, the branch that
// ran drawn solid, text escaped, and a data: URL a markdown image can hold.
import { describe, expect, it } from 'vitest';
import { PIPELINE_STEPS, pipelineGraphSvg, type GraphStep } from '../../src/lifecycle/pipelineGraph.ts';

const nodes = (svg: string) => [...svg.matchAll(/<g class="step" data-step="(\w+)" data-status="(\w+)">/g)].map((m) => [m[1], m[2]]);

const registered: GraphStep[] = [
  { id: 'preprocess', status: 'succeeded', detail: '' },
  { id: 'train', status: 'succeeded', detail: '' },
  { id: 'evaluate', status: 'succeeded', detail: '' },
  { id: 'condition', status: 'succeeded', detail: 'MSE 5.44 ≤ 6' },
  { id: 'register', status: 'succeeded', detail: '' },
  { id: 'fail', status: 'skipped', detail: '' },
];

describe('pipeline graph', () => {
  it('has a node per step with its status, in pipeline order', () => {
    const svg = pipelineGraphSvg(registered);
    expect(nodes(svg)).toEqual(registered.map((s) => [s.id, s.status]));
    expect(svg).toContain('MSE 5.44 ≤ 6');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });

  it('draws the branch that ran solid and the other dashed, and colours a failed step red', () => {
    const refused: GraphStep[] = registered.map((s) => (s.id === 'register' ? { ...s, status: 'skipped' } : s.id === 'fail' ? { ...s, status: 'failed', detail: 'MSE 5.44 > 4' } : s));
    const svg = pipelineGraphSvg(refused);
    expect(nodes(svg)).toEqual([['preprocess', 'succeeded'], ['train', 'succeeded'], ['evaluate', 'succeeded'], ['condition', 'succeeded'], ['register', 'skipped'], ['fail', 'failed']]);
    const branch = (label: string) => new RegExp(`<line [^>]*marker-end="url\\(#(head|head-off)\\)"/><text[^>]*>${label}</text>`).exec(svg)?.[1];
    expect(branch('holds')).toBe('head-off');
    expect(branch('fails')).toBe('head');
    expect(svg).toMatch(/data-step="fail" data-status="failed">.*?stroke="#c62828"/s);
  });

  it('fills in missing steps as skipped, speaks Korean, and escapes text', () => {
    const svg = pipelineGraphSvg([{ id: 'preprocess', status: 'failed', detail: '<script>&' }], 'ko');
    expect(nodes(svg).map((n) => n[0])).toEqual([...PIPELINE_STEPS]);
    expect(nodes(svg).slice(1).every((n) => n[1] === 'skipped')).toBe(true);
    expect(svg).toContain('전처리');
    expect(svg).toContain('건너뜀');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;&amp;');
  });
});
