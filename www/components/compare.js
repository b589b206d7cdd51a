// Compare: several articles side by side — the actors they share and who
// appears where, the figures about the same thing (grouped by what they
// count) with their values and hedges, and their dates on one timeline.
// Rows where the articles differ say so in words, not by colour alone.
//
//   const compare = createCompare({ annotator, library, corrections });
//   await compare.open(['seed:000_….txt', 'seed:002_….txt']);   // [] = every seed

import { applyCorrections } from '../lib/corrections.js';
import { describeAmount, describeDate, describeHedge, isCalendarPoint } from '../lib/explain.js';

const $ = (id) => document.getElementById(id);
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

const IRREGULAR = { children: 'child', people: 'people', men: 'man', women: 'woman', persons: 'person' };

/**
 * What a figure counts, lightly normalised so that the same thing meets:
 * lower case, without a leading determiner, the last word singular
 * (`civilians` and `civilian`, `the children` and `child`).
 */
export function countsKey(counts) {
  const words = counts.toLowerCase().replace(/[’']s\b/g, '').split(/\s+/).filter(Boolean);
  while (words.length > 1 && /^(the|a|an|some|more|other|of|about)$/.test(words[0])) words.shift();
  const last = words.at(-1) ?? '';
  let one = IRREGULAR[last];
  if (!one) {
    if (/[^aeiou]ies$/.test(last)) one = `${last.slice(0, -3)}y`;
    else if (/(ss|sh|ch|x)es$/.test(last)) one = last.slice(0, -2);
    else if (/[^s]s$/.test(last)) one = last.slice(0, -1);
    else one = last;
  }
  words[words.length - 1] = one;
  return words.join(' ');
}

function table(caption, heads, rows) {
  const head = el('tr', {}, ...heads.map((h) => el('th', { scope: 'col', textContent: h })));
  const t = el('table', { className: 'grid' }, el('caption', { textContent: caption }), el('thead', {}, head), el('tbody', {}, ...rows));
  // A wide table scrolls inside its own box, which the keyboard can reach.
  const box = el('div', { className: 'scroll', tabIndex: 0 }, t);
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', caption);
  return box;
}

function cellList(items) {
  if (!items.length) return el('td', { className: 'absent', textContent: '—' });
  const ul = el('ul', {}, ...items.map((i) => el('li', { textContent: i })));
  return el('td', {}, ul);
}

export function createCompare({ annotator, library, corrections }) {
  let run = 0;

  function renderChoices(keys) {
    $('compare-choices').replaceChildren(...library.all().map((a) => {
      const box = el('input', { type: 'checkbox', value: a.key, checked: keys.includes(a.key) });
      return el('label', {}, box, ` ${a.title}`);
    }));
  }

  async function load(key) {
    const article = await library.find(key);
    if (!article) return null;
    const options = article.reference_date ? { reference_date: article.reference_date } : {};
    const raw = await annotator.annotate(article.text, options);
    return { article, ann: applyCorrections(raw, article.text, await corrections.get(key)) };
  }

  function render(docs) {
    const letter = (k) => LETTERS[k] ?? String(k + 1);
    const heads = docs.map((_, k) => letter(k));
    const note = el('p', { className: 'note', textContent: 'In the tables, a solid bar marks a row found in every article, a dashed bar one found in several; “the numbers differ” marks figures that disagree.' });
    const key = el('ol', { className: 'key' }, ...docs.map((d, k) =>
      el('li', {}, el('strong', { textContent: `${letter(k)}: ` }), el('a', { href: `#read/${encodeURIComponent(d.article.key)}`, textContent: d.article.title }),
        el('span', { className: 'meta', textContent: d.ann.reference_date ? ` · dated ${describeDate(d.ann.reference_date)}` : '' }))));
    const where = (ks) => (ks.length === docs.length ? `in all ${docs.length}` : `only in ${ks.map(letter).join(', ')}`);

    // Actors: by entity (Daesh, ISIS and Islamic State are one), else by name.
    const actors = new Map();
    docs.forEach((d, k) => {
      d.ann.spans.forEach((s) => {
        if (s.label !== 'actor') return;
        const name = s.entity ?? s.text;
        if (!actors.has(name)) actors.set(name, { name, forms: new Set(), counts: docs.map(() => 0) });
        const a = actors.get(name);
        a.forms.add(s.text);
        a.counts[k]++;
      });
    });
    const actorRows = [...actors.values()]
      .map((a) => ({ ...a, in: a.counts.flatMap((c, k) => (c ? [k] : [])) }))
      .sort((x, y) => y.in.length - x.in.length || y.counts.reduce((p, q) => p + q) - x.counts.reduce((p, q) => p + q));
    const shared = actorRows.filter((a) => a.in.length > 1);
    const single = actorRows.filter((a) => a.in.length === 1);
    const actorRow = (a) => {
      const others = [...a.forms].filter((f) => f !== a.name);
      const name = el('th', { scope: 'row' }, a.name);
      if (others.length) name.append(el('span', { className: 'meta', textContent: ` (also ${others.join(', ')})` }));
      name.append(el('span', { className: 'where', textContent: ` · ${where(a.in)}` }));
      return el('tr', { className: a.in.length === docs.length ? 'all' : 'some' }, name,
        ...a.counts.map((c) => (c ? el('td', { textContent: `${c} mention${c === 1 ? '' : 's'}` }) : el('td', { className: 'absent', textContent: 'not named' }))));
    };

    // Figures: grouped by what they count; a group in two or more articles first.
    const groups = new Map();
    docs.forEach((d, k) => {
      d.ann.spans.forEach((s) => {
        if (s.label !== 'figure' || !s.counts) return;
        const g = countsKey(s.counts);
        if (!groups.has(g)) groups.set(g, { name: g, items: docs.map(() => []), values: new Set() });
        const group = groups.get(g);
        group.items[k].push(s);
        group.values.add(s.value ?? s.text);
      });
    });
    const figureRows = [...groups.values()]
      .map((g) => ({ ...g, in: g.items.flatMap((x, k) => (x.length ? [k] : [])) }))
      .sort((x, y) => y.in.length - x.in.length || y.items.flat().length - x.items.flat().length);
    const figureRow = (g) => {
      const name = el('th', { scope: 'row' }, g.name, el('span', { className: 'where', textContent: ` · ${where(g.in)}` }));
      if (g.in.length > 1 && g.values.size > 1) {
        name.append(el('strong', { className: 'differs', textContent: ' · the numbers differ' }));
      }
      return el('tr', { className: g.in.length > 1 ? 'some' : '' }, name, ...g.items.map((list) =>
        cellList(list.map((s) => [`“${s.text}”`, describeHedge(s), s.value && `= ${describeAmount(s.value)}`,
          s.source && `says ${s.source}`].filter(Boolean).join(' · ')))));
    };

    // One timeline: every calendar date of every article, in date order.
    const dates = new Map();
    docs.forEach((d, k) => {
      d.ann.spans.forEach((s) => {
        if (s.label !== 'date' || s.type === 'duration' || !isCalendarPoint(s.value)) return;
        const v = `${s.value}|${s.mod ?? ''}`;
        if (!dates.has(v)) dates.set(v, { value: s.value, mod: s.mod, items: docs.map(() => []) });
        dates.get(v).items[k].push(s);
      });
    });
    const dateRows = [...dates.values()].sort((x, y) => (x.value < y.value ? -1 : x.value > y.value ? 1 : 0)).map((t) => {
      const ks = t.items.flatMap((x, k) => (x.length ? [k] : []));
      return el('tr', { className: ks.length > 1 ? 'some' : '' },
        el('th', { scope: 'row' }, describeDate(t.value, t.mod), el('span', { className: 'where', textContent: ` · ${where(ks)}` })),
        ...t.items.map((list) => cellList([...new Set(list.map((s) => `“${s.text}”`))])));
    });

    const section = (title, intro, ...content) => el('section', { className: 'compare-part' },
      el('h2', { textContent: title }), el('p', { className: 'note', textContent: intro }), ...content);
    const oneOnly = (label, rows) => (rows.length ? [el('details', {}, el('summary', { textContent: label }), table(label, ['', ...heads], rows))] : []);
    $('compare-out').replaceChildren(
      key, note,
      section('Actors', 'Who each article names; the same actor under different names is one row.',
        table('Actors named in two or more articles', ['Actor', ...heads], shared.map(actorRow)),
        ...oneOnly(`Actors named in one article only (${single.length})`, single.map(actorRow))),
      section('Figures', 'Numbers about the same thing (what they count), with their hedges: where reports differ, ask who gives each number.',
        table('What the figures count', ['Counts', ...heads], figureRows.filter((g) => g.in.length > 1).map(figureRow)),
        ...oneOnly(`Figures in one article only (${figureRows.filter((g) => g.in.length === 1).length})`,
          figureRows.filter((g) => g.in.length === 1).map(figureRow))),
      section('Timeline', 'Every calendar date of the articles, in order, each resolved against its own article’s date.',
        table('Dates of all the articles', ['Date', ...heads], dateRows)));
  }

  $('compare-form').onsubmit = (event) => {
    event.preventDefault();
    const keys = [...$('compare-choices').querySelectorAll('input:checked')].map((i) => i.value);
    if (keys.length < 2) {
      $('compare-status').textContent = 'Choose two or more articles.';
      return;
    }
    location.hash = `#compare/${keys.map(encodeURIComponent).join(',')}`;
  };

  return {
    async open(keys) {
      const mine = ++run;
      const all = library.all();
      if (keys.length < 2) keys = all.filter((a) => a.key.startsWith('seed:')).map((a) => a.key);
      renderChoices(keys);
      document.title = 'Compare · newslens';
      $('compare-status').textContent = `Annotating ${keys.length} articles…`;
      $('compare-out').replaceChildren();
      try {
        const docs = (await Promise.all(keys.map(load))).filter(Boolean);
        if (mine !== run) return;
        render(docs);
        $('compare-status').textContent = `${docs.length} articles compared.`;
      } catch (e) {
        if (mine !== run) return;
        $('compare-status').textContent = `The articles could not be compared: ${e.message}.`;
      }
    },
  };
}
