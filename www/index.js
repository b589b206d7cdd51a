// newslens: the entry module. It wires the components and routes by the URL
// hash: `#` is the library, `#read/seed:FILE` or `#read/user:ID` an article
// (`?on=actor,date&at=120`: lenses on and the place read), `#shared/PAYLOAD`
// an article carried in the link itself, `#compare[/KEY,KEY…]` the comparison,
// `#practice/KEY` the exercise on an article.

import { takeEarlyWorker } from './boot.js';
import { createAnnotator } from './lib/annotator.js';
import { openStore } from './lib/store.js';
import { correctionsStore } from './lib/corrections.js';
import { parseFragment, readPlace, unpack } from './lib/share.js';
import { setupSettings } from './components/settings.js';
import { createLibrary } from './components/library.js';
import { createReader } from './components/reader.js';
import { createCompare } from './components/compare.js';
import { createPractice } from './components/practice.js';

const alertBox = document.getElementById('alert');

/** A plain, visible message for anything that went wrong. */
function say(message, { sticky = false } = {}) {
  alertBox.textContent = message;
  alertBox.hidden = false;
  if (sticky) alertBox.dataset.sticky = 'true';
}

setupSettings();

// After the first visit the app, the wasm and the seeds come from the service
// worker's cache, offline or not. Only over http(s); a file:// page has none.
// The browser checks sw.js and the version.js it imports past its HTTP cache,
// so a new build is seen on the next load whatever a host's cache headers say.
if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  navigator.serviceWorker.register('sw.js', { updateViaCache: 'none' }).catch(() => {
    // Without it the page still works online.
  });
}

// The worker boot.js started before this module loaded (null in the one-file build).
const annotator = createAnnotator({
  early: takeEarlyWorker(),
  onReady(version) {
    performance.mark('wasm-ready');
    document.getElementById('version').textContent = version;
  },
  onFatal(message) {
    say(`Highlights are not available: ${message}. Articles can still be read as plain text; reloading the page may help.`, { sticky: true });
  },
});
annotator.start(); // load the wasm while the library shows

// The seed library: its titles, dates and texts in one file
// (scripts/seed-index.mjs), fetched by the site, a data block in the one-file build.
async function loadSeeds() {
  const inline = document.getElementById('seed-data');
  if (inline) return JSON.parse(inline.textContent).articles;
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
const corrections = correctionsStore(store);
const library = createLibrary({ seeds, store, say });
const reader = createReader({ annotator, library, corrections, say });
const compare = createCompare({ annotator, library, corrections });
const practice = createPractice({ annotator, library, corrections });
await library.load();

const VIEWS = ['library', 'reader', 'compare', 'practice'];
let routed = 0;

function show(view) {
  for (const v of VIEWS) document.getElementById(v).hidden = v !== view;
}

async function route() {
  const mine = ++routed;
  const { view, rest, params } = parseFragment(decodeURIComponent(location.hash.slice(1)));
  let article = null;
  try {
    if (view === 'compare') {
      show('compare');
      return compare.open(rest ? rest.split(',').filter(Boolean) : []);
    }
    if (view === 'read' || view === 'practice') {
      // For the browser tests' timing: the page's own latency from here to
      // the first highlights (`first-highlights`), without the test driver's.
      performance.clearMarks('open-article');
      performance.mark('open-article');
      article = await library.find(rest);
      if (!article) say('That article is not in this library (it may have been deleted).');
    } else if (view === 'shared') {
      article = await library.find(await library.adopt(await unpack(rest)));
    }
  } catch (e) {
    say(`The article could not be opened: ${e.message}.`);
  }
  if (mine !== routed) return; // a later navigation won
  if (!article) {
    show('library');
    document.title = 'newslens';
  } else if (view === 'practice') {
    show('practice');
    practice.open(article);
  } else {
    show('reader');
    reader.open(article, readPlace(params));
  }
}

// After a navigation, focus goes to the top of the new view (not to a hidden link).
addEventListener('hashchange', async () => {
  alertBox.hidden = alertBox.dataset.sticky !== 'true';
  await route();
  document.getElementById('main').focus({ preventScroll: true });
  scrollTo(0, 0);
});
route();
