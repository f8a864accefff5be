// Emitter for the text classifier cell: the TF-IDF + logistic regression
// model is scikit-learn's own (the workbench fits the same convex objective
// with L-BFGS, so the two models agree up to the solver's tolerance). The
// character embedding + 1D-CNN is the helpers' CharCNN (helpers-textnet.ts):
// the same vocabulary, network, initialisation and batch order in PyTorch.
import { header, pyName, type Emitter } from './context.ts';
import type { TextClassifyParams } from '../../cells/textclassify.ts';
import { pyString } from './jsexpr.ts';

export const emitTextClassify: Emitter = (cell, p, ctx) => {
  if (p.model !== 'logistic') return emitCharCnn(cell, p, ctx);
  const df = pyName(String(p.input));
  const text = pyString(String(p.textColumn));
  const target = pyString(String(p.target));
  const out = pyName(String(p.output));
  const vectorizer = [
    `analyzer=${pyString(String(p.analyzer))}`, `ngram_range=(${Number(p.ngramMin)}, ${Number(p.ngramMax)})`, `min_df=${Number(p.minDf)}`,
    ...(Number(p.maxFeatures) > 0 ? [`max_features=${Number(p.maxFeatures)}`] : []),
    `sublinear_tf=${p.sublinearTf ? 'True' : 'False'}`,
  ];
  const lines = [
    header(cell),
    'from sklearn.feature_extraction.text import TfidfVectorizer',
    'from sklearn.linear_model import LogisticRegression',
    'from sklearn.pipeline import make_pipeline',
    `# TF-IDF of ${p.analyzer === 'char_wb' ? 'character n-grams inside words (no Korean tokenizer needed)' : 'word n-grams'}, then an L2 logistic regression;`,
    '# the workbench fits the same objective with L-BFGS to a gradient of 1e-5, so the two models agree closely.',
    `classes = workbench_classes(${df}[${target}])`,
    `texts, y = ${df}[${text}].fillna('').astype(str), encode_target(${df}[${target}], classes)`,
    'known = y != -1  # rows without a label are left out',
    `text_pipeline = make_pipeline(TfidfVectorizer(${vectorizer.join(', ')}),`,
    `                              LogisticRegression(C=${Number(p.C)}, max_iter=${Number(p.maxIter)}, tol=1e-5))`,
    'text_pipeline.fit(texts[known], y[known])',
    `${out} = {'kind': 'text', 'model': text_pipeline, 'features': [${text}], 'classes': classes, 'target': ${target}}`,
    "vocabulary = text_pipeline[0].get_feature_names_out()",
    'weights = text_pipeline[-1].coef_[0]',
    'order = np.argsort(-weights, kind="stable")',
    "print(f'{len(vocabulary)} n-grams; training accuracy {(text_pipeline.predict(texts[known]) == y[known]).mean():.3f}')",
    "pd.DataFrame({f'towards {classes[1]}': vocabulary[order[:15]], 'weight_1': weights[order[:15]],",
    "              f'towards {classes[0]}': vocabulary[order[::-1][:15]], 'weight_0': weights[order[::-1][:15]]})",
  ];
  ctx.defined.set(String(p.output), 'model');
  return [{ type: 'code', source: lines.join('\n'), from: cell.id }];
};

/** The character embedding + 1D-CNN: CharCNN with the cell's net settings, fitted on every row (the workbench refuses missing labels). */
const emitCharCnn: Emitter = (cell, p, ctx) => {
  const df = pyName(String(p.input));
  const text = pyString(String(p.textColumn));
  const target = pyString(String(p.target));
  const out = pyName(String(p.output));
  const net = p.net as TextClassifyParams['net'];  // the schema filled every default
  const lines = [
    header(cell),
    `# Each text's first ${net.maxLength} characters as ids (0 padding, 1 a character seen fewer than ${net.minCount} times or not among the ${net.maxVocab} most frequent),`,
    `# an embedding of ${net.embeddingDim} numbers per character, ${net.units} convolution filters 3 characters wide (ReLU), the strongest response`,
    '# of each filter over the text, and a sigmoid: the probability of the second class.',
    `classes = workbench_classes(${df}[${target}])`,
    `texts, y = ${df}[${text}].fillna('').astype(str), encode_target(${df}[${target}], classes)`,
    'if len(classes) != 2 or (y == -1).any():',
    `    raise ValueError(f'textclassify: {${target}} needs two classes and a label on every row (classes: {classes})')`,
    `text_net = CharCNN(max_length=${net.maxLength}, embedding_dim=${net.embeddingDim}, units=${net.units}, min_count=${net.minCount}, max_vocab=${net.maxVocab},`,
    `                   epochs=${net.epochs}, batch_size=${net.batchSize}, learning_rate=${net.learningRate}, seed=${net.seed}).fit(texts, y)`,
    `${out} = {'kind': 'text', 'model': text_net, 'features': [${text}], 'classes': classes, 'target': ${target}}`,
    'train_accuracy = ((text_net.predict_proba(texts)[:, 1] >= 0.5).astype(int) == y).mean()',
    "final_loss = text_net.history[-1]['loss']",
    "print(f'{len(text_net.vocab) + 2} characters; final loss {final_loss:.4f}; training accuracy {train_accuracy:.3f}')",
  ];
  ctx.defined.set(String(p.output), 'model');
  return [{ type: 'code', source: lines.join('\n'), from: cell.id }];
};
