// Handing the event loop a turn from inside a long computation (training
// batches, boosting rounds), so that cancel messages and other requests get
// through. A MessageChannel message rather than setTimeout(0): browsers
// clamp nested timeouts to 4 ms and Node to 1 ms (measured here: 4.2 ms a
// yield in a Chromium worker, 1.2 ms in Node), which cost a loop that yields
// every 25 ms 5–15 % of its time; a message takes 0.01–0.07 ms. It is a
// macrotask like the kernel's incoming messages (the same task source in
// browsers), so a Stop that arrived first is handled first.

/** Resolve on a fresh macrotask. */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(() => resolve(), 0));
  return new Promise((resolve) => {
    // One channel per yield, closed at once: in Node a port with a listener keeps the process alive.
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}
