// UI strings in English and Korean. The language defaults from
// navigator.language and can be switched in the sidebar.
import { useSyncExternalStore } from 'react';

export type Lang = 'en' | 'ko';

const en = {
  appName: 'ML Workbench',
  untrustedBanner: 'This notebook came from a file. Its code cells and URL loads will not run until you trust it.',
  trust: 'Trust',
  blockedCells: '{n} blocked',
  conflictBanner: 'This notebook was changed in another tab. Your edits here are not saved over it.',
  reloadNotebook: 'Reload',
  saveAsCopy: 'Save as copy',
  memoryOnly: 'Storage (IndexedDB) is not available in this browser: your work is kept in memory only and is lost when you close the page. Export the notebook to keep it.',
  runsPanel: 'Runs',
  registryPanel: 'Registry',
  downloadHtml: 'Download HTML',
  notebooks: 'Notebooks',
  course: 'Course notebooks',
  mine: 'My notebooks',
  files: 'Files',
  models: 'Saved models',
  noModels: 'Models trained in this notebook are kept here and come back after a reload.',
  newNotebook: 'New notebook',
  openFile: 'Open .ipynb…',
  exportIpynb: 'Export .ipynb',
  upload: 'Upload data…',
  uploadHint: 'CSV, TSV or JSON; or drop files here',
  addLoadCell: 'Add load cell',
  delete: 'Delete',
  storage: 'Storage',
  storageUse: '{used} of {quota} used',
  persisted: 'kept by the browser',
  notPersisted: 'may be cleared under pressure',
  runAll: 'Run all',
  runNext: 'Run next',
  runNextTitle: 'Run the next cell (step through)',
  runCell: 'Run',
  runTo: 'Run to here',
  stop: 'Stop',
  restart: 'Restart',
  restartTitle: 'Forget all values and start over (outputs stay)',
  backend: 'Backend',
  saved: 'Saved',
  saving: 'Saving…',
  unsaved: 'Unsaved changes',
  saveError: 'Not saved',
  resetOriginal: 'Reset to original',
  resetConfirm: 'Discard your changes to this course notebook?',
  deleteConfirm: 'Delete this notebook?',
  addCell: 'Add cell',
  moveUp: 'Move up',
  moveDown: 'Move down',
  duplicate: 'Duplicate',
  deleteCell: 'Delete cell',
  edit: 'Edit',
  done: 'Done',
  title: 'Title',
  untitled: 'Untitled notebook',
  status_idle: 'idle',
  status_queued: 'queued',
  status_running: 'running',
  status_done: 'done',
  status_stale: 'stale',
  status_error: 'error',
  status_cancelled: 'stopped',
  rows: '{n} rows',
  columns: '{n} columns',
  showingRows: 'showing {shown} of {total} rows',
  sortPreviewOnly: 'sorted: these rows only (run the cell again to sort the whole table)',
  downloadCsv: 'Download CSV',
  downloadParquet: 'Parquet',
  downloadModel: 'Download',
  downloadModelTitle: 'Download the model in a format other tools read: a TensorFlow.js layers model (networks) or XGBoost JSON (boosted trees), with its features, classes and scaling in model.meta.json',
  modelDownloaded: 'Model saved as {file}.',
  modelNotPortable: '"{name}" is not in the kernel (run its train cell) or its kind (LSTM, GRU, 1D-CNN, ensembles) has no portable format yet.',
  downloadParquetTitle: 'Download the whole table as a Parquet file (typed columns; pandas.read_parquet, DuckDB, Spark read it)',
  parquetFailed: 'The Parquet file could not be made: {message}',
  parquetGone: 'The table "{name}" is no longer in the kernel: run its cell again.',
  downloadPng: 'PNG',
  downloadSvg: 'SVG',
  loadingChart: 'Loading chart…',
  loadingEditor: 'Loading editor…',
  hint: 'Hint',
  where: 'Where',
  epoch: 'Epoch',
  loss: 'Loss',
  predicted: 'Predicted',
  actual: 'Actual',
  missing: 'missing',
  unique: 'unique',
  language: 'Language',
  dropHere: 'Drop a notebook (.ipynb) or data file (CSV, TSV, JSON)',
  openFailed: 'Could not open {name}: {message}',
  kernelStarting: 'Starting the kernel…',
  noCells: 'This notebook is empty. Add a cell to start.',
  shortcuts: 'Shortcuts: Shift+Enter run and advance · Ctrl+Enter run · A/B insert above/below · D D delete · Enter edit · Esc command mode · Ctrl+S save',
  none: '(none)',
  add: 'Add',
  remove: 'Remove',
  invalid: 'Invalid value',
  staleBecause: 'Stale: {reason}',
  values: 'Values',
  close: 'Close',
  emptyList: 'Nothing here yet.',
  // --- the lifecycle messages the shell shows (notices, the report export); the panels' own are in i18n-lifecycle.ts ---
  lcDeleteFailed: 'The runs could not be deleted:',
  lcArtifactsKept: 'Kept {n} saved model(s) that a registry version uses.',
  lcImported: 'Imported {n} run(s) from {file}.',
  lcNothingImported: 'Nothing was imported.',
  lcRegistered: 'Registered "{name}" version {version}.',
  lcRegisteredFromRun: 'Registered from run {id}.',
  lcRunGone: 'Run {id} is no longer in this browser.',
  webgpuConfirm: 'WebGPU is not available inside the kernel\'s sandbox. Restart the kernel on this app\'s origin to use it? Trusted code cells could then reach this app\'s storage (untrusted notebooks stay blocked), and the cells run again from their saved models. Choose webgl to keep the sandbox.',
  kernelSays: 'From the code of notebook “{title}” (not from this app):',
  webgpuSameOrigin: 'WebGPU is chosen: the kernel runs on this app\'s origin, not in its sandbox (the sandbox has no GPU access). Choose webgl to keep the sandbox on the next start.',
  webgpuRestarted: 'The kernel was restarted on this app\'s origin to use WebGPU.',
  lcReadFailed: 'The runs and registry could not be read: {message}',
  lcNowInStage: '{name} v{version} is now in {stage}.',
  lcRolledBack: 'Rolled back: {name} v{version} is in production again.',
  lcStageName_none: 'no stage',
  lcStageName_staging: 'staging',
  lcStageName_production: 'production',
  lcStageName_archived: 'archived',
  exportReport: 'Export HTML report',
  exportReportTitle: 'Download the whole notebook with its outputs and figures as one HTML file that opens offline',
  exportingReport: 'Making the report…',
  reportFailed: 'The HTML report could not be made: {message}',
  reportSaved: 'HTML report saved as {file}.',
  courseGallery: 'Course gallery',
  hideSidebar: 'Hide the sidebar',
  showSidebar: 'Show the sidebar',
  exportPython: 'Export as Python notebook',
  exportPythonTitle: 'Download this notebook as pandas / scikit-learn / XGBoost / PyTorch code (a Jupyter notebook, with its data files, in a zip) that runs on a laptop, Colab or SageMaker',
  exportPythonSaved: 'Python notebook saved as {file} ({todos} step(s) marked TODO).',
  exportPythonMissing: 'Copy these files beside it: {files}.',
  exportPythonFailed: 'The Python notebook could not be made: {message}',
};

