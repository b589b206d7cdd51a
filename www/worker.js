// The annotation worker: the wasm core runs here, off the main thread, so a
// long article never freezes the page. Messages:
//   in:  {type: 'wasm', module} (from boot.js, once) | {id, text, options}
//   out: {type: 'ready', version} | {type: 'fatal', message}
//        {type: 'result', id, packed: [numbers, strings]} | {type: 'error', id, message}
// The result goes out packed (src/packed.rs): its Uint32Array is handed over,
// not copied, and the page unpacks it (lib/packed.js), cheaper than JSON.
import init, { annotate_packed, version, warm_up } from './pkg/newslens.js';

let loaded = false;

// boot.js fetches and compiles the wasm while this script and the glue load,
// and hands the module over (null: it could not): a worker it started, so
// named, waits for it instead of fetching the wasm after them. Any other
// worker (the annotator's, after a crash) fetches it itself.
const FROM_PAGE = 'newslens-wasm-from-page'; // boot.js's WASM_FROM_PAGE
let handOver = null;
const given = self.name === FROM_PAGE ? new Promise((ok) => (handOver = ok)) : Promise.resolve(null);

// The first call parses the word lists and compiles the code it runs (tens
// of ms, more on a slow laptop): warm_up() annotates a built-in paragraph
// that reaches every lens, here, while the library shows, so that the first
// article opens at full speed.

const ready = given.then((module) => init(module ? { module_or_path: module } : undefined)).then(
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
  if (data.type === 'wasm') return handOver?.(data.module);
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
