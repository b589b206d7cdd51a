//! The packed form of [`Annotations`] for the JavaScript edge: numbers in one
//! `u32` array and the strings in one string, a repeated string (nearly
//! always) once.
//!
//! Why: in the browser, `JSON.parse` of the result cost as much as a quarter
//! of an `annotate` call, and the JSON repeated the same words hundreds of
//! times (`"label"`, `"gazetteer"`, an entity key for each mention) and each
//! span's text, which JavaScript can slice from the text it already holds.
//! `www/lib/packed.js` builds the very objects the JSON gives from this form
//! (a test in `tests/e2e/packed.test.mjs` checks they are equal, key order
//! included), and a worker can hand the array to the page without copying it.
//!
//! Layout of the numbers (strings are indices into the table, whose entries
//! are given by their lengths in UTF-16 code units, JavaScript's unit;
//! [`NONE`] stands for a missing string):
//!
//! ```text
//! strings:  n, len_0 … len_{n-1}
//! header:   reference_date, reference_date_source (0 given, 1 inferred,
//!           2 none), reference_date_clue
//! spans:    n, then per span: label (0 actor … 4 quote), type, start, end,
//!           a bit per optional field present (in [`OPTIONAL`] order), then
//!           one string per present field
//! entities: n, then per entity: name, type, roles (n, strings),
//!           aliases (n, strings), mentions (n, span indices)
//! ```
//!
//! Offsets are whatever unit the spans hold (UTF-16 at the wasm edge).

use crate::model::{Annotations, EntityFields, Label, RefSource, Span};

/// A missing string.
pub const NONE: u32 = u32::MAX;

/// The optional span fields, in the order of the JSON and of the bits.
pub use crate::model::OPTIONAL_FIELDS as OPTIONAL;

/// The string table being built: strings in order of first use, a repeat
/// (nearly always) given the id of its first use.
///
/// Repeats are found by an open table without probing, not a hash map:
/// within an article most strings are new (a span's value, an entity's
/// key, a date's anchor: about 200,000 of the 280,000 strings of the bench
/// corpus's articles were new to their call), so a map's inserts and growth
/// cost more than the repeats they save, and in wasm its look-ups cost
/// several times a slot's. The table has four slots or more per span, so
/// few repeats lose their slot to another string; one that has is written
/// again (the result is the same, the string table a little longer).
struct Table {
    lengths: Vec<u32>,
    text: String,
    /// Where each string starts in `text` (it ends where the next starts).
    starts: Vec<u32>,
    /// The last `'static` string seen at each of a few slots, by address
    /// and length, with its id. Most strings asked for are the same few
    /// fixed words (a span's type, the rule that found it), each one
    /// `&'static str` at one address: those are answered here without
    /// hashing or comparing their bytes. Only `'static` strings go here:
    /// a window's spans are packed and dropped before the next window's
    /// are made, so another string may later sit at a dropped one's address.
    recent: [(usize, usize, u32); 64],
    /// The id of the last string added at each slot of its bytes' hash
    /// ([`NONE`]: none yet); a power of two long. It finds repeats held in
    /// different places: an entity's key on each of its mentions, a
    /// figure's hedge kind (`upper`).
    by_hash: Vec<u32>,
}

impl Table {
    /// A table for about `spans` spans' strings.
    fn new(spans: usize) -> Table {
        // Sized for an article's strings: about one and a half a span, of
        // some twenty bytes each (the bench corpus's articles), and four
        // slots a span. A longer text repeats far more of its strings (a
        // megabyte of news: 31,000 spans, 13,000 distinct strings), so it
        // starts at a window's size and grows with what it holds: sized by
        // its spans, the table of a megabyte took 1.8 MB where 0.6 MB is used.
        let spans = spans.min(MAX_START_SPANS);
        let strings = spans + spans / 2 + 16;
        let slots = spans.saturating_mul(4).max(256).next_power_of_two();
        Table {
            lengths: Vec::with_capacity(strings),
            text: String::with_capacity(strings * 20),
            starts: Vec::with_capacity(strings),
            // (Address 0 is no string's: an empty slot never matches.)
            recent: [(0, 0, 0); 64],
            by_hash: vec![NONE; slots],
        }
    }

    /// The slot of `s` among `slots` (a power of two): its hash's top bits,
    /// its well-mixed ones (see `key_hash`).
    fn slot_of(s: &str, slots: usize) -> usize {
        (crate::lexicon::key_hash(s) >> (64 - slots.trailing_zeros())) as usize
    }

