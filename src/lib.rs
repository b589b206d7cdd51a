//! # newslens
//!
//! Marks what a news article is about: its **actors** (who), **places**
//! (where), **dates** (when, resolved to calendar dates against the article's
//! date), **figures** (how many, with their hedges) and **quotes** (who said
//! what). The rules for each highlight are those of `ANNOTATION.md`.
//!
//! There is one entry point, [`annotate`], and one span type, [`Span`]:
//!
//! ```
//! use newslens::{annotate, Options, Label};
//!
//! let text = "Iraqi forces advanced on Mosul on Monday, and up to 750,000 civilians remain.";
//! let opts = Options { reference_date: Some("2017-02-21".into()), ..Options::default() };
//! let found = annotate(text, &opts);
//! let date = found.spans.iter().find(|s| s.label == Label::Date).unwrap();
//! assert_eq!(&text[date.start..date.end], "Monday");
//! assert_eq!(date.value.as_deref(), Some("2017-02-20"));
//! ```
//!
//! Offsets are byte ranges into the text; [`offsets`] converts them to UTF-16
//! (for JavaScript) or code points (for Python) at the edges. Annotation is
//! total (any `&str`, never a panic), deterministic and linear in the text.
#![deny(unsafe_code)]

pub mod actors;
pub mod calendar;
pub mod dates;
pub mod figures;
pub mod lexicon;
pub mod model;
pub mod packed;
pub mod quotes;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use model::{Annotations, Entity, Label, Lenses, Options, RefSource, Span};
pub use text::offsets;

/// The crate version, shown by the CLI and the page.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Annotates `text`: every lens that `options` asks for, the entities, and the
/// reference date used. Total, deterministic and linear in `text.len()`.
///
/// A text longer than [`text::WINDOW`] (far longer than any article) is read
/// in windows cut at paragraph breaks, so its memory grows with what is found
/// rather than with the tables built per token. The whole text still gives
/// the reference date, and a window's names read as they would in the text
/// up to its end read whole. What a cut loses is a quote or a pattern that
/// spans it (a cut falls inside a paragraph only when no line break is
/// near), a date anchored on one just before it (`the next day`), and a
/// name said in short before it is said in full in a later window.
pub fn annotate(text: &str, options: &Options) -> Annotations {
    annotate_in_windows(text, options, text::WINDOW)
}

/// A short news paragraph of our own (no seed's text) that reaches every
/// lens and most kinds of each: a dateline, a full date, relative and
/// partial dates, hedged figures of several kinds, a quote with its
/// speaker, organisations and their acronyms, places and a titled person.
const WARM_UP: &str = "NAIROBI, Kenya (AP) \u{2014} On Tuesday, 4 March 2025, the World Health \
Organization said as many as 1,200 people had fallen ill in the northern province since last \
week, up from about 300 in January.\n\u{201C}We expect up to 40 percent more cases by the end \
of the month,\u{201D} Dr. Maria Lopez, a senior WHO official, told reporters in Geneva. The \
ministry spent $2.5 million on new clinics three days ago, and nearly two dozen nurses arrived \
from Uganda on Friday.";

/// Annotates a built-in paragraph once, as the page does before it says it
/// is ready, and returns how many spans it found.
///
/// Why: the first call parses every word list, and in the browser the first
/// run of each function is also compiled then. A paragraph that reaches
/// every lens takes those costs before a reader opens an article, so the
/// first article highlights as fast as the next (DESIGN.md, "Opening an
/// article in the page"). It goes through the page's own path: UTF-16
/// offsets and the packed form.
pub fn warm_up() -> usize {
    let mut found = warm_up_annotations();
    found.convert_offsets(WARM_UP, offsets::Unit::Utf16);
    let _ = found.to_packed();
    found.spans.len()
}

/// What [`annotate`] finds in the warm-up paragraph (its dates read from
/// two days after its own).
fn warm_up_annotations() -> Annotations {
    let options = Options {
        reference_date: Some("2025-03-06".to_string()),
        ..Options::default()
    };
    annotate(WARM_UP, &options)
}

