// The service worker: newslens keeps working with no network after the first
// visit, and a visit after the first does not wait for the network at all (a
// slow or absent classroom network). On install it caches the app shell, the
// wasm and the seed articles of this build; every same-origin GET is answered
// from that cache, and only what it does not hold is fetched (and kept).
//
// A new version comes with a new worker: version.js, written by `make build`,
// names the build by a hash of the site's files, and the browser compares the
// worker's scripts byte for byte whenever a page of the site loads. A changed
// build installs alongside, caching the new files; once installed it takes
// over and deletes the old cache, so the next load is the new version, all of
// one build (never old and new files mixed). A page already open goes on with
// what it loaded. Nothing is ever sent anywhere: only this origin's own files
// are fetched.

// (Without version.js, a copy of www/ that was never built, the worker still
// caches and serves; it is then replaced only when sw.js itself changes.)
try {
  importScripts('version.js');
} catch {
  self.NEWSLENS_BUILD = 'unversioned';
}

const CACHE = `newslens-${self.NEWSLENS_BUILD}`;
const SHELL = [
  './', 'index.html', 'boot.js', 'index.js', 'style.css', 'icon.svg', 'worker.js',
  'components/compare.js', 'components/library.js', 'components/panels.js', 'components/practice.js',
  'components/reader.js', 'components/settings.js',
  'lib/annotator.js', 'lib/corrections.js', 'lib/explain.js', 'lib/export.js', 'lib/importer.js',
  'lib/layout.js', 'lib/packed.js', 'lib/share.js', 'lib/store.js',
  'pkg/newslens.js', 'pkg/newslens_bg.wasm', 'seeds/index.json',
];

// Each file fetched past the browser's HTTP cache: a new build must not cache
// an old copy a host's cache headers kept.
const fresh = (url) => new Request(url, { cache: 'reload' });

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // (seeds/index.json carries the seed articles' texts.)
    await cache.addAll(SHELL.map(fresh));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // A page URL with a query (`?seed=…`, a shared link) is the page itself.
    const cached = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
    if (cached) return cached;
    const response = await fetch(request);
    if (response.ok) event.waitUntil(cache.put(request, response.clone()));
    return response;
  })());
});
