// The service worker: newslens keeps working with no network after the first
// visit (a slow or absent classroom network). On install it caches the app
// shell, the wasm and the seed articles; every same-origin GET is answered
// from the network when it answers, and from the cache when it does not, so a
// new version shows as soon as it is online and the last one when offline.
// Nothing is ever sent anywhere: only this origin's own files are fetched.

const CACHE = 'newslens-v1';
const SHELL = [
  './', 'index.html', 'boot.js', 'index.js', 'style.css', 'icon.svg', 'worker.js',
  'components/compare.js', 'components/library.js', 'components/panels.js', 'components/practice.js',
  'components/reader.js', 'components/settings.js',
  'lib/annotator.js', 'lib/corrections.js', 'lib/explain.js', 'lib/export.js', 'lib/importer.js',
  'lib/layout.js', 'lib/packed.js', 'lib/share.js', 'lib/store.js',
  'pkg/newslens.js', 'pkg/newslens_bg.wasm', 'seeds/index.json',
];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(SHELL);
    const index = await (await cache.match('seeds/index.json')).json();
    await cache.addAll(index.articles.map((a) => `seeds/${encodeURIComponent(a.file)}`));
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
    try {
      const response = await fetch(request);
      if (response.ok) cache.put(request, response.clone());
      return response;
    } catch (error) {
      // Offline: the cached copy; a page URL with a query falls back to the shell.
      const cached = (await cache.match(request, { ignoreSearch: request.mode === 'navigate' }))
        ?? (request.mode === 'navigate' ? await cache.match('index.html') : undefined);
      if (cached) return cached;
      throw error;
    }
  })());
});
