//! The actors and places lens (ANNOTATION.md §1, §2): persons, organisations,
//! groups and named places, with one entity key per actor.
//!
//! How it reads a text:
//! 1. Tokens are joined into word units (module `units`): `al-Mohammadawi`, `U.S.`.
//! 2. Groups come first (module `groups`): affiliation words + a force noun.
//! 3. Runs of capitalized units (with name particles and `of`/`and` inside
//!    organisation names) are read left to right. A lexicon name (organisation,
//!    place, well-known person) wins unless the run is longer for a reason
//!    (a title before the name, an organisation or place head word at its end).
//!    Otherwise the run is classified by its own words (given names, particles,
//!    head words) and by its context (`Mr`, `said`, `in`/`near`).
//! 4. A second pass resolves what the first could not from the whole article:
//!    surname-only and first-name-only mentions, acronyms introduced in
//!    brackets, earlier names of organisations.
//! 5. Roles come from the title before a name or the head of an appositive.

mod groups;
mod lex;
mod resolve;
mod roles;
mod units;
mod words;

use crate::lexicon::with_lower;
use crate::model::{Label, Span};
use crate::text::Doc;
use lex::{LEX, Lex, Named, TitleKind, fact};
pub(crate) use resolve::Carry;
use resolve::{WEAK_PERSON, resolve};
use units::Unit;
use words::*;

/// The longest capitalized run read as one name, in units.
const MAX_RUN: usize = 12;

/// [`Ctx::lexicon_memo`]: not asked yet.
const MEMO_UNKNOWN: u32 = 0;
/// [`Ctx::lexicon_memo`]: no listed name starts here. (No packed hit is
/// 0 or all ones: its length is at least 1, and a place, the one kind whose
/// two bits are both set, has an index below 256.)
const MEMO_NONE: u32 = u32::MAX;

/// A lexicon hit in one `u32` (a long text has a memo slot per unit, so
/// the slot is kept small): its length in units (1 to 255) in the low byte,
/// what it names ([`Named::to_bits`]) above.
fn pack_hit(len: usize, what: Named) -> Option<u32> {
    let len = u8::try_from(len).ok().filter(|&l| l > 0)?;
    Some(u32::from(len) | what.to_bits()? << 8)
}

/// The hit at unit `i` that [`pack_hit`] packed.
fn unpack_hit(i: usize, packed: u32) -> Option<(usize, Named)> {
    let len = (packed & 0xff) as usize;
    Some((i + len, Named::from_bits(packed >> 8)?))
}

/// What a mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum K {
    Person,
    Org,
    Place,
    Group,
    /// A capitalized word with no cue yet: decided in the second pass.
    Unknown,
}

/// One found name, as a unit range.
#[derive(Clone, Debug)]
struct Mention {
    ua: usize,
    ub: usize,
    kind: K,
    /// Canonical entity key when already known (lexicon, acronym).
    key: Option<String>,
    role: Option<String>,
    /// The role came from inside the run (`President Trump`).
    role_units: Option<(usize, usize)>,
    why: &'static str,
    /// Found in a headline written all in capitals or in title case: only
    /// names known from the lexicon or the body count there.
    headline: bool,
}

impl Mention {
    fn new(ua: usize, ub: usize, kind: K, why: &'static str) -> Mention {
        Mention {
            ua,
            ub,
            kind,
            key: None,
            role: None,
            role_units: None,
            why,
            headline: false,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Normal,
    /// Headline in title case: every word capitalized.
    Title,
    /// All capitals.
    Caps,
}

struct Ctx<'d, 'a> {
    doc: &'d Doc<'a>,
    units: Vec<Unit>,
    lx: &'static Lex,
    /// Unit index → whether a token of it lies inside a span found before
    /// (dates): asked of nearly every unit, many times, so settled once.
    blocked: Vec<bool>,
    used: Vec<bool>,
    /// Unit index → whether it is the first word of its sentence.
    first_word: Vec<bool>,
    mode: Vec<Mode>,
    /// Lower-case words seen in lower case somewhere in the text.
    lower_seen: crate::lexicon::LexSet<&'a str>,
    /// Unit index → [`Ctx::lexicon_at`] once asked ([`pack_hit`], or
    /// [`MEMO_NONE`]; [`MEMO_UNKNOWN`] until then); empty
    /// until the groups are marked `used`. The passes after that ask it of the
    /// same unit many times, and it reads only what is fixed by then (the
    /// units, `used`, `blocked`, `mode`).
    lexicon_memo: Vec<std::cell::Cell<u32>>,
    /// Unit index → its [`fact`] bits once asked, with [`FACTS_KNOWN`] set;
    /// 0 until then. The rules ask the lists about the same unit many times.
    facts: Vec<std::cell::Cell<u32>>,
    /// Buffers for [`Ctx::lexicon_search`]'s keys, so a search allocates nothing.
    key_bufs: std::cell::RefCell<[String; 3]>,
}

/// Marks the [`Ctx::facts`] of a unit as settled.
const FACTS_KNOWN: u32 = 1 << 31;
/// The [`Ctx::facts`] bit for a word written in lower case somewhere in the text.
const LOWER_SEEN: u32 = 1 << 30;
/// Marks [`LOWER_SEEN`] as settled.
const SEEN_KNOWN: u32 = 1 << 29;

impl<'d, 'a> Ctx<'d, 'a> {
    fn text(&self, u: usize) -> &'a str {
        match self.units.get(u) {
            Some(x) => self.doc.slice(x.a(), x.b()),
            None => "",
        }
    }

    fn span_text(&self, a: usize, b: usize) -> &'a str {
        if a >= b || b > self.units.len() {
            return "";
        }
        self.doc.slice(self.units[a].a(), self.units[b - 1].b())
    }

    fn key(&self, a: usize, b: usize) -> String {
        if a >= b || b > self.units.len() {
            return String::new();
        }
        let toks = &self.doc.tokens[self.units[a].a()..self.units[b - 1].b()];
        lex::key(self.doc.text, toks)
    }

    /// The words of `[a, b)` with one space where the text has any
    /// whitespace: the form of entity keys.
    fn display(&self, a: usize, b: usize) -> String {
        if a >= b || b > self.units.len() {
            return String::new();
        }
        let mut out = String::new();
        for t in self.units[a].a()..self.units[b - 1].b() {
            let tok = self.doc.tokens[t];
            if t > self.units[a].a() && !tok.glued {
                out.push(' ');
            }
            out.push_str(self.doc.tok(t));
        }
        out
    }

    fn free(&self, u: usize) -> bool {
        match self.units.get(u) {
            Some(_) => !self.used[u] && !self.blocked[u],
            None => false,
        }
    }

    fn is(&self, u: usize, w: &str) -> bool {
        self.text(u).eq_ignore_ascii_case(w)
    }

    fn same_sentence(&self, a: usize, b: usize) -> bool {
        match (self.units.get(a), self.units.get(b)) {
            (Some(x), Some(y)) => {
                self.doc.sentence_of.get(x.a()) == self.doc.sentence_of.get(y.a())
            }
            _ => false,
        }
    }

    /// A unit that can be part of a name: capitalized word, or a lower-case
    /// particle compound like `al-Mohammadawi`.
    fn nameable(&self, u: usize) -> bool {
        let Some(x) = self.units.get(u) else {
            return false;
        };
        x.name_shape && self.free(u)
    }

