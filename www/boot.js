// The page's first script, run before index.js: it starts the annotation
// worker at once, so the wasm loads, compiles and warms up while the page's
// own modules load. (In Chromium here index.js ran 70–110 ms after this
// script. With 40 ms a request the reader was ready 72 ms sooner; served
// locally, where the two contend for the cores, no surer: DESIGN.md.) It
// makes the worker as lib/annotator.js's moduleWorker does, but imports
// nothing, so that it runs first. What the worker says before the page
// listens is kept, in order, and lib/annotator.js takes the worker with it.
//
// It also fetches and compiles the wasm itself and hands the compiled module
// to the worker (named WASM_FROM_PAGE so it waits for it): the worker would
// fetch it only after its own script and the glue had come, one request
// after the other. With 100 ms a request a first visit's reader was ready at
// 948 ms instead of 1,075; with 300 ms, 40 to 250 ms sooner (bench/RESULTS.md,
// seventh session). Whatever goes wrong here, the worker is told to fetch the
// wasm itself, and reports.

/** The name of a worker that waits for the wasm module from the page (worker.js reads it). */
const WASM_FROM_PAGE = 'newslens-wasm-from-page';

/**
 * The wasm, fetched and compiled; null when that failed (no WebAssembly or
 * no streaming compile here, a host serving it as another type, a failed
 * request): the worker then fetches it itself, and reports what goes wrong.
 */
async function compiled() {
  try {
    return await WebAssembly.compileStreaming(fetch(new URL('./pkg/newslens_bg.wasm', import.meta.url)));
  } catch {
    return null;
  }
}

let early = null;
if (typeof Worker === 'function') {
  try {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: WASM_FROM_PAGE });
    const events = [];
    worker.onmessage = (event) => events.push(event);
    worker.onerror = (event) => {
      event.preventDefault(); // reported when the annotator takes it
      events.push(event);
    };
    early = { worker, events };
    compiled().then((module) => {
      try {
        worker.postMessage({ type: 'wasm', module });
      } catch {
        // A browser that cannot hand a module to a worker: it fetches the wasm itself.
        worker.postMessage({ type: 'wasm', module: null });
      }
    });
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
