declare module 'plotly.js-cartesian-dist-min' {
  interface PlotlyStatic {
    newPlot(el: HTMLElement, data: unknown[], layout?: unknown, config?: unknown): Promise<unknown>;
    react(el: HTMLElement, data: unknown[], layout?: unknown, config?: unknown): Promise<unknown>;
    purge(el: HTMLElement): void;
    downloadImage(el: HTMLElement, opts: { format: 'png' | 'svg' | 'jpeg' | 'webp'; filename?: string; width?: number; height?: number }): Promise<string>;
    Plots: { resize(el: HTMLElement): void };
  }
  const Plotly: PlotlyStatic;
  export default Plotly;
}
