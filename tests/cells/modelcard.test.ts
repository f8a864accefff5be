import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { modelcardCell, modelcardSchema } from '../../src/cells/modelcard.ts';
import type { MarkdownOutput } from '../../src/core/outputs.ts';
import { fingerprintTable } from '../../src/lifecycle/fingerprint.ts';
import { escapeHtml } from '../../src/lifecycle/modelcard.ts';
import { testContext } from '../helpers/context.ts';
import { columnModel } from '../lifecycle/fakes.ts';

describe('modelcard cell', () => {
  it('parses {} to defaults', () => {
    const p = modelcardSchema.parse({});
    expect(p).toMatchObject({ model: 'model', metrics: 'metrics', title: '', output: 'model_card' });
    for (const [name, field] of Object.entries(modelcardSchema.shape)) expect(field.description, name).toBeTruthy();
    expect(modelcardCell.reads({ ...p, trainingData: 'train' })).toEqual(['model', 'metrics', 'train']);
  });

  it('writes Markdown with every section and a standalone, escaped HTML value', async () => {
    const train = aq.table({ x: [1, 2, 3], y: [0, 1, 0] });
    const slices = aq.table({ slice: ['island=Biscoe', 'island=Dream'], accuracy: [0.91, 0.842] });
    const ctx = testContext({
      model: { type: 'model', model: columnModel({ task: 'classification', target: 'y', predCol: 'y' }) },
      metrics: { type: 'metrics', metrics: { roc_auc: 0.8123, accuracy: 0.75 } },
      train: { type: 'table', table: train },
      slices: { type: 'table', table: slices },
    });
    const out = await modelcardCell.run(modelcardSchema.parse({
      title: 'Churn <model>', intendedUse: 'Rank customers | for outreach.', limitations: 'Trained on 2023 data <script>alert(1)</script>',
      data: 'CRM export', trainingData: 'train', slices: 'slices',
    }), ctx);
    const md = (out[0] as MarkdownOutput).markdown;
    for (const h of ['# Churn <model>', '## Intended use', '## Data', '## Metrics', '## Metrics by slice', '## Limitations', '## Training parameters']) expect(md).toContain(h);
    expect(md).toContain(`Fingerprint (FNV-1a 64): ${fingerprintTable(train).hash}`);
    expect(md).toContain('| AUC | 0.8123 |');
    expect(md).toContain('| Accuracy | 0.75 |');
    // The Korean card names the metrics in Korean (issue 13).
    const ko = (out[0] as MarkdownOutput).ko ?? '';
    expect(ko).toContain('| 정확도 | 0.75 |');
    expect(ko).toContain('| AUC | 0.8123 |');
    expect(md).toContain('| island=Biscoe | 0.91 |');
    expect(md).toContain('| hidden | [4,2] |');
    const html = ctx.values.get('model_card');
    if (html?.type !== 'text') throw new Error('no html');
    expect(html.text.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.text).toContain('<title>Churn &lt;model&gt;</title>');
    expect(html.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.text).not.toContain('<script');
    expect(html.text).not.toMatch(/(src|href)=|url\(|@import/);
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('marks missing intended use and limitations; metrics optional', async () => {
    const ctx = testContext({ model: { type: 'model', model: columnModel({ task: 'regression', target: 'y', predCol: 'y' }) } });
    const out = await modelcardCell.run(modelcardSchema.parse({ metrics: '' }), ctx);
    const md = (out[0] as MarkdownOutput).markdown;
    expect(md).toContain('# Model card: model');
    expect(md).not.toContain('## Metrics');
    expect(md.match(/Not stated/g)).toHaveLength(3);
  });
});
