//! The second pass of the actors lens: what the whole article says about
//! each name. Acronyms introduced in brackets are bound to their long form,
//! surname-only and first-name-only mentions join the person named in full,
//! head words alone (`the Commission`) join the organisation, and names with
//! no cue yet are decided by a description or by their context.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::num::NonZeroU32;
use std::sync::LazyLock;

use crate::lexicon::{FastHasher, Sieve, Words, with_lower};
use crate::text::Doc;
use std::hash::BuildHasher;

use super::lex::{self, LEX, Named, TitleKind};
use super::words::*;
use super::{Ctx, K, Mention};

/// The rule name of the weakest person cue.
pub(super) const WEAK_PERSON: &str = "two or three name words";

/// Second pass: the whole article's names decide what single words are,
/// acronyms are bound to their long forms, and entity keys are set.
///
/// The tables of this pass map a name as written (borrowed from the text)
/// to an index into one list of entity keys, so a key is stored once and
/// copied only into the mentions that take it; a key that is the name as
/// written is borrowed too.
///
/// When `carry` is given, the text is one window of a longer one: the
/// table of names starts with what the earlier windows said, so a name
/// reads as it would in the text up to the end of this window read whole,
/// and the table goes on to the next window.
pub(super) fn resolve<'a>(cx: &Ctx<'_, 'a>, ms: &mut [Mention], mut carry: Option<&mut Carry<'a>>) {
    let lx = cx.lx;
    // Built with the first text, as the lexicons are.
    LazyLock::force(&GATES);
    let (mut keys, earlier, towns_before) = match carry.as_deref_mut() {
        Some(c) => (
            std::mem::take(&mut c.keys),
            Some(std::mem::take(&mut c.said)),
            c.towns,
        ),
        None => (Vec::new(), None, false),
    };
    // Acronyms introduced in brackets: `Combined Joint Task Force (CJTF-OIR)`,
    // in text order (a later binding of the same acronym wins).
    let mut acro: Vec<(&'a str, usize)> = Vec::new();
    let mut not_org: HashSet<&'a str> = HashSet::new();
    for i in 0..ms.len() {
        let m = &ms[i];
        if !matches!(m.kind, K::Org | K::Person | K::Unknown) || m.ub - m.ua < 2 {
            continue;
        }
        if cx.text(m.ub) != "(" {
            continue;
        }
        // Mentions are sorted and disjoint: the acronym is the next one.
        let j = i + 1;
        if ms
            .get(j)
            .is_none_or(|x| x.ua != m.ub + 1 || x.ub != m.ub + 2)
        {
            continue;
        }
        if cx.text(ms[j].ub) != ")" || !cx.units[ms[j].ua].caps {
            continue;
        }
        let short = cx.text(ms[j].ua);
        if ms[i].kind == K::Person {
            // A person's name takes no acronym: the long form names a thing
            // (`Bovine Spongiform Encephalopathy (BSE)`) unless a strong cue
            // made it a person (`Senator John McCain (R-AZ)`).
            if ms[i].why == WEAK_PERSON {
                ms[i].kind = K::Unknown;
                ms[i].headline = true;
            }
            if ms[j].key.is_none() {
                not_org.insert(short);
            }
            continue;
        }
        // The acronym starts with the first capital initial of the long form.
        let initial = (m.ua..m.ub)
            .filter_map(|u| cx.text(u).chars().next())
            .find(|c| c.is_uppercase());
        if !short.starts_with(initial.unwrap_or(' ')) {
            continue;
        }
        let key = ms[j]
            .key
            .clone()
            .or_else(|| (ms[i].kind == K::Org).then(|| ms[i].key.clone()).flatten())
            .unwrap_or_else(|| short.to_string());
        for k in [i, j] {
            ms[k].kind = K::Org;
            ms[k].key = Some(key.clone());
            ms[k].why = "acronym bound to its long form";
        }
        acro.push((short, keys.len()));
        keys.push(Cow::Owned(key));
    }

    if !not_org.is_empty() {
        for m in ms.iter_mut() {
            if m.key.is_none() && m.ub == m.ua + 1 && not_org.contains(cx.text(m.ua)) {
                m.kind = K::Unknown;
                m.headline = true;
            }
        }
    }

    // Full names of persons in the text, for nicknames (`Bob` → `Robert`).
    let mut persons = Persons {
        ranges: ms
            .iter()
            .filter(|m| m.kind == K::Person && m.ub - m.ua >= 2)
            .map(|m| (m.ua, m.ub))
            .collect(),
        names: None,
    };

    // Persons with at least two words: their keys and their short forms;
    // organisations: theirs.
    let mut names = Names::new(ms, cx, acro.len(), earlier);
    for m in ms.iter_mut() {
        if m.kind == K::Person && m.ub - m.ua >= 2 {
            let text = cx.span_text(m.ua, m.ub);
            let idx = match &m.key {
                Some(k) => {
                    keys.push(Cow::Owned(k.clone()));
                    keys.len() - 1
                }
                None => {
                    let idx = person_key(cx, m.ua, m.ub, &mut persons, &names, &mut keys);
                    m.key = keys.get(idx).map(|k| (**k).to_owned());
                    idx
                }
            };
            // (Full names are asked by later full names, not only by
            // mentions.)
            names.entry(text).full = Idx::of(idx);
            let last = cx.text(m.ub - 1);
            if names.asked(last) {
                names.entry(last).short = Idx::of(idx);
            }
            let first = cx.text(m.ua);
            if names.asked(first) && cx.has(m.ua, lex::fact::GIVEN) {
                names.entry(first).short.or_set(idx);
            }
        } else if m.kind == K::Org {
            let text = cx.span_text(m.ua, m.ub);
            let idx = keys.len();
            keys.push(match &m.key {
                Some(k) => Cow::Owned(k.clone()),
                None => Cow::Borrowed(text),
            });
            if m.ub - m.ua >= 2 {
                let first = cx.text(m.ua);
                if names.asked(first) {
                    names.entry(first).org.or_set(idx);
                }
                // `the Commission` after `the European Commission`
                let last = cx.text(m.ub - 1);
                if ORG_HEADS.contains(last) && names.asked(last) {
                    names.entry(last).org.or_set(idx);
                }
            }
            names.entry(text).org = Idx::of(idx);
        }
    }
    for (a, k) in acro {
        names.entry(a).org = Idx::of(k);
    }
    let key_at = |idx: usize| keys.get(idx).map(|k| (**k).to_owned());
    // `Fairmont, West Virginia`, `Den Haag, the Netherlands`: a name with
    // only a weak cue before a comma and a state or country is a town,
    // whatever a surname list or an earlier name says, and so are its other
    // weakly read mentions.
    // (What a description after a name says, asked here and below, is
    // kept per mention: it depends on the text only.)
    let mut described: Vec<Option<Option<K>>> = vec![None; ms.len()];
    let mut towns = towns_before;
    for (m, said) in ms.iter_mut().zip(described.iter_mut()) {
        if !matches!(m.kind, K::Unknown | K::Person | K::Org) || !REWEIGHABLE.contains(&m.why) {
            continue;
        }
        if comma_place(cx, m.ub) {
            m.why = "name before a comma and a place";
        } else if *said.get_or_insert_with(|| described_as(cx, m.ub)) == Some(K::Place) {
            // `Aisby is a village in Lincolnshire`
            m.why = "described after the name";
        } else {
            continue;
        }
        m.kind = K::Place;
        m.key = None;
        names.entry(cx.span_text(m.ua, m.ub)).town = true;
        towns = true;
    }
    // `Newcastle 2 Tottenham 1`, `Leicestershire beat Somerset`: a town or
    // county in a result names its team. (A country stays a place, as
    // ANNOTATION.md §2 says of countries used as actors.)
    for m in ms.iter_mut() {
        let unknown = m.kind == K::Unknown && !m.headline;
        // (The result test is the cheap one, so it comes first.)
        if (unknown || m.kind == K::Place && m.why == "gazetteer")
            && in_result(cx, m.ua, m.ub, !unknown)
            && !matches!(cx.lexicon_at(m.ua), Some((_, Named::Place(b'c'))))
        {
            m.kind = K::Org;
            m.key = Some(display(cx, m.ua, m.ub).into_owned());
            m.why = "team in a result";
        }
    }
    for (m, description) in ms.iter_mut().zip(described) {
        let text = cx.span_text(m.ua, m.ub);
        let single = m.ub - m.ua == 1;
        let open = matches!(m.kind, K::Unknown | K::Person | K::Org);
        let reweighable = open && REWEIGHABLE.contains(&m.why);
        // One look-up tells all the table says of the name.
        let said = if open && (m.key.is_none() || towns && reweighable) {
            names.get(text)
        } else {
            Said::default()
        };
        if reweighable && said.town && (m.kind == K::Unknown || a_place_prep(cx, m.ua)) {
            m.kind = K::Place;
            m.key = None;
            m.why = "named as a town elsewhere";
            continue;
        }
        if open && m.key.is_none() {
            if single && let Some(k) = said.short.get() {
                m.kind = K::Person;
                m.key = key_at(k);
                m.why = "same person named in full";
                continue;
            }
            if m.kind != K::Person
                && let Some(k) = said.org.get()
            {
                m.kind = K::Org;
                m.key = key_at(k);
                continue;
            }
            if single
                && (m.kind == K::Unknown || m.kind == K::Person)
                && let Some(&c) = lx.surnames.get(text)
            {
                m.kind = K::Person;
                // A surname two well-known people share keys itself.
                m.key = Some(if c == u32::MAX {
                    text.to_string()
                } else {
                    lx.canon(c).to_string()
                });
                m.why = "well-known person";
                continue;
            }
        }
        // `Bilka is a Danish chain`, `Europrop, an engine maker`
        if (m.kind == K::Unknown && !m.headline || m.why == WEAK_PERSON)
            && let Some(k) = description.unwrap_or_else(|| described_as(cx, m.ub))
        {
            m.kind = k;
            m.why = "described after the name";
        }
        if m.kind == K::Unknown && !m.headline {
            m.kind = context_kind(cx, m.ua, m.ub);
        }
        if m.kind == K::Person && m.key.is_none() {
            m.key = Some(formal(cx, m.ua, m.ub, &mut persons).0.into_owned());
        }
    }
    if let Some(c) = carry {
        c.said = names.table;
        c.keys = keys;
        c.towns = towns;
        if c.keys.len() > 2 * c.compacted.max(1024) {
            c.compact();
        }
    }
}

/// What the earlier windows of a long text said of names as written, for
/// the windows after them (see [`resolve`]).
#[derive(Default)]
pub(crate) struct Carry<'a> {
    /// Per name, as [`Names`] keeps it; indices into `keys`.
    said: HashMap<&'a str, Said>,
    /// The entity keys, one pushed per name met: most are pointed to by no
    /// entry once a later name of the same words takes over.
    keys: Vec<Cow<'a, str>>,
    /// Whether some name was read as a town.
    towns: bool,
    /// The length of `keys` after it was last compacted: it is compacted
    /// again when it has doubled, so the work stays linear in the text.
    compacted: usize,
}

