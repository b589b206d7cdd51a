//! The word lists of the actors lens, parsed once from `data/*.txt`.
//!
//! Multi-word names (organisations, places, well-known persons) are keyed by
//! their token sequence in the same form [`key`] builds from a text, so a name
//! matches however the text spaces it around glued punctuation.

use std::sync::LazyLock;

use crate::lexicon::{
    LexMap as HashMap, Sieve, StrMap, WordSet, Words, entry_at, key_hash, lines, probe,
    read_only_slots, slot, tag_of, with_lower,
};
use crate::text::{Kind, Token, tokenize, tokenize_into};

const ORGS: &str = include_str!("../../data/orgs.txt");
const GAZETTEER: &str = include_str!("../../data/gazetteer.txt");
const PERSONS: &str = include_str!("../../data/persons.txt");
const GIVEN: &str = include_str!("../../data/given_names.txt");
const SURNAMES: &str = include_str!("../../data/surnames.txt");
const TITLES: &str = include_str!("../../data/titles.txt");
const DEMONYMS: &str = include_str!("../../data/demonyms.txt");
const AFFILIATIONS: &str = include_str!("../../data/affiliations.txt");
const COMMON: &str = include_str!("../../data/common_words.txt");
const NICKNAMES: &str = include_str!("../../data/nicknames.txt");

/// What a multi-word lexicon name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Named {
    /// An organisation; the index of its canonical name in [`Lex::canon`].
    Org(u32),
    /// A place: `b'c'` country, `b'r'` region, `b't'` town.
    Place(u8),
    /// A well-known person; the index of the full name in [`Lex::canon`].
    Person(u32),
}

impl Named {
    /// The name in the low 24 bits of a `u32`, never 0: its kind (1 to 3)
    /// in the top two of them, its index or place kind below. `None` for an
    /// index of 2^22 or more (no list comes near: the largest has some
    /// 9,000 names). The one packed form of a name: the openers and the
    /// names pass's memo keep it.
    pub fn to_bits(self) -> Option<u32> {
        let (kind, payload) = match self {
            Named::Org(c) => (1, c),
            Named::Person(c) => (2, c),
            Named::Place(k) => (3, u32::from(k)),
        };
        (payload < 1 << 22).then_some(kind << 22 | payload)
    }

    /// The name [`Named::to_bits`] gave in the low 24 bits of `bits` (the
    /// bits above are not read); `None` for 0.
    pub fn from_bits(bits: u32) -> Option<Named> {
        let payload = bits & ((1 << 22) - 1);
        match (bits >> 22) & 3 {
            1 => Some(Named::Org(payload)),
            2 => Some(Named::Person(payload)),
            3 => u8::try_from(payload).ok().map(Named::Place),
            _ => None,
        }
    }
}

/// How a title word may be used before a name (`data/titles.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TitleKind {
    /// A title or role noun (`secretary`, `spokesman`, `colonel`).
    Title,
    /// A modifier joining a title (`defence`, `deputy`, `Lt.`).
    Modifier,
    /// A courtesy title (`Mr`): marks a person, is no role.
    Honorific,
}

/// An affiliation word of a group (`data/affiliations.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Affil {
    /// May start a group (`coalition`, `Shiite`).
    Lead,
    /// Only inside a group (`special-operations`).
    Inner,
}

/// What the lexicon says of a token that opens a listed name, settled at
/// load time so that a one-token word costs one look-up in the names pass.
///
/// Packed in one `u32` (with its fields apart it took 20 bytes): some
/// 7,000 openers sit in every reader's memory. The word holds one name
/// ([`Opener::single`]) in its low 24 bits as [`Named::to_bits`] writes
/// it (0: none), and the two flags in its top two bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Opener(u32);

/// The bit of [`Opener::prefix`].
const PREFIX: u32 = 1 << 31;
/// The bit of [`Opener::longer`].
const LONGER: u32 = 1 << 30;
/// The bits of [`Opener::single`] (what [`Named::to_bits`] may set).
const SINGLE: u32 = (1 << 24) - 1;

impl Opener {
    /// The token alone, in any case, is a prefix of some key ([`Lex::is_prefix`]).
    pub fn prefix(self) -> bool {
        self.0 & PREFIX != 0
    }

    /// Some name of two tokens or more opens with this token (in any case):
    /// only then can a name go on past it.
    pub fn longer(self) -> bool {
        self.0 & LONGER != 0
    }

    /// The token alone as a key of [`Lex::names`].
    pub fn single(self) -> Option<Named> {
        Named::from_bits(self.0 & SINGLE)
    }

    /// Sets both flags from what [`Lex::prefixes`] says of the token
    /// lowered: `None` (no name starts so) or whether a name goes on.
    fn set_flags(&mut self, goes_on: Option<bool>) {
        self.0 &= SINGLE;
        if let Some(on) = goes_on {
            self.0 |= PREFIX | if on { LONGER } else { 0 };
        }
    }

    fn set_single(&mut self, name: Named) {
        self.0 = self.0 & !SINGLE | name.to_bits().unwrap_or(0);
    }
}

/// The word lists [`Lex::facts`] answers for as written, each with its fact bit
/// (the test of the facts table asks each list directly, through this).
pub(super) static EXACT_FACT_LISTS: [(&Words, u32); 11] = {
    use super::words::*;
    [
        (&ORG_HEADS, fact::ORG_HEAD),
        (&PLACE_HEADS, fact::PLACE_HEAD),
        (&NOT_ACTOR_HEADS, fact::NOT_ACTOR_HEAD),
        (&OF_HEADS, fact::OF_HEAD),
        (&PLACE_OF_HEADS, fact::PLACE_OF_HEAD),
        (&LEGAL_SUFFIXES, fact::LEGAL_SUFFIX),
        (&NOT_ORG, fact::NOT_ORG),
        (&PARTICLES, fact::PARTICLE),
        (&NOT_PERSON_OPENERS, fact::NOT_PERSON_OPENER),
        (&PERSON_NOUNS, fact::PERSON_NOUN),
        (&ORG_NOUNS, fact::ORG_NOUN),
    ]
};

