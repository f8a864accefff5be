// The layout a Figure draws with (src/ui/outputs/figureLayout.ts): the app's
// defaults under the spec's layout, and tick labels Plotly does not measure
// one by one (ticklabeloverflow 'allow') on every axis the figure draws,
// unless the spec chose its own.
import { describe, expect, it } from 'vitest';
import { axisKeys, drawnLayout } from '../../src/ui/outputs/figureLayout.ts';

describe('drawnLayout', () => {
  it('keeps the spec over the defaults and allows tick labels on the default axes', () => {
    const layout = drawnLayout([{ type: 'scatter', x: [1], y: [2] }], { height: 300, xaxis: { title: { text: 'epoch' }, automargin: true } });
    expect(layout).toMatchObject({ autosize: true, height: 300, paper_bgcolor: 'transparent' });
    expect(layout.xaxis).toEqual({ title: { text: 'epoch' }, automargin: true, ticklabeloverflow: 'allow' });
    expect(layout.yaxis).toEqual({ ticklabeloverflow: 'allow' });
  });

  it('covers every axis the layout names or a trace refers to, and leaves a spec\'s own choice', () => {
    const data = [{ type: 'scatter', xaxis: 'x3', yaxis: 'y3' }, { type: 'bar' }];
    const spec = { xaxis2: { ticklabeloverflow: 'hide past domain' }, yaxis2: { range: [0, 1] } };
    expect(axisKeys(data, spec).sort()).toEqual(['xaxis', 'xaxis2', 'xaxis3', 'yaxis', 'yaxis2', 'yaxis3']);
    const layout = drawnLayout(data, spec);
    expect(layout.xaxis2).toEqual({ ticklabeloverflow: 'hide past domain' });
    expect(layout.yaxis2).toEqual({ range: [0, 1], ticklabeloverflow: 'allow' });
    expect(layout.xaxis3).toEqual({ ticklabeloverflow: 'allow' });
  });

  it('does not change the spec it is given', () => {
    const spec = { xaxis: { title: 'x' } };
    drawnLayout([], spec);
    expect(spec).toEqual({ xaxis: { title: 'x' } });
  });
});
