// Catalogued errors of the lifecycle stores a student meets in the runs and
// registry panels: importing a runs file, registering a run's model. English
// here; Korean in src/ui/i18n-errors/lifecycle.ts. Rules as in ../messages.ts.
export const LIFECYCLE_MESSAGES = {
  'runs.invalidRecord': { message: 'Invalid run record: {detail}' },
  'runs.notJson': { message: 'The runs file is not JSON: {detail}', hint: 'Pick a file saved with "Export" in the runs panel.' },
  'runs.notExport': { message: 'The runs file is not a valid ML Workbench export: {detail}', hint: 'Pick a file saved with "Export" in the runs panel.' },
  'runs.duplicate': { message: 'The runs file holds run "{id}" twice.' },
  'registry.runNoModel': { message: 'Run {id} has no saved model to register: it produced no model.' },
  'registry.runModelNotSaved': { message: 'Run {id} has no saved model to register: its {type} model was not saved.', hint: 'Train it again; this browser keeps the models it can save.' },
  'registry.runModelNotSavedBecause': { message: 'Run {id} has no saved model to register: its {type} model was not saved ({detail}).' },
} as const;