/// What the word lists say of one word, as bits: the names pass asks many
/// lists about the same few words, so [`Lex::facts`] answers them all with
/// two look-ups (one for a word in lower case).
pub mod fact {
    /// Ends an organisation name ([`super::super::words::ORG_HEADS`]).
    pub const ORG_HEAD: u32 = 1;
    /// Ends a place name (`PLACE_HEADS`).
    pub const PLACE_HEAD: u32 = 1 << 1;
    /// Ends the name of an event, a law or a work (`NOT_ACTOR_HEADS`).
    pub const NOT_ACTOR_HEAD: u32 = 1 << 2;
    /// Heads an `X of Y` organisation name (`OF_HEADS`).
    pub const OF_HEAD: u32 = 1 << 3;
    /// Heads an `X of Y` place name (`PLACE_OF_HEADS`).
    pub const PLACE_OF_HEAD: u32 = 1 << 4;
    /// A company's legal suffix (`LEGAL_SUFFIXES`).
    pub const LEGAL_SUFFIX: u32 = 1 << 5;
    /// Capitals that are no organisation (`NOT_ORG`).
    pub const NOT_ORG: u32 = 1 << 6;
    /// A name particle (`PARTICLES`).
    pub const PARTICLE: u32 = 1 << 7;
    /// Opens no person's name (`NOT_PERSON_OPENERS`).
    pub const NOT_PERSON_OPENER: u32 = 1 << 8;
    /// A noun before a person's name (`PERSON_NOUNS`).
    pub const PERSON_NOUN: u32 = 1 << 9;
    /// A noun before an organisation's name (`ORG_NOUNS`).
    pub const ORG_NOUN: u32 = 1 << 10;
    /// A country's name in the gazetteer, as written.
    pub const COUNTRY: u32 = 1 << 11;
    /// A given name (any case).
    pub const GIVEN: u32 = 1 << 16;
    /// A frequent surname (any case).
    pub const SURNAME: u32 = 1 << 17;
    /// A common word (any case).
    pub const COMMON: u32 = 1 << 18;
    /// A demonym (any case).
    pub const DEMONYM: u32 = 1 << 19;
    /// A title or role noun (any case).
    pub const TITLE: u32 = 1 << 20;
    /// A modifier joining a title (any case).
    pub const TITLE_MODIFIER: u32 = 1 << 21;
    /// A courtesy title (any case).
    pub const HONORIFIC: u32 = 1 << 22;
    /// Which of the bits are read in lower case (the others as written):
    /// none of the first twelve, so one table holds both kinds.
    pub const LOWER: u32 = GIVEN | SURNAME | COMMON | DEMONYM | TITLE | TITLE_MODIFIER | HONORIFIC;
    /// The title bits.
    pub const TITLES: u32 = TITLE | TITLE_MODIFIER | HONORIFIC;
    // One table holds the bits read as written (`COUNTRY` the highest) and
    // those read in lower case (`Lex::facts`): they must never overlap.
    const _: () = assert!(LOWER & ((COUNTRY << 1) - 1) == 0);
}

/// Every list, parsed. (The default holds no list: what [`LEX`] falls
/// back to when a list has a bad line.)
#[derive(Default)]
pub struct Lex {
    /// Multi-word and single-word names by token key (case-sensitive).
    pub names: StrMap<Named>,
    /// The same names by upper-case key, for all-capitals headlines
    /// (only names of four letters or more): see [`Lex::upper_get`].
    upper: Upper,
    /// Canonical names (organisations, persons).
    pub canon: Vec<String>,
    /// Surname (last word) of each well-known person → canonical index.
    pub surnames: HashMap<String, u32>,
    /// Given names.
    pub given: WordSet,
    /// Frequent surnames.
    pub surnames_common: WordSet,
    /// Title words, lower case.
    pub titles: HashMap<String, TitleKind>,
    /// Demonyms, lower case → country.
    pub demonyms: HashMap<String, String>,
    /// Affiliation words, lower case.
    pub affil: HashMap<String, Affil>,
    /// Common words (never a name alone).
    pub common: WordSet,
    /// Nickname (lower case) → formal given name.
    pub nicknames: HashMap<String, String>,
    /// The key of every token prefix of every name, in lower case: most
    /// tokens start no name, and a run that stops being a prefix ends the
    /// search, so a look-up builds one short key per token, not one per
    /// possible length.
    /// Each maps to whether some name goes on past it.
    ///
    /// Kept by [`key_hash`] only, not as strings: this table only cuts the
    /// search short, and the names themselves are looked up exactly in
    /// [`Lex::names`] and [`Lex::upper`]. A text's key that shares a hash
    /// with a prefix only lets the search go on, a unit at a time and never
    /// past [`Lex::longest`], where it finds a name only if one is listed
    /// there. Without the strings, the start-up (some 12,000 prefixes)
    /// copies none, and a look-up compares no bytes.
    pub prefixes: Prefixes,
    /// The first token of every key of [`Lex::names`], exactly as written.
    /// Outside all-capital headlines a name is looked up with the case the
    /// text has, so a token missing here and from [`Lex::upper_openers`]
    /// (`the`, `said`) opens no name, and one exact look-up settles it;
    /// [`Lex::prefixes`] ignores case and would let every `the` through to
    /// a key search.
    pub openers: StrMap<Opener>,
    /// The first tokens of the keys of [`Lex::upper`], in capitals (`MOSUL`,
    /// `THE`): each slot holds the entry in [`Lex::openers`] of a token whose
    /// capitals they are. As entries of `openers` of their own, some 7,000
    /// with their text and facts, they made that table 400 KB of every
    /// reader's memory; the two now take 240 KB. A word in capitals is rare
    /// outside headlines, so what the lexicon says of it is worked out when
    /// it is asked ([`Lex::opener`]).
    upper_openers: Upper,
    /// The few [`Lex::openers`] that start with a lower-case ASCII letter
    /// (`al`, `eBay`): most words of a text start so, and comparing them
    /// with this short list is cheaper than hashing them.
    pub lower_openers: Vec<Box<str>>,
    /// Word → the [`fact`] bits of the lists that hold it as written, and
    /// of those read in any case ([`fact::LOWER`]) that hold it when it is
    /// in lower case. A word in lower case is its own key both ways, so one
    /// look-up answers for it.
    pub facts: StrMap<u32>,
    /// A first test for the words [`Lex::facts`] holds bits of as written
    /// (not [`fact::LOWER`] ones): a few hundred heads and countries. A
    /// capitalized word of a text (a name, mostly) is looked up in lower
    /// case for the other bits anyway, and this spares most of them the
    /// second look-up.
    pub exact_sieve: Sieve,
    /// The most tokens in one name's key: no search for a listed name need
    /// go further, whatever [`Lex::prefixes`] says of a text's words (a word
    /// sharing a hash with a prefix cannot make it go on past this).
    pub longest: usize,
}

