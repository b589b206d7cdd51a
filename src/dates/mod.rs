//! The dates lens: temporal expressions, normalized to TIMEX3 (ANNOTATION.md §3).
//!
//! Three steps, each linear in the number of tokens:
//! 1. `scan` walks the shared tokens once and recognizes expressions with
//!    patterns that look a bounded number of tokens ahead;
//! 2. the reference date is the one given, or one read from the text (a
//!    dateline, else the latest full date);
//! 3. `resolve` gives each expression its value in text order, carrying the
//!    date last talked about (for `that day`) and reading the tense of the
//!    clause from nearby verbs (for `Monday`, `February 11`).

mod resolve;
mod scan;
mod words;

use crate::calendar::Date;
use crate::model::{Label, Options, RefSource, Span};
use crate::text::{Doc, Kind};
use resolve::{Anchor, Ctx, Tense};
use scan::{Cand, Scan, Sem, Type};

/// The reference date used to resolve relative expressions, and where it came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reference {
    /// The date, when given or inferred.
    pub date: Option<Date>,
    /// Given, inferred or none.
    pub source: RefSource,
    /// What it was inferred from.
    pub clue: Option<String>,
}

/// What the dates lens found.
#[derive(Clone, Debug, Default)]
pub struct Dated {
    /// Date spans, sorted, non-overlapping.
    pub spans: Vec<Span>,
    /// The reference date used.
    pub reference: Reference,
}

/// Finds and normalizes the temporal expressions of `doc`.
// A stage of its own in profiles (callgrind), so its cost can be read.
#[inline(never)]
pub fn find(doc: &Doc, options: &Options) -> Dated {
    find_in(doc, options, None)
}

/// [`find`], with the reference date already `read` from the whole text
/// when `doc` is one window of it ([`read_reference`]).
pub(crate) fn find_in(doc: &Doc, options: &Options, read: Option<&Reference>) -> Dated {
    let scan = Scan::new(doc, options.day_first);
    let cands = scan.run();
    let reference = match read {
        Some(r) => r.clone(),
        None => given_reference(options).unwrap_or_else(|| infer_reference(doc, &cands)),
    };
    let mut ctx = Ctx {
        reference: reference.date,
        ..Ctx::default()
    };
    let mut spans = Vec::with_capacity(cands.len());
    // The words of each expression that named a day, for a clock time next
    // to it.
    let mut resolved_days: Vec<Option<(Date, &str)>> = Vec::with_capacity(cands.len());
    for (k, c) in cands.iter().enumerate() {
        let (Some(first), Some(last)) =
            (doc.tokens.get(c.a), doc.tokens.get(c.b.saturating_sub(1)))
        else {
            resolved_days.push(None);
            continue;
        };
        let (start, end) = (first.start(), last.end());
        let tense = tense_for(&scan, doc, c);
        let base = if matches!(c.sem, Sem::Time { day: None, .. }) {
            time_base(doc, &cands, &resolved_days, k, &scan, &ctx)
        } else {
            None
        };
        let sentence = doc.sentence_of.get(c.a).copied().unwrap_or(0);
        let res = resolve::resolve(&c.sem, &tense, &ctx, base, sentence);
        let text = doc.slice(c.a, c.b);
        if matches!(c.ty, Type::Date | Type::Time) {
            if let Some(d) = res.day {
                ctx.last_day = Some(Anchor {
                    date: d,
                    text,
                    sentence,
                });
            }
            if let Some(m) = res.month {
                ctx.last_month = Some(Anchor {
                    date: m,
                    text,
                    sentence,
                });
            }
            if let Some(y) = res.year.and_then(|y| Date::new(y, 1, 1)) {
                ctx.last_year = Some(Anchor {
                    date: y,
                    text,
                    sentence,
                });
            }
        }
        resolved_days.push(res.day.map(|d| (d, text)));
        let mut span = Span::bare(Label::Date, c.ty.as_str(), start, end);
        span.value = Some(res.value);
        span.set_modifier(c.modifier.map(str::to_string));
        let mut why = if res.why.starts_with(c.rule) {
            res.why
        } else {
            [c.rule, ": ", &res.why].concat().into()
        };
        if let Some(m) = c.modifier {
            // `early on Sunday` keeps `early` outside the span.
            let word = if c.a >= 2
                && doc.is(c.a - 1, "on")
                && !doc.tok(c.a).is_empty()
                && matches!(m, "START" | "END")
                && doc.tok(c.a - 2).eq_ignore_ascii_case(if m == "START" {
                    "early"
                } else {
                    "late"
                }) {
                doc.tok(c.a - 2)
            } else {
                // `the (very) end of …`: the part word, not the article.
                let mut k = c.a;
                while k + 1 < c.b && (doc.is(k, "the") || doc.is(k, "very")) {
                    k += 1;
                }
                doc.tok(k)
            };
            why.to_mut().extend(["; mod ", m, " from \"", word, "\""]);
        }
        span.why = Some(why);
        spans.push(span);
    }
    Dated { spans, reference }
}

