// "Retrieval for RAG": the K-Mart course's days 5–6 (COURSE.md §4) —
// chunking, BM25, dense retrieval, a hybrid, evaluation on labelled
// questions and the RAG prompt — on a generated bilingual K-Mart corpus.
import { NotebookBuilder } from './builder.ts';
import { text, type Lang } from './i18n.ts';

export function retrieval(lang: Lang = 'en') {
  const t = text(lang);
  const query = t('How long do I have to bring back something I never opened?', '뜯지 않은 물건은 며칠 안에 반품해야 하나요?');
  const instruction = t(
    'Answer the question using only the passages below. Cite the passage numbers you used. If the passages do not contain the answer, say so.',
    '아래 문단만 근거로 질문에 답하세요. 사용한 문단 번호를 밝히세요. 문단에 답이 없으면 없다고 말하세요.',
  );
  return new NotebookBuilder(t('Retrieval for RAG: finding the right passage', 'RAG를 위한 검색: 알맞은 문단 찾기'), {
    authors: [{ name: 'ML Workbench' }],
    language: lang,
  })
    .md(t(`
    # Retrieval for RAG: finding the right passage

    A shop assistant chatbot should answer from the shop's own documents, not from memory. *Retrieval-augmented generation* (RAG)
    does it in two steps: **find** the few passages that answer the question, then **hand them to a language model** with the question.
    This notebook builds the first step — the one that decides whether the answer can be right at all — the way the course does:

    1. cut the documents into **chunks of 128 words**;
    2. search them with **BM25**, the classic keyword ranking;
    3. search them with **dense embeddings** — vectors that place passages with similar words close together, learned here from the chunks;
    4. combine both into a **hybrid** ranking;
    5. measure each on **labelled questions**: how often the right chunk is in the top 5 (recall@5), and how high it comes (MRR);
    6. assemble the **prompt** a language model would answer from the top 5 passages.

    **The documents** are K-Mart's store policies (returns, refunds, delivery, membership…), product FAQs and store pages, in English and Korean,
    with 346 questions, each written in other words than the sentence that answers it. They are generated for this course, so we know the right answer to every question.
    `, `
    # RAG를 위한 검색: 알맞은 문단 찾기

    매장 안내 챗봇은 기억이 아니라 매장의 문서를 근거로 답해야 합니다. *검색 증강 생성*(RAG)은 두 단계로 이것을 합니다.
    질문에 답하는 문단 몇 개를 **찾고**, 그 문단을 질문과 함께 **언어 모델에 넘깁니다**.
    이 노트북은 첫 단계, 곧 답이 맞을 수 있는지를 결정하는 단계를 강의 순서대로 만듭니다.

    1. 문서를 **128단어 청크**로 자릅니다.
    2. 고전적인 키워드 순위 방법인 **BM25**로 검색합니다.
    3. **밀집 임베딩**으로 검색합니다. 비슷한 단어를 쓰는 문단을 가까이 두는 벡터로, 여기서 청크로부터 직접 학습합니다.
    4. 둘을 합쳐 **하이브리드** 순위를 만듭니다.
    5. **정답이 달린 질문**으로 잽니다. 맞는 청크가 상위 5개 안에 드는 비율(recall@5)과 얼마나 위에 오는지(MRR)입니다.
    6. 상위 5개 문단으로 언어 모델에 줄 **프롬프트**를 조립합니다.

    **문서**는 K-Mart의 매장 규정(반품, 환불, 배송, 멤버십 등), 상품 FAQ, 매장 안내이며 영어와 한국어로 되어 있습니다.
    질문 346개는 모두 답이 되는 문장과 다른 말로 쓰였습니다. 이 강의를 위해 생성한 자료라서 모든 질문의 정답을 알고 있습니다.
    `))
    .cell('load', { source: { type: 'dataset', name: 'kmart-docs' }, output: 'docs' }, t('The documents', '문서'))
    .cell('load', { source: { type: 'dataset', name: 'kmart-questions' }, output: 'questions' }, t('The labelled questions', '정답이 달린 질문'))
    .md(t(`
    ## 1 · Chunks, words and Korean

    The course splits its Wikipedia extract into chunks of 128 words, one per line, and so does the cell below.
    Search works on *tokens*. English words are simply lower-cased. Korean needs more care: particles and endings stick to the word
    (반품은, 반품할, 반품이), so the same word rarely appears twice in the same form. The course uses a morpheme analyser;
    here each Korean word is cut into overlapping **two-character pieces** (반품할 → 반품, 품할), which match across endings without any dictionary.

    ## 2 · BM25 and dense retrieval, side by side

    **BM25** scores a chunk by the question's words it contains: rare words count more (IDF), a repeated word adds less and less (k1),
    and long chunks are penalised (b). It only finds chunks that share words with the question.

    **Dense retrieval** turns every chunk into a vector. The course uses a pre-trained SentenceTransformer, which a browser cannot download;
    here the vectors are learned from the chunks themselves: a TF-IDF table (chunk × word) compressed by a truncated SVD to 64 numbers a chunk
    (*latent semantic analysis*). Words that appear in the same chunks end up in the same directions, so a question can match a chunk without sharing its exact words.
    The question is projected the same way, and chunks are ranked by cosine similarity.

    The **hybrid** ranking adds both scores (each scaled to 0–1, half and half). The table shows BM25's top 10 and the dense top 10 for one question,
    and the prompt is built from the hybrid top 5.
    `, `
    ## 1 · 청크, 단어, 그리고 한국어

    강의는 위키백과 발췌문을 한 줄에 한 청크씩 128단어 청크로 나눕니다. 아래 셀도 같습니다.
    검색은 *토큰* 단위로 합니다. 영어 단어는 소문자로 바꾸기만 합니다. 한국어는 더 신경 써야 합니다. 조사와 어미가 단어에 붙어서
    (반품은, 반품할, 반품이) 같은 단어가 같은 모양으로 두 번 나오는 일이 드뭅니다. 강의는 형태소 분석기를 쓰지만,
    여기서는 한국어 단어를 겹치는 **두 글자 조각**으로 자릅니다(반품할 → 반품, 품할). 사전 없이도 어미가 달라도 서로 맞습니다.

    ## 2 · BM25와 밀집 검색 나란히 보기

    **BM25**는 청크에 질문의 단어가 들어 있는지로 점수를 매깁니다. 드문 단어일수록 더 세고(IDF), 같은 단어가 반복되면 점점 덜 더하며(k1),
    긴 청크는 불이익을 받습니다(b). 질문과 단어를 함께 쓰는 청크만 찾습니다.

    **밀집 검색**은 청크마다 벡터를 만듭니다. 강의는 미리 학습된 SentenceTransformer를 쓰는데, 브라우저는 그것을 내려받을 수 없습니다.
    여기서는 청크로부터 직접 벡터를 배웁니다. TF-IDF 표(청크 × 단어)를 절단 SVD로 청크당 숫자 64개로 줄입니다(*잠재 의미 분석*, LSA).
    같은 청크에 함께 나오는 단어들이 같은 방향을 갖게 되어, 질문이 정확히 같은 단어를 쓰지 않아도 청크와 맞을 수 있습니다.
    질문도 같은 방법으로 투영하고, 코사인 유사도로 청크의 순위를 매깁니다.

    **하이브리드** 순위는 두 점수를 더합니다(각각 0–1로 맞춘 뒤 반반). 표는 한 질문에 대한 BM25 상위 10개와 밀집 상위 10개를 보여 주고,
    프롬프트는 하이브리드 상위 5개로 만듭니다.
    `))
    .cell('retrieve', { input: 'docs', query, instruction, chunksOutput: 'chunks', output: '' }, t('Search one question', '질문 하나 검색하기'))
    .md(t(`
    ## 3 · Which retriever finds the answer?

    One question proves little. The cell below asks all 346 labelled questions (both languages) and, for each, finds the chunk that holds the
    sentence answering it. **recall@k** is the share of questions whose chunk is in the top k; **MRR** (mean reciprocal rank) averages 1/rank,
    so 1 means always first and 0.5 means second on average. The *random* row is what shuffling the chunks would score — the floor.

    Expect BM25 and the dense vectors to fail on different questions — BM25 when the question uses other words, the dense vectors when
    a product or city name decides — and the hybrid to be at least as good as either. That is the course's own conclusion on day 6:
    BM25 together with dense passage retrieval should beat either alone.
    `, `
    ## 3 · 어떤 검색기가 답을 찾을까?

    질문 하나로는 알 수 있는 것이 적습니다. 아래 셀은 정답이 달린 질문 346개(두 언어)를 모두 묻고, 질문마다 답이 되는 문장이 든 청크를 찾습니다.
    **recall@k**는 그 청크가 상위 k개에 든 질문의 비율이고, **MRR**(평균 역순위)은 1/순위의 평균입니다.
    1이면 늘 첫 번째, 0.5면 평균 두 번째라는 뜻입니다. *random* 행은 청크를 무작위로 섞었을 때의 점수, 곧 바닥입니다.

    BM25와 밀집 벡터는 서로 다른 질문에서 틀릴 것입니다. BM25는 질문이 다른 단어를 쓸 때, 밀집 벡터는 상품이나 도시 이름이 답을 가를 때입니다.
    하이브리드는 둘 중 어느 것보다도 못하지 않아야 합니다. 강의의 6일차 결론도 같습니다. BM25와 밀집 문단 검색(DPR)을 함께 쓰면 하나만 쓸 때보다 낫습니다.
    `))
    .cell('retrieve', { input: 'docs', questions: 'questions', chunksOutput: '', output: 'retrieval_scores' }, t('Recall@k and MRR on the labelled questions', '정답 질문으로 잰 recall@k와 MRR'))
    .md(t(`
    ## 4 · Generation: why it stops at the prompt

    The last step of RAG sends the prompt above to a language model, which writes the answer from the passages and cites them.
    The course uses a Gemma model on a GPU server. A model that writes fluent Korean and English is several gigabytes (the smallest useful ones
    about 1–2 GB even when quantised); this workbench runs offline, never downloads anything at run time, and ships only what its own origin serves,
    so no such model is available here. What this notebook measures is the part the model depends on: if the right passage is not among the
    five in the prompt, no model can answer correctly — except by guessing.

    ## What to try

    - Set the chunk size to 32 or 256 words: smaller chunks make the right passage easier to rank first, but give the model less context.
    - Set \`hangulNgram\` to 0 (whole Korean words): how much do the Korean questions lose?
    - Move \`alpha\` to 1 (BM25 only) and 0 (dense only), or switch the fusion to \`rrf\`: which hybrid is best here?
    - Change \`k1\` and \`b\`; try 16 or 200 LSA dimensions.
    `, `
    ## 4 · 생성: 왜 프롬프트에서 멈출까

    RAG의 마지막 단계는 위의 프롬프트를 언어 모델에 보내는 것입니다. 모델은 문단을 근거로 답을 쓰고 출처를 밝힙니다.
    강의는 GPU 서버에서 Gemma 모델을 씁니다. 한국어와 영어를 자연스럽게 쓰는 모델은 수 기가바이트입니다(쓸 만한 가장 작은 모델도
    양자화해서 1–2 GB 정도). 이 워크벤치는 오프라인으로 돌고, 실행 중에 아무것도 내려받지 않으며, 자기 출처에서 제공하는 것만 쓰므로
    그런 모델이 여기에는 없습니다. 이 노트북이 재는 것은 모델이 기대는 부분입니다. 맞는 문단이 프롬프트의 다섯 문단 안에 없으면
    어떤 모델도 (찍지 않는 한) 바르게 답할 수 없습니다.

    ## 해 볼 것

    - 청크 크기를 32나 256단어로 바꿔 보세요. 청크가 작으면 맞는 문단을 첫 번째로 올리기 쉽지만 모델이 받는 맥락이 줄어듭니다.
    - \`hangulNgram\`을 0(한국어 단어 통째로)으로 해 보세요. 한국어 질문의 성적이 얼마나 떨어지나요?
    - \`alpha\`를 1(BM25만)과 0(밀집만)으로 옮기거나, 결합 방식을 \`rrf\`로 바꿔 보세요. 여기서는 어떤 하이브리드가 가장 좋나요?
    - \`k1\`과 \`b\`를 바꾸고, LSA 차원을 16이나 200으로 해 보세요.
    `))
    .build();
}
