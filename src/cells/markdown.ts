// Markdown: prose between steps. Nothing to run; the UI renders it (sanitized).
import { z } from 'zod';
import { defineCell } from './types.ts';

export const markdownCell = defineCell({
  kind: 'markdown',
  label: 'Markdown',
  description: 'Text, headings, lists, links and math that explain the notebook.',
  schema: z.object({
    text: z.string().default('').describe('Markdown text'),
  }),
  runnable: false,
  reads: () => [],
  writes: () => [],
  render: (p) => p.text,
  run: async () => [],
});
