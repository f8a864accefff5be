// Catalogued errors of the metric and statistics code a cell's own checks do
// not always come before (a test set with one class, an empty sample).
// English here; Korean in src/ui/i18n-errors/metrics.ts. Rules as in ../messages.ts.
export const METRIC_MESSAGES = {
  'metric.notClassification': { message: '"{name}" is not a classification metric here; use one of {choices}.' },
  'metric.notRegression': { message: '"{name}" is not a regression metric here; use one of {choices}.' },
  'metric.needsProbabilities': { message: '{metric} needs class probabilities, and this model gives none.' },
  'metric.aucOneClass': { message: 'ROC-AUC is undefined when only one class is present in the true labels.' },
  'metric.apNoPositive': { message: 'Average precision is undefined when no row is of the positive class.' },
  'metric.noScores': { message: 'No scores to choose a threshold from.' },
  'stats.chi2Totals': { message: 'The chi-square test needs every row and column of the table to have a positive total.' },
  'stats.psiEmpty': { message: 'PSI needs values in both samples.' },
  'stats.ksEmpty': { message: 'The KS test needs values in both samples.' },
} as const;
