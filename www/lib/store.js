// The user's own articles, kept in IndexedDB so they survive reloads and restarts.
//
//   const store = await openStore();
//   await store.put({ id, title, text, reference_date }); await store.list(); await store.remove(id);
//   await store.corrections.get(key); await store.corrections.put(key, ops); await store.corrections.remove(key);
//
// When the browser refuses storage (private mode, a full disk, a policy) every
// call rejects with an Error whose message says so plainly; callers keep what
// the user typed and say that it is not saved.

const DB = 'newslens';
const STORE = 'articles';
const CORRECTIONS = 'corrections'; // {key: article key, ops: [...]}, see lib/corrections.js

function request(req) {
  return new Promise((ok, fail) => {
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
}

function plain(error) {
  if (error?.name === 'QuotaExceededError') {
    return new Error('The browser’s storage is full, so this article could not be saved.');
  }
  return new Error(`The browser refused to store articles (${error?.message || error?.name || 'no storage'}).`);
}

export async function openStore() {
  let db;
  try {
    const req = indexedDB.open(DB, 2);
    // Version 1 had the articles only; each store is made when it is missing.
    req.onupgradeneeded = () => {
      const names = req.result.objectStoreNames;
      if (!names.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'id' });
      if (!names.contains(CORRECTIONS)) req.result.createObjectStore(CORRECTIONS, { keyPath: 'key' });
    };
    db = await request(req);
  } catch (e) {
    const error = plain(e);
    const refuse = () => Promise.reject(error);
    return { ok: false, error, list: refuse, put: refuse, remove: refuse,
      corrections: { get: refuse, put: refuse, remove: refuse } };
  }
  // One transaction per call; a write is done when its transaction completes.
  const run = (mode, fn, name = STORE) =>
    new Promise((ok, fail) => {
      let result;
      try {
        const tx = db.transaction(name, mode);
        request(fn(tx.objectStore(name))).then((r) => (result = r), () => {});
        tx.oncomplete = () => ok(result);
        tx.onerror = tx.onabort = () => fail(plain(tx.error));
      } catch (e) {
        fail(plain(e));
      }
    });
  return {
    ok: true,
    list: () => run('readonly', (s) => s.getAll()).then((all) => all.sort((a, b) => a.added - b.added)),
    put: (article) => run('readwrite', (s) => s.put(article)),
    remove: (id) => run('readwrite', (s) => s.delete(id)),
    corrections: {
      get: (key) => run('readonly', (s) => s.get(key), CORRECTIONS).then((r) => r?.ops ?? []),
      put: (key, ops) => run('readwrite', (s) => s.put({ key, ops }), CORRECTIONS),
      remove: (key) => run('readwrite', (s) => s.delete(key), CORRECTIONS),
    },
  };
}

/** An id without crypto.randomUUID, which plain-http school intranets lack. */
export function newId() {
  return `a${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