/// [`annotate`] with windows of at most `window` bytes (tests use small ones).
#[doc(hidden)]
pub fn annotate_in_windows(text: &str, options: &Options, window: usize) -> Annotations {
    /// Keeps every span.
    struct Keep(Vec<Span>);
    impl Sink for Keep {
        fn spans(&mut self, found: Vec<Span>) -> std::io::Result<()> {
            if self.0.is_empty() {
                self.0 = found;
            } else {
                self.0.extend(found);
            }
            Ok(())
        }
    }
    let mut keep = Keep(Vec::new());
    // (Keeping spans in memory never fails.)
    let found = annotate_into(text, options, window, &mut keep).unwrap_or_default();
    Annotations {
        spans: keep.0,
        ..found
    }
}

/// Annotates `text` as [`annotate`] does and writes the JSON of
/// [`Annotations::write_json`] to `w`, with offsets in `unit`, as it goes:
/// the spans of a long text are written a window at a time and never all
/// held, so memory stays a few times the text (the CLI's way).
pub fn annotate_to_json(
    text: &str,
    options: &Options,
    unit: offsets::Unit,
    doc: Option<&str>,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    struct Json<'w, 't> {
        out: model::JsonOut<'w>,
        doc: Option<&'w str>,
        to: offsets::Converter<'t>,
    }
    impl Sink for Json<'_, '_> {
        fn head(&mut self, found: &Annotations) -> std::io::Result<()> {
            self.out.head(found, self.doc);
            Ok(())
        }
        fn spans(&mut self, mut found: Vec<Span>) -> std::io::Result<()> {
            model::convert_span_offsets(&mut found, &self.to);
            self.out.spans(&found)
        }
    }
    let mut json = Json {
        out: model::JsonOut::to(w),
        doc,
        to: offsets::Converter::new(text, unit),
    };
    let found = annotate_into(text, options, text::WINDOW, &mut json)?;
    json.out.finish(&found.entities).map(drop)
}

/// Where [`annotate_into`] hands what it finds.
trait Sink {
    /// The reference date (in `found`, whose spans and entities are empty),
    /// before any span.
    fn head(&mut self, found: &Annotations) -> std::io::Result<()> {
        let _ = found;
        Ok(())
    }
    /// The next spans in text order, with offsets into the whole text.
    fn spans(&mut self, found: Vec<Span>) -> std::io::Result<()>;
}

/// Annotates `text` in windows of at most `window` bytes, handing the spans
/// to `sink` a window at a time; returns the reference date and the
/// entities (the spans left empty).
fn annotate_into(
    text: &str,
    options: &Options,
    window: usize,
    sink: &mut dyn Sink,
) -> std::io::Result<Annotations> {
    let windows = text::windows(text, window);
    let mut found = Annotations::default();
    let mut entities = Entities::default();
    // What is done with each window's spans, in text order.
    let mut take = |k: usize, (offset, mut spans): (usize, Vec<Span>), used: &dates::Reference| {
        if k == 0 {
            found.reference_date = used.date.map(|d| d.to_string());
            found.reference_date_source = used.source;
            found.reference_date_clue = used.clue.clone();
            sink.head(&found)?;
        }
        for s in &mut spans {
            s.start += offset;
            s.end += offset;
        }
        entities.add(&spans);
        sink.spans(spans)
    };
    // A text of one window is read as it always was; a longer one has its
    // reference date read from the whole first, and carries its names.
    if let [(offset, one)] = windows.as_slice() {
        let (spans, used) = annotate_window(one, options, None, None);
        take(0, (*offset, spans), &used)?;
    } else {
        let mut k = 0;
        read_windows(&windows, options, &mut |read| {
            for (offset, (spans, used)) in read {
                take(k, (offset, spans), &used)?;
                k += 1;
            }
            Ok(())
        })?;
    }
    found.entities = entities.list;
    Ok(found)
}

