// A predict cell's model-file errors (src/core/messages/modelFile.ts) in Korean.
import type { MODEL_FILE_MESSAGES } from '../../core/messages/modelFile.ts';

const DOWNLOAD_AGAIN = '저장된 모델 목록의 내려받기 버튼으로 모델을 다시 내려받고, 그 zip을 그대로 업로드하세요.';

export const MODEL_FILE_MESSAGES_KO: Record<keyof typeof MODEL_FILE_MESSAGES, { message: string; hint?: string }> = {
  'modelFile.notModel': { message: '"{file}"은(는) 모델 파일이 아니에요. 예측 셀은 저장된 모델 목록에서 내려받은 모델 zip(또는 XGBoost JSON 모델)을 읽어요.', hint: DOWNLOAD_AGAIN },
  'modelFile.unreadable': { message: '"{file}"을(를) 읽을 수 없어요: {detail}.', hint: DOWNLOAD_AGAIN },
  'modelFile.noMeta': { message: '"{file}"에 model.meta.json이 없어서 특성과 그 순서를 알 수 없어요. 워크벤치에서 내려받은 모델이 아니에요.', hint: DOWNLOAD_AGAIN },
  'modelFile.notJsonObject': { message: '"{file}" 안의 {part}이(가) JSON 객체가 아니에요.', hint: DOWNLOAD_AGAIN },
  'modelFile.notWorkbenchMeta': { message: '"{file}" 안의 model.meta.json이 워크벤치 모델 설명이 아니에요(형식 "{format}").', hint: DOWNLOAD_AGAIN },
  'modelFile.newer': { message: '"{file}"은(는) 더 새로운 워크벤치가 쓴 파일이에요(모델 형식 버전 {version}, 이 워크벤치는 {supported}까지 읽어요).', hint: '더 새로운 워크벤치에서 열거나, 여기서 모델을 학습하세요.' },
  'modelFile.unknownKind': { message: '"{file}"에 든 모델은 종류가 "{kind}"라서 예측 셀이 불러올 수 없어요.', hint: '예측 셀은 신경망(선형, 로지스틱, MLP), 부스팅 트리, LSTM·GRU·1D-CNN 시퀀스 모델을 불러와요. 이 모델은 노트북에서 학습하세요.' },
  'modelFile.missingPart': { message: '"{file}"에 모델에 필요한 {part}이(가) 없어요.', hint: DOWNLOAD_AGAIN },
  'modelFile.badMeta': { message: '"{file}" 안의 model.meta.json이 손상됐어요: {detail}.', hint: DOWNLOAD_AGAIN },
  'modelFile.notLayersModel': { message: '"{file}" 안의 model.json이 TensorFlow.js layers 모델이 아니에요: {detail}.', hint: DOWNLOAD_AGAIN },
  'modelFile.rebuildFailed': { message: '"{file}"에 든 신경망을 다시 만들 수 없어요: {detail}.', hint: DOWNLOAD_AGAIN },
  'modelFile.networkMismatch': { message: '"{file}"에 든 신경망이 model.meta.json과 맞지 않아요. 입력 {inputs}개를 받아 출력 {outputs}개를 내는 dense 층 묶음이어야 해요.', hint: DOWNLOAD_AGAIN },
  'modelFile.notXgboost': { message: '"{file}"은(는) XGBoost JSON 모델이 아니에요: {detail}.', hint: '저장된 모델 목록에서 내려받은 모델 zip이나, XGBoost의 Booster.save_model("model.json")로 쓴 파일을 업로드하세요.' },
  'modelFile.xgboostUnsupported': { message: '"{file}"의 XGBoost 모델은 {what}을(를) 써요. 워크벤치의 트리에는 그런 기능이 없어요.', hint: '숫자 분할만 쓰고 목적 함수가 binary:logistic, multi:softprob, multi:softmax, reg:squarederror인 gbtree 모델만 불러올 수 있어요. 트리는 이 노트북에서 학습하세요.' },
  'modelFile.xgboostNoFeatures': { message: '"{file}"의 XGBoost 모델에 특성 이름이 없어서 어떤 열을 읽는지 알 수 없어요.', hint: 'Python에서 pandas DataFrame으로 학습하거나(또는 DMatrix에 feature_names를 주고) save_model 하세요. 아니면 워크벤치의 모델 zip을 업로드하세요.' },
  'modelFile.xgboostTree': { message: '"{file}"의 XGBoost 모델에서 트리 {tree}이(가) 손상됐어요: {detail}.', hint: DOWNLOAD_AGAIN },
  'modelFile.sequenceLayers': { message: '"{file}" 안의 weights.json이 워크벤치의 시퀀스 신경망이 아니에요: {detail}.', hint: DOWNLOAD_AGAIN },
  'modelFile.sequenceSettings': { message: '"{file}" 안의 preprocessing.json에 모델에 필요한 시퀀스 설정이 없어요: {detail}.', hint: DOWNLOAD_AGAIN },
};
