// The Python helpers of the text classifier's neural model, following
// src/ml/text/charNet.ts: the character vocabulary (id 0 padding, 1 unknown,
// then the characters seen at least minCount times by frequency, ties by
// UTF-16 code units as JavaScript compares strings, at most maxVocab), each
// text's first maxLength characters (code points, no lower-casing) padded
// with 0; a learned embedding (padding included, uniform ±0.05 as Keras'
// embedding), a width-3 'valid' convolution with ReLU, max-pooled over the
// whole text, one sigmoid output. The convolution's kernel is drawn as the
// workbench draws it: Glorot-uniform over the (3·embedding, filters) matrix
// (Keras' Conv1D would use kernel × in, kernel × out). Adam (tfjs's epsilon
// 1e-7), mean sigmoid cross-entropy, the workbench's seeded batch order.

export const PYTHON_HELPERS_TEXTNET = String.raw`
def char_vocabulary(texts, min_count, max_vocab):
    """Character -> id: 0 padding, 1 unknown, then the kept characters by frequency (ties by UTF-16 code units)."""
    counts = {}
    for t in texts:
        for c in t:
            counts[c] = counts.get(c, 0) + 1
    kept = sorted((c for c, n in counts.items() if n >= min_count), key=lambda c: (-counts[c], c.encode('utf-16-be')))
    return {c: i + 2 for i, c in enumerate(kept[:max_vocab])}


def encode_chars(texts, vocab, max_length):
    """texts x max_length ids: each text's first characters, unknown ones 1, padded with 0."""
    out = np.zeros((len(texts), max_length), dtype=np.int64)
    for r, t in enumerate(texts):
        for i, c in enumerate(t[:max_length]):
            out[r, i] = vocab.get(c, 1)
    return out


class CharCNN:
    """The workbench's character embedding + 1D-CNN text classifier (two classes) in PyTorch."""

    def __init__(self, max_length=60, embedding_dim=16, units=32, min_count=2, max_vocab=300,
                 epochs=3, batch_size=64, learning_rate=0.005, seed=42):
        self.max_length, self.embedding_dim, self.units = max_length, embedding_dim, units
        self.min_count, self.max_vocab = min_count, max_vocab
        self.epochs, self.batch_size, self.learning_rate, self.seed = epochs, batch_size, learning_rate, seed

    def _network(self, vocab_size):
        import torch
        nn = torch.nn
        torch.manual_seed(self.seed)
        E, F = self.embedding_dim, self.units

        class CharNet(nn.Module):
            def __init__(self):
                super().__init__()
                self.embedding = nn.Embedding(vocab_size, E)
                nn.init.uniform_(self.embedding.weight, -0.05, 0.05)
                self.conv = nn.Conv1d(E, F, 3)  # width 3, no padding: T - 2 positions
                limit = math.sqrt(6 / (3 * E + F))  # Glorot over the (3·E, F) matrix, as the workbench draws it
                nn.init.uniform_(self.conv.weight, -limit, limit)
                nn.init.zeros_(self.conv.bias)
                self.out = nn.Linear(F, 1)
                nn.init.xavier_uniform_(self.out.weight)
                nn.init.zeros_(self.out.bias)

            def forward(self, ids):  # ids: batch x max_length
                h = torch.relu(self.conv(self.embedding(ids).transpose(1, 2)))  # batch x filters x (T - 2)
                return self.out(h.max(dim=2).values).reshape(-1)  # the strongest response of each filter

        return CharNet()

    def fit(self, texts, y):
        import torch
        texts = [str(t) for t in texts]
        if self.max_length < 3:
            raise ValueError('textclassify: a text needs at least 3 characters for the convolution')
        self.vocab = char_vocabulary(texts, self.min_count, self.max_vocab)
        self.net = self._network(len(self.vocab) + 2)
        X = torch.tensor(encode_chars(texts, self.vocab, self.max_length))
        Y = torch.tensor(np.asarray(y, dtype=np.float32))
        opt = torch.optim.Adam(self.net.parameters(), lr=self.learning_rate, eps=1e-7)  # tfjs's Adam epsilon
        rand, n = mulberry32(self.seed), len(texts)
        self.history = []
        for epoch in range(1, self.epochs + 1):
            order = shuffled_indices(n, rand)  # the workbench's batch order
            total = 0.0
            for start in range(0, n, self.batch_size):
                idx = torch.tensor(order[start:start + self.batch_size])
                opt.zero_grad()
                loss = torch.nn.functional.binary_cross_entropy_with_logits(self.net(X[idx]), Y[idx])
                loss.backward()
                opt.step()
                total += float(loss) * len(idx)
            self.history.append({'epoch': epoch, 'loss': total / n})
        return self

    def predict_proba(self, texts):
        import torch
        ids = torch.tensor(encode_chars([str(t) for t in texts], self.vocab, self.max_length))
        with torch.no_grad():
            p = torch.sigmoid(self.net(ids)).numpy().astype(float)
        return np.stack([1 - p, p], axis=1)
`;