/// The spans of every lens `options` asks for in `text` (a whole text, or a
/// window of one with its `reference` date read and its names' `carry`), in
/// text order, and the reference date used.
fn annotate_window<'a>(
    text: &'a str,
    options: &Options,
    reference: Option<&dates::Reference>,
    carry: Option<&mut actors::Carry<'a>>,
) -> (Vec<Span>, dates::Reference) {
    let doc = text::Doc::new(text);
    let dated = dates::find_in(&doc, options, reference);
    let mut names = start_names(&doc, options, &dated.spans);
    if let Some(n) = &mut names {
        n.resolve(carry);
    }
    let (spans, quotes) = finish_window(&doc, options, dated.spans, names);
    // The tokens are no longer needed: freed before the spans are copied
    // into text order, the two largest tables are not held at once.
    drop(doc);
    (in_text_order(spans, quotes), dated.reference)
}

/// The names of `doc` up to their resolution ([`actors::start`]), when a
/// lens of `options` needs them; `dates` are the spans found before.
fn start_names<'d, 'a>(
    doc: &'d text::Doc<'a>,
    options: &Options,
    dates: &[Span],
) -> Option<actors::Pending<'d, 'a>> {
    // Actors and places come from one recognizer: `Jordan` or `Washington`
    // is decided by context, in one place. Figures and quotes need the names
    // too (a name is no figure; a quote's speaker is one).
    let need_names = options.lenses.actors
        || options.lenses.places
        || options.lenses.figures
        || options.lenses.quotes;
    need_names.then(|| actors::start(doc, dates))
}

/// What follows the names' resolution in one window: the names' spans,
/// figures and quotes. Returns the spans `options` ask for (dates, names,
/// figures; sorted, not overlapping) and the quotes.
fn finish_window(
    doc: &text::Doc,
    options: &Options,
    dates: Vec<Span>,
    names: Option<actors::Pending>,
) -> (Vec<Span>, Vec<Span>) {
    // Dates run first and always: they own the numbers inside dates, which
    // must never become figures even when the Dates lens is switched off.
    let mut taken = dates;
    if let Some(n) = names {
        taken = merge(taken, n.finish());
    }
    if options.lenses.figures {
        let figs = figures::find(doc, &taken);
        taken = merge(taken, figs);
    }
    let quotes = if options.lenses.quotes {
        quotes::find(doc, &taken)
    } else {
        Vec::new()
    };
    taken.retain(|s| options.lenses.wants(s.label));
    (taken, quotes)
}

/// What [`read_windows`] hands on: windows' offsets, spans and reference
/// dates, in text order.
type Read = Vec<(usize, (Vec<Span>, dates::Reference))>;

/// Reads the `windows` (more than one) of a long text, its reference date
/// from the whole and its names carried from window to window, and hands
/// what each finds to `each`, in text order, a few windows at a time; stops
/// at the first error `each` returns. With more than one thread, the
/// windows are read on other threads while `each` writes out those before.
fn read_windows(
    windows: &[(usize, &str)],
    options: &Options,
    each: &mut dyn FnMut(Read) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let reference = dates::read_reference(windows, options);
    let mut carry = actors::Carry::default();
    let threads = threads(options, windows.len());
    let mut batches = windows.chunks(threads).map(move |batch| {
        let offsets = batch.iter().map(|&(offset, _)| offset);
        // (Wasm has no threads: the code that starts them is left out of
        // the page's download.)
        #[cfg(not(target_arch = "wasm32"))]
        if threads > 1 {
            let read = annotate_windows_at_once(batch, options, &reference, &mut carry, threads);
            return offsets.zip(read).collect::<Read>();
        }
        let read = batch
            .iter()
            .map(|&(_, w)| annotate_window(w, options, Some(&reference), Some(&mut carry)));
        offsets.zip(read).collect()
    });
    #[cfg(not(target_arch = "wasm32"))]
    if threads > 1 {
        return read_ahead(batches, each);
    }
    batches.try_for_each(each)
}

