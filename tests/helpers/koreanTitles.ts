// What a student in the Korean UI would still read in English in a run
// notebook's outputs: a table, figure, metrics or training output with an
// English title and no Korean one (titleKo), a figure's axis or title without
// its Korean text, or a markdown/text output whose English has no Korean copy.
import type { CellOutput } from '../../src/core/outputs.ts';

const HANGUL = /[가-힣]/;
/** Titles that read the same in Korean: names, symbols and arrows only (a training title is "gbdt → model"). */
const SAME_IN_KOREAN = /^[\w\s.,:()→\-–|"'/]*$/;
const ENGLISH_WORD = /\b(?:of|on|by|per|and|the|vs|at|rows?|metrics?|drift|traffic|report|importance|trial|fold|class|balance|profile)\b/i;

function needsKorean(text: string | undefined): boolean {
  return !!text && ENGLISH_WORD.test(text) && !(SAME_IN_KOREAN.test(text) && !ENGLISH_WORD.test(text));
}

function axisTitle(entry: unknown): string | undefined {
  const title = (entry as { title?: { text?: unknown } } | undefined)?.title;
  return typeof title?.text === 'string' ? title.text : undefined;
}

/** "cell id: what is English" for every such output. */
export function englishOnly(cells: readonly { id: string; kind: string; outputs: readonly CellOutput[] }[], doc: { cells: readonly { id: string; params: Record<string, unknown> }[] }): string[] {
  const found: string[] = [];
  // A code cell's outputs are what the student's own code printed.
  for (const cell of cells.filter((c) => c.kind !== 'code')) {
    for (const o of cell.outputs) {
      const at = `${cell.kind} ${cell.id} (${o.type})`;
      // A title the notebook's author typed is their text: the notebook's Korean copy (name.ko.ipynb) has it in Korean.
      const title = doc.cells.find((c) => c.id === cell.id)?.params.title;
      const authored = typeof title === 'string' && title.trim() !== '';
      if (authored) continue;
      if (o.type === 'table' || o.type === 'profile' || o.type === 'metrics' || o.type === 'json' || o.type === 'figure') {
        if (needsKorean(o.title) && !HANGUL.test(o.titleKo ?? '')) found.push(`${at}: title "${o.title}"`);
      }
      if (o.type === 'figure') {
        for (const [key, entry] of Object.entries(o.spec.layout)) {
          const text = key === 'title' ? axisTitle(o.spec.layout) : /^[xy]axis\d*$/.test(key) ? axisTitle(entry) : undefined;
          if (needsKorean(text) && !HANGUL.test(o.ko?.layout?.[key] ?? '')) found.push(`${at}: ${key} "${text}"`);
        }
      }
      if (o.type === 'training' && !HANGUL.test(o.summaryKo ?? '')) found.push(`${at}: summary "${o.summary}"`);
      if (o.type === 'profile') {
        o.warnings.forEach((w, i) => {
          if (!HANGUL.test(o.warningsKo?.[i] ?? '')) found.push(`${at}: warning "${w}"`);
        });
      }
      if ((o.type === 'markdown' || o.type === 'text') && !HANGUL.test(o.ko ?? '')) {
        const text = o.type === 'markdown' ? o.markdown : o.text;
        if (ENGLISH_WORD.test(text)) found.push(`${at}: "${text.slice(0, 60)}"`);
      }
    }
  }
  return found;
}
