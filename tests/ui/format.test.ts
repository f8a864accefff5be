import { describe, expect, it } from 'vitest';
import { formatMetric, formatNumber, formatPercent, isShareMetric, significant } from '../../src/ui/format.ts';

describe('number formatting', () => {
  it('keeps four significant digits in plain decimals from a millionth to a trillion', () => {
    expect(significant(-0.00024278)).toBe('−0.0002428');
    expect(significant(0.912345)).toBe('0.9123');
    expect(significant(12.34567)).toBe('12.35');
    expect(significant(1234.567)).toBe('1,235');
    expect(significant(98765432.1)).toBe('98,765,432');
    expect(significant(0.5)).toBe('0.5');
    expect(significant(0.000001234)).toBe('0.000001234');
    expect(significant(0)).toBe('0');
  });

  it('uses scientific notation only past the plain range, written for people', () => {
    expect(significant(2.4278e-9)).toBe('2.43×10⁻⁹');
    expect(significant(-3.5e13)).toBe('−3.5×10¹³');
    expect(significant(Number.POSITIVE_INFINITY)).toBe('∞');
    expect(significant(Number.NaN)).toBe('NaN');
  });

  it('writes integers in full with grouping and missing values as a dash', () => {
    expect(formatNumber(344)).toBe('344');
    expect(formatNumber(-1234567)).toBe('−1,234,567');
    expect(formatNumber(undefined)).toBe('—');
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(3.14159)).toBe('3.142');
  });

  it('writes shares as percentages with three significant digits', () => {
    expect(formatPercent(0.87345)).toBe('87.3%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.05)).toBe('5%');
    expect(formatPercent(0.0004)).toBe('0.04%');
  });

  it('shows share metrics as percentages and the others with four significant digits', () => {
    expect(isShareMetric('accuracy')).toBe(true);
    expect(isShareMetric('precision_macro')).toBe(true);
    expect(isShareMetric('top_3_accuracy')).toBe(true);
    expect(isShareMetric('roc_auc')).toBe(false);
    expect(isShareMetric('f1')).toBe(false);
    expect(formatMetric('accuracy', 0.98551)).toBe('98.6%');
    expect(formatMetric('mape', 0.1234)).toBe('12.3%');
    expect(formatMetric('roc_auc', 0.912345)).toBe('0.9123');
    expect(formatMetric('rmse', 1234.5678)).toBe('1,235');
    expect(formatMetric('auc_difference', -0.00024278)).toBe('−0.0002428');
    expect(formatMetric('r2', undefined)).toBe('—');
  });
});