#[cfg(not(target_arch = "wasm32"))]
/// Hands each of `batches` to `each`, reading the next batch on another
/// thread meanwhile (or on this one, when the system refuses a thread).
fn read_ahead<I: Iterator<Item = Read> + Send>(
    mut batches: I,
    each: &mut dyn FnMut(Read) -> std::io::Result<()>,
) -> std::io::Result<()> {
    std::thread::scope(|s| {
        // One batch read ahead at most: memory stays that of a few windows.
        let (tx, rx) = std::sync::mpsc::sync_channel::<Read>(1);
        // The batches go to the reader once it runs, so that they are still
        // here to be read on this thread if the system refuses a thread.
        let (give, got) = std::sync::mpsc::sync_channel::<I>(1);
        let reader = std::thread::Builder::new().spawn_scoped(s, move || {
            if let Ok(mut batches) = got.recv() {
                // (A send fails only once `each` has failed and stopped
                // taking batches.)
                let _ = batches.try_for_each(|read| tx.send(read));
            }
        });
        if reader.is_err() {
            return batches.try_for_each(each);
        }
        // (The reader waits for just this; if it is gone, read here.)
        if let Err(std::sync::mpsc::SendError(mut back)) = give.send(batches) {
            return back.try_for_each(each);
        }
        // Ends when the reader is done (its sender dropped) or on an error,
        // which drops `rx` so the reader stops after its batch.
        rx.iter().try_for_each(each)
    })
}

/// How many windows of a long text are read at the same time: what
/// `options` say, else one per core the machine gives this process, at
/// most [`MAX_THREADS`]; never more than there are windows. One in wasm,
/// which has no threads.
fn threads(options: &Options, windows: usize) -> usize {
    if cfg!(target_arch = "wasm32") {
        return 1;
    }
    let wanted = match options.threads {
        0 => std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        n => n,
    };
    wanted.clamp(1, MAX_THREADS).min(windows.max(1))
}

/// The most windows read at once. Each holds its tables (about 40 bytes a
/// byte of text, see `tests/scaling.rs`), so more would cost memory for
/// little: the part done one window at a time caps the gain.
const MAX_THREADS: usize = 8;

#[cfg(not(target_arch = "wasm32"))]
/// [`annotate_window`] for each of `batch`, the windows read on up to
/// `threads` threads at once. Only the names' resolution, which reads what
/// the windows before said ([`actors::Carry`]), runs one window at a time,
/// in text order, so the spans are those of one window after another.
fn annotate_windows_at_once<'a>(
    batch: &[(usize, &'a str)],
    options: &Options,
    reference: &dates::Reference,
    carry: &mut actors::Carry<'a>,
    threads: usize,
) -> Vec<(Vec<Span>, dates::Reference)> {
    let read: Vec<(text::Doc<'a>, dates::Dated)> = par_map(batch.to_vec(), threads, |(_, w)| {
        let doc = text::Doc::new(w);
        let dated = dates::find_in(&doc, options, Some(reference));
        (doc, dated)
    });
    let (docs, dated): (Vec<_>, Vec<_>) = read.into_iter().unzip();
    let mut names = par_map(docs.iter().zip(&dated).collect(), threads, |(doc, d)| {
        start_names(doc, options, &d.spans)
    });
    for n in names.iter_mut().flatten() {
        n.resolve(Some(carry));
    }
    let work: Vec<_> = docs.iter().zip(dated).zip(names).collect();
    par_map(work, threads, |((doc, d), n)| {
        let (spans, quotes) = finish_window(doc, options, d.spans, n);
        (in_text_order(spans, quotes), d.reference)
    })
}