    /// A common word, not a name by itself: listed, or seen in lower case
    /// in this text when it opens a sentence. Acronyms (`US`, `IS`) are not.
    fn is_common(&self, u: usize) -> bool {
        let w = self.text(u);
        let caps = self
            .units
            .get(u)
            .is_some_and(|x| x.caps && w.chars().count() >= 2);
        if caps && self.mode.get(u) != Some(&Mode::Caps) {
            return false;
        }
        let first = self.first_word.get(u) == Some(&true);
        // `Apparently`, `Finally`: sentence adverbs, not names.
        let f = self.facts(u);
        let adverb =
            first && w.len() > 5 && w.ends_with("ly") && f & (fact::GIVEN | fact::SURNAME) == 0;
        f & fact::COMMON != 0 || adverb || (first && self.seen_lower(u))
    }

    /// What the word lists say of unit `u`'s text ([`fact`] bits), looked up
    /// the first time it is asked; nothing for a unit past the end.
    fn facts(&self, u: usize) -> u32 {
        let Some(cell) = self.facts.get(u) else {
            return 0;
        };
        let known = cell.get();
        if known & FACTS_KNOWN != 0 {
            return known;
        }
        let t = self.text(u);
        let facts = |k: &str| self.lx.facts.get(k).copied().unwrap_or(0);
        let mut bits = known | FACTS_KNOWN;
        // A word in lower case is its own key both ways: one look-up (most
        // words of a text).
        if t.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            bits |= facts(t);
        } else {
            if self.lx.exact_sieve.may_hold(t.as_bytes()) {
                bits |= facts(t) & !fact::LOWER;
            }
            bits |= self.with_lower(u, facts) & fact::LOWER;
        }
        // A title is looked up without its period (`Lt.`, `Gen.`).
        if t.ends_with('.') {
            bits &= !fact::TITLES;
            let stem = |l: &str| facts(l.strip_suffix('.').unwrap_or(l));
            bits |= self.with_lower(u, stem) & fact::TITLES;
        }
        cell.set(bits);
        bits
    }

    /// Whether unit `u`'s word is written in lower case somewhere in the
    /// text; asked of fewer units than the lists, so settled on its own.
    fn seen_lower(&self, u: usize) -> bool {
        let Some(cell) = self.facts.get(u) else {
            return false;
        };
        let bits = cell.get();
        if bits & SEEN_KNOWN != 0 {
            return bits & LOWER_SEEN != 0;
        }
        let seen = self.with_lower(u, |l| self.lower_seen.contains(l));
        cell.set(bits | SEEN_KNOWN | if seen { LOWER_SEEN } else { 0 });
        seen
    }

    /// Calls `f` with unit `u`'s text in lower case, as [`with_lower`]
    /// lowers it: an ASCII unit's is read from the document's lowered text
    /// (nothing copied; in wasm, checking the copy's UTF-8 cost more than
    /// the copy).
    fn with_lower<R>(&self, u: usize, f: impl FnOnce(&str) -> R) -> R {
        let t = self.text(u);
        match self.units.get(u) {
            Some(x) if t.is_ascii() => f(self.doc.lower_slice(x.a(), x.b())),
            _ => with_lower(t, f),
        }
    }

    /// Whether unit `u` has any of the [`fact`] bits `bits`.
    fn has(&self, u: usize, bits: u32) -> bool {
        self.facts(u) & bits != 0
    }

    fn title_kind(&self, u: usize) -> Option<TitleKind> {
        let f = self.facts(u);
        if f & fact::TITLE != 0 {
            Some(TitleKind::Title)
        } else if f & fact::TITLE_MODIFIER != 0 {
            Some(TitleKind::Modifier)
        } else if f & fact::HONORIFIC != 0 {
            Some(TitleKind::Honorific)
        } else {
            None
        }
    }

    /// Whether unit `u` is a name particle (`von`, `al`). The particles are
    /// short lower-case words, so most units are ruled out without a look-up:
    /// run_end asks it of the word after every name.
    fn is_particle(&self, u: usize) -> bool {
        let short = self.units.get(u).is_some_and(|x| {
            x.lower_first
                && self
                    .doc
                    .tokens
                    .get(x.a())
                    .is_some_and(|t| t.end() - t.start() <= LONGEST_PARTICLE)
        });
        short && self.has(u, fact::PARTICLE)
    }

    fn is_demonym(&self, u: usize) -> bool {
        self.has(u, fact::DEMONYM)
    }

    fn is_country(&self, u: usize) -> bool {
        self.has(u, fact::COUNTRY)
    }

    /// The longest lexicon name starting at unit `i`: its end and what it is.
    fn lexicon_at(&self, i: usize) -> Option<(usize, Named)> {
        let Some(memo) = self.lexicon_memo.get(i) else {
            return self.find_lexicon_at(i);
        };
        match memo.get() {
            MEMO_UNKNOWN => {}
            MEMO_NONE => return None,
            known => return unpack_hit(i, known),
        }
        let found = self.find_lexicon_at(i);
        // (A hit that does not pack is simply not kept: asked again, it is
        // searched again.)
        match found {
            None => memo.set(MEMO_NONE),
            Some((e, n)) => memo.set(pack_hit(e - i, n).unwrap_or(MEMO_UNKNOWN)),
        }
        found
    }

    /// [`Ctx::lexicon_at`] without the memo.
    fn find_lexicon_at(&self, i: usize) -> Option<(usize, Named)> {
        let u = self.units.get(i)?;
        let caps = self.mode.get(i) == Some(&Mode::Caps);
        // A one-token word (most names) is settled by what the lexicon knows
        // of it as an opener, unless a longer listed name may start here.
        if !caps && u.b() == u.a() + 1 {
            let first = self.lx.opener(self.doc.tok(u.a()))?;
            if !first.prefix() || !self.free(i) {
                return None;
            }
            if !first.longer() {
                if !u.word {
                    return None;
                }
                // (A word in capitals may be a name written otherwise.)
                let hit = first.single().or_else(|| {
                    u.caps
                        .then(|| self.lx.upper_get(self.doc.tok(u.a())).copied())
                        .flatten()
                });
                return hit.map(|n| (i + 1, n));
            }
            // The opener facts already passed the search's first tests.
            return self.grow_key(i);
        }
        self.lexicon_search(i)
    }

    /// The longest lexicon name starting at unit `i`, searched by growing its
    /// key a unit at a time.
    fn lexicon_search(&self, i: usize) -> Option<(usize, Named)> {
        // Most words open no listed name: a one-token word is its own key,
        // so one look-up settles it without building a key.
        let u = self.units.get(i)?;
        let caps = self.mode.get(i) == Some(&Mode::Caps);
        // Outside an all-capital headline every look-up below is of the key
        // as written, and a key starts with its first token as written.
        if !caps && !self.lx.is_opener(self.doc.tok(u.a())) {
            return None;
        }
        if u.b() == u.a() + 1 && !self.lx.is_prefix(self.doc.tok(u.a())) {
            return None;
        }
        self.grow_key(i)
    }

    /// [`Ctx::lexicon_search`] past its first tests: the key grown from unit
    /// `i` a token at a time, the longest listed name kept.
    fn grow_key(&self, i: usize) -> Option<(usize, Named)> {
        let caps = self.mode.get(i) == Some(&Mode::Caps);
        let mut best = None;
        // The key as written, and (while it is ASCII) in lower and upper
        // case, grown a token at a time in buffers kept for the whole text.
        let mut bufs = self.key_bufs.borrow_mut();
        let [k, lower, upper] = &mut *bufs;
        k.clear();
        lower.clear();
        upper.clear();
        let mut ascii = true;
        let mut j = i;
        // The prefix test below ends the search where no listed name goes
        // on, and `longest` bounds it by the longest name whatever that test
        // says (a unit holds one token or more), so a line of words cannot
        // make it quadratic.
        while j < self.units.len() && j - i < self.lx.longest {
            if !self.free(j) || (j > i && self.units[j].line_start) {
                break;
            }
            for t in self.units[j].a()..self.units[j].b() {
                let prev = if t > self.units[i].a() {
                    self.doc.tokens.get(t - 1)
                } else {
                    None
                };
                if let Some(tok) = self.doc.tokens.get(t) {
                    let from = k.len();
                    lex::push_key(k, self.doc.text, prev, tok);
                    let added = k.get(from..).unwrap_or_default();
                    ascii &= added.is_ascii();
                    if ascii {
                        lower.push_str(added);
                        upper.push_str(added);
                        if let (Some(l), Some(u)) = (lower.get_mut(from..), upper.get_mut(from..)) {
                            l.make_ascii_lowercase();
                            u.make_ascii_uppercase();
                        }
                    }
                }
            }
            // No listed name goes on from here. (An ASCII key's lower case
            // is the one `is_prefix` makes.)
            let prefix = if ascii {
                self.lx.lowered_prefix(lower).is_some()
            } else {
                self.lx.is_prefix(k)
            };
            if !prefix {
                break;
            }
            j += 1;
            // A name ends on a word, never on punctuation.
            if !self.units[j - 1].word {
                continue;
            }
            // All-capital words (`BAGHDAD (Reuters)`) are looked up in
            // capitals too; short ones only as written (`US`, `IS`).
            let all_caps = (i..j).all(|u| !self.units[u].word || self.units[u].caps);
            let hit = if caps && ascii {
                self.lx.upper_get(upper.as_str())
            } else if caps {
                self.lx.upper_get(k.to_uppercase().as_str())
            } else {
                self.lx
                    .names
                    .get(k.as_str())
                    .or_else(|| all_caps.then(|| self.lx.upper_get(k.as_str())).flatten())
            };
            if let Some(n) = hit {
                best = Some((j, *n));
            }
        }
        // A name must not be followed by a glued hyphen compound (`ISIS-held`
        // is fine, `Iraq-Syria` is two names) nor end inside a longer word.
        best
    }

    /// Extends a run of name units from `i` (which is nameable).
    fn run_end(&self, i: usize) -> usize {
        let mut j = i + 1;
        // Names are short; a bound keeps every step after this linear.
        while let Some(u) = self.units.get(j).filter(|_| j - i < MAX_RUN) {
            // `Emmett S . Davis`: a spaced initial ends no sentence.
            let initial_before = j >= 2 && self.text(j - 1) == "." && is_initial_unit(self, j - 2);
            if u.line_start || !self.same_sentence(i, j) && !initial_before {
                break;
            }
            if self.nameable(j) {
                j += 1;
                continue;
            }
            let w = self.text(j);
            if w == "." && is_initial_unit(self, j - 1) && self.nameable(j + 1) {
                j += 2;
                continue;
            }
            // particles: `Ursula von der Leyen`
            if self.is_particle(j) {
                let mut k = j;
                while k < self.units.len() && self.is_particle(k) && k - j < 3 {
                    k += 1;
                }
                if self.nameable(k) && !self.units[j].upper {
                    j = k + 1;
                    continue;
                }
                break;
            }
            // `Department of Defense`, `Centers for Disease Control`
            if (w == "of" || w == "for") && self.has(j - 1, fact::OF_HEAD) {
                let mut k = j + 1;
                if self.is(k, "the") {
                    k += 1;
                }
                if self.nameable(k) && self.units[k].upper {
                    j = k + 1;
                    continue;
                }
                break;
            }
            // `Johnson & Johnson`, `Marks & Spencer`: one word each side.
            if w == "&" && self.nameable(j + 1) && j == i + 1 && !self.nameable(j + 2) {
                j += 2;
                continue;
            }
            if w == "and" && self.nameable(j + 1) {
                // Only inside an organisation name: the part after ends in a head.
                let mut k = j + 1;
                while k < self.units.len() && self.nameable(k) && k - j < 5 {
                    k += 1;
                }
                if self.has(k - 1, fact::ORG_HEAD) && !self.is_demonym(j + 1) {
                    j = k;
                    continue;
                }
            }
            break;
        }
        j
    }
}

