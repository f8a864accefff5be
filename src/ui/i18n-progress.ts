// What a running cell is doing, in the UI language: the phase and the
// catalogued progress message (src/core/messages/progress.ts). An unknown
// phase or an uncoded message shows as the kernel sent it.
import type { Progress } from '../core/outputs.ts';
import type { ProgressCode } from '../core/messages/progress.ts';
import { format, getLang, koExtras } from './i18n.ts';

/** The phase's name in the UI language. */
export function phaseText(phase: string): string {
  const phases = getLang() === 'ko' ? koExtras()?.phases : undefined;
  return phases?.[phase] ?? phase;
}

/** The progress message in the UI language. */
export function progressMessage(p: Pick<Progress, 'message' | 'code' | 'params'>): string | undefined {
  const table = getLang() === 'ko' ? koExtras()?.progress : undefined;
  if (!table || !p.code || !Object.hasOwn(table, p.code)) return p.message;
  return format(table[p.code as ProgressCode], p.params ?? {});
}