impl Carry<'_> {
    /// Drops the keys no entry points to, renumbering the entries.
    fn compact(&mut self) {
        // Old index → new index, for the keys kept.
        let mut kept: Vec<Option<usize>> = vec![None; self.keys.len()];
        let mut old: Vec<Option<Cow<'_, str>>> = std::mem::take(&mut self.keys)
            .into_iter()
            .map(Some)
            .collect();
        let keys = &mut self.keys;
        let mut renumber = |idx: &mut Idx| {
            *idx = Idx::of_some(idx.get().and_then(|i| {
                if kept.get(i)?.is_none() {
                    keys.push(old.get_mut(i)?.take()?);
                    kept[i] = Some(keys.len() - 1);
                }
                kept[i]
            }));
        };
        for s in self.said.values_mut() {
            renumber(&mut s.full);
            renumber(&mut s.short);
            renumber(&mut s.org);
        }
        self.compacted = self.keys.len();
    }
}

/// What the names met so far say a name written so stands for, as
/// indices into the list of keys.
#[derive(Clone, Copy, Default)]
struct Said {
    /// A person named so in full.
    full: Idx,
    /// A person whose last word (or listed given name) this is.
    short: Idx,
    /// An organisation named so, or by this first word or head word.
    org: Idx,
    /// A town, read so before a comma and a place or by a description.
    town: bool,
}

