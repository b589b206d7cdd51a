//! The figures lens (ANNOTATION.md §4): counts and amounts with value, hedge,
//! what they count and who says so.
//!
//! One left-to-right pass over the shared tokens. At each token the lens
//! tries to read `[hedge] [between] amount [range] [post-hedge]`, where an
//! amount is `[currency] number-or-vague-or-fraction [scale] [percent |
//! currency | unit]`; then it checks the number is not part of a date, a
//! name or an identifier, and reads the counted noun and the source from the
//! sentence. Every reader looks at a bounded window, so the pass is linear.

mod context;
#[cfg(test)]
mod gate_tests;
mod number;
mod words;

use std::borrow::Cow;

use crate::lexicon::Words;
use crate::model::{Extra, Label, Span};
use crate::text::{Doc, Kind as TokenKind, Token};
use number::{Num, bare_scale, digit_number, fraction, may_open_number, ratio, vague, word_number};
use words::{
    CURRENCIES, Currency, HEDGES, Opens, Phrases, Pos, STARTER_SIEVE, STARTERS, UNITS, compass,
    glued, is_num, is_word, label_noun, month, small_number, time_unit,
};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Count,
    Vague,
    Percent,
    Money,
    Quantity,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Vague => "vague",
            Kind::Percent => "percent",
            Kind::Money => "money",
            Kind::Quantity => "quantity",
        }
    }
}

/// One amount: `$3.5bn`, `20 percent`, `hundreds`, `50 km`.
#[derive(Clone, Debug)]
struct Amount {
    a: usize,
    b: usize,
    lo: f64,
    hi: f64,
    kind: Kind,
    unit: Option<&'static str>,
    num: Option<Num>,
    cur_prefix: bool,
    rule: &'static str,
}

impl Amount {
    /// The amount as money whose currency follows the number and ends at
    /// token `end` (`12 dollars`, `5 EUR`, `12-cent`).
    fn money_after(mut self, end: usize, cu: &'static words::Currency) -> Amount {
        self.b = end;
        self.kind = Kind::Money;
        self.unit = Some(&cu.code);
        self.lo /= cu.divisor;
        self.hi = self.lo;
        self.rule = "currency after the number";
        self
    }
}

/// Finds figures in `doc`; `taken` holds the dates, actors and places already
/// found (numbers inside them are not figures; actors are figure sources).
// A stage of its own in profiles (callgrind), so its cost can be read.
#[inline(never)]
pub fn find(doc: &Doc, taken: &[Span]) -> Vec<Span> {
    prepare();
    let (mut blocked, places) = taken_tokens(doc, taken);
    block_addresses(doc, &mut blocked);
    let actors = context::actors(taken);
    // News holds a figure every fifty tokens or so: room for about that
    // many spares most regrowing (and copying) of the spans.
    let mut out: Vec<Span> = Vec::with_capacity(doc.tokens.len() / 48);
    // The last figure that counts something (its index in `out`) and its
    // sentence.
    let mut prev_counts: Option<(usize, usize)> = None;
    // The first token after the last figure.
    let mut next = 0;
    for (i, (t, &off)) in doc.tokens.iter().zip(&blocked).enumerate() {
        // A figure starting in a blocked token would be dropped below.
        if i < next || off || !may_open(doc, t) {
            continue;
        }
        let Some(f) = listed_opens(doc, i, t).and_then(|o| read_figure(doc, i, &places, o)) else {
            continue;
        };
        if f.b <= i || (f.a..f.b).any(|k| blocked.get(k).copied().unwrap_or(true)) {
            continue;
        }
        let Fig {
            a, b, lo, hi, kind, ..
        } = f;
        let mut counts = None;
        // A count is of whole things: `a magnitude 6.1 quake` counts nothing.
        let whole = lo.fract() == 0.0 && hi.fract() == 0.0;
        if matches!(kind, Kind::Count | Kind::Vague) && whole {
            let prev = prev_counts.and_then(|(k, s)| Some((out.get(k)?.counts()?, s)));
            counts = context::counts(doc, a, b, lo == 1.0 && hi == 1.0, &actors, prev);
            if counts.is_some() {
                let sent = doc.sentence_of.get(a).copied().unwrap_or(0) as usize;
                prev_counts = Some((out.len(), sent));
            }
        }
        // `20 percent of the population`: a share counts what follows `of`.
        if kind == Kind::Percent && doc.is(b, "of") {
            counts = context::counts(doc, a, b, false, &actors, None);
        }
        let source = context::source(doc, a, b, &actors);
        out.push(f.into_span(doc, counts, source));
        next = b;
    }
    out
}

/// Builds every word list of the lens, once, in the first call: most are
/// built on first use, and a text that first needs one (a number word, a
/// month) would otherwise pay for building it. The reader's warm-up call
/// (DESIGN.md) takes this cost, not an article; later calls pay one check.
fn prepare() {
    static PREPARED: std::sync::Once = std::sync::Once::new();
    PREPARED.call_once(|| {
        words::prepare();
        number::prepare();
        context::prepare();
        AFTER_COUNT.contains("");
    });
}

/// The tokens inside the taken spans (numbers there are not figures), and
/// those inside places (`In Baghdad 12 died` is a count, not a model).
fn taken_tokens(doc: &Doc, taken: &[Span]) -> (Vec<bool>, Vec<bool>) {
    let n = doc.tokens.len();
    let mut blocked = vec![false; n];
    let mut places = vec![false; n];
    // The taken spans come in text order: a cursor finds the first token of
    // each (as a binary search would, for spans in any order).
    let in_order = taken.windows(2).all(|w| w[0].start <= w[1].start);
    let mut cursor = 0;
    for s in taken {
        let first = if in_order {
            while doc.tokens.get(cursor).is_some_and(|t| t.end() <= s.start) {
                cursor += 1;
            }
            cursor
        } else {
            doc.tokens.partition_point(|t| t.end() <= s.start)
        };
        let place = s.label == Label::Place;
        for (k, t) in doc.tokens.iter().enumerate().skip(first) {
            if t.start() >= s.end {
                break;
            }
            if let Some(b) = blocked.get_mut(k) {
                *b = true;
            }
            if place && let Some(p) = places.get_mut(k) {
                *p = true;
            }
        }
    }
    (blocked, places)
}