/// Finds actors and places in `doc`, skipping tokens inside `taken` spans.
pub fn find(doc: &Doc, taken: &[Span]) -> Vec<Span> {
    find_in(doc, taken, None)
}

/// [`find`] in one window of a long text: `carry` holds what the windows
/// before said of names (a surname alone joins the person named in full
/// earlier), and takes what this one says.
// A stage of its own in profiles (callgrind), so its cost can be read.
#[inline(never)]
pub(crate) fn find_in<'a>(
    doc: &Doc<'a>,
    taken: &[Span],
    carry: Option<&mut Carry<'a>>,
) -> Vec<Span> {
    let mut pending = start(doc, taken);
    pending.resolve(carry);
    pending.finish()
}

/// The names of one window found but not yet resolved against the whole
/// text: what a window can do without the windows before it, so the
/// windows of a long text can get this far at the same time.
pub(crate) struct Pending<'d, 'a> {
    cx: Ctx<'d, 'a>,
    mentions: Vec<Mention>,
}

/// The first part of [`find_in`]: context and scan, in text order.
pub(crate) fn start<'d, 'a>(doc: &'d Doc<'a>, taken: &[Span]) -> Pending<'d, 'a> {
    let (cx, mut mentions) = context(doc, taken);
    scan(&cx, &mut mentions);
    mentions.sort_by_key(|m| m.ua);
    Pending { cx, mentions }
}

impl<'a> Pending<'_, 'a> {
    /// The part of [`find_in`] that reads the windows before this one
    /// (`carry`) and adds this one's names to it: one window at a time,
    /// in text order.
    pub(crate) fn resolve(&mut self, carry: Option<&mut Carry<'a>>) {
        resolve(&self.cx, &mut self.mentions, carry);
    }

    /// The last part of [`find_in`]: roles, and the spans.
    pub(crate) fn finish(self) -> Vec<Span> {
        let Pending { cx, mut mentions } = self;
        roles::assign(&cx, &mut mentions);
        spans_of(&cx, mentions)
    }
}

/// The spans of the resolved `mentions`.
fn spans_of(cx: &Ctx, mentions: Vec<Mention>) -> Vec<Span> {
    let doc = cx.doc;
    // At most one span a mention: sized once, a long text's list is not
    // doubled into a buffer twice its size.
    let mut out = Vec::with_capacity(mentions.len());
    let mut end = 0;
    for m in mentions {
        if m.kind == K::Unknown || m.ua >= m.ub || m.ub > cx.units.len() {
            continue;
        }
        // (`Durham 326 ( D. Cox 95 )`: a cricket score is no model number.)
        if m.kind == K::Org && m.why != "team in a result" && is_model_number(cx, m.ub) {
            continue;
        }
        if m.kind == K::Place && is_adjective(cx, m.ua, m.ub) {
            continue;
        }
        let start = doc.tokens[cx.units[m.ua].a()].start();
        let stop = doc.tokens[cx.units[m.ub - 1].b() - 1].end();
        if start < end {
            continue;
        }
        end = stop;
        let (label, kind) = match m.kind {
            K::Person => (Label::Actor, "person"),
            K::Org => (Label::Actor, "organization"),
            K::Group => (Label::Actor, "group"),
            _ => (Label::Place, "place"),
        };
        let mut s = Span::bare(label, kind, start, stop);
        if matches!(m.kind, K::Person | K::Org) {
            s.entity = Some(m.key.unwrap_or_else(|| s.text_in(doc.text).to_string()));
        }
        if m.kind == K::Person {
            s.set_role(m.role);
        }
        s.why = Some(m.why.into());
        out.push(s);
    }
    out
}

