// The annotator of the one-file build (dist/newslens.html, made by
// scripts/build-onefile.mjs). A page opened from file:// may neither fetch nor
// load a worker script, so the wasm-bindgen glue (data block "glue-data") and
// the wasm bytes (base64, data block "wasm-data") come from the page itself:
// the worker is made from a blob: URL holding the glue and WORKER below (a
// classic worker: Chromium refuses module workers from blob: URLs in file://
// pages, so the build strips the glue's exports), and each new worker is
// handed the bytes first. Everything else (promises,
// crash → fresh worker) is annotator.js. The hosted site does not use this.
//
//   const annotator = createAnnotator({ onReady(version) {}, onFatal(message) {} });

import { createAnnotator as createWorkerAnnotator } from './annotator.js';

// Appended to the glue, so initSync, annotate_packed, warm_up and version are in scope.
// The messages are worker.js's, plus {type: 'init', bytes} first.
const WORKER = `
let loaded = false;
onmessage = ({ data }) => {
  if (data.type === 'init') {
    try {
      initSync({ module: data.bytes });
      loaded = true;
      try { warm_up(); } catch {}
      postMessage({ type: 'ready', version: version() });
    } catch (e) {
      postMessage({ type: 'fatal', message: 'the annotation engine did not load (' + (e && e.message || e) + ')' });
    }
    return;
  }
  if (!loaded) return postMessage({ type: 'error', id: data.id, message: 'the annotation engine did not load' });
  try {
    const packed = annotate_packed(data.text, data.options);
    postMessage({ type: 'result', id: data.id, packed: packed }, [packed[0].buffer]);
  } catch (e) {
    postMessage({ type: 'error', id: data.id, message: e && e.message || String(e) });
  }
};
`;

export function createAnnotator(handlers = {}) {
  let url = null;
  let bytes = null;
  return createWorkerAnnotator({
    ...handlers,
    makeWorker() {
      if (!url) {
        const glue = document.getElementById('glue-data')?.textContent ?? '';
        const data = document.getElementById('wasm-data')?.textContent ?? '';
        bytes = Uint8Array.from(atob(data.trim()), (c) => c.charCodeAt(0));
        url = URL.createObjectURL(new Blob([glue, WORKER], { type: 'text/javascript' }));
      }
      const worker = new Worker(url);
      worker.postMessage({ type: 'init', bytes });
      return worker;
    },
  });
}

/** boot.js's stand-in in the one-file build: no worker is started before
 * the page's module, whose engine comes from data blocks it holds. */
export function takeEarlyWorker() {
  return null;
}
