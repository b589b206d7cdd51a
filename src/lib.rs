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
mod entities;
pub mod figures;
mod group;
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
/// A text longer than [`text::WINDOW`] (about 5,000 words: longer than
/// nearly every article) is read in windows cut at paragraph breaks, so its
/// memory grows with what is found rather than with the tables built per
/// token. The whole text still gives the reference date, and a window's
/// names read as they would in the text up to its end read whole. What a
/// cut loses is a quote or a pattern that spans it (a cut falls inside a
/// paragraph only when no line break is near), a date anchored on one just
/// before it (`the next day`), and a name said in short before it is said
/// in full in a later window.
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
    annotate_packed(WARM_UP, &warm_up_options(), offsets::Unit::Utf16).spans
}

/// The options of the warm-up: its dates read from two days after its own.
fn warm_up_options() -> Options {
    Options {
        reference_date: Some("2025-03-06".to_string()),
        ..Options::default()
    }
}

/// What [`annotate`] finds in the warm-up paragraph.
#[cfg(test)]
fn warm_up_annotations() -> Annotations {
    annotate(WARM_UP, &warm_up_options())
}

/// Annotates `text` as [`annotate`] does and returns the packed form
/// ([`packed`]) with offsets in `unit`: the page's call. Each window's
/// spans are packed as they come and dropped, so a long text never holds
/// all its spans at once (an owned [`Span`] and its strings take some
/// 200 bytes, a packed one about 40).
pub fn annotate_packed(text: &str, options: &Options, unit: offsets::Unit) -> packed::Packed {
    annotate_packed_in_windows(text, options, unit, text::WINDOW)
}

/// [`annotate_packed`] with windows of at most `window` bytes (tests use
/// small ones, so that a short text is packed in many runs).
pub(crate) fn annotate_packed_in_windows(
    text: &str,
    options: &Options,
    unit: offsets::Unit,
    window: usize,
) -> packed::Packed {
    struct Pack<'t> {
        packer: packed::Packer,
        to: offsets::Converter<'t>,
    }
    impl Sink for Pack<'_> {
        fn head(&mut self, found: &Annotations) -> std::io::Result<()> {
            self.packer.head(found);
            Ok(())
        }
        fn spans(&mut self, mut found: Vec<Span>, _: Vec<u8>) -> std::io::Result<()> {
            model::convert_span_offsets(&mut found, &self.to);
            self.packer.spans(&found);
            Ok(())
        }
    }
    // About a span every 32 bytes in the bench corpus.
    let mut pack = Pack {
        packer: packed::Packer::new(text.len() / 32 + 16),
        to: offsets::Converter::new(text, unit),
    };
    // (Packing in memory never fails.)
    let (_, entities) = annotate_into(text, options, window, &mut pack, None).unwrap_or_default();
    pack.packer.finish(entities.iter())
}

/// [`annotate`] with windows of at most `window` bytes (tests use small ones).
#[doc(hidden)]
pub fn annotate_in_windows(text: &str, options: &Options, window: usize) -> Annotations {
    /// Keeps every span, with its words ([`Span::text`]).
    struct Keep<'t> {
        spans: Vec<Span>,
        text: &'t str,
    }
    impl Sink for Keep<'_> {
        fn spans(&mut self, mut found: Vec<Span>, _: Vec<u8>) -> std::io::Result<()> {
            for s in &mut found {
                s.text = s.text_in(self.text).to_string();
            }
            if self.spans.is_empty() {
                self.spans = found;
            } else {
                self.spans.extend(found);
            }
            Ok(())
        }
    }
    let mut keep = Keep {
        spans: Vec::new(),
        text,
    };
    // (Keeping spans in memory never fails.)
    let (found, entities) =
        annotate_into(text, options, window, &mut keep, None).unwrap_or_default();
    Annotations {
        spans: keep.spans,
        entities: entities.into_entities(),
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
    struct Json<'w> {
        out: model::JsonOut<'w>,
        doc: Option<&'w str>,
    }
    impl Sink for Json<'_> {
        fn head(&mut self, found: &Annotations) -> std::io::Result<()> {
            self.out.head(found, self.doc);
            Ok(())
        }
        fn spans(&mut self, found: Vec<Span>, json: Vec<u8>) -> std::io::Result<()> {
            self.out.written(&json, found.len())
        }
    }
    let mut json = Json {
        out: model::JsonOut::to(w),
        doc,
    };
    let to = offsets::Converter::new(text, unit);
    let write = |spans: &[Span]| model::core_spans_json(spans, text, &to);
    let (_, entities) = annotate_into(text, options, text::WINDOW, &mut json, Some(&write))?;
    json.out.finish(entities.iter()).map(drop)
}