/// An index into the keys, or none, in 4 bytes: a long text carries a
/// [`Said`] per name it has met from window to window ([`Carry`]), 16 bytes
/// each this way rather than 56.
#[derive(Clone, Copy, Default)]
struct Idx(Option<NonZeroU32>);

impl Idx {
    /// Index `i`. (Past four billion keys, which no text that fits in
    /// memory reaches, it is none: the name is then not resolved to an
    /// earlier one.)
    fn of(i: usize) -> Idx {
        Idx(u32::try_from(i)
            .ok()
            .and_then(|i| i.checked_add(1))
            .and_then(NonZeroU32::new))
    }

    /// [`Idx::of`] the index, if any.
    fn of_some(i: Option<usize>) -> Idx {
        i.map_or(Idx(None), Idx::of)
    }

    /// The index, if any.
    fn get(self) -> Option<usize> {
        self.0.map(|n| n.get() as usize - 1)
    }

    /// Sets the index to `i` unless it has one.
    fn or_set(&mut self, i: usize) {
        if self.0.is_none() {
            *self = Idx::of(i);
        }
    }
}

/// What the article says of names as written (persons' full names and
/// short forms, organisations, towns).
///
/// Most words put in (a person's first name, an organisation's first
/// word) are never asked about, and most names asked about were never put
/// in: two filters (a bit per name, false hits possible) rule most of both
/// out before the table hashes the name. The table is filled from the
/// text, so it keeps the standard hash, which a text cannot flood.
///
/// In a window of a long text, the table starts with what earlier windows
/// said (so the filters, which know this window only, are not asked), and
/// every name is put in, asked about here or not: a later window may ask.
struct Names<'a> {
    table: HashMap<&'a str, Said>,
    /// Every mention's text: what the last pass may ask about.
    asked: Filter,
    /// Every name in the table.
    told: Filter,
    /// A window of a long text, its table carried from the earlier ones.
    carried: bool,
}

