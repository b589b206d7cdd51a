// The annotation worker: the wasm core runs here, off the main thread, so a
// long article never freezes the page. Messages:
//   in:  {id, text, options}
//   out: {type: 'ready', version} | {type: 'fatal', message}
//        {type: 'result', id, result} | {type: 'error', id, message}
import init, { annotate, version } from './pkg/newslens.js';

let loaded = false;
const ready = init().then(
  () => {
    loaded = true;
    postMessage({ type: 'ready', version: version() });
  },
  (e) => postMessage({ type: 'fatal', message: `the annotation engine did not load (${e?.message ?? e})` }),
);

onmessage = async ({ data }) => {
  await ready;
  if (!loaded) return postMessage({ type: 'error', id: data.id, message: 'the annotation engine did not load' });
  try {
    postMessage({ type: 'result', id: data.id, result: annotate(data.text, data.options) });
  } catch (e) {
    // A Rust panic surfaces as a RuntimeError; the page replaces this worker.
    postMessage({ type: 'error', id: data.id, message: e?.message ?? String(e) });
  }
};