/// The key of a token sequence: token texts, with one space where the
/// text has whitespace between two words; none around punctuation, so
/// `Wal - Mart` and `Washington , D.C.` (CoNLL spacing) match their names.
pub fn key(text: &str, tokens: &[Token]) -> String {
    let mut out = String::new();
    for (i, t) in tokens.iter().enumerate() {
        push_key(
            &mut out,
            text,
            i.checked_sub(1).and_then(|p| tokens.get(p)),
            t,
        );
    }
    out
}

/// Appends token `t` to a key being built, `prev` being the token before it
/// in the key (none for the first): the one rule of [`key`], so keys can be
/// grown a token at a time.
pub fn push_key(out: &mut String, text: &str, prev: Option<&Token>, t: &Token) {
    if let Some(p) = prev
        && !t.glued
        && t.kind != Kind::Punct
        && p.kind != Kind::Punct
    {
        out.push(' ');
    }
    out.push_str(text.get(t.start()..t.end()).unwrap_or_default());
}

impl Lex {
    fn load() -> Result<Lex, String> {
        let mut lx = Lex {
            given: WordSet::new(lines(GIVEN)),
            surnames_common: WordSet::new(lines(SURNAMES)),
            common: WordSet::new(lines(COMMON)),
            ..Lex::default()
        };
        // Every field of the three name lists adds a name (a line of the
        // gazetteer, a `|`-field of the others; comments make it a little
        // more): room for them all up front spares the tables rehashing as
        // they grow, most of the cost of growing them.
        let names = count_byte(GAZETTEER, b'\n')
            + count_byte(PERSONS, b'\n')
            + count_byte(PERSONS, b'|')
            + count_byte(ORGS, b'\n')
            + count_byte(ORGS, b'|');
        lx.names.reserve(names);
        lx.upper.reserve(names);
        // (Most names are one or two tokens: about one and a half prefixes
        // each, before the repeats are merged.)
        lx.prefixes.reserve(names + names / 2);
        lx.openers.reserve(names);
        lx.upper_openers.reserve(names);
        let mut s = Scratch::default();
        // Places first, so that organisations and persons win on a clash.
        for l in lines(GAZETTEER) {
            let (k, name) = l
                .split_once('|')
                .ok_or_else(|| format!("gazetteer: {l:?}"))?;
            let kind = match k {
                "c" | "r" | "t" => k.as_bytes()[0],
                _ => return Err(format!("gazetteer kind: {l:?}")),
            };
            lx.add(name, Named::Place(kind), &mut s)?;
        }
        for l in lines(PERSONS) {
            let idx = lx.canon.len() as u32;
            let mut fields = l.split('|').map(str::trim);
            let full = fields.next().unwrap_or_default();
            let surname = full.rsplit(' ').next().unwrap_or_default();
            if surname.is_empty() || !full.contains(' ') {
                return Err(format!("persons: {l:?}"));
            }
            lx.canon.push(full.to_string());
            // Two well-known people with one surname (`Clinton`): the
            // surname alone names neither.
            lx.surnames
                .entry(surname.to_string())
                .and_modify(|v| *v = u32::MAX)
                .or_insert(idx);
            lx.add(full, Named::Person(idx), &mut s)?;
            for f in fields {
                lx.add(f, Named::Person(idx), &mut s)?;
            }
        }
        for l in lines(ORGS) {
            let idx = lx.canon.len() as u32;
            let mut fields = l.split('|').map(str::trim);
            let canon = fields.next().unwrap_or_default();
            lx.canon.push(canon.to_string());
            lx.add(canon, Named::Org(idx), &mut s)?;
            for f in fields {
                lx.add(f, Named::Org(idx), &mut s)?;
            }
        }
        for l in lines(TITLES) {
            let (w, k) = l.split_once('|').ok_or_else(|| format!("titles: {l:?}"))?;
            let kind = match k {
                "t" => TitleKind::Title,
                "m" | "a" => TitleKind::Modifier,
                "h" => TitleKind::Honorific,
                _ => return Err(format!("titles kind: {l:?}")),
            };
            // A word listed as both keeps its strongest use (title).
            let e = lx.titles.entry(w.to_lowercase()).or_insert(kind);
            if kind == TitleKind::Title {
                *e = kind;
            }
        }
        for l in lines(DEMONYMS) {
            let (d, c) = l
                .split_once('|')
                .ok_or_else(|| format!("demonyms: {l:?}"))?;
            if d.is_empty() || c.is_empty() {
                return Err(format!("demonyms: {l:?}"));
            }
            lx.demonyms.insert(d.to_lowercase(), c.to_string());
        }
        for l in lines(AFFILIATIONS) {
            let (w, k) = l
                .split_once('|')
                .ok_or_else(|| format!("affiliations: {l:?}"))?;
            let kind = match k {
                "a" => Affil::Lead,
                "m" => Affil::Inner,
                _ => return Err(format!("affiliations kind: {l:?}")),
            };
            lx.affil.insert(w.to_lowercase(), kind);
        }
        for l in lines(NICKNAMES) {
            let (n, f) = l
                .split_once('|')
                .ok_or_else(|| format!("nicknames: {l:?}"))?;
            if n.is_empty() || f.is_empty() {
                return Err(format!("nicknames: {l:?}"));
            }
            lx.nicknames.insert(n.to_lowercase(), f.to_string());
        }
        lx.prefixes.finish();
        for (o, facts) in lx.openers.iter_mut() {
            facts.set_flags(with_lower(o, |l| lx.prefixes.get(l)));
        }
        let mut facts = lx.exact_facts_table();
        lx.add_lower_facts(&mut facts);
        facts.shrink_to_fit();
        // (Looked up as written: the length picks the bit too.)
        lx.exact_sieve = Sieve::with_lengths(
            facts
                .iter()
                .filter(|&(_, &bits)| bits & !fact::LOWER != 0)
                .map(|(k, _)| k),
        );
        lx.facts = facts;
        lx.names.shrink_to_fit();
        lx.upper.finish(&lx.names);
        lx.openers.shrink_to_fit();
        lx.upper_openers.finish(&lx.openers);
        Ok(lx)
    }