/// The context of the names pass, with the groups found and marked used
/// (they come first: `Iraqi forces` is a group before `Iraqi` is anything).
fn context<'d, 'a>(doc: &'d Doc<'a>, taken: &[Span]) -> (Ctx<'d, 'a>, Vec<Mention>) {
    let lx: &'static Lex = &LEX;
    let units = units::build(doc);
    let blocked = blocked_units(doc, &units, taken);
    let (first_word, mode) = sentence_modes(doc, &units);
    let lower_seen = lower_words(doc, &units);
    let used = vec![false; units.len()];
    let facts = vec![std::cell::Cell::new(0); units.len()];
    let mut cx = Ctx {
        doc,
        units,
        lx,
        blocked,
        used,
        first_word,
        mode,
        lower_seen,
        lexicon_memo: Vec::new(),
        facts,
        key_bufs: Default::default(),
    };

    // Room for a name every nine units, so the list rarely regrows: the
    // bench corpus's articles have one every twelve, one every nine at most.
    let mut mentions: Vec<Mention> = Vec::with_capacity(cx.units.len() / 9 + 4);
    let free = |u: usize| cx.free(u);
    let mut gs = groups::find(doc, &cx.units, lx, &free);
    gs.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut last_end = 0;
    for (a, b) in gs {
        if a < last_end {
            continue;
        }
        last_end = b;
        mentions.push(Mention::new(a, b, K::Group, "affiliation + force noun"));
    }
    for m in &mentions {
        for u in m.ua..m.ub {
            cx.used[u] = true;
        }
    }
    // From here on `used` is fixed, so what `lexicon_at` finds can be kept.
    cx.lexicon_memo = vec![std::cell::Cell::new(MEMO_UNKNOWN); cx.units.len()];
    (cx, mentions)
}

/// Unit index → whether a token of it lies inside one of the `taken` spans.
// A stage of its own in profiles (callgrind), so its cost can be read.
#[inline(never)]
fn blocked_units(doc: &Doc, units: &[Unit], taken: &[Span]) -> Vec<bool> {
    let mut blocked = vec![false; doc.tokens.len()];
    for s in taken {
        let mut t = doc.token_at_or_after(s.start).saturating_sub(1);
        while let Some(tok) = doc.tokens.get(t) {
            if tok.start() >= s.end {
                break;
            }
            if tok.end() > s.start {
                blocked[t] = true;
            }
            t += 1;
        }
    }
    if taken.is_empty() {
        return vec![false; units.len()];
    }
    units
        .iter()
        .map(|x| match blocked.get(x.a()..x.b()) {
            // (Most units are one token.)
            Some([one]) => *one,
            Some(t) => t.contains(&true),
            None => false,
        })
        .collect()
}

/// For each unit, whether it is the first word of its sentence, and how
/// its sentence is written (normal, title-case headline, all capitals).
// A stage of its own in profiles (callgrind), so its cost can be read.
#[inline(never)]
fn sentence_modes(doc: &Doc, units: &[Unit]) -> (Vec<bool>, Vec<Mode>) {
    let mut first_word = vec![false; units.len()];
    let mut mode = vec![Mode::Normal; units.len()];
    let mut s = 0;
    while s < units.len() {
        let sent = doc.sentence(units[s].a());
        let mut e = s;
        while e < units.len() && units[e].a() < sent.1 {
            e += 1;
        }
        let e = e.max(s + 1);
        if let Some(f) = (s..e).find(|&u| units[u].word) {
            first_word[f] = true;
        }
        let (mut words, mut caps, mut long, mut upper) = (0, 0, 0, 0);
        for u in &units[s..e] {
            if !u.word {
                continue;
            }
            let (two, four) = (u.chars >= 2, u.chars >= 4);
            words += 1;
            if u.caps && two {
                caps += 1;
            }
            if four {
                long += 1;
                if u.upper {
                    upper += 1;
                }
            }
        }
        // A headline has no final period; a sentence full of names has.
        let ends_with_period = e > s && doc.slice(units[e - 1].a(), units[e - 1].b()) == ".";
        // A byline or credit line (`By Lise Grande`, `Reporting by …`)
        // is names, not a title-case headline.
        let byline = units[s..e].iter().any(|u| {
            u.word && u.chars == 2 && {
                let t = doc.slice(u.a(), u.b());
                t == "by" || t == "By" && u.a() == units[s].a()
            }
        });
        let m = if words >= 3 && caps * 10 >= words * 6 {
            Mode::Caps
        } else if long >= 3 && upper * 10 >= long * 8 && words <= 20 && !ends_with_period && !byline
        {
            Mode::Title
        } else {
            Mode::Normal
        };
        for x in &mut mode[s..e] {
            *x = m;
        }
        s = e;
    }
    (first_word, mode)
}

/// The words written with a lower-case first letter somewhere in the text.
// A stage of its own in profiles (callgrind), so its cost can be read.
#[inline(never)]
fn lower_words<'a>(doc: &Doc<'a>, units: &[Unit]) -> crate::lexicon::LexSet<&'a str> {
    // Sized for about one word in three being a distinct lower-case word,
    // so a long text's set grows a few times, not a dozen.
    let mut seen =
        crate::lexicon::LexSet::with_capacity_and_hasher(units.len() / 3, Default::default());
    // Most lower-case words of a text are repeats of a few (`the`, `of`,
    // `and`): the last word put in at each of 256 places (by its length and
    // end bytes) is remembered, and a word found there again is not hashed
    // again. The set is the same; a word that lost its place is just put in
    // again.
    let mut recent = [""; 256];
    for u in units {
        if u.word && u.lower_first {
            let w = doc.slice(u.a(), u.b());
            let place = recent_place(w, recent.len());
            if let Some(r) = recent.get_mut(place) {
                if *r == w {
                    continue;
                }
                *r = w;
            }
            seen.insert(w);
        }
    }
    seen
}

/// [`lower_words`]'s place for `w` among `places`: by its length and end
/// bytes, mixed by shifts (cheaper than a hash, and enough to part the
/// few words that repeat most).
fn recent_place(w: &str, places: usize) -> usize {
    let b = w.as_bytes();
    let (first, last) = (b.first().copied(), b.last().copied());
    (b.len() ^ usize::from(first.unwrap_or(0)) << 2 ^ usize::from(last.unwrap_or(0)) << 4) % places
}

