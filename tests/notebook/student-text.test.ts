// Course notebooks speak to students: their text cites no source paths,
// npm scripts, internal docs or the project's tests (issue 13, item 5).
import { describe, expect, it } from 'vitest';
import { bundledNotebooks } from '../../notebooks/source/index.ts';

const INTERNAL = /npm run|`src\/|\bsrc\/[a-z]|docs\/[a-z-]+\.md|tests\/|project's tests|프로젝트 테스트|\.mts\b|\bbench\//;

describe('course notebook text', () => {
  for (const [file, doc] of Object.entries(bundledNotebooks())) {
    it(`${file} cites no source path, npm script or internal doc`, () => {
      const texts = doc.cells.flatMap((c) => [c.title ?? '', c.kind === 'markdown' ? String(c.params.text ?? '') : '']);
      const found = texts.flatMap((text) => text.split('\n')).filter((line) => INTERNAL.test(line));
      expect(found).toEqual([]);
    });
  }
});
