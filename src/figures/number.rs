//! Reading one number at a token: digits (`750,000`, `1.5`, `1 000 000`,
//! `10k`, `3.5bn`), words (`twenty-eight`, `two hundred and fifty thousand`,
//! `a million`, `one and a half million`, `a dozen`), mixed (`1.5 million`),
//! vague amounts (`dozens`, `tens of thousands`, `several thousand`) and
//! fractions (`half`, `a third of`, `two-thirds`, `one in five`).
//!
//! Each reader looks at a bounded window of tokens, so the lens stays linear.

use super::words::{
    NUMBER_STARTERS, fraction_word, glued, is_num, is_word, scale_abbrev, scale_word, small_number,
    time_unit,
};
use crate::lexicon::Words;
use crate::text::Doc;

/// A number read at a token.
#[derive(Clone, Debug)]
pub struct Num {
    /// One past the last token.
    pub b: usize,
    /// Its value.
    pub value: f64,
    /// Written in words (`six`) rather than digits.
    pub words: bool,
    /// For digits: the digits before any grouping, whether they were grouped
    /// (`750,000`) and whether there was a decimal part.
    pub int_len: usize,
    /// Grouped with commas or spaces.
    pub grouped: bool,
    /// Had a decimal part.
    pub decimal: bool,
    /// The scale multiplied in (`million` → 1e6), 1 when none.
    pub scale: f64,
    /// A glued `m` was read as million (`1.8m` might be metres).
    pub glued_m: bool,
    /// Token index of the core's first digit token or number word.
    pub core: usize,
}

fn is_space_group_gap(doc: &Doc, j: usize) -> bool {
    let (Some(p), Some(t)) = (doc.tokens.get(j.wrapping_sub(1)), doc.tokens.get(j)) else {
        return false;
    };
    let gap = doc.text.get(p.end()..t.start()).unwrap_or("");
    let mut cs = gap.chars();
    matches!(
        (cs.next(), cs.next()),
        (
            Some(' ' | '\u{a0}' | '\u{2009}' | '\u{202f}' | '\u{2007}'),
            None
        )
    )
}

/// Digits at `i`: returns the end token, the value, and the shape.
/// `None` for a dotted identifier (`192.168.1.2`, `10.5.8`).
fn digits(doc: &Doc, i: usize) -> Option<(usize, f64, usize, bool, bool)> {
    if let Some(v) = vulgar(doc.tok(i)) {
        return Some((i + 1, v, 0, false, true));
    }
    if !is_num(doc, i) {
        return None;
    }
    let first = doc.tok(i);
    // The digits read so far, copied out only once a group or a decimal part
    // joins them: most numbers are one token, parsed where they stand.
    let mut text: Option<Joined> = None;
    let mut j = i + 1;
    let mut grouped = false;
    if first.len() <= 3 {
        while doc.tok(j) == ","
            && glued(doc, j)
            && is_num(doc, j + 1)
            && glued(doc, j + 1)
            && doc.tok(j + 1).len() == 3
        {
            text.get_or_insert_with(|| Joined::from(first))
                .push(doc.tok(j + 1));
            j += 2;
            grouped = true;
        }
        if !grouped {
            // `1 000 000` with thin, no-break or plain spaces between groups
            // of exactly three digits.
            while is_num(doc, j)
                && !glued(doc, j)
                && doc.tok(j).len() == 3
                && is_space_group_gap(doc, j)
                && !(glued(doc, j + 1) && is_word(doc, j + 1))
                && !(doc.tok(j + 1) == "," && is_num(doc, j + 2) && doc.tok(j + 2).len() != 3)
            {
                text.get_or_insert_with(|| Joined::from(first))
                    .push(doc.tok(j));
                j += 1;
                grouped = true;
            }
        }
    }
    let mut decimal = false;
    if doc.tok(j) == "." && glued(doc, j) && is_num(doc, j + 1) && glued(doc, j + 1) {
        if doc.tok(j + 2) == "." && glued(doc, j + 2) && is_num(doc, j + 3) && glued(doc, j + 3) {
            return None;
        }
        let t = text.get_or_insert_with(|| Joined::from(first));
        t.push(".");
        t.push(doc.tok(j + 1));
        j += 2;
        decimal = true;
    }
    let mut v = crate::text::digits_value(text.as_ref().map_or(first, Joined::as_str))?;
    if !grouped && !decimal {
        if let Some((e, f)) = slash_fraction(doc, i) {
            // `3/4`: the numerator was the integer just read.
            return Some((e, f, first.len(), false, true));
        }
        // `2 1/4`, `10½`: a whole number and a fraction.
        let part = if glued(doc, j) {
            vulgar(doc.tok(j)).map(|f| (j + 1, f))
        } else {
            slash_fraction(doc, j)
        };
        if let Some((e, f)) = part {
            v += f;
            return Some((e, v, first.len(), false, true));
        }
    }
    Some((j, v, first.len(), grouped, decimal))
}