/// Marks the numbers inside a web or mail address as parts of it: a run of
/// glued tokens whose text holds `://`, `www.` or `@`.
///
/// Reads the tokens once, instead of the text of every run: the tokenizer
/// skips only spaces and the like (never in a mark) and makes every other
/// character that is no letter or digit a token of its own. So each of the
/// three marks holds a punctuation token (`:`, `.`, `@`) whose neighbouring
/// text completes it, and all of it lies in the glued run of that token.
/// Each find blocks its run, and the scan goes on after the run, so the pass
/// stays linear even over one long run full of marks.
fn block_addresses(doc: &Doc, blocked: &mut [bool]) {
    let n = doc.tokens.len();
    let bytes = doc.text.as_bytes();
    let mut next = 0;
    for (k, t) in doc.tokens.iter().enumerate() {
        // The kind and then one byte decide for almost every token: the
        // mark's own character, a punctuation token.
        if t.kind != TokenKind::Punct {
            continue;
        }
        let mark = match bytes.get(t.start()) {
            Some(b'@') => true,
            Some(b':') => bytes.get(t.start()..t.start() + 3) == Some(b"://"),
            Some(b'.') => t.start() >= 3 && bytes.get(t.start() - 3..t.start()) == Some(b"www"),
            _ => false,
        };
        if !mark || k < next {
            continue;
        }
        let mut a = k;
        while a > 0 && glued(doc, a) {
            a -= 1;
        }
        let mut b = k + 1;
        while b < n && glued(doc, b) {
            b += 1;
        }
        for x in blocked.iter_mut().take(b).skip(a) {
            *x = true;
        }
        next = b;
    }
}

/// A figure found at a token, before its context is read.
struct Fig {
    a: usize,
    b: usize,
    lo: f64,
    hi: f64,
    kind: Kind,
    unit: Option<&'static str>,
    approx: Option<(String, &'static str)>,
    /// The rule's name alone is a borrowed word; a hedge makes it a string.
    why: Cow<'static, str>,
}

impl Fig {
    /// The figure as a span, with what it counts and its source; its
    /// strings move into it, and its rarer attributes are boxed at once.
    fn into_span(self, doc: &Doc, counts: Option<String>, source: Option<String>) -> Span {
        let (Some(ta), Some(tb)) = (doc.tokens.get(self.a), doc.tokens.get(self.b - 1)) else {
            return Span::bare(Label::Figure, self.kind.as_str(), 0, 0);
        };
        let mut s = Span::bare(Label::Figure, self.kind.as_str(), ta.start(), tb.end());
        let mut value = String::with_capacity(16);
        push_num(&mut value, self.lo);
        if self.lo != self.hi {
            value.push_str("..");
            push_num(&mut value, self.hi);
        }
        s.value = Some(value);
        s.why = Some(self.why);
        let (approx, approx_kind) = match self.approx {
            Some((h, k)) => (Some(h), Some(k.to_string())),
            None => (None, None),
        };
        let unit = self.unit.map(str::to_string);
        if unit.is_some() || approx.is_some() || counts.is_some() || source.is_some() {
            s.extra = Some(Box::new(Extra {
                approx,
                approx_kind,
                counts,
                unit,
                source,
                ..Extra::default()
            }));
        }
        s
    }
}

/// Digits of a value: integers plainly, decimals with at most six places
/// (two for shares such as a third).
#[cfg(test)]
fn fmt_num(v: f64) -> String {
    let mut s = String::new();
    push_num(&mut s, v);
    s
}

/// Appends the digits of a value (see `fmt_num`) to `out`: what
/// `format!("{v:.6}")` prints with trailing zeros (and a bare `-` of zero)
/// trimmed, written without the formatting machinery for every finite value
/// below 2^53.
fn push_num(out: &mut String, v: f64) {
    // Most values are whole: below 2^53 an `f64` holds every integer exactly,
    // so its digits are those of the `i64` (and `-0` prints as `0`).
    if v.fract() == 0.0 && v.abs() < 9_007_199_254_740_992.0 {
        if v < 0.0 {
            out.push('-');
        }
        crate::calendar::push_digits(out, v.abs() as u64, 0);
        return;
    }
    if let Some(q) = millionths(v) {
        let (whole, part) = (q / 1_000_000, (q % 1_000_000) as u64);
        if q == 0 {
            out.push('0');
            return;
        }
        if v < 0.0 {
            out.push('-');
        }
        crate::calendar::push_digits(out, u64::try_from(whole).unwrap_or(0), 0);
        if part != 0 {
            out.push('.');
            // Six places, less the zeros they end with.
            let mut part = part;
            let mut places = 6;
            while part % 10 == 0 {
                part /= 10;
                places -= 1;
            }
            crate::calendar::push_digits(out, part, places);
        }
        return;
    }
    let mut s = format!("{v:.6}");
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    out.push_str(if s == "-0" { "0" } else { &s });
}

/// `|v|` in millionths, rounded as fixed-precision formatting rounds: from
/// the exact binary value, half to even. `None` beyond 2^53 and for
/// infinities and NaN.
fn millionths(v: f64) -> Option<u128> {
    if !v.is_finite() || v.abs() >= 9_007_199_254_740_992.0 {
        return None;
    }
    // `|v| = m · 2^e` exactly.
    let bits = v.abs().to_bits();
    let (biased, fraction) = ((bits >> 52) as i32, bits & ((1 << 52) - 1));
    let (m, e) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1 << 52, biased - 1075)
    };
    let scaled = u128::from(m) * 1_000_000;
    if e >= 0 {
        return Some(scaled << e);
    }
    let shift = e.unsigned_abs();
    if shift >= 128 {
        // Below 2^-55: far less than half a millionth.
        return Some(0);
    }
    let q = scaled >> shift;
    let rest = scaled - (q << shift);
    let half = 1u128 << (shift - 1);
    Some(if rest > half || rest == half && q & 1 == 1 {
        q + 1
    } else {
        q
    })
}

/// The first sentence token, or one after a line break, quote or bracket.
fn sentence_initial(doc: &Doc, i: usize) -> bool {
    let (s0, _) = doc.sentence(i);
    i == s0
        || doc.tokens.get(i).is_some_and(|t| t.line_start)
        || i > 0
            && matches!(
                doc.tok(i - 1),
                "“" | "\"" | "‘" | "'" | "(" | "[" | ":" | "—" | "–"
            )
}