    /// The bits of [`Lex::facts`] read as written, from the lists of the
    /// rules and the gazetteer.
    fn exact_facts_table(&self) -> StrMap<u32> {
        let mut t: StrMap<u32> = StrMap::new();
        for &(list, bit) in &EXACT_FACT_LISTS {
            for w in list.iter() {
                add_fact(&mut t, w, bit);
            }
        }
        for (k, v) in self.names.iter() {
            if *v == Named::Place(b'c') {
                add_fact(&mut t, k, fact::COUNTRY);
            }
        }
        t
    }

    /// Adds to `t` the bits of [`Lex::facts`] read in lower case
    /// ([`fact::LOWER`]), from the word lists read in any case.
    fn add_lower_facts(&self, t: &mut StrMap<u32>) {
        // Room for the largest list (the others mostly share its words), so
        // the table's slots are not placed again while it grows.
        t.reserve(self.given.len().max(self.surnames_common.len()));
        let sets: [(&WordSet, u32); 3] = [
            (&self.given, fact::GIVEN),
            (&self.surnames_common, fact::SURNAME),
            (&self.common, fact::COMMON),
        ];
        for (set, bit) in sets {
            for w in set.iter() {
                add_fact(t, w, bit);
            }
        }
        for d in self.demonyms.keys() {
            add_fact(t, d, fact::DEMONYM);
        }
        for (w, kind) in &self.titles {
            let bit = match kind {
                TitleKind::Title => fact::TITLE,
                TitleKind::Modifier => fact::TITLE_MODIFIER,
                TitleKind::Honorific => fact::HONORIFIC,
            };
            add_fact(t, w, bit);
        }
    }

    /// Adds the name `name` (one field of a list) as `what`: its key to
    /// [`Lex::names`] (and [`Lex::upper`] when long enough), the key's
    /// prefixes to [`Lex::prefixes`], its first token to [`Lex::openers`].
    ///
    /// Over 8,000 names are added before the first text can be read, so
    /// this builds each key once in `s`, in token tables and strings reused
    /// from name to name, and lowers it once for all its prefixes.
    fn add(&mut self, name: &'static str, what: Named, s: &mut Scratch) -> Result<(), String> {
        if !s.split(name) {
            return Err(format!("bad name {name:?}"));
        }
        let k = s.key.as_str();
        let ascii = k.is_ascii();
        // An ASCII key (nearly all) is lowered once: its prefixes, lowered,
        // are prefixes of it. Any other is lowered a prefix at a time, as
        // `to_lowercase` lowers a final sigma by its place in the word.
        s.lower.clear();
        if ascii {
            s.lower.push_str(k);
            s.lower.make_ascii_lowercase();
        }
        let n = s.ends.len();
        self.longest = self.longest.max(n);
        for (i, &e) in s.ends.iter().enumerate() {
            let goes_on = i + 1 < n;
            if ascii {
                let prefix = s.lower.get(..e).unwrap_or_default();
                self.prefixes.mark(prefix, goes_on);
            } else {
                let prefix = k.get(..e).unwrap_or_default().to_lowercase();
                self.prefixes.mark(&prefix, goes_on);
            }
        }
        // The first token of the key, as written (the key opens with it).
        let first_len = s.ends.first().copied().unwrap_or(0);
        let first = name.get(s.first..s.first + first_len).unwrap_or_default();
        // A key of one token is the opener itself, so the opener's `single`
        // is the key's value (the last one given, as in `names`). A key of
        // more tokens is never one token's text: the tokenizer would split
        // it where it split it here.
        let single = n == 1;
        let opener = self.opener_entry(first).map(|(entry, opener)| {
            if single {
                opener.set_single(what);
            }
            entry
        });
        // Only whether there are four letters matters: stop counting there.
        let long = k.chars().filter(|c| c.is_alphabetic()).nth(3).is_some();
        let common = || {
            if ascii {
                self.common.contains_lowered(&s.lower)
            } else {
                self.common.contains(k)
            }
        };
        if long && !common() {
            // Upper-casing maps each character alone, so the first token
            // upper-cased is a prefix of the key upper-cased (a test checks
            // that every key of `upper` opens with a listed opener).
            // (What `capitals` makes, with `ascii` known here.)
            let (up, first_up) = if ascii {
                (k.to_ascii_uppercase(), first.len())
            } else {
                (k.to_uppercase(), first.to_uppercase().len())
            };
            // The name opens with its first token in capitals too (the
            // name itself is then found in `upper`, as `Lex::opener` says).
            if let Some(entry) = opener {
                self.upper_openers
                    .give(up.get(..first_up).unwrap_or_default(), entry);
            }
            // A search lowers what it reads to test prefixes, and a few
            // capitals lower to other letters than the name's own (`AYDIN`
            // to `aydin`, where the name is `Aydın`): their prefixes are
            // listed too, or a headline in capitals would never find them.
            // (Only a letter whose capital lowers to another can do that,
            // so most keys are ruled out without lowering them; one whose
            // capitals lower to its own prefixes after all, `ς`, marks them
            // again, which changes nothing.)
            let changes = |c: char| {
                !c.to_uppercase()
                    .flat_map(char::to_lowercase)
                    .eq(c.to_lowercase())
            };
            if !ascii && k.chars().any(|c| !c.is_ascii() && changes(c)) {
                let toks = tokenize(&up);
                for n in 1..=toks.len() {
                    let prefix = key(&up, toks.get(..n).unwrap_or_default()).to_lowercase();
                    self.prefixes.mark(&prefix, n < toks.len());
                }
            }
            if let Some(entry) = self.names.insert_entry(k, what) {
                self.upper.give(&up, entry);
            }
        } else {
            self.names.insert(k, what);
        }
        Ok(())
    }

