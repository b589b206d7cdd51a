// The lists beside the text: Actors, Places, Timeline, Figures, Quotes.
// Each row's button jumps to the text; a row for several mentions (an actor, a
// place) marks them all and steps through them on each press.
//
//   renderPanels(annotations, text, (indices, button) => reader.jump(indices, button));
//
// Markup: <ul id="panel-actors"> … in index.html; rows are <li><button>name</button> meta</li>.

import { describeAmount, describeDate, describeDuration, describeHedge, isCalendarPoint, sentenceAround } from '../lib/explain.js';

const $ = (id) => document.getElementById(id);

function row(name, meta, indices, onJump, { group = false, extra } = {}) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'jump';
  button.textContent = name;
  if (group) button.setAttribute('aria-pressed', 'false');
  button.onclick = () => onJump(indices, button);
  const li = document.createElement('li');
  li.append(button);
  if (meta) {
    const span = document.createElement('span');
    span.className = 'meta';
    span.textContent = meta;
    li.append(' ', span);
  }
  if (extra) {
    const p = document.createElement('p');
    p.className = 'context';
    p.textContent = extra;
    li.append(p);
  }
  return li;
}

const MAX_ROWS = 300; // a long paste would otherwise make thousands of rows

/**
 * Fills list `id` with a row for each of `items` (`toRow` makes one), at most
 * MAX_ROWS of them and a note saying how many more; `empty` when none. Rows
 * are made only for the items shown: a book has a hundred thousand.
 */
function fill(id, items, toRow, empty) {
  const note = (text) => Object.assign(document.createElement('li'), { className: 'note', textContent: text });
  const rows = items.slice(0, MAX_ROWS).map(toRow);
  if (items.length > MAX_ROWS) rows.push(note(`… and ${items.length - MAX_ROWS} more; j and k reach them in the text.`));
  $(id).replaceChildren(...(rows.length ? rows : [note(empty)]));
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const clip = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Span indices grouped by a key, in order of first appearance. */
function groupBy(ann, label, key) {
  const groups = new Map();
  ann.spans.forEach((s, i) => {
    if (s.label !== label) return;
    const k = key(s);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(i);
  });
  return groups;
}

export function renderPanels(ann, text, onJump) {
  const { spans } = ann;

  // Actors: the core's entities, plus any actor mention it left without one.
  const actors = ann.entities.map((e) => ({ name: e.name, type: e.type, roles: e.roles, indices: e.mentions }));
  const loose = groupBy(ann, 'actor', (s) => (s.entity ? null : s.text));
  loose.delete(null);
  for (const [name, indices] of loose) actors.push({ name, type: spans[indices[0]].type, roles: [], indices });
  actors.sort((a, b) => b.indices.length - a.indices.length || a.indices[0] - b.indices[0]);
  fill('panel-actors', actors, (a) =>
    row(a.name, [a.type, a.roles.join('; '), plural(a.indices.length, 'mention')].filter(Boolean).join(' · '),
      a.indices, onJump, { group: true }), 'No actors found.');

  const places = [...groupBy(ann, 'place', (s) => s.value ?? s.text)].map(([name, indices]) => ({ name, indices }));
  places.sort((a, b) => b.indices.length - a.indices.length || a.indices[0] - b.indices[0]);
  fill('panel-places', places, (p) =>
    row(p.name, plural(p.indices.length, 'mention'), p.indices, onJump, { group: true }), 'No places found.');

  // Timeline: calendar points in date order, then spans of time, then the rest.
  // The spans of one lens, each with its index.
  const withLabel = (label) => spans.flatMap((s, i) => (s.label === label ? [{ s, i }] : []));
  const dates = withLabel('date');
  const points = dates.filter(({ s }) => isCalendarPoint(s.value) && s.type !== 'duration')
    .sort((a, b) => (a.s.value < b.s.value ? -1 : a.s.value > b.s.value ? 1 : a.i - b.i));
  const lasting = dates.filter(({ s }) => s.type === 'duration');
  const placed = new Set([...points, ...lasting]);
  const other = dates.filter((d) => !placed.has(d));
  const timeline = [
    ...points.map(({ s, i }) => () => row(describeDate(s.value, s.mod), `“${s.text}”`, [i], onJump)),
    ...lasting.map(({ s, i }) => () => {
      const li = row(`lasting ${describeDuration(s.value ?? '')}`, `“${s.text}” · span of time`, [i], onJump);
      li.classList.add('duration');
      return li;
    }),
    ...other.map(({ s, i }) => () => row(s.value ? describeDate(s.value, s.mod) : s.text, `“${s.text}” · ${s.type}`, [i], onJump)),
  ];
  fill('panel-timeline', timeline, (make) => make(), 'No dates found.');

  // The sentence is shown once for the figures it holds (rows are made in
  // order, so the last sentence shown is the row above's).
  let lastSentence = '';
  fill('panel-figures', withLabel('figure'), ({ s, i }) => {
    const sentence = clip(sentenceAround(text, s.start, s.end), 300);
    const extra = sentence === lastSentence ? '' : sentence;
    lastSentence = sentence;
    return row(s.text,
      [describeHedge(s), s.value && `value ${describeAmount(s.value)}${s.unit ? ` ${s.unit}` : ''}`, s.counts && `counts ${s.counts}`,
        s.source && `says ${s.source}`].filter(Boolean).join(' · '),
      [i], onJump, { extra });
  }, 'No figures found.');

  fill('panel-quotes', withLabel('quote'), ({ s, i }) =>
    row(`${s.speaker ?? 'Unattributed'} → “${clip(s.text.replace(/^["“”]+|["“”]+$/g, ''), 160)}”`, '', [i], onJump),
  'No quotes found.');
}