/// First pass: names from capitalized runs and the lexicons.
// A stage of its own in profiles (callgrind), so its cost can be read.
#[inline(never)]
fn scan(cx: &Ctx, out: &mut Vec<Mention>) {
    let n = cx.units.len();
    let mut i = 0;
    while i < n {
        if !cx.units[i].word || !cx.free(i) {
            i += 1;
            continue;
        }
        // Most units are lower-case words, and no rule below starts at one
        // that is neither capitalized nor in capitals, opens no listed name
        // and is no particle compound (outside headlines, which read every word).
        let u = cx.units[i];
        if !u.upper
            && !u.caps
            && !u.name_shape
            && cx.mode[i] == Mode::Normal
            && !cx.lx.is_opener(cx.doc.tok(u.a()))
        {
            i += 1;
            continue;
        }
        // `Springfield, Ill.`: a state abbreviation after a town.
        if i >= 2
            && cx.text(i - 1) == ","
            && cx.units[i - 2].upper
            && STATE_ABBREVS.contains(cx.text(i))
        {
            out.push(Mention::new(
                i,
                i + 1,
                K::Place,
                "state abbreviation after a town",
            ));
            i += 1;
            continue;
        }
        if let Some(e) = dateline_place(cx, i) {
            out.push(Mention::new(i, e, K::Place, "dateline"));
            i = e;
            continue;
        }
        let lexm = cx.lexicon_at(i);
        if cx.mode[i] != Mode::Normal {
            if let Some((e, what)) = lexm {
                out.push(from_lexicon(cx, i, e, what));
                i = e;
                continue;
            }
            if cx.nameable(i) && !cx.is_common(i) && cx.title_kind(i).is_none() {
                let mut m = Mention::new(i, i + 1, K::Unknown, "headline word");
                m.headline = true;
                out.push(m);
            }
            i += 1;
            continue;
        }
        // (Whether the word is common matters only to a name or a run.)
        let common = (lexm.is_some() || cx.nameable(i)) && cx.is_common(i);
        let w = cx.text(i);
        match lexm {
            Some((e, what)) if e > i + 1 || !common => {
                let run = if cx.nameable(i) { cx.run_end(i) } else { i + 1 };
                if run > e && prefer_run(cx, i, e, run, what) {
                    i = take_run(cx, i, run, out);
                } else if let Some(m) = lexicon_pair(cx, i, e, run, what) {
                    i = m.ub;
                    out.push(m);
                } else {
                    out.push(from_lexicon(cx, i, e, what));
                    i = e;
                }
                continue;
            }
            _ => {}
        }
        if !cx.nameable(i) {
            i += 1;
            continue;
        }
        // `North Vancouver`: a capitalized direction inside a sentence
        // belongs to the place name.
        if [
            "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
            "Central", "Greater", "Upper", "Lower",
        ]
        .contains(&w)
            && !cx.first_word[i]
            && let Some((e, Named::Place(k))) = cx.lexicon_at(i + 1)
            && cx.run_end(i) <= e
        {
            out.push(from_lexicon(cx, i, e, Named::Place(k)));
            i = e;
            continue;
        }
        if NOT_ACTOR_OPENERS.contains(&cx.text(i)) {
            i = cx.run_end(i);
            continue;
        }
        if common {
            // A common word opening a run is no name, but it may be a title
            // (`President Trump`): let the run decide when one follows.
            let run = cx.run_end(i);
            let headed = cx.has(run - 1, fact::ORG_HEAD | fact::PLACE_HEAD);
            // `Lake Chad`, `Mount Vernon`: an opener word makes a place name.
            let opener = PLACE_OPENERS.contains(&w) && !cx.units[i].caps;
            if run > i + 1 && (opener || headed && DIRECTIONS.contains(w.to_lowercase().as_str())) {
                i = take_run(cx, i, run, out);
                continue;
            }
            if cx.title_kind(i).is_some() && cx.nameable(i + 1) {
                let run = cx.run_end(i);
                i = take_run(cx, i, run, out);
            } else {
                i += 1;
            }
            continue;
        }
        let run = cx.run_end(i);
        i = take_run(cx, i, run, out);
    }
}

/// A wire dateline opening a line in capitals (`AL-AIN, United Arab
/// Emirates 1996-12-06`, `KHARTOUM (Reuters)`): the end of its town name,
/// when the lexicons do not know it already.
fn dateline_place(cx: &Ctx, i: usize) -> Option<usize> {
    let u = cx.units.get(i)?;
    if !u.line_start || !u.caps || cx.first_word.get(i) != Some(&true) {
        return None;
    }
    let mut j = i;
    while j < i + 4 && cx.units.get(j).is_some_and(|x| x.word && x.caps) && cx.free(j) {
        j += 1;
    }
    if j == i || cx.units.get(j).is_some_and(|x| x.line_start) {
        return None;
    }
    if matches!(cx.lexicon_at(i), Some((e, _)) if e >= j) {
        return None;
    }
    // What follows the town: a date, `, <country or state>` or `(Reuters)`.
    let next = cx.text(j);
    let date = !cx.free(j) && cx.units.get(j).is_some_and(|x| !x.line_start);
    let region = next == ","
        && (matches!(cx.lexicon_at(j + 1), Some((_, Named::Place(_))))
            || STATE_ABBREVS.contains(cx.text(j + 1)));
    let agency =
        next == "(" && cx.units.get(j + 1).is_some_and(|x| x.upper) && cx.text(j + 2) == ")";
    // (A dash is no cue: `SOCCER - JAPAN WIN` opens sports headlines.)
    (date || region || agency).then_some(j)
}

fn from_lexicon(cx: &Ctx, a: usize, b: usize, what: Named) -> Mention {
    let mut m = match what {
        Named::Org(c) => {
            let mut m = Mention::new(a, b, K::Org, "organisation lexicon");
            m.key = Some(cx.lx.canon(c).to_string());
            m
        }
        Named::Person(c) => {
            let mut m = Mention::new(a, b, K::Person, "well-known person");
            m.key = Some(cx.lx.canon(c).to_string());
            m
        }
        Named::Place(_) => Mention::new(a, b, K::Place, "gazetteer"),
    };
    if m.kind == K::Place {
        m.ub = facility_end(cx, b);
        if m.ub > b {
            m.why = "place + facility noun";
        }
    }
    m
}

/// Two lexicon names making one name of the whole run `[a, run)`: a
/// company and its regional arm (`EADS North America`), or a town and its
/// airport or quarter (`London Heathrow`).
fn lexicon_pair(cx: &Ctx, a: usize, e: usize, run: usize, what: Named) -> Option<Mention> {
    if e >= run || cx.units.get(e).is_none_or(|u| u.line_start) {
        return None;
    }
    let Some((f, Named::Place(k))) = cx.lexicon_at(e) else {
        return None;
    };
    if f != run {
        return None;
    }
    match what {
        Named::Org(_) if matches!(k, b'c' | b'r') => {
            let mut m = Mention::new(a, f, K::Org, "organisation + region");
            m.key = Some(cx.display(a, f));
            Some(m)
        }
        Named::Place(b't') if k == b't' => Some(Mention::new(a, f, K::Place, "town + place")),
        _ => None,
    }
}

/// Extends a place over a following facility noun (`Mosul airport`).
fn facility_end(cx: &Ctx, b: usize) -> usize {
    let mut k = b;
    if FACILITY_MOD.contains(&cx.text(k)) && cx.free(k) {
        k += 1;
    }
    if FACILITY.contains(&cx.text(k)) && cx.free(k) {
        return k + 1;
    }
    b
}

/// Whether the capitalized run `[a, run)` beats the lexicon name `[a, e)`.
fn prefer_run(cx: &Ctx, a: usize, e: usize, run: usize, what: Named) -> bool {
    if cx.has(run - 1, fact::ORG_HEAD | fact::PLACE_HEAD) {
        return true;
    }
    // A title inside the run: `US Defence Secretary Jim Mattis`.
    if role_prefix(cx, a, run).is_some() {
        return true;
    }
    if inner_title(cx, a, run).is_some() {
        return true;
    }
    // `Brooklyn Institute of Arts`, `North Sea Jazz Festival`
    if (e..run).any(|u| cx.has(u, fact::ORG_HEAD | fact::NOT_ACTOR_HEAD)) {
        return true;
    }
    // `Jordan Peterson`, `Georgia Brown`: a given name before a surname.
    if matches!(what, Named::Place(_)) && e == a + 1 && cx.has(a, fact::GIVEN) {
        return cx.lexicon_at(e).is_none();
    }
    // A place name opening a longer name (`Sacramento River Cats`, `Iraq
    // Body Count`): one or two plain words after it make another name.
    matches!(what, Named::Place(_))
        && run - e <= 2
        && cx.lexicon_at(e).is_none()
        && (e..run).all(|u| {
            let head = cx.has(u, fact::ORG_HEAD | fact::PLACE_HEAD);
            !cx.units[u].caps
                && (head || !cx.is_common(u))
                && !cx.seen_lower(u)
                && !cx.is_demonym(u)
        })
}

