// The annotator of the one-file build (dist/newslens.html, made by
// scripts/build-onefile.mjs): the same interface as annotator.js, but the wasm
// bytes come from the page itself (a base64 data block, id "wasm-data") and
// the engine runs on the main thread, because a page opened from file:// may
// not load a worker script or fetch anything. The hosted site does not use it.
//
//   const annotator = createAnnotator({ onReady(version) {}, onFatal(message) {} });
//   const result = await annotator.annotate(text, { reference_date: '2017-02-21' });

import { initSync, annotate as run, version } from '../pkg/newslens.js';

const WARM_UP = 'On Monday, US defence secretary James Mattis said "up to 750,000 civilians" remain in Mosul, Iraq.';

export function createAnnotator({ onReady = () => {}, onFatal = () => {} } = {}) {
  let state = null; // 'ready', or the message of why the engine cannot run
  const pause = () => new Promise((ok) => setTimeout(ok)); // lets the page paint first

  async function start() {
    if (state) return;
    state = 'starting';
    await pause();
    try {
      const data = document.getElementById('wasm-data')?.textContent ?? '';
      const bytes = Uint8Array.from(atob(data.trim()), (c) => c.charCodeAt(0));
      initSync({ module: bytes });
      run(WARM_UP, { reference_date: '2017-02-21' });
      state = 'ready';
      onReady(version());
    } catch (e) {
      state = `the annotation engine did not load (${e?.message ?? e})`;
      onFatal(state);
    }
  }

  return {
    start() {
      start();
    },
    async annotate(text, options = {}) {
      while (state === null || state === 'starting') {
        start();
        await pause();
      }
      if (state !== 'ready') throw new Error(state);
      await pause();
      try {
        return run(text, options);
      } catch (e) {
        // A panic leaves this wasm instance unusable, and one page holds one.
        state = `the annotation engine stopped (${e?.message ?? e}); reload the page to start it again`;
        onFatal(state);
        throw new Error(`the annotation engine stopped on this text (${e?.message ?? e})`);
      }
    },
  };
}
