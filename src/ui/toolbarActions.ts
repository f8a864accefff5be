// Which toolbar actions can be used now. While the course gallery shows, the
// notebook behind it (the first course, opened for window.workbench) is out of
// sight: running, restarting or exporting it from the toolbar would act on a
// notebook the student cannot see, so those wait until a notebook is shown.
// Stop stays usable while a run is going, so a run started before the gallery
// opened can still be stopped.
import type { State } from './state.ts';

export interface ToolbarActions {
  run: boolean;
  stop: boolean;
  restart: boolean;
  exportDoc: boolean;
}

export function toolbarActions(state: Pick<State, 'kernelReady' | 'busy' | 'doc'>, galleryOpen: boolean): ToolbarActions {
  const notebookShown = !galleryOpen;
  return {
    run: notebookShown && state.kernelReady,
    stop: state.busy,
    restart: notebookShown,
    exportDoc: notebookShown && state.doc !== null,
  };
}