/// Where [`annotate_into`] hands what it finds.
trait Sink {
    /// The reference date (in `found`, whose spans and entities are empty),
    /// before any span.
    fn head(&mut self, found: &Annotations) -> std::io::Result<()> {
        let _ = found;
        Ok(())
    }
    /// The next spans in text order, with byte offsets into the whole text
    /// and their own `text` left empty ([`Span::text`]), and what the
    /// [`Prepare`] given made of them (empty when none was).
    fn spans(&mut self, found: Vec<Span>, prepared: Vec<u8>) -> std::io::Result<()>;
}

/// What is made of a window's spans (with offsets into the whole text) on
/// the thread that read them, before they are handed on in text order: the
/// CLI's JSON of them. Written by the one thread that hands the windows on,
/// that JSON was a fifth of the CLI's work, and the threads reading the
/// next windows waited for it.
type Prepare<'p> = dyn Fn(&[Span]) -> Vec<u8> + Sync + 'p;

/// Annotates `text` in windows of at most `window` bytes, handing the spans
/// to `sink` a window at a time with what `prepare` made of them; returns
/// the reference date (the spans and entities left empty) and the
/// entities, grouped.
fn annotate_into(
    text: &str,
    options: &Options,
    window: usize,
    sink: &mut dyn Sink,
    prepare: Option<&Prepare>,
) -> std::io::Result<(Annotations, entities::Grouped)> {
    let windows = text::windows(text, window);
    let mut found = Annotations::default();
    let mut entities = entities::Entities::new();
    // What is done with each window's spans, in text order; the first
    // window's reference date (that of every window) opens the output.
    let mut first = true;
    let mut take = |read: Read| {
        if std::mem::take(&mut first) {
            found.reference_date = read.used.date.map(|d| d.to_string());
            found.reference_date_source = read.used.source;
            found.reference_date_clue = read.used.clue;
            sink.head(&found)?;
        }
        entities.add(&read.spans, text);
        sink.spans(read.spans, read.prepared)
    };
    // A text of one window is read as it always was; a longer one has its
    // reference date read from the whole first, and carries its names.
    if let [(offset, one)] = windows.as_slice() {
        let read = annotate_window(one, options, None, None);
        take(Read::new(*offset, read, prepare))?;
    } else {
        read_windows(&windows, options, prepare, &mut take)?;
    }
    Ok((found, entities.grouped()))
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
    let resolve = |names: Option<&mut actors::Pending<'_, 'a>>| {
        if let Some(n) = names {
            n.resolve(carry);
        }
        true
    };
    // (Never none: this `resolve` always goes on.)
    read_window(text, options, reference, resolve).unwrap_or_default()
}

