// The layout a Figure draws with: the app's defaults under the spec's own
// layout, and tick labels that Plotly does not measure one by one.
//
// Plotly's default for linear and date axes, ticklabeloverflow 'hide past
// div', reads the box of every tick label after each draw
// (getBoundingClientRect, a forced layout each) to hide the labels that
// stick out of the figure. That was ~2 s of the page's main thread in the
// first Run all of session-drop (docs/performance.md), competing with the
// kernel for the two cores. The app's figures keep their labels inside the
// figure (Plotly's margins, automargin where labels are long): after a Run all
// of penguins, session-drop, bank-marketing, ml-lifecycle and review-sentiment
// none of their 1,332 tick labels was hidden, so 'allow' draws the same
// figures without the measuring. A spec that sets its own keeps it.
type Layout = Record<string, unknown>;

const AXIS_KEY = /^[xy]axis\d*$/;

/** "x2" (a trace's axis reference) → "xaxis2". */
function axisKey(ref: unknown, letter: 'x' | 'y'): string | undefined {
  if (typeof ref !== 'string' || !new RegExp(`^${letter}\\d*$`).test(ref)) return undefined;
  return `${letter}axis${ref.slice(1)}`;
}

/** The axes a figure draws: xaxis and yaxis, those its layout names, and those its traces refer to. */
export function axisKeys(data: readonly unknown[], layout: Layout): string[] {
  const keys = new Set(['xaxis', 'yaxis']);
  for (const k of Object.keys(layout)) if (AXIS_KEY.test(k)) keys.add(k);
  for (const trace of data) {
    if (typeof trace !== 'object' || trace === null) continue;
    const t = trace as Record<string, unknown>;
    for (const k of [axisKey(t.xaxis, 'x'), axisKey(t.yaxis, 'y')]) if (k) keys.add(k);
  }
  return [...keys];
}

/** The layout to draw `data` with: defaults, the spec's layout over them, ticklabeloverflow 'allow' on every axis that does not set it. */
export function drawnLayout(data: readonly unknown[], specLayout: Layout): Layout {
  const layout: Layout = { autosize: true, height: 360, font: { family: 'inherit' }, paper_bgcolor: 'transparent', plot_bgcolor: 'transparent', ...specLayout };
  for (const key of axisKeys(data, specLayout)) {
    const given = layout[key];
    const axis = typeof given === 'object' && given !== null && !Array.isArray(given) ? (given as Layout) : {};
    if (axis.ticklabeloverflow === undefined) layout[key] = { ...axis, ticklabeloverflow: 'allow' };
  }
  return layout;
}