/// Digit groups joined into one number's text: on the stack, as numbers
/// are short, and on the heap only past 40 bytes.
struct Joined {
    stack: [u8; 40],
    len: usize,
    heap: Option<String>,
}

impl Joined {
    fn from(first: &str) -> Joined {
        let mut j = Joined {
            stack: [0; 40],
            len: 0,
            heap: None,
        };
        j.push(first);
        j
    }

    fn push(&mut self, s: &str) {
        if let Some(h) = &mut self.heap {
            h.push_str(s);
        } else if let Some(to) = self.stack.get_mut(self.len..self.len + s.len()) {
            to.copy_from_slice(s.as_bytes());
            self.len += s.len();
        } else {
            let mut h = self.as_str().to_string();
            h.push_str(s);
            self.heap = Some(h);
        }
    }

    fn as_str(&self) -> &str {
        match &self.heap {
            Some(h) => h,
            // Whole strings were copied in, so the bytes are UTF-8.
            None => std::str::from_utf8(self.stack.get(..self.len).unwrap_or_default())
                .unwrap_or_default(),
        }
    }
}

/// The Unicode fraction signs and their values.
pub const VULGAR: &[(&str, f64)] = &[
    ("½", 0.5),
    ("⅓", 1.0 / 3.0),
    ("⅔", 2.0 / 3.0),
    ("¼", 0.25),
    ("¾", 0.75),
    ("⅕", 0.2),
    ("⅖", 0.4),
    ("⅗", 0.6),
    ("⅘", 0.8),
    ("⅙", 1.0 / 6.0),
    ("⅚", 5.0 / 6.0),
    ("⅛", 0.125),
    ("⅜", 0.375),
    ("⅝", 0.625),
    ("⅞", 0.875),
];

/// A Unicode fraction sign (`½`, `¾`).
pub fn vulgar(w: &str) -> Option<f64> {
    // All are outside ASCII: most tokens are turned away by their first byte.
    if w.as_bytes().first().is_none_or(u8::is_ascii) {
        return None;
    }
    VULGAR.iter().find(|(v, _)| *v == w).map(|(_, x)| *x)
}

/// `1/2`, `3/4` at `i`: a proper fraction over a usual denominator, not a
/// date (`5/17/2018`), a rate (`24/7`) or an identifier (`9/11`).
fn slash_fraction(doc: &Doc, i: usize) -> Option<(usize, f64)> {
    if !is_num(doc, i) || doc.tok(i + 1) != "/" || !glued(doc, i + 1) || !glued(doc, i + 2) {
        return None;
    }
    let num: f64 = doc.tok(i).parse().ok()?;
    let den: f64 = doc.tok(i + 2).parse().ok()?;
    let usual = [2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 16.0, 32.0, 64.0, 100.0];
    let more = matches!(doc.tok(i + 3), "/" | "." | "-") && glued(doc, i + 3) && glued(doc, i + 4)
        || glued(doc, i + 3) && is_num(doc, i + 4);
    if doc.tok(i).len() > 2 || num <= 0.0 || num >= den || !usual.contains(&den) || more {
        return None;
    }
    Some((i + 3, num / den))
}

