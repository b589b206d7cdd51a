//! What a figure counts and who says so: read from the words around it in
//! its sentence (and, for an elided noun, the sentence before).

use std::sync::LazyLock;

use super::words::{Sieve, WordList, ends_ci, glued, is_num, is_word, scale_word, small_number};
use crate::model::{Label, Span};
use crate::text::Doc;

/// Function words: never part of a counted noun phrase or a source's name,
/// and never a name before a number.
const STOP: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "across",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "already",
    "also",
    "although",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "away",
    "back",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "down",
    "during",
    "each",
    "even",
    "every",
    "few",
    "for",
    "from",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "him",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "just",
    "like",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "near",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "onto",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "per",
    "reported",
    "said",
    "say",
    "says",
    "several",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "throughout",
    "to",
    "told",
    "too",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
];

/// Builds this file's lists now (see `figures::prepare`).
pub fn prepare() {
    for list in [
        &STOP_WORDS,
        &IRREGULAR_PLURALS,
        &LOOSE_ADJECTIVES,
        &IRREGULAR_VERBS,
        &VERBS_S,
        &APPOSITION_GLUE,
        &REPORTING,
    ] {
        list.contains("");
    }
    let _ = &*SOURCE_WORDS;
}

/// Whether `w` (any case) is a function word.
pub fn stop(w: &str) -> bool {
    if !STOP_WORDS.may_hold(w) {
        return false;
    }
    // `US`, `IT` in capitals are names, not the pronouns.
    if w.len() >= 2 && w.bytes().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    STOP_WORDS.contains_ascii_lower(w)
}

/// [`STOP`] hashed: it is asked about several words near every number.
static STOP_WORDS: WordList = WordList::new(STOP);

/// Plural nouns that do not end in `s`.
static IRREGULAR_PLURALS: WordList = WordList::new(&[
    "aircraft",
    "cattle",
    "children",
    "clergy",
    "crew",
    "data",
    "deer",
    "fish",
    "folk",
    "infantry",
    "livestock",
    "media",
    "men",
    "militia",
    "people",
    "personnel",
    "police",
    "sheep",
    "spacecraft",
    "staff",
    "watercraft",
    "women",
    "youth",
]);

/// Adjectives that describe the counted things without naming a kind of them
/// (`11 separate incidents` counts incidents); they stay out of `counts`.
static LOOSE_ADJECTIVES: WordList = WordList::new(&[
    "poorly",
    "heavily",
    "lightly",
    "newly",
    "mostly",
    "mainly",
    "fully",
    "highly",
    "largely",
    "well",
    "very",
    "additional",
    "alleged",
    "big",
    "confirmed",
    "different",
    "entire",
    "estimated",
    "extra",
    "few",
    "first",
    "further",
    "huge",
    "innocent",
    "large",
    "last",
    "little",
    "local",
    "main",
    "major",
    "many",
    "minor",
    "more",
    "new",
    "old",
    "older",
    "other",
    "possible",
    "potential",
    "remaining",
    "reported",
    "same",
    "separate",
    "similar",
    "single",
    "small",
    "such",
    "suspected",
    "total",
    "unarmed",
    "various",
    "whole",
    "young",
    "younger",
]);

/// Past forms that do not end in -ed: after a singular noun they end it
/// (`one airstrike hit`).
static IRREGULAR_VERBS: WordList = WordList::new(&[
    "began", "blew", "broke", "brought", "came", "caught", "cut", "drove", "fell", "flew", "fled",
    "fought", "gave", "got", "hit", "held", "hid", "hurt", "kept", "knew", "led", "left", "lost",
    "made", "met", "paid", "put", "ran", "rose", "sank", "saw", "sent", "set", "shot", "sold",
    "spent", "stood", "struck", "took", "threw", "told", "went", "won", "wore", "wrote", "found",
    "bought", "sought", "felt", "heard", "built", "meant", "became", "grew", "drew", "spoke",
    "chose", "rode", "thought", "said", "taken", "given", "seen", "known", "shown", "thrown",
    "driven", "born", "beaten", "stolen", "hidden", "fallen", "written", "chosen", "broken",
    "sworn", "torn", "worn", "done", "gone",
]);