/// The end of a title prefix inside `[a, b)` (`US Defence Secretary`), when
/// a name follows it.
fn role_prefix(cx: &Ctx, a: usize, b: usize) -> Option<usize> {
    let mut end = None;
    let mut k = a;
    while k < b {
        match cx.title_kind(k) {
            Some(TitleKind::Title) | Some(TitleKind::Honorific) => end = Some(k + 1),
            Some(TitleKind::Modifier) => {
                // `Lt.` is a rank on its own before a name.
                if cx.text(k).ends_with('.') {
                    end = Some(k + 1);
                }
            }
            None if cx.is_demonym(k) || cx.is_country(k) || cx.text(k) == "-" => {}
            None => break,
        }
        k += 1;
    }
    end.filter(|&e| e < b && cx.nameable(e))
}

/// Classifies the capitalized run `[a, b)` and pushes its mention(s).
/// Returns where the scan goes on.
fn take_run(cx: &Ctx, a: usize, b: usize, out: &mut Vec<Mention>) -> usize {
    // Events, operations, works and products are no actors, and neither is
    // the acronym that follows them in brackets.
    let last = cx.text(b - 1);
    if cx.has(b - 1, fact::NOT_ACTOR_HEAD) || NOT_ACTOR_OPENERS.contains(&cx.text(a)) {
        // An organisation opening it is still marked alone (`[Apple]
        // Worldwide Developers Conference`); a place there names the event
        // (`Beijing Olympic Games`).
        if let Some((e, what @ Named::Org(_))) = cx.lexicon_at(a)
            && e < b
        {
            out.push(from_lexicon(cx, a, e, what));
        }
        if cx.text(b) == "(" && cx.units.get(b + 1).is_some_and(|u| u.caps) && cx.text(b + 2) == ")"
        {
            return b + 3;
        }
        return b;
    }
    // A title inside the run (`Seminole County Sheriff Don Eslinger`):
    // what comes before it is read on its own.
    let title_lead = role_prefix(cx, a, b);
    if title_lead.is_none()
        && !(cx.has(b - 1, fact::ORG_HEAD) && b > a + 1)
        && let Some(t) = inner_title(cx, a, b)
    {
        let mid = take_run(cx, a, t, out).max(t);
        if mid < b {
            return take_run(cx, t, b, out);
        }
        return mid;
    }
    let mut a = a;
    let mut role = None;
    // `Major League Baseball`: a rank word opening an organisation's name.
    let org_headed = b > a + 1
        && (cx.has(b - 1, fact::ORG_HEAD)
            || !cx.has(b - 1, fact::PLACE_HEAD)
                && (a + 1..b).any(|u| cx.has(u, fact::ORG_HEAD) && cx.text(u) != "International"));
    if let Some(p) = title_lead.filter(|_| !org_headed) {
        let honorific_only = (a..p).all(|u| cx.title_kind(u) == Some(TitleKind::Honorific));
        if !honorific_only {
            role = Some((a, p));
        } else {
            role = Some((p, p));
        }
        a = p;
        // The name after a title may itself be a lexicon name.
        if let Some((e, what)) = cx.lexicon_at(a)
            && e >= b
        {
            let mut m = from_lexicon(cx, a, e, what);
            if m.kind == K::Place {
                // `President Georgia …` is rare; a title makes a person.
                m.kind = K::Person;
            }
            m.role_units = role;
            out.push(m);
            return e;
        }
    }
    // Leading demonyms (`Iraqi`, `German`) are adjectives, not names.
    let org_of =
        (a..b).any(|u| cx.has(u, fact::OF_HEAD) && (cx.is(u + 1, "of") || cx.is(u + 1, "for")));
    // (`Russian Empire`, `Portuguese Republic`: the demonym is the name.)
    let state_head = matches!(last, "Empire" | "Republic" | "Kingdom" | "Confederation");
    while a < b && cx.is_demonym(a) && !cx.has(b - 1, fact::ORG_HEAD) && !org_of && !state_head {
        a += 1;
    }
    // Leading common words (`The`, `North`), unless the rest is no name.
    let headed = cx.has(b - 1, fact::ORG_HEAD | fact::PLACE_HEAD);
    while a + 1 < b
        && cx.has(a, fact::COMMON)
        && cx.lexicon_at(a).is_none_or(|(e, _)| e == a + 1)
        && !(headed && DIRECTIONS.contains(cx.text(a).to_lowercase().as_str()))
        && !PLACE_OPENERS.contains(&cx.text(a))
    {
        a += 1;
    }
    if a >= b {
        return b;
    }
    if role.is_none()
        && let Some((e, what)) = cx.lexicon_at(a)
        && e == b
    {
        out.push(from_lexicon(cx, a, e, what));
        return b;
    }
    let n = b - a;
    let first = cx.text(a);
    let given = cx.has(a, fact::GIVEN);
    // A title alone (`Prime Minister`, `Chief Operating Officer`) is no name.
    if cx.title_kind(b - 1) == Some(TitleKind::Title) && (role.is_some() || !given) {
        return b;
    }
    // A model number after the run makes it a product (`Rolls-Royce Trent 900`).
    if is_model_number(cx, b) {
        return b;
    }
    // Words in capitals or bare letters (`Mac OS X`) are no person's name.
    let plain = (a..b).all(|u| {
        let t = cx.text(u);
        !cx.units[u].caps || is_initial(cx, u) || t.chars().count() > 1 && t.ends_with('.')
    });
    let has_of = (a..b).any(|u| cx.is(u, "of") || cx.is(u, "for"));
    // `industrial band Killing Joke`, `striker Igor Shkvyrin`
    let prev_noun =
        (a > 0 && cx.units[a - 1].word && !cx.units[a - 1].upper).then(|| cx.text(a - 1));
    // `Iraq’s elite [Rapid Response] forces`
    let before_force = cx.units.get(b).is_some_and(|u| !u.upper)
        && groups::is_force_noun(cx.text(b))
        && !(a..b).any(|u| cx.is_demonym(u))
        && !(n == 1 && cx.first_word[a]);
    let mut m = Mention::new(a, b, K::Unknown, "capitalized word");
    m.role_units = role;
    if role.is_some() {
        m.kind = K::Person;
        m.why = "title before a name";
    } else if before_force {
        m.kind = K::Org;
        m.why = "name before a force noun";
    } else if prev_noun.is_some() && cx.has(a - 1, fact::ORG_NOUN) && !given {
        m.kind = K::Org;
        m.why = "organisation noun before the name";
    } else if prev_noun.is_some() && cx.has(a - 1, fact::PERSON_NOUN) && n <= 4 {
        m.kind = K::Person;
        m.why = "person noun before the name";
    } else if n > 1 && cx.has(a, fact::PLACE_OF_HEAD) && has_of {
        m.kind = K::Place;
        m.why = "place head word";
    } else if n > 1 && (cx.has(a, fact::OF_HEAD) && has_of || org_headed)
        || (a..b).any(|u| cx.text(u) == "&")
    {
        m.kind = K::Org;
        m.why = "organisation head word";
    } else if n > 1 && (cx.has(b - 1, fact::PLACE_HEAD) || PLACE_OPENERS.contains(&first)) {
        m.kind = K::Place;
        m.why = "place head word";
    } else if n > 1 && given && plain {
        m.kind = K::Person;
        m.why = "given name";
    } else if n > 1 && (a..b).any(|u| is_particle_unit(cx, u)) {
        m.kind = K::Person;
        m.why = "name particle";
    } else if n > 1 && (a..b).any(|u| is_initial(cx, u)) {
        m.kind = K::Person;
        m.why = "initial";
    } else if n > 1
        && n <= 4
        && plain
        && cx.has(b - 1, fact::SURNAME)
        && !(a..b).any(|u| cx.is_common(u) || cx.seen_lower(u))
    {
        m.kind = K::Person;
        m.why = "surname";
    } else if (2..=3).contains(&n) && looks_like_person(cx, a, b) {
        m.kind = K::Person;
        m.why = WEAK_PERSON;
    } else if n == 1
        && given
        && !cx.first_word[a]
        && !cx.units[a].caps
        && !cx.lx.affil.contains_key(&first.to_lowercase())
        && !NOT_BEFORE_NAME.contains(&cx.text(a.wrapping_sub(1)).to_lowercase().as_str())
        && !matches!(cx.text(b), "\"" | "”" | "’" | "'")
    {
        m.kind = K::Person;
        m.why = "given name alone";
    } else if n == 1
        && cx.units[a].caps
        && (2..=6).contains(&first.chars().filter(|c| c.is_alphabetic()).count())
        && !cx.has(a, fact::NOT_ORG)
    {
        // An acronym after a number is a unit (`60 GB`).
        let after_num =
            a > 0 && !cx.units[a - 1].word && cx.text(a - 1).chars().all(|c| c.is_ascii_digit());
        if !after_num {
            m.kind = K::Org;
            m.why = "acronym";
        }
    }
    // A name that opens with a place and has no other cue names a team,
    // a company or a body (`Sacramento River Cats`).
    if (m.kind == K::Unknown || m.why == WEAK_PERSON)
        && n > 1
        && matches!(cx.lexicon_at(a), Some((e, Named::Place(_))) if e < b)
        && !cx.has(a, fact::GIVEN)
    {
        m.kind = K::Org;
        m.why = "place name + name words";
    }
    // `General Motors Corp.`: a known company with its legal suffix.
    if m.kind == K::Org
        && let Some((e, Named::Org(c))) = cx.lexicon_at(a)
        && e < b
        && (e..b).all(|u| cx.has(u, fact::LEGAL_SUFFIX))
    {
        m.key = Some(cx.lx.canon(c).to_string());
    }
    if matches!(m.kind, K::Unknown | K::Place) {
        let end = facility_end(cx, b);
        if end > b {
            m.kind = K::Place;
            m.ub = end;
            m.why = "name + facility noun";
        }
    }
    out.push(m);
    b
}