#[cfg(not(target_arch = "wasm32"))]
/// `f` of each of `items`, in their order, computed on up to `threads`
/// threads (this one among them). Each thread takes the next item left, so
/// a slow item does not hold up the others. A thread the system refuses
/// leaves its share to the rest.
fn par_map<T: Send, R: Send>(items: Vec<T>, threads: usize, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    use std::sync::{Mutex, PoisonError};
    let n = items.len();
    let queue = Mutex::new(items.into_iter().enumerate());
    let work = || {
        let mut done = Vec::new();
        loop {
            // The lock is let go before the item is read (a guard in a
            // `while let` would be held through the loop's body). No code
            // that can panic runs under it, so a poisoned lock still holds a
            // sound queue.
            let next = queue.lock().unwrap_or_else(PoisonError::into_inner).next();
            let Some((i, item)) = next else {
                return done;
            };
            done.push((i, f(item)));
        }
    };
    let mut all = std::thread::scope(|s| {
        let helpers: Vec<_> = (1..threads.min(n))
            .filter_map(|_| std::thread::Builder::new().spawn_scoped(s, work).ok())
            .collect();
        let mut all = work();
        for h in helpers {
            // A helper panics only where this thread would have: the same.
            all.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        all
    });
    all.sort_unstable_by_key(|&(i, _)| i);
    all.into_iter().map(|(_, r)| r).collect()
}

/// Adds `new` spans to `kept` where they do not overlap any kept span.
///
/// This is the one place where lenses' conflicts are resolved: earlier lenses
/// win (dates, then names, then figures), and within one call a lens has
/// already chosen among its own candidates.
// A stage of its own in profiles (callgrind), so its cost can be read.
#[inline(never)]
fn merge(mut kept: Vec<Span>, mut new: Vec<Span>) -> Vec<Span> {
    // Both usually come sorted: checking is cheaper than sorting, which
    // allocates a scratch buffer of half the spans even for sorted input.
    if !kept.is_sorted_by_key(|s| s.start) {
        kept.sort_by_key(|s| s.start);
    }
    // Sorted by start (longer first), the accepted new spans stay sorted by
    // end too, so checking the last one accepted is enough.
    let by_start_longer_first = |a: &Span, b: &Span| a.start.cmp(&b.start).then(b.end.cmp(&a.end));
    if !new.is_sorted_by(|a, b| by_start_longer_first(a, b).is_le()) {
        new.sort_by(by_start_longer_first);
    }
    // The last two accepted, latest first.
    let mut recent: [Option<usize>; 2] = [None, None];
    let mut keep = Vec::with_capacity(new.len());
    let mut i = 0;
    for (j, s) in new.iter().enumerate() {
        // Kept spans never overlap one another, so only the one starting
        // before `s.end` closest to it (and its predecessor) can collide.
        i = kept_before(&kept, s.end, i);
        let ok = s.start < s.end
            && !kept[..i].iter().rev().take(2).any(|k| k.overlaps(s))
            && !recent
                .iter()
                .flatten()
                .any(|&r| new.get(r).is_some_and(|a| a.overlaps(s)));
        if ok {
            recent = [Some(j), recent[0]];
        }
        keep.push(ok);
    }
    let mut flags = keep.into_iter();
    new.retain(|_| flags.next() == Some(true));
    // Both lists are sorted by start (on equal starts the kept span first).
    merge_sorted(kept, new, |k, s| k.start <= s.start)
}

/// How many of `kept` (sorted by start) start before `end`, that is
/// `kept.partition_point(|k| k.start < end)`. New spans come in order of
/// start, so the answer is usually the one for the previous span (`near`) or
/// the next index; those two are tried first, then a binary search.
fn kept_before(kept: &[Span], end: usize, near: usize) -> usize {
    let starts_before = |j: usize| kept.get(j).is_some_and(|k| k.start < end);
    // `p` is the answer when the span before it starts before `end` and
    // span `p` (if any) does not.
    let is_answer =
        |p: usize| p <= kept.len() && (p == 0 || starts_before(p - 1)) && !starts_before(p);
    (near..near + 2)
        .find(|&p| is_answer(p))
        .unwrap_or_else(|| kept.partition_point(|k| k.start < end))
}

/// The spans of `a` and `b` as one list in text order: by start, then
/// longer first, then by lens; on equal keys `a`'s span first. That is a
/// stable sort of `a` followed by `b`, but both come sorted (the merged
/// lenses' spans, and the quotes, which never overlap one another), so they
/// are merged instead, each span moved once.
// A stage of its own in profiles (callgrind), so its cost can be read.
#[inline(never)]
fn in_text_order(mut a: Vec<Span>, b: Vec<Span>) -> Vec<Span> {
    let order = |x: &Span, y: &Span| {
        x.start
            .cmp(&y.start)
            .then(y.end.cmp(&x.end))
            .then(x.label.cmp(&y.label))
    };
    let sorted = |list: &[Span]| list.is_sorted_by(|x, y| order(x, y).is_le());
    if !sorted(&a) || !sorted(&b) {
        a.extend(b);
        a.sort_by(order);
        return a;
    }
    merge_sorted(a, b, |x, y| order(x, y).is_le())
}

/// `a` and `b`, each sorted, as one sorted list, where `a_first(x, y)` says
/// whether `x` of `a` goes before `y` of `b`. One linear merge into a buffer
/// of the final size, instead of growing one list and sorting it again
/// (which held both lists and the grown copy at once, a long text's peak);
/// the spans of `a` are moved in runs, as a span moved one at a time is
/// copied twice.
fn merge_sorted(a: Vec<Span>, b: Vec<Span>, a_first: impl Fn(&Span, &Span) -> bool) -> Vec<Span> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let mut a = a.into_iter();
    let mut b = b.into_iter();
    loop {
        let next_b = b.as_slice().first();
        let run = a
            .as_slice()
            .iter()
            .take_while(|x| next_b.is_none_or(|y| a_first(x, y)))
            .count();
        out.extend(a.by_ref().take(run));
        let Some(y) = b.next() else { break };
        out.push(y);
    }
    out
}

