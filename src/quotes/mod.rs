//! The quotes lens (ANNOTATION.md §5): direct quotations and their speakers.
//!
//! A quotation runs from an opening mark to the next closing mark in the same
//! paragraph (curly or straight, mixed styles allowed: wire copy often opens
//! with `“` and closes with `"`). Straight marks are told apart by their
//! position: a mark after a space opens, a mark before one closes. A quote
//! left open at a paragraph's end counts when the next paragraph opens with a
//! mark, as news style continues a long quotation.
//!
//! The speaker is found, in this order, by:
//! 1. an attribution right after the quote (`…,” said Alaa`, `…,” Mattis told
//!    reporters`, `…” he added`);
//! 2. an attribution right before it (`Davis said, adding, “…`, `according to X, “…`);
//! 3. an attribution anywhere in the quote's sentence (scare quotes).
//!
//! A pronoun (`he`, `she`) or a role noun (`the captain`) stands for the most
//! recent person mentioned before it (whose role names that noun, when one does).
//! The speaker is the actor's `entity` key (a group's words when it has none).

use std::sync::LazyLock;

use crate::lexicon::{WordSet, lines};
use crate::model::{Label, Span};
use crate::text::{Doc, Kind, Token};

/// The speech verbs.
static SPEECH_VERBS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(lines(include_str!("../../data/speech_verbs.txt"))));

/// Whether `word` is a speech verb, ignoring case.
fn is_speech(word: &str) -> bool {
    SPEECH_VERBS.contains(word)
}

/// Whether token `i` is a speech verb, ignoring case.
fn is_speech_token(doc: &Doc, i: usize) -> bool {
    let t = doc.tok(i);
    // An ASCII token is in `Doc::low` exactly as `is_speech` would lower it;
    // other tokens (rare) are lowered as `is_speech` does.
    if t.is_ascii() {
        SPEECH_VERBS.contains_lowered(doc.low(i))
    } else {
        is_speech(t)
    }
}

/// How far (in tokens) an attribution may sit from its quote.
const WINDOW: usize = 30;

/// How many earlier actor mentions a pronoun or role noun may reach back.
const LOOK_BACK: usize = 200;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mark {
    Open,
    Close,
}

/// Whether token `i` is a quotation mark, and which way it faces.
fn mark(doc: &Doc, i: usize) -> Option<Mark> {
    let t = doc.tokens.get(i)?;
    if !may_be_mark(doc, t) {
        return None;
    }
    facing(doc, i, t)
}

/// Whether `t` may be a quotation mark: every token is looked at, and
/// almost none is a mark, so its kind and one byte rule out the rest. Each
/// mark is punctuation and starts with one of these bytes (`"`; the lead
/// byte of `“` `”` `„`; that of `«` `»`), as a unit test checks.
#[inline(always)]
fn may_be_mark(doc: &Doc, t: &Token) -> bool {
    t.kind == Kind::Punct && matches!(doc.text.as_bytes().get(t.start()), Some(b'"' | 0xE2 | 0xC2))
}

/// Which way the possible mark `t` (token `i`) faces, if it is one.
fn facing(doc: &Doc, i: usize, t: &Token) -> Option<Mark> {
    match doc.tok(i) {
        "“" | "«" | "„" => Some(Mark::Open),
        "”" | "»" => Some(Mark::Close),
        "\"" => {
            let before_space = !t.glued
                || i > 0 && matches!(doc.tok(i - 1), "(" | "[" | "—" | "–" | "-" | "/" | "‘");
            let after_space = doc.tokens.get(i + 1).is_none_or(|n| !n.glued);
            if before_space && !after_space {
                Some(Mark::Open)
            } else if !before_space {
                Some(Mark::Close)
            } else {
                None // a lone mark between spaces
            }
        }
        _ => None,
    }
}

/// The actors available as speakers, as (token index of start, span).
struct Actors<'s> {
    spans: Vec<&'s Span>,
}

