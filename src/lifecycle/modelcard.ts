// Model cards (Mitchell et al., 2019): one structure, rendered twice — as
// Markdown for the notebook output and as a standalone HTML page for
// download (inline styles only, every text escaped, no external resources).
import type { DataFingerprint } from './fingerprint.ts';
import { fmt, metricLabel, metricLabelKo } from './format.ts';

export interface CardSection {
  heading: string;
  paragraphs?: string[];
  list?: string[];
  table?: { header: string[]; rows: string[][] };
}

export interface ModelCard {
  title: string;
  sections: CardSection[];
}

export interface ModelCardInput {
  title: string;
  modelType: string;
  task: string;
  target: string;
  features: readonly string[];
  /** The model's describe(): its training parameters and sizes. */
  parameters: Record<string, unknown>;
  intendedUse: string;
  limitations: string;
  dataDescription: string;
  fingerprint?: DataFingerprint & { table: string };
  metrics?: { source: string; values: Record<string, number> };
  /** Per-slice metrics: one row per slice. */
  slices?: { source: string; columns: string[]; rows: Record<string, unknown>[] };
  createdAt: string;
}

/** The card's own words; the student's text (title, intended use, data, limitations) stays as written. */
const WORDS = {
  en: {
    notGiven: 'Not stated. Fill this in before sharing the model.', details: 'Model details', type: 'Type', target: 'Target', features: 'Features',
    created: 'Card created', use: 'Intended use', data: 'Data', table: 'Training table', rows: 'Rows', columns: 'Columns', fingerprint: 'Fingerprint',
    metrics: 'Metrics', from: 'From {source}.', metric: 'metric', value: 'value', slices: 'Metrics by slice', limitations: 'Limitations',
    training: 'Training parameters', parameter: 'parameter',
  },
  ko: {
    notGiven: '적혀 있지 않아요. 모델을 공유하기 전에 채워 주세요.', details: '모델 정보', type: '종류', target: '타깃', features: '특성',
    created: '카드 작성일', use: '사용 목적', data: '데이터', table: '학습 표', rows: '행 수', columns: '열 수', fingerprint: '지문',
    metrics: '지표', from: '출처: {source}.', metric: '지표', value: '값', slices: '구간별 지표', limitations: '한계',
    training: '학습 매개변수', parameter: '매개변수',
  },
} as const;

function show(v: unknown): string {
  if (typeof v === 'number') return fmt(v);
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  return JSON.stringify(v);
}

/** The card in English (the saved text, the HTML download) or in Korean (what the Korean UI shows). */
export function buildModelCard(i: ModelCardInput, lang: 'en' | 'ko' = 'en'): ModelCard {
  const w = WORDS[lang];
  const from = (source: string) => w.from.replace('{source}', source);
  const sections: CardSection[] = [
    {
      heading: w.details,
      list: [`${w.type}: ${i.modelType} (${i.task})`, `${w.target}: ${i.target}`, `${w.features} (${i.features.length}): ${i.features.join(', ')}`, `${w.created}: ${i.createdAt}`],
    },
    { heading: w.use, paragraphs: [i.intendedUse.trim() || w.notGiven] },
  ];
  const data: CardSection = { heading: w.data, paragraphs: [i.dataDescription.trim() || w.notGiven] };
  if (i.fingerprint) {
    data.list = [`${w.table}: ${i.fingerprint.table}`, `${w.rows}: ${i.fingerprint.rows}`, `${w.columns}: ${i.fingerprint.columns}`, `${w.fingerprint} (FNV-1a 64): ${i.fingerprint.hash}`];
  }
  sections.push(data);
  if (i.metrics) {
    sections.push({
      heading: w.metrics,
      paragraphs: [from(i.metrics.source)],
      table: { header: [w.metric, w.value], rows: Object.entries(i.metrics.values).map(([k, v]) => [(lang === 'ko' ? metricLabelKo : metricLabel)(k), fmt(v)]) },
    });
  }
  if (i.slices && i.slices.rows.length) {
    const { columns, rows } = i.slices;
    sections.push({ heading: w.slices, paragraphs: [from(i.slices.source)], table: { header: columns, rows: rows.map((r) => columns.map((c) => show(r[c]))) } });
  }
  sections.push({ heading: w.limitations, paragraphs: [i.limitations.trim() || w.notGiven] });
  const params = Object.entries(i.parameters);
  sections.push({ heading: w.training, table: { header: [w.parameter, w.value], rows: params.map(([k, v]) => [k, show(v)]) } });
  return { title: i.title, sections };
}

function mdCell(s: string): string {
  return s.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replace(/\r?\n/g, ' ');
}

export function cardToMarkdown(card: ModelCard): string {
  const out: string[] = [`# ${card.title.replace(/\r?\n/g, ' ')}`];
  for (const s of card.sections) {
    out.push('', `## ${s.heading}`);
    for (const p of s.paragraphs ?? []) out.push('', p);
    if (s.list?.length) out.push('', ...s.list.map((l) => `- ${l}`));
    if (s.table) {
      out.push('', `| ${s.table.header.map(mdCell).join(' | ')} |`, `| ${s.table.header.map(() => '---').join(' | ')} |`);
      for (const r of s.table.rows) out.push(`| ${r.map(mdCell).join(' | ')} |`);
    }
  }
  return out.join('\n') + '\n';
}

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

const STYLE = [
  'body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}',
  'h1{border-bottom:2px solid #ddd;padding-bottom:.3rem}',
  'table{border-collapse:collapse;margin:.5rem 0}',
  'th,td{border:1px solid #ccc;padding:.25rem .6rem;text-align:left}',
  'th{background:#f3f3f3}',
].join('');

/** A complete HTML document; paragraphs keep their line breaks. */
export function cardToHtml(card: ModelCard): string {
  const e = escapeHtml;
  const body: string[] = [`<h1>${e(card.title)}</h1>`];
  for (const s of card.sections) {
    body.push(`<h2>${e(s.heading)}</h2>`);
    for (const p of s.paragraphs ?? []) body.push(`<p>${e(p).replace(/\r?\n/g, '<br>')}</p>`);
    if (s.list?.length) body.push(`<ul>${s.list.map((l) => `<li>${e(l)}</li>`).join('')}</ul>`);
    if (s.table) {
      const head = `<tr>${s.table.header.map((h) => `<th>${e(h)}</th>`).join('')}</tr>`;
      const rows = s.table.rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`).join('');
      body.push(`<table><thead>${head}</thead><tbody>${rows}</tbody></table>`);
    }
  }
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(card.title)}</title><style>${STYLE}</style></head>`,
    `<body>${body.join('\n')}</body>`,
    '</html>',
  ].join('\n');
}
