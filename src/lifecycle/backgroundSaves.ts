// Writes of run records and their saved models that go on after the cell
// that made them has finished. In the browser every write is a round trip
// to the page, whose main thread is busy drawing while cells run, so a
// train cell that waited for its run's model to be stored spent most of a
// second per run waiting (docs/performance.md, "session-drop's first Run
// all"). The cell serializes its model (the weights are read while the model
// is alive) and queues the writes; the next cell starts at once.
//
// The queue keeps the store consistent at every moment: writes happen one
// at a time in order, a run's artifact before the run, so a stored run never
// names a model that is not stored yet; a run whose artifact failed to save
// is stored saying so (the same record a waiting save wrote). Everything that
// reads runs through `runs()` waits for the writes queued before it, so a
// register cell right after a train cell finds the run and its model.
import { validateRun, type RunRecord, type RunStore } from './runs.ts';
import { unsavedArtifact } from './artifacts.ts';
import { codedNotice, type CodedNotice } from '../core/messages.ts';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class BackgroundSaves {
  private tail: Promise<void> = Promise.resolve();
  private queued = 0;
  /** Artifacts whose write failed, by ref: why. A run queued after its artifact reads it. */
  private readonly failed = new Map<string, string>();

  /** `onError` hears of a run record that could not be written (its cell had already finished). */
  constructor(private readonly onError: (notice: CodedNotice) => void) {}

  /** How many writes are queued or in progress. */
  get pending(): number {
    return this.queued;
  }

  /** Resolves once every write queued before this call has finished (failed ones included). */
  idle(): Promise<void> {
    return this.tail;
  }

  /** Queue a write; it runs after the ones queued before it. Its errors are its own to report (`write` should not throw). */
  later(write: () => Promise<void>): void {
    this.queued++;
    this.tail = this.tail.then(write).catch(() => undefined).finally(() => {
      this.queued--;
    });
  }

  /** Queue the write of a run's model (`ref`, the run's modelRef); if it fails, the run queued after it is stored as "not saved", with why. */
  artifact(ref: string, write: () => Promise<void>): void {
    this.failed.delete(ref);
    this.later(async () => {
      try {
        await write();
      } catch (error) {
        this.failed.set(ref, message(error));
      }
    });
  }

  /** The run as it is stored: without its modelRef when its artifact's write failed. */
  private settled(run: RunRecord): RunRecord {
    const reason = run.modelRef === undefined ? undefined : this.failed.get(run.modelRef);
    if (reason === undefined) return run;
    this.failed.delete(run.modelRef!);
    const { modelRef: _gone, ...rest } = run;
    return { ...rest, ...unsavedArtifact(run.model?.type ?? 'model', reason) };
  }

  /**
   * `inner` with its run writes queued behind the artifacts (put returns
   * once the record is validated: a malformed run still fails its cell) and
   * every read and other change after the writes queued before it.
   */
  runs(inner: RunStore): RunStore {
    const after = async <T>(read: () => Promise<T>): Promise<T> => {
      await this.idle();
      return read();
    };
    return {
      list: () => after(() => inner.list()),
      get: (id) => after(() => inner.get(id)),
      delete: (id) => after(() => inner.delete(id)),
      exportJSON: () => after(() => inner.exportJSON()),
      importJSON: (text, options) => after(() => inner.importJSON(text, options)),
      put: async (run) => {
        const checked = validateRun(run);
        this.later(async () => {
          try {
            await inner.put(this.settled(checked));
          } catch (error) {
            this.onError(codedNotice('runs.notRecorded', { id: checked.id, reason: message(error) }));
          }
        });
      },
    };
  }
}