impl<'s> Actors<'s> {
    /// The first actor span starting in bytes `[a, b)`: a binary search,
    /// so a text with many quotes and many actors stays linear.
    fn starting_in(&self, a: usize, b: usize) -> Option<&'s Span> {
        let i = self.spans.partition_point(|s| s.start < a);
        self.spans.get(i).copied().filter(|s| s.start < b)
    }

    /// The last actor span ending at or before byte `pos` and after `floor`.
    fn last_before(&self, floor: usize, pos: usize, person_only: bool) -> Option<&'s Span> {
        let i = self.spans.partition_point(|s| s.end <= pos);
        self.spans[..i]
            .iter()
            .rev()
            .copied()
            .take_while(|s| s.start >= floor)
            .find(|s| !person_only || s.kind == "person")
    }

    /// The most recent person before `pos` whose role mentions `noun`, or
    /// else the most recent person.
    fn person_before(&self, pos: usize, noun: Option<&str>) -> Option<&'s Span> {
        let i = self.spans.partition_point(|s| s.end <= pos);
        // Bounded look-back keeps the lens linear on texts with many quotes.
        let people = || {
            self.spans[..i]
                .iter()
                .rev()
                .take(LOOK_BACK)
                .copied()
                .filter(|s| s.kind == "person")
        };
        if let Some(noun) = noun {
            let has_role = |s: &&Span| {
                s.role().is_some_and(|r| {
                    r.split(|c: char| !c.is_alphanumeric())
                        .any(|w| w.eq_ignore_ascii_case(noun))
                })
            };
            if let Some(s) = people().find(has_role) {
                // The entity's other mentions may carry the role; prefer its key.
                return Some(s);
            }
            // A role that was given to another mention of the same entity.
            let key_with_role = self.spans[..i]
                .iter()
                .rev()
                .take(LOOK_BACK)
                .find(|s| s.kind == "person" && has_role(s))
                .and_then(|s| s.entity.as_deref());
            if let Some(k) = key_with_role {
                return people().find(|s| s.entity.as_deref() == Some(k));
            }
        }
        people().next()
    }
}

/// Whether token `i` is a speech verb, or `according` before `to`.
fn is_speech_verb(doc: &Doc, i: usize) -> bool {
    // `according` is a word too, so the cheap test of the kind comes first.
    if doc.tokens.get(i).is_none_or(|t| t.kind != Kind::Word) {
        return false;
    }
    // (`Doc::low` of a token that is not ASCII is never `according`.)
    if doc.low(i) == "according" {
        return doc.is(i + 1, "to");
    }
    is_speech_token(doc, i)
}

fn is_pronoun(w: &str) -> bool {
    ["he", "she"].iter().any(|p| p.eq_ignore_ascii_case(w))
}

/// Who token `i` (the start of a subject) stands for: an actor span starting
/// there, a pronoun, or `the` + a role noun.
fn subject_at(doc: &Doc, actors: &Actors, i: usize, quote_start: usize) -> Option<String> {
    let t = doc.tokens.get(i)?;
    if let Some(a) = actors.starting_in(t.start(), t.end()) {
        return Some(a.name_in(doc.text));
    }
    let w = doc.tok(i);
    if is_pronoun(w) {
        return actors
            .person_before(quote_start.min(t.start()), None)
            .map(|a| a.name_in(doc.text));
    }
    if w.eq_ignore_ascii_case("the") && doc.tokens.get(i + 1).is_some_and(|n| n.kind == Kind::Word)
    {
        let noun = doc.tok(i + 1);
        if !is_speech_token(doc, i + 1) && noun.chars().next().is_some_and(char::is_lowercase) {
            return actors
                .person_before(quote_start, Some(noun))
                .map(|a| a.name_in(doc.text));
        }
    }
    None
}

/// Attribution after the closing mark at token `close`.
fn after(doc: &Doc, actors: &Actors, close: usize, qstart: usize) -> Option<String> {
    let sent_end = doc.sentence(close).1.max(close + 1);
    let limit = (close + WINDOW).min(doc.tokens.len());
    let mut i = close + 1;
    while i < limit && matches!(doc.tok(i), "," | "—" | "–") {
        i += 1;
    }
    if i >= limit || doc.tokens[i].para_start {
        return None;
    }
    if is_speech_verb(doc, i) {
        // `said Alaa`, `said Defense Department spokesman Navy Captain Jeff Davis`
        let from = doc.tokens[i].end();
        let to = doc.tokens[(i + 12).min(doc.tokens.len() - 1)].end();
        let first = actors.spans.partition_point(|s| s.start < from);
        if let Some(a) = actors.spans[first..]
            .iter()
            .take_while(|s| s.start < to)
            .find(|s| matches!(&*s.kind, "person" | "organization"))
        {
            return Some(a.name_in(doc.text));
        }
        return subject_at(doc, actors, i + 1, qstart);
    }
    // `Mattis told`, `he added`, `Lise Grande, the UN’s …, said`; a title
    // before the name (`Lt. Col. Abdel Amir …`) is skipped.
    while i + 1 < limit
        && actors
            .starting_in(doc.tokens[i].start(), doc.tokens[i].end())
            .is_none()
        && (doc.tokens[i].upper || doc.tok(i) == ".")
        && !is_pronoun(doc.tok(i))
        && !is_speech_verb(doc, i)
    {
        i += 1;
    }
    let subject = subject_at(doc, actors, i, qstart)?;
    let end = sent_end.min(limit).max(i + 1);
    let mut j = i + 1;
    while j < end && j < doc.tokens.len() {
        if is_speech_verb(doc, j) {
            return Some(subject);
        }
        if mark(doc, j) == Some(Mark::Open) {
            break;
        }
        j += 1;
    }
    None
}

