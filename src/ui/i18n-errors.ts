// The engine's catalogued errors (src/core/messages.ts) in Korean: an error
// output with a code is shown in the UI language from its parameters; one
// without a code (or a code missing here) shows the engine's English text.
import type { ErrorOutput } from '../core/outputs.ts';
import { fillTemplate, type MessageCode } from '../core/messages.ts';
import { getLang } from './i18n.ts';
import { issueDetail } from './i18n-issues.ts';
import { DATA_MESSAGES_KO } from './i18n-errors/data.ts';
import { ML_MESSAGES_KO } from './i18n-errors/ml.ts';
import { CELL_MESSAGES_KO } from './i18n-errors/cells.ts';
import { HOST_MESSAGES_KO } from './i18n-errors/host.ts';
import { ENDPOINT_MESSAGES_KO } from './i18n-errors/endpoints.ts';
import { METRIC_MESSAGES_KO } from './i18n-errors/metrics.ts';
import { LIFECYCLE_MESSAGES_KO } from './i18n-errors/lifecycle.ts';
import { MODEL_FILE_MESSAGES_KO } from './i18n-errors/modelFile.ts';

export const ERROR_MESSAGES_KO: Record<MessageCode, { message: string; hint?: string }> = {
  'cell.stopped': { message: '사용자가 중지했어요.' },
  'cell.unknownKind': { message: '셀 종류를 알 수 없어요: "{kind}".', hint: '이 노트북에는 더 새로운 ML 워크벤치가 필요할 수 있어요.' },
  'input.notProduced': { message: '이 셀은 "{name}"을(를) 읽지만 아직 어떤 셀도 그것을 만들지 않았어요.', hint: '{cell}을(를) 먼저 실행하세요 (또는 모두 실행).' },
  'input.noProducer': { message: '이 셀은 "{name}"을(를) 읽지만 아직 어떤 셀도 그것을 만들지 않았어요.', hint: '이 셀 위에 "{name}"을(를) 만드는 셀을 추가하거나 다른 입력을 고르세요.' },
  'input.producerFailed': { message: '건너뜀: 이 셀은 "{name}"을(를) 읽는데, 그것을 만들어야 할 {cell}이(가) 실패했어요.', hint: '{cell}을(를) 먼저 고치세요.' },
  'value.missing': { message: '"{name}"이라는 값이 없어요.', hint: '있는 값: {available}.' },
  'value.wrongType': { message: '"{name}"은(는) {actual}인데 이 매개변수에는 {expected}이(가) 필요해요.', hint: '{expected}을(를) 고르세요: {available}.' },
  'value.badName': { message: '"{name}"은(는) 올바른 값 이름이 아니에요.', hint: '글자, 숫자, _만 쓰고 글자로 시작하세요 (예: train_data).' },
  'column.missing': { message: '표에 "{column}" 열이 없어요.', hint: '있는 열: {columns}.' },
  'target.missing': { message: '예측할 타깃 열을 고르세요.' },
  'output.missing': { message: '모델 출력의 이름을 정하세요.' },
  'evaluate.noRows': { message: '"{table}" 표에 평가할 행이 없어요.' },
  'evaluate.noTarget': {
    message: '"{table}" 표에 타깃 열 "{target}"이(가) 없어서 예측과 비교할 것이 없어요.',
    hint: '분할의 테스트 부분처럼 타깃이 남아 있는 표에서 평가하세요.',
  },
  'params.invalid': { message: '매개변수 {path}이(가) 올바르지 않아요: {detail}.', hint: '셀 양식에서 이 매개변수를 고치세요.' },
  'params.invalidMore': { message: '매개변수 {path}이(가) 올바르지 않아요: {detail} (그 밖에 {more}개 더).', hint: '셀 양식에서 이 매개변수를 고치세요.' },
  'column.notIn': { message: '"{table}"에 "{column}" 열이 없어요.', hint: '있는 열: {columns}.' },
  'column.notInTable': { message: '표에 "{column}" 열이 없어요.', hint: '있는 열: {columns}.' },
  'column.chartNotIn': { message: '표에 "{column}" 열이 없어요.', hint: '있는 열: {columns}.' },
  'column.chartNotNumeric': { message: '"{column}" 열은 {type} 형식인데, 이 차트의 이 자리에는 숫자가 필요해요.' },
  'chart.needsX': { message: '{chart} 차트에는 x 열이 필요해요.', hint: '있는 열: {columns}.' },
  'table.noColumn': { message: '"{table}" 표에 "{column}" 열이 없어요.' },
  'table.noRows': { message: '"{table}" 표에 행이 없어요.' },
  'table.noTargetColumn': { message: '"{table}" 표에 타깃 열 "{target}"이(가) 없어요.' },
  'train.noTarget': { message: '타깃 열이 정해지지 않았어요.', hint: '예측할 열을 고르세요.' },
  'train.noRows': { message: '학습용 표에 행이 없어요.' },
  'train.targetIsFeature': { message: '타깃 "{target}"이(가) 특성 목록에도 들어 있어요.', hint: '특성 목록에서 빼세요.' },
  'train.oneClass': { message: '타깃 "{target}"에는 클래스가 하나({value})뿐이에요.', hint: '분류 모델을 학습하려면 학습 데이터에 클래스가 두 개 이상 있어야 해요.' },
  'train.noNumericFeatures': {
    message: '타깃 말고는 숫자로 된 특성 열이 없어요.',
    hint: '변환 셀에 원-핫 단계를 넣어 글자 열을 숫자로 바꾸거나, 특성을 직접 적으세요.',
  },
  'feature.missingValue': { message: '특성 열 "{column}"에 빠진 값이 1개 있어요.', hint: '학습하기 전에 변환 셀에서 결측값 채우기(impute) 단계를 넣거나 그 행을 빼세요.' },
  'feature.missingValues': { message: '특성 열 "{column}"에 빠진 값이 {count}개 있어요.', hint: '학습하기 전에 변환 셀에서 결측값 채우기(impute) 단계를 넣거나 그 행을 빼세요.' },
  'feature.notNumeric': {
    message: '특성 열 "{column}"이(가) 숫자가 아니에요 ({row}번째 행의 값: {value}).',
    hint: '모델은 숫자만 받아요. 변환 셀에서 이 열에 원-핫 단계를 넣거나, 이 열을 특성에서 빼세요.',
  },
  'feature.notNumericTrees': {
    message: '특성 열 "{column}"이(가) 숫자가 아니에요 ({row}번째 행의 값: {value}).',
    hint: '그래디언트 부스팅 트리는 숫자와 참/거짓만 받아요. 변환 셀에서 이 열에 원-핫 단계를 넣거나, 이 열을 특성에서 빼세요.',
  },
  'target.missingValue': {
    message: '타깃 열 "{target}"에 빠진 값이 1개 있어요.',
    hint: '학습하기 전에 타깃이 없는 행을 빼세요 (변환 셀의 filter 또는 결측 행 삭제 단계).',
  },
  'target.missingValues': {
    message: '타깃 열 "{target}"에 빠진 값이 {count}개 있어요.',
    hint: '학습하기 전에 타깃이 없는 행을 빼세요 (변환 셀의 filter 또는 결측 행 삭제 단계).',
  },
  'target.textForRegression': {
    message: '타깃 열 "{target}"에 글자({value})가 들어 있어서 회귀의 타깃이 될 수 없어요.',
    hint: '작업(task)을 분류로 바꾸거나, 숫자로 된 타깃을 고르세요.',
  },
  'target.unknownClass': { message: '타깃 값 {value}은(는) 학습 데이터에 없던 값이에요.', hint: '모델이 아는 클래스: {classes}.' },
  'split.needsTarget': { message: '층화(stratified) 분할에는 타깃 열이 필요해요.', hint: '있는 열: {columns}.' },
  'split.needsGroup': { message: '그룹 분할에는 그룹 열이 필요해요.', hint: '있는 열: {columns}.' },
  'split.needsTime': { message: '시간 분할에는 날짜 열이 필요해요.', hint: '있는 열: {columns}.' },
  'split.fractionRange': { message: '{part} 비율은 0과 1 사이여야 해요 (지금은 {value}).' },
  'split.fractionSum': { message: '학습·검증·테스트 비율의 합이 1이 아니에요 (지금은 {sum}).', hint: '예: 0.7, 0.15, 0.15 또는 0.8, 0, 0.2.' },
  'split.noTrain': { message: '학습(train) 비율은 0보다 커야 해요.' },
  'code.parse': { message: '코드를 해석할 수 없어요: {detail}', hint: '알려 준 위치 근처의 괄호, 따옴표, 세미콜론을 확인하세요.' },
  'code.nodeDenied': {
    message: '헤드리스 실행기에서 코드 셀은 Node의 파일 시스템, 프로세스, 워커를 쓸 수 없어요.',
    hint: 'load 셀로 파일을 읽거나(노트북 옆의 경로), --allow-read DIR로 그 폴더를 허용하세요.',
  },
  'code.exitDenied': { message: '헤드리스 실행기에서 코드 셀은 커널을 끝낼 수 없어요({call}).', hint: '셀을 실패로 끝내려면 오류를 던지세요. 실행기는 노트북이 끝나면 알아서 끝나요.' },
  'code.killDenied': { message: '헤드리스 실행기에서 코드 셀은 프로세스에 신호를 보낼 수 없어요({call}).', hint: '셀을 실패로 끝내려면 오류를 던지세요. 실행기는 노트북이 끝나면 알아서 끝나요.' },
  'kernel.stoppedUnresponsive': { message: '멈췄어요: 셀이 중지에 응답하지 않아서 커널을 다시 시작했어요.', hint: '코드 셀의 긴 반복문 안에서 signal.aborted를 확인하세요.' },
  'kernel.stoppedCrashed': { message: '멈췄어요: 커널의 메모리가 모자랐거나 커널이 멈춰서 다시 시작했어요.', hint: '데이터를 줄여서(행이나 열을 더 적게) 다시 실행하세요.' },
  'step.columnMissing': { message: '{n}단계({op}): 표에 {columns} 열이 없어요.', hint: '있는 열: {available}.' },
  'step.columnsMissing': { message: '{n}단계({op}): 표에 {columns} 열이 없어요.', hint: '있는 열: {available}.' },
  'step.badExpression': {
    message: '{n}단계({op}): 식 {expr}을(를) 쓸 수 없어요: {detail}',
    hint: 'd.열이름과 op.* 함수를 써서 "d => ..." 꼴로 쓰세요. 있는 열: {columns}.',
  },
  'step.needsName': { message: '{n}단계({op}): 새 열의 이름을 정하세요.' },
  'step.notScalable': { message: '{n}단계({op}): "{column}" 열은 숫자가 아니어서 스케일링할 수 없어요.', hint: '글자 열은 대신 원-핫 인코딩하세요.' },
  'csv.unclosedQuote': {
    message: '따옴표로 시작한 칸이 끝나지 않아요: 여는 따옴표에 닫는 따옴표가 없어요.',
    hint: '그 칸에 잘못 들어간 " 가 있는지 확인하거나, 글자로 남기려면 두 번("") 쓰세요.',
  },
  'csv.fieldCount': {
    message: '{line}번째 줄에는 칸이 {count}개인데 머리글 줄에는 {width}개예요.',
    hint: '그 줄의 구분자({delimiter})와 따옴표를 확인하거나, 길이가 다른 행 처리를 "pad"로 바꾸세요.',
  },
  'csv.fieldCountNoHeader': {
    message: '{line}번째 줄에는 칸이 {count}개인데 첫 줄에는 {width}개예요.',
    hint: '그 줄의 구분자({delimiter})와 따옴표를 확인하거나, 길이가 다른 행 처리를 "pad"로 바꾸세요.',
  },
  'csv.oneField': {
    message: '{line}번째 줄에는 칸이 1개인데 머리글 줄에는 {width}개예요.',
    hint: '그 줄의 구분자({delimiter})와 따옴표를 확인하거나, 길이가 다른 행 처리를 "pad"로 바꾸세요.',
  },
  'csv.oneFieldNoHeader': {
    message: '{line}번째 줄에는 칸이 1개인데 첫 줄에는 {width}개예요.',
    hint: '그 줄의 구분자({delimiter})와 따옴표를 확인하거나, 길이가 다른 행 처리를 "pad"로 바꾸세요.',
  },
  'csv.empty': { message: '파일이 비어 있어요.', hint: '맞는 파일을 골랐는지, 머리글 줄과 데이터 행이 있는지 확인하세요.' },
  'load.chooseDataset': { message: '불러올 데이터셋을 고르세요.' },
  'load.enterUrl': { message: '불러올 URL을 입력하세요.' },
  'load.readFailed': { message: '{source}을(를) 읽을 수 없어요: {detail}' },
  'predict.noInput': { message: '예측할 표나 값 한 행을 주세요.', hint: '모델이 쓰는 특성: {features}.' },
  'predict.lacksFeature': { message: '데이터에 모델의 특성 {features}이(가) 없어요.', hint: '모델을 학습할 때 쓴 변환(transform)을 주거나, 학습용 표와 같은 열을 주세요.' },
  'predict.lacksFeatures': { message: '데이터에 모델의 특성 {features}이(가) 없어요.', hint: '모델을 학습할 때 쓴 변환(transform)을 주거나, 학습용 표와 같은 열을 주세요.' },
  'predict.lacksFeatureAfterTransform': { message: '데이터에 모델의 특성 {features}이(가) 없어요.', hint: '행의 열 이름을 변환(transform)을 학습시킨 원래 표의 열 이름과 비교해 보세요.' },
  'predict.lacksFeaturesAfterTransform': { message: '데이터에 모델의 특성 {features}이(가) 없어요.', hint: '행의 열 이름을 변환(transform)을 학습시킨 원래 표의 열 이름과 비교해 보세요.' },
  'select.chooseTarget': { message: '타깃 열을 고르세요.' },
  'select.featureNotNumeric': { message: '특성 "{feature}"이(가) 숫자가 아니에요.', hint: '먼저 인코딩하세요 (변환 셀: 원-핫 또는 순서형).' },
  'step.imputeNotNumeric': { message: '{n}단계({op}): "{column}" 열은 숫자가 아니어서 {strategy} 값을 구할 수 없어요.', hint: '글자 열에는 most_frequent나 constant를 쓰세요.' },
  'step.imputeNoValues': {
    message: '{n}단계({op}): "{column}" 열에는 학습용 표에 값이 하나도 없어서 {strategy} 값을 구할 수 없어요.',
    hint: '이 열을 빼거나 constant 전략을 쓰세요.',
  },
  'name.result': { message: '결과의 이름을 정하세요.' },
  'name.table': { message: '표의 이름을 정하세요.' },
  'name.joined': { message: '합친 표의 이름을 정하세요.' },
  'name.resultsOutput': { message: '결과 출력의 이름을 정하세요.' },
  'name.predictionsOutput': { message: '예측 출력의 이름을 정하세요.' },
  ...DATA_MESSAGES_KO,
  ...ML_MESSAGES_KO,
  ...CELL_MESSAGES_KO,
  ...HOST_MESSAGES_KO,
  ...ENDPOINT_MESSAGES_KO,
  ...METRIC_MESSAGES_KO,
  ...LIFECYCLE_MESSAGES_KO,
  ...MODEL_FILE_MESSAGES_KO,
};

/**
 * A thrown error's message in the UI language: a catalogued one (its code and
 * parameters, e.g. a runs file or registry error) in Korean when the UI is Korean,
 * else its own text.
 */
export function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { code, params } = error as Error & { code?: unknown; params?: Record<string, string | number> };
  if (typeof code !== 'string') return error.message;
  return localizedError({ type: 'error', message: error.message, code, params }).message;
}

/** The error's message and hint in the UI language. */
export function localizedError(output: ErrorOutput): { message: string; hint?: string } {
  const ko = getLang() === 'ko' && output.code ? ERROR_MESSAGES_KO[output.code as MessageCode] : undefined;
  if (!ko) return { message: output.message, hint: output.hint };
  const own = output.params ?? {};
  // A params error says its first issue in Korean too, when the issue has a code.
  const detail = output.code === 'params.invalid' || output.code === 'params.invalidMore' ? issueDetail(own) : undefined;
  const params = detail ? { ...own, detail } : own;
  return { message: fillTemplate(ko.message, params), hint: ko.hint ? fillTemplate(ko.hint, params) : output.hint };
}
