// The annotation worker: the wasm core runs here, off the main thread, so a
// long article never freezes the page. Messages:
//   in:  {id, text, options}
//   out: {type: 'ready', version} | {type: 'fatal', message}
//        {type: 'result', id, packed: [numbers, strings]} | {type: 'error', id, message}
// The result goes out packed (src/packed.rs): its Uint32Array is handed over,
// not copied, and the page unpacks it (lib/packed.js), cheaper than JSON.
import init, { annotate_packed, version, warm_up } from './pkg/newslens.js';

let loaded = false;
// The first call parses the word lists and compiles the code it runs (tens
// of ms, more on a slow laptop): warm_up() annotates a built-in paragraph
// that reaches every lens, here, while the library shows, so that the first
// article opens at full speed.

const ready = init().then(
  () => {
    loaded = true;
    try {
      warm_up();
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
    const packed = annotate_packed(data.text, data.options);
    postMessage({ type: 'result', id: data.id, packed }, [packed[0].buffer]);
  } catch (e) {
    // A Rust panic surfaces as a RuntimeError; the page replaces this worker.
    postMessage({ type: 'error', id: data.id, message: e?.message ?? String(e) });
  }
};