    /// The entry of the opener `tok` in [`Lex::openers`] and its facts,
    /// listed (facts settled once all names are in) if new; a new one that
    /// starts with a lower-case ASCII letter joins [`Lex::lower_openers`] too.
    fn opener_entry(&mut self, tok: &str) -> Option<(usize, &mut Opener)> {
        let (entry, opener, new) = self.openers.get_or_insert_entry(tok, Opener::default)?;
        if new && tok.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
            self.lower_openers.push(tok.into());
        }
        Some((entry, opener))
    }

    /// The name whose key in capitals is `caps` (`MOSUL`, `AYDIN` for
    /// `Aydın`), among those of four letters or more that are no common word.
    pub fn upper_get(&self, caps: &str) -> Option<&Named> {
        self.upper.get(&self.names, caps)
    }

    /// Every key of [`Lex::upper`], in capitals (tests).
    #[cfg(test)]
    fn upper_keys(&self) -> Vec<String> {
        self.upper
            .entries()
            .map(|i| capitals(self.names.key(i)).into_owned())
            .collect()
    }

    /// Whether some key of [`Lex::names`] or [`Lex::upper`] opens with
    /// `tok`, exactly as written.
    pub fn is_opener(&self, tok: &str) -> bool {
        self.opener(tok).is_some()
    }

    /// What the lexicon says of `tok` (exactly as written) as the first
    /// token of a name; `None` when it opens none. A token in capitals
    /// also opens the names of [`Lex::upper`] whose first token it is in
    /// capitals; the one-token name it may be is then [`Lex::upper_get`]'s.
    pub fn opener(&self, tok: &str) -> Option<Opener> {
        // (The first byte is compared on its own first: in wasm a string
        // comparison is a call, and most words are ruled out by their
        // length or first letter.)
        let first = tok.as_bytes().first();
        if first.is_some_and(u8::is_ascii_lowercase)
            && !self
                .lower_openers
                .iter()
                .any(|o| o.len() == tok.len() && o.as_bytes().first() == first && **o == *tok)
        {
            return None;
        }
        if let Some(&o) = self.openers.get(tok) {
            return Some(o);
        }
        // No capitals hold a lower-case ASCII letter: most words that get
        // here (`Baghdad` when it opens no name) stop at their second byte.
        if tok.bytes().any(|b| b.is_ascii_lowercase()) {
            return None;
        }
        self.capitals_opener(tok)
    }

    /// [`Lex::opener`] of a token that may be in capitals and is not in
    /// [`Lex::openers`] as written: rare (a word in capitals outside a
    /// headline), so kept out of the callers' code.
    #[inline(never)]
    fn capitals_opener(&self, tok: &str) -> Option<Opener> {
        self.upper_openers.find(&self.openers, tok)?;
        // Missing from `openers`, the token is no name's key as written,
        // so it is no name by itself (the name in capitals it may be is
        // `upper_get`'s); its flags are what the prefixes say of it
        // lowered, as load time settles them for the openers as written.
        let mut o = Opener::default();
        o.set_flags(with_lower(tok, |l| self.prefixes.get(l)));
        Some(o)
    }

    /// Whether some lexicon name starts with the key `key` (any case).
    pub fn is_prefix(&self, key: &str) -> bool {
        with_lower(key, |l| self.lowered_prefix(l).is_some())
    }

    /// What [`Lex::prefixes`] says of `lower`, a key already in lower case:
    /// `None` when no name starts with it, else whether some name goes on
    /// past it.
    pub fn lowered_prefix(&self, lower: &str) -> Option<bool> {
        self.prefixes.get(lower)
    }

    /// The canonical name at `idx`.
    pub fn canon(&self, idx: u32) -> &str {
        self.canon.get(idx as usize).map_or("", String::as_str)
    }
}

/// Buffers [`Lex::add`] reuses from one name to the next.
#[derive(Default)]
struct Scratch {
    /// An ASCII key in lower case.
    lower: String,
    /// The tokens of the name being added (one table for every name).
    tokens: Vec<Token>,
    /// The key of the name being added.
    key: String,
    /// Where the first token starts in the name.
    first: usize,
    /// Where each token prefix of [`Scratch::key`] ends, in bytes.
    ends: Vec<usize>,
}

