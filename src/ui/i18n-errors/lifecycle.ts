// The lifecycle stores' errors (src/core/messages/lifecycle.ts) in Korean.
import type { LIFECYCLE_MESSAGES } from '../../core/messages/lifecycle.ts';

const EXPORT_HINT = '실행 기록 패널의 "내보내기"로 저장한 파일을 고르세요.';

export const LIFECYCLE_MESSAGES_KO: Record<keyof typeof LIFECYCLE_MESSAGES, { message: string; hint?: string }> = {
  'runs.invalidRecord': { message: '실행 기록이 올바르지 않아요: {detail}' },
  'runs.notJson': { message: '실행 기록 파일이 JSON이 아니에요: {detail}', hint: EXPORT_HINT },
  'runs.notExport': { message: '실행 기록 파일이 ML 워크벤치에서 내보낸 형식이 아니에요: {detail}', hint: EXPORT_HINT },
  'runs.duplicate': { message: '실행 기록 파일에 실행 "{id}"이(가) 두 번 들어 있어요.' },
  'registry.runNoModel': { message: '실행 {id}에는 등록할 저장된 모델이 없어요: 모델을 만들지 않은 실행이에요.' },
  'registry.runModelNotSaved': { message: '실행 {id}에는 등록할 저장된 모델이 없어요: {type} 모델이 저장되지 않았어요.', hint: '다시 학습하세요. 이 브라우저는 저장할 수 있는 모델을 보관해요.' },
  'registry.runModelNotSavedBecause': { message: '실행 {id}에는 등록할 저장된 모델이 없어요: {type} 모델이 저장되지 않았어요 ({detail}).' },
};
