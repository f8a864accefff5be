// A notebook file that cannot be read: says what is wrong and where
// (a JSON position, or a path like "cells[3].metadata.workbench.kind").
export class NotebookFormatError extends Error {
  readonly where?: string;
  constructor(message: string, where?: string) {
    super(where ? `${message} (at ${where})` : message);
    this.name = 'NotebookFormatError';
    this.where = where;
  }
}

/** Line and column (1-based) of a character offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastBreak = i;
    }
  }
  return { line, column: offset - lastBreak };
}