/// A scale after digits: glued `k`/`m`/`bn`, or a scale word (`1.5 million`).
fn digit_scale(doc: &Doc, j: usize) -> Option<(usize, f64, bool)> {
    let w = doc.tok(j);
    if is_word(doc, j) && glued(doc, j) {
        let m = scale_abbrev(w)?;
        // `10kg`, `5km`: the glued letter is a unit's first letter only when
        // more letters follow, which would make `w` a different token.
        return Some((j + 1, m, matches!(w, "m" | "M")));
    }
    if !is_word(doc, j) {
        return None;
    }
    if let Some(s) = scale_word(w) {
        let mut mult = s;
        let mut k = j + 1;
        // `3 hundred thousand`
        if let Some(s2) = scale_word(doc.tok(k))
            && s2 > s
        {
            mult *= s2;
            k += 1;
        }
        return Some((k, mult, false));
    }
    // `3 dozen`, and the plural some writers use after a number (`3 dozens`)
    if w.eq_ignore_ascii_case("dozen") || w.eq_ignore_ascii_case("dozens") {
        return Some((j + 1, 12.0, false));
    }
    if matches!(w, "bn" | "bln" | "mn" | "mln" | "tn" | "trn") {
        return Some((j + 1, scale_abbrev(w).unwrap_or(1.0), false));
    }
    None
}

