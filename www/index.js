// newslens: the entry module. It wires the components and routes by the URL
// hash: `#` is the library, `#read/seed:FILE` or `#read/user:ID` an article.

import { createAnnotator } from './lib/annotator.js';
import { openStore } from './lib/store.js';
import { setupSettings } from './components/settings.js';
import { createLibrary } from './components/library.js';
import { createReader } from './components/reader.js';

const alertBox = document.getElementById('alert');

/** A plain, visible message for anything that went wrong. */
function say(message, { sticky = false } = {}) {
  alertBox.textContent = message;
  alertBox.hidden = false;
  if (sticky) alertBox.dataset.sticky = 'true';
}

setupSettings();

const annotator = createAnnotator({
  onReady(version) {
    performance.mark('wasm-ready');
    document.getElementById('version').textContent = version;
  },
  onFatal(message) {
    say(`Highlights are not available: ${message}. Articles can still be read as plain text; reloading the page may help.`, { sticky: true });
  },
});
annotator.start(); // load the wasm while the library shows

async function loadSeeds() {
  try {
    const res = await fetch('seeds/index.json');
    if (!res.ok) throw new Error(`status ${res.status}`);
    return (await res.json()).articles;
  } catch (e) {
    say(`The seed articles could not be loaded (${e.message}).`);
    return [];
  }
}

const [seeds, store] = await Promise.all([loadSeeds(), openStore()]);
const library = createLibrary({ seeds, store, say });
const reader = createReader({ annotator, library, say });
await library.load();

let routed = 0;

async function route() {
  const mine = ++routed;
  const hash = decodeURIComponent(location.hash.slice(1));
  let article = null;
  if (hash.startsWith('read/')) {
    try {
      article = await library.find(hash.slice(5));
      if (!article) say('That article is not in this library (it may have been deleted).');
    } catch (e) {
      say(`The article could not be opened: ${e.message}.`);
    }
  }
  if (mine !== routed) return; // a later navigation won
  document.getElementById('library').hidden = Boolean(article);
  document.getElementById('reader').hidden = !article;
  if (article) reader.open(article);
  else document.title = 'newslens';
}

// After a navigation, focus goes to the top of the new view (not to a hidden link).
addEventListener('hashchange', async () => {
  alertBox.hidden = alertBox.dataset.sticky !== 'true';
  await route();
  document.getElementById('main').focus({ preventScroll: true });
  scrollTo(0, 0);
});
route();
