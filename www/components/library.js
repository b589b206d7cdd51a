// The library: the seed articles, the user's own (IndexedDB), adding by paste,
// file picker or drop, editing a title or reference date, deleting.
//
//   const library = createLibrary({ seeds, store, say });
//   const article = await library.find('seed:000_….txt');   // {key, title, text, reference_date, …}
//   await library.update(article.key, { reference_date: '2017-02-20' });
//
// Markup: #seed-list, #user-list, #add-form … in index.html. Articles reach the
// page only through textContent and form values.

import { textFromFile, firstLine } from '../lib/importer.js';
import { newId } from '../lib/store.js';
import { shortDate } from '../lib/explain.js';

const $ = (id) => document.getElementById(id);
const OPENABLE = /\.(txt|text|md|markdown|html?)$/i;

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

export function createLibrary({ seeds, store, say }) {
  let users = [];
  const seedDates = new Map(); // session-only reference date changes of seeds

  /** A seed's text, carried in the library's index (scripts/seed-index.mjs). */
  function seedText(seed) {
    if (typeof seed.text !== 'string') throw new Error(`the library's index has no text for ${seed.file}`);
    return seed.text;
  }
  const status = $('library-status');

  function tell(message, ...extra) {
    status.replaceChildren(message, ...extra);
  }

  function renderSeeds() {
    $('seed-list').replaceChildren(
      ...seeds.map((s) =>
        el('li', {},
          el('a', { href: `#read/seed:${encodeURIComponent(s.file)}`, textContent: s.title }),
          ' ',
          el('span', { className: 'meta', textContent: `dated ${shortDate(s.reference_date)}` }))));
  }

  function renderUsers() {
    $('user-empty').hidden = users.length > 0;
    $('user-list').replaceChildren(...users.map(userRow));
  }

  function userRow(rec) {
    const title = el('input', { type: 'text', value: rec.title, required: true });
    const date = el('input', { type: 'date', value: rec.reference_date ?? '' });
    const form = el('form', { className: 'edit', hidden: true },
      el('label', {}, 'Title ', title), ' ',
      el('label', {}, 'Reference date ', date), ' ',
      el('button', { type: 'submit', textContent: 'Save' }));
    const edit = el('button', { type: 'button', textContent: 'Edit' });
    edit.setAttribute('aria-expanded', 'false');
    edit.setAttribute('aria-label', `Edit ${rec.title}`);
    edit.onclick = () => {
      form.hidden = !form.hidden;
      edit.setAttribute('aria-expanded', String(!form.hidden));
      if (!form.hidden) title.focus();
    };
    form.onsubmit = async (event) => {
      event.preventDefault();
      await update(`user:${rec.id}`, { title: title.value.trim() || firstLine(rec.text), reference_date: date.value || null });
      renderUsers();
      $('user-list').querySelector(`a[href="#read/user:${rec.id}"]`)?.focus();
    };
    const remove = el('button', { type: 'button', textContent: 'Delete' });
    remove.setAttribute('aria-label', `Delete ${rec.title}`);
    remove.onclick = () => removeArticle(rec);
    const meta = [rec.reference_date ? `dated ${shortDate(rec.reference_date)}` : 'date inferred'];
    if (rec.unsaved) meta.push('not saved: gone when this page closes');
    return el('li', {},
      el('a', { href: `#read/user:${rec.id}`, textContent: rec.title }), ' ',
      el('span', { className: 'meta', textContent: meta.join(' · ') }), ' ',
      edit, ' ', remove, form);
  }

  async function save(rec) {
    try {
      await store.put({ id: rec.id, title: rec.title, text: rec.text, reference_date: rec.reference_date, added: rec.added });
      rec.unsaved = false;
      return true;
    } catch (e) {
      rec.unsaved = true;
      say(`${e.message} It stays open until this page is closed; copy the text somewhere to keep it.`);
      return false;
    }
  }

  /** Adds an article and opens it; false when it could not be saved. */
  async function add(text, title) {
    const rec = { id: newId(), title: title || firstLine(text), text, reference_date: null, added: Date.now() };
    users.push(rec);
    const saved = await save(rec);
    renderUsers();
    location.hash = `#read/user:${rec.id}`;
    return saved;
  }

  /** The key of a user article with this text, added (and saved) if there is none: a shared link's article. */
  async function adopt({ title, text, reference_date }) {
    let rec = users.find((u) => u.text === text);
    if (!rec) {
      rec = { id: newId(), title: title || firstLine(text), text, reference_date, added: Date.now() };
      users.push(rec);
      await save(rec);
      renderUsers();
    }
    return `user:${rec.id}`;
  }

  /** Every article for the Compare chooser: {key, title}. */
  const all = () => [
    ...seeds.map((s) => ({ key: `seed:${s.file}`, title: s.title })),
    ...users.map((u) => ({ key: `user:${u.id}`, title: u.title })),
  ];

  async function removeArticle(rec) {
    try {
      await store.remove(rec.id);
    } catch (e) {
      if (!rec.unsaved) return say(`${e.message} The article was not deleted.`);
    }
    users = users.filter((u) => u !== rec);
    renderUsers();
    const undo = el('button', { type: 'button', textContent: 'Undo' });
    undo.onclick = async () => {
      users.push(rec);
      users.sort((a, b) => a.added - b.added);
      await save(rec);
      renderUsers();
      tell(`Restored “${rec.title}”.`);
    };
    tell(`Deleted “${rec.title}”. `, undo);
    $('add-toggle').focus();
  }

  async function update(key, changes) {
    const [kind, id] = split(key);
    if (kind === 'seed') {
      if ('reference_date' in changes) seedDates.set(id, changes.reference_date);
      return;
    }
    const rec = users.find((u) => u.id === id);
    if (!rec) return;
    Object.assign(rec, changes);
    if (await save(rec)) tell(`Saved “${rec.title}”.`);
  }

  function split(key) {
    const at = key.indexOf(':');
    return [key.slice(0, at), key.slice(at + 1)];
  }

  async function find(key) {
    const [kind, id] = split(key);
    if (kind === 'seed') {
      const seed = seeds.find((s) => s.file === id);
      if (!seed) return null;
      const text = seedText(seed);
      return {
        key, kind, title: seed.title, text,
        reference_date: seedDates.has(id) ? seedDates.get(id) : seed.reference_date,
        own_reference_date: seed.reference_date,
        basis: seed.reference_date_basis,
      };
    }
    const rec = users.find((u) => u.id === id);
    return rec && { key, kind, title: rec.title, text: rec.text, reference_date: rec.reference_date, own_reference_date: null };
  }

  async function openFiles(files) {
    const usable = [...files].filter((f) => OPENABLE.test(f.name));
    if (usable.length < files.length) tell('Only .txt, .md and .html files can be opened.');
    for (const file of usable) {
      try {
        const text = await textFromFile(file);
        if (!text.trim()) tell(`${file.name} has no text to read.`);
        else await add(text);
      } catch (e) {
        tell(`${file.name} could not be read (${e.message}).`);
      }
    }
  }

  // Wiring of the static markup.
  const toggle = $('add-toggle');
  const form = $('add-form');
  const area = $('add-text');
  const showForm = (open) => {
    form.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open) area.focus();
  };
  toggle.onclick = () => showForm(form.hidden);
  $('add-cancel').onclick = () => {
    showForm(false);
    toggle.focus();
  };
  form.onsubmit = async (event) => {
    event.preventDefault();
    const text = area.value;
    if (!text.trim()) {
      tell('Paste or type an article first.');
      return area.focus();
    }
    // What was typed stays in the box unless it was safely stored.
    if (await add(text)) {
      area.value = '';
      showForm(false);
    }
  };
  $('file').onchange = async (event) => {
    await openFiles(event.target.files);
    event.target.value = '';
  };
  // Dropping a file anywhere opens it; the page shows where it will land.
  const dropping = (on) => document.body.classList.toggle('dropping', on);
  document.addEventListener('dragover', (event) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    dropping(true);
  });
  document.addEventListener('dragleave', (event) => {
    if (!event.relatedTarget) dropping(false);
  });
  document.addEventListener('drop', (event) => {
    dropping(false);
    if (!event.dataTransfer?.files.length) return;
    event.preventDefault();
    openFiles(event.dataTransfer.files);
  });

  return {
    async load() {
      renderSeeds();
      if (!store.ok) {
        say(`${store.error.message} Articles you add stay only until this page is closed.`);
      } else {
        try {
          const stored = await store.list();
          // An article added while the list was being read stays.
          users = [...stored, ...users.filter((u) => !stored.some((s) => s.id === u.id))];
        } catch (e) {
          say(e.message);
        }
      }
      renderUsers();
    },
    find,
    update,
    adopt,
    all,
  };
}
