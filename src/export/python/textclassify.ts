// Emitter for the text classifier cell: the TF-IDF + logistic regression
// model is scikit-learn's own (the workbench fits the same convex objective
// with L-BFGS, so the two models agree up to the solver's tolerance). The
// character CNN has no PyTorch translation yet.
import { Untranslated, header, pyName, type Emitter } from './context.ts';
import { pyString } from './jsexpr.ts';

export const emitTextClassify: Emitter = (cell, p, ctx) => {
  if (p.model !== 'logistic') return new Untranslated('the character embedding + 1D-CNN text model has no PyTorch translation yet');
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