/// [`annotate_window`] with the names' resolution left to `resolve`, which
/// is handed the names (when a lens needs them) and says whether to go on:
/// none when it says stop.
fn read_window<'a>(
    text: &'a str,
    options: &Options,
    reference: Option<&dates::Reference>,
    resolve: impl for<'d> FnOnce(Option<&mut actors::Pending<'d, 'a>>) -> bool,
) -> Option<(Vec<Span>, dates::Reference)> {
    let doc = text::Doc::new(text);
    // Dates run first and always: they own the numbers inside dates, which
    // must never become figures even when the Dates lens is switched off.
    let dated = dates::find_in(&doc, options, reference);
    let mut names = start_names(&doc, options, &dated.spans);
    if !resolve(names.as_mut()) {
        return None;
    }
    let (spans, quotes) = finish_window(&doc, options, dated.spans, names);
    // The tokens are no longer needed: freed before the spans are copied
    // into text order, the two largest tables are not held at once.
    drop(doc);
    Some((in_text_order(spans, quotes), dated.reference))
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
    // The dates are kept where the names overlap them.
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

/// What [`read_windows`] hands on of a window.
struct Read {
    /// Its spans, with offsets into the whole text.
    spans: Vec<Span>,
    /// The reference date used.
    used: dates::Reference,
    /// What the [`Prepare`] given made of the spans (empty when none was).
    prepared: Vec<u8>,
}

impl Read {
    /// What the window at byte `offset` found ([`annotate_window`]), its
    /// offsets moved into the whole text and `prepare` run on its spans.
    fn new(
        offset: usize,
        (mut spans, used): (Vec<Span>, dates::Reference),
        prepare: Option<&Prepare>,
    ) -> Read {
        for s in &mut spans {
            s.start += offset;
            s.end += offset;
        }
        let prepared = prepare.map(|p| p(&spans)).unwrap_or_default();
        Read {
            spans,
            used,
            prepared,
        }
    }
}

/// Reads the `windows` (more than one) of a long text, its reference date
/// from the whole and its names carried from window to window, and hands
/// what each finds to `each`, in text order; stops at the first error
/// `each` returns.
fn read_windows(
    windows: &[(usize, &str)],
    options: &Options,
    prepare: Option<&Prepare>,
    each: &mut dyn FnMut(Read) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let reference = dates::read_reference(windows, options);
    // (Wasm has no threads: the code that starts them is left out of the
    // page's download.)
    #[cfg(not(target_arch = "wasm32"))]
    {
        let threads = threads(options, windows.len());
        if threads > 1 {
            return read_on_threads(windows, options, &reference, threads, prepare, each);
        }
    }
    read_one_by_one(windows, options, &reference, prepare, each)
}

/// [`read_windows`] on this thread, one window after another.
fn read_one_by_one(
    windows: &[(usize, &str)],
    options: &Options,
    reference: &dates::Reference,
    prepare: Option<&Prepare>,
    each: &mut dyn FnMut(Read) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut carry = actors::Carry::default();
    windows.iter().try_for_each(|&(offset, w)| {
        let read = annotate_window(w, options, Some(reference), Some(&mut carry));
        each(Read::new(offset, read, prepare))
    })
}

/// How many windows of a long text are read at the same time: what
/// `options` say (0 is 1), at most [`MAX_THREADS`] and never more than
/// there are windows.
#[cfg(not(target_arch = "wasm32"))]
fn threads(options: &Options, windows: usize) -> usize {
    options.threads.clamp(1, MAX_THREADS).min(windows.max(1))
}

/// The most windows read at once (and the CLI's most files at once). Each
/// holds its tables (about 40 bytes a byte of text, see `tests/scaling.rs`),
/// so more would cost memory for little: the names' resolution, one window
/// at a time, caps the gain. (Wasm has no threads; there it bounds nothing.)
pub const MAX_THREADS: usize = 8;

/// [`read_windows`] on `threads` threads, while this one hands on what they
/// find. Each thread takes the next window left and reads it whole, but the
/// names' resolution, which reads what the windows before said
/// ([`actors::Carry`]), waits for its turn: one window after another, in
/// text order, so the spans are those of one thread. Meanwhile the other
/// threads read the next windows up to their own resolution, or finish
/// theirs. A thread holds one window's tables at a time, and takes no
/// window more than [`AHEAD`] windows a thread past the last handed on.
#[cfg(not(target_arch = "wasm32"))]
fn read_on_threads<'a>(
    windows: &[(usize, &'a str)],
    options: &Options,
    reference: &dates::Reference,
    threads: usize,
    prepare: Option<&Prepare>,
    each: &mut dyn FnMut(Read) -> std::io::Result<()>,
) -> std::io::Result<()> {
    use std::sync::{Condvar, Mutex, PoisonError, mpsc};
    let state: Mutex<Shared<'a>> = Mutex::new(Shared {
        taken: 0,
        resolved: 0,
        handed: 0,
        stop: false,
        carry: actors::Carry::default(),
    });
    let changed = Condvar::new();
    // (Only the names' resolution runs under the lock and could panic; a
    // panic stops every thread, so a poisoned lock is still read, to stop.)
    let lock = || state.lock().unwrap_or_else(PoisonError::into_inner);
    let wait = |st| changed.wait(st).unwrap_or_else(PoisonError::into_inner);
    let ahead = threads * AHEAD;
    let (tx, rx) = mpsc::sync_channel(threads);
    let work = |tx: mpsc::SyncSender<(usize, Read)>| {
        // Stops every thread if this one ends with a window unfinished.
        let mut early = StopAll {
            state: &state,
            changed: &changed,
            armed: true,
        };
        loop {
            let mut st = lock();
            while !st.stop && st.taken < windows.len() && st.taken >= st.handed + ahead {
                st = wait(st);
            }
            let k = st.taken;
            let (false, Some(&(offset, w))) = (st.stop, windows.get(k)) else {
                // No window left (every turn this thread took is done), or
                // told to stop.
                early.armed = false;
                return;
            };
            st.taken += 1;
            drop(st);
            let resolve = |names: Option<&mut actors::Pending<'_, 'a>>| {
                let mut st = lock();
                while st.resolved != k && !st.stop {
                    st = wait(st);
                }
                if st.stop {
                    return false;
                }
                if let Some(n) = names {
                    n.resolve(Some(&mut st.carry));
                }
                st.resolved += 1;
                drop(st);
                changed.notify_all();
                true
            };
            let Some(read) = read_window(w, options, Some(reference), resolve) else {
                early.armed = false;
                return;
            };
            // (It fails once what is found can no longer be handed on.)
            if tx.send((k, Read::new(offset, read, prepare))).is_err() {
                return;
            }
        }
    };
    std::thread::scope(|s| {
        let started: Vec<_> = (0..threads)
            .filter_map(|_| {
                let tx = tx.clone();
                std::thread::Builder::new()
                    .spawn_scoped(s, move || work(tx))
                    .ok()
            })
            .collect();
        drop(tx);
        if started.is_empty() {
            // The system gives no thread: read on this one.
            return read_one_by_one(windows, options, reference, prepare, each);
        }
        let handed = hand_on_in_order(rx, &mut |read| {
            each(read)?;
            lock().handed += 1;
            changed.notify_all();
            Ok(())
        });
        // Done, or failed: the threads waiting to take a window stop.
        lock().stop = true;
        changed.notify_all();
        // Joined by hand, not left to the scope: a join waits until the
        // thread is gone, its thread-locals freed with it, so a leak check
        // run after this call finds nothing of them.
        for t in started {
            // A thread panics only where this one would have: the same.
            t.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        }
        match handed? {
            n if n == windows.len() => Ok(()),
            n => Err(std::io::Error::other(format!(
                "{n} of {} windows read",
                windows.len()
            ))),
        }
    })
}