fn upper(doc: &Doc, i: usize) -> bool {
    doc.tokens.get(i).is_some_and(|t| t.upper)
}

/// A dimension adjective after `1.8m`: metres, not millions.
fn dimension_word(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "tall" | "long" | "high" | "deep" | "wide" | "away" | "thick" | "above" | "below"
    )
}

fn percent_suffix(doc: &Doc, e: usize) -> Option<usize> {
    let w = doc.low(e);
    match w {
        "%" => Some(e + 1),
        "percent" | "percents" | "percentage" => {
            if doc.is(e + 1, "points") || doc.is(e + 1, "point") {
                Some(e + 2)
            } else {
                Some(e + 1)
            }
        }
        "per" if doc.is(e + 1, "cent") => Some(e + 2),
        "pc" | "pct" if glued(doc, e) => Some(e + 1),
        _ => None,
    }
}

/// A minus sign before digits: `-5`, `−3.2C`.
fn is_sign(w: &str) -> bool {
    matches!(w, "-" | "−")
}

/// An amount at token `k`, with a sign: `-5`, `−3.2C`, `minus five percent`.
/// `opens` is what token `k` opens, as far as known.
fn amount(doc: &Doc, k: usize, opens: Opens) -> Option<Amount> {
    let dash = is_sign(doc.tok(k))
        && (k == 0 || !glued(doc, k) && !is_num(doc, k - 1))
        && glued(doc, k + 1)
        && (is_num(doc, k + 1) || doc.tok(k + 1) == "$");
    let word = (doc.is(k, "minus") || doc.is(k, "negative"))
        && (is_num(doc, k + 1) || word_number(doc, k + 1).is_some());
    if !dash && !word {
        return unsigned_amount(doc, k, opens);
    }
    let mut am = unsigned_amount(doc, k + 1, Opens::ALL)?;
    if am.kind == Kind::Vague || am.num.is_none() {
        return None;
    }
    am.a = k;
    (am.lo, am.hi) = (-am.hi, -am.lo);
    Some(am)
}

/// An amount at token `k`, without a sign; `opens` as for [`amount`].
fn unsigned_amount(doc: &Doc, k: usize, opens: Opens) -> Option<Amount> {
    let mut cur: Option<&'static Currency> = None;
    let mut c = k;
    let currency = match opens.currencies {
        Some(currencies) => Phrases::first_at(currencies, doc, k),
        None => CURRENCIES.at(doc, k),
    };
    if let Some((e, cu)) = currency
        && cu.pre
        && (is_num(doc, e) || is_word(doc, e) && word_number(doc, e).is_some())
    {
        cur = Some(cu);
        c = e;
    }
    // Most words that get here open a figure as a hedge or a currency
    // (`about`, `Iraqi`), not as a number.
    if cur.is_none() && !opens.number.unwrap_or_else(|| may_open_number(doc, c)) {
        return None;
    }
    if cur.is_none() {
        // Shares first: `two-thirds` and `one in five` start like numbers.
        if let Some((e, v)) = fraction(doc, c).or_else(|| ratio(doc, c)) {
            let v = (v * 100.0).round() / 100.0;
            return Some(Amount {
                a: k,
                b: e,
                lo: v,
                hi: v,
                kind: Kind::Percent,
                unit: None,
                num: None,
                cur_prefix: false,
                rule: "fraction",
            });
        }
        if let Some((e, lo, hi)) = vague(doc, c) {
            let mut am = Amount {
                a: k,
                b: e,
                lo,
                hi,
                kind: Kind::Vague,
                unit: None,
                num: None,
                cur_prefix: false,
                rule: "vague amount",
            };
            // `millions of dollars`
            if doc.is(e, "of")
                && let Some((e2, cu)) = CURRENCIES.at(doc, e + 1)
                && cu.post
                && cu.divisor == 1.0
            {
                am.b = e2;
                am.kind = Kind::Money;
                am.unit = Some(&cu.code);
            }
            return Some(am);
        }
    }
    let n = digit_number(doc, c)
        .or_else(|| word_number(doc, c))
        .or_else(|| bare_scale(doc, c))?;
    let mut am = Amount {
        a: k,
        b: n.b,
        lo: n.value,
        hi: n.value,
        kind: Kind::Count,
        unit: None,
        num: Some(n.clone()),
        cur_prefix: cur.is_some(),
        rule: if n.words { "number in words" } else { "digits" },
    };
    let e = n.b;
    // `1/2 of the voters`, `¾ of the budget`: a share, as `half of` is.
    let written_fraction = !n.words
        && n.value < 1.0
        && n.int_len <= 2
        && (doc.tok(e.wrapping_sub(2)) == "/" || n.int_len == 0);
    if cur.is_none() && written_fraction && n.scale == 1.0 && doc.is(e, "of") {
        let v = (n.value * 10000.0).round() / 100.0;
        am.lo = v;
        am.hi = v;
        am.kind = Kind::Percent;
        am.rule = "fraction";
        return Some(am);
    }
    if let Some(cu) = cur {
        am.kind = Kind::Money;
        am.unit = Some(&cu.code);
        am.rule = "currency before the number";
        // `$249 USD`, `$9.99 US dollars`
        if let Some((e2, cu2)) = CURRENCIES.at(doc, e)
            && cu2.post
            && cu2.code == cu.code
        {
            am.b = e2;
        }
        return Some(am);
    }
    if let Some(e2) = percent_suffix(doc, e) {
        am.b = e2;
        am.kind = Kind::Percent;
        am.rule = "percent";
        return Some(am);
    }
    if let Some((e2, cu)) = CURRENCIES.at(doc, e)
        && cu.post
    {
        return Some(am.money_after(e2, cu));
    }
    // `1.8m tall`, `a 100m sprint`: metres before a dimension word or a
    // singular noun; `1m people`, `£20m` are millions.
    let singular_noun = is_word(doc, e)
        && !upper(doc, e)
        && !context::stop(doc.tok(e))
        && !context::is_plural(doc.tok(e));
    if n.glued_m && (dimension_word(doc.tok(e)) || singular_noun) {
        am.lo = n.value / 1e6;
        am.hi = am.lo;
        am.kind = Kind::Quantity;
        am.unit = Some("m");
        am.rule = "metres";
        return Some(am);
    }
    // `3.5-inch`, `six-mile`: the unit after a hyphen.
    let (ue, hyph) = if doc.tok(e) == "-" && glued(doc, e) && glued(doc, e + 1) {
        (e + 1, true)
    } else {
        (e, false)
    };
    if (n.scale == 1.0 || !n.glued_m)
        && let Some((e2, unit)) = UNITS.at(doc, ue)
    {
        // After a hyphen a unit is singular: `3.5-inch`, `six-mile`.
        let ok = !hyph || !doc.tok(ue).ends_with('s') || doc.tok(ue).len() <= 3;
        if ok {
            am.b = e2;
            am.kind = Kind::Quantity;
            am.unit = Some(unit);
            am.rule = "unit";
            if !hyph && let Some((e3, v)) = smaller_unit(doc, e2, unit) {
                am.b = e3;
                am.lo += v;
                am.hi = am.lo;
                am.rule = "unit with a smaller unit";
            }
            return Some(am);
        }
    }
    // `12-cent`, `one-yen`
    if hyph
        && let Some((e2, cu)) = CURRENCIES.at(doc, ue)
        && cu.post
    {
        return Some(am.money_after(e2, cu));
    }
    if compass(doc.tok(e)) && doc.is(e + 1, "of") && !n.words {
        am.kind = Kind::Quantity;
        am.rule = "distance with its unit left out";
    }
    Some(am)
}

