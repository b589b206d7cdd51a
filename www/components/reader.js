// The reading view: the article with its highlights, the legend, the
// reference date, the "why" box, the panels and the keys.
//
//   const reader = createReader({ annotator, library, corrections, say });
//   await reader.open(article, { lenses: ['date'], at: 120 });  // article from library.find()
//
// The engine's spans go through the reader's corrections (lib/corrections.js)
// before anything shows them; the class tools (Practice, Compare, Share,
// Export, Print) work on that corrected article.
//
// The whole text is annotated once, with the options the CLI would use, and
// laid out by offsets. Highlights follow the roving-tabindex pattern: one mark
// is in the tab order (tabindex 0), j/k move between them, Tab leaves.

import { layoutArticle, selectedRange } from '../lib/layout.js';
import { explain, describeReference, shortDate } from '../lib/explain.js';
import { applyCorrections, describeOp, LENS_NAMES, TYPES } from '../lib/corrections.js';
import { exportAs, download, FORMATS } from '../lib/export.js';
import { shareLink } from '../lib/share.js';
import { renderPanels } from './panels.js';

const $ = (id) => document.getElementById(id);
const LENSES = ['actor', 'place', 'date', 'figure', 'quote'];
// How long an article may stay blank while the engine reads it before its
// plain text is shown: under a frame or two on a school laptop for a news
// article, so most open highlighted at once, without a second layout.
const PLAIN_AFTER_MS = 100;

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