/// Attribution before the opening mark at token `open`: a speech verb in the
/// words just before it, and the subject nearest before that verb.
fn before(doc: &Doc, actors: &Actors, open: usize, qstart: usize) -> Option<String> {
    let (sent_start, _) = doc.sentence(open);
    let floor = sent_start.max(open.saturating_sub(WINDOW));
    let mut v = open;
    while v > floor {
        v -= 1;
        if mark(doc, v).is_some() {
            return None; // another quotation in between
        }
        if is_speech_verb(doc, v) {
            return subject_before(doc, actors, floor, v, qstart)
                .or_else(|| subject_after_verb(doc, actors, v, open));
        }
    }
    None
}

/// The nearest subject before token `v` and at or after token `floor`.
fn subject_before(
    doc: &Doc,
    actors: &Actors,
    floor: usize,
    v: usize,
    qstart: usize,
) -> Option<String> {
    let lo = doc.tokens.get(floor)?.start();
    let hi = doc.tokens.get(v)?.start();
    let nearest_actor = actors.last_before(lo, hi, false);
    let mut k = v;
    while k > floor {
        k -= 1;
        if is_pronoun(doc.tok(k)) {
            return subject_at(doc, actors, k, qstart);
        }
        if nearest_actor.is_some_and(|a| a.end <= doc.tokens[k].start()) {
            break;
        }
    }
    nearest_actor.map(|a| a.name_in(doc.text))
}

/// `according to X, “…` and `said X: “…`: the actor right after the verb.
fn subject_after_verb(doc: &Doc, actors: &Actors, v: usize, open: usize) -> Option<String> {
    let from = doc.tokens.get(v)?.end();
    let to = doc.tokens.get(open)?.start();
    actors.starting_in(from, to).map(|a| a.name_in(doc.text))
}

/// An attribution anywhere in the quote's sentence, for scare quotes:
/// `Resistance is "moderate," Davis said`.
fn in_sentence(
    doc: &Doc,
    actors: &Actors,
    open: usize,
    close: usize,
    qstart: usize,
) -> Option<String> {
    let (a, b) = doc.sentence(open);
    let a = a.max(open.saturating_sub(2 * WINDOW));
    let b = b.max(doc.sentence(close).1).min(close + 2 * WINDOW);
    let mut depth = 0i32;
    for v in a..b {
        match mark(doc, v) {
            Some(Mark::Open) => depth += 1,
            Some(Mark::Close) => depth -= 1,
            None => {}
        }
        if depth > 0 || !is_speech_verb(doc, v) {
            continue;
        }
        if let Some(s) = subject_before(doc, actors, a, v, qstart) {
            return Some(s);
        }
        if let Some(s) = subject_at(doc, actors, v + 1, qstart) {
            return Some(s);
        }
    }
    None
}

/// Finds quotations in `doc`; `spans` holds the other lenses' spans (the
/// actors among them are the candidate speakers).
// A stage of its own in profiles (callgrind), so its cost can be read.
#[inline(never)]
pub fn find(doc: &Doc, spans: &[Span]) -> Vec<Span> {
    let mut actor_spans: Vec<&Span> = spans.iter().filter(|s| s.label == Label::Actor).collect();
    // Usually sorted already; a stable sort would allocate even then.
    if !actor_spans.is_sorted_by_key(|s| s.start) {
        actor_spans.sort_by_key(|s| s.start);
    }
    let actors = Actors { spans: actor_spans };
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, t) in doc.tokens.iter().enumerate() {
        let candidate = may_be_mark(doc, t);
        if !candidate && !t.para_start {
            continue; // most tokens
        }
        let m = if candidate { facing(doc, i, t) } else { None };
        if t.para_start
            && let Some(o) = open.take()
        {
            // Left open at the paragraph's end: a continued quotation when
            // this paragraph opens with a mark; otherwise a stray mark.
            if m == Some(Mark::Open) && o + 1 < i {
                push(doc, &actors, &mut out, o, i);
            }
        }
        match m {
            Some(Mark::Open) => open = Some(i),
            Some(Mark::Close) => {
                if let Some(o) = open.take()
                    && o + 1 < i
                {
                    push(doc, &actors, &mut out, o, i);
                }
            }
            None => {}
        }
    }
    out
}

