// Whether Plotly has been loaded in this page. The live training chart uses
// Plotly only once it is there: loading and parsing it (seconds on a slow
// machine) while a model trains would block the main thread; until then the
// instant SVG sketch is shown. Kept apart from Figure.tsx, which loads lazily.
let ready = false;

export function plotlyReady(): boolean {
  return ready;
}

export function markPlotlyReady(): void {
  ready = true;
}
