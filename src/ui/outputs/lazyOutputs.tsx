// The outputs' renderers (Outputs.tsx: tables, profiles, metrics, errors,
// training curves) are a chunk of their own, so the first screen's script is
// the shell alone (docs/app.md, "Lazy loading"). main.tsx starts fetching it
// beside the store at boot without waiting for it, so saved outputs are
// normally there on the notebook's first paint; until the chunk is in, a cell
// with outputs shows an empty box that says it is busy.
import { memo, useEffect, useState } from 'react';
import type { CellOutput } from '../../core/outputs.ts';
import type { Controller } from '../controller.ts';
import type { TrainingChartProps } from './TrainingChart.tsx';

type OutputsModule = typeof import('./Outputs.tsx');

let loaded: OutputsModule | null = null;
let loading: Promise<OutputsModule> | undefined;

/** Fetch the outputs chunk (once; a failed fetch, e.g. offline before it was cached, is tried again next time). */
export function loadOutputs(): Promise<OutputsModule> {
  loading ??= import('./Outputs.tsx').then(
    (m) => (loaded = m),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The chunk once it is in (null before); the component re-renders when it arrives. */
function useOutputsModule(): OutputsModule | null {
  const [chunk, setChunk] = useState(loaded);
  useEffect(() => {
    if (chunk) return;
    let live = true;
    loadOutputs().then(
      (m) => live && setChunk(() => m),
      () => undefined, // stays pending; the next mount tries again
    );
    return () => {
      live = false;
    };
  }, [chunk]);
  return chunk;
}

function Loaded({ outputs, controller }: { outputs: CellOutput[]; controller: Controller }) {
  const chunk = useOutputsModule();
  return chunk ? <chunk.Outputs outputs={outputs} controller={controller} /> : <div className="outputs pending" aria-busy="true" />;
}

/** A cell's outputs; nothing for a cell without any (no chunk needed). */
export const Outputs = memo(function Outputs({ outputs, controller }: { outputs: CellOutput[]; controller: Controller }) {
  return outputs.length ? <Loaded outputs={outputs} controller={controller} /> : null;
});

/** The live training curves of a running cell (the kernel is up by then, so the chunk nearly always is too). */
export function LiveTrainingCurves(props: TrainingChartProps) {
  const chunk = useOutputsModule();
  return chunk ? <chunk.TrainingCurves live {...props} /> : null;
}