/// The day a clock time with no day of its own falls on: a day named right
/// next to it in the same sentence (`3 p.m. Monday`, `Monday at 3 p.m.`).
fn time_base<'d>(
    doc: &Doc<'d>,
    cands: &[Cand],
    resolved: &[Option<(Date, &'d str)>],
    k: usize,
    scan: &Scan,
    ctx: &Ctx,
) -> Option<(Date, &'d str)> {
    let c = cands.get(k)?;
    let sentence = doc.sentence(c.a);
    // A day just before, in reach (`Monday at 3 p.m.`).
    if k > 0
        && let (Some(p), Some(Some(d))) = (cands.get(k - 1), resolved.get(k - 1))
        && p.b + 3 >= c.a
        && p.a >= sentence.0
    {
        return Some(*d);
    }
    // A day just after (`3 p.m. on Monday`): resolve it on the side.
    if let Some(nx) = cands.get(k + 1)
        && nx.a <= c.b + 2
        && nx.b <= sentence.1
        && !matches!(nx.sem, Sem::Time { .. })
    {
        let tense = tense_for(scan, doc, nx);
        let sn = doc.sentence_of.get(nx.a).copied().unwrap_or(0);
        let res = resolve::resolve(&nx.sem, &tense, ctx, None, sn);
        if let Some(d) = res.day {
            return Some((d, doc.slice(nx.a, nx.b)));
        }
    }
    None
}

/// Words ending in `-ed` that are adjectives or numbers more often than verbs.
fn is_ed_exception(w: &str) -> bool {
    w.ends_with("eed")
        || matches!(
            w,
            "hundred"
                | "based"
                | "united"
                | "armed"
                | "related"
                | "allied"
                | "limited"
                | "detailed"
                | "interested"
                | "unemployed"
                | "advanced"
                | "led"
                | "red"
                | "bed"
                | "sacred"
                | "naked"
                | "wicked"
                | "beloved"
                | "rugged"
                | "scheduled"
                | "expected"
                | "planned"
                | "proposed"
                | "embattled"
                | "besieged"
        )
}

/// The tense of the clause around candidate `c`, when its meaning reads
/// one: a year or a full date as written needs none, and then the words
/// around it are not read.
fn tense_for<'d>(scan: &Scan<'d, '_>, doc: &Doc, c: &Cand) -> Tense<'d> {
    if resolve::reads_tense(&c.sem) {
        clause_tense(scan, doc, c.a, c.b)
    } else {
        Tense::Unknown
    }
}

/// The tense of the clause holding tokens `a..b`: the nearest cue word within
/// a bounded window of the same sentence (10 tokens before, 8 after).
fn clause_tense<'d>(scan: &Scan<'d, '_>, doc: &Doc, a: usize, b: usize) -> Tense<'d> {
    let (s0, s1) = doc.sentence(a);
    // `since March`: the preposition itself looks back.
    if a > s0 && scan.low(a - 1) == "since" {
        return Tense::Past("since".into());
    }
    // The nearest cue wins; at equal distance the one before the
    // expression. So the tokens are asked nearest first, and the first cue
    // found ends the search (most words are no cue, and a cue is mostly
    // near). Token `a - d` is `d` away; token `b + e`, after the
    // expression, counts a little less: `e + 2` away.
    let lo = a.saturating_sub(10).max(s0);
    let hi = (b + 8).min(s1);
    let mut d = 1;
    while a >= lo + d || b + d < hi + 2 {
        if a >= lo + d
            && let Some(t) = cue(scan, doc, a - d)
        {
            return t;
        }
        if let Some(k) = (b + d).checked_sub(2).filter(|&k| k >= b && k < hi) {
            match cue(scan, doc, k) {
                // `the attack on Monday is the third`: a copula after the
                // expression belongs to its noun phrase, not to its time.
                Some(Tense::Present(w)) if matches!(w.as_ref(), "is" | "are") => {}
                Some(t) => return t,
                None => {}
            }
        }
        d += 1;
    }
    Tense::Unknown
}

/// Whether token `k` is a tense cue, and which: [`cue_rules`], after one
/// look-up that rules out most words (the test `cue_agrees_with_its_rules`
/// checks the two agree).
fn cue<'d>(scan: &Scan<'d, '_>, doc: &Doc, k: usize) -> Option<Tense<'d>> {
    let w = scan.low(k);
    let class = words::cue_class(w);
    // Most words are in no cue class and end in no `-ed`: then only the
    // rule for `to be held` (any word after `to be`) can make them a cue.
    if class == 0 && !(w.len() >= 5 && w.ends_with("ed")) {
        return (doc.tokens.get(k)?.kind == Kind::Word
            && k > 1
            && scan.low(k - 1) == "be"
            && scan.low(k - 2) == "to")
            .then(|| Tense::Future(format!("to be {w}").into()));
    }
    cue_rules(scan, doc, k, class)
}

/// The tense rules for token `k`, one by one; `class` is its
/// [`words::cue_class`].
fn cue_rules<'d>(scan: &Scan<'d, '_>, doc: &Doc, k: usize, class: u8) -> Option<Tense<'d>> {
    let w = scan.low(k);
    let tok = doc.tokens.get(k)?;
    if tok.kind != Kind::Word {
        return None;
    }
    let prev = if k > 0 { scan.low(k - 1) } else { "" };
    let next = scan.low(k + 1);
    // `'ll`, `won't`
    if w == "ll" && matches!(prev, "'" | "’") {
        return Some(Tense::Future("'ll".into()));
    }
    if w == "won" && matches!(next, "'" | "’") && scan.low(k + 2) == "t" {
        return Some(Tense::Future("won't".into()));
    }
    // `due to bad weather` gives a cause, not a time.
    if w == "due" && next == "to" {
        return None;
    }
    if matches!(w, "going" | "set" | "expected" | "scheduled") && next == "to" {
        return Some(Tense::Future(format!("{w} to").into()));
    }
    // `to be held`, `is to be signed`: a passive infinitive looks ahead.
    let prev2 = if k > 1 { scan.low(k - 2) } else { "" };
    if prev == "be" && prev2 == "to" {
        return Some(Tense::Future(format!("to be {w}").into()));
    }
    // `will be held`, `has been delayed`: the auxiliary decides, not the participle.
    if matches!(prev, "be" | "been" | "being") {
        return None;
    }
    if class & words::cue::FUTURE != 0 {
        return Some(Tense::Future(w.into()));
    }
    if class & words::cue::PRESENT != 0 {
        return Some(Tense::Present(w.into()));
    }
    if class & words::cue::PAST != 0 {
        return Some(Tense::Past(w.into()));
    }
    if w.len() >= 5 && w.ends_with("ed") && !is_ed_exception(w) && !tok.upper {
        return Some(Tense::Past(w.into()));
    }
    None
}

/// The reference date read from the text: a dateline near the top, else the
/// latest full date.
fn infer_reference(doc: &Doc, cands: &[Cand]) -> Reference {
    clues(doc, cands, Some(0)).reference()
}

/// How many lines from the top a dateline may start.
const TOP_LINES: usize = 8;

/// The reference date of a text read in windows ([`crate::text::windows`]):
/// the one given, else the one the whole text gives, as if it were read at
/// once. Each window is tokenized and scanned for dates here, and again
/// when it is annotated; a dateline in the first window settles it early.
pub(crate) fn read_reference(windows: &[(usize, &str)], options: &Options) -> Reference {
    if let Some(r) = given_reference(options) {
        return r;
    }
    let mut all = Clues::default();
    // Line starts before the window, while a dateline may still come.
    let mut lines_before = Some(0);
    for &(_, window) in windows {
        let doc = Doc::new(window);
        let cands = Scan::new(&doc, options.day_first).run();
        all.add(clues(&doc, &cands, lines_before));
        if all.dateline.is_some() {
            break;
        }
        lines_before = lines_before
            .map(|n| {
                n + doc
                    .tokens
                    .iter()
                    .filter(|t| t.line_start)
                    .take(TOP_LINES + 1)
                    .count()
            })
            .filter(|&n| n <= TOP_LINES);
    }
    all.reference()
}

/// The reference date `options` give, when they give a valid one.
fn given_reference(options: &Options) -> Option<Reference> {
    let date = options.reference_date.as_deref().and_then(Date::parse)?;
    Some(Reference {
        date: Some(date),
        source: RefSource::Given,
        clue: None,
    })
}

/// What a text, or one window of it, says of its own date. The clues of
/// consecutive windows add up to those of the text read at once.
#[derive(Default)]
struct Clues<'a> {
    /// A full date that starts one of the first lines of the text, or
    /// follows `Published`, `Updated`… there, and its words.
    dateline: Option<(Date, &'a str)>,
    /// The latest full date and its words (the first, when several name
    /// that day).
    latest: Option<(Date, &'a str)>,
    /// The latest year named, alone or with a month.
    latest_year: Option<i32>,
    /// Dates written with a weekday and no year, in text order: month, day,
    /// the weekday's word and the expression's words.
    weekday_dates: Vec<(u32, u32, &'a str, &'a str)>,
}

/// The clues of the text of `doc`, a dateline among them when `doc` starts
/// within the top lines of the text, after `lines_before` line starts.
fn clues<'a>(doc: &Doc<'a>, cands: &[Cand], lines_before: Option<usize>) -> Clues<'a> {
    let full = |c: &Cand| match c.sem {
        Sem::Day { y: Some(y), m, d } => Date::new(y, m, d),
        _ => None,
    };
    if let Some(before) = lines_before
        && let Some(dateline) = dateline(doc, cands, full, before)
    {
        return Clues {
            dateline: Some(dateline),
            ..Clues::default()
        };
    }
    let mut found = Clues::default();
    for c in cands {
        if let Some(d) = full(c)
            && found.latest.is_none_or(|(l, _)| d > l)
        {
            found.latest = Some((d, doc.slice(c.a, c.b)));
        }
        if let Sem::Year(y) | Sem::Month { y: Some(y), .. } = c.sem {
            found.latest_year = found.latest_year.max(Some(y));
        }
        if c.rule == scan::WEEKDAY_AND_DATE
            && let Sem::Day { y: None, m, d } = c.sem
        {
            found
                .weekday_dates
                .push((m, d, doc.tok(c.a), doc.slice(c.a, c.b)));
        }
    }
    found
}

