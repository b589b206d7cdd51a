// Practice: the chosen lenses are hidden, the student marks what she finds
// and answers questions generated from the annotations (which day a relative
// date is, what a figure counts); Check gives a score, what was missed and
// what was extra. Works for any article: everything comes from its spans.
//
//   const practice = createPractice({ annotator, library, corrections, say });
//   await practice.open(article);    // from library.find()

import { layoutArticle, selectedRange, textOffset, wordAt } from '../lib/layout.js';
import { applyCorrections, LENS_NAMES } from '../lib/corrections.js';
import { describeDate, sentenceAround } from '../lib/explain.js';
import { countsKey } from './compare.js';

const $ = (id) => document.getElementById(id);
const MAX_QUESTIONS = 3; // of each kind

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function addDays(iso, n) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const FALLBACK_COUNTS = ['people', 'days', 'soldiers', 'buildings', 'dollars', 'countries'];

/** Questions from the annotations: [{span, prompt, choices: [{value, text}], answer}]. */
export function questions(ann, text) {
  const out = [];
  // A date the text gives without its year was worked out: which day is it?
  // Words alone (`Monday`, `yesterday`, `that day`) need the most working out: they come first.
  const rank = (s) => (/\b(mon|tues|wednes|thurs|fri|satur|sun)day\b/i.test(s.text) ? 0 : /\d/.test(s.text) ? 2 : 1);
  const dates = ann.spans.filter((s) => s.label === 'date' && s.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(s.value ?? '') && !/\d{4}/.test(s.text))
    .map((s, k) => ({ s, k })).sort((a, b) => rank(a.s) - rank(b.s) || a.k - b.k).map(({ s }) => s);
  const seen = new Set();
  for (const s of dates) {
    if (out.length >= MAX_QUESTIONS) break;
    if (seen.has(s.text.toLowerCase())) continue;
    seen.add(s.text.toLowerCase());
    const near = [s.value, addDays(s.value, -1), addDays(s.value, 1), addDays(s.value, -7)].sort();
    out.push({ span: s, prompt: `Which day is “${s.text}”?`, answer: s.value,
      choices: near.map((v) => ({ value: v, text: describeDate(v) })) });
  }
  const figures = ann.spans.filter((s) => s.label === 'figure' && s.counts);
  const nouns = [...new Set(figures.map((s) => countsKey(s.counts)))];
  let made = 0;
  for (const s of figures) {
    if (made >= MAX_QUESTIONS) break;
    const right = countsKey(s.counts);
    const others = [...nouns, ...FALLBACK_COUNTS].filter((n, k, all) => n !== right && all.indexOf(n) === k).slice(0, 3);
    if (others.length < 2) continue;
    made++;
    out.push({ span: s, prompt: `What does “${s.text}” count?`, answer: right,
      choices: [right, ...others].sort().map((v) => ({ value: v, text: v })) });
  }
  for (const q of out) q.context = sentenceAround(text, q.span.start, q.span.end);
  return out;
}

/** Marks against targets: a target is found by a mark of its lens that overlaps it. */
export function score(targets, mine) {
  const hit = (m, t) => m.label === t.label && m.start < t.end && t.start < m.end;
  const found = targets.filter((t) => mine.some((m) => hit(m, t)));
  const missed = targets.filter((t) => !found.includes(t));
  const extra = mine.filter((m) => !targets.some((t) => hit(m, t)));
  return { found, missed, extra };
}