impl Scratch {
    /// Builds the key of `name` and the ends of its prefixes; false when
    /// `name` has no token or opens with punctuation.
    fn split(&mut self, name: &str) -> bool {
        self.key.clear();
        self.ends.clear();
        self.first = 0;
        tokenize_into(name, &mut self.tokens);
        let toks = &self.tokens;
        let Some(first) = toks.first().filter(|t| t.kind != Kind::Punct) else {
            return false;
        };
        self.first = first.start();
        for (i, t) in toks.iter().enumerate() {
            push_key(
                &mut self.key,
                name,
                i.checked_sub(1).and_then(|p| toks.get(p)),
                t,
            );
            self.ends.push(self.key.len());
        }
        true
    }
}

/// A key in capitals, as [`Lex::upper_get`] finds it: ASCII capitals for an
/// ASCII key, else Unicode's (`Aydın` → `AYDIN`).
fn capitals(key: &str) -> std::borrow::Cow<'_, str> {
    if !key.is_ascii() {
        std::borrow::Cow::Owned(key.to_uppercase())
    } else if key.bytes().any(|b| b.is_ascii_lowercase()) {
        std::borrow::Cow::Owned(key.to_ascii_uppercase())
    } else {
        std::borrow::Cow::Borrowed(key)
    }
}

/// Whether `caps` is `key` in [`capitals`], without writing them out for
/// an ASCII key.
fn is_capitals_of(key: &str, caps: &str) -> bool {
    if key.is_ascii() {
        key.len() == caps.len()
            && key
                .bytes()
                .zip(caps.bytes())
                .all(|(k, c)| k.to_ascii_uppercase() == c)
    } else {
        capitals(key) == caps
    }
}

/// The keys of a [`StrMap`] by their capitals: [`Lex::names`] for
/// all-capital headlines ([`Lex::upper`]), and the openers of those names
/// ([`Lex::upper_openers`]).
///
/// Not a table of keys of its own: a slot holds an entry number of the
/// map, at the place the hash of its key's capitals gives, and a look-up
/// compares the capitals of the key it finds there (they are made again
/// only for a key outside ASCII; a look-up is rare, a word in capitals).
/// A second table of some 8,000 names in capitals, with their values, took
/// 240 KB of every reader's memory; these slots take 64 KB.
#[derive(Default)]
pub struct Upper {
    /// An entry number at the place its key's capitals' [`tag_of`] gives,
    /// as [`StrMap`]'s own slots ([`slot`], [`probe`]); a power of two
    /// long, at most five-eighths full (look-ups are few, and the names
    /// given, some 8,400, would just miss half of 16,384).
    slots: Vec<u32>,
    /// While the lists load: each entry given, as its number and the tag
    /// of its capitals, in the order given. The slots are made once all
    /// are in ([`Upper::finish`]), sized for them.
    given: Vec<(usize, u32)>,
}

impl Upper {
    /// Room for `n` entries given.
    fn reserve(&mut self, n: usize) {
        self.given.reserve(n);
    }

    /// Gives entry `entry` of the map, whose key in capitals is `caps`: it
    /// takes the place of any entry given before with the same capitals
    /// (the last one given wins, as in [`Lex::names`]).
    fn give(&mut self, caps: &str, entry: usize) {
        self.given.push((entry, tag_of(caps)));
    }

    /// Places every entry given of `map`, in the order given, in slots made
    /// once (the map's entries are all in: their numbers and keys stay).
    fn finish<V>(&mut self, map: &StrMap<V>) {
        let given = std::mem::take(&mut self.given);
        let mut slots = vec![0; read_only_slots(given.len())];
        for (entry, tag) in given {
            let key = map.key(entry);
            let Some(at) = probe(&slots, tag, |e| same_capitals(map.key(e), key)) else {
                continue;
            };
            if let Some(x) = slots.get_mut(at) {
                *x = slot(entry, tag);
            }
        }
        self.slots = slots;
    }

    /// The entry of `map` whose key's capitals are `caps`.
    fn find<V>(&self, map: &StrMap<V>, caps: &str) -> Option<usize> {
        let at = probe(&self.slots, tag_of(caps), |e| {
            is_capitals_of(map.key(e), caps)
        })?;
        entry_at(&self.slots, at)
    }

    /// The name whose capitals are `caps`.
    fn get<'n>(&self, names: &'n StrMap<Named>, caps: &str) -> Option<&'n Named> {
        names.value(self.find(names, caps)?)
    }

    /// The entry numbers in, in no order (tests).
    #[cfg(test)]
    fn entries(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.slots.len()).filter_map(|at| entry_at(&self.slots, at))
    }
}

/// Whether two keys have the same [`capitals`].
fn same_capitals(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        capitals(a) == capitals(b)
    }
}

/// The set of [`Lex::prefixes`]: each prefix's [`key_hash`] with its lowest
/// bit replaced by whether some name goes on past it, 8 bytes a prefix, in
/// one vector grouped in runs of the hashes that share their top
/// [`Prefixes::BITS`] bits, and where each run starts. (A hash map took 26
/// bytes a prefix: 320 KB of every reader's memory. A look-up here reads
/// the start and end of its run, a few entries long, and reads it through.)
#[derive(Debug, Default)]
pub struct Prefixes {
    entries: Vec<u64>,
    /// Where the run of each value of a hash's top bits starts in
    /// `entries`; one more at the end, the number of entries.
    runs: Vec<u32>,
}

impl Prefixes {
    /// The top bits that pick a run: some 4,000 runs for some 12,000 prefixes.
    const BITS: u32 = 12;

