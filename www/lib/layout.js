// Lays an annotated text out as paragraphs with nested <mark>s, by offsets.
//
//   const marks = layoutArticle(articleElement, text, spans);
//
// Paragraphs are the blank-line separated blocks of the source; a first block
// that looks like a title line becomes the heading. Each span becomes
// <mark data-label="…" data-i="index into spans" tabindex="-1">, its text
// exactly the span's text; quotes wrap the marks they contain. A span that
// cannot nest (it crosses a paragraph or another span) is split, and its later
// pieces carry data-part so that each span has one head mark.
// A span with `corrected` (lib/corrections.js) or `mine` (practice) says so in
// data-corrected / data-mine; each block carries data-start, its offset in the
// text, so that a selection can be mapped back to offsets (textOffset below).
// The text only ever enters the page as text nodes.
//
// Returns {marks, done}: the head marks in text order, and a promise that
// resolves when every paragraph is in the page. A long text is made and goes
// in by batches between tasks, so the page keeps answering while it is laid
// out: `marks` then grows batch by batch, and the `prepare(newMarks, from)`
// option sees each batch's head marks (and where they start in `marks`)
// before they enter the page.

const PARAGRAPH_BREAK = /\n[ \t\f\v\r\u00a0]*\n\s*/g;

/** [start, end) of each paragraph, trimmed of surrounding white space. */
export function paragraphs(text) {
  const out = [];
  let from = 0;
  const push = (a, b) => {
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    if (b > a) out.push([a, b]);
  };
  for (const m of text.matchAll(PARAGRAPH_BREAK)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return out;
}

/** A short single line without a full stop at the end reads as a title. */
function isTitleLine(text, [a, b]) {
  const line = text.slice(a, b);
  return b - a <= 200 && !line.includes('\n') && !/[.!?:;,]["”’']?$/.test(line);
}

// Outer spans first: by start, longer first, and a quote before a span of the same range.
function outerFirst(spans) {
  return spans
    .map((s, i) => ({ ...s, i }))
    .filter((s) => s.end > s.start)
    .sort((x, y) => x.start - y.start || y.end - x.end || (y.label === 'quote') - (x.label === 'quote'));
}

const FIRST = 200; // paragraphs shown at once: a screenful or more
const BATCH = 400; // paragraphs made and added per task after that, at most
const BUDGET = 30; // ms of making per task, at most (a batch stops early past it)
const runs = new WeakMap(); // article → its latest layout, so an older one stops

export function layoutArticle(article, text, spans = [], { titleTag = 'h1', prepare = () => {} } = {}) {
  const order = outerFirst(spans);
  const blocks = paragraphs(text);
  const marks = [];
  let next = 0;
  let carry = []; // spans that continue from an earlier paragraph
  // Blocks [from, to) with their marks, made in text order (each block takes
  // the spans carried over from the one before); `prepare` sees the new
  // head marks, and their place in `marks`, before they enter the page.
  const build = (from, to, until = Infinity) => {
    const before = marks.length;
    const parts = [];
    for (let n = from; n < to && (n === from || performance.now() < until); n++) {
      const [ps, pe] = blocks[n];
      const here = carry.filter((s) => s.end > ps);
      while (next < order.length && order[next].start < pe) {
        if (order[next].end > ps) here.push(order[next]);
        next++;
      }
      carry = here.filter((s) => s.end > pe);
      const block = document.createElement(n === 0 && isTitleLine(text, blocks[n]) ? titleTag : 'p');
      block.dataset.start = ps;
      fillBlock(block, text, ps, pe, here, marks);
      parts.push(block);
    }
    prepare(marks.slice(before), before);
    return parts;
  };
  const run = {};
  runs.set(article, run);
  article.classList.toggle('long', blocks.length > FIRST);
  article.replaceChildren(...build(0, Math.min(FIRST, blocks.length)));
  // The rest is made, not only added, a batch a task: a book's hundred
  // thousand marks made at once held the page still for a second.
  const done = new Promise((resolve) => {
    let k = FIRST;
    const more = () => {
      if (runs.get(article) !== run) return resolve(false);
      if (k >= blocks.length) return resolve(true);
      const parts = build(k, Math.min(k + BATCH, blocks.length), performance.now() + BUDGET);
      article.append(...parts);
      k += parts.length;
      setTimeout(more);
    };
    if (k >= blocks.length) resolve(true);
    else setTimeout(more);
  });
  return { marks, done };
}

// Cuts [ps, pe) at every span boundary; each piece is covered by a list of
// spans (outer first). A stack of open marks is kept and reopened as needed.
function fillBlock(block, text, ps, pe, spans, heads) {
  const cuts = new Set([ps, pe]);
  for (const s of spans) {
    cuts.add(Math.max(s.start, ps));
    cuts.add(Math.min(s.end, pe));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const stack = [{ el: block, span: null }];
  const started = new Set();
  for (let k = 0; k + 1 < points.length; k++) {
    const [a, b] = [points[k], points[k + 1]];
    const cover = spans.filter((s) => s.start <= a && s.end >= b);
    let keep = 0;
    while (keep < cover.length && keep + 1 < stack.length && stack[keep + 1].span === cover[keep]) keep++;
    stack.length = keep + 1;
    for (const s of cover.slice(keep)) {
      const mark = document.createElement('mark');
      mark.dataset.label = s.label;
      mark.dataset.i = s.i;
      if (s.corrected) mark.dataset.corrected = s.corrected;
      if (s.mine) mark.dataset.mine = '';
      if (s.result) mark.dataset.result = s.result;
      if (started.has(s.i) || s.start < ps) mark.dataset.part = 'cont';
      else {
        mark.tabIndex = -1;
        heads.push(mark);
      }
      started.add(s.i);
      stack.at(-1).el.append(mark);
      stack.push({ el: mark, span: s });
    }
    stack.at(-1).el.append(document.createTextNode(text.slice(a, b)));
  }
}

/**
 * The text offset of a DOM position (node, offset) inside a laid-out article,
 * or -1 outside of it: the block's data-start plus the text before it there.
 */
export function textOffset(article, node, offset) {
  const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  const block = el?.closest('[data-start]');
  if (!block || !article.contains(block)) return -1;
  let at = Number(block.dataset.start);
  if (node.nodeType === Node.ELEMENT_NODE) {
    // A position between children: count the text of the children before it.
    const range = document.createRange();
    range.setStart(block, 0);
    range.setEnd(node, offset);
    return at + range.toString().length;
  }
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (t === node) return at + offset;
    at += t.data.length;
  }
  return -1;
}

/** The [start, end) of the current selection inside the article, trimmed of spaces; null if none. */
export function selectedRange(article, text) {
  const sel = getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const r = sel.getRangeAt(0);
  let a = textOffset(article, r.startContainer, r.startOffset);
  let b = textOffset(article, r.endContainer, r.endOffset);
  if (a < 0 || b < 0) return null;
  while (a < b && /\s/.test(text[a])) a++;
  while (b > a && /\s/.test(text[b - 1])) b--;
  return b > a ? [a, b] : null;
}

/** The word around offset `at` ([start, end)), or null on white space. */
export function wordAt(text, at) {
  const isWord = (c) => c !== undefined && /[\p{L}\p{N}'’,.-]/u.test(c);
  if (!isWord(text[at])) return null;
  let a = at;
  let b = at;
  while (a > 0 && isWord(text[a - 1])) a--;
  while (b < text.length && isWord(text[b])) b++;
  // Trailing punctuation is not part of the word.
  while (b > a && /[,.'’-]/.test(text[b - 1])) b--;
  while (a < b && /[,.'’-]/.test(text[a])) a++;
  return b > a ? [a, b] : null;
}