export type MessageKey = keyof typeof en;

const ko: Record<MessageKey, string> = {
  untrustedBanner: '이 노트북은 파일에서 왔습니다. 신뢰하기 전에는 코드 셀과 URL 불러오기가 실행되지 않습니다.',
  trust: '신뢰',
  blockedCells: '{n}개 차단됨',
  conflictBanner: '이 노트북은 다른 탭에서 변경되었습니다. 여기의 수정 내용으로 덮어쓰지 않습니다.',
  reloadNotebook: '다시 불러오기',
  saveAsCopy: '사본으로 저장',
  memoryOnly: '이 브라우저에서는 저장소(IndexedDB)를 쓸 수 없습니다. 작업은 메모리에만 있고 페이지를 닫으면 사라집니다. 노트북을 내보내 보관하세요.',
  runsPanel: '실행 기록',
  registryPanel: '모델 레지스트리',
  downloadHtml: 'HTML 다운로드',
  appName: 'ML 워크벤치',
  notebooks: '노트북',
  course: '강의 노트북',
  mine: '내 노트북',
  files: '파일',
  models: '저장된 모델',
  noModels: '이 노트북에서 학습한 모델은 여기에 저장되어 다시 열어도 유지됩니다.',
  newNotebook: '새 노트북',
  openFile: '.ipynb 열기…',
  exportIpynb: '.ipynb 내보내기',
  upload: '데이터 업로드…',
  uploadHint: 'CSV, TSV, JSON 파일을 선택하거나 여기에 끌어다 놓으세요',
  addLoadCell: '불러오기 셀 추가',
  delete: '삭제',
  storage: '저장 공간',
  storageUse: '{quota} 중 {used} 사용',
  persisted: '브라우저가 보존함',
  notPersisted: '공간이 부족하면 지워질 수 있음',
  runAll: '모두 실행',
  runNext: '다음 실행',
  runNextTitle: '다음 셀 실행 (한 단계씩)',
  runCell: '실행',
  runTo: '여기까지 실행',
  stop: '중지',
  restart: '재시작',
  restartTitle: '모든 값을 지우고 다시 시작 (출력은 유지)',
  backend: '백엔드',
  saved: '저장됨',
  saving: '저장 중…',
  unsaved: '저장되지 않은 변경',
  saveError: '저장 실패',
  resetOriginal: '원본으로 되돌리기',
  resetConfirm: '이 강의 노트북의 변경 내용을 버릴까요?',
  deleteConfirm: '이 노트북을 삭제할까요?',
  addCell: '셀 추가',
  moveUp: '위로',
  moveDown: '아래로',
  duplicate: '복제',
  deleteCell: '셀 삭제',
  edit: '편집',
  done: '완료',
  title: '제목',
  untitled: '제목 없는 노트북',
  status_idle: '대기',
  status_queued: '예약됨',
  status_running: '실행 중',
  status_done: '완료',
  status_stale: '오래됨',
  status_error: '오류',
  status_cancelled: '중지됨',
  rows: '{n}행',
  columns: '{n}열',
  showingRows: '{total}행 중 {shown}행 표시',
  sortPreviewOnly: '이 행들만 정렬됨 (전체 표를 정렬하려면 셀을 다시 실행하세요)',
  downloadCsv: 'CSV 다운로드',
  downloadParquet: 'Parquet',
  downloadModel: '내려받기',
  downloadModelTitle: '다른 도구가 읽는 형식으로 모델 내려받기: TensorFlow.js layers 모델(신경망) 또는 XGBoost JSON(부스팅 트리), 특성·클래스·스케일링은 model.meta.json에',
  modelDownloaded: '모델을 {file}(으)로 저장했습니다.',
  modelNotPortable: '"{name}"이(가) 커널에 없거나(학습 셀을 실행하세요) 그 종류(LSTM, GRU, 1D-CNN, 앙상블)는 아직 이식 가능한 형식이 없습니다.',
  downloadParquetTitle: '표 전체를 Parquet 파일로 내려받기 (열 타입 유지; pandas.read_parquet, DuckDB, Spark에서 읽힘)',
  parquetFailed: 'Parquet 파일을 만들 수 없습니다: {message}',
  parquetGone: '표 "{name}"이(가) 커널에 더 이상 없습니다. 해당 셀을 다시 실행하세요.',
  downloadPng: 'PNG',
  downloadSvg: 'SVG',
  loadingChart: '차트 불러오는 중…',
  loadingEditor: '편집기 불러오는 중…',
  hint: '도움말',
  where: '위치',
  epoch: '에포크',
  loss: '손실',
  predicted: '예측',
  actual: '실제',
  missing: '결측',
  unique: '고유',
  language: '언어',
  dropHere: '노트북(.ipynb)이나 데이터 파일(CSV, TSV, JSON)을 놓으세요',
  openFailed: '{name}을(를) 열 수 없습니다: {message}',
  kernelStarting: '커널 시작 중…',
  noCells: '빈 노트북입니다. 셀을 추가해 시작하세요.',
  shortcuts: '단축키: Shift+Enter 실행 후 다음 · Ctrl+Enter 실행 · A/B 위/아래에 삽입 · D D 삭제 · Enter 편집 · Esc 명령 모드 · Ctrl+S 저장',
  none: '(없음)',
  add: '추가',
  remove: '제거',
  invalid: '잘못된 값',
  staleBecause: '오래됨: {reason}',
  values: '값',
  close: '닫기',
  emptyList: '아직 없습니다.',
  // --- the lifecycle messages the shell shows (notices, the report export); the panels' own are in i18n-lifecycle.ts ---
  lcDeleteFailed: '실행을 삭제하지 못했습니다:',
  lcArtifactsKept: '레지스트리 버전이 쓰는 저장된 모델 {n}개는 남겨 두었습니다.',
  lcImported: '{file}에서 실행 {n}개를 가져왔습니다.',
  lcNothingImported: '아무것도 가져오지 않았습니다.',
  lcRegistered: '"{name}" 버전 {version}을(를) 등록했습니다.',
  lcRegisteredFromRun: '실행 {id}에서 등록함.',
  lcRunGone: '실행 {id}이(가) 이 브라우저에 더 이상 없습니다.',
  webgpuConfirm: '커널의 샌드박스 안에서는 WebGPU를 쓸 수 없습니다. WebGPU를 쓰도록 커널을 이 앱의 출처에서 다시 시작할까요? 그러면 신뢰한 코드 셀이 이 앱의 저장소에 닿을 수 있습니다(신뢰하지 않은 노트북은 계속 막힙니다). 셀은 저장된 모델로 다시 실행됩니다. 샌드박스를 유지하려면 webgl을 고르세요.',
  kernelSays: '“{title}” 노트북의 코드가 보낸 메시지(이 앱의 안내가 아님):',
  webgpuSameOrigin: 'WebGPU가 선택되어 커널이 샌드박스가 아닌 이 앱의 출처에서 실행됩니다(샌드박스에서는 GPU를 쓸 수 없음). 다음 시작부터 샌드박스를 쓰려면 webgl을 고르세요.',
  webgpuRestarted: 'WebGPU를 쓰도록 커널을 이 앱의 출처에서 다시 시작했습니다.',
  lcReadFailed: '실행 기록과 레지스트리를 읽을 수 없습니다: {message}',
  lcNowInStage: '{name} v{version}: 이제 {stage} 스테이지입니다.',
  lcRolledBack: '롤백: {name} v{version}이(가) 다시 프로덕션입니다.',
  lcStageName_none: '없음',
  lcStageName_staging: '스테이징',
  lcStageName_production: '프로덕션',
  lcStageName_archived: '보관됨',
  exportReport: 'HTML 보고서 내보내기',
  exportReportTitle: '노트북 전체를 출력과 그림까지 오프라인에서 열리는 HTML 파일 하나로 내려받기',
  exportingReport: '보고서 만드는 중…',
  reportFailed: 'HTML 보고서를 만들지 못했습니다: {message}',
  reportSaved: 'HTML 보고서를 {file}(으)로 저장했습니다.',
  courseGallery: '강의 갤러리',
  hideSidebar: '사이드바 숨기기',
  showSidebar: '사이드바 보이기',
  exportPython: 'Python 노트북으로 내보내기',
  exportPythonTitle: '이 노트북을 pandas / scikit-learn / XGBoost / PyTorch 코드(데이터 파일과 함께 zip에 담긴 Jupyter 노트북)로 내려받기. 노트북 PC, Colab, SageMaker에서 실행됩니다',
  exportPythonSaved: 'Python 노트북을 {file}(으)로 저장했습니다 (TODO로 표시된 단계 {todos}개).',
  exportPythonMissing: '다음 파일을 옆에 복사하세요: {files}.',
  exportPythonFailed: 'Python 노트북을 만들 수 없습니다: {message}',
};

const tables: Record<Lang, Record<MessageKey, string>> = { en, ko };

/** Both tables, for the completeness test (tests/ui/i18n-completeness.test.ts). */
export const messageTables = tables;

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem('mlwb.lang');
    if (saved === 'en' || saved === 'ko') return saved;
  } catch {
    // Storage may be unavailable (private mode): use the browser language.
  }
  return typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

let lang: Lang = initialLang();
const listeners = new Set<() => void>();

export function getLang(): Lang {
  return lang;
}

export function setLang(next: Lang): void {
  lang = next;
  try {
    localStorage.setItem('mlwb.lang', next);
  } catch {
    // Not persisted; the choice holds for this page.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = next;
  for (const l of listeners) l();
}

/** "{n} rows" with vars {n: 3} → "3 rows"; an unknown {name} stays as it is. */
export function format(text: string, vars: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return format(tables[lang][key] ?? en[key], vars);
}

/** Re-render on language change; returns t. */
export function useT(): typeof t {
  useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => lang,
  );
  return t;
}