/// How many windows a thread of [`read_on_threads`] may read past the last
/// one handed on: room for a slow window without holding the others up,
/// while what waits to be handed on stays a few windows' spans.
#[cfg(not(target_arch = "wasm32"))]
const AHEAD: usize = 2;

/// Hands on to `each` the windows that come from `rx` in the order they are
/// finished, each once those before it have been, until every thread is
/// done or `each` fails; returns how many were handed on. Dropping `rx` on
/// return makes the threads stop after the window they hold.
#[cfg(not(target_arch = "wasm32"))]
fn hand_on_in_order(
    rx: std::sync::mpsc::Receiver<(usize, Read)>,
    each: &mut dyn FnMut(Read) -> std::io::Result<()>,
) -> std::io::Result<usize> {
    let mut done = std::collections::BTreeMap::new();
    let mut next = 0;
    for (k, read) in rx {
        done.insert(k, read);
        while let Some(read) = done.remove(&next) {
            each(read)?;
            next += 1;
        }
    }
    Ok(next)
}

/// What the threads of [`read_on_threads`] share.
#[cfg(not(target_arch = "wasm32"))]
struct Shared<'a> {
    /// Windows taken by a thread so far (the next one to take).
    taken: usize,
    /// Windows whose names are resolved (the next one's turn).
    resolved: usize,
    /// Windows handed on.
    handed: usize,
    /// Set when the threads must stop: the reading is over (done, or the
    /// spans can no longer be handed on), or a thread panicked with a
    /// window unfinished, whose turn will never come.
    stop: bool,
    /// The names carried from window to window.
    carry: actors::Carry<'a>,
}

/// Dropped when a thread of [`read_on_threads`] ends. If it ends with a
/// window unfinished (a panic unwinds), that window's turn never comes, so
/// the threads waiting are told to stop.
#[cfg(not(target_arch = "wasm32"))]
struct StopAll<'t, 'a> {
    state: &'t std::sync::Mutex<Shared<'a>>,
    changed: &'t std::sync::Condvar,
    /// Cleared when the thread ends with no window unfinished.
    armed: bool,
}

#[cfg(not(target_arch = "wasm32"))]
impl Drop for StopAll<'_, '_> {
    fn drop(&mut self) {
        if !self.armed {
            return;
        }
        // Set under the lock, so a thread about to wait sees it or is woken.
        let mut st = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        st.stop = true;
        drop(st);
        self.changed.notify_all();
    }
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

    /// A long text gets the threads asked for, none unless asked, never
    /// more than its windows nor than [`MAX_THREADS`]. (Wasm has none.)
    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn thread_counts() {
        let with = |threads| Options {
            threads,
            ..Options::default()
        };
        assert_eq!(threads(&Options::default(), 100), 1);
        assert_eq!(threads(&with(0), 100), 1);
        assert_eq!(threads(&with(3), 10), 3);
        assert_eq!(threads(&with(3), 2), 2);
        assert_eq!(threads(&with(3), 1), 1);
        assert_eq!(threads(&with(100), 100), 8);
    }

    #[test]
    fn empty_options_run_every_lens() {
        let o: Options = serde_json::from_str("{}").unwrap();
        assert_eq!(o, Options::default());
        assert!(o.lenses.quotes && o.lenses.dates);
    }
}
