// The reading view: the article with its highlights, the legend, the
// reference date, the "why" box, the panels and the keys.
//
//   const reader = createReader({ annotator, library, say });
//   await reader.open(article);     // from library.find()
//
// The whole text is annotated once, with the options the CLI would use, and
// laid out by offsets. Highlights follow the roving-tabindex pattern: one mark
// is in the tab order (tabindex 0), j/k move between them, Tab leaves.

import { layoutArticle } from '../lib/layout.js';
import { explain, describeReference, shortDate } from '../lib/explain.js';
import { renderPanels } from './panels.js';

const $ = (id) => document.getElementById(id);
const LENSES = ['actor', 'place', 'date', 'figure', 'quote'];

export function createReader({ annotator, library, say }) {
  const article = $('article');
  const legend = $('legend');
  const why = $('why');
  const refInput = $('refdate');
  let current = null; // {key, text, reference_date, …}
  let ann = null;
  let marks = []; // head marks in text order
  let byIndex = new Map(); // span index → head mark
  let ordinal = new Map(); // head mark → its position in marks
  let at = -1; // position in marks of the current highlight
  let group = null; // {indices, button} of the chosen actor or place
  let run = 0;
  let firstShown = false;

  const isOn = (label) => !article.classList.contains(`hide-${label}`);

  function status(message, busy = false) {
    $('reader-status-text').textContent = message;
    $('busy').hidden = !busy;
    article.setAttribute('aria-busy', String(busy));
  }

  // Marks of hidden lenses leave the focus order; one visible mark is tabbable.
  function syncFocusable() {
    for (const m of marks) {
      if (isOn(m.dataset.label)) m.tabIndex = -1;
      else m.removeAttribute('tabindex');
    }
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
    why.replaceChildren(title, list);
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
    group = indices && button ? { indices, button } : null;
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

  async function annotate() {
    const mine = ++run;
    status('Annotating…', true);
    // The same options as `newslens annotate [--reference-date D] FILE`.
    const options = current.reference_date ? { reference_date: current.reference_date } : {};
    const t0 = performance.now();
    try {
      const result = await annotator.annotate(current.text, options);
      if (mine !== run) return;
      ann = result;
      const laid = layoutArticle(article, current.text, ann.spans);
      marks = laid.marks;
      byIndex = new Map(marks.map((m) => [Number(m.dataset.i), m]));
      ordinal = new Map(marks.map((m, k) => [m, k]));
      at = -1;
      group = null;
      syncFocusable();
      if (!firstShown) {
        firstShown = true;
        performance.mark('first-highlights');
      }
      renderPanels(ann, current.text, jump);
      showReference();
      if (!(await laid.done) || mine !== run) return;
      status(`${ann.spans.length} highlights.`);
      // For the browser tests' timing: annotation plus layout of this article.
      performance.measure('annotate', { start: t0, detail: current.key });
    } catch (e) {
      if (mine !== run) return;
      status('No highlights: the text is shown plain.');
      say(`This article could not be annotated: ${e.message}. Its text is shown without highlights.`);
    }
  }

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
    async open(articleData) {
      current = articleData;
      article.dataset.key = current.key; // which article is shown (the tests wait on it)
      ann = null;
      marks = [];
      byIndex = new Map();
      ordinal = new Map();
      group = null;
      document.title = `${current.title} · newslens`;
      // The plain text first, so there is something to read while the worker runs.
      layoutArticle(article, current.text, []);
      // The page's heading is the article's title line, or else a hidden one.
      const heading = $('reader-title');
      heading.textContent = current.title;
      heading.hidden = Boolean(article.querySelector('h1'));
      why.replaceChildren(Object.assign(document.createElement('p'), {
        className: 'note', textContent: 'Focus or click a highlight to see what it is and how it was read.',
      }));
      for (const id of ['actors', 'places', 'timeline', 'figures', 'quotes']) $(`panel-${id}`).replaceChildren();
      showReference();
      await annotate();
    },
  };
}
