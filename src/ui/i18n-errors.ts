// The engine's catalogued errors (src/core/messages.ts) in Korean: an error
// output with a code is shown in the UI language from its parameters; one
// without a code (or a code missing here) shows the engine's English text.
import type { ErrorOutput } from '../core/outputs.ts';
import { fillTemplate, type MessageCode } from '../core/messages.ts';
import { getLang } from './i18n.ts';

export const ERROR_MESSAGES_KO: Record<MessageCode, { message: string; hint?: string }> = {
  'cell.stopped': { message: '사용자가 중지했습니다.' },
  'cell.unknownKind': { message: '알 수 없는 셀 종류 "{kind}"입니다.', hint: '이 노트북에는 더 새로운 ML 워크벤치가 필요할 수 있습니다.' },
  'input.notProduced': { message: '이 셀은 "{name}"을(를) 읽지만 아직 어떤 셀도 그것을 만들지 않았습니다.', hint: '{cell}을(를) 먼저 실행하세요 (또는 모두 실행).' },
  'input.noProducer': { message: '이 셀은 "{name}"을(를) 읽지만 아직 어떤 셀도 그것을 만들지 않았습니다.', hint: '이 셀 위에 "{name}"을(를) 만드는 셀을 추가하거나 다른 입력을 고르세요.' },
  'input.producerFailed': { message: '건너뜀: 이 셀은 "{name}"을(를) 읽는데, 그것을 만들어야 할 {cell}이(가) 실패했습니다.', hint: '{cell}을(를) 먼저 고치세요.' },
  'value.missing': { message: '"{name}"이라는 값이 없습니다.', hint: '있는 값: {available}.' },
  'value.wrongType': { message: '"{name}"은(는) {actual}인데 이 매개변수에는 {expected}이(가) 필요합니다.', hint: '{expected}을(를) 고르세요: {available}.' },
  'value.badName': { message: '"{name}"은(는) 올바른 값 이름이 아닙니다.', hint: '글자, 숫자, _만 쓰고 글자로 시작하세요 (예: train_data).' },
  'column.missing': { message: '표에 "{column}" 열이 없습니다.', hint: '있는 열: {columns}.' },
  'target.missing': { message: '예측할 타깃 열을 고르세요.' },
  'output.missing': { message: '모델 출력의 이름을 정하세요.' },
  'evaluate.noRows': { message: '"{table}" 표에 평가할 행이 없습니다.' },
  'evaluate.noTarget': {
    message: '"{table}" 표에 타깃 열 "{target}"이(가) 없어서 예측과 비교할 것이 없습니다.',
    hint: '분할의 테스트 부분처럼 타깃이 남아 있는 표에서 평가하세요.',
  },
};

/** The error's message and hint in the UI language. */
export function localizedError(output: ErrorOutput): { message: string; hint?: string } {
  const ko = getLang() === 'ko' && output.code ? ERROR_MESSAGES_KO[output.code as MessageCode] : undefined;
  if (!ko) return { message: output.message, hint: output.hint };
  const params = output.params ?? {};
  return { message: fillTemplate(ko.message, params), hint: ko.hint ? fillTemplate(ko.hint, params) : output.hint };
}