impl<'a> Names<'a> {
    fn new(
        ms: &[Mention],
        cx: &Ctx<'_, 'a>,
        acronyms: usize,
        earlier: Option<HashMap<&'a str, Said>>,
    ) -> Self {
        let mut asked = Filter::new(ms.len());
        for m in ms {
            asked.insert(cx.span_text(m.ua, m.ub));
        }
        // An entry per full name and per first and last word at most.
        let named = ms
            .iter()
            .filter(|m| m.kind == K::Org || m.kind == K::Person && m.ub - m.ua >= 2)
            .count();
        let size = 3 * named + acronyms;
        let carried = earlier.is_some();
        let table = match earlier {
            Some(mut table) => {
                table.reserve(size);
                table
            }
            None => HashMap::with_capacity(size),
        };
        Names {
            table,
            asked,
            told: Filter::new(size),
            carried,
        }
    }

    /// Whether the last pass may ask about `name` (false: it does not).
    /// In a window of a long text, every name may be asked about later.
    fn asked(&self, name: &str) -> bool {
        self.carried || self.asked.may_hold(name)
    }

    /// The entry of `name`, made when missing.
    fn entry(&mut self, name: &'a str) -> &mut Said {
        self.told.insert(name);
        self.table.entry(name).or_default()
    }

    /// What the table says of `name` (nothing when it is missing).
    fn get(&self, name: &str) -> Said {
        if !self.carried && !self.told.may_hold(name) {
            return Said::default();
        }
        self.table.get(name).copied().unwrap_or_default()
    }
}

/// A set of strings that may answer yes falsely (a Bloom filter with one
/// hash), about sixteen bits a string: a cheap first question before a
/// hashed table. (Its hash is fixed; a text that makes every string hit
/// only makes every question go on to the table.)
struct Filter {
    bits: Vec<u64>,
    /// Right shift of a hash to a bit's index.
    shift: u32,
}

impl Filter {
    fn new(strings: usize) -> Filter {
        let (size, shift) = hash_range(strings.saturating_mul(16).max(64));
        Filter {
            bits: vec![0; size / 64],
            shift,
        }
    }

    fn insert(&mut self, s: &str) {
        let b = hash_index(s, self.shift);
        if let Some(w) = self.bits.get_mut(b / 64) {
            *w |= 1 << (b % 64);
        }
    }

    fn may_hold(&self, s: &str) -> bool {
        let b = hash_index(s, self.shift);
        self.bits.get(b / 64).is_none_or(|w| w >> (b % 64) & 1 != 0)
    }
}

/// A power of two at least `n` (and at least 2), and the right shift that
/// takes a 64-bit hash below it.
fn hash_range(n: usize) -> (usize, u32) {
    let size = n
        .max(2)
        .checked_next_power_of_two()
        .unwrap_or(usize::MAX / 2 + 1);
    (size, 64 - size.trailing_zeros())
}

/// The index of a string below the [`hash_range`] of `shift` (the top
/// bits of a fast hash).
fn hash_index(s: &str, shift: u32) -> usize {
    let h = std::hash::BuildHasherDefault::<FastHasher>::default().hash_one(s);
    h.checked_shr(shift).unwrap_or(0) as usize
}

/// The persons named with two words or more, as unit ranges; their names
/// as keys are written out only when a nickname asks for them (rarely).
struct Persons<'a> {
    ranges: Vec<(usize, usize)>,
    names: Option<HashSet<Cow<'a, str>>>,
}

