// The page's side of worker.js: `annotate(text, options)` returns a promise of
// the core's Annotations. One worker at a time; after a crash (a panic leaves
// the wasm instance unusable) the next call starts a fresh one.
//
//   const annotator = createAnnotator({ onReady(version) {}, onFatal(message) {} });
//   const result = await annotator.annotate(text, { reference_date: '2017-02-21' });
//
// `makeWorker` is how a worker is made: worker.js by default; the one-file
// build (annotator-inline.js) passes one made from a blob: URL. `early` is a
// worker already started (boot.js) with the events it has sent: the first
// start() takes it instead of making one.

import { unpack } from './packed.js';

const moduleWorker = () => new Worker(new URL('../worker.js', import.meta.url), { type: 'module' });

export function createAnnotator({ onReady = () => {}, onFatal = () => {}, makeWorker = moduleWorker, early = null } = {}) {
  let worker = null;
  let nextId = 1;
  let broken = null; // set when the engine cannot load: no use retrying
  const pending = new Map();

  function failAll(message) {
    for (const { reject } of pending.values()) reject(new Error(message));
    pending.clear();
  }

  function start() {
    const taken = early;
    early = null;
    worker = taken?.worker ?? makeWorker();
    worker.onmessage = onMessage;
    worker.onerror = onError;
    // What an early worker said before this page listened, in its order, as
    // if it came now: after the caller's own code (a job it posts right
    // after start() meets a failed engine as a rejection, and a handler
    // that throws cannot stop the page's first module), and before anything
    // the worker says next, which comes as a task.
    const said = taken?.events ?? [];
    if (said.length) queueMicrotask(() => said.forEach((e) => (e.type === 'error' ? onError : onMessage)(e)));
  }

  function onMessage({ data }) {
    if (data.type === 'ready') return onReady(data.version);
    if (data.type === 'fatal') {
      broken = data.message;
      onFatal(data.message);
      return failAll(data.message);
    }
    const job = pending.get(data.id);
    if (!job) return;
    pending.delete(data.id);
    if (data.type === 'result') return job.resolve(unpack(job.text, data.packed[0], data.packed[1]));
    job.reject(new Error(`the annotation engine stopped on this text (${data.message})`));
    stop();
  }

  // A module that fails to load (missing pkg/, a syntax error) lands here.
  function onError(event) {
    event.preventDefault();
    const message = `the annotation engine could not start (${event.message || 'its files did not load'})`;
    broken = message;
    onFatal(message);
    failAll(message);
    stop();
  }

  function stop() {
    worker?.terminate();
    worker = null;
  }

  return {
    start() {
      if (!worker) start();
    },
    annotate(text, options = {}) {
      if (broken) return Promise.reject(new Error(broken));
      if (!worker) start();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, text });
        worker.postMessage({ id, text, options });
      });
    },
  };
}