export function createReader({ annotator, library, corrections, say }) {
  const article = $('article');
  const legend = $('legend');
  const why = $('why');
  const refInput = $('refdate');
  let current = null; // {key, text, reference_date, …}
  let raw = null; // the engine's annotations
  let ann = null; // the same after the reader's corrections: what is shown
  let ops = []; // the corrections of the current article
  let lastSelection = null; // [start, end) of the last words selected in the text
  let marks = []; // head marks in text order
  let byIndex = new Map(); // span index → head mark
  let ordinal = new Map(); // head mark → its position in marks
  let at = -1; // position in marks of the current highlight
  let group = null; // {indices, button, chosen: Set of indices} of the chosen actor or place
  let run = 0;
  let opens = 0; // counts open() calls: a later one wins
  let firstShown = false;

  const isOn = (label) => !article.classList.contains(`hide-${label}`);

  function status(message, busy = false) {
    $('reader-status-text').textContent = message;
    $('busy').hidden = !busy;
    article.setAttribute('aria-busy', String(busy));
  }

  // A mark of a hidden lens leaves the focus order; one of a shown lens can be focused.
  function placeInFocusOrder(m) {
    if (isOn(m.dataset.label)) m.tabIndex = -1;
    else m.removeAttribute('tabindex');
  }

  // Marks of hidden lenses leave the focus order; one visible mark is tabbable.
  function syncFocusable() {
    for (const m of marks) placeInFocusOrder(m);
    const target = marks[at] && isOn(marks[at].dataset.label) ? marks[at] : marks.find((m) => isOn(m.dataset.label));
    if (target) target.tabIndex = 0;
  }

  function showWhy(i) {
    const { label, head, lines } = explain(ann, i);
    const title = document.createElement('p');
    title.className = 'why-head';
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.dataset.label = label;
    title.append(swatch, head);
    const list = document.createElement('ul');
    for (const line of lines) {
      const li = document.createElement('li');
      li.textContent = line;
      list.append(li);
    }
    why.replaceChildren(title, list, correctionForm(i));
  }

  // Under the explanation: change the lens or value of this highlight, or remove it.
  function correctionForm(i) {
    const s = ann.spans[i];
    const lens = el('select', {}, ...LENSES.map((l) => el('option', { value: l, textContent: LENS_NAMES[l], selected: l === s.label })));
    const type = el('select', {});
    const types = () => type.replaceChildren(...TYPES[lens.value].map((t) => el('option', { value: t, textContent: t, selected: t === s.type })));
    types();
    lens.onchange = types;
    const value = el('input', { type: 'text', value: s.value ?? '', size: 14 });
    const save = el('button', { type: 'submit', textContent: 'Save change' });
    const remove = el('button', { type: 'button', textContent: 'Remove highlight' });
    const form = el('form', { className: 'fix' },
      el('p', { className: 'fix-head', textContent: s.corrected ? `Corrected by you (${s.corrected}).` : 'Wrong? Correct it:' }),
      el('label', {}, 'Lens ', lens), ' ', el('label', {}, 'Type ', type), ' ', el('label', {}, 'Value ', value), ' ', save, ' ', remove);
    const where = { start: s.start, end: s.end, label: s.label };
    form.onsubmit = (event) => {
      event.preventDefault();
      const to = {};
      if (lens.value !== s.label) to.label = lens.value;
      if (type.value !== s.type) to.type = type.value;
      if (value.value.trim() !== (s.value ?? '')) to.value = value.value.trim();
      if (Object.keys(to).length) correct({ op: 'edit', ...where, to }, where.start);
    };
    remove.onclick = () => correct({ op: 'remove', ...where }, where.start);
    return form;
  }

  async function correct(op, focusAt) {
    status('Saving the correction…', true);
    ops = [...ops, op];
    const saved = await corrections.put(current.key, ops);
    $('correct-note').textContent = saved ? `Saved: ${describeOp(op, current.text)}.` :
      `${describeOp(op, current.text)}; kept until this page closes (the browser does not store it).`;
    await render();
    const mark = marks.find((m) => ann.spans[Number(m.dataset.i)].start >= focusAt);
    if (mark && focusAt !== undefined) focusMark(mark);
  }

  function renderCorrections() {
    $('correct-count').textContent = ops.length ? `(${ops.length})` : '';
    $('correct-reset').disabled = !ops.length;
    $('correct-list').replaceChildren(...ops.map((op) => el('li', { textContent: describeOp(op, current.text) })));
  }

  function focusMark(mark) {
    if (!isOn(mark.dataset.label)) setLens(mark.dataset.label, true);
    mark.focus({ preventScroll: true });
    mark.scrollIntoView({ block: 'center' });
  }

  function move(step) {
    if (!marks.length) return;
    const pool = group
      ? group.indices.map((i) => byIndex.get(i)).filter(Boolean)
      : marks.filter((m) => isOn(m.dataset.label));
    if (!pool.length) return;
    const pos = (m) => ordinal.get(m);
    const next = step > 0
      ? pool.find((m) => pos(m) > at) ?? pool[0]
      : pool.findLast((m) => pos(m) < at) ?? pool.at(-1);
    focusMark(next);
  }

  function choose(indices, button) {
    group?.button.setAttribute('aria-pressed', 'false');
    article.querySelectorAll('mark.chosen').forEach((m) => m.classList.remove('chosen'));
    group = indices && button ? { indices, button, chosen: new Set(indices) } : null;
    if (!group) return;
    button.setAttribute('aria-pressed', 'true');
    for (const i of indices) article.querySelectorAll(`mark[data-i="${i}"]`).forEach((m) => m.classList.add('chosen'));
  }

  // A panel row: a single mention is focused; a group is chosen, then stepped through.
  function jump(indices, button) {
    if (button.hasAttribute('aria-pressed')) {
      if (group?.button === button) return move(1);
      choose(indices, button);
      const first = byIndex.get(indices[0]);
      if (first) focusMark(first);
      return;
    }
    choose(null);
    const mark = byIndex.get(indices[0]);
    if (mark) focusMark(mark);
  }

  function setLens(label, on) {
    // A highlight in focus that goes plain hands focus on to the next one.
    const handOn = !on && marks[at] && document.activeElement === marks[at] && marks[at].dataset.label === label;
    article.classList.toggle(`hide-${label}`, !on);
    legend.querySelector(`input[value="${label}"]`).checked = on;
    syncFocusable();
    if (handOn) move(1);
  }

  function showReference() {
    refInput.value = ann?.reference_date ?? current.reference_date ?? '';
    const note = $('refdate-note');
    if (!ann) return (note.textContent = '');
    const used = ann.reference_date ? `Using ${shortDate(ann.reference_date)}: ` : '';
    const basis = ann.reference_date_source === 'given' && current.basis && current.reference_date === current.own_reference_date
      ? ` (from the library: ${current.basis})` : '';
    note.textContent = `${used}${describeReference(ann)}${basis}.`;
  }

  // The same options as `newslens annotate [--reference-date D] FILE`.
  const options = () => (current.reference_date ? { reference_date: current.reference_date } : {});

  /** The current article's text, plain, until (or unless) highlights come. */
  function showPlain() {
    if (article.dataset.laid === current.key) return;
    layoutArticle(article, current.text, []);
    article.dataset.laid = current.key;
    syncHeading();
  }

  // The page's heading is the article's title line, or else a hidden one.
  function syncHeading() {
    $('reader-title').hidden = Boolean(article.querySelector('h1'));
  }

  /** Annotates the current article (or awaits a request already sent) and shows it. */
  async function annotate(sent = null) {
    const mine = ++run;
    status('Annotating…', true);
    const t0 = sent?.at ?? performance.now();
    try {
      const result = await (sent?.result ?? annotator.annotate(current.text, options()));
      if (mine !== run) return;
      raw = result;
      const laid = render();
      if (!firstShown) {
        firstShown = true;
        performance.mark('first-highlights');
      }
      if (!(await laid) || mine !== run) return;
      // For the browser tests' timing: annotation plus layout of this article.
      performance.measure('annotate', { start: t0, detail: current.key });
    } catch (e) {
      if (mine !== run) return;
      showPlain();
      status('No highlights: the text is shown plain.');
      say(`This article could not be annotated: ${e.message}. Its text is shown without highlights.`);
    }
  }

  /** Lays the corrected article out with its panels; resolves when all is in the page. */
  async function render() {
    const mine = run;
    ann = applyCorrections(raw, current.text, ops);
    byIndex = new Map();
    ordinal = new Map();
    at = -1;
    group = null;
    // A long text's marks come a batch at a time (lib/layout.js): each
    // batch is indexed, and takes the focus order of its lenses, as it comes.
    const prepare = (batch, from) => {
      batch.forEach((m, k) => {
        byIndex.set(Number(m.dataset.i), m);
        ordinal.set(m, from + k);
        placeInFocusOrder(m);
        if (group?.chosen.has(Number(m.dataset.i))) m.classList.add('chosen');
      });
    };
    const laid = layoutArticle(article, current.text, ann.spans, { prepare });
    article.dataset.laid = current.key;
    syncHeading();
    marks = laid.marks;
    syncFocusable();
    showReference();
    // The highlights paint first; the panels follow a task later.
    await new Promise((ok) => setTimeout(ok, 0));
    if (mine !== run) return false;
    renderPanels(ann, current.text, jump);
    renderCorrections();
    if (!(await laid.done) || mine !== run) return false;
    const fixed = ops.length ? ` ${ops.length} correction${ops.length === 1 ? '' : 's'} by you.` : '';
    status(`${ann.spans.length} highlights.${fixed}`);
    return true;
  }

  /** The article as it is shown (corrected), for the exports. */
  const exported = () => ({
    // The CLI names a document by its file's stem.
    doc: current.key.startsWith('seed:') ? current.key.slice(5).replace(/\.[^.]+$/, '') : current.key.replace(':', '-'),
    title: current.title, text: current.text, ann,
  });

  // The class tools.
  $('correct-add').onclick = () => {
    const range = selectedRange(article, current.text) ?? lastSelection;
    if (!range || !ann) {
      $('correct-note').textContent = 'Select some words in the text first.';
      return;
    }
    correct({ op: 'add', start: range[0], end: range[1], label: $('correct-lens').value, type: $('correct-type').value }, range[0]);
    lastSelection = null;
  };
  const addTypes = () => $('correct-type').replaceChildren(...TYPES[$('correct-lens').value].map((t) => el('option', { value: t, textContent: t })));
  addTypes();
  $('correct-lens').onchange = addTypes;
  $('correct-reset').onclick = async () => {
    status('Removing the corrections…', true);
    ops = [];
    await corrections.put(current.key, ops);
    $('correct-note').textContent = 'Corrections removed: the highlights are the engine’s again.';
    await render();
  };
  document.addEventListener('selectionchange', () => {
    if ($('reader').hidden || !current) return;
    const range = selectedRange(article, current.text);
    if (range) lastSelection = range;
  });
  const exportButton = $('export');
  const menu = $('export-menu');
  const showMenu = (open) => {
    menu.hidden = !open;
    exportButton.setAttribute('aria-expanded', String(open));
  };
  menu.append(...FORMATS.map((f) => {
    const b = el('button', { type: 'button', textContent: f.name });
    b.dataset.format = f.id;
    b.append(el('span', { className: 'meta', textContent: ` ${f.note}` }));
    b.onclick = async () => {
      showMenu(false);
      if (!ann) return say('There is nothing to export until the article is annotated.');
      download(await exportAs(f.id, exported()));
      exportButton.focus();
    };
    return el('li', {}, b);
  }));
  exportButton.onclick = () => {
    showMenu(menu.hidden);
    if (!menu.hidden) menu.querySelector('button').focus();
  };
  document.addEventListener('click', (event) => {
    if (!menu.hidden && !event.target.closest('.menu')) showMenu(false);
  });
  menu.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    showMenu(false);
    exportButton.focus();
  });
  $('print').onclick = () => print();
  // Printing shows the panels as an appendix: they must all be open.
  addEventListener('beforeprint', () => document.querySelectorAll('.side details').forEach((d) => (d.open = true)));
  $('practice-start').onclick = () => {
    location.hash = `#practice/${encodeURIComponent(current.key)}`;
  };
  $('share').onclick = async () => {
    const box = $('share-box');
    box.hidden = !box.hidden;
    $('share').setAttribute('aria-expanded', String(!box.hidden));
    if (box.hidden) return;
    $('share-url').value = '';
    $('share-note').textContent = 'Making the link…';
    const mark = marks[at] ?? marks.find((m) => m.getBoundingClientRect().top >= 0);
    const { url, problem } = await shareLink(current, {
      lenses: LENSES.filter(isOn),
      at: mark ? ann.spans[Number(mark.dataset.i)].start : undefined,
    });
    $('share-url').value = url ?? '';
    $('share-copy').disabled = !url;
    $('share-note').textContent = problem ?? (current.kind === 'seed'
      ? 'The link opens this article with the same highlights at the same place.'
      : 'The article’s text travels inside the link (compressed); nothing is sent anywhere.');
    if (url) $('share-url').select();
  };
  $('share-copy').onclick = async () => {
    try {
      await navigator.clipboard.writeText($('share-url').value);
      $('share-note').textContent = 'Link copied.';
    } catch {
      $('share-url').select();
      $('share-note').textContent = 'Copying was refused: the link is selected, press Ctrl+C.';
    }
  };

  // Wiring.
  legend.addEventListener('change', (event) => setLens(event.target.value, event.target.checked));
  article.addEventListener('focusin', (event) => {
    const mark = event.target.closest('mark[data-i]');
    if (!mark || !ann) return;
    const pos = ordinal.get(mark);
    if (pos === undefined) return;
    marks[at]?.setAttribute('tabindex', '-1');
    at = pos;
    mark.tabIndex = 0;
    showWhy(Number(mark.dataset.i));
    const k = group ? group.indices.indexOf(Number(mark.dataset.i)) : -1;
    if (k >= 0) {
      status(`${group.button.textContent}: mention ${k + 1} of ${group.indices.length}. ` +
        'Press its row again (or j) for the next; Escape clears.');
    }
  });
  refInput.addEventListener('change', async () => {
    if (!current || (refInput.value && !/^\d{4}-\d{2}-\d{2}$/.test(refInput.value))) return;
    current.reference_date = refInput.value || null;
    await library.update(current.key, { reference_date: current.reference_date });
    annotate();
  });
  $('refdate-reset').addEventListener('click', async () => {
    current.reference_date = current.own_reference_date;
    await library.update(current.key, { reference_date: current.reference_date });
    annotate();
  });
  document.addEventListener('keydown', (event) => {
    if ($('reader').hidden || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest('input, textarea, select, [contenteditable]')) return;
    const lens = LENSES['12345'.indexOf(event.key)];
    if (event.key.length === 1 && lens) setLens(lens, !isOn(lens));
    else if (event.key === 'j' || event.key === 'n') move(1);
    else if (event.key === 'k' || event.key === 'p') move(-1);
    else if (event.key === 'Escape' && group) {
      choose(null);
      status(`${ann.spans.length} highlights.`);
    }
    else return;
    event.preventDefault();
  });

  return {
    async open(articleData, { lenses, at: place } = {}) {
      const opening = ++opens;
      current = articleData;
      raw = null;
      status('Annotating…', true);
      // The engine starts at once; the corrections are read meanwhile.
      const sent = { at: performance.now(), result: annotator.annotate(current.text, options()) };
      sent.result.catch(() => {}); // answered in annotate()
      lastSelection = null;
      $('share-box').hidden = true;
      $('share').setAttribute('aria-expanded', 'false');
      showMenu(false);
      $('correct-note').textContent = '';
      ops = await corrections.get(current.key);
      if (opening !== opens) return; // another article was opened meanwhile
      if (ops.length) $('corrections').open = true;
      article.dataset.key = current.key; // which article is shown (the tests wait on it)
      delete article.dataset.laid;
      article.replaceChildren(); // not the last article's text while this one is read
      ann = null;
      marks = [];
      byIndex = new Map();
      ordinal = new Map();
      group = null;
      document.title = `${current.title} · newslens`;
      $('reader-title').textContent = current.title;
      why.replaceChildren(Object.assign(document.createElement('p'), {
        className: 'note', textContent: 'Focus or click a highlight to see what it is and how it was read.',
      }));
      for (const id of ['actors', 'places', 'timeline', 'figures', 'quotes']) $(`panel-${id}`).replaceChildren();
      showReference();
      if (lenses) for (const l of LENSES) setLens(l, lenses.includes(l));
      // A quick answer is laid out once, highlighted; a slow one (a long
      // text, a busy laptop) shows the plain text to read while it comes.
      const quick = await Promise.race([
        sent.result.then(() => true, () => true),
        new Promise((ok) => setTimeout(ok, PLAIN_AFTER_MS, false)),
      ]);
      if (opening !== opens) return;
      if (!quick) showPlain();
      await annotate(sent);
      // A shared link's place: the first highlight from there on.
      if (place !== undefined && ann) {
        const mark = marks.find((m) => isOn(m.dataset.label) && ann.spans[Number(m.dataset.i)].start >= place);
        if (mark) focusMark(mark);
      }
    },
    /** The article shown and its corrected annotations (null until annotated). */
    shown: () => (current && ann ? { article: current, ann } : null),
  };
}