/// Words after which a country acronym is a noun (`the US has`).
const BEFORE_NOUN: &[&str] = &[
    "the",
    "in",
    "to",
    "from",
    "of",
    "at",
    "for",
    "by",
    "with",
    "into",
    "across",
    "against",
    "between",
    "and",
    "or",
    "than",
    "toward",
    "towards",
    "visit",
    "visited",
    "within",
    "inside",
    "outside",
    "throughout",
    "about",
    "on",
    "over",
    "via",
    "as",
];

/// Whether the place `[a, b)` is used as an adjective: `US-led`, or a
/// country acronym before a noun (`US military officials`).
fn is_adjective(cx: &Ctx, a: usize, b: usize) -> bool {
    let next = cx.text(b);
    if next == "-" && units::SPLIT_TAILS.contains(cx.text(b + 1)) {
        return cx
            .units
            .get(b)
            .and_then(|u| cx.doc.tokens.get(u.a()))
            .is_some_and(|t| t.glued);
    }
    if b != a + 1 || !cx.units[a].caps || !cx.is_country(a) {
        return false;
    }
    // `US$40 billion`: a currency, not the country.
    if next == "$"
        && cx
            .units
            .get(b)
            .and_then(|u| cx.doc.tokens.get(u.a()))
            .is_some_and(|t| t.glued)
    {
        return true;
    }
    let prev = if a > 0 { cx.text(a - 1) } else { "" };
    let next_word = cx.units.get(b).is_some_and(|u| u.word) && !cx.is_common(b);
    next_word && !BEFORE_NOUN.iter().any(|w| w.eq_ignore_ascii_case(prev))
}

/// Whether unit `u` is a model number (`787`, `A380`): the organisation
/// before it names a product, which is no actor (`Boeing 787`).
fn is_model_number(cx: &Ctx, u: usize) -> bool {
    let Some(x) = cx.units.get(u) else {
        return false;
    };
    if !cx.free(u) && !cx.used.get(u).copied().unwrap_or(false) {
        return false;
    }
    let toks = &cx.doc.tokens;
    let first = toks[x.a()];
    // Three digits or more (`787`); a score or a count is shorter
    // (`Manchester United 1 Newcastle 0`).
    if first.kind == crate::text::Kind::Num {
        return first.end() - first.start() >= 3;
    }
    x.caps
        && cx.text(u).chars().count() <= 2
        && toks
            .get(x.b())
            .is_some_and(|n| n.glued && n.kind == crate::text::Kind::Num)
}

/// The start of a title chunk strictly inside `[a, b)` that a name
/// follows (a given name, or two or more words).
fn inner_title(cx: &Ctx, a: usize, b: usize) -> Option<usize> {
    let mut p = b.checked_sub(1)?;
    while p > a + 1 {
        if cx.title_kind(p - 1) == Some(TitleKind::Title) && (cx.has(p, fact::GIVEN) || b - p >= 2)
        {
            let mut t = p - 1;
            while t > a && cx.title_kind(t - 1).is_some() {
                t -= 1;
            }
            return (t > a).then_some(t);
        }
        p -= 1;
    }
    None
}

/// Whether an unknown run of two or three words reads as a person's name:
/// plain capitalized words that are never written in lower case here, not
/// after an article or inside quotation marks (titles of works are).
fn looks_like_person(cx: &Ctx, a: usize, b: usize) -> bool {
    let prev = if a > 0 { cx.text(a - 1) } else { "" };
    if ["the", "a", "an", "\"", "“", "‘", "'", "``"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(prev))
    {
        return false;
    }
    if cx.has(a, fact::NOT_PERSON_OPENER) {
        return false;
    }
    // `Mountain Bikes`, `Social Credit`: English word forms, not names.
    let last = cx.text(b - 1);
    let plural =
        last.ends_with('s') && !last.ends_with("ss") && !cx.has(b - 1, fact::SURNAME | fact::GIVEN);
    if plural || (a..b).any(|u| ENGLISH_SUFFIXES.iter().any(|x| cx.text(u).ends_with(x))) {
        return false;
    }
    (a..b).all(|u| {
        let t = cx.text(u);
        let x = cx.units[u];
        x.word
            && !x.caps
            && t.chars().count() >= 2
            && !(x.a()..x.b()).any(|k| cx.doc.tok(k).chars().skip(1).any(char::is_uppercase))
            && !cx.is_common(u)
            && !cx.seen_lower(u)
    }) && !is_model_number(cx, b)
}

/// A single capital with its period, glued (`H.`) or spaced (`H .`).
fn is_initial_unit(cx: &Ctx, u: usize) -> bool {
    if is_initial(cx, u) {
        return true;
    }
    let t = cx.text(u);
    let mut c = t.chars();
    matches!((c.next(), c.next()), (Some(x), None) if x.is_uppercase()) && cx.text(u + 1) == "."
}

/// A single capital with its period (`H.`) inside a name.
fn is_initial(cx: &Ctx, u: usize) -> bool {
    let t = cx.text(u);
    let mut c = t.chars();
    matches!((c.next(), c.next(), c.next()), (Some(x), Some('.'), None) if x.is_uppercase())
}