impl<'a> Persons<'a> {
    fn contains(&mut self, cx: &Ctx<'_, 'a>, name: &str) -> bool {
        let ranges = &self.ranges;
        self.names
            .get_or_insert_with(|| ranges.iter().map(|&(a, b)| display(cx, a, b)).collect())
            .contains(name)
    }
}

/// The key of the person named by `[a, b)` (with two words or more) and no
/// key yet, as an index into `keys`: the well-known person it names, else
/// the key of a person named so earlier, else its formal name.
fn person_key<'a>(
    cx: &Ctx<'_, 'a>,
    a: usize,
    b: usize,
    persons: &mut Persons<'a>,
    names: &Names<'a>,
    keys: &mut Vec<Cow<'a, str>>,
) -> usize {
    let lx = cx.lx;
    let (norm, nickname) = formal(cx, a, b, persons);
    let listed = if nickname {
        let toks = crate::text::tokenize(&norm);
        lx.names.get(lex::key(&norm, &toks).as_str())
    } else if cx
        .units
        .get(a)
        .is_some_and(|u| lx.is_opener(cx.doc.tok(u.a())))
    {
        // The name as written: its tokens are the text's own, so its key is
        // the text's key; a key opens with a listed opener.
        lx.names.get(cx.key(a, b).as_str())
    } else {
        None
    };
    if let Some(Named::Person(c)) = listed {
        keys.push(Cow::Borrowed(lx.canon(*c)));
    } else if let Some(k) = names.get(&norm).full.get() {
        return k;
    } else {
        keys.push(norm);
    }
    keys.len() - 1
}

/// The words of `[a, b)` with one space where the text has any whitespace
/// (`Ctx::display`), borrowed from the text when it is written so already.
fn display<'a>(cx: &Ctx<'_, 'a>, a: usize, b: usize) -> Cow<'a, str> {
    if a < b && b <= cx.units.len() && plain_spacing(cx.doc, cx.units[a].a(), cx.units[b - 1].b()) {
        Cow::Borrowed(cx.span_text(a, b))
    } else {
        Cow::Owned(cx.display(a, b))
    }
}

/// Whether the tokens `[ta, tb)` are written with nothing between glued
/// tokens and one plain space between the others: then their text is
/// their display form.
fn plain_spacing(doc: &Doc, ta: usize, tb: usize) -> bool {
    (ta + 1..tb).all(|t| match (doc.tokens.get(t - 1), doc.tokens.get(t)) {
        (Some(p), Some(tok)) => {
            doc.text.get(p.end()..tok.start()) == Some(if tok.glued { "" } else { " " })
        }
        _ => false,
    })
}

/// The key of a person's name with a nickname made formal (`Jim` → `James`)
/// when the formal name is a known person or named in the text; and
/// whether it was made formal.
fn formal<'a>(
    cx: &Ctx<'_, 'a>,
    a: usize,
    b: usize,
    persons: &mut Persons<'a>,
) -> (Cow<'a, str>, bool) {
    let text = display(cx, a, b);
    if b - a < 2 {
        return (text, false);
    }
    let first = cx.text(a);
    if GATES.nicknames.may_hold(first.as_bytes())
        && let Some(f) = with_lower(first, |l| cx.lx.nicknames.get(l))
    {
        let cand = format!("{f} {}", display(cx, a + 1, b));
        let known = cx
            .lx
            .names
            .contains_key(format!("{f} {}", cx.key(a + 1, b)).as_str());
        if known || persons.contains(cx, &cand) {
            return (Cow::Owned(cand), true);
        }
    }
    (text, false)
}

/// The sieves ([`Sieve`]) of the lists this pass asks, built together on
/// first use (like the lexicons, once per process).
pub(super) struct Gates {
    /// Nicknames (`Lex::nicknames`).
    nicknames: Sieve,
    /// The nouns a description is read by.
    description_nouns: Sieve,
}

/// The [`Gates`].
pub(super) static GATES: LazyLock<Gates> = LazyLock::new(|| Gates {
    nicknames: Sieve::new(LEX.nicknames.keys().map(String::as_str)),
    description_nouns: Sieve::new(
        ORG_NOUNS
            .iter()
            .chain(PERSON_NOUNS.iter())
            .chain(PLACE_NOUNS.iter()),
    ),
});