/// Present-tense verbs that look like plural nouns; after a noun they end
/// the phrase (`12 percent of the city remains`).
static VERBS_S: WordList = WordList::new(&[
    "backs", "believes", "comes", "faces", "favours", "favors", "gets", "goes", "has", "holds",
    "lacks", "lies", "lives", "makes", "needs", "opposes", "remains", "says", "stays", "suffers",
    "supports", "takes", "thinks", "wants", "works",
]);

/// Whether lower-case `w` is an adjective that describes counted things.
pub fn loose_adjective(w: &str) -> bool {
    LOOSE_ADJECTIVES.contains(w)
}

/// Whether lower-case `w` is a past form not ending in -ed.
pub fn irregular_verb(w: &str) -> bool {
    IRREGULAR_VERBS.contains(w)
}

/// Whether `w` looks like a plural noun (`civilians`, `people`).
pub fn is_plural(w: &str) -> bool {
    // The endings in any ASCII case, as the lowered word would show them.
    let s = |end: &str| ends_ci(w, end);
    w.len() > 2 && s("s") && !s("ss") && !s("us") && !s("is") && !s("'s")
        || IRREGULAR_PLURALS.contains_ascii_lower(w)
}

/// A word of a noun phrase: one token, or a glued hyphen compound
/// (`ISIS-held`, `majority-Muslim`).
#[derive(Clone, Copy)]
struct Unit {
    a: usize,
    b: usize,
    hyphen: bool,
}

fn unit_at(doc: &Doc, j: usize, end: usize) -> Option<Unit> {
    if !(is_word(doc, j) || is_num(doc, j)) || j >= end {
        return None;
    }
    let mut k = j + 1;
    // `U.S.`, `U.N.`: initials with periods are one word.
    let initial = |i: usize| {
        is_word(doc, i) && doc.tok(i).len() <= 2 && doc.tokens.get(i).is_some_and(|t| t.upper)
    };
    if initial(j) {
        while k + 1 < end
            && doc.tok(k) == "."
            && glued(doc, k)
            && glued(doc, k + 1)
            && initial(k + 1)
        {
            k += 2;
        }
        if k > j + 1 && doc.tok(k) == "." && glued(doc, k) {
            k += 1;
        }
    }
    let mut hyphen = false;
    while k + 1 < end
        && doc.tok(k) == "-"
        && glued(doc, k)
        && glued(doc, k + 1)
        && (is_word(doc, k + 1) || is_num(doc, k + 1))
    {
        hyphen = true;
        k += 2;
    }
    Some(Unit { a: j, b: k, hyphen })
}

/// The actor span (from `taken`) covering token `i`, if any.
fn actor_at<'s>(doc: &Doc, actors: &'s [&Span], i: usize) -> Option<&'s Span> {
    let t = doc.tokens.get(i)?;
    // Sorted by start and non-overlapping: only the last one starting at or
    // before the token can cover it.
    let k = actors.partition_point(|s| s.start <= t.start());
    let s = *actors.get(k.checked_sub(1)?)?;
    (t.end() <= s.end).then_some(s)
}