    /// Doubles `by_hash` (it has [`MIN_SLOTS_PER_STRING`] slots a string
    /// left), each string entered again in the order it came (a slot keeps
    /// the last one, as it did); not past [`MAX_SLOTS`].
    #[cold]
    #[inline(never)]
    fn grow(&mut self) {
        if self.by_hash.len() >= MAX_SLOTS {
            return;
        }
        let slots = self.by_hash.len() * 2;
        let mut by_hash = vec![NONE; slots];
        for i in 0..self.starts.len() {
            let Ok(id) = u32::try_from(i) else { break };
            if let Some(s) = self.string(id)
                && let Some(x) = by_hash.get_mut(Table::slot_of(s, slots))
            {
                *x = id;
            }
        }
        self.by_hash = by_hash;
    }

    /// The id of a fixed word: one look-up by its address, most times.
    fn id_static(&mut self, s: &'static str) -> u32 {
        let addr = s.as_ptr() as usize;
        let slot = (addr >> 3 ^ s.len()) % self.recent.len();
        if let Some(&(a, n, i)) = self.recent.get(slot)
            && a == addr
            && n == s.len()
        {
            return i;
        }
        let i = self.id(s);
        if let Some(r) = self.recent.get_mut(slot) {
            *r = (addr, s.len(), i);
        }
        i
    }

    /// The id of a string that is fixed or not (`Cow::Borrowed` here is
    /// always `'static`).
    #[expect(
        clippy::ptr_arg,
        reason = "the variant is what is read: only a borrowed string is `'static`"
    )]
    fn id_cow(&mut self, s: &std::borrow::Cow<'static, str>) -> u32 {
        match s {
            std::borrow::Cow::Borrowed(b) => self.id_static(b),
            std::borrow::Cow::Owned(o) => self.id(o),
        }
    }

    /// Appends to `run` the count of `list`, then the id of each string.
    fn list<'s>(&mut self, run: &mut Vec<u32>, list: impl ExactSizeIterator<Item = &'s str>) {
        run.push(n(list.len()));
        for s in list {
            run.push(self.id(s));
        }
    }

    /// The id of any string: found again by its bytes' hash, or added.
    fn id(&mut self, s: &str) -> u32 {
        let slot = Table::slot_of(s, self.by_hash.len());
        if let Some(&i) = self.by_hash.get(slot)
            && i != NONE
            && self.string(i) == Some(s)
        {
            return i;
        }
        let i = u32::try_from(self.lengths.len()).unwrap_or(NONE);
        let units = if s.is_ascii() {
            s.len()
        } else {
            s.encode_utf16().count()
        };
        self.lengths
            .push(u32::try_from(units).unwrap_or(u32::MAX - 1));
        // Past 4 GiB of strings no start is kept, so the repeats of what
        // comes after are written again (`string` finds none of them).
        if let Ok(start) = u32::try_from(self.text.len()) {
            self.starts.push(start);
            if let Some(x) = self.by_hash.get_mut(slot) {
                *x = i;
            }
        }
        self.text.push_str(s);
        if self.starts.len() * MIN_SLOTS_PER_STRING == self.by_hash.len() {
            self.grow();
        }
        i
    }

    /// String `i` of the table, when its start and end are known. (Past
    /// 4 GiB no start is kept: the last string with one then ends where no
    /// start says, and the text's end is another string's.)
    fn string(&self, i: u32) -> Option<&str> {
        let i = i as usize;
        let a = *self.starts.get(i)? as usize;
        let b = match self.starts.get(i + 1) {
            Some(&b) => b as usize,
            None if i + 1 == self.lengths.len() => self.text.len(),
            None => return None,
        };
        self.text.get(a..b)
    }

    fn optional(&mut self, s: Option<&str>) -> u32 {
        s.map_or(NONE, |s| self.id(s))
    }
}

/// The most spans a table is first sized for: about a window's
/// ([`crate::text::WINDOW`], a span every 32 bytes); a longer text's table
/// grows as it fills.
const MAX_START_SPANS: usize = 2048;

/// The fewest slots of [`Table::by_hash`] a string, before it doubles:
/// an article's table has about 2.7 (four a span, 1.5 strings a span).
const MIN_SLOTS_PER_STRING: usize = 2;