/// The entities of the actor mentions met so far, grouped by their `entity`
/// key in order of first mention; spans are added in text order, a window's
/// at a time.
#[derive(Default)]
struct Entities {
    list: Vec<Entity>,
    /// Key → index into `list`.
    index: std::collections::HashMap<String, usize>,
    /// Spans added so far (mentions are indices into all the spans).
    seen: usize,
}

impl Entities {
    /// Adds the actor mentions of `spans`, the spans that follow those
    /// added before.
    // A stage of its own in profiles (callgrind), so its cost can be read.
    #[inline(never)]
    fn add(&mut self, spans: &[Span]) {
        // Room for the largest case (every actor mention its own entity):
        // a map grown step by step re-hashes every key at each step.
        let actors = spans.iter().filter(|s| s.label == Label::Actor).count();
        self.index.reserve(actors);
        for (i, s) in spans.iter().enumerate() {
            let (Label::Actor, Some(key)) = (s.label, s.entity.as_deref()) else {
                continue;
            };
            let e = match self.index.get(key) {
                Some(&e) => e,
                None => {
                    self.list.push(Entity {
                        name: key.to_string(),
                        kind: s.kind.to_string(),
                        roles: Vec::new(),
                        aliases: Vec::new(),
                        mentions: Vec::new(),
                    });
                    self.index.insert(key.to_string(), self.list.len() - 1);
                    self.list.len() - 1
                }
            };
            let ent = &mut self.list[e];
            ent.mentions.push(self.seen + i);
            if !ent.aliases.iter().any(|a| a == &s.text) {
                ent.aliases.push(s.text.clone());
            }
            if let Some(r) = s.role()
                && !ent.roles.iter().any(|x| x == r)
            {
                ent.roles.push(r.to_string());
            }
        }
        self.seen += spans.len();
    }
}

