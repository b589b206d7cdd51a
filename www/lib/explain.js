// Words for what a span is and how it was read: the "why" view and the panels.
// Everything here returns plain strings; callers put them in text nodes.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July',
  'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const UNITS = { Y: 'year', M: 'month', W: 'week', D: 'day', H: 'hour', MI: 'minute', S: 'second', DE: 'decade', CE: 'century' };
const PARTS = { MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night', DT: 'daytime' };
const SEASONS = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };

const MODS = { START: 'start of', MID: 'middle of', END: 'end of', APPROX: 'about', BEFORE: 'before',
  AFTER: 'after', ON_OR_BEFORE: 'on or before', ON_OR_AFTER: 'on or after', LESS_THAN: 'less than',
  MORE_THAN: 'more than', EQUAL_OR_LESS: 'at most', EQUAL_OR_MORE: 'at least' };

/**
 * `2017-02-20` → `Monday 20 February 2017`, with a TIMEX3 mod `END` and
 * `2017-01` → `end of January 2017`; other values as words where known.
 */
export function describeDate(value, mod) {
  if (!value) return '';
  const words = describeValue(value);
  return mod ? `${MODS[mod] ?? mod.toLowerCase()} ${words}` : words;
}

function describeValue(value) {
  if (value === 'PRESENT_REF') return 'now (the article date)';
  if (value === 'PAST_REF') return 'some time in the past';
  if (value === 'FUTURE_REF') return 'some time in the future';
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T(.+))?$/.exec(value);
  if (m) {
    const [y, mo, d] = [+m[1], +m[2], +m[3]];
    const day = DAYS[new Date(Date.UTC(y, mo - 1, d)).getUTCDay()];
    const time = m[4] ? `, ${PARTS[m[4]] ?? m[4]}` : '';
    return `${day} ${d} ${MONTHS[mo - 1]} ${y}${time}`;
  }
  if ((m = /^XXXX-(\d{2})-(\d{2})$/.exec(value))) return `${+m[2]} ${MONTHS[+m[1] - 1]} (year unknown)`;
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return `${MONTHS[+m[2] - 1]} ${m[1]}`;
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) return `week ${+m[2]} of ${m[1]}`;
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) return `${SEASONS[m[2]]} ${m[1]}`;
  if ((m = /^(\d{4})-Q(\d)$/.exec(value))) return `quarter ${m[2]} of ${m[1]}`;
  if ((m = /^(\d{3})$/.exec(value))) return `the ${m[1]}0s`;
  if (/^\d{4}$/.test(value)) return value;
  if (value.startsWith('P')) return describeDuration(value);
  return value;
}

/** `P3D` → `3 days`, `PT5H` → `5 hours`, `PXY` → `some years`. */
export function describeDuration(value) {
  const m = /^PT?(\d+(?:\.\d+)?|X)(Y|M|W|D|H|MI|S|DE|CE)$/.exec(value);
  if (!m) return value;
  let unit = UNITS[m[2]];
  if (value.startsWith('PT') && m[2] === 'M') unit = 'minute';
  if (m[1] === 'X') return `some ${unit}s`;
  return `${m[1]} ${unit}${m[1] === '1' ? '' : 's'}`;
}

/** Whether a date value is a point on the calendar (sortable on a timeline). */
export function isCalendarPoint(value) {
  return /^\d{3,4}(?:$|-)/.test(value ?? '');
}

/** `750000` → `750,000`; a range `200000..999999` → `200,000 to 999,999`. */
export function describeAmount(value) {
  return (value ?? '').split('..').map((n) => (/^\d{4,}$/.test(n) ? Number(n).toLocaleString('en') : n)).join(' to ');
}

const HEDGES = { upper: 'an upper bound', lower: 'a lower bound', approximate: 'an approximation' };

export function describeHedge(span) {
  if (!span.approx && !span.approx_kind) return '';
  const kind = HEDGES[span.approx_kind] ?? 'hedged';
  return span.approx ? `${kind} (“${span.approx}”)` : kind;
}

/** `2017-02-21` → `21 Feb 2017`. */
export function shortDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${+m[3]} ${MONTHS[+m[2] - 1].slice(0, 3)} ${m[1]}` : iso ?? '';
}

/** How the reference date was obtained, in words. */
export function describeReference(ann) {
  if (!ann?.reference_date) return 'no article date: relative dates stay unresolved';
  if (ann.reference_date_source === 'given') return 'given';
  const clue = ann.reference_date_clue ? ` from “${ann.reference_date_clue}”` : '';
  return `inferred${clue}`;
}

/**
 * The why view of span `i`: a headline (`Monday → Monday 20 February 2017`)
 * and detail lines.
 */
export function explain(ann, i) {
  const s = ann.spans[i];
  const lines = [];
  let head = s.text;
  if (s.label === 'date') {
    if (s.value) head = `${s.text} → ${s.type === 'duration' ? `lasting ${describeDuration(s.value)}` : describeDate(s.value, s.mod)}`;
    // A text without its own year was placed on the calendar by the article date.
    if (ann.reference_date && isCalendarPoint(s.value) && !/\b\d{4}\b/.test(s.text)) {
      lines.push(`resolved against the article date ${shortDate(ann.reference_date)} (${describeReference(ann)})`);
    }
    lines.push(`${s.type}${s.value ? `, value ${s.value}` : ''}`);
  } else if (s.label === 'figure') {
    const hedge = describeHedge(s);
    if (hedge) head = `${s.text} — ${hedge}`;
    if (s.value) lines.push(`value ${describeAmount(s.value)}${s.unit ? ` ${s.unit}` : ''}`);
    if (s.counts) lines.push(`counts ${s.counts}`);
    if (s.source) lines.push(`according to ${s.source}`);
    lines.push(`${s.type} figure`);
  } else if (s.label === 'actor') {
    const entity = ann.entities.find((e) => e.name === s.entity);
    // The canonical name first, then the other forms it goes by.
    const others = [entity?.name, ...(entity?.aliases ?? [])].filter((a, k, all) => a && a !== s.text && all.indexOf(a) === k);
    if (others.length) head = `${s.text} — same actor as ${others.join(', ')}`;
    lines.push([s.type, s.role].filter(Boolean).join(', '));
    if (entity) lines.push(`${entity.mentions.length} mention${entity.mentions.length === 1 ? '' : 's'} in this article`);
  } else if (s.label === 'place') {
    const same = ann.spans.filter((o) => o.label === 'place' && (o.value ?? o.text) === (s.value ?? s.text)).length;
    lines.push(`place${s.value ? `, ${s.value}` : ''}`, `${same} mention${same === 1 ? '' : 's'} in this article`);
  } else if (s.label === 'quote') {
    head = s.speaker ? `${s.speaker} → quote` : 'Quote';
    lines.push(s.speaker ? `said by ${s.speaker}` : 'no speaker found');
  }
  if (s.why) lines.push(`how: ${s.why}`);
  return { label: s.label, head, lines: lines.filter(Boolean) };
}

/** The sentence around [start, end): from the last sentence end or paragraph break before it to the next. */
export function sentenceAround(text, start, end) {
  const base = Math.max(0, start - 400);
  let from = base;
  for (const m of text.slice(base, start).matchAll(/[.!?]["”’]?\s+|\n\s*\n/g)) from = base + m.index + m[0].length;
  const m = /[.!?]["”’]?(?=\s|$)|\n\s*\n/.exec(text.slice(end, end + 400));
  const to = m ? end + m.index + (m[0].startsWith('\n') ? 0 : m[0].length) : Math.min(text.length, end + 400);
  return text.slice(from, to).trim();
}
