// The bundled notebooks by file name.
import type { NotebookDoc } from '../../src/notebook/model.ts';
import { penguins } from './penguins.ts';
import { sessionDrop } from './session-drop.ts';
import { bankMarketing } from './bank-marketing.ts';
import { nextState } from './next-state.ts';
import { salesForecast } from './sales-forecast.ts';
import { mlLifecycle } from './ml-lifecycle.ts';
import { retrieval } from './retrieval.ts';
import { reviewSentiment } from './review-sentiment.ts';

export function bundledNotebooks(): Record<string, NotebookDoc> {
  return {
    'penguins.ipynb': penguins(),
    'penguins.ko.ipynb': penguins('ko'),
    'session-drop.ipynb': sessionDrop('en'),
    'session-drop.ko.ipynb': sessionDrop('ko'),
    'bank-marketing.ipynb': bankMarketing('en'),
    'bank-marketing.ko.ipynb': bankMarketing('ko'),
    'next-state.ipynb': nextState('en'),
    'next-state.ko.ipynb': nextState('ko'),
    'sales-forecast.ipynb': salesForecast('en'),
    'sales-forecast.ko.ipynb': salesForecast('ko'),
    'ml-lifecycle.ipynb': mlLifecycle('en'),
    'ml-lifecycle.ko.ipynb': mlLifecycle('ko'),
    'retrieval.ipynb': retrieval('en'),
    'retrieval.ko.ipynb': retrieval('ko'),
    'review-sentiment.ipynb': reviewSentiment('en'),
    'review-sentiment.ko.ipynb': reviewSentiment('ko'),
  };
}