    /// The run of a hash: its top [`Prefixes::BITS`] bits.
    fn run_of(hash: u64) -> usize {
        (hash >> (64 - Self::BITS)) as usize
    }

    /// Room for `more` prefixes more, repeats counted.
    fn reserve(&mut self, more: usize) {
        self.entries.reserve(more);
    }

    /// Adds `lower` (a key prefix, in lower case); `goes_on`: a name goes
    /// on past it. ([`Prefixes::finish`] must follow the last one.)
    fn mark(&mut self, lower: &str, goes_on: bool) {
        self.entries.push(key_hash(lower) & !1 | u64::from(goes_on));
    }

    /// Groups the prefixes by run, merges the repeats of each (it goes on
    /// if any name goes on past it) and notes where each run starts. (A run
    /// is a few entries long and read whole, so it needs no order inside:
    /// no sort, whose code every reader would download.)
    fn finish(&mut self) {
        let runs = 1usize << Self::BITS;
        let (placed, starts) =
            crate::group::by_key(runs, self.entries.iter().map(|&e| (Self::run_of(e), e)));
        // Each run in order, its repeats merged, packed to the front.
        let mut kept: Vec<u64> = Vec::with_capacity(placed.len());
        let mut kept_starts = Vec::with_capacity(runs + 1);
        for r in 0..runs {
            kept_starts.push(u32::try_from(kept.len()).unwrap_or(u32::MAX));
            let from = kept.len();
            for &e in placed.get(starts[r]..starts[r + 1]).unwrap_or_default() {
                match kept[from..].iter_mut().find(|k| **k & !1 == e & !1) {
                    Some(k) => *k |= e & 1,
                    None => kept.push(e),
                }
            }
        }
        kept_starts.push(u32::try_from(kept.len()).unwrap_or(u32::MAX));
        kept.shrink_to_fit();
        self.entries = kept;
        self.runs = kept_starts;
    }

    /// `None` when no name starts with `lower` (a key in lower case), else
    /// whether some name goes on past it.
    pub fn get(&self, lower: &str) -> Option<bool> {
        let h = key_hash(lower) & !1;
        let run = Self::run_of(h);
        let (Some(&a), Some(&b)) = (self.runs.get(run), self.runs.get(run + 1)) else {
            return None;
        };
        self.entries
            .get(a as usize..b as usize)?
            .iter()
            .find(|&&e| e & !1 == h)
            .map(|&e| e & 1 == 1)
    }

    /// How many prefixes there are.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.entries.len()
    }
}

/// Sets the fact bit `bit` of word `w` in the facts table `t`.
fn add_fact(t: &mut StrMap<u32>, w: &str, bit: u32) {
    if let Some((bits, _)) = t.get_or_insert_with(w, || 0) {
        *bits |= bit;
    }
}

/// How many times the byte `b` occurs in `src`.
fn count_byte(src: &str, b: u8) -> usize {
    src.bytes().filter(|&c| c == b).count()
}

