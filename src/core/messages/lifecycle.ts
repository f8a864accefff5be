// Catalogued errors of the lifecycle stores a student meets in the runs and
// registry panels: importing a runs file, registering a run's model. English
// here; Korean in src/ui/i18n-errors/lifecycle.ts. Rules as in ../messages.ts.
export const LIFECYCLE_MESSAGES = {
  'runs.invalidRecord': { message: 'Invalid run record: {detail}' },
  'runs.notJson': { message: 'The runs file is not JSON: {detail}', hint: 'Pick a file saved with "Export" in the runs panel.' },
  'runs.notExport': { message: 'The runs file is not a valid ML Workbench export: {detail}', hint: 'Pick a file saved with "Export" in the runs panel.' },
  'runs.duplicate': { message: 'The runs file holds run "{id}" twice.' },
  'registry.noModel': { message: 'No registered model named "{name}".' },
  'registry.noVersion': { message: '"{name}" has no version {version} (versions: {versions}).' },
  'registry.needsName': { message: 'A registered model needs a name.' },
  'registry.alreadyIn': { message: '{label} is already in {stage}.' },
  'registry.badTransition': { message: '{label} cannot go from {from} to {to}; from {from} it may go to {allowed}.' },
  'registry.archivedToProduction': { message: '{label} cannot go from {from} to {to}; from {from} it may go to {allowed}. Use rollback, or move it to staging first.' },
  'registry.noRollback': { message: '"{name}" has no earlier production version to roll back to.' },
  'registry.runNoModel': { message: 'Run {id} has no saved model to register: it produced no model.' },
  'registry.runModelNotSaved': { message: 'Run {id} has no saved model to register: its {type} model was not saved.', hint: 'Train it again; this browser keeps the models it can save.' },
  'registry.runModelNotSavedBecause': { message: 'Run {id} has no saved model to register: its {type} model was not saved ({detail}).' },
  // The kernel's notices about the models and runs it keeps for the notebook (kernel.worker.ts, backgroundSaves.ts).
  'models.notSaved': { message: 'The model "{name}" could not be saved: {reason}', hint: 'It still works until the page is closed; free some storage and train it again to keep it.' },
  'models.notLoaded': { message: 'The saved model "{name}" could not be loaded: {reason}', hint: 'Run its training cell again.' },
  'models.registryNotLoaded': { message: '{ref}: the saved model of {name} v{version} could not be loaded: {reason}' },
  'registryRef.noModel': { message: '{ref}: no registered model is named "{name}".' },
  'registryRef.noVersion': { message: '{ref}: "{name}" has no version {version} ({list}).' },
  'registryRef.noStage': { message: '{ref}: "{name}" has no version in {stage} ({list}).', hint: 'Promote one in the registry panel.' },
  'registryRef.noSavedModel': { message: '{ref}: {name} v{version} has no saved model (it was registered where models are not saved).', hint: 'Register a run of this browser, where the model was saved.' },
  'runs.notRecorded': { message: 'The run "{id}" could not be recorded: {reason}', hint: 'Its cell ran and its outputs are shown; only the entry in the runs panel is missing.' },
} as const;