/// Adds the quotation between the marks at tokens `open` and `close`
/// (`close` may be the first token after the quote when there is no mark).
fn push(doc: &Doc, actors: &Actors, out: &mut Vec<Span>, open: usize, close: usize) {
    let (Some(first), Some(last)) = (doc.tokens.get(open + 1), doc.tokens.get(close - 1)) else {
        return;
    };
    let mut s = Span::bare(Label::Quote, "quote", first.start(), last.end());
    let qstart = doc.tokens[open].start();
    let closed = mark(doc, close) == Some(Mark::Close);
    let found = if closed {
        after(doc, actors, close, qstart)
    } else {
        None
    }
    .map(|k| (k, "the attribution after the quote"))
    .or_else(|| before(doc, actors, open, qstart).map(|k| (k, "the attribution before the quote")))
    .or_else(|| {
        in_sentence(doc, actors, open, close, qstart)
            .map(|k| (k, "an attribution in the same sentence"))
    });
    // A quote split by its attribution (`“…,” he said, “…”`) shares the speaker.
    let found = found.or_else(|| {
        let prev = out.last()?;
        let gap = doc.text.get(prev.end..qstart)?;
        (gap.len() < 80 && gap.split_whitespace().any(is_speech_word)).then(|| {
            prev.speaker()
                .map(|k| (k.to_string(), "the quote it continues"))
        })?
    });
    if let Some((key, how)) = found {
        // Written piece by piece: `format!` costs several times as much.
        let mut why = String::with_capacity(24 + key.len() + how.len());
        for piece in ["speaker ", &key, ": from ", how] {
            why.push_str(piece);
        }
        s.why = Some(why.into());
        s.set_speaker(Some(key));
    }
    out.push(s);
}

