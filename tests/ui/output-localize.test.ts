// An output's Korean words (titleKo, a figure's ko) are what the Korean UI
// shows; the English UI, and the output itself, keep the English.
import { afterEach, describe, expect, it } from 'vitest';
import type { FigureOutput } from '../../src/core/outputs.ts';
import { setLang } from '../../src/ui/i18n.ts';
import { shownTitle } from '../../src/ui/outputs/localize.ts';
import { shownSpec as overlay } from '../../src/ui/outputs/figureKo.ts';
import { getLang } from '../../src/ui/i18n.ts';

const shownSpec = (o: FigureOutput) => overlay(o.spec, o.ko, getLang());

const figure: FigureOutput = {
  type: 'figure',
  title: 'Metric per fold',
  titleKo: '폴드별 지표',
  spec: {
    data: [{ type: 'box', name: 'auc', y: [1] }, { type: 'scatter', name: 'best so far', y: [1] }],
    layout: { title: { text: 'Metric per fold', x: 0.1 }, yaxis: { title: { text: 'value' }, range: [0, 1] }, showlegend: false },
  },
  ko: { layout: { title: '폴드별 지표', yaxis: '값', xaxis: '시도' }, traces: [null, '지금까지 최고'] },
};

afterEach(() => setLang('en'));

describe('outputs in the UI language', () => {
  it('shows the English title and the same spec object in English', () => {
    setLang('en');
    expect(shownTitle(figure)).toBe('Metric per fold');
    expect(shownSpec(figure)).toBe(figure.spec);
  });

  it('shows the Korean title, axes and trace names in Korean, keeping every other setting', () => {
    setLang('ko');
    expect(shownTitle(figure)).toBe('폴드별 지표');
    const spec = shownSpec(figure);
    expect(spec.layout.title).toEqual({ text: '폴드별 지표', x: 0.1 });
    expect(spec.layout.yaxis).toEqual({ title: { text: '값' }, range: [0, 1] });
    // An axis the spec did not have gets only its title.
    expect(spec.layout.xaxis).toEqual({ title: { text: '시도' } });
    expect(spec.layout.showlegend).toBe(false);
    expect(spec.data.map((t) => t.name)).toEqual(['auc', '지금까지 최고']);
    // The output keeps its English: saved notebooks and reports read it.
    expect(figure.spec.layout.title).toEqual({ text: 'Metric per fold', x: 0.1 });
    expect(figure.spec.data[1].name).toBe('best so far');
  });

  it('falls back to the English title when an output has no Korean one', () => {
    setLang('ko');
    expect(shownTitle({ title: 'Trials' })).toBe('Trials');
    const plain: FigureOutput = { type: 'figure', spec: figure.spec };
    expect(shownSpec(plain)).toBe(plain.spec);
  });
});
