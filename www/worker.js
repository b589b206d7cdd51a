// The annotation worker: the wasm core runs here, off the main thread, so a
// long article never freezes the page. Messages:
//   in:  {id, text, options}
//   out: {type: 'ready', version} | {type: 'fatal', message}
//        {type: 'result', id, result} | {type: 'error', id, message}
import init, { annotate, version } from './pkg/newslens.js';

let loaded = false;
// The first call parses the lexicons (several hundred ms): done here, while
// the library shows, so that the first article opens at full speed.
const WARM_UP = 'On Monday, US defence secretary James Mattis said "up to 750,000 civilians" remain in Mosul, Iraq.';

const ready = init().then(
  () => {
    loaded = true;
    try {
      annotate(WARM_UP, { reference_date: '2017-02-21' });
    } catch {
      // A failure here shows on the first real text, with its message.
    }
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
