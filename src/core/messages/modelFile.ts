// Catalogued errors of a model file uploaded into a predict cell
// (src/export/portable-load.ts, xgboost-load.ts, sequence-load.ts): what is
// wrong with the file and what to do. English here; Korean in
// src/ui/i18n-errors/modelFile.ts. Rules as in ../messages.ts.
const DOWNLOAD_AGAIN = 'Download the model again with the download button of the saved-models list and upload that zip as it is.';

export const MODEL_FILE_MESSAGES = {
  'modelFile.notModel': { message: '"{file}" is not a model file: a predict cell reads the model zip of the saved-models list (or an XGBoost JSON model).', hint: DOWNLOAD_AGAIN },
  'modelFile.unreadable': { message: '"{file}" cannot be read: {detail}.', hint: DOWNLOAD_AGAIN },
  'modelFile.noMeta': { message: '"{file}" has no model.meta.json, so its features and their order are unknown: it is not a model downloaded from the workbench.', hint: DOWNLOAD_AGAIN },
  'modelFile.notJsonObject': { message: '{part} in "{file}" is not a JSON object.', hint: DOWNLOAD_AGAIN },
  'modelFile.notWorkbenchMeta': { message: 'model.meta.json in "{file}" is not a workbench model description (format "{format}").', hint: DOWNLOAD_AGAIN },
  'modelFile.newer': { message: '"{file}" was written by a newer workbench (model format version {version}; this one reads up to {supported}).', hint: 'Open it in the newer workbench, or train the model here.' },
  'modelFile.unknownKind': { message: '"{file}" holds a model of kind "{kind}", which a predict cell cannot load.', hint: 'A predict cell loads networks (linear, logistic, MLP), boosted trees and LSTM, GRU or 1D-CNN sequence models. Train this model in the notebook instead.' },
  'modelFile.missingPart': { message: '"{file}" lacks {part}, which the model needs.', hint: DOWNLOAD_AGAIN },
  'modelFile.badMeta': { message: 'model.meta.json in "{file}" is damaged: {detail}.', hint: DOWNLOAD_AGAIN },
  'modelFile.notLayersModel': { message: 'model.json in "{file}" is not a TensorFlow.js layers model: {detail}.', hint: DOWNLOAD_AGAIN },
  'modelFile.rebuildFailed': { message: 'The network in "{file}" could not be rebuilt: {detail}.', hint: DOWNLOAD_AGAIN },
  'modelFile.networkMismatch': { message: 'The network in "{file}" does not match its model.meta.json: it should be a stack of dense layers taking {inputs} inputs and giving {outputs} output(s).', hint: DOWNLOAD_AGAIN },
  'modelFile.notXgboost': { message: '"{file}" is not an XGBoost JSON model: {detail}.', hint: 'Upload the model zip of the saved-models list, or a file written by XGBoost\'s Booster.save_model("model.json").' },
  'modelFile.xgboostUnsupported': { message: 'The XGBoost model in "{file}" uses {what}, which the workbench\'s trees do not have.', hint: 'Only gbtree models with numeric splits and the objectives binary:logistic, multi:softprob, multi:softmax or reg:squarederror load here. Train the trees in this notebook instead.' },
  'modelFile.xgboostNoFeatures': { message: 'The XGBoost model in "{file}" has no feature names, so the columns it reads are unknown.', hint: 'In Python, train it on a pandas DataFrame (or give DMatrix feature_names) before save_model, or upload the workbench\'s model zip.' },
  'modelFile.xgboostTree': { message: 'Tree {tree} of the XGBoost model in "{file}" is damaged: {detail}.', hint: DOWNLOAD_AGAIN },
  'modelFile.sequenceLayers': { message: 'weights.json in "{file}" does not describe a workbench sequence network: {detail}.', hint: DOWNLOAD_AGAIN },
  'modelFile.sequenceSettings': { message: 'preprocessing.json in "{file}" lacks the sequences settings the model needs: {detail}.', hint: DOWNLOAD_AGAIN },
} as const;
