// The shell's later messages (i18n-later.ts: notices, the outputs' labels,
// what only an open notebook shows) stay out of the first screen's script and
// come in through the same t(): a key asked for before they load reads as
// itself, after loadLater() as its English or Korean text.
import { describe, expect, it } from 'vitest';
import { englishMessages, loadLater, setLang, t } from '../../src/ui/i18n.ts';
import { laterTables } from '../../src/ui/i18n-later.ts';

describe('later messages', () => {
  it('no key is in both the first screen table and the later one (t() would read the first)', () => {
    expect(Object.keys(laterTables.en).filter((k) => k in englishMessages)).toEqual([]);
  });

  it('read as their key until loaded, then in the UI language', async () => {
    expect(t('shortcuts')).toBe('shortcuts');
    await loadLater();
    expect(t('shortcuts')).toBe(laterTables.en.shortcuts);
    expect(t('staleBecause', { reason: 'split changed' })).toBe('Stale: split changed');
    setLang('ko');
    try {
      expect(t('staleBecause', { reason: 'x' })).toBe(laterTables.ko.staleBecause.replace('{reason}', 'x'));
      expect(t('staleBecause', { reason: 'x' })).not.toBe('Stale: x');
    } finally {
      setLang('en');
    }
  });
});
