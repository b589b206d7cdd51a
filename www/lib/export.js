// Exports of an annotated article (the corrected one, when there are corrections).
//
//   const files = await exportAs('json', { doc, title, text, ann });   // [{name, type, content}]
//   download(files);
//
// The page works in UTF-16 offsets (String.slice); most formats count Unicode
// code points (the CLI, ANNOTATION.md, brat, the W3C TextPositionSelector,
// Python's str in spaCy), so offsets are converted here, once per export.
// Every format names the offsets it uses.

import { layoutArticle } from './layout.js';
import { describeDate, describeAmount, describeHedge, shortDate } from './explain.js';

export const FORMATS = [
  { id: 'json', name: 'JSON', note: 'the CLI’s format, code-point offsets' },
  { id: 'csv', name: 'CSV', note: 'a row per highlight, code-point offsets' },
  { id: 'webanno', name: 'Web Annotation', note: 'W3C JSON-LD, code-point offsets' },
  { id: 'brat', name: 'brat standoff', note: '.ann and .txt, code-point offsets' },
  { id: 'displacy', name: 'displaCy JSON', note: 'spaCy, Python (code-point) offsets' },
  { id: 'html', name: 'HTML handout', note: 'one self-contained page to print or share' },
];

const ATTRS = ['value', 'mod', 'approx', 'approx_kind', 'counts', 'unit', 'source', 'entity', 'role', 'speaker', 'why', 'corrected'];

/** UTF-16 offset → code-point offset, for every offset of the text. */
export function codePointOffsets(text) {
  const map = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let u = 0; u < text.length; u++) {
    map[u] = cp;
    const c = text.charCodeAt(u);
    // The low half of a surrogate pair is inside the same code point.
    if (!(c >= 0xdc00 && c <= 0xdfff && u > 0 && text.charCodeAt(u - 1) >= 0xd800 && text.charCodeAt(u - 1) <= 0xdbff)) cp++;
    else map[u] = cp - 1;
  }
  map[text.length] = cp;
  return (u) => map[u];
}

function cpSpans(text, spans) {
  const cp = codePointOffsets(text);
  return spans.map((s) => ({ ...s, start: cp(s.start), end: cp(s.end) }));
}

/** The CLI's JSON document: {doc, reference_date, reference_date_source, reference_date_clue, spans, entities}. */
export function toJson({ doc, text, ann }) {
  return {
    doc,
    reference_date: ann.reference_date ?? null,
    reference_date_source: ann.reference_date_source ?? null,
    reference_date_clue: ann.reference_date_clue ?? null,
    spans: cpSpans(text, ann.spans),
    entities: ann.entities,
  };
}

