// The endpoint cells' catalogued errors (src/core/messages/endpoints.ts) in Korean.
import type { ENDPOINT_MESSAGES } from '../../core/messages/endpoints.ts';

export const ENDPOINT_MESSAGES_KO: Record<keyof typeof ENDPOINT_MESSAGES, { message: string; hint?: string }> = {
  'deploy.noBest': { message: '모니터 결과에 아직 어느 변형(variant)에도 {metric} 값이 없어서 가장 좋은 것을 고를 수 없어요.', hint: '모니터 셀에 요청의 정답 레이블을 주세요.' },
  'deploy.noRegistry': { message: '이 환경에는 모델 레지스트리가 없어서 배포할 등록 모델이 없어요.', hint: '워크벤치 앱에서 노트북을 여세요.' },
  'deploy.notMonitor': { message: '"{name}"은(는) 모니터 결과가 아니에요.' },
  'deploy.noVariants': { message: '변형을 하나 이상 추가하세요: 등록된 모델과 그 트래픽 가중치.' },
  'deploy.variantProblem': { message: '변형 "{variant}": {detail}.' },
  'deploy.notSaved': {
    message: '변형 "{variant}": "{model}" 버전 {version}에는 저장된 모델이 없어서 엔드포인트가 이 모델로 응답할 수 없어요.',
    hint: '저장할 수 있는 종류의 모델(트리, 신경망, 선형 모델)을 등록하세요.',
  },
  'deploy.nameEndpoint': { message: '엔드포인트의 이름을 정하세요.' },
  'deploy.endpointProblem': { message: '엔드포인트를 바꿀 수 없어요: {detail}' },
  'endpoint.noStore': { message: '이 환경에는 엔드포인트가 없어서 배포하거나 호출할 수 없어요.', hint: '워크벤치 앱에서 노트북을 열거나 ml-workbench run으로 실행하세요. 둘 다 엔드포인트를 유지해요.' },
  'endpoint.notEndpoint': { message: '"{name}"은(는) 엔드포인트가 아니에요: 배포 셀의 출력이어야 해요.' },
  'endpoint.gone': { message: '엔드포인트 "{name}"이(가) 더는 없어요.', hint: '배포 셀을 다시 실행하세요.' },
  'invoke.notInService': { message: '엔드포인트 "{name}"은(는) 서비스 중이 아니라서 (설정 {config}에서 배포 해제됨) 요청에 응답하지 않아요.', hint: '먼저 다시 배포하세요.' },
  'invoke.cannotLoad': { message: '이 환경에서는 저장된 모델을 불러올 수 없어서 엔드포인트가 응답할 수 없어요.' },
  'invoke.nothingToSend': { message: '보낼 표를 고르거나 한 행을 입력하세요.' },
  'invoke.noRows': { message: '"{table}" 표에 보낼 행이 없어요.' },
  'invoke.keyMissing': { message: '키 열 "{column}"이(가) 표에 없어요.', hint: '있는 열: {columns}.' },
  'invoke.columnMissing': { message: '엔드포인트의 모델에 필요한 열 {columns}이(가) 보낸 행에 없어요.' },
  'invoke.columnsMissing': { message: '엔드포인트의 모델에 필요한 열 {columns}이(가) 보낸 행에 없어요.' },
  'monitor.noConfig': { message: '엔드포인트 "{name}"에 설정 {config}이(가) 없어요 (있는 설정: {configs}).', hint: '먼저 호출 셀을 실행하세요.' },
  'monitor.noRequests': { message: '엔드포인트 "{name}"에 기록된 요청이 아직 없어요.', hint: '먼저 호출 셀을 실행하세요.' },
  'monitor.columnNotIn': { message: '"{table}"에 "{column}" 열이 없어요.', hint: '있는 열: {columns}.' },
  'monitor.configNoRequests': { message: '엔드포인트 "{name}"의 설정 {config}에 기록된 요청이 없어요.' },
  'monitor.columnNotBoth': { message: '"{column}" 열이 기록된 요청과 "{table}" 양쪽에 다 있지는 않아요.' },
};
