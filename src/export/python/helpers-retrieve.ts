// The Python helpers of the retrieve cell, re-implemented from the
// workbench's TypeScript (src/ml/text/: chunk.ts, tokenize.ts, bm25.ts,
// tfidf.ts, lsa.ts, ranking.ts, prompt.ts) so that the chunks, the tokens
// and the BM25 scores are identical, and the dense (LSA) scores equal up to
// floating-point error: TF-IDF is scikit-learn's TfidfVectorizer on the same
// tokens, the truncated SVD an exact one (numpy), where the workbench
// eigen-decomposes the Gram matrix.

export const PYTHON_HELPERS_RETRIEVE = String.raw`
_HANGUL = re.compile('[\uac00-\ud7a3]')
_WORD = re.compile(r'[^\W_]+')  # letters and digits of any script, as the workbench's [\p{L}\p{N}]+


def retrieval_tokens(text, hangul_ngram=2):
    """Lower-cased words; a Korean (Hangul) word becomes its overlapping character n-grams."""
    out = []
    for w in _WORD.findall(text.lower()):
        if hangul_ngram <= 0 or not _HANGUL.search(w) or len(w) <= hangul_ngram:
            out.append(w)
        else:
            out.extend(w[i:i + hangul_ngram] for i in range(len(w) - hangul_ngram + 1))
    return out


def chunk_documents(docs, id_column, text_column, size=128, overlap=0):
    """Documents cut into passages of size words (overlap words shared with the previous passage)."""
    rows = []
    for doc, text in zip(docs[id_column].fillna('').astype(str), docs[text_column].fillna('').astype(str)):
        words = text.split()
        start, index = 0, 0
        while start < len(words):
            rows.append({'chunk_id': f'{doc}#{index}', 'doc_id': doc, 'start': start, 'text': ' '.join(words[start:start + size])})
            if start + size >= len(words):
                break
            start, index = start + size - overlap, index + 1
    return pd.DataFrame(rows)


class Retriever:
    """BM25 over the chunks' tokens, LSA embeddings (TF-IDF + truncated SVD), and their hybrid."""

    def __init__(self, chunks, hangul_ngram=2, k1=1.2, b=0.75, dimensions=64, fusion='weighted', alpha=0.5):
        from sklearn.feature_extraction.text import TfidfVectorizer
        self.chunks, self.hangul_ngram, self.k1, self.b, self.fusion, self.alpha = chunks, hangul_ngram, k1, b, fusion, alpha
        tokens = [retrieval_tokens(t, hangul_ngram) for t in chunks['text']]
        # BM25 (Okapi, Lucene's idf): term counts per chunk and chunk lengths.
        self.tf = [pd.Series(t, dtype=object).value_counts().to_dict() for t in tokens]
        self.lengths = np.array([len(t) for t in tokens], dtype=float)
        self.df = pd.Series([term for counts in self.tf for term in counts], dtype=object).value_counts().to_dict()
        # Dense: TF-IDF on the same tokens (smooth idf, l2 rows), then the exact truncated SVD.
        self.tfidf = TfidfVectorizer(analyzer=lambda text: retrieval_tokens(text, hangul_ngram))
        X = self.tfidf.fit_transform(chunks['text']).toarray()
        k = min(dimensions, X.shape[0], X.shape[1])
        _, _, vt = np.linalg.svd(X, full_matrices=False)
        self.components = vt[:k]
        self.vectors = X @ self.components.T

    def bm25(self, query):
        n, avg = len(self.tf), self.lengths.mean()
        scores = np.zeros(n)
        for term in retrieval_tokens(query, self.hangul_ngram):  # a repeated query term counts each time
            if term not in self.df:
                continue
            idf = math.log(1 + (n - self.df[term] + 0.5) / (self.df[term] + 0.5))
            f = np.array([counts.get(term, 0) for counts in self.tf], dtype=float)
            norm = 1 - self.b + self.b * self.lengths / avg if avg > 0 else 1.0
            scores = scores + np.where(f > 0, idf * f * (self.k1 + 1) / (f + self.k1 * norm), 0.0)
        return scores

    def dense(self, query):
        q = self.tfidf.transform([query]).toarray()[0] @ self.components.T
        nq, nv = np.sqrt(q @ q), np.sqrt((self.vectors ** 2).sum(axis=1))
        ok = (nq > 0) & (nv > 0)
        return np.where(ok, self.vectors @ q / np.where(ok, nq * nv, 1.0), 0.0)

    def hybrid(self, bm25, dense, rrf_c=60):
        if self.fusion == 'weighted':
            def min_max(s):
                return (s - s.min()) / (s.max() - s.min()) if s.max() > s.min() else np.zeros(len(s))
            return self.alpha * min_max(bm25) + (1 - self.alpha) * min_max(dense)
        out = np.zeros(len(bm25))
        for weight, s in ((self.alpha, bm25), (1 - self.alpha, dense)):
            for r, p in enumerate(rank_by_score(s)):
                out[p] += weight / (rrf_c + r + 1)
        return out

    def search(self, query):
        bm25, dense = self.bm25(query), self.dense(query)
        return {'bm25': bm25, 'dense': dense, 'hybrid': self.hybrid(bm25, dense)}


def rank_by_score(scores):
    """Passage indices by score, highest first; ties keep passage order."""
    return sorted(range(len(scores)), key=lambda i: (-scores[i], i))


def rag_prompt(question, passages, instruction):
    context = '\n\n'.join(f'[{i + 1}] ({row.chunk_id}) {row.text}' for i, row in enumerate(passages.itertuples()))
    return f'{instruction.strip()}\n\n### Passages\n{context}\n\n### Question\n{question.strip()}\n\n### Answer\n'


def find_phrase(text, phrase):
    """Word offset where phrase begins in text (word by word), or -1."""
    ws, ps = text.split(), phrase.split()
    if not ps:
        return -1
    for i in range(len(ws) - len(ps) + 1):
        if ws[i:i + len(ps)] == ps:
            return i
    return -1


def evaluate_retriever(retriever, docs, id_column, text_column, questions, question_column, doc_column, answer_column, size, ks=(1, 5, 10)):
    """recall@k and MRR per method: the relevant chunk is the one holding the question's answer sentence.
    Returns the scores table, the number of questions evaluated and the number skipped (answer not found)."""
    text_of = dict(zip(docs[id_column].fillna('').astype(str), docs[text_column].fillna('').astype(str)))
    chunks = retriever.chunks
    ranks = {'bm25': [], 'dense': [], 'hybrid': []}
    skipped = 0
    for question, doc, answer in zip(*(questions[c].fillna('').astype(str) for c in (question_column, doc_column, answer_column))):
        offset = find_phrase(text_of.get(doc, ''), answer)
        hit = chunks.index[(chunks['doc_id'] == doc) & (chunks['start'] <= offset) & (offset < chunks['start'] + size)] if offset >= 0 else []
        if len(hit) == 0:
            skipped += 1
            continue
        scores = retriever.search(question)
        for method, s in scores.items():
            ranks[method].append(rank_by_score(s).index(hit[0]) + 1)
    n = len(ranks['bm25']) or 1
    rows = []
    for method, r in ranks.items():
        rows.append({'method': method, **{f'recall@{k}': sum(x <= k for x in r) / n for k in ks}, 'MRR': sum(1 / x for x in r) / n})
    passages = len(chunks)
    rows.append({'method': 'random', **{f'recall@{k}': min(k, passages) / passages for k in ks}, 'MRR': sum(1 / i for i in range(1, passages + 1)) / passages})
    return pd.DataFrame(rows), len(ranks['bm25']), skipped
`;