/// The most slots [`Table::by_hash`] grows to (16 MB): a text of several
/// books, with over two million distinct strings, finds fewer of its
/// repeats past that (each is written again).
const MAX_SLOTS: usize = 1 << 22;

/// A number as a `u32`: offsets, counts and indices of a text the wasm
/// edge accepts (under 4 GiB) always fit; anything larger is clamped.
fn n(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

fn label_code(l: Label) -> u32 {
    match l {
        Label::Actor => 0,
        Label::Place => 1,
        Label::Date => 2,
        Label::Figure => 3,
        Label::Quote => 4,
    }
}

/// The packed form of one result, in runs of numbers: the string table's
/// count and lengths, which come first but are known only at the end, then
/// the header, each window's spans and the entities. (Kept apart so that
/// the wasm edge copies each run into one `Uint32Array` without joining
/// them in its own memory first, and so that no run grows past its need:
/// one vector grown to a long text's spans would double its capacity and
/// be copied as it grew.)
#[derive(Debug, Default)]
pub struct Packed {
    /// The string table's count, then the length of each string.
    pub head: Vec<u32>,
    /// The header, the spans and the entities, in runs that follow each
    /// other.
    pub body: Vec<Vec<u32>>,
    /// The strings, one after another.
    pub strings: String,
    /// How many spans it holds.
    pub spans: usize,
}

impl Packed {
    /// The numbers in one vector, and the strings.
    pub fn into_parts(self) -> (Vec<u32>, String) {
        let mut nums = self.head;
        nums.reserve_exact(self.body.iter().map(Vec::len).sum());
        for run in &self.body {
            nums.extend_from_slice(run);
        }
        (nums, self.strings)
    }
}

/// Packs a result as it comes: the header, then the spans a window at a
/// time (never all held at once, as the CLI's JSON is written), then the
/// entities. The spans' offsets are whatever unit they hold.
pub(crate) struct Packer {
    table: Table,
    /// The runs of [`Packed::body`] so far; the first is the header, once
    /// it is written.
    runs: Vec<Vec<u32>>,
    spans: usize,
}

/// Where in the header the number of spans goes, once it is known.
const COUNT_AT: usize = 3;

impl Packer {
    /// A packer sized for about `spans` spans.
    pub(crate) fn new(spans: usize) -> Packer {
        Packer {
            table: Table::new(spans),
            runs: Vec::new(),
            spans: 0,
        }
    }

    /// The reference date and its source (`found`'s spans and entities are
    /// not read); before any span.
    pub(crate) fn head(&mut self, found: &Annotations) {
        let date = self.table.optional(found.reference_date.as_deref());
        let source = match found.reference_date_source {
            RefSource::Given => 0,
            RefSource::Inferred => 1,
            RefSource::None => 2,
        };
        let clue = self.table.optional(found.reference_date_clue.as_deref());
        // The last number is the count of spans (`COUNT_AT`).
        self.runs.push(vec![date, source, clue, 0]);
    }

    /// The next spans, in text order: a run of their own.
    pub(crate) fn spans(&mut self, spans: &[Span]) {
        self.spans += spans.len();
        // Room for what a span takes in the bench corpus (8.6 numbers),
        // the rest given back below: a long text holds every run.
        let mut run = Vec::with_capacity(spans.len() * 9);
        for s in spans {
            run.push(label_code(s.label));
            run.push(self.table.id_cow(&s.kind));
            run.push(n(s.start));
            run.push(n(s.end));
            let fields = s.optional_fields();
            let mask = fields
                .iter()
                .enumerate()
                .filter(|(_, f)| f.is_some())
                .fold(0u32, |m, (b, _)| m | 1 << b);
            run.push(mask);
            // The last field is the rule (`why`, `model::OPTIONAL_FIELDS`),
            // nearly always a fixed word: found by its address.
            let (others, _why) = fields.split_at(fields.len() - 1);
            for f in others.iter().flatten() {
                run.push(self.table.id(f));
            }
            if let Some(w) = &s.why {
                run.push(self.table.id_cow(w));
            }
        }
        run.shrink_to_fit();
        self.runs.push(run);
    }

    /// The entities, last; the packed result.
    pub(crate) fn finish<E: EntityFields>(
        mut self,
        entities: impl IntoIterator<Item = E, IntoIter: ExactSizeIterator + Clone>,
    ) -> Packed {
        let entities = entities.into_iter();
        // (A result always has its header; a packer never given one gets
        // that of no reference date.)
        if self.runs.is_empty() {
            self.head(&Annotations::default());
        }
        if let Some(c) = self.runs.first_mut().and_then(|h| h.get_mut(COUNT_AT)) {
            *c = n(self.spans);
        }
        let size = 1 + entities
            .clone()
            .map(|e| 5 + e.roles().len() + e.aliases().len() + e.mentions().len())
            .sum::<usize>();
        let mut run = Vec::with_capacity(size);
        run.push(n(entities.len()));
        for e in entities {
            run.push(self.table.id(e.name()));
            run.push(self.table.id_cow(e.kind()));
            self.table.list(&mut run, e.roles());
            self.table.list(&mut run, e.aliases());
            run.push(n(e.mentions().len()));
            run.extend(e.mentions().iter().map(|&m| n(m)));
        }
        self.runs.push(run);
        let mut head = Vec::with_capacity(1 + self.table.lengths.len());
        head.push(n(self.table.lengths.len()));
        head.extend_from_slice(&self.table.lengths);
        Packed {
            head,
            body: self.runs,
            strings: self.table.text,
            spans: self.spans,
        }
    }
}

impl Annotations {
    /// The packed form (see the module's documentation): the numbers and the
    /// string table.
    pub fn to_packed(&self) -> (Vec<u32>, String) {
        let mut p = Packer::new(self.spans.len() + self.entities.len());
        p.head(self);
        p.spans(&self.spans);
        p.finish(&self.entities).into_parts()
    }
}

#[cfg(test)]
mod tests {
    use crate::{Options, annotate};

    /// What `www/lib/packed.js` does, in Rust: the JSON value the packed
    /// form stands for, given the text (spans' texts are sliced from it).
    fn unpack(text: &str, nums: &[u32], strs: &str) -> serde_json::Value {
        unpack_in(text, nums, strs, crate::offsets::Unit::Utf8)
    }

    /// [`unpack`] of a result whose offsets are in `unit`.
    fn unpack_in(
        text: &str,
        nums: &[u32],
        strs: &str,
        unit: crate::offsets::Unit,
    ) -> serde_json::Value {
        use crate::offsets::Unit;
        use serde_json::{Map, Value, json};
        // The byte at each offset of `unit`.
        let mut byte_at = Vec::new();
        for (b, c) in text.char_indices() {
            let units = match unit {
                Unit::Utf8 => c.len_utf8(),
                Unit::Utf16 => c.len_utf16(),
                Unit::Codepoint => 1,
            };
            byte_at.extend(std::iter::repeat_n(b, units));
        }
        byte_at.push(text.len());
        let mut it = nums.iter().copied();
        let mut next = || it.next().expect("packed form too short");
        let units: Vec<u16> = strs.encode_utf16().collect();
        let mut dict = Vec::new();
        let mut at = 0usize;
        for _ in 0..next() {
            let len = next() as usize;
            dict.push(String::from_utf16(&units[at..at + len]).expect("whole characters"));
            at += len;
        }
        let s = |k: u32| -> Value {
            if k == super::NONE {
                Value::Null
            } else {
                json!(dict[k as usize])
            }
        };
        let mut top = Map::new();
        top.insert("reference_date".into(), s(next()));
        let source = ["given", "inferred", "none"][next() as usize];
        top.insert("reference_date_source".into(), json!(source));
        top.insert("reference_date_clue".into(), s(next()));
        let labels = ["actor", "place", "date", "figure", "quote"];
        let mut spans = Vec::new();
        for _ in 0..next() {
            let mut o = Map::new();
            o.insert("label".into(), json!(labels[next() as usize]));
            o.insert("type".into(), s(next()));
            let (start, end) = (next() as usize, next() as usize);
            o.insert("start".into(), json!(start));
            o.insert("end".into(), json!(end));
            o.insert("text".into(), json!(&text[byte_at[start]..byte_at[end]]));
            let mask = next();
            for (b, name) in super::OPTIONAL.iter().enumerate() {
                if mask & 1 << b != 0 {
                    o.insert((*name).into(), s(next()));
                }
            }
            spans.push(Value::Object(o));
        }
        top.insert("spans".into(), Value::Array(spans));
        let mut entities = Vec::new();
        for _ in 0..next() {
            let mut o = Map::new();
            o.insert("name".into(), s(next()));
            o.insert("type".into(), s(next()));
            for key in ["roles", "aliases"] {
                let list: Vec<Value> = (0..next()).map(|_| s(next())).collect();
                o.insert(key.into(), Value::Array(list));
            }
            let mentions: Vec<Value> = (0..next()).map(|_| json!(next())).collect();
            o.insert("mentions".into(), Value::Array(mentions));
            entities.push(Value::Object(o));
        }
        top.insert("entities".into(), Value::Array(entities));
        Value::Object(top)
    }

    /// The string table holds the strings of a long text with few repeats:
    /// an entity's key, asked for by each of its mentions, and the fixed
    /// words of every span are found again rather than written again.
    #[test]
    fn repeated_strings_are_mostly_written_once() {
        let text = crate::seed_texts().join("\n\n").repeat(4);
        let found = annotate(&text, &Options::default());
        let (nums, strs) = found.to_packed();
        // Every string the packed form refers to, once each.
        let mut distinct = std::collections::HashSet::new();
        for s in &found.spans {
            distinct.insert(&*s.kind);
            distinct.extend(s.optional_fields().into_iter().flatten());
        }
        for e in &found.entities {
            distinct.insert(&e.name);
            distinct.insert(&e.kind);
            distinct.extend(e.roles.iter().chain(&e.aliases).map(|x| x.as_str()));
        }
        distinct.extend(found.reference_date.as_deref());
        distinct.extend(found.reference_date_clue.as_deref());
        let written = nums[0] as usize;
        let bytes: usize = distinct.iter().map(|s| s.len()).sum();
        assert!(written >= distinct.len(), "{written} < {}", distinct.len());
        // With four slots or more per span, few repeats lose their slot.
        assert!(
            written * 10 <= distinct.len() * 11,
            "{written} strings written for {} distinct",
            distinct.len()
        );
        assert!(
            strs.len() * 10 <= bytes * 11,
            "{} bytes for {bytes}",
            strs.len()
        );
    }

    /// A long text's table, first sized for a window, grows as its strings
    /// come: each id names its string, the slots stay two or more a string,
    /// and most strings asked for again are found rather than written again.
    #[test]
    fn a_long_texts_table_grows_and_finds_its_strings() {
        // The spans of a text of some 32 MB.
        let mut t = super::Table::new(1_000_000);
        assert!(t.by_hash.len() <= 4 * super::MAX_START_SPANS);
        let words: Vec<String> = (0..50_000).map(|i| format!("entity {i}")).collect();
        let ids: Vec<u32> = words.iter().map(|w| t.id(w)).collect();
        assert_eq!(t.lengths.len(), words.len());
        assert!(
            t.by_hash.len() >= 2 * words.len(),
            "{} slots",
            t.by_hash.len()
        );
        for (w, &i) in words.iter().zip(&ids) {
            assert_eq!(t.string(i), Some(w.as_str()));
        }
        let found = words
            .iter()
            .filter(|w| {
                let before = t.lengths.len();
                let i = t.id(w);
                assert_eq!(t.string(i), Some(w.as_str()));
                t.lengths.len() == before
            })
            .count();
        // (With 2.6 slots a string, 74 % are found here: a string written
        // again takes another's slot.)
        assert!(
            found * 10 >= words.len() * 6,
            "{found} of {} found",
            words.len()
        );
    }

    /// A text of several windows, packed a window at a time by
    /// `annotate_packed`, holds what the JSON of the whole result holds,
    /// in each unit of offsets.
    #[test]
    fn a_long_text_packed_as_it_is_read_holds_the_whole_result() {
        use crate::offsets::Unit;
        // Non-ASCII before and across the windows' cuts, so that each
        // window's offsets are converted from where it starts.
        let text = crate::seed_texts()
            .join("\n\nZoë said “yes” in Zürich on Monday.\n\n")
            .repeat(14);
        assert!(text.len() > 3 * crate::text::WINDOW);
        let opts = Options {
            reference_date: Some("2017-02-21".to_string()),
            ..Options::default()
        };
        let whole = annotate(&text, &opts);
        let (nums, strs) = crate::annotate_packed(&text, &opts, Unit::Utf8).into_parts();
        let json: serde_json::Value = serde_json::from_str(&whole.to_json()).expect("valid JSON");
        assert_eq!(unpack(&text, &nums, &strs), json);
        for unit in [Unit::Utf16, Unit::Codepoint] {
            let mut want = whole.clone();
            want.convert_offsets(&text, unit);
            let json: serde_json::Value =
                serde_json::from_str(&want.to_json()).expect("valid JSON");
            let (nums, strs) = crate::annotate_packed(&text, &opts, unit).into_parts();
            assert_eq!(unpack_in(&text, &nums, &strs, unit), json, "{unit:?}");
        }
    }

    /// Any text packed in windows small enough that cuts fall inside
    /// names, numbers and characters, many runs to a text, holds what the
    /// JSON of the same windows' result holds, in each unit of offsets.
    #[cfg(not(target_arch = "wasm32"))]
    mod windows {
        use super::{Options, unpack_in};
        use crate::offsets::Unit;
        use proptest::prelude::*;

        /// Pieces of the seed articles, cut anywhere (at a character's
        /// start), joined by blank lines or by characters outside ASCII.
        fn text() -> impl Strategy<Value = String> {
            let piece = (0usize..5, any::<prop::sample::Index>(), 0usize..600);
            let glue = prop_oneof![
                Just("\n\n"),
                Just(" "),
                Just(" “Zoë” 🙂 "),
                Just("e\u{301} "),
            ];
            let seeds = crate::seed_texts();
            prop::collection::vec((piece, glue), 0..6).prop_map(move |parts| {
                let mut out = String::new();
                for ((seed, at, len), glue) in parts {
                    let t = seeds
                        .get(seed % seeds.len().max(1))
                        .map_or("", String::as_str);
                    let floor = |mut i: usize| {
                        while !t.is_char_boundary(i) {
                            i -= 1;
                        }
                        i
                    };
                    let a = floor(at.index(t.len().max(1)).min(t.len()));
                    let b = floor((a + len).min(t.len()));
                    out.push_str(&t[a..b]);
                    out.push_str(glue);
                }
                out
            })
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(128))]
            #[test]
            fn packed_in_windows_holds_the_json(
                text in text(),
                window in 16usize..400,
                lenses in any::<u8>(),
                threads in 0usize..3,
                dated in any::<bool>(),
            ) {
                let opts = Options {
                    reference_date: dated.then(|| "2017-02-21".to_string()),
                    lenses: crate::Lenses {
                        actors: lenses & 1 != 0,
                        places: lenses & 2 != 0,
                        dates: lenses & 4 != 0,
                        figures: lenses & 8 != 0,
                        quotes: lenses & 16 != 0,
                    },
                    threads,
                    ..Options::default()
                };
                let whole = crate::annotate_in_windows(&text, &opts, window);
                for unit in [Unit::Utf8, Unit::Utf16, Unit::Codepoint] {
                    let mut want = whole.clone();
                    want.convert_offsets(&text, unit);
                    let want: serde_json::Value =
                        serde_json::from_str(&want.to_json()).expect("valid JSON");
                    let packed = crate::annotate_packed_in_windows(&text, &opts, unit, window);
                    let (nums, strs) = packed.into_parts();
                    prop_assert_eq!(unpack_in(&text, &nums, &strs, unit), want);
                }
            }
        }
    }

    /// The rule (`why`) is the last optional field: `Packer::spans` finds
    /// it by its address for that reason.
    #[test]
    fn the_rule_is_the_last_optional_field() {
        assert_eq!(super::OPTIONAL.last(), Some(&"why"));
    }

    #[test]
    fn packed_form_holds_what_the_json_holds() {
        let mut texts = vec![
            String::new(),
            "On Monday, US defence secretary James Mattis said “up to 750,000 civilians” \
             remain in Mosul, Iraq. Mattis met ISIS’s foes."
                .to_string(),
        ];
        texts.extend(crate::seed_texts());
        for (i, text) in texts.iter().enumerate() {
            // With and without a given date: the header's strings go both ways.
            let date = (i % 2 == 0).then(|| "2017-02-21".to_string());
            let opts = Options {
                reference_date: date,
                ..Options::default()
            };
            let found = annotate(text, &opts);
            let json: serde_json::Value =
                serde_json::from_str(&found.to_json()).expect("valid JSON");
            let (nums, strs) = found.to_packed();
            assert_eq!(unpack(text, &nums, &strs), json, "text {i}");
        }
    }
}
