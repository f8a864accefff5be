// The sandboxed kernel frame's script (built into its own small file by
// vite.config.ts; the frame document is generated there too, with its CSP).
// It runs on an opaque origin and does one thing: when the app (its parent)
// sends the kernel script and a MessagePort, start the kernel as a classic
// worker from a blob: URL and hand it the port. From then on the app and the
// worker talk directly; the frame only reports the worker's error events.
// It never listens to the worker's messages, so notebook code cannot talk to
// the frame's parent through it.
let started = false;

function report(message: string): void {
  parent.postMessage({ kind: 'worker-error', message }, '*');
}

window.addEventListener('message', (e: MessageEvent) => {
  if (e.source !== parent || started) return;
  const data = e.data as { kind?: unknown; script?: unknown } | null;
  const port = e.ports[0];
  if (data?.kind !== 'start' || !(data.script instanceof Blob) || !port) return;
  started = true;
  try {
    // The type makes it a script whatever the app's Blob said.
    const url = URL.createObjectURL(new Blob([data.script], { type: 'text/javascript' }));
    const worker = new Worker(url, { name: 'kernel' });
    worker.addEventListener('error', (ev) => report(ev.message || 'The kernel worker failed to start.'));
    worker.postMessage({ kind: 'connect' }, [port]);
  } catch (error) {
    report(`The kernel worker could not start in the sandbox: ${error instanceof Error ? error.message : String(error)}`);
  }
});

parent.postMessage({ kind: 'frame-ready' }, '*');
