// The page's first script, run before index.js: it starts the annotation
// worker at once, so the wasm loads, compiles and warms up while the page's
// own modules load. (In Chromium here index.js ran 70–110 ms after this
// script. With 40 ms a request the reader was ready 72 ms sooner; served
// locally, where the two contend for the cores, no surer: DESIGN.md.) It
// makes the worker as lib/annotator.js's moduleWorker does, but imports
// nothing, so that it runs first. What the worker says before the page
// listens is kept, in order, and lib/annotator.js takes the worker with it.

let early = null;
if (typeof Worker === 'function') {
  try {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    const events = [];
    worker.onmessage = (event) => events.push(event);
    worker.onerror = (event) => {
      event.preventDefault(); // reported when the annotator takes it
      events.push(event);
    };
    early = { worker, events };
  } catch {
    // The annotator starts its own worker, and reports what goes wrong.
  }
}

/** The worker started here and the events it sent so far, once; then null. */
export function takeEarlyWorker() {
  const taken = early;
  early = null;
  return taken;
}
