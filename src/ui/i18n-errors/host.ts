// The hosts' and the kernel guards' catalogued errors (src/core/messages/host.ts) in Korean.
import type { HOST_MESSAGES } from '../../core/messages/host.ts';

export const HOST_MESSAGES_KO: Record<keyof typeof HOST_MESSAGES, { message: string; hint?: string }> = {
  'host.datasetFetchFailed': { message: '데이터셋 "{name}"을(를) 읽을 수 없어요: {detail}.' },
  'host.urlFetchFailed': { message: 'URL "{url}"을(를) 읽을 수 없어요: {detail}.' },
  'host.datasetHttp': { message: '데이터셋 "{name}"을(를) 읽을 수 없어요: 서버가 {status}(으)로 응답했어요.' },
  'host.urlHttp': { message: 'URL "{url}"을(를) 읽을 수 없어요: 서버가 {status}(으)로 응답했어요.' },
  'host.noUpload': { message: '이 브라우저에 id가 "{id}"인 업로드 파일이 없어요.', hint: '파일을 다시 업로드하고(사이드바의 파일) 불러오기 셀에서 고르세요.' },
  'host.noDataset': { message: '"{name}"이라는 내장 데이터셋이 없어요.', hint: '내장 데이터셋: {datasets}.' },
  'host.notBundled': { message: '데이터셋 "{name}"은(는) 이 앱 빌드에 들어 있지 않아요.' },
  'host.badUrl': { message: '"{url}"은(는) 올바른 URL이 아니에요.' },
  'host.otherOrigin': { message: '이 앱과 같은 출처의 URL(예: /data/sales.csv)만 불러올 수 있어요. "{url}"은(는) 안 돼요.', hint: '내장 데이터셋을 불러오거나, 파일을 업로드하거나(사이드바의 파일), 이 앱의 서버에 올리세요.' },
  'budget.table': {
    message: '"{name}" 표({rows}행 × {columns}열)가 이 브라우저 탭에서 다루기엔 너무 커요: 한도는 값 {budget}개예요.',
    hint: '일부(행이나 열을 줄여서)만 쓰거나, 한도가 없는 헤드리스 실행(npx ml-workbench run)으로 노트북을 돌리세요.',
  },
  'budget.tensors': {
    message: '멈췄어요: 이 셀의 텐서가 {used}을(를) 차지해서 이 브라우저 탭의 한도 {budget}을(를) 넘었어요. 계속하면 탭이 멈출 수 있어요.',
    hint: '배치 크기, 행 수, 모델 크기를 줄이고, 다 쓴 텐서는 해제하세요 (tf.tidy, tensor.dispose()).',
  },
};
