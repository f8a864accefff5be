// What a running cell says it is doing (Progress.message), as codes and
// parameters so the UI can say it in its language (src/ui/i18n-progress.ts);
// the English text is rendered here, for the headless runner and English.
import { fillTemplate, type MessageParams } from '../messages.ts';

export const PROGRESS_MESSAGES = {
  'progress.predictBoth': 'Predicting {rows} rows with both models',
  'progress.resamples': '{n} resamples',
  'progress.foldRefit': 'Fold {done} of {total}: members re-fitted',
  'progress.fitMeta': 'Fitting the meta-learner on {table}',
  'progress.permuted': 'Permuted {done} of {total} features',
  'progress.tfidf': 'TF-IDF',
  'progress.lbfgs': 'L-BFGS iteration {i}, loss {loss}',
  'progress.epoch': 'Epoch {epoch}/{epochs}, loss {loss}',
  'progress.indexing': 'Chunking and indexing',
  'progress.evaluatingQuestions': 'Evaluating {n} questions',
  'progress.featuresLeft': '{n} features left',
  'progress.predictInput': 'Predicting {input}',
  'progress.predictRows': 'Predicting {rows} rows',
  'progress.loadingModel': 'Loading the model in {file}',
  'progress.comparing': 'Comparing distributions',
  'progress.buildingSequences': 'Building {mode} from {input}',
  'progress.reading': 'Reading {source}',
  'progress.fold': 'Fold {done} of {total}: {scores}',
  'progress.loadingVariant': 'Loading {model} v{version} for variant {variant}',
  'progress.request': 'Request {n} of {total}',
  'progress.comparingRequests': 'Comparing the requests with the training data',
  'progress.pipelineStep': 'Pipeline step: {step}',
  'progress.trialComplete': 'Trial {n}/{trials} complete: {value}',
  'progress.trialPruned': 'Trial {n}/{trials} pruned: {value}',
  'progress.trialCompleteBest': 'Trial {n}/{trials} complete: {value}, best {best} (trial {bestTrial})',
  'progress.trialPrunedBest': 'Trial {n}/{trials} pruned: {value}, best {best} (trial {bestTrial})',
} as const;

export type ProgressCode = keyof typeof PROGRESS_MESSAGES;

/** A progress message: English text, with its code and parameters for another language. */
export function progressText(code: ProgressCode, params: MessageParams = {}): { message: string; code: ProgressCode; params: MessageParams } {
  return { message: fillTemplate(PROGRESS_MESSAGES[code], params), code, params };
}
