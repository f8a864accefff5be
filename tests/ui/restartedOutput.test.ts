// The error a running cell gets when the app replaces the kernel under it
// carries a catalogued code, so a Korean UI shows it in Korean; its English
// is the catalogue's own (the app cannot load the catalogue on its first screen).
import { describe, expect, it } from 'vitest';
import { restartedOutput } from '../../src/ui/session/kernelSession.ts';
import { engineMessage, type MessageCode } from '../../src/core/messages.ts';
import { localizedError } from '../../src/ui/i18n-errors.ts';
import { setLang } from '../../src/ui/i18n.ts';

describe('restartedOutput', () => {
  it.each(['stop', 'memory', 'crash'] as const)('is the catalogue message for %s, in English and Korean', (reason) => {
    const out = restartedOutput(reason);
    expect(out.code).toBe(reason === 'stop' ? 'kernel.stoppedUnresponsive' : 'kernel.stoppedCrashed');
    expect({ message: out.message, hint: out.hint }).toEqual(engineMessage(out.code as MessageCode));
    setLang('ko');
    const ko = localizedError(out);
    setLang('en');
    expect(ko.message).toMatch(/커널/);
    expect(ko.message).not.toBe(out.message);
  });
});