fn is_particle_unit(cx: &Ctx, u: usize) -> bool {
    let t = cx.text(u);
    if cx.has(u, fact::PARTICLE) || t == "Abu" || t == "Umm" || t == "Bin" || t == "Ibn" {
        return true;
    }
    // `O'Brien`, `D’Alema`
    if ["O'", "O’", "D'", "D’"].iter().any(|p| t.starts_with(p)) {
        return true;
    }
    t.split_once('-')
        .is_some_and(|(p, _)| PARTICLES.contains(p.to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, String)> {
        let d = Doc::new(text);
        find(&d, &[])
            .into_iter()
            .map(|s| (s.text_in(text).to_string(), s.kind.into_owned()))
            .collect()
    }

    #[test]
    fn hostile_text_does_not_panic() {
        let sample = "US-led (CJTF-OIR) Lt. Col. Abdel al-Mohammadawi, a spokesman \
                      for Iraq’s Rapid Response forces said. ISIS-held Mosul airport \
                      BAGHDAD (Reuters) - U.S. Boeing 787 A380 Mr. X ( ) , and";
        for end in 0..=sample.len() {
            if sample.is_char_boundary(end) {
                let _ = names(&sample[..end]);
                let _ = names(&sample[end..]);
            }
        }
        for t in [
            "", "(", "US-", "-led", "Mr.", "A", "’s", "Abu", "forces", "( ABC",
        ] {
            let _ = names(t);
        }
    }

    #[test]
    fn a_listed_place_is_found_in_capitals_whose_lower_case_is_not_its_own() {
        // `Aydın` in capitals is `AYDIN`, which lowers to `aydin`: the search
        // tests prefixes in lower case, so the capitals' own must be listed.
        for (text, place) in [
            (
                "CLASHES ERUPT IN DIYARBAKIR AS POLICE MOVE IN\n\nPolice moved in.",
                "DIYARBAKIR",
            ),
            (
                "FLOODS HIT AYDIN AFTER STORMS\n\nRain fell for days.",
                "AYDIN",
            ),
        ] {
            let found = names(text);
            assert!(
                found.contains(&(place.to_string(), "place".to_string())),
                "{text:?}: {found:?}"
            );
        }
    }

    #[test]
    fn lexicon_fast_path_agrees_with_the_search() {
        // `find_lexicon_at` settles one-token openers from what the lexicon
        // knows of them; `lexicon_search` grows keys unit by unit. Over every
        // unit of varied texts (headlines in capitals and title case,
        // datelines, names the lexicons hold in both cases), they must agree.
        let mut texts: Vec<String> = vec![
            "BAGHDAD (Reuters) - ISLAMIC STATE FIGHTERS FLEE MOSUL AS IRAQI FORCES ADVANCE".into(),
            "Fighting in KIRKUK and near TIKRIT went on, officials of the Iraqi army said.".into(),
            "New York and New Delhi, the United States, the United Nations and the UN. \
             Al Qaeda, al-Qaeda and AL QAEDA; Isis, ISIS and Islamic State. Washington, D.C."
                .into(),
            "Iraqi Forces Retake Mosul Airport From Islamic State\nBy Lise Grande\n\n\
             U.S. Defense Secretary Jim Mattis visited Tal Afar, Irbil and Abu Dhabi."
                .into(),
        ];
        texts.extend(crate::seed_texts());
        let mut openers = 0;
        for text in &texts {
            let d = Doc::new(text);
            let (cx, _) = context(&d, &[]);
            for i in 0..cx.units.len() {
                let fast = cx.find_lexicon_at(i);
                openers += usize::from(fast.is_some());
                assert_eq!(fast, cx.lexicon_search(i), "unit {i} {:?}", cx.text(i));
            }
        }
        assert!(openers > 100, "too few names to test ({openers})");
    }

    #[test]
    fn unit_facts_agree_with_the_lists() {
        // `Ctx::facts` answers from two combined tables what the rules once
        // asked each list; for every unit of the seeds and of a text with
        // titles, particles and lists' words in several cases, every answer
        // must be the list's own.
        let mut texts = vec![
            "Lt. Col. John al-Mohammadawi, a Party spokesman, and Gen. Smith of the Ministry \
             of Defence met Iraqi and KURDISH officials in Jordan, JORDAN and jordan; the \
             President, the PRESIDENT and Mr. Jones of Acme Corp. said Apparently so. Ursula \
             von der Leyen met Abu Bakr al Baghdadi."
                .to_string(),
        ];
        texts.extend(crate::seed_texts());
        let lx: &Lex = &LEX;
        let mut set_bits = 0;
        for text in &texts {
            let d = Doc::new(text);
            let (cx, _) = context(&d, &[]);
            for u in 0..=cx.units.len() {
                let t = cx.text(u);
                let f = cx.facts(u);
                set_bits |= f;
                for &(list, bit) in &lex::EXACT_FACT_LISTS {
                    assert_eq!(f & bit != 0, list.contains(t), "{t:?} {bit:#x}");
                }
                assert_eq!(cx.is_particle(u), PARTICLES.contains(t), "{t:?}");
                let country = matches!(lx.names.get(t), Some(Named::Place(b'c')));
                assert_eq!(f & fact::COUNTRY != 0, country, "{t:?}");
                assert_eq!(f & fact::GIVEN != 0, lx.given.contains(t), "{t:?}");
                assert_eq!(
                    f & fact::SURNAME != 0,
                    lx.surnames_common.contains(t),
                    "{t:?}"
                );
                assert_eq!(f & fact::COMMON != 0, lx.common.contains(t), "{t:?}");
                let demonym = with_lower(t, |l| lx.demonyms.contains_key(l));
                assert_eq!(f & fact::DEMONYM != 0, demonym, "{t:?}");
                let stem = t.strip_suffix('.').unwrap_or(t);
                let title = with_lower(stem, |l| lx.titles.get(l).copied());
                assert_eq!(cx.title_kind(u), title, "{t:?}");
                let seen = with_lower(t, |l| cx.lower_seen.contains(l));
                assert_eq!(cx.seen_lower(u), seen, "{t:?}");
            }
        }
        // Every kind of answer was met at least once (no listed title is
        // an honorific today).
        let met = [
            fact::ORG_HEAD,
            fact::COUNTRY,
            fact::GIVEN,
            fact::TITLE,
            fact::TITLE_MODIFIER,
        ];
        for bit in met {
            assert!(set_bits & bit != 0, "{bit:#x} never set");
        }
    }

    #[test]
    fn packed_hits_round_trip() {
        for what in [
            Named::Org(0),
            Named::Org(400),
            Named::Person(0),
            Named::Person(92),
            Named::Place(b'c'),
            Named::Place(b't'),
            Named::Org((1 << 22) - 1),
        ] {
            for len in [1, 2, 12, 255] {
                let p = pack_hit(len, what).expect("packs");
                assert!(p != MEMO_UNKNOWN && p != MEMO_NONE, "{what:?} {len}");
                assert_eq!(unpack_hit(7, p), Some((7 + len, what)));
            }
        }
        // What does not fit is not kept (and so searched again when asked).
        assert_eq!(pack_hit(0, Named::Org(1)), None);
        assert_eq!(pack_hit(256, Named::Org(1)), None);
        assert_eq!(pack_hit(1, Named::Org(1 << 22)), None);
    }

    #[test]
    fn spans_do_not_overlap() {
        let d = Doc::new("US and UK forces met Iraqi troops near the Mosul airport.");
        let s = find(&d, &[]);
        assert!(s.windows(2).all(|w| w[0].end <= w[1].start));
        assert_eq!(
            names("Iraqi forces")[0],
            ("Iraqi forces".into(), "group".into())
        );
    }
}