/// What a description right after a name says it is: `, a company`,
/// `is an Iraqi singer`.
fn described_as(cx: &Ctx, b: usize) -> Option<K> {
    let mut k = b;
    let w = cx.text(k);
    if w == "," || w.eq_ignore_ascii_case("is") || w.eq_ignore_ascii_case("was") {
        k += 1;
    } else {
        return None;
    }
    if !["a", "an", "the"].iter().any(|w| cx.is(k, w)) {
        return None;
    }
    k += 1;
    let stop = k + 4;
    while k < stop {
        let u = cx.units.get(k)?;
        let w = cx.text(k);
        if !u.word {
            return None;
        }
        let title = cx.title_kind(k) == Some(TitleKind::Title);
        let said = if !title && !GATES.description_nouns.may_hold(w.as_bytes()) {
            None
        } else {
            with_lower(w, |lw| {
                if ORG_NOUNS.contains(lw) {
                    Some(K::Org)
                } else if PERSON_NOUNS.contains(lw) || title {
                    Some(K::Person)
                } else if PLACE_NOUNS.contains(lw) && !u.upper {
                    Some(K::Place)
                } else {
                    None
                }
            })
        };
        if said.is_some() {
            return said;
        }
        if u.upper && !cx.is_demonym(k) {
            return None;
        }
        k += 1;
    }
    None
}

/// What the context says a lone unknown capitalized word is.
fn context_kind(cx: &Ctx, a: usize, b: usize) -> K {
    let prev = if a > 0 { cx.text(a - 1) } else { "" };
    let next = cx.text(b);
    let next2 = cx.text(b + 1);
    if matches!(cx.title_kind(a.wrapping_sub(1)), Some(TitleKind::Honorific)) {
        return K::Person;
    }
    if SAY.contains(&next) || SAY.contains(&prev) && next != "in" {
        return K::Person;
    }
    if next == "," && SAY.contains(&next2) {
        return K::Person;
    }
    // `in Jordan`, but not `in Marketing`, `converted to Catholicism`,
    // `translated from Latin` or `sold to Vendorado`.
    let abstract_noun = (a..b).any(|u| {
        let t = cx.text(u);
        ENGLISH_SUFFIXES.iter().any(|s| t.ends_with(s)) || cx.is_demonym(u)
    });
    // (`sold in 1987 to X`: the verb may stand a few words back.)
    let to_owner =
        prev == "to" && (2..=5).any(|k| a >= k && NOT_PLACE_BEFORE_TO.contains(cx.text(a - k)));
    // `at` also takes firms and clubs: only a plain name after it
    // (`at Chester-le-Street`, not `at FC Lausanne-Sport`, `at Miller's`).
    let at_place = prev == "at"
        && !matches!(next, "'" | "’")
        && !(a..b).any(|u| ORG_HEADS.contains(cx.text(u)) || cx.units[u].caps);
    if (PLACE_PREPS.contains(&prev) || at_place) && !cx.first_word[a] && !abstract_noun && !to_owner
    {
        return K::Place;
    }
    // `Paxton, Illinois, said`: a name before a comma and a country or region.
    if next == "," && matches!(cx.lexicon_at(b + 1), Some((_, Named::Place(b'c' | b'r')))) {
        return K::Place;
    }
    // `the village of Atwick`
    if prev == "of" && a >= 2 && with_lower(cx.text(a - 2), |l| PLACE_NOUNS.contains(l)) {
        return K::Place;
    }
    K::Unknown
}

/// Cues weak enough for a following `, <state or country>` to overrule.
const REWEIGHABLE: &[&str] = &[
    "capitalized word",
    WEAK_PERSON,
    "surname",
    "given name",
    "given name alone",
    "place name + name words",
];

/// Words that may follow the place in `X, <place>`: a clause goes on, so
/// the place is no appositive label (`Smith, England captain`).
static AFTER_COMMA_PLACE: Words = Words::new(&[
    "and", "or", "in", "on", "at", "where", "which", "from", "to", "for", "with", "near", "was",
    "is", "has", "had", "since", "until", "before", "after", "during", "by", "when", "who",
]);

/// Whether a comma at unit `b` is followed by a state or a country that
/// ends the phrase: `Paxton, Illinois`, `Springfield, Ill.`,
/// `Den Haag, the Netherlands`.
pub(super) fn comma_place(cx: &Ctx, b: usize) -> bool {
    if cx.text(b) != "," || !cx.same_sentence(b, b + 1) {
        return false;
    }
    let mut k = b + 1;
    if cx.is(k, "the") {
        k += 1;
    }
    let end = match cx.lexicon_at(k) {
        Some((e, Named::Place(b'c' | b'r'))) => e,
        _ if STATE_ABBREVS.contains(cx.text(k)) => k + 1,
        _ => return false,
    };
    let Some(next) = cx.units.get(end) else {
        return true;
    };
    if !next.word {
        // `Iraq's`: the place owns what follows; `Yes, Kansas, Tangerine
        // Dream`: a list of names goes on.
        let after = cx.units.get(end + 1);
        let possessive = matches!(cx.text(end), "'" | "’");
        let list = cx.text(end) == "," && after.is_some_and(|u| u.upper && !u.line_start);
        return !possessive && !list;
    }
    next.line_start || AFTER_COMMA_PLACE.contains(cx.text(end))
}