// A cell a spreadsheet would run as a formula (=, +, -, @) is kept as text.
const cell = (v) => {
  let s = v === undefined || v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

export function toCsv({ doc, text, ann }) {
  const head = ['doc', 'start', 'end', 'label', 'type', 'text', ...ATTRS];
  const rows = cpSpans(text, ann.spans).map((s) => [doc, s.start, s.end, s.label, s.type, s.text, ...ATTRS.map((k) => s[k])]);
  return [head, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

function describe(s) {
  if (s.label === 'date' && s.value) return describeDate(s.value, s.mod);
  if (s.label === 'figure') return [describeHedge(s), s.value && `value ${describeAmount(s.value)}`, s.counts && `counts ${s.counts}`].filter(Boolean).join(', ');
  if (s.label === 'actor') return [s.entity && `actor ${s.entity}`, s.role].filter(Boolean).join(', ');
  if (s.label === 'quote') return s.speaker ? `said by ${s.speaker}` : '';
  return s.value ?? '';
}

/** A W3C Web Annotation collection (JSON-LD), one annotation per highlight. */
export function toWebAnnotation({ doc, title, text, ann }) {
  const source = `urn:newslens:${encodeURIComponent(doc)}`;
  const cp = codePointOffsets(text);
  const items = ann.spans.map((s, i) => {
    const body = [{ type: 'TextualBody', purpose: 'tagging', value: s.label },
      { type: 'TextualBody', purpose: 'classifying', value: s.type }];
    const words = describe(s);
    if (words) body.push({ type: 'TextualBody', purpose: 'describing', value: words });
    return {
      id: `${source}#span-${i}`,
      type: 'Annotation',
      motivation: 'classifying',
      ...(s.corrected ? { creator: { type: 'Person', name: 'reader correction' } } : {}),
      body,
      target: {
        source,
        selector: [
          { type: 'TextPositionSelector', start: cp(s.start), end: cp(s.end) },
          { type: 'TextQuoteSelector', exact: s.text, prefix: text.slice(Math.max(0, s.start - 32), s.start),
            suffix: text.slice(s.end, s.end + 32) },
        ],
      },
    };
  });
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: source,
    type: 'AnnotationCollection',
    label: title,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** brat standoff: the .ann (T, A and # lines) for the .txt holding the text as it is. */
export function toBrat({ text, ann }) {
  const lines = [];
  let a = 0;
  let n = 0;
  cpSpans(text, ann.spans).forEach((s, i) => {
    const t = `T${i + 1}`;
    const name = s.label[0].toUpperCase() + s.label.slice(1);
    // A span across a line break is written as fragments, one per line.
    const chars = [...s.text];
    const frags = [];
    let from = 0;
    chars.forEach((c, k) => {
      if (c === '\n') {
        if (k > from) frags.push([s.start + from, s.start + k]);
        from = k + 1;
      }
    });
    if (chars.length > from) frags.push([s.start + from, s.start + chars.length]);
    if (!frags.length) return;
    const shown = frags.map(([x, y]) => chars.slice(x - s.start, y - s.start).join('')).join(' ');
    lines.push(`${t}\t${name} ${frags.map(([x, y]) => `${x} ${y}`).join(';')}\t${shown}`);
    lines.push(`A${++a}\tType ${t} ${s.type.replace(/\s+/g, '_')}`);
    if (s.corrected) lines.push(`A${++a}\tCorrected ${t}`);
    const words = [s.value && `value=${s.value}`, describe(s)].filter(Boolean).join('; ').replace(/[\t\n\r]+/g, ' ');
    if (words) lines.push(`#${++n}\tAnnotatorNotes ${t}\t${words}`);
  });
  return lines.join('\n') + (lines.length ? '\n' : '');
}

/** spaCy displaCy's manual format; offsets are Python string indices (code points). */
export function toDisplacy({ title, text, ann }) {
  return {
    text,
    ents: cpSpans(text, ann.spans).filter((s) => s.label !== 'quote')
      .map((s) => ({ start: s.start, end: s.end, label: s.label.toUpperCase() })),
    title,
  };
}

const HANDOUT_CSS = `
body { font: 1.05rem/1.6 Georgia, 'Noto Serif', serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; color: #111; background: #fff; }
h1 { font-size: 1.5rem; line-height: 1.25; }
.meta { color: #444; font: 0.9rem/1.4 system-ui, sans-serif; }
article p { white-space: pre-wrap; }
mark { background: none; color: inherit; border-bottom: 2px solid #000; }
mark[data-label='place'] { border-bottom-style: dashed; }
mark[data-label='date'] { border-bottom-style: dotted; border-bottom-width: 3px; }
mark[data-label='figure'] { border-bottom-style: double; border-bottom-width: 4px; }
mark[data-label='quote'] { border: 0; font-style: italic; box-shadow: inset 2px 0 0 #000; }
mark[data-label]::after { content: ' ' attr(data-label); font: 600 0.6em system-ui, sans-serif; vertical-align: super; }
mark[data-corrected]::after { content: ' ' attr(data-label) ' (corrected)'; }
mark[data-part]::after { content: none; }
section { break-before: page; font: 0.95rem/1.45 system-ui, sans-serif; }
li { margin: 0.2rem 0; }
`;

/** A self-contained HTML page: the article with labels, then the lists. */
export async function toHandout({ title, text, ann }) {
  const doc = document.implementation.createHTMLDocument(title);
  const charset = doc.createElement('meta');
  charset.setAttribute('charset', 'utf-8');
  doc.head.prepend(charset);
  const heading = doc.createElement('h1');
  heading.textContent = title;
  const meta = doc.createElement('p');
  meta.className = 'meta';
  meta.textContent = `Annotated by newslens. Article date: ${ann.reference_date ? shortDate(ann.reference_date) : 'unknown'}. ` +
    'Labels: actor (solid line), place (dashed), date (dotted), figure (double), quote (italic, side bar).' +
    (ann.spans.some((s) => s.corrected) ? ' Highlights marked “corrected” were changed by a reader.' : '');
  const article = document.createElement('article');
  await layoutArticle(article, text, ann.spans, { titleTag: 'h2' }).done;
  for (const m of article.querySelectorAll('mark')) m.removeAttribute('tabindex');
  doc.body.append(heading, meta, doc.importNode(article, true));
  const lists = [
    ['Actors', ann.entities.map((e) => `${e.name} (${e.type}${e.roles?.length ? `; ${e.roles.join(', ')}` : ''}): ${e.mentions.length} mention(s)`)],
    ['Dates', ann.spans.filter((s) => s.label === 'date').map((s) => `“${s.text}”${s.value ? ` → ${describe(s)}` : ''}`)],
    ['Figures', ann.spans.filter((s) => s.label === 'figure').map((s) => `“${s.text}”: ${describe(s)}`)],
    ['Quotes', ann.spans.filter((s) => s.label === 'quote').map((s) => `${s.speaker ?? 'Unattributed'}: “${s.text}”`)],
  ];
  for (const [name, items] of lists) {
    if (!items.length) continue;
    const section = doc.createElement('section');
    const h = doc.createElement('h2');
    h.textContent = name;
    const ul = doc.createElement('ul');
    for (const item of items) {
      const li = doc.createElement('li');
      li.textContent = item;
      ul.append(li);
    }
    section.append(h, ul);
    doc.body.append(section);
  }
  doc.documentElement.lang = 'en';
  // Serialized by the DOM: every piece of text is escaped by the serializer.
  // The style sheet (a constant of this module) goes in after serializing: a
  // <style> element in this document would be checked against the page's CSP.
  const html = doc.documentElement.outerHTML;
  const head = html.indexOf('</head>');
  return `<!doctype html>\n${html.slice(0, head)}<style>${HANDOUT_CSS}</style>${html.slice(head)}`;
}

const base = (doc) => doc.replace(/\.[a-z]+$/i, '').replace(/[^\w.-]+/g, '_') || 'article';

/** The file(s) of one format. */
export async function exportAs(format, input) {
  const name = base(input.doc);
  const json = (value) => JSON.stringify(value, null, 1);
  switch (format) {
    case 'json': return [{ name: `${name}.json`, type: 'application/json', content: json(toJson(input)) }];
    case 'csv': return [{ name: `${name}.csv`, type: 'text/csv', content: toCsv(input) }];
    case 'webanno': return [{ name: `${name}.jsonld`, type: 'application/ld+json', content: json(toWebAnnotation(input)) }];
    case 'brat': return [
      { name: `${name}.ann`, type: 'text/plain', content: toBrat(input) },
      { name: `${name}.txt`, type: 'text/plain', content: input.text },
    ];
    case 'displacy': return [{ name: `${name}.displacy.json`, type: 'application/json', content: json(toDisplacy(input)) }];
    case 'html': return [{ name: `${name}.html`, type: 'text/html', content: await toHandout(input) }];
    default: throw new Error(`unknown format ${format}`);
  }
}

/** Hands files to the browser's downloads. */
export function download(files) {
  for (const f of files) {
    const url = URL.createObjectURL(new Blob([f.content], { type: `${f.type};charset=utf-8` }));
    const a = document.createElement('a');
    a.href = url;
    a.download = f.name;
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