/// A full date that starts a line within the first lines of the text, or
/// follows `Published`/`Updated`/`Posted` there (`doc` starts after
/// `lines_before` line starts of the text).
fn dateline<'a>(
    doc: &Doc<'a>,
    cands: &[Cand],
    full: impl Fn(&Cand) -> Option<Date>,
    lines_before: usize,
) -> Option<(Date, &'a str)> {
    let mut lines = lines_before;
    let mut last_line_tok = 0;
    for c in cands {
        let Some(d) = full(c) else { continue };
        // Count line starts up to this candidate (bounded by the top of the text).
        while last_line_tok < c.a && lines <= TOP_LINES {
            if doc.tokens.get(last_line_tok).is_some_and(|t| t.line_start) {
                lines += 1;
            }
            last_line_tok += 1;
        }
        if lines > TOP_LINES {
            break;
        }
        let at_line = doc.tokens.get(c.a).is_some_and(|t| t.line_start);
        let after_word = c.a > 0
            && (1..=3).any(|back| {
                c.a >= back
                    && matches!(
                        doc.tok(c.a - back).to_lowercase().as_str(),
                        "published" | "updated" | "posted" | "dated" | "date"
                    )
            });
        if at_line || after_word {
            return Some((d, doc.slice(c.a, c.b)));
        }
    }
    None
}