/// The noun phrase the figure ending before token `j` quantifies, read
/// forward: modifiers up to the first plural noun (or the last noun before a
/// function word), without loose adjectives, hyphen compounds and named
/// actors or places used as modifiers (`two ISIS-held buildings` → buildings,
/// `two ISIS tactical units` → tactical units).
fn noun_phrase(
    doc: &Doc,
    j: usize,
    end: usize,
    actors: &[&Span],
    singular: bool,
) -> Option<String> {
    const NONE: Unit = Unit {
        a: 0,
        b: 0,
        hyphen: false,
    };
    // At most six words, on the stack.
    let mut units = [NONE; 6];
    let mut len = 0;
    let mut k = j;
    while len < units.len() {
        let Some(u) = unit_at(doc, k, end) else { break };
        let w = doc.slice(u.a, u.b);
        if stop(w) {
            break;
        }
        // `Afghanistan's 38 million people`: the whole's own number.
        if is_num(doc, u.a) || small_number(w).is_some() || scale_word(w).is_some() {
            k = u.b;
            continue;
        }
        // A participle after the noun is a verb (`one soldier killed in`),
        // but before another noun it is a modifier (`two small hinged doors`).
        let modifier = || {
            is_word(doc, u.b)
                && !stop(doc.tok(u.b))
                && !doc.tokens.get(u.b).is_some_and(|t| t.upper)
        };
        // (The word's endings and lists in any ASCII case.)
        let participle = ends_ci(w, "ed") || ends_ci(w, "ing");
        if len > 0
            && !u.hyphen
            && (participle && !modifier()
                || IRREGULAR_VERBS.contains_ascii_lower(w)
                || VERBS_S.contains_ascii_lower(w)
                || singular && ends_ci(w, "s"))
        {
            break;
        }
        // `taken hostage`, `the three auditioned Tomo`: a participle right
        // after the number, not before a noun, is a verb.
        if len == 0 && (IRREGULAR_VERBS.contains_ascii_lower(w) || participle && !modifier()) {
            return None;
        }
        if let Some(slot) = units.get_mut(len) {
            *slot = u;
        }
        len += 1;
        k = u.b;
        // `the group’s leaders`: the possessor is not what is counted.
        if matches!(doc.tok(k), "'" | "’")
            && glued(doc, k)
            && (doc.tok(k + 1) == "s" && glued(doc, k + 1) || ends_ci(w, "s"))
        {
            len = 0;
            k += if doc.tok(k + 1) == "s" { 2 } else { 1 };
            continue;
        }
        // A capitalized name ending in -s (`Hamas fighters`) ends the
        // phrase only when no lower-case noun follows it.
        let name_s = doc.tokens.get(u.a).is_some_and(|t| t.upper)
            && is_word(doc, k)
            && !doc.tokens.get(k).is_some_and(|t| t.upper)
            && !stop(doc.tok(k));
        if !u.hyphen && is_plural(w) && !name_s {
            break;
        }
    }
    let units = units.get(..len).unwrap_or_default();
    let head = *units.last()?;
    let head_w = doc.slice(head.a, head.b);
    // `45 wounded`: a participle alone is no noun.
    if is_num(doc, head.a)
        || head.hyphen && units.len() == 1
        || units.len() == 1 && (ends_ci(head_w, "ed") || ends_ci(head_w, "ing"))
    {
        return None;
    }
    // A group actor (`US personnel`) is counted as named.
    if let Some(g) = actor_at(doc, actors, head.a)
        && g.kind == "group"
    {
        return Some(g.text_in(doc.text).to_string());
    }
    // The words kept, joined by spaces.
    let mut phrase = String::new();
    for (idx, u) in units.iter().enumerate() {
        let w = doc.slice(u.a, u.b);
        let keep = idx + 1 == units.len() || {
            let named = actor_at(doc, actors, u.a).is_some_and(|s| s.kind != "group");
            !(u.hyphen || named || is_num(doc, u.a) || LOOSE_ADJECTIVES.contains_ascii_lower(w))
        };
        if keep {
            if !phrase.is_empty() {
                phrase.push(' ');
            }
            phrase.push_str(w);
        }
    }
    Some(phrase)
}

/// Words that may stand between an apposed noun and its figure
/// (`civilians — in particular the million or so`).
static APPOSITION_GLUE: WordList = WordList::new(&[
    "the",
    "in",
    "particular",
    "including",
    "especially",
    "mostly",
    "mainly",
    "among",
    "them",
    "some",
    "all",
    "of",
    "whom",
    "which",
    "nearly",
    "about",
    "around",
    "up",
    "to",
    "as",
    "many",
    "at",
    "least",
    "more",
    "than",
    "an",
    "estimated",
]);