/// Digits with an optional scale.
pub fn digit_number(doc: &Doc, i: usize) -> Option<Num> {
    let (mut j, mut v, int_len, grouped, decimal) = digits(doc, i)?;
    let mut scale = 1.0;
    let mut glued_m = false;
    if let Some((k, m, gm)) = digit_scale(doc, j) {
        j = k;
        v *= m;
        scale = m;
        glued_m = gm;
    }
    Some(Num {
        b: j,
        value: v,
        words: false,
        int_len,
        grouped,
        decimal,
        scale,
        glued_m,
        core: i,
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    None,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale,
    And,
}

fn fraction_after_and(doc: &Doc, j: usize) -> Option<f64> {
    // `and a half`, `and a quarter`, `and three quarters`
    if !doc.is(j, "and") {
        return None;
    }
    let art = doc.is(j + 1, "a") || doc.is(j + 1, "one");
    if art {
        let f = fraction_word(doc.tok(j + 2))?;
        return Some(f / 100.0);
    }
    None
}

/// A number in words at `i` (possibly starting with `a`/`an`/`half`).
pub fn word_number(doc: &Doc, i: usize) -> Option<Num> {
    let mut j = i;
    let mut total = 0.0f64;
    let mut current = 0.0f64;
    let mut last = Last::None;
    let mut scale = 1.0f64;
    let w0 = doc.tok(i);
    // `a million`, `an estimated`, `a dozen`, `a score of`
    if w0.eq_ignore_ascii_case("a") || w0.eq_ignore_ascii_case("an") {
        let n = doc.tok(i + 1);
        if doc.is(i + 1, "score") && doc.is(i + 2, "of") {
            return Some(words_num(i, i + 2, 20.0, 1.0));
        }
        // `a half-million`, `a quarter million`
        if doc.is(i + 1, "half") || doc.is(i + 1, "quarter") {
            let n = word_number(doc, i + 1)?;
            return Some(words_num(i, n.b, n.value, n.scale));
        }
        if scale_word(n).is_some() || n.eq_ignore_ascii_case("dozen") {
            current = 1.0;
            last = Last::Unit;
            j = i + 1;
        } else {
            return None;
        }
    } else if w0.eq_ignore_ascii_case("half") || w0.eq_ignore_ascii_case("quarter") {
        // `half a million`, `half a dozen`, `half million`, `half-million`,
        // `quarter of a million`
        let part = if w0.eq_ignore_ascii_case("half") {
            0.5
        } else {
            0.25
        };
        let k = if doc.is(i + 1, "of") && (doc.is(i + 2, "a") || doc.is(i + 2, "an")) {
            i + 3
        } else if doc.is(i + 1, "a") || doc.tok(i + 1) == "-" && glued(doc, i + 1) {
            i + 2
        } else {
            i + 1
        };
        let n = doc.tok(k);
        let s = scale_word(n).or(if n.eq_ignore_ascii_case("dozen") {
            Some(12.0)
        } else {
            None
        });
        let s = s.filter(|&s| s > 100.0 || s == 12.0 && part == 0.5)?;
        return Some(words_num(i, k + 1, part * s, s));
    }
    let mut hyphen_ok = false;
    loop {
        let w = doc.tok(j);
        if !is_word(doc, j) && w != "-" {
            break;
        }
        if let Some(v) = small_number(w) {
            let v = f64::from(v);
            let ok = match v as u32 {
                0 => last == Last::None,
                1..=9 => {
                    matches!(last, Last::None | Last::Hundred | Last::Scale | Last::And)
                        || last == Last::Tens
                }
                10..=19 => matches!(last, Last::None | Last::Hundred | Last::Scale | Last::And),
                _ => matches!(last, Last::None | Last::Hundred | Last::Scale | Last::And),
            };
            if !ok || (last == Last::Tens && !hyphen_ok && glued(doc, j)) {
                break;
            }
            current += v;
            last = match v as u32 {
                0..=9 => Last::Unit,
                10..=19 => Last::Teen,
                _ => Last::Tens,
            };
            hyphen_ok = false;
            j += 1;
            if v == 0.0 {
                break;
            }
            continue;
        }
        if w == "-" {
            // `twenty-eight`
            let next = small_number(doc.tok(j + 1)).unwrap_or(0);
            if last == Last::Tens && glued(doc, j) && glued(doc, j + 1) && (1..=9).contains(&next) {
                hyphen_ok = true;
                j += 1;
                continue;
            }
            break;
        }
        if let Some(s) = scale_word(w) {
            if matches!(last, Last::None | Last::And) {
                break;
            }
            if s == 100.0 {
                if last == Last::Hundred || current == 0.0 || current >= 100.0 {
                    break;
                }
                current *= 100.0;
                last = Last::Hundred;
            } else {
                if current == 0.0 {
                    break;
                }
                total += current * s;
                current = 0.0;
                last = Last::Scale;
            }
            scale = scale.max(s);
            j += 1;
            continue;
        }
        if (w.eq_ignore_ascii_case("dozen") || w.eq_ignore_ascii_case("dozens"))
            && matches!(last, Last::Unit | Last::Teen | Last::Tens)
        {
            current *= 12.0;
            scale = 12.0;
            j += 1;
            break;
        }
        if let Some(f) = fraction_after_and(doc, j) {
            // `one and a half (million)`
            if matches!(last, Last::Unit | Last::Teen | Last::Tens) && total == 0.0 {
                current += f;
                j += 3;
                if let Some(s) = scale_word(doc.tok(j)).filter(|&s| s >= 1e3) {
                    total += current * s;
                    current = 0.0;
                    scale = s;
                    j += 1;
                }
                break;
            }
        }
        if w.eq_ignore_ascii_case("and")
            && matches!(last, Last::Hundred | Last::Scale)
            && small_number(doc.tok(j + 1)).is_some_and(|v| v > 0)
        {
            last = Last::And;
            j += 1;
            continue;
        }
        break;
    }
    if j == i || last == Last::None {
        return None;
    }
    Some(words_num(i, j, total + current, scale))
}

fn words_num(a: usize, b: usize, value: f64, scale: f64) -> Num {
    Num {
        b,
        value,
        words: true,
        int_len: 0,
        grouped: false,
        decimal: false,
        scale,
        glued_m: false,
        core: a,
    }
}

/// Whether a number, a share or a vague amount may start at token `i`: false
/// only for a word none of their readers opens with, so that
/// `unsigned_amount` can pass over the many words that open a figure in
/// another way (hedges, currencies: `about`, `in`, `Iraqi`) without trying
/// each reader.
///
/// The readers test the first word as `doc.low`, as `with_lower` lowers it,
/// or ignoring ASCII case; for an ASCII word these are all its ASCII lower
/// case, so looking that up in `NUMBER_STARTERS`, which holds every first
/// word they accept, is a superset. Other words (rare in English news) and
/// all non-words pass, and take the readers.
pub fn may_open_number(doc: &Doc, i: usize) -> bool {
    !is_word(doc, i) || !doc.tok(i).is_ascii() || NUMBER_STARTERS.contains_key(doc.low(i))
}

/// A bare singular scale taken as one of it: `the million or so`.
pub fn bare_scale(doc: &Doc, i: usize) -> Option<Num> {
    let s = scale_word(doc.tok(i)).filter(|&s| s >= 1e3)?;
    let hedged = doc.is(i + 1, "or")
        && (doc.is(i + 2, "so") || doc.is(i + 2, "more") || doc.is(i + 2, "fewer"));
    if i > 0 && doc.is(i - 1, "the") && hedged {
        return Some(words_num(i, i + 1, s, s));
    }
    None
}

/// The words a vague amount opens with, and the unit each stands for
/// (0 for `several`, `few`, `a (few)`, whose unit is the scale after them).
pub const VAGUE: &[(&str, f64)] = &[
    ("tens", 10.0),
    ("dozens", 12.0),
    ("scores", 20.0),
    ("hundreds", 1e2),
    ("thousands", 1e3),
    ("millions", 1e6),
    ("billions", 1e9),
    ("several", 0.0),
    ("few", 0.0),
    ("a", 0.0),
];

/// A vague amount at `i`: its end and its range.
pub fn vague(doc: &Doc, i: usize) -> Option<(usize, f64, f64)> {
    let w = doc.low(i);
    let unit = VAGUE.iter().find(|(v, _)| *v == w)?.1;
    if unit == 0.0 {
        // `several thousand`, `a few hundred`, `several hundred thousand`
        let (k, lo_mult) = match w {
            "several" => (i + 1, 3.0),
            "few" => (i + 1, 2.0),
            _ if doc.is(i + 1, "few") => (i + 2, 2.0),
            _ => return None,
        };
        let n = doc.tok(k);
        let (mut s, mut end) = if n.eq_ignore_ascii_case("dozen") {
            (12.0, k + 1)
        } else {
            (scale_word(n)?, k + 1)
        };
        if let Some(s2) = scale_word(doc.tok(end)).filter(|&s2| s2 > s) {
            s *= s2;
            end += 1;
        }
        let hi = if s == 12.0 { 99.0 } else { 10.0 * s - 1.0 };
        return Some((end, lo_mult * s, hi));
    }
    let of = doc.is(i + 1, "of");
    if of {
        // `tens of thousands`, `hundreds of millions`
        let n2 = doc.low(i + 2);
        let s2 = match n2 {
            "thousands" => 1e3,
            "millions" => 1e6,
            "billions" => 1e9,
            _ => 0.0,
        };
        if s2 > 0.0 && unit < s2 {
            let lo = 2.0 * unit * s2;
            let hi = if unit == 12.0 {
                99.0 * s2
            } else {
                10.0 * unit * s2 - 1.0
            };
            return Some((i + 3, lo, hi));
        }
        // `hundreds of years` is a duration.
        let mut k = i + 2;
        if doc.is(k, "the") {
            k += 1;
        }
        if time_unit(doc.tok(k)) {
            return None;
        }
    }
    match w {
        "tens" if of => Some((i + 1, 20.0, 99.0)),
        "scores" if of => Some((i + 1, 40.0, 99.0)),
        "tens" | "scores" => None,
        "dozens" => Some((i + 1, 24.0, 99.0)),
        _ => {
            // `hundreds of years`, `thousands of miles` checked above; the
            // figure itself is 2x..10x the unit.
            if doc.tok(i + 1) == "-" && glued(doc, i + 1) {
                return None;
            }
            Some((i + 1, 2.0 * unit, 10.0 * unit - 1.0))
        }
    }
}

/// Words before `half` that make it a part of a thing, not a share
/// (`the western half`, `a half`).
static HALF_NOT_BEFORE: Words = Words::new(&[
    "the", "this", "that", "each", "either", "every", "first", "second", "other", "latter",
    "former", "top", "bottom", "upper", "lower", "back", "front", "eastern", "western", "northern",
    "southern", "east", "west", "north", "south", "its", "their", "his", "her", "our", "my",
    "your", "a", "one",
]);

/// Builds this file's lists now (see `figures::prepare`).
pub fn prepare() {
    HALF_NOT_BEFORE.contains("");
}

/// The possessive `’s`/`'s` just before `i` (`the city's western half`).
fn possessive_before(doc: &Doc, i: usize) -> bool {
    i >= 2 && doc.is(i - 1, "s") && matches!(doc.tok(i - 2), "'" | "’")
}

/// A fraction at `i` as a percent value: `half of`, `a third of`,
/// `two-thirds`, `three quarters`, `one in five`.
pub fn fraction(doc: &Doc, i: usize) -> Option<(usize, f64)> {
    // Every form opens with a word (`half`, `a`, `one`, a number word).
    if is_num(doc, i) {
        return None;
    }
    let w = doc.low(i);
    if w == "half" {
        const NEXT: &[&str] = &[
            "of", "the", "a", "an", "its", "their", "his", "her", "our", "those", "these", "all",
            "them",
        ];
        let next = doc.low(i + 1);
        if !NEXT.contains(&next) {
            return None;
        }
        // `half a million`, `half a dozen` are numbers, read by `word_number`.
        let after = doc.tok(i + 2);
        if matches!(next, "a" | "an")
            && (scale_word(after).is_some() || after.eq_ignore_ascii_case("dozen"))
            || next == "of"
                && (doc.is(i + 2, "a") || doc.is(i + 2, "an"))
                && scale_word(doc.tok(i + 3)).is_some_and(|s| s >= 1e3)
        {
            return None;
        }
        if i > 0 {
            let prev = doc.low(i - 1);
            if HALF_NOT_BEFORE.contains(prev) || possessive_before(doc, i) || prev.ends_with("ern")
            {
                return None;
            }
        }
        // `half an hour`, `half the time` as a duration belongs to dates.
        let mut k = i + 1;
        while k < i + 3 && matches!(doc.low(k), "of" | "a" | "an" | "the") {
            k += 1;
        }
        if time_unit(doc.tok(k)) {
            return None;
        }
        return Some((i + 1, 50.0));
    }
    // `a third of`, `one quarter of`
    if (w == "a" || w == "one")
        && let Some(f) = fraction_word(doc.tok(i + 1))
    {
        let single = !doc.low(i + 1).ends_with('s');
        let hyph = doc.tok(i + 1) == "-";
        if hyph || !single || !doc.is(i + 2, "of") {
            return None;
        }
        let mut k = i + 3;
        if matches!(doc.low(k), "a" | "an" | "the") {
            k += 1;
        }
        // `a quarter of a million` is a number, read by `word_number`.
        let scale_next = k > i + 3 && scale_word(doc.tok(k)).is_some_and(|s| s >= 1e3);
        if time_unit(doc.tok(k)) || doc.is(i + 1, "half") || scale_next {
            return None;
        }
        return Some((i + 2, f));
    }
    // `two-thirds`, `three quarters`
    if let Some(n) = small_number(w).filter(|&n| (1..=10).contains(&n)) {
        let (k, sep) = if doc.tok(i + 1) == "-" && glued(doc, i + 1) && glued(doc, i + 2) {
            (i + 2, true)
        } else {
            (i + 1, false)
        };
        let fw = doc.tok(k);
        if (fw.to_ascii_lowercase().ends_with('s') || sep)
            && let Some(f) = fraction_word(fw)
        {
            if fw.eq_ignore_ascii_case("halves") {
                return None;
            }
            return Some((k + 1, f64::from(n) * f));
        }
    }
    None
}

/// `one in five`, `1 in 10`, `seven out of ten`: a share, as a percent.
pub fn ratio(doc: &Doc, i: usize) -> Option<(usize, f64)> {
    // Digits are one token, so `in` or `out` must follow at once: checked
    // before parsing, as most numbers are no share.
    if is_num(doc, i) && !doc.is(i + 1, "in") && !doc.is(i + 1, "out") {
        return None;
    }
    let one = |k: usize| -> Option<(usize, f64)> {
        if is_num(doc, k) {
            return doc.tok(k).parse::<f64>().ok().map(|v| (k + 1, v));
        }
        if is_word(doc, k) {
            let n = word_number(doc, k)?;
            return Some((n.b, n.value));
        }
        None
    };
    let (k, n) = one(i)?;
    let k2 = if doc.is(k, "in") {
        k + 1
    } else if doc.is(k, "out") && doc.is(k + 1, "of") {
        k + 2
    } else {
        return None;
    };
    let (end, m) = one(k2)?;
    if !(m >= 2.0 && n >= 1.0 && n < m && m <= 1000.0) || time_unit(doc.tok(end)) {
        return None;
    }
    Some((end, 100.0 * n / m))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn val(t: &str) -> Option<(String, f64)> {
        let d = Doc::new(t);
        let n = digit_number(&d, 0).or_else(|| word_number(&d, 0))?;
        Some((d.slice(n.core, n.b).to_string(), n.value))
    }

    #[test]
    fn digits_and_words() {
        assert_eq!(val("750,000 people"), Some(("750,000".into(), 750000.0)));
        assert_eq!(val("3,000.5"), Some(("3,000.5".into(), 3000.5)));
        assert_eq!(
            val("1\u{2009}000\u{2009}000"),
            Some(("1\u{2009}000\u{2009}000".into(), 1e6))
        );
        assert_eq!(val("10k"), Some(("10k".into(), 1e4)));
        assert_eq!(val("3.5bn"), Some(("3.5bn".into(), 3.5e9)));
        assert_eq!(val("1.5 million"), Some(("1.5 million".into(), 1.5e6)));
        assert_eq!(val("twenty-eight"), Some(("twenty-eight".into(), 28.0)));
        assert_eq!(
            val("two hundred and fifty thousand people"),
            Some(("two hundred and fifty thousand".into(), 250000.0))
        );
        assert_eq!(val("a million"), Some(("a million".into(), 1e6)));
        assert_eq!(
            val("one and a half million"),
            Some(("one and a half million".into(), 1.5e6))
        );
        assert_eq!(val("a dozen"), Some(("a dozen".into(), 12.0)));
        assert_eq!(val("half a million"), Some(("half a million".into(), 5e5)));
        assert_eq!(val("a half-million"), Some(("a half-million".into(), 5e5)));
        assert_eq!(val("192.168.1.2"), None);
        assert_eq!(val("a man"), None);
        assert_eq!(val("five six"), Some(("five".into(), 5.0)));
    }

    #[test]
    fn digits_parse_as_floats_do() {
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut cases: Vec<String> = ["", "0", "007", "9007199254740993", "123456789012345"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for _ in 0..3000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let digits = x.to_string();
            let cut = (x % 21) as usize;
            cases.push(digits.get(..cut).unwrap_or(&digits).to_string());
            cases.push(format!("{}.{}", x % 1000, x % 97));
        }
        for s in cases {
            assert_eq!(
                crate::text::digits_value(&s),
                s.parse::<f64>().ok(),
                "{s:?}"
            );
        }
    }

    #[test]
    fn vague_amounts() {
        let v = |t: &str| {
            let d = Doc::new(t);
            vague(&d, 0).map(|(e, lo, hi)| (d.slice(0, e).to_string(), lo, hi))
        };
        assert_eq!(v("dozens of"), Some(("dozens".into(), 24.0, 99.0)));
        assert_eq!(
            v("tens of thousands of"),
            Some(("tens of thousands".into(), 20000.0, 99999.0))
        );
        assert_eq!(
            v("several thousand"),
            Some(("several thousand".into(), 3000.0, 9999.0))
        );
        assert_eq!(v("hundreds of years"), None);
        assert_eq!(v("tens"), None);
    }

    #[test]
    fn fractions() {
        let f = |t: &str| {
            let d = Doc::new(t);
            fraction(&d, 0)
                .or_else(|| ratio(&d, 0))
                .map(|(e, v)| (d.slice(0, e).to_string(), v.round()))
        };
        assert_eq!(f("half of them"), Some(("half".into(), 50.0)));
        assert_eq!(f("two-thirds of"), Some(("two-thirds".into(), 67.0)));
        assert_eq!(f("a third of the city"), Some(("a third".into(), 33.0)));
        assert_eq!(f("a third strike"), None);
        assert_eq!(
            f("one in five children"),
            Some(("one in five".into(), 20.0))
        );
    }
}
