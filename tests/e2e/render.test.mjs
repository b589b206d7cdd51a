// Unit-style tests of www/lib/layout.js and lib/explain.js in the page, with
// hand-made spans: nesting, paragraphs, splitting, offsets, text-only insertion.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage } from './helpers.mjs';

let env;
let page;
before(async () => {
  env = await start();
  ({ page } = await openPage(env));
});
after(() => env.close());

/** Lays out text+spans in a detached <article>; returns what the DOM holds. */
function layout(text, spans) {
  return page.evaluate(async ({ text, spans }) => {
    const { layoutArticle } = await import('./lib/layout.js');
    const article = document.createElement('article');
    const { marks: heads, done } = layoutArticle(article, text, spans);
    await done;
    const shape = (node) => node.nodeType === 3 ? node.data
      : { tag: node.tagName.toLowerCase(), label: node.dataset?.label, part: node.dataset?.part, kids: [...node.childNodes].map(shape) };
    return {
      blocks: [...article.children].map(shape),
      heads: heads.map((m) => ({ i: Number(m.dataset.i), label: m.dataset.label, text: m.textContent, tabindex: m.getAttribute('tabindex') })),
      elements: [...article.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()),
      textContent: article.textContent,
    };
  }, { text, spans });
}

const span = (text, label, piece, from = 0) => {
  const start = text.indexOf(piece, from);
  return { label, type: label, start, end: start + piece.length, text: piece };
};

test('paragraphs and title line follow the source', async () => {
  const text = 'A title line\n\n\nFirst paragraph,\nsecond line.\n\n  Second paragraph.  \n';
  const out = await layout(text, []);
  assert.deepEqual(out.blocks.map((b) => b.tag), ['h1', 'p', 'p']);
  assert.deepEqual(out.blocks.map((b) => b.kids.join('')), ['A title line', 'First paragraph,\nsecond line.', 'Second paragraph.']);
});

test('a quote holds the marks inside it; every mark holds exactly its span text', async () => {
  const text = 'Title\n\n"Mosul will fall on Monday," said James Mattis.';
  const spans = [
    span(text, 'quote', '"Mosul will fall on Monday,"'),
    span(text, 'place', 'Mosul'),
    span(text, 'date', 'Monday'),
    span(text, 'actor', 'James Mattis'),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const out = await layout(text, spans);
  const p = out.blocks[1];
  assert.equal(p.kids[0].label, 'quote');
  assert.deepEqual(p.kids[0].kids.filter((k) => typeof k !== 'string').map((k) => k.label), ['place', 'date']);
  for (const h of out.heads) assert.equal(h.text, spans[h.i].text);
  assert.equal(out.heads.length, 4);
  assert.ok(out.heads.every((h) => h.tabindex === '-1'));
});

test('a quote and a name over the same range nest with the quote outside', async () => {
  const text = 'x "Mattis" y';
  const spans = [span(text, 'actor', 'Mattis'), span(text, 'quote', '"Mattis"')];
  const out = await layout(text, [spans[1], spans[0]]);
  assert.equal(out.blocks[0].kids[1].label, 'quote');
  assert.equal(out.blocks[0].kids[1].kids[1].label, 'actor');
});

test('a span across a paragraph break is split, with one head mark', async () => {
  const text = 'Intro.\n\n"First part.\n\nSecond part." he said.';
  const q = { label: 'quote', type: 'quote', start: 8, end: text.indexOf('he') - 1, text: text.slice(8, text.indexOf('he') - 1) };
  const out = await layout(text, [q]);
  assert.equal(out.heads.length, 1);
  assert.equal(out.blocks[2].kids[0].part, 'cont');
});

test('offsets are UTF-16 code units; markup in the text stays text', async () => {
  const text = 'Emoji 😀 in Mosul <b>bold</b> <img src=x onerror=alert(1)>';
  const at = text.indexOf('Mosul');
  const out = await layout(text, [{ label: 'place', type: 'place', start: at, end: at + 5, text: 'Mosul' }]);
  assert.equal(out.heads[0].text, 'Mosul');
  assert.deepEqual(out.elements, ['h1', 'mark']);
  assert.equal(out.textContent, text);
});

test('why texts: dates, hedged figures, aliases, quotes', async () => {
  const lines = await page.evaluate(async () => {
    const { explain } = await import('./lib/explain.js');
    const ann = {
      reference_date: '2017-02-21', reference_date_source: 'inferred', reference_date_clue: 'February 21, 2017',
      spans: [
        { label: 'date', type: 'date', text: 'Monday', value: '2017-02-20', start: 0, end: 6 },
        { label: 'figure', type: 'count', text: 'up to 750,000 civilians', value: '750000', approx: 'up to', approx_kind: 'upper', counts: 'civilians', source: 'the UN', start: 7, end: 30 },
        { label: 'actor', type: 'organization', text: 'Daesh', entity: 'ISIS', start: 31, end: 36 },
        { label: 'quote', type: 'quote', text: '"We will win"', speaker: 'James Mattis', start: 37, end: 50 },
      ],
      entities: [{ name: 'ISIS', type: 'organization', roles: [], aliases: ['ISIS', 'IS', 'Islamic State', 'Daesh'], mentions: [2] }],
    };
    return ann.spans.map((_, i) => explain(ann, i)).map(({ head, lines }) => [head, ...lines].join(' | '));
  });
  assert.match(lines[0], /^Monday → Monday 20 February 2017 \| resolved against the article date 21 Feb 2017 \(inferred from “February 21, 2017”\)/);
  assert.match(lines[1], /^up to 750,000 civilians — an upper bound \(“up to”\).*counts civilians.*according to the UN/);
  assert.match(lines[2], /^Daesh — same actor as ISIS, IS, Islamic State/);
  assert.match(lines[3], /^James Mattis → quote \| said by James Mattis/);
});