export function createPractice({ annotator, library, corrections }) {
  const article = $('practice-article');
  let current = null;
  let ann = null;
  let mine = []; // the student's marks: {start, end, label}
  let qs = [];
  let checked = null; // the result of Check, while it shows
  let laidOut = []; // the spans of the marks in the text now (data-i indexes it)
  let run = 0;

  const hidden = () => [...$('practice-hide').querySelectorAll('input:checked')].map((i) => i.value);
  const markAs = () => $('practice-as').querySelector('input:checked')?.value ?? 'date';
  const status = (m) => ($('practice-status').textContent = m);

  function render() {
    const hide = new Set(hidden());
    const shown = ann.spans.filter((s) => !hide.has(s.label));
    let spans;
    if (checked) {
      spans = [...shown,
        ...checked.found.map((s) => ({ ...s, result: 'found' })),
        ...checked.missed.map((s) => ({ ...s, result: 'missed' })),
        ...checked.extra.map((s) => ({ ...s, text: current.text.slice(s.start, s.end), mine: true, result: 'extra' }))];
    } else {
      spans = [...shown, ...mine.map((m) => ({ ...m, text: current.text.slice(m.start, m.end), mine: true }))];
    }
    // The student's own marks are reachable by keyboard, to take them back.
    const prepare = (batch) => {
      for (const m of batch) {
        if ('mine' in m.dataset && !checked) {
          m.tabIndex = 0;
          m.setAttribute('aria-label', `${m.textContent}, marked by you as ${LENS_NAMES[m.dataset.label]}; press Delete to take back`);
        } else m.removeAttribute('tabindex');
      }
    };
    layoutArticle(article, current.text, spans, { titleTag: 'h2', prepare });
    laidOut = spans;
  }

  function renderQuestions() {
    $('practice-questions').replaceChildren(...qs.map((q, k) => {
      const field = el('fieldset', { className: 'question' },
        el('legend', { textContent: q.prompt }),
        el('p', { className: 'context', textContent: q.context }),
        ...q.choices.map((c) => el('label', {}, el('input', { type: 'radio', name: `q${k}`, value: c.value }), ` ${c.text}`)),
        el('p', { className: 'verdict', role: 'status' }));
      return el('li', {}, field);
    }));
    if (!qs.length) $('practice-questions').append(el('li', { className: 'note', textContent: 'No questions for this article.' }));
  }

  function add(range, label) {
    if (!range) return;
    const [start, end] = range;
    // A new mark replaces any of the student's that it overlaps.
    mine = mine.filter((m) => m.end <= start || m.start >= end);
    mine.push({ start, end, label });
    mine.sort((a, b) => a.start - b.start);
    status(`Marked “${current.text.slice(start, end)}” as ${LENS_NAMES[label]}. ${mine.length} mark${mine.length === 1 ? '' : 's'} so far.`);
    render();
  }

  function takeBack(mark) {
    const s = laidOut[Number(mark.dataset.i)];
    mine = mine.filter((m) => !(m.start === s.start && m.end === s.end));
    status(`Took back “${s.text}”.`);
    render();
  }

  function check() {
    const hide = new Set(hidden());
    const targets = ann.spans.filter((s) => hide.has(s.label));
    checked = score(targets, mine);
    let right = 0;
    $('practice-questions').querySelectorAll('fieldset').forEach((field, k) => {
      const q = qs[k];
      const chosen = field.querySelector('input:checked')?.value;
      const ok = chosen === q.answer;
      if (ok) right++;
      const answer = q.choices.find((c) => c.value === q.answer).text;
      field.dataset.result = ok ? 'right' : 'wrong';
      field.querySelector('.verdict').textContent = ok ? `Right: ${answer}.` : `${chosen ? 'Not quite' : 'Not answered'}: it is ${answer}.`;
    });
    const total = targets.length + qs.length;
    const got = checked.found.length + right;
    const box = $('practice-result');
    // Long lists fold away behind a count per lens.
    const list = (title, spans) => {
      if (!spans.length) return [];
      const per = Object.keys(LENS_NAMES).map((l) => [l, spans.filter((s) => s.label === l).length]).filter(([, n]) => n);
      const items = el('ul', {}, ...spans.map((s) => el('li', { textContent: `“${current.text.slice(s.start, s.end)}” — ${LENS_NAMES[s.label]}` })));
      const summary = `${title} (${spans.length}): ${per.map(([l, n]) => `${n} ${LENS_NAMES[l].toLowerCase()}${n === 1 ? '' : 's'}`).join(', ')}`;
      if (spans.length <= 8) return [el('h3', { textContent: summary }), items];
      return [el('details', {}, el('summary', { textContent: summary }), items)];
    };
    box.replaceChildren(
      el('p', { className: 'score', textContent: `Score: ${got} of ${total}` }),
      el('p', { textContent: `You found ${checked.found.length} of ${targets.length} highlights and answered ${right} of ${qs.length} questions. ` +
        'In the text, what you found is marked “found”, what you missed “missed”, and marks that match nothing “extra”.' }),
      ...list('Missed', checked.missed), ...list('Extra', checked.extra));
    box.hidden = false;
    render();
    box.focus();
  }

  function restart() {
    mine = [];
    checked = null;
    $('practice-result').hidden = true;
    status('');
    render();
    renderQuestions();
  }

  // Wiring.
  $('practice-hide').addEventListener('change', () => ann && restart());
  $('practice-check').onclick = () => ann && check();
  $('practice-again').onclick = () => ann && restart();
  $('practice-mark').onclick = () => {
    if (!ann || checked) return;
    const range = selectedRange(article, current.text);
    if (!range) return status('Select some words in the text first.');
    add(range, markAs());
    getSelection().removeAllRanges();
  };
  // By keyboard: the next place the typed words stand in the text, not yet marked.
  $('practice-find').onsubmit = (event) => {
    event.preventDefault();
    if (!ann || checked) return;
    const words = $('practice-words').value.trim();
    if (!words) return;
    const lower = current.text.toLowerCase();
    const isWord = (c) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
    for (let at = lower.indexOf(words.toLowerCase()); at >= 0; at = lower.indexOf(words.toLowerCase(), at + 1)) {
      const end = at + words.length;
      if (isWord(current.text[at - 1]) || isWord(current.text[end])) continue;
      if (mine.some((m) => m.start < end && at < m.end)) continue;
      add([at, end], markAs());
      $('practice-words').value = '';
      return;
    }
    status(`“${words}” is not in the text${mine.length ? ', or every place it stands is marked already' : ''}.`);
  };
  article.addEventListener('mouseup', (event) => {
    if (!ann || checked || event.button !== 0) return;
    const own = event.target.closest('mark[data-mine]');
    const range = selectedRange(article, current.text);
    if (range) {
      add(range, markAs());
      getSelection().removeAllRanges();
    } else if (own) takeBack(own);
    else {
      const caret = document.caretPositionFromPoint?.(event.clientX, event.clientY);
      const range2 = caret ? null : document.caretRangeFromPoint?.(event.clientX, event.clientY);
      const at = caret ? textOffset(article, caret.offsetNode, caret.offset)
        : range2 ? textOffset(article, range2.startContainer, range2.startOffset) : -1;
      if (at >= 0) add(wordAt(current.text, at) ?? wordAt(current.text, at - 1), markAs());
    }
  });
  article.addEventListener('keydown', (event) => {
    const own = event.target.closest?.('mark[data-mine]');
    if (own && (event.key === 'Delete' || event.key === 'Backspace' || event.key === 'Enter')) {
      event.preventDefault();
      takeBack(own);
    }
  });

  return {
    async open(articleData) {
      const ticket = ++run;
      current = articleData;
      ann = null;
      mine = [];
      checked = null;
      qs = [];
      document.title = `Practice: ${current.title} · newslens`;
      $('practice-title').textContent = `Practice: ${current.title}`;
      $('practice-back').href = `#read/${encodeURIComponent(current.key)}`;
      $('practice-result').hidden = true;
      $('practice-questions').replaceChildren();
      article.dataset.key = current.key;
      article.setAttribute('aria-busy', 'true');
      layoutArticle(article, current.text, [], { titleTag: 'h2' });
      status('Preparing the exercise…');
      try {
        const options = current.reference_date ? { reference_date: current.reference_date } : {};
        const raw = await annotator.annotate(current.text, options);
        if (ticket !== run) return;
        ann = applyCorrections(raw, current.text, await corrections.get(current.key));
        qs = questions(ann, current.text);
        restart();
        status(`Find the hidden ${hidden().map((l) => LENS_NAMES[l].toLowerCase() + 's').join(', ') || 'nothing'}.`);
      } catch (e) {
        if (ticket === run) status(`This article could not be prepared: ${e.message}.`);
      } finally {
        if (ticket === run) article.setAttribute('aria-busy', 'false');
      }
    },
  };
}