/// The head noun right before the figure, across an apposition mark:
/// `Iraqi civilians, hundreds of thousands of whom` → civilians.
fn apposed_noun(doc: &Doc, fig_start: usize, sent_start: usize) -> Option<String> {
    let mut p = fig_start;
    let mut steps = 0;
    while p > sent_start && steps < 5 && APPOSITION_GLUE.contains(doc.low(p - 1)) {
        p -= 1;
        steps += 1;
    }
    if p < sent_start + 2 || !matches!(doc.tok(p - 1), "," | "—" | "–" | "(" | ":" | "-") {
        return None;
    }
    let w = doc.tok(p - 2);
    (is_word(doc, p - 2) && is_plural(w) && !stop(w)).then(|| w.to_string())
}

/// `the number of Western advisers … had doubled to about 450` → advisers.
fn number_of(doc: &Doc, fig_start: usize, sent_start: usize, actors: &[&Span]) -> Option<String> {
    let lo = sent_start.max(fig_start.saturating_sub(30));
    for k in (lo..fig_start).rev() {
        if doc.is(k, "of") && k > 0 && matches!(doc.low(k - 1), "number" | "total") {
            // Recovered from elsewhere in the sentence: the head noun only.
            let np = noun_phrase(doc, k + 1, fig_start, actors, false)?;
            return np.rsplit(' ').next().map(str::to_string);
        }
    }
    None
}

/// Verbs and auxiliaries after a subject: a figure followed by one stands
/// for a noun named before (`tens of thousands have fled`).
fn verb_follows(doc: &Doc, j: usize) -> bool {
    const AUX: &[&str] = &[
        "are", "could", "had", "has", "have", "is", "may", "might", "remain", "remained",
        "remains", "should", "was", "were", "will", "would",
    ];
    let l = doc.low(j);
    AUX.contains(&l) || is_word(doc, j) && l.len() > 3 && l.ends_with("ed")
}

/// What a count or vague figure spanning tokens `a..b` counts.
/// `prev` is the last earlier figure's `counts` with its sentence index.
pub fn counts(
    doc: &Doc,
    a: usize,
    b: usize,
    singular: bool,
    actors: &[&Span],
    prev: Option<(&str, usize)>,
) -> Option<String> {
    let (s0, s1) = doc.sentence(a);
    let mut j = b;
    let mut pronoun = false;
    // `a 5,000-strong force`
    if doc.tok(j) == "-" && doc.is(j + 1, "strong") {
        j += 2;
    }
    if doc.is(j, "of") {
        j += 1;
        while matches!(
            doc.low(j),
            "the"
                | "those"
                | "these"
                | "its"
                | "their"
                | "his"
                | "her"
                | "our"
                | "your"
                | "all"
                | "my"
        ) {
            j += 1;
        }
        // `412 of the 650 seats`: the whole's own number stands before its noun.
        let mut guard = 0;
        while guard < 6
            && (is_num(doc, j)
                || matches!(doc.tok(j), "," | ".") && glued(doc, j) && is_num(doc, j + 1)
                || small_number(doc.tok(j)).is_some()
                || scale_word(doc.tok(j)).is_some())
        {
            j += 1;
            guard += 1;
        }
        let w = doc.tok(j);
        if matches!(
            w,
            "whom" | "which" | "them" | "us" | "you" | "it" | "others"
        ) || !is_word(doc, j) && j > b + 1
        {
            pronoun = true;
        }
    }
    // `wounding 143 others`: the noun is the one named before.
    if doc.is(j, "others") {
        pronoun = true;
    }
    if !pronoun && let Some(np) = noun_phrase(doc, j, s1, actors, singular) {
        return Some(np);
    }
    if let Some(n) = apposed_noun(doc, a, s0) {
        return Some(n);
    }
    if let Some(n) = number_of(doc, a, s0, actors) {
        return Some(n);
    }
    // Elided noun: the previous figure's, when it is in this sentence
    // (`killed 23 people and wounded 45`), or in the one before and the
    // figure is a subject (`tens of thousands have fled`).
    let here = doc.sentence_of.get(a).copied().unwrap_or(0) as usize;
    match prev {
        Some((c, s)) if s == here || (verb_follows(doc, j) || pronoun) && s + 1 == here => {
            Some(c.to_string())
        }
        _ => None,
    }
}

