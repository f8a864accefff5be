// A text classifier as a TrainedModel: character n-gram (or word) TF-IDF
// and binary logistic regression, so the evaluate and predict cells score
// it like any other model. Its one feature is the text column.
import type { ColumnTable } from 'arquero';
import type { Scalar } from '../../core/outputs.ts';
import type { Prediction, TrainedModel } from '../../core/values.ts';
import { checkAborted } from '../../core/errors.ts';
import { charWbNgrams, words } from './tokenize.ts';
import { tfidfRow, type TfidfModel } from './tfidf.ts';
import { logisticProbability, type LogisticFit } from './logistic.ts';

export type TextAnalyzer = 'char_wb' | 'word';

export interface TextFeatureOptions {
  analyzer: TextAnalyzer;
  ngramMin: number;
  ngramMax: number;
}

/** The tokens a text becomes: char_wb n-grams (scikit-learn's) or word n-grams of lower-cased words. */
export function textTokens(text: string, options: TextFeatureOptions): string[] {
  if (options.analyzer === 'char_wb') return charWbNgrams(text, options.ngramMin, options.ngramMax);
  const ws = words(text);
  const out: string[] = [];
  for (let n = options.ngramMin; n <= options.ngramMax; n++) for (let i = 0; i + n <= ws.length; i++) out.push(ws.slice(i, i + n).join(' '));
  return out;
}

export function columnTexts(table: ColumnTable, column: string): string[] {
  return Array.from(table.array(column) as ArrayLike<unknown>, (v) => (v === null || v === undefined ? '' : String(v)));
}

export class TextLogisticModel implements TrainedModel {
  readonly modelType = 'tfidf-logistic';
  readonly task = 'classification' as const;
  readonly features: string[];

  constructor(
    readonly target: string,
    readonly textColumn: string,
    readonly classes: Scalar[],
    private readonly tokens: TextFeatureOptions,
    private readonly tfidf: TfidfModel,
    private readonly fit: LogisticFit,
    private readonly settings: Record<string, unknown>,
  ) {
    this.features = [textColumn];
  }

  probabilities(texts: readonly string[], signal?: AbortSignal): number[] {
    return texts.map((t, i) => {
      if (i % 500 === 0) checkAborted(signal);
      return logisticProbability(this.fit, tfidfRow(this.tfidf, textTokens(t, this.tokens)));
    });
  }

  async predict(table: ColumnTable, signal?: AbortSignal): Promise<Prediction> {
    const p = this.probabilities(columnTexts(table, this.textColumn), signal);
    return { predictions: p.map((v) => this.classes[v >= 0.5 ? 1 : 0]), probabilities: p.map((v) => [1 - v, v]), classes: [...this.classes] };
  }

  /** The n-grams that push hardest towards each class. */
  strongest(k: number): { positive: [string, number][]; negative: [string, number][] } {
    const order = Array.from(this.fit.weights.keys()).sort((a, b) => this.fit.weights[b] - this.fit.weights[a]);
    const pair = (j: number): [string, number] => [this.tfidf.vocabulary[j], this.fit.weights[j]];
    return { positive: order.slice(0, k).map(pair), negative: order.slice(-k).reverse().map(pair) };
  }

  describe(): Record<string, unknown> {
    return { modelType: this.modelType, textColumn: this.textColumn, vocabulary: this.tfidf.vocabulary.length, iterations: this.fit.iterations, converged: this.fit.converged, ...this.settings };
  }

  dispose(): void {}
}