/// Words that never make the next number a name part, even capitalized
/// mid-sentence (title-case headlines: `Kills Five`).
fn name_before(doc: &Doc, p: usize) -> bool {
    let w = doc.tok(p);
    let mixed = w.chars().skip(1).any(char::is_uppercase) && w.chars().any(char::is_lowercase);
    is_word(doc, p)
        && (upper(doc, p) || mixed)
        && (!sentence_initial(doc, p) || mixed)
        && !context::stop(doc.tok(p))
        && CURRENCIES.at(doc, p).is_none()
        && HEDGES.at(doc, p).is_none()
        && !weekday(w)
        && (mixed || !title_case(doc, p))
}

/// Whether token `p` sits in a title-case headline (`Bomb Kills 20 in
/// Baghdad`), where capitals do not mark names. Looks at a bounded window.
fn title_case(doc: &Doc, p: usize) -> bool {
    let (s0, s1) = doc.sentence(p);
    let lo = s0.max(p.saturating_sub(40));
    let hi = s1.min(p + 40);
    let mut caps = 0;
    for k in lo..hi {
        let w = doc.tok(k);
        if is_word(doc, k) && w.len() >= 4 {
            if upper(doc, k) {
                caps += 1;
            } else {
                return false;
            }
        }
    }
    caps >= 3
}

/// Prepositions that front a place before a count (`In Baghdad 12 people`).
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "on",
    "from",
    "across",
    "near",
    "around",
    "throughout",
    "inside",
    "outside",
    "for",
    "to",
    "into",
    "within",
    "outside",
    "beyond",
];

/// Determiners before a name: `the Trent 900 engines`.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this",
];

/// `iPhone`, `eBay`: a capital after the first letter marks a product name.
fn mixed_case(w: &str) -> bool {
    w.chars().skip(1).any(char::is_uppercase) && w.chars().any(char::is_lowercase)
}

/// Words after a count that describe, not name, what is counted
/// (`293 dead`, `147 aboard`, `took 253 hostage`).
static AFTER_COUNT: Words = Words::new(&[
    "aboard",
    "additional",
    "alive",
    "altogether",
    "apiece",
    "captive",
    "dead",
    "each",
    "extra",
    "fewer",
    "hostage",
    "injured",
    "less",
    "missing",
    "more",
    "odd",
    "other",
    "overall",
    "plus",
    "prisoner",
    "strong",
    "total",
    "wounded",
]);

/// Whether the lower-case words after a number end in a singular noun with
/// no plural among them (`737 narrowbody airliner`, `the final 717 jet`): a
/// count goes on to a plural (`253 civilian casualties`), a model does not.
fn model_head(doc: &Doc, e: usize) -> bool {
    let mut nouns = 0;
    for k in e..e + 4 {
        let w = doc.tok(k);
        if !is_word(doc, k) || upper(doc, k) || context::stop(w) {
            break;
        }
        let l = w.to_ascii_lowercase();
        if context::is_plural(w) || AFTER_COUNT.contains(l.as_str()) {
            return false;
        }
        // `179 new aerial refueling tankers`: modifiers go on to the head.
        if l.ends_with("ing") || context::loose_adjective(&l) {
            continue;
        }
        if l.ends_with("ed") || l.ends_with("ly") || context::irregular_verb(&l) {
            break;
        }
        nouns += 1;
    }
    nouns > 0
}

