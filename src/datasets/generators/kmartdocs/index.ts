// The K-Mart document collection for the retrieval notebook (K-Mart days
// 5–6): store policies, product FAQs and store pages in English and Korean,
// with labelled questions. Each question asks for one fact sentence of one
// document, in other words; `answer` is that sentence, so the notebook can
// find the chunk that holds it. Pure and seeded.
import { makeRng, type Rng } from '../rng.ts';
import { toCsv } from '../csv.ts';
import { FILLERS_EN, FILLERS_KO, POLICY_TOPICS, type Fact } from './policies.ts';
import { productPages, storePages, type Page } from './catalogue.ts';

export interface KmartDocs {
  docs: string;
  questions: string;
}

type Lang = 'en' | 'ko';

function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The page's facts with `fillers` filler sentences mixed in at random places. */
function body(facts: readonly Fact[], lang: Lang, fillers: number, rng: Rng): string {
  const pool = shuffle(lang === 'en' ? FILLERS_EN : FILLERS_KO, rng).slice(0, fillers);
  const sentences: string[] = facts.map((f) => f[lang]);
  for (const f of pool) sentences.splice(rng.int(0, sentences.length), 0, f);
  return sentences.join(' ');
}

export function generateKmartDocs(seed: number): KmartDocs {
  const rng = makeRng(seed + 505);
  const pages: (Page & { kind: string; fillers: number })[] = [
    ...POLICY_TOPICS.map((t) => ({ key: `policy-${t.key}`, titleEn: t.titleEn, titleKo: t.titleKo, facts: t.facts(rng), kind: 'policy', fillers: 8 })),
    ...productPages(rng).map((p) => ({ ...p, kind: 'product', fillers: 3 })),
    ...storePages(rng).map((p) => ({ ...p, kind: 'store', fillers: 2 })),
  ];
  const docRows: (string | number)[][] = [];
  const questionRows: (string | number)[][] = [];
  for (const lang of ['en', 'ko'] as const) {
    for (const page of pages) {
      const id = `${page.key}-${lang}`;
      const title = lang === 'en' ? page.titleEn : page.titleKo;
      docRows.push([id, lang, page.kind, title, body(shuffle(page.facts, rng), lang, page.fillers, rng)]);
      for (const f of page.facts) questionRows.push([`q${questionRows.length + 1}`, lang, lang === 'en' ? f.qEn : f.qKo, id, f[lang]]);
    }
  }
  return {
    docs: toCsv(['doc_id', 'lang', 'kind', 'title', 'text'], docRows),
    questions: toCsv(['question_id', 'lang', 'question', 'doc_id', 'answer'], questionRows),
  };
}