/// The lists, parsed on first use. A bad line makes every list empty rather
/// than panic at run time; the unit test below fails on it instead.
pub static LEX: LazyLock<Lex> = LazyLock::new(|| Lex::load().unwrap_or_default());

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn every_list_loads() {
        let lx = Lex::load().expect("a data file has a bad line");
        assert!(lx.names.len() > 5000 && lx.given.len() > 1000);
        assert!(lx.surnames_common.len() > 1000);
        assert!(!lx.titles.is_empty() && !lx.demonyms.is_empty() && !lx.affil.is_empty());
        assert!(!lx.common.is_empty() && !lx.nicknames.is_empty());
        let isis = lx.names.get("Daesh").copied();
        assert!(matches!(isis, Some(Named::Org(i)) if lx.canon(i) == "ISIS"));
        assert!(matches!(lx.names.get("Mosul"), Some(Named::Place(_))));
    }

    #[test]
    fn names_are_found_by_their_capitals() {
        let lx = Lex::load().expect("a data file has a bad line");
        // Each name in capitals finds a name of those capitals, itself
        // unless a later name had the same capitals.
        let mut n = 0;
        let mut distinct = std::collections::HashSet::new();
        for entry in lx.upper.entries() {
            let caps = capitals(lx.names.key(entry));
            let found = lx.upper_get(&caps);
            assert_eq!(found, lx.names.value(entry), "{caps:?}");
            distinct.insert(caps.into_owned());
            n += 1;
        }
        // Each name in holds capitals no other name in holds.
        assert_eq!(n, distinct.len());
        assert!(n > 5000);
        // Outside ASCII, Unicode's capitals; short names and common words
        // are not there, nor a name in its own case.
        assert_eq!(lx.upper_get("AYDIN"), Some(&Named::Place(b't')));
        assert!(lx.upper_get("MOSUL").is_some());
        assert_eq!(lx.upper_get("Mosul"), None);
        assert_eq!(lx.upper_get("US"), None);
        assert_eq!(lx.upper_get(""), None);
    }

    /// The first token of key `k`, as the tokenizer cuts it.
    fn first_token(k: &str) -> &str {
        let toks = tokenize(k);
        toks.first().map_or("", |t| &k[t.start()..t.end()])
    }

    #[test]
    fn every_key_opens_with_a_listed_opener() {
        // `Ctx::lexicon_at` skips a word missing from `openers`: that is
        // right only if every stored key starts with a listed token.
        let lx = Lex::load().expect("a data file has a bad line");
        for k in lx.names.keys().map(str::to_string).chain(lx.upper_keys()) {
            let first = first_token(&k);
            assert!(lx.is_opener(first), "{k:?} opens with {first:?}");
        }
        assert!(!lx.is_opener("the") && !lx.is_opener("said"));
        // The lower-case short list holds exactly the lower-case openers.
        for o in lx.openers.keys() {
            assert!(lx.is_opener(o), "{o:?}");
        }
        assert!(lx.lower_openers.len() < lx.openers.len() / 100);
        assert!(lx.lower_openers.iter().all(|o| lx.openers.contains_key(o)));
    }

    /// [`Lex::prefixes`] keeps hashes only. Every token prefix of every
    /// listed name must be in it, and no two of them may share a hash: a
    /// shared one would not give a wrong name (names are looked up exactly),
    /// but the table would no longer say which prefixes go on. And
    /// [`Lex::longest`], which bounds every search, must be the longest name.
    #[test]
    fn every_prefix_of_a_name_is_kept_and_no_two_share_a_hash() {
        let lx = Lex::load().expect("a data file has a bad line");
        // Every prefix of every key, lowered, and whether a name goes on past it.
        let mut want: std::collections::HashMap<String, bool> = std::collections::HashMap::new();
        let mut longest = 0;
        // (Capitals keys too: most lower to a name's own prefixes, a few,
        // `AYDIN` for `Aydın`, to prefixes of their own.)
        for k in lx.names.keys().map(str::to_string).chain(lx.upper_keys()) {
            let k = k.as_str();
            let toks = tokenize(k);
            longest = longest.max(toks.len());
            for n in 1..=toks.len() {
                *want.entry(key(k, &toks[..n]).to_lowercase()).or_default() |= n < toks.len();
            }
        }
        let mut hashes = std::collections::HashMap::new();
        for (p, goes_on) in &want {
            assert_eq!(lx.lowered_prefix(p), Some(*goes_on), "{p:?}");
            // (The set keeps a hash's top 63 bits: its lowest holds the flag.)
            if let Some(other) = hashes.insert(key_hash(p) & !1, p) {
                panic!("{other:?} and {p:?} share a hash");
            }
        }
        assert!(want.len() > 5000 && want.len() == lx.prefixes.len());
        assert!(want.values().any(|&g| g) && want.values().any(|&g| !g));
        // The bound of every name search is the longest name, exactly.
        assert_eq!(lx.longest, longest);
    }

    /// An opener's names survive their packing, with either flag set or
    /// not; an index too large for it reads as none rather than as another.
    #[test]
    fn an_opener_keeps_its_names_and_flags() {
        let names = [
            Named::Org(0),
            Named::Org((1 << 22) - 1),
            Named::Person(7),
            Named::Place(b'c'),
            Named::Place(u8::MAX),
        ];
        for (a, b) in names.iter().zip(names.iter().rev()) {
            for goes_on in [None, Some(false), Some(true)] {
                // Flags set after a name and before another leave the last.
                let mut o = Opener::default();
                o.set_single(*b);
                o.set_flags(goes_on);
                o.set_single(*a);
                assert_eq!(
                    (o.prefix(), o.longer(), o.single()),
                    (goes_on.is_some(), goes_on == Some(true), Some(*a))
                );
                o.set_flags(goes_on.map(|g| !g));
                assert_eq!(o.longer(), goes_on == Some(false));
                assert_eq!(o.single(), Some(*a));
            }
        }
        let mut too_large = Opener::default();
        too_large.set_single(Named::Org(1 << 22));
        assert_eq!(too_large.single(), None);
        assert_eq!(Opener::default().single(), None);
    }

    /// An opener's facts are settled while names are added, or worked out
    /// when asked for a word in capitals; they must be what the tables say
    /// of it once all are in. The openers in capitals are those of the
    /// names in capitals, and no other word in capitals opens a name.
    #[test]
    fn opener_facts_are_what_the_tables_say() {
        let lx = Lex::load().expect("a data file has a bad line");
        let in_capitals: std::collections::HashSet<String> = lx
            .upper_keys()
            .iter()
            .map(|k| first_token(k).to_string())
            .collect();
        let written = lx.openers.keys().map(str::to_string);
        let mut asked = 0;
        for o in written.chain(in_capitals.iter().cloned()) {
            let goes_on = with_lower(&o, |l| lx.lowered_prefix(l));
            let facts = lx
                .opener(&o)
                .unwrap_or_else(|| panic!("{o:?} opens no name"));
            let got = (facts.prefix(), facts.longer(), facts.single());
            let want = (
                goes_on.is_some(),
                goes_on == Some(true),
                lx.names.get(&o).copied(),
            );
            assert_eq!(got, want, "{o:?}");
            asked += 1;
        }
        assert!(asked > 10_000 && in_capitals.len() > 5000);
        assert!(in_capitals.contains("MOSUL") && in_capitals.contains("AYDIN"));
        // Words in capitals that open no listed name, as written or in
        // capitals (`US` is written so; short names have no capitals form).
        for w in ["SAID", "XYZZY", "MOSULX", "2017", "-", "É"] {
            assert!(lx.opener(w).is_none(), "{w:?}");
        }
        assert!(lx.opener("US").is_some() && lx.upper_get("US").is_none());
    }

    #[test]
    fn no_name_belongs_to_two_organisations() {
        let mut seen = std::collections::HashMap::new();
        for l in lines(ORGS) {
            let canon = l.split('|').next().unwrap_or_default();
            for f in l.split('|') {
                if let Some(prev) = seen.insert(f.trim().to_string(), canon) {
                    assert_eq!(prev, canon, "{f:?} names two organisations");
                }
            }
        }
    }

    #[test]
    fn keys_ignore_spacing_of_glued_punctuation() {
        let t = "al-Qaeda";
        assert_eq!(key(t, &tokenize(t)), "al-Qaeda");
        let t = "Department  of Defense";
        assert_eq!(key(t, &tokenize(t)), "Department of Defense");
        let t = "Washington , D.C.";
        assert_eq!(key(t, &tokenize(t)), "Washington,D.C.");
    }
}
