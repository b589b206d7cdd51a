// A stand-in for www/pkg/newslens.js with the same API, served in its place by
// page.route() in the tests that check what the page does with given spans
// (why text, panels, nesting), independently of what the lenses find.
// It marks a fixed table of phrases wherever they occur, quotes in "…", and
// resolves "Monday" against the reference date as the real core would.
export const FAKE_ENGINE = `
const PHRASES = [
  { text: 'Islamic State', label: 'actor', type: 'organization', entity: 'ISIS' },
  { text: 'Daesh', label: 'actor', type: 'organization', entity: 'ISIS' },
  { text: 'ISIS', label: 'actor', type: 'organization', entity: 'ISIS' },
  { text: 'James Mattis', label: 'actor', type: 'person', entity: 'James Mattis', role: 'US defence secretary' },
  { text: 'Mattis', label: 'actor', type: 'person', entity: 'James Mattis' },
  { text: 'Mosul', label: 'place', type: 'place' },
  { text: 'Iraq', label: 'place', type: 'place' },
  { text: '19 February 2017', label: 'date', type: 'date', value: '2017-02-19', why: 'full date' },
  { text: 'Monday', label: 'date', type: 'date', why: 'weekday, the last one before the article date' },
  { text: 'two weeks', label: 'date', type: 'duration', value: 'P2W' },
  { text: 'up to 750,000 civilians', label: 'figure', type: 'count', value: '750000', approx: 'up to',
    approx_kind: 'upper', counts: 'civilians', source: 'the United Nations' },
  { text: '400', label: 'figure', type: 'count', value: '400', counts: 'fighters' },
];
const DAY = 86400000;
function lastMonday(ref) {
  const t = Date.parse(ref + 'T00:00:00Z');
  let d = t - DAY;
  while (new Date(d).getUTCDay() !== 1) d -= DAY;
  return new Date(d).toISOString().slice(0, 10);
}
export default async function init() {}
export function version() { return 'fake'; }
export function annotate(text, options = {}) {
  if (text.includes('PANIC')) throw new Error('unreachable');
  const ref = options?.reference_date ?? '2017-02-21';
  const source = options?.reference_date ? 'given' : 'inferred';
  const taken = [];
  const spans = [];
  for (const p of PHRASES) {
    let at = text.indexOf(p.text);
    while (at >= 0) {
      const end = at + p.text.length;
      const whole = !/\\w/.test(text[at - 1] ?? '') && !/\\w/.test(text[end] ?? '');
      if (whole && !taken.some(([a, b]) => at < b && a < end)) {
        taken.push([at, end]);
        const s = { ...p, start: at, end };
        if (p.text === 'Monday') s.value = lastMonday(ref);
        spans.push(s);
      }
      at = text.indexOf(p.text, end);
    }
  }
  for (const m of text.matchAll(/"[^"\\n]+"/g)) {
    spans.push({ label: 'quote', type: 'quote', start: m.index, end: m.index + m[0].length, text: m[0], speaker: 'James Mattis' });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const entities = [];
  spans.forEach((s, i) => {
    if (!s.entity) return;
    let e = entities.find((x) => x.name === s.entity);
    if (!e) entities.push((e = { name: s.entity, type: s.type, roles: [], aliases: [], mentions: [] }));
    if (s.role && !e.roles.includes(s.role)) e.roles.push(s.role);
    if (!e.aliases.includes(s.text)) e.aliases.push(s.text);
    e.mentions.push(i);
  });
  return { reference_date: ref, reference_date_source: source,
    reference_date_clue: source === 'inferred' ? 'Monday (past tense)' : null, spans, entities };
}
`;

/** Serves the fake engine in place of the wasm glue for this page's context. */
export async function useFakeEngine(context) {
  await context.route('**/pkg/newslens.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: FAKE_ENGINE }));
}

export const SAMPLE = `Mattis visits Iraq as Mosul push goes on

US defence secretary James Mattis arrived in Iraq on Monday, as Iraqi forces pressed into western Mosul against Islamic State.

The offensive began on 19 February 2017. Daesh still holds the old city, where up to 750,000 civilians remain, and about 400 fighters may be left, a fight that could take two weeks.

"We're going to make certain that we've got good situational awareness," Mattis told reporters about ISIS.

<script>alert(1)</script> <b>not bold</b>`;
