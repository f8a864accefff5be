// The lifecycle stores' errors (src/core/messages/lifecycle.ts) in Korean.
import type { LIFECYCLE_MESSAGES } from '../../core/messages/lifecycle.ts';

const EXPORT_HINT = '실행 기록 패널의 "내보내기"로 저장한 파일을 고르세요.';

export const LIFECYCLE_MESSAGES_KO: Record<keyof typeof LIFECYCLE_MESSAGES, { message: string; hint?: string }> = {
  'runs.invalidRecord': { message: '실행 기록이 올바르지 않아요: {detail}' },
  'runs.notJson': { message: '실행 기록 파일이 JSON이 아니에요: {detail}', hint: EXPORT_HINT },
  'runs.notExport': { message: '실행 기록 파일이 ML 워크벤치에서 내보낸 형식이 아니에요: {detail}', hint: EXPORT_HINT },
  'runs.duplicate': { message: '실행 기록 파일에 실행 "{id}"이(가) 두 번 들어 있어요.' },
  'registry.noModel': { message: '"{name}"(이)라는 등록된 모델이 없어요.' },
  'registry.noVersion': { message: '"{name}"에는 버전 {version}이(가) 없어요 (있는 버전: {versions}).' },
  'registry.needsName': { message: '등록할 모델의 이름을 정하세요.' },
  'registry.alreadyIn': { message: '{label}은(는) 이미 {stage} 단계에 있어요.' },
  'registry.badTransition': { message: '{label}은(는) {from}에서 {to}(으)로 갈 수 없어요. {from}에서는 {allowed}(으)로만 갈 수 있어요.' },
  'registry.archivedToProduction': { message: '{label}은(는) {from}에서 {to}(으)로 갈 수 없어요. {from}에서는 {allowed}(으)로만 갈 수 있어요. 롤백하거나 먼저 staging으로 옮기세요.' },
  'registry.noRollback': { message: '"{name}"에는 되돌릴 이전 프로덕션 버전이 없어요.' },
  'registry.runNoModel': { message: '실행 {id}에는 등록할 저장된 모델이 없어요: 모델을 만들지 않은 실행이에요.' },
  'registry.runModelNotSaved': { message: '실행 {id}에는 등록할 저장된 모델이 없어요: {type} 모델이 저장되지 않았어요.', hint: '다시 학습하세요. 이 브라우저는 저장할 수 있는 모델을 보관해요.' },
  'registry.runModelNotSavedBecause': { message: '실행 {id}에는 등록할 저장된 모델이 없어요: {type} 모델이 저장되지 않았어요 ({detail}).' },
  'models.notSaved': { message: '"{name}" 모델을 저장하지 못했어요: {reason}', hint: '페이지를 닫기 전까지는 그대로 쓸 수 있어요. 계속 남기려면 저장 공간을 비우고 다시 학습하세요.' },
  'models.notLoaded': { message: '저장된 "{name}" 모델을 불러오지 못했어요: {reason}', hint: '그 모델의 학습 셀을 다시 실행하세요.' },
  'models.registryNotLoaded': { message: '{ref}: {name} v{version}의 저장된 모델을 불러오지 못했어요: {reason}' },
  'registryRef.noModel': { message: '{ref}: "{name}"(이)라는 등록된 모델이 없어요.' },
  'registryRef.noVersion': { message: '{ref}: "{name}"에는 버전 {version}이(가) 없어요 ({list}).' },
  'registryRef.noStage': { message: '{ref}: "{name}"에는 {stage} 단계의 버전이 없어요 ({list}).', hint: '모델 레지스트리 패널에서 버전 하나를 올려 주세요.' },
  'registryRef.noSavedModel': { message: '{ref}: {name} v{version}에는 저장된 모델이 없어요 (모델을 저장하지 않는 곳에서 등록됐어요).', hint: '모델이 저장된 이 브라우저의 실행을 등록하세요.' },
  'runs.notRecorded': { message: '실행 "{id}"을(를) 기록하지 못했어요: {reason}', hint: '셀은 실행됐고 출력도 보여요. 실행 기록 패널의 항목만 빠져 있어요.' },
};