/// Verbs that attribute a statement to their subject.
const REPORTING_VERBS: &[&str] = &[
    "added",
    "announced",
    "announces",
    "claim",
    "claimed",
    "claims",
    "confirmed",
    "confirms",
    "estimate",
    "estimated",
    "estimates",
    "noted",
    "report",
    "reported",
    "reports",
    "said",
    "say",
    "says",
    "stated",
    "states",
    "told",
];

/// [`REPORTING_VERBS`] hashed.
pub(super) static REPORTING: WordList = WordList::new(REPORTING_VERBS);

/// The sieve of the words a source is found by: the reporting verbs and
/// `according`. Most words of a sentence are neither, and this one test a
/// word turns them away.
pub(super) static SOURCE_WORDS: LazyLock<Sieve> =
    LazyLock::new(|| Sieve::new(REPORTING_VERBS.iter().copied().chain(["according"])));

const PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i", "you", "who", "which"];

/// The source named by tokens `a..b`: an actor span inside it, else the
/// trailing capitalized name after a description (`international monitoring
/// group Airwars` → Airwars), else the words without a leading article.
fn name_in(doc: &Doc, mut a: usize, b: usize, actors: &[&Span]) -> Option<String> {
    while a < b && matches!(doc.low(a), "the" | "a" | "an") {
        a += 1;
    }
    if a >= b {
        return None;
    }
    if let Some(s) = (a..b).rev().find_map(|k| actor_at(doc, actors, k)) {
        return Some(s.name_in(doc.text));
    }
    if b - a == 1 && PRONOUNS.contains(&doc.low(a)) {
        // `he said`, `she told`: the last person named shortly before.
        if !matches!(doc.low(a), "he" | "she") {
            return None;
        }
        let start = doc.tokens.get(a)?.start();
        let lo = doc
            .tokens
            .get(a.saturating_sub(80))
            .map_or(0, |t| t.start());
        let k = actors.partition_point(|s| s.start < start);
        return actors[..k]
            .iter()
            .rev()
            .take_while(|s| s.start >= lo)
            .find(|s| s.kind == "person")
            .map(|s| s.name_in(doc.text));
    }
    let upper = |k: usize| doc.tokens.get(k).is_some_and(|t| t.upper);
    let mut c = b;
    while c > a && (upper(c - 1) || doc.tok(c - 1) == "-" && c - 1 > a) {
        c -= 1;
    }
    if c > a && c < b && !upper(a) {
        return Some(doc.slice(c, b).to_string());
    }
    Some(doc.slice(a, b).to_string())
}

/// The subject before a reporting verb at `v`, read backwards over content
/// words (`when local sources said` → local sources).
fn subject_before(doc: &Doc, v: usize, s0: usize, actors: &[&Span]) -> Option<(usize, String)> {
    let mut a = v;
    while a > s0 && a + 8 > v {
        let k = a - 1;
        let in_actor = actor_at(doc, actors, k).is_some();
        let apostrophe = |i: usize| matches!(doc.tok(i), "'" | "’");
        // `Israel's military`
        let possessive = doc.tok(k) == "s" && glued(doc, k) && apostrophe(k.wrapping_sub(1))
            || apostrophe(k) && glued(doc, k) && doc.tok(k + 1) == "s";
        // `Syrian Observatory for Human Rights`: a function word inside a
        // capitalized name.
        let upper = |i: usize| doc.tokens.get(i).is_some_and(|t| t.upper);
        let inside_name = matches!(doc.tok(k), "of" | "for" | "on" | "and" | "the")
            && upper(k + 1)
            && k > s0
            && upper(k - 1);
        let ok = in_actor
            || possessive
            || inside_name
            || is_word(doc, k) && !stop(doc.tok(k))
            || doc.tok(k) == "-" && glued(doc, k)
            || PRONOUNS.contains(&doc.low(k)) && a == v;
        if !ok {
            break;
        }
        a = k;
    }
    if a == v {
        return None;
    }
    name_in(doc, a, v, actors).map(|n| (a, n))
}

