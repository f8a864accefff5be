// Notebooks as the gallery and sidebar handle them: course copies (made on
// first open, reset to the bundled file), notebooks opened from JSON, new
// and deleted notebooks. Opening itself (kernel, saving) is the host's.
import { decodeNotebook } from '../../notebook/ipynbRead.ts';
import type { NotebookDoc } from '../../notebook/model.ts';
import { newId, type WorkbenchStore } from '../../store/types.ts';
import type { TrustState } from '../../worker/trust.ts';
import type { KindInfo } from '../../worker/protocol.ts';
import type { CourseEntry } from '../state.ts';
import { blankNotebook, newCell } from '../document/cells.ts';
import { courseText, titleFromFile } from './course.ts';
import { mark } from '../opening.ts';

export interface GalleryHost {
  store: Pick<WorkbenchStore, 'getNotebook' | 'deleteNotebook'>;
  openDoc(doc: NotebookDoc, options: { id: string; origin?: string; trust?: TrustState }): Promise<void>;
  openStored(id: string): Promise<void>;
  refreshLists(): Promise<void>;
  notify(message: string, kind: 'info'): void;
  /** Models and undo history of a notebook that is reset or deleted. */
  forget(notebookId: string): Promise<void>;
  isBundled(doc: NotebookDoc): Promise<boolean>;
  kinds(): KindInfo[];
  course(): CourseEntry[];
  openNotebookId(): string | null;
}

/** Course notebooks open as the user's copy (made on first open). */
export async function openCourse(host: GalleryHost, file: string): Promise<void> {
  const id = `course:${file}`;
  if (await host.store.getNotebook(id)) return host.openStored(id);
  return resetCourse(host, file);
}

export async function resetCourse(host: GalleryHost, file: string): Promise<void> {
  const text = await courseText(file);
  if (text === undefined) throw new Error(`No bundled notebook "${file}".`);
  const { doc } = decodeNotebook(text);
  if (!doc.title) doc.title = titleFromFile(file);
  // The original has no trained models (and no history): forget the copy's.
  await host.forget(`course:${file}`);
  await host.openDoc(doc, { id: `course:${file}`, origin: file });
}

/** Open a notebook from JSON text or value (file picker, drop, window.workbench.open). Throws a clear error; nothing is stored on failure. */
export async function openJson(host: GalleryHost, input: string | unknown, fileName?: string, options: { trusted?: boolean } = {}): Promise<void> {
  const { doc, warnings } = decodeNotebook(input);
  mark('decoded');
  if (!doc.title && fileName) doc.title = titleFromFile(fileName);
  if (!doc.title) doc.title = 'Untitled notebook';
  // Untrusted (code cells and URL loads blocked) unless the caller says so, or it is a bundled notebook's content.
  const trust: TrustState = { notebook: options.trusted ?? (await host.isBundled(doc)), cells: [] };
  mark('trust-checked');
  await host.openDoc(doc, { id: newId('user:'), trust });
  for (const w of warnings) host.notify(w, 'info');
  // The sidebar's list catches up in the background (the first save refreshes it too): reading every stored notebook need not delay open().
  void host.refreshLists().catch(() => undefined);
}

export async function newNotebook(host: GalleryHost, title: string): Promise<void> {
  const doc = blankNotebook(title);
  doc.cells.push(newCell('markdown', host.kinds()));
  doc.cells[0].params = { text: `# ${title}\n` };
  await host.openDoc(doc, { id: newId('user:') });
  await host.refreshLists();
}

export async function deleteNotebook(host: GalleryHost, id: string): Promise<void> {
  await host.store.deleteNotebook(id);
  await host.forget(id);
  if (id === host.openNotebookId()) {
    const first = host.course()[0];
    if (first) await openCourse(host, first.file);
    else await newNotebook(host, 'Untitled notebook');
  }
  await host.refreshLists();
}