/// Whether the word before unit `a` is a preposition of place (`in`, `at`,
/// `of`): a town named elsewhere is a town there too, not a team.
fn a_place_prep(cx: &Ctx, a: usize) -> bool {
    let prev = cx.text(a.wrapping_sub(1));
    PLACE_PREPS.contains(&prev) || matches!(prev, "at" | "of")
}

/// Words before `to` that make the name after it a party, not a
/// destination (`sold to Vendorado`, `signed to Deltasonic`).
static NOT_PLACE_BEFORE_TO: Words = Words::new(&[
    "sold",
    "signed",
    "according",
    "named",
    "due",
    "thanks",
    "compared",
    "similar",
    "sequel",
    "converted",
    "belongs",
    "belonged",
    "related",
    "married",
    "owned",
    "rights",
    "loan",
    "loaned",
    "licensed",
    "leased",
    "transferred",
    "subsidiary",
    "successor",
    "tribute",
    "letter",
    "reply",
    "contract",
    "contracted",
]);

/// Verbs and words that join two teams in a result.
const RESULT_AFTER: &[&str] = &[
    "beat",
    "beats",
    "v",
    "vs",
    "vs.",
    "drew",
    "defeated",
    "thrashed",
    "edged",
    "routed",
    "crushed",
    "overcame",
    "outclassed",
];
const RESULT_BEFORE: &[&str] = &[
    "beat",
    "v",
    "vs",
    "vs.",
    "defeated",
    "thrashed",
    "edged",
    "routed",
    "crushed",
    "overcame",
    "outclassed",
];

/// A short score (`2`, `326`) that is no part of a date.
fn is_score(cx: &Ctx, u: usize) -> bool {
    let t = cx.text(u);
    // (The digits first: most units are words.)
    let digits = !t.is_empty() && t.len() <= 3 && t.bytes().all(|c| c.is_ascii_digit());
    let spaced = || {
        cx.units
            .get(u)
            .and_then(|x| cx.doc.tokens.get(x.a()))
            .is_some_and(|t| !t.glued)
    };
    digits && spaced() && cx.free(u)
}

