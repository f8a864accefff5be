// The engine's message catalogue: the common errors as a code, parameters
// and English templates. Errors raised through it carry the code and
// parameters (CellError.code/params → ErrorOutput.code/params), so a UI in
// another language can say the same thing in its own words
// (src/ui/i18n-errors.ts) while the engine, the headless runner and saved
// notebooks keep the English text. No DOM: the engine renders English itself.

export type MessageParams = Record<string, string | number>;

interface Template {
  message: string;
  hint?: string;
}

export const ENGINE_MESSAGES = {
  'cell.stopped': { message: 'Stopped by user.' },
  'cell.unknownKind': { message: 'Unknown cell kind "{kind}".', hint: 'This notebook may need a newer ML Workbench.' },
  'input.notProduced': { message: 'This cell reads "{name}", but no cell has produced it yet.', hint: 'Run {cell} first (or use Run all).' },
  'input.noProducer': { message: 'This cell reads "{name}", but no cell has produced it yet.', hint: 'Add a cell that produces "{name}" above this one, or pick another input.' },
  'input.producerFailed': { message: 'Skipped: this cell reads "{name}", which {cell} should have produced but that cell failed.', hint: 'Fix {cell} first.' },
  'value.missing': { message: 'There is no value named "{name}".', hint: 'Available: {available}.' },
  'value.wrongType': { message: '"{name}" is a {actual}, but this parameter needs a {expected}.', hint: 'Pick a {expected}: {available}.' },
  'value.badName': { message: '"{name}" is not a valid value name.', hint: 'Use letters, digits and _ only, starting with a letter (like train_data).' },
  'column.missing': { message: 'The table has no column "{column}".', hint: 'Columns are: {columns}.' },
  'target.missing': { message: 'Choose the target column to predict.' },
  'output.missing': { message: 'Name the model output.' },
  'evaluate.noRows': { message: 'Table "{table}" has no rows to evaluate on.' },
  'evaluate.noTarget': {
    message: 'Table "{table}" has no target column "{target}", so there is nothing to compare predictions with.',
    hint: 'Evaluate on a table that keeps the target, such as the test part of a split.',
  },
} satisfies Record<string, Template>;

export type MessageCode = keyof typeof ENGINE_MESSAGES;

/** "{name}" in a template → params.name; an unknown {x} stays as it is. */
export function fillTemplate(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/** The English message and hint of a code. */
export function engineMessage(code: MessageCode, params: MessageParams = {}): { message: string; hint?: string } {
  const t: Template = ENGINE_MESSAGES[code];
  return { message: fillTemplate(t.message, params), ...(t.hint ? { hint: fillTemplate(t.hint, params) } : {}) };
}