/// Weekday names: `On Saturday 5,000 people marched`.
fn weekday(w: &str) -> bool {
    matches!(
        w,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

/// Street words after a house number.
fn street(w: &str) -> bool {
    matches!(
        w,
        "Street"
            | "St"
            | "Road"
            | "Rd"
            | "Avenue"
            | "Ave"
            | "Boulevard"
            | "Blvd"
            | "Lane"
            | "Drive"
            | "Square"
            | "Place"
            | "Way"
            | "Terrace"
            | "Court"
    )
}

/// Whether digits glued on by `-`, `/`, `:` and the like follow the amount
/// ending before token `e` (`555-1234`, `3-1`, `24/7`, `18:00`).
fn glued_number_after(doc: &Doc, e: usize) -> bool {
    glued(doc, e)
        && matches!(doc.tok(e), "-" | "/" | ":" | "." | "–" | "×")
        && glued(doc, e + 1)
        && is_num(doc, e + 1)
}

/// Whether the amount is a figure and not part of a date, time, name,
/// identifier, ordinal or the pronoun `one`. `tail` also rejects a glued
/// `-digits` after it (phone numbers, scores), checked once no range formed.
fn valid(doc: &Doc, am: &Amount, hedged: bool, tail: bool, second: bool, places: &[bool]) -> bool {
    let Some(n) = &am.num else {
        return !time_unit(doc.tok(am.b));
    };
    let c = n.core;
    let e = am.b;
    let post_hedge = doc.tok(e) == "-"
        && HEDGES
            .at(doc, e + 1)
            .is_some_and(|(_, h)| h.pos == Pos::Post);
    // After the amount.
    if time_unit(doc.tok(e))
        || doc.tok(e) == "-" && glued(doc, e) && time_unit(doc.tok(e + 1))
        || (doc.is(e, "a") || doc.is(e, "p")) && doc.tok(e + 1) == "." && doc.is(e + 2, "m")
    {
        return false;
    }
    if glued(doc, e) && is_word(doc, e) {
        return false; // 5th, 1990s, 737s, 10am, 320x240
    }
    if tail && glued_number_after(doc, e) {
        return false; // 555-1234, 3-1, 24/7, 18:00
    }
    if doc.tok(e) == "-"
        && glued(doc, e)
        && glued(doc, e + 1)
        && is_word(doc, e + 1)
        && !matches!(am.kind, Kind::Quantity | Kind::Money)
        && !post_hedge
        && !doc.is(e + 1, "strong")
    {
        return false; // one-time, 10-point, two-state (but a 5,000-strong force)
    }
    if is_word(doc, e) && month(doc.tok(e)) && n.value <= 31.0 && !n.grouped {
        return false;
    }
    let p = c.wrapping_sub(1);
    if !n.words {
        if c > 0 && !am.cur_prefix && !second && glued(doc, c) && is_word(doc, p) {
            return false; // G7, A320, MH17, A400M
        }
        // With a scale word (`#13 billion`) the number is an amount whatever
        // stands before it.
        if c > 0 && !am.cur_prefix && !second && n.scale < 1e6 {
            if glued(doc, c)
                && matches!(
                    doc.tok(p),
                    "-" | "/" | ":" | "." | "," | "#" | "+" | "^" | "–"
                )
                && glued(doc, p)
                && (is_word(doc, p.wrapping_sub(1)) || is_num(doc, p.wrapping_sub(1)))
            {
                return false; // F-16, COVID-19, 2016-17, 5/17
            }
            // `junctions 5 and 6`: the second label of a pair.
            let pair = matches!(doc.tok(p), "and" | "or" | "to" | ",")
                && is_num(doc, p.wrapping_sub(1))
                && label_noun(doc.tok(p.wrapping_sub(2)));
            if pair || doc.tok(p) == "#" || is_word(doc, p) && label_noun(doc.tok(p)) {
                return false;
            }
            // `'11` (a year), `GMT +8` (an offset)
            if glued(doc, c) && matches!(doc.tok(p), "'" | "’" | "+") && !glued(doc, p) {
                return false;
            }
            if doc.tok(p) == "."
                && (label_noun(doc.tok(p.wrapping_sub(1))) || month(doc.tok(p.wrapping_sub(1))))
            {
                return false; // No. 10, Jan. 5
            }
            if is_word(doc, p) && month(doc.tok(p)) && !n.grouped {
                return false;
            }
            // `Boeing 787`, `Trent 900`; but `In Baghdad 12 people`: a plural
            // noun after the number makes it a count.
            let next = doc.tok(e);
            let plural_next = is_word(doc, e)
                && !upper(doc, e)
                && context::is_plural(next)
                && !context::stop(next);
            // A camel-case product (`iPhone 4 owners`) or a name of several
            // words (`the Rolls-Royce Trent 900 engines`) keeps its number
            // even before a plural; a place never takes one.
            let in_place = places.get(p).copied().unwrap_or(false);
            let q = p.wrapping_sub(1);
            // The plural only rescues a count after a fronted place phrase
            // (`In Baghdad 12 people`), not after `and Fortune 500 firms`.
            let fronted = q == usize::MAX
                || sentence_initial(doc, p)
                || PLACE_PREPOSITIONS.contains(&doc.low(q));
            let long_name = is_word(doc, q) && upper(doc, q) && !context::stop(doc.tok(q))
                || DETERMINERS.contains(&doc.low(q))
                || !fronted;
            // `Obama 47 percent`: a measure after a name is no part of it.
            if am.kind == Kind::Count
                && name_before(doc, p)
                && !in_place
                && (!plural_next || mixed_case(doc.tok(p)) || long_name)
            {
                return false;
            }
            // `the 787 Dreamliner`, `Boeing's 747`: an odd three- or
            // four-digit number beside a name is a model, unless it goes on
            // to count plural things (`137 Iraqi soldiers`).
            let odd = !n.grouped
                && !n.decimal
                && n.scale == 1.0
                && n.value >= 100.0
                && n.value % 10.0 != 0.0
                && am.kind == Kind::Count
                && !hedged;
            // Quotes may stand between: `the 787 "Dreamliner"`.
            let en = (e..e + 3)
                .find(|&k| !matches!(doc.tok(k), "\"" | "“" | "`" | "``" | "'" | "''" | "‘"))
                .unwrap_or(e);
            let name_next = is_word(doc, en)
                && upper(doc, en)
                && !doc.tok(en).ends_with('s')
                && !context::is_plural(doc.tok(en + 1));
            let owner = |s: usize| doc.is(s, "s") && glued(doc, s) && upper(doc, s.wrapping_sub(2));
            // `Boeing's 747`, `Boeing's larger 777 planes`
            let adjective = is_word(doc, p) && !upper(doc, p) && !context::stop(doc.tok(p));
            let possessor = owner(p) || adjective && owner(q);
            // `five new 737 aircraft`: a number right after a count names a model.
            let counted = |s: usize| is_num(doc, s) || small_number(doc.tok(s)).is_some();
            let after_count = counted(p) || adjective && counted(q);
            if odd && (name_next || possessor || after_count || model_head(doc, e)) {
                return false;
            }
        }
        let year_like = n.int_len == 4
            && !n.grouped
            && !n.decimal
            && n.scale == 1.0
            && (1000.0..=2100.0).contains(&n.value);
        // `1000-5000` is a range of counts, `2010-2015` one of years.
        let range_of_counts = matches!(doc.tok(e), "-" | "–" | "to")
            && doc.tok(e + 1).parse::<f64>().is_ok_and(|v| v > 2100.0);
        if year_like && am.kind == Kind::Count && !hedged && !range_of_counts {
            return false;
        }
        // `+44 20 7946 0958`: numbers in a row are a phone number or code.
        if c > 0 && is_num(doc, p) && (is_num(doc, e) || doc.tok(p.wrapping_sub(1)) == "+") {
            return false;
        }
        // `0958` (a phone or code part); counts never start with a zero.
        if doc.tok(c).len() > 1 && doc.tok(c).starts_with('0') && !n.decimal {
            return false;
        }
        // `at 10.30`: a clock time.
        if n.decimal
            && n.value < 24.0
            && doc.tok(c + 2).len() == 2
            && doc.tok(c + 2) < "60"
            && ["at", "by", "until", "till", "from", "before", "after"]
                .iter()
                .any(|w| doc.is(p, w))
        {
            return false;
        }
        // `1.` or `2)` opening a line: a list marker.
        if doc.tokens.get(c).is_some_and(|t| t.line_start)
            && matches!(doc.tok(c + 1), "." | ")")
            && !is_num(doc, c + 2)
        {
            return false;
        }
        // `10 Downing Street`: a street number.
        if (e..e + 3)
            .take_while(|&k| upper(doc, k))
            .any(|k| street(doc.tok(k)))
            && upper(doc, e)
        {
            return false;
        }
    } else {
        let w = doc.low(c);
        let bare = n.b == c + 1 && n.scale == 1.0;
        if c > 0 && is_word(doc, p) && label_noun(doc.tok(p)) {
            return false; // number one, Article Five
        }
        // `one or two`, `one to three`: the start of a range.
        let range_start = (doc.is(e, "or") || doc.is(e, "to"))
            && small_number(doc.tok(e + 1)).is_some_and(|v| v > 1);
        if bare && w == "one" && am.kind == Kind::Count && !range_start {
            const NOT_BEFORE: &[&str] = &[
                "the", "no", "any", "every", "each", "this", "that", "which", "another", "anyone",
                "someone", "everyone", "little",
            ];
            const NOT_AFTER: &[&str] = &[
                "point", "hand", "way", "another", "thing", "day", "step", "time", "side",
            ];
            if c > 0 && NOT_BEFORE.contains(&doc.low(p)) {
                return false;
            }
            let next = doc.tok(e);
            // `one finds`, `one says`: the generic pronoun before a verb.
            let verb_s = context::is_plural(next) && next.ends_with('s');
            if !is_word(doc, e)
                || verb_s
                || context::stop(next)
                || NOT_AFTER.contains(&next.to_ascii_lowercase().as_str())
                || next.to_ascii_lowercase().ends_with("ly")
            {
                return false;
            }
        }
        if bare && matches!(w, "zero" | "nought" | "naught") && am.kind == Kind::Count {
            let next = doc.low(e);
            if !(is_word(doc, e) && next.len() > 3 && next.ends_with('s')) {
                return false;
            }
        }
        // `Formula One`, `Group of Seven`, `Big Three`: a capitalized number
        // word inside a sentence is part of a name.
        if upper(doc, c) && !sentence_initial(doc, c) {
            return false;
        }
    }
    true
}

/// `5 feet 2 inches`, `6ft 2in`, `1 m 80 cm`, `7 lb 4 oz`: the smaller unit
/// after a measure, as a part of the larger one (its end and the part).
fn smaller_unit(doc: &Doc, e: usize, unit: &str) -> Option<(usize, f64)> {
    let per = match unit {
        "ft" => ("in", 12.0),
        "m" => ("cm", 100.0),
        "lb" => ("oz", 16.0),
        _ => return None,
    };
    let k = if doc.is(e, "and") { e + 1 } else { e };
    let n = digit_number(doc, k).or_else(|| word_number(doc, k))?;
    if n.scale != 1.0 || n.value >= per.1 {
        return None;
    }
    // `in` is a preposition unless glued (`2in`) or closing the phrase
    // (`12 ft 2 in more`): it is no unit of the list.
    let short_in = doc.is(n.b, "in")
        && per.0 == "in"
        && (glued(doc, n.b)
            || !is_word(doc, n.b + 1)
            || !is_num(doc, n.b + 1) && doc.is(n.b + 1, "more"));
    if short_in {
        return Some((n.b + 1, n.value / per.1));
    }
    let (e2, u2) = UNITS.at(doc, n.b)?;
    if u2 != per.0 {
        return None;
    }
    Some((e2, n.value / per.1))
}

/// Where a second amount may start, for `300-400`, `10 to 15`, `one or two`.
fn range_sep(doc: &Doc, e: usize, first: &Amount) -> Option<(usize, bool)> {
    let w = doc.tok(e);
    if matches!(w, "-" | "–") {
        return Some((e + 1, false));
    }
    if w.eq_ignore_ascii_case("to") {
        // `rose from 5 to 10` is two figures, a change, not a range.
        // But `ranging from 5 to 10`, `anywhere from 5 to 10` is a range.
        let before = first.a.wrapping_sub(1);
        let ranging = matches!(
            doc.tok(before.wrapping_sub(1))
                .to_ascii_lowercase()
                .as_str(),
            "range"
                | "ranges"
                | "ranged"
                | "ranging"
                | "anywhere"
                | "vary"
                | "varies"
                | "varied"
                | "varying"
        );
        if doc.is(before, "from") && !ranging {
            return None;
        }
        return Some((e + 1, false));
    }
    if w.eq_ignore_ascii_case("or") {
        return Some((e + 1, true));
    }
    None
}

/// Joins `first` and `second` into one range if they fit one.
fn join_range(first: &mut Amount, second: &Amount, or: bool, hyphen: bool) -> bool {
    let (Some(n1), Some(n2)) = (&first.num, &second.num) else {
        return false;
    };
    if or && n1.words != n2.words {
        return false;
    }
    // `737-800` is a model: hyphen ranges of numbers past 100 start round.
    if hyphen && !n1.words && first.lo >= 100.0 && first.lo % 5.0 != 0.0 {
        return false;
    }
    // `555-1234` is a phone number, not a range.
    if hyphen && !n1.words && n1.int_len == 3 && n2.int_len == 4 && second.lo % 100.0 != 0.0 {
        return false;
    }
    let mut lo = first.lo;
    if n1.scale == 1.0 && n2.scale > 1.0 && lo * n2.scale <= second.lo {
        lo *= n2.scale;
    }
    match (first.kind, second.kind) {
        (a, b) if a == b => {
            if first.unit != second.unit {
                return false;
            }
        }
        (Kind::Count, _) => {
            first.kind = second.kind;
            first.unit = second.unit;
        }
        // `$12m-20m`: a bare second end of the same size; `rose 0.5% to
        // 7,682` is a change between two different things.
        (_, Kind::Count) if second.lo <= lo * 10.0 => {}
        _ => return false,
    }
    if second.lo <= lo {
        return false;
    }
    first.lo = lo;
    first.hi = second.lo;
    first.b = second.b;
    first.rule = "range";
    true
}

/// The quick first test of [`opens`]: false for most tokens, and only for
/// tokens that open nothing. Digits pass. Other tokens pass if the sieve of
/// the starters and the signs lets them, except general punctuation (quotes
/// and dashes, U+2000 to U+207F), which the sieve would pass unread, as
/// it does every character outside ASCII: no starter or sign is among
/// them, and none has another lower case.
fn may_open(doc: &Doc, t: &Token) -> bool {
    let bytes = doc
        .text
        .as_bytes()
        .get(t.start()..t.end())
        .unwrap_or_default();
    match t.kind {
        TokenKind::Num => true,
        TokenKind::Word => STARTER_SIEVE.may_hold(bytes),
        TokenKind::Punct => {
            !matches!(bytes, [0xe2, 0x80 | 0x81, _]) && STARTER_SIEVE.may_hold(bytes)
        }
    }
}

/// What a figure may start with at token `i`, if anything: most tokens open
/// none, and this look-up spares them the whole reading of an amount in
/// [`read_figure`]. [`may_open`], then [`listed_opens`].
#[cfg(test)]
fn opens(doc: &Doc, i: usize) -> Option<Opens> {
    let t = doc.tokens.get(i)?;
    if !may_open(doc, t) {
        return None;
    }
    listed_opens(doc, i, t)
}

/// What a figure may start with at token `i`, `t`, which passed
/// [`may_open`].
///
/// It must hold wherever `read_figure` finds a figure (tested over the seeds,
/// the table tests and hostile strings). Digits open amounts. A word opens
/// what `STARTERS` gives it, the one gate words always had (behind its
/// sieve). Any other sign opens a figure only as the first token of a hedge
/// or a currency (`Phrases::at` looks that up by `doc.low`, and `STARTERS`
/// holds every entry's first token), as a minus sign (`amount`, by
/// `is_sign`) or as a fraction sign (`digits`, by `vulgar`); every other
/// reading of an amount needs a word or digits, so `-`, `,`, `.` and quotes
/// end here.
fn listed_opens(doc: &Doc, i: usize, t: &Token) -> Option<Opens> {
    // No hedge or currency starts with digits (a test checks the lists).
    if t.kind == TokenKind::Num {
        return Some(Opens::AMOUNT);
    }
    let tok = doc.tok(i);
    let listed = STARTERS.get(doc.low(i)).copied();
    if t.kind == TokenKind::Word {
        // The amount readers take any word outside ASCII (`may_open_number`).
        let other = !tok.is_ascii();
        return listed.map(|o| Opens {
            amount: o.amount || other,
            number: o.number.map(|n| n || other),
            ..o
        });
    }
    // Signs: the amount readers take any, hedges and currencies only listed
    // ones (`may_open_number` takes every sign).
    match listed {
        Some(o) => Some(Opens {
            amount: true,
            number: Some(true),
            ..o
        }),
        None => (is_sign(tok) || number::vulgar(tok).is_some()).then_some(Opens::AMOUNT),
    }
}

/// Reads a figure starting at token `i`, whatever the token is.
/// `opens` tells which readings to try at `i` (see [`opens`]).
fn read_figure(doc: &Doc, i: usize, places: &[bool], opens: Opens) -> Option<Fig> {
    let mut approx: Option<(String, &'static str)> = None;
    let mut k = i;
    let hedge = match opens.hedges {
        Some(hedges) => Phrases::first_at(hedges, doc, i),
        None => HEDGES.at(doc, i),
    };
    if let Some((e, h)) = hedge
        && h.pos == Pos::Pre
    {
        approx = Some((doc.slice(i, e).to_lowercase(), h.kind));
        k = e;
    }
    // Without a hedge, a word that opens only hedges opens nothing here.
    if k == i && !opens.amount {
        return None;
    }
    let between = doc.is(k, "between");
    if between {
        k += 1;
    }
    let mut am = amount(doc, k, if k == i { opens } else { Opens::ALL })?;
    if !valid(doc, &am, approx.is_some(), false, false, places) {
        return None;
    }
    let mut ranged = false;
    if between {
        if !doc.is(am.b, "and") {
            return None;
        }
        let second = amount(doc, am.b + 1, Opens::ALL)?;
        if !valid(doc, &second, true, true, true, places)
            || !join_range(&mut am, &second, false, false)
        {
            return None;
        }
        ranged = true;
    } else if let Some((s, or)) = range_sep(doc, am.b, &am)
        && let Some(second) = amount(doc, s, Opens::ALL)
        && valid(doc, &second, true, true, true, places)
        && second.num.is_some()
    {
        let mut joined = am.clone();
        let hyphen = matches!(doc.tok(am.b), "-" | "–");
        if join_range(&mut joined, &second, or, hyphen) {
            am = joined;
            ranged = true;
        }
    }
    // `more than 10 and less than 20`: a lower and an upper bound of one
    // range; the hedge keeps both words, as written.
    if !ranged
        && approx.as_ref().is_some_and(|(_, kind)| *kind == "lower")
        && (doc.is(am.b, "and") || doc.is(am.b, "but"))
        && let Some((e, h)) = HEDGES.at(doc, am.b + 1)
        && h.pos == Pos::Pre
        && h.kind == "upper"
        && let Some(second) = amount(doc, e, Opens::ALL)
        && second.num.is_some()
        && valid(doc, &second, true, true, true, places)
    {
        let mut joined = am.clone();
        if join_range(&mut joined, &second, false, false) {
            let first = approx.as_ref().map(|(h, _)| h.clone()).unwrap_or_default();
            let upper = doc.slice(am.b + 1, e).to_lowercase();
            approx = Some((format!("{first} … {upper}"), "approximate"));
            am = joined;
            ranged = true;
        }
    }
    // Without a range, `am` and the hedge are those `valid` passed above
    // without `tail`, and `tail` only adds this test (after the one early
    // return, for an amount without a number), so it is all that is left.
    if !ranged && am.num.is_some() && glued_number_after(doc, am.b) {
        return None;
    }
    let mut b = am.b;
    // `700,000 or so`, `100-odd`, `50-plus`, `50+`
    let dash = doc.tok(b) == "-" && glued(doc, b);
    let at = if dash { b + 1 } else { b };
    if let Some((e, h)) = HEDGES.at(doc, at) {
        if h.pos == Pos::Post {
            if approx.is_none() {
                approx = Some((doc.slice(at, e).to_lowercase(), h.kind));
            }
            b = e;
        }
    } else if doc.tok(b) == "+" && glued(doc, b) && am.num.is_some() {
        if approx.is_none() {
            approx = Some(("+".into(), "lower"));
        }
        b += 1;
    }
    let why = match &approx {
        None => Cow::Borrowed(am.rule),
        Some((h, kind)) => {
            // `rule; hedge 'h' (kind)`, without the formatting machinery.
            let mut why = String::with_capacity(am.rule.len() + h.len() + kind.len() + 13);
            for part in [am.rule, "; hedge '", h, "' (", kind, ")"] {
                why.push_str(part);
            }
            Cow::Owned(why)
        }
    };
    Some(Fig {
        a: i,
        b,
        lo: am.lo,
        hi: am.hi,
        kind: am.kind,
        unit: am.unit,
        approx,
        why,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figs(text: &str, taken: &[Span]) -> Vec<Span> {
        let doc = Doc::new(text);
        find(&doc, taken)
    }

    fn texts(text: &str) -> Vec<String> {
        figs(text, &[])
            .into_iter()
            .map(|s| s.text_in(text).to_string())
            .collect()
    }

    #[test]
    fn numbers_inside_taken_dates_are_not_figures() {
        let text = "On March 5, 2017, 130 civilians died.";
        let mut date = Span::new(Label::Date, "date", text, 3, 16);
        date.value = Some("2017-03-05".into());
        let got = figs(text, &[date]);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].text_in(text), "130");
    }

    #[test]
    fn dates_times_and_durations_are_guarded_without_the_dates_lens() {
        assert!(texts("It happened on March 5, 2017.").is_empty());
        assert!(texts("He arrived at 10 a.m. after three months of fighting in 2014.").is_empty());
        assert!(texts("The 1990s were calm; call 555-1234.").is_empty());
    }

    #[test]
    fn identifiers_are_not_figures() {
        assert!(texts("F-16 jets, Article 5, COVID-19, the G7 and a Boeing 787.").is_empty());
        assert!(texts("one of them, the third strike, no one").is_empty());
    }

    #[test]
    fn actor_sources_use_entity_keys() {
        let text = "Daesh said 40 fighters were killed, and the group said more.";
        let mut actor = Span::new(Label::Actor, "organization", text, 0, 5);
        actor.entity = Some("ISIS".into());
        let got = figs(text, &[actor]);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].source(), Some("ISIS"));
        assert_eq!(got[0].counts(), Some("fighters"));
    }

    #[test]
    fn named_actors_drop_out_of_counts_but_groups_stay() {
        let text = "Five airstrikes hit two ISIS tactical units and 300 US personnel.";
        let at = |w: &str| text.find(w).unwrap_or(0);
        let isis = Span::new(
            Label::Actor,
            "organization",
            text,
            at("ISIS"),
            at("ISIS") + 4,
        );
        let us = Span::new(Label::Actor, "group", text, at("US p"), at("US p") + 12);
        let got = figs(text, &[isis, us]);
        let c: Vec<_> = got
            .iter()
            .map(|s| s.counts().unwrap_or_default().to_string())
            .collect();
        assert_eq!(c, ["airstrikes", "tactical units", "US personnel"]);
    }

    #[test]
    fn he_said_resolves_to_the_last_person_named() {
        let text = "Davis spoke in Baghdad. He said 40 fighters were killed.";
        let mut a = Span::new(Label::Actor, "person", text, 0, 5);
        a.entity = Some("Jeff Davis".into());
        let got = figs(text, &[a]);
        assert_eq!(got[0].source(), Some("Jeff Davis"));
        assert_eq!(figs(text, &[])[0].source(), None);
    }

    #[test]
    fn according_to_an_actor() {
        let text = "According to the monitor Airwars, hundreds of civilians died.";
        let at = text.find("Airwars").unwrap_or(0);
        let mut a = Span::new(Label::Actor, "organization", text, at, at + 7);
        a.entity = Some("Airwars".into());
        let got = figs(text, &[a]);
        assert_eq!(got[0].source(), Some("Airwars"));
        assert_eq!(got[0].value.as_deref(), Some("200..999"));
    }

    #[test]
    fn random_token_soup_does_not_panic_and_spans_are_ordered() {
        for t in
            super::gate_tests::token_soup(super::gate_tests::SOUP, 0x9e37_79b9_7f4a_7c15, 3000, 24)
        {
            let got = figs(&t, &[]);
            for w in got.windows(2) {
                assert!(w[0].end <= w[1].start, "{t:?}");
            }
            for f in &got {
                // On character boundaries, and covering some text.
                assert!(
                    t.get(f.start..f.end).is_some_and(|w| !w.is_empty()),
                    "{t:?}"
                );
            }
        }
    }

    #[test]
    fn hostile_input_does_not_panic() {
        for t in [
            "",
            "-",
            "$",
            "£",
            "1-",
            "one and a",
            "between 5 and",
            "a",
            "half",
            "1,",
            "1.",
            "tens of",
            "several",
            "$5-",
            "up to",
            "or so",
            "5 or",
            "1\u{2009}",
            "one in",
            "-",
            "- 5",
            "minus",
            "1/",
            "1/2/",
            "½",
            "2 ½",
            "more than 5 and less than",
            "5 feet 2",
            "5 ft 2 in",
            "a quarter of a",
            "ranging from 5 to",
            "http://5",
            "@5",
        ] {
            let _ = texts(t);
        }
    }
}