fn is_speech_word(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphabetic());
    !w.is_empty() && is_speech(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A person actor span over the first occurrence of `name` in `text`.
    fn person(text: &str, name: &str, key: &str, role: Option<&str>) -> Span {
        let a = text.find(name).unwrap();
        let mut s = Span::new(Label::Actor, "person", text, a, a + name.len());
        s.entity = Some(key.into());
        s.set_role(role.map(String::from));
        s
    }

    fn quotes(text: &str, actors: &[Span]) -> Vec<(String, Option<String>)> {
        find(&Doc::new(text), actors)
            .into_iter()
            .map(|s| {
                let k = s.speaker().map(String::from);
                (s.text_in(text).to_string(), k)
            })
            .collect()
    }

    #[test]
    fn speaker_after_the_quote() {
        let t = "“We will win,” said Alaa, a soldier.";
        let got = quotes(t, &[person(t, "Alaa", "Alaa", None)]);
        assert_eq!(got, [("We will win,".into(), Some("Alaa".into()))]);
        let t = "\"It is done,\" Mattis told reporters.";
        let got = quotes(t, &[person(t, "Mattis", "James Mattis", None)]);
        assert_eq!(got, [("It is done,".into(), Some("James Mattis".into()))]);
    }

    #[test]
    fn pronoun_and_split_quote() {
        let t = "Ra’ed Jawdat spoke. “The group,” he said, “is in shock.\"";
        let got = quotes(t, &[person(t, "Ra’ed Jawdat", "Ra’ed Jawdat", None)]);
        assert_eq!(
            got,
            [
                ("The group,".into(), Some("Ra’ed Jawdat".into())),
                ("is in shock.".into(), Some("Ra’ed Jawdat".into()))
            ]
        );
    }

    #[test]
    fn speaker_before_and_scare_quotes() {
        let t = "Davis said, adding, “We have seen success.”";
        assert_eq!(
            quotes(t, &[person(t, "Davis", "Jeff Davis", None)])[0]
                .1
                .as_deref(),
            Some("Jeff Davis")
        );
        let t = "Resistance is \"moderate,\" Davis said, with fire to \"harass\" them.";
        let got = quotes(t, &[person(t, "Davis", "Jeff Davis", None)]);
        assert_eq!(got.len(), 2);
        assert!(
            got.iter().all(|(_, s)| s.as_deref() == Some("Jeff Davis")),
            "{got:?}"
        );
    }

    #[test]
    fn title_before_the_name_after_the_quote() {
        let t =
            "“They fled,” Lt. Col. Abdel Amir, a spokesman for the Rapid Response forces, said.";
        let mut org = Span::new(Label::Actor, "organization", t, 0, 0);
        let a = t.find("Rapid Response").unwrap();
        org.start = a;
        org.end = a + "Rapid Response".len();
        org.entity = Some("Rapid Response".into());
        let got = quotes(
            t,
            &[person(t, "Abdel Amir", "Abdel Amir", Some("Lt. Col.")), org],
        );
        assert_eq!(got[0].1.as_deref(), Some("Abdel Amir"));
    }

    #[test]
    fn pronoun_before_the_verb_wins_over_a_name_inside_the_previous_quote() {
        let t = "Jawdat spoke. “The group [ISIS],” he said, “is in shock.\"";
        let isis = t.find("ISIS").unwrap();
        let mut org = Span::new(Label::Actor, "organization", t, isis, isis + 4);
        org.entity = Some("ISIS".into());
        let got = quotes(t, &[person(t, "Jawdat", "Jawdat", None), org]);
        assert_eq!(got.len(), 2);
        assert!(
            got.iter().all(|(_, s)| s.as_deref() == Some("Jawdat")),
            "{got:?}"
        );
    }

    #[test]
    fn role_noun_finds_the_person_with_that_role() {
        let t = "Navy Captain Jeff Davis spoke, then Smith. \"It is dense,\" the captain said.";
        let got = quotes(
            t,
            &[
                person(t, "Jeff Davis", "Jeff Davis", Some("Navy Captain")),
                person(t, "Smith", "Smith", None),
            ],
        );
        assert_eq!(got[0].1.as_deref(), Some("Jeff Davis"));
    }

    /// Looking a token up as `Doc::low` has it must agree with lowering the
    /// token for the look-up, whatever its case or script.
    #[test]
    fn speech_verb_tokens_agree_with_words() {
        let verbs = lines(include_str!("../../data/speech_verbs.txt"));
        let mut text: String = verbs
            .map(|w| format!("{w} {} ", w.to_uppercase()))
            .collect();
        // Kelvin sign (lower case `k`), dotted capital I, and other scripts.
        text.push_str("as\u{212A} ASKS İnsist SAİD Saïd café told. TOLD'S «said» 123 ");
        text.push_str("according to ACCORDING TO According, according");
        let doc = Doc::new(&text);
        let mut found = 0;
        for i in 0..doc.tokens.len() {
            let word = doc.tok(i);
            assert_eq!(is_speech_token(&doc, i), is_speech(word), "{word}");
            found += usize::from(is_speech_token(&doc, i));
            // The verb test, as first written: `according` only before `to`.
            let verb = doc.tokens[i].kind == Kind::Word
                && if word.eq_ignore_ascii_case("according") {
                    doc.is(i + 1, "to")
                } else {
                    is_speech(word)
                };
            assert_eq!(is_speech_verb(&doc, i), verb, "{word}");
        }
        assert!(found > 200, "{found}");
    }

    /// The one-byte test in `mark` must let every quotation mark through.
    #[test]
    fn every_mark_passes_the_first_byte_test() {
        for m in ["\"", "“", "”", "„", "«", "»"] {
            let text = format!("a {m}b{m} c");
            let doc = Doc::new(&text);
            let i = doc
                .tokens
                .iter()
                .position(|t| &text[t.start()..t.end()] == m);
            assert!(i.is_some_and(|i| mark(&doc, i).is_some()), "{m}");
        }
    }

    #[test]
    fn apostrophes_and_stray_marks_are_not_quotes() {
        assert!(quotes("It's 5\" long and the 1990s' end.", &[]).is_empty());
        assert!(quotes("An open “quote with no end\n\nNext paragraph.", &[]).is_empty());
        let cont = quotes("“First part\n\n“Second part,” she said.", &[]);
        assert_eq!(cont.len(), 2);
    }
}
