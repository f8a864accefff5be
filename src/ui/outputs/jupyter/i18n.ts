// Messages of plain Jupyter cells, in English and Korean (kept beside the
// lazily loaded cell view rather than in the shell's i18n.ts).
import { format, getLang, useT } from '../../i18n.ts';

const en = {
  jpNotRun: 'Jupyter cell (not run by ML Workbench)',
  jpRawCell: 'Raw cell',
  jpUnknownCell: 'Cell of type “{type}” (a newer Jupyter format), shown as raw text',
  jpNotShown: "This output's type ({types}) is not shown here.",
  jpOutputs: 'Saved outputs',
};

const ko: Record<keyof typeof en, string> = {
  jpNotRun: '주피터 셀 (ML Workbench에서 실행하지 않음)',
  jpRawCell: '원시(raw) 셀',
  jpUnknownCell: '“{type}” 형식의 셀(새 버전 주피터 형식): 원본 텍스트로 표시해요',
  jpNotShown: '이 출력 형식({types})은 여기에서 표시하지 않아요.',
  jpOutputs: '저장된 출력',
};

export type JupyterKey = keyof typeof en;

export function useJupyterT(): (key: JupyterKey, vars?: Record<string, string | number>) => string {
  useT(); // re-render on a language change
  return (key, vars = {}) => format((getLang() === 'ko' ? ko : en)[key], vars);
}
