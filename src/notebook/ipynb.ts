// The notebook file format: Jupyter nbformat 4.5 JSON. Workbench cells keep
// {kind, params, title} in cell.metadata.workbench; their `source` is a
// readable rendering produced by the cell kind. Everything else in the file
// is kept verbatim so that decode → encode loses nothing. docs/notebook-format.md
// documents the format; migrations.ts upgrades older workbench metadata.
// Two halves, so the app's first screen carries only the reader.
export { decodeNotebook, OUTPUT_MIME, type DecodeResult } from './ipynbRead.ts';
export { encodeNotebook, serializeNotebook, type SourceRenderer } from './ipynbWrite.ts';
