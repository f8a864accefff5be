// The cell contract lives in core (the kernel needs it too); cell kinds import it from here.
export type { CellContext, CellKindDef } from '../core/cell.ts';
export { defineCell } from '../core/cell.ts';
