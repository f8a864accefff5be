// The toolbar while the course gallery shows: run, run next, restart and the
// exports would act on the notebook hidden behind it, so they are off; stop
// stays usable for a run that is still going.
import { describe, expect, it } from 'vitest';
import { toolbarActions } from '../../src/ui/toolbarActions.ts';
import type { NotebookDoc } from '../../src/notebook/model.ts';

const doc = { title: 'Penguins', cells: [] } as unknown as NotebookDoc;

describe('toolbarActions', () => {
  it('enables every action on a shown notebook with a ready kernel', () => {
    expect(toolbarActions({ kernelReady: true, busy: false, doc }, false)).toEqual({ run: true, stop: false, restart: true, exportDoc: true });
  });

  it('turns run, restart and the exports off while the gallery shows', () => {
    expect(toolbarActions({ kernelReady: true, busy: false, doc }, true)).toEqual({ run: false, stop: false, restart: false, exportDoc: false });
  });

  it('keeps stop on while a run is going, gallery or not', () => {
    expect(toolbarActions({ kernelReady: true, busy: true, doc }, true).stop).toBe(true);
    expect(toolbarActions({ kernelReady: true, busy: true, doc }, false).stop).toBe(true);
  });

  it('waits for the kernel to run, and for a notebook to export', () => {
    expect(toolbarActions({ kernelReady: false, busy: false, doc }, false).run).toBe(false);
    expect(toolbarActions({ kernelReady: true, busy: false, doc: null }, false).exportDoc).toBe(false);
  });
});