impl<'a> Clues<'a> {
    /// Adds the clues of the text that follows (a dateline can only be the
    /// first window's).
    fn add(&mut self, later: Clues<'a>) {
        self.dateline = self.dateline.or(later.dateline);
        if let Some((d, words)) = later.latest
            && self.latest.is_none_or(|(l, _)| d > l)
        {
            self.latest = Some((d, words));
        }
        self.latest_year = self.latest_year.max(later.latest_year);
        self.weekday_dates.extend(later.weekday_dates);
    }

    /// The reference date the clues give: a dateline, else the latest full
    /// date, else a weekday and a date that fall together in a year near
    /// the latest named.
    fn reference(&self) -> Reference {
        let inferred = |date: Date, clue: String| Reference {
            date: Some(date),
            source: RefSource::Inferred,
            clue: Some(clue),
        };
        if let Some((d, words)) = self.dateline {
            return inferred(d, format!("dateline near the top of the text: \"{words}\""));
        }
        if let Some((d, words)) = self.latest {
            return inferred(d, format!("latest full date in the text: \"{words}\""));
        }
        self.weekday_clue()
            .map_or_else(Reference::default, |(d, clue)| inferred(d, clue))
    }

    /// `Monday, March 6` with no year anywhere in a full date: the year near
    /// the latest year the text names (within one) in which that day is
    /// that weekday, and what says so.
    fn weekday_clue(&self) -> Option<(Date, String)> {
        let latest_year = self.latest_year?;
        let mut best: Option<(Date, &str)> = None;
        for &(m, d, weekday, words) in &self.weekday_dates {
            let Some(w) = words::weekday(&weekday.to_lowercase()) else {
                continue;
            };
            let hit = [latest_year, latest_year + 1, latest_year - 1]
                .into_iter()
                .filter_map(|y| Date::new(y, m, d))
                .find(|dt| dt.weekday() == w);
            if let Some(dt) = hit
                && best.is_none_or(|(b, _)| dt > b)
            {
                best = Some((dt, words));
            }
        }
        let (d, words) = best?;
        Some((
            d,
            format!(
                "weekday and date \"{words}\" fall together in {} (the year the text names is {latest_year})",
                d.year
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, r: Option<&str>) -> Dated {
        let doc = Doc::new(text);
        let o = Options {
            reference_date: r.map(str::to_string),
            ..Options::default()
        };
        find(&doc, &o)
    }

    fn values(text: &str, r: Option<&str>) -> Vec<(String, String)> {
        run(text, r)
            .spans
            .into_iter()
            .map(|s| (s.text_in(text).to_string(), s.value.unwrap_or_default()))
            .collect()
    }

    #[test]
    fn weekday_resolves_in_past_narration() {
        let v = values("Mattis arrived in Iraq on Monday.", Some("2017-02-21"));
        assert_eq!(v, [("Monday".to_string(), "2017-02-20".to_string())]);
    }

    #[test]
    fn infers_reference_from_latest_full_date() {
        let d = run("It began on March 5, 2017. On Monday more came.", None);
        assert_eq!(d.reference.date, Date::new(2017, 3, 5));
        assert_eq!(d.reference.source, RefSource::Inferred);
        assert!(d.reference.clue.unwrap().contains("March 5, 2017"));
    }

    #[test]
    fn infers_reference_from_weekday_clue() {
        let d = run(
            "On Monday, March 6, talks resumed, the first since 2016.",
            None,
        );
        assert_eq!(d.reference.date, Date::new(2017, 3, 6));
        assert!(d.reference.clue.unwrap().contains("Monday, March 6"));
    }

    #[test]
    fn that_day_uses_last_date() {
        let v = values(
            "In a statement on February 11, the coalition said 14 strikes hit that day.",
            Some("2017-02-21"),
        );
        assert_eq!(v[1], ("that day".to_string(), "2017-02-11".to_string()));
    }

    #[test]
    fn hostile_input_finishes() {
        // 200k tokens of digits, month names and dashes: every pattern fires
        // or nearly fires at every token; the scan must stay linear.
        let mut s = String::with_capacity(1_200_000);
        let parts = [
            "March", "5", ",", "2017", "-", "May", "the", "next", "few", "days", "12", ":", "30",
            "early", "/",
        ];
        for i in 0..200_000 {
            s.push_str(parts[i % parts.len()]);
            s.push(if i % 7 == 0 { '\n' } else { ' ' });
        }
        let start = std::time::Instant::now();
        let d = run(&s, None);
        assert!(!d.spans.is_empty());
        assert!(start.elapsed().as_secs() < 60, "scan took too long");
        // Nested patterns (`the end of the end of …`, `early early …`) must
        // not recurse along the whole chain.
        let chain =
            "the end of ".repeat(100_000) + "the year and early early ".repeat(50_000).as_str();
        let start = std::time::Instant::now();
        let _ = run(&chain, Some("2017-02-21"));
        assert!(start.elapsed().as_secs() < 60, "nested scan took too long");
        let mut digits = String::new();
        for i in 0..200_000 {
            digits.push_str(&format!("{} ", 1900 + i % 200));
        }
        let d = run(&digits, Some("2017-01-01"));
        assert!(d.spans.windows(2).all(|w| w[0].end <= w[1].start));
    }

    #[test]
    fn random_soup_never_panics() {
        // Deterministic pseudo-random word soup over the lens's vocabulary,
        // with and without a reference date (debug builds check overflow).
        let vocab: Vec<&str> = "the end of early mid - late March May 5 31 2017 1999 99999999 0 ' s 90 / 07 . , : 00 p m a few years ago last next this past week weekend Monday that day same previous following every other once twice times per quarter Q 4 fiscal FY spring fall will was said GMT noon today recent days first half Christmas New Year Day 10000 and a half nearly more than at least 'll century 20 th decades long old"
            .split_whitespace()
            .collect();
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for round in 0..3000 {
            let mut text = String::new();
            for _ in 0..40 {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let w = vocab[(seed >> 33) as usize % vocab.len()];
                text.push_str(w);
                if !(seed >> 20).is_multiple_of(3) {
                    text.push(' ');
                }
            }
            let r = match round % 4 {
                0 => Some("2017-02-21"),
                1 => Some("9999-12-31"),
                2 => Some("0001-01-01"),
                _ => None,
            };
            let d = run(&text, r);
            assert!(d.spans.windows(2).all(|w| w[0].end <= w[1].start), "{text}");
            for s in &d.spans {
                assert!(text.get(s.start..s.end).is_some(), "{text}");
            }
        }
    }

    #[test]
    fn cue_agrees_with_its_rules() {
        // Every word of the cue lists and of the rules, some others, `-ed`
        // words, in the contexts the rules read.
        let mut vocab: Vec<String> = [
            words::FUTURE_CUES,
            words::PRESENT_EVENTS,
            words::IRREGULAR_PAST,
            &words::cue::RULE_WORDS[..],
        ]
        .concat()
        .iter()
        .map(|w| w.to_string())
        .collect();
        vocab.extend(
            "due to be been being going set expected scheduled hundred based armed \
             freed agreed signed delayed red ed bed naked Reported Signed the it said March"
                .split_whitespace()
                .map(str::to_string),
        );
        let mut text = String::new();
        for w in &vocab {
            for (before, after) in [
                ("", ""),
                ("to be ", ""),
                ("will be ", ""),
                ("has been ", " to"),
                ("he'", " go"),
                ("she ", "'t go"),
                ("they ", " to go"),
                ("“", "”"),
            ] {
                text.push_str(&format!("{before}{w}{after} x.\n"));
                let cap = capitalized(w);
                text.push_str(&format!("{before}{cap}{after} x.\n"));
            }
        }
        let doc = Doc::new(&text);
        let scan = Scan::new(&doc, false);
        let mut cues = 0;
        for k in 0..doc.tokens.len() + 2 {
            let fast = cue(&scan, &doc, k);
            assert_eq!(
                fast,
                cue_rules(&scan, &doc, k, words::cue_class(scan.low(k))),
                "token {k}: {:?}",
                doc.tok(k)
            );
            cues += usize::from(fast.is_some());
        }
        assert!(cues > 500, "only {cues} cues");
    }

    fn capitalized(w: &str) -> String {
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    }

    #[test]
    fn spans_are_sorted_and_disjoint() {
        let d = run(
            "From March to May 2016, and between 2014 and 2016, on Feb. 19-26 at 3 p.m.",
            Some("2017-02-21"),
        );
        assert!(d.spans.windows(2).all(|w| w[0].end <= w[1].start));
        assert!(d.spans.len() >= 6);
    }
}