/// The subject after an inverted reporting verb: `, said Davis`.
fn subject_after(doc: &Doc, v: usize, s1: usize, actors: &[&Span]) -> Option<String> {
    if v == 0 || !matches!(doc.tok(v - 1), "," | "”" | "\"" | "’") {
        return None;
    }
    let mut b = v + 1;
    while b < s1 && b < v + 7 && (is_word(doc, b) && !stop(doc.tok(b)) || doc.tok(b) == "-") {
        b += 1;
    }
    if b == v + 1 {
        return None;
    }
    name_in(doc, v + 1, b, actors)
}

/// Who the sentence attributes the figure at tokens `a..b` to.
pub fn source(doc: &Doc, a: usize, b: usize, actors: &[&Span]) -> Option<String> {
    // A bounded window of the sentence keeps the lens linear on texts
    // without sentence breaks (tables, lists of numbers).
    let (s0, s1) = doc.sentence(a);
    let (s0, s1) = (s0.max(a.saturating_sub(60)), s1.min(b + 60));
    // One pass finds `according to` and where the reporting verbs start.
    let mut first_verb = s1;
    for k in s0..s1 {
        if !is_word(doc, k) || !SOURCE_WORDS.may_hold(doc.bytes(k)) {
            continue;
        }
        if doc.is(k, "according") && doc.is(k + 1, "to") {
            let mut e = k + 2;
            while e < s1
                && e < k + 12
                && !matches!(doc.tok(e), "," | "." | ";" | "—" | "–" | ":" | "(")
            {
                e += 1;
            }
            if let Some(n) = name_in(doc, k + 2, e, actors) {
                return Some(n);
            }
        }
        if first_verb == s1 && REPORTING.contains(doc.low(k)) {
            first_verb = k;
        }
    }
    // The reporting verb nearest the figure.
    let mut best: Option<(usize, String)> = None;
    for k in first_verb..s1 {
        // The verbs are words: the kind is a cheaper test than the look-up.
        if k >= a && k < b || !is_word(doc, k) || !REPORTING.contains(doc.low(k)) {
            continue;
        }
        // A subject that the figure itself quantifies (`40 percent of the
        // respondents said`) is not a source for it.
        let found = match subject_before(doc, k, s0, actors) {
            Some((sa, _)) if sa >= b && subject_of_figure(doc, b, sa) => None,
            Some((sa, _)) if sa <= a && a < k => None,
            Some((_, n)) => Some(n),
            None => subject_after(doc, k, s1, actors),
        };
        if let Some(n) = found {
            let d = if k < a { a - k } else { k - b };
            if best.as_ref().is_none_or(|(bd, _)| d < *bd) {
                best = Some((d, n));
            }
        }
    }
    best.map(|(_, n)| n)
}

/// Whether only `of the`, numbers and the like stand between the figure's
/// end `b` and a subject starting at `sa` (`40 percent of the 3,000 respondents`).
fn subject_of_figure(doc: &Doc, b: usize, sa: usize) -> bool {
    sa <= b + 6
        && (b..sa).all(|k| {
            is_num(doc, k)
                || doc.tok(k) == "," && glued(doc, k)
                || matches!(
                    doc.low(k),
                    "of" | "the" | "those" | "these" | "its" | "their" | "his" | "her" | "our"
                )
        })
}

/// The actor spans of `taken`.
pub fn actors(taken: &[Span]) -> Vec<&Span> {
    let mut v: Vec<&Span> = taken.iter().filter(|s| s.label == Label::Actor).collect();
    v.sort_by_key(|s| s.start);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_list_is_sorted() {
        assert!(STOP.windows(2).all(|w| w[0] < w[1]));
    }
}
