// Messages of authoring (editing, undo, clipboard, the add-cell menu, the
// generated forms, leakage warnings) in English and Korean. Kept beside
// i18n.ts so that the shell's table stays small; the same format() rules.
import { format, getLang, useT, type MessageKey } from './i18n.ts';
import { kindLabel as kindName } from './i18n-kinds.ts';

const en = {
  pythonTwin: 'Python for export',
  pythonTwinNone: '(none)',
  pythonTwinLine: '(1 line)',
  pythonTwinLines: '({n} lines)',
  pythonTwinHelp: 'Export as Python uses this code instead of a TODO: define every value set() makes (a DataFrame unless # value name: kind says otherwise).',
  undo: 'Undo',
  redo: 'Redo',
  cellsDeleted: 'Deleted {n} cell(s).',
  nothingToPaste: 'Nothing to paste: copy cells first (C or X).',
  cellsCopied: 'Copied {n} cell(s).',
  nothingToUndo: 'Nothing to undo.',
  shortcutsMore: 'Z / Ctrl+Z undo · Ctrl+Shift+Z redo · M markdown · Y code · C/X/V copy/cut/paste · Shift+↑/↓ select',
  addCellSearch: 'Search steps…',
  addCellSuggested: 'Next step',
  addCellMore: 'Add a step',
  addCellNone: 'No step matches “{q}”.',
  group_data: 'Data',
  group_explore: 'Explore',
  group_features: 'Features',
  group_split: 'Split',
  group_model: 'Model',
  group_evaluate: 'Evaluate',
  group_lifecycle: 'Lifecycle',
  group_other: 'Other',
  advanced: 'Advanced',
  advancedCount: 'Advanced ({n})',
  addItem: 'Add',
  removeItem: 'Remove',
  layerSizes: 'Sizes, first to last',
  classWeightsNone: 'Equal (none)',
  classWeightsBalanced: 'Balanced (inverse class frequency)',
  classWeightsCustom: 'Per class',
  classWeightClass: 'Class',
  classWeightWeight: 'Weight',
  noColumns: 'Run the cell above to list the columns.',
  leakageWarning: '“{column}” may leak the target (the explore cell flagged it): {why}',
  leakageDrop: 'Drop “{column}”',
  leakageDropped: 'Dropped “{column}” from this cell’s features.',
  range: '{min} – {max}',
};

export type AuthoringKey = keyof typeof en;

const ko: Record<AuthoringKey, string> = {
  pythonTwin: '내보내기용 Python',
  pythonTwinNone: '(없음)',
  pythonTwinLine: '(1줄)',
  pythonTwinLines: '({n}줄)',
  pythonTwinHelp: 'Python으로 내보낼 때 TODO 대신 이 코드를 써요. set()이 만드는 값을 모두 정의하세요 (# value 이름: 종류 줄이 없으면 DataFrame).',
  undo: '실행 취소',
  redo: '다시 실행',
  cellsDeleted: '셀 {n}개를 삭제했어요.',
  nothingToPaste: '붙여넣을 셀이 없어요. 먼저 셀을 복사하세요 (C 또는 X).',
  cellsCopied: '셀 {n}개를 복사했어요.',
  nothingToUndo: '실행 취소할 것이 없어요.',
  shortcutsMore: 'Z / Ctrl+Z 실행 취소 · Ctrl+Shift+Z 다시 실행 · M 마크다운 · Y 코드 · C/X/V 복사/잘라내기/붙여넣기 · Shift+↑/↓ 선택',
  addCellSearch: '단계 검색…',
  addCellSuggested: '다음 단계',
  addCellMore: '단계 추가',
  addCellNone: '“{q}”와 맞는 단계가 없어요.',
  group_data: '데이터',
  group_explore: '탐색',
  group_features: '특성',
  group_split: '분할',
  group_model: '모델',
  group_evaluate: '평가',
  group_lifecycle: '수명 주기',
  group_other: '기타',
  advanced: '고급',
  advancedCount: '고급 ({n})',
  addItem: '추가',
  removeItem: '제거',
  layerSizes: '크기 (첫 층부터 마지막 층까지)',
  classWeightsNone: '같음 (없음)',
  classWeightsBalanced: '균형 (클래스 빈도의 역수)',
  classWeightsCustom: '클래스별',
  classWeightClass: '클래스',
  classWeightWeight: '가중치',
  noColumns: '위 셀을 실행하면 열 목록이 나와요.',
  leakageWarning: '“{column}” 열이 정답을 누설할 수 있어요 (탐색 셀의 경고): {why}',
  leakageDrop: '“{column}” 빼기',
  leakageDropped: '이 셀의 특성에서 “{column}”을(를) 뺐어요.',
  range: '{min} – {max}',
};

/** Outside React (controller, modules). */
export function at(key: AuthoringKey, vars: Record<string, string | number> = {}): string {
  return format((getLang() === 'ko' ? ko : en)[key], vars);
}

export type AuthoringT = (key: MessageKey | AuthoringKey, vars?: Record<string, string | number>) => string;

/** Authoring messages here, the shell's from i18n.ts (re-renders on a language change). */
export function useAuthoringT(): AuthoringT {
  const t = useT();
  return (key, vars = {}) => (key in en ? at(key as AuthoringKey, vars) : t(key as MessageKey, vars));
}

/** A kind's label in the UI language (one table of Korean kind names: i18n-kinds.ts). */
export function kindLabel(kind: { kind: string; label: string }): string {
  return kindName(kind.kind, kind.label);
}