/// Whether the name `[a, b)` stands in a sports result: next to `beat` /
/// `v`, or (when `scores`) next to a score and another name.
fn in_result(cx: &Ctx, a: usize, b: usize, scores: bool) -> bool {
    let next = cx.text(b);
    let prev = cx.text(a.wrapping_sub(1));
    if RESULT_AFTER.contains(&next) && cx.units.get(b + 1).is_some_and(|u| u.upper) {
        return true;
    }
    // `played 26 games for Lausanne`, `losing to Tulsa`, `coached Perth`
    let prev2 = cx.text(a.wrapping_sub(2));
    let club = matches!(prev, "for" | "with")
        && matches!(
            prev2,
            "played" | "plays" | "playing" | "signed" | "signs" | "games"
        )
        || prev == "to" && matches!(prev2, "lost" | "losing" | "loss" | "lose" | "loses")
        || matches!(prev, "coached" | "coaches" | "captained" | "captains");
    if club
        || matches!(prev, "v" | "vs" | "vs.")
        || RESULT_BEFORE.contains(&prev) && a >= 2 && cx.units[a - 2].upper
    {
        return true;
    }
    if !scores {
        return false;
    }
    // `Durham 326 ( D. Cox 95 not out ) v Surrey`, `Newcastle 2 Tottenham 1`
    let score_after = is_score(cx, b)
        && cx.same_sentence(a, b + 1)
        && (cx
            .units
            .get(b + 1)
            .is_some_and(|u| u.upper && !u.line_start)
            || cx.text(b + 1) == "(");
    let score_between = a >= 2
        && is_score(cx, a - 1)
        && cx.units[a - 2].upper
        && is_score(cx, b)
        && cx.units.get(b).is_some_and(|u| !u.line_start);
    score_after || score_between
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    /// The display form of tokens `[ta, tb)`, as `Ctx::display` writes it.
    fn display_tokens(doc: &Doc, ta: usize, tb: usize) -> String {
        let mut out = String::new();
        for t in ta..tb {
            if t > ta && !doc.tokens[t].glued {
                out.push(' ');
            }
            out.push_str(doc.tok(t));
        }
        out
    }

    /// The word in upper case, in lower case and capitalized.
    fn cases(w: &str) -> [String; 4] {
        let mut cap = w.to_lowercase();
        if let Some(f) = cap.get_mut(..1) {
            f.make_ascii_uppercase();
        }
        [w.to_string(), w.to_uppercase(), w.to_lowercase(), cap]
    }

    #[test]
    fn gates_let_every_listed_word_through() {
        // A gate may only rule out words its list does not hold: every
        // listed word passes, in any case, and a word it stops is missing
        // from the list's own look-up.
        let g = &*GATES;
        let lx = &*LEX;
        let lists: [(&Sieve, Vec<&str>); 2] = [
            (
                &g.nicknames,
                lx.nicknames.keys().map(String::as_str).collect(),
            ),
            (
                &g.description_nouns,
                ORG_NOUNS
                    .iter()
                    .chain(PERSON_NOUNS.iter())
                    .chain(PLACE_NOUNS.iter())
                    .collect(),
            ),
        ];
        for (gate, words) in &lists {
            assert!(!words.is_empty());
            for w in words {
                for c in cases(w) {
                    assert!(gate.may_hold(c.as_bytes()), "{c:?}");
                }
            }
        }
        let sample = "The U.S. Defense Secretary Jim Mattis, a retired Marine general, \
                      told Iraqi and Kurdish forces in Mosul, Iraq, that Bob and Bill \
                      (the chairman's aides) are spokesmen of the company, a village \
                      council; Mr. Lt. Gen. Sgt. président Éire Ærø x";
        let doc = crate::text::Doc::new(sample);
        let mut stopped = 0;
        for t in 0..doc.tokens.len() {
            for w in cases(doc.tok(t)) {
                let lw = w.to_lowercase();
                let listed = [
                    lx.nicknames.contains_key(&lw),
                    ORG_NOUNS.contains(&lw)
                        || PERSON_NOUNS.contains(&lw)
                        || PLACE_NOUNS.contains(&lw),
                ];
                for ((gate, _), listed) in lists.iter().zip(listed) {
                    if !gate.may_hold(w.as_bytes()) {
                        stopped += 1;
                        assert!(!listed, "{w:?}");
                    }
                }
            }
        }
        assert!(stopped > 100);
    }

    #[test]
    fn filters_never_miss() {
        // `Names` skips the table for a name its filters rule out: a name
        // put in must always get through, whatever the filter's size.
        let words: Vec<String> = (0..3000).map(|i| format!("Name{i} x{}", i * 7)).collect();
        for n in [0, 1, 10, 3000] {
            let mut f = Filter::new(n);
            for w in &words {
                f.insert(w);
            }
            assert!(words.iter().all(|w| f.may_hold(w)));
        }
        let f = Filter::new(100);
        assert!(!f.may_hold("Mosul") && !f.may_hold(""));
    }

    #[test]
    fn plain_spacing_means_the_text_is_the_display_form() {
        // Fast paths of `resolve`: a name written with plain spacing is
        // its own display form, and the display form tokenizes back into
        // the text's tokens, so its lexicon key is the text's key.
        let texts = [
            "Jim  Mattis met John McCain (R-AZ) and Ra’ed Shaker Jawdat.",
            "Wal - Mart\tand Washington , D.C.\nU.S. al-Mohammadawi 750,000",
            "Den Haag, the Netherlands;  Lt. Col. H. Smith\u{a0}Jr. of 3M\u{feff}Co",
            "Émile  Zola, Ørsted A/S and e\u{301}cole 12 34",
        ];
        for text in texts {
            let doc = Doc::new(text);
            let n = doc.tokens.len();
            for ta in 0..n {
                for tb in ta + 1..=n {
                    let shown = display_tokens(&doc, ta, tb);
                    if plain_spacing(&doc, ta, tb) {
                        assert_eq!(doc.slice(ta, tb), shown, "{text:?} {ta}..{tb}");
                    }
                    let toks = tokenize(&shown);
                    assert_eq!(
                        lex::key(&shown, &toks),
                        lex::key(doc.text, &doc.tokens[ta..tb]),
                        "{text:?} {ta}..{tb}"
                    );
                    assert_eq!(
                        toks.first().map(|t| &shown[t.start()..t.end()]),
                        Some(doc.tok(ta))
                    );
                }
            }
            // A double space, a tab or a line break is no plain spacing.
            assert!(!plain_spacing(&doc, 0, n) || !text.contains("  "));
        }
    }
}