/// The seed articles (`seeds/*.txt`), for tests that hold a fast path to a
/// plain one on real news.
#[cfg(test)]
pub(crate) fn seed_texts() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    assert!(texts.len() >= 5, "the seed articles are missing from {dir}");
    texts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(label: Label, start: usize, end: usize) -> Span {
        Span::new(label, "x", "abcdefghijklmnopqrstuvwxyz", start, end)
    }

    /// The warm-up paragraph must keep reaching every lens and several kinds
    /// of dates and figures, or the page's first article pays for them.
    #[test]
    fn warm_up_reaches_every_lens() {
        let found = warm_up_annotations();
        assert_eq!(warm_up(), found.spans.len());
        let count = |l: Label| found.spans.iter().filter(|s| s.label == l).count();
        for label in [Label::Actor, Label::Place, Label::Quote] {
            assert!(count(label) >= 1, "no {label:?} in the warm-up paragraph");
        }
        assert!(count(Label::Date) >= 5 && count(Label::Figure) >= 4);
        let hedged = found
            .spans
            .iter()
            .filter(|s| s.approx_kind().is_some())
            .count();
        assert!(hedged >= 3, "{hedged} hedged figures");
        assert!(found.spans.iter().any(|s| s.speaker().is_some()));
        assert_eq!(found.reference_date_source, RefSource::Given);
    }

    #[test]
    fn merge_keeps_earlier_lens_on_overlap() {
        let kept = vec![span(Label::Date, 2, 6)];
        let new = vec![
            span(Label::Figure, 0, 3),
            span(Label::Figure, 6, 8),
            span(Label::Figure, 5, 7),
        ];
        let out = merge(kept, new);
        let got: Vec<(Label, usize, usize)> =
            out.iter().map(|s| (s.label, s.start, s.end)).collect();
        assert_eq!(got, [(Label::Date, 2, 6), (Label::Figure, 6, 8)]);
    }

    /// The search from a nearby index must give the binary search's answer
    /// for every end and every starting guess, duplicates included.
    #[test]
    fn kept_before_is_the_partition_point() {
        let starts = [0, 2, 2, 5, 9, 9, 9, 14, 20];
        let kept: Vec<Span> = starts
            .iter()
            .map(|&a| span(Label::Date, a, a + 1))
            .collect();
        for n in 0..=kept.len() {
            for end in 0..25 {
                let want = kept[..n].partition_point(|k| k.start < end);
                for near in 0..n + 4 {
                    assert_eq!(kept_before(&kept[..n], end, near), want, "{n} {end} {near}");
                }
            }
        }
    }

    /// Every item is mapped once and the results keep the items' order,
    /// whatever the number of threads against the number of items.
    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn par_map_keeps_order() {
        for n in [0, 1, 2, 5, 17] {
            let items: Vec<usize> = (0..n).collect();
            let want: Vec<usize> = items.iter().map(|i| i * i).collect();
            for threads in [1, 2, 3, 8, 40] {
                assert_eq!(
                    par_map(items.clone(), threads, |i| i * i),
                    want,
                    "{n} {threads}"
                );
            }
        }
    }

    /// On a machine that gives threads, a long text gets more than one;
    /// never more than its windows. (Wasm has no threads: always one.)
    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn thread_counts() {
        let with = |threads| Options {
            threads,
            ..Options::default()
        };
        assert_eq!(threads(&with(3), 10), 3);
        assert_eq!(threads(&with(3), 2), 2);
        assert_eq!(threads(&with(100), 100), MAX_THREADS);
        assert_eq!(threads(&with(0), 1), 1);
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        assert_eq!(threads(&with(0), 100), cores.min(MAX_THREADS));
    }

    #[test]
    fn entities_group_mentions() {
        let text = "ISIS and Daesh";
        let mut a = Span::new(Label::Actor, "organization", text, 0, 4);
        a.entity = Some("ISIS".into());
        let mut b = Span::new(Label::Actor, "organization", text, 9, 14);
        b.entity = Some("ISIS".into());
        let mut entities = Entities::default();
        entities.add(&[a]);
        entities.add(&[b]);
        let e = entities.list;
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].aliases, ["ISIS", "Daesh"]);
        assert_eq!(e[0].mentions, [0, 1]);
    }

    #[test]
    fn empty_options_run_every_lens() {
        let o: Options = serde_json::from_str("{}").unwrap();
        assert_eq!(o, Options::default());
        assert!(o.lenses.quotes && o.lenses.dates);
    }
}
