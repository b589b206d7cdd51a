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
pub fn annotate(text: &str, options: &Options) -> Annotations {
    let doc = text::Doc::new(text);

    // Dates run first and always: they own the numbers inside dates, which
    // must never become figures even when the Dates lens is switched off.
    let dated = dates::find(&doc, options);
    let mut taken: Vec<Span> = dated.spans;

    // Actors and places come from one recognizer: `Jordan` or `Washington`
    // is decided by context, in one place.
    let need_names = options.lenses.actors
        || options.lenses.places
        || options.lenses.figures
        || options.lenses.quotes;
    if need_names {
        let names = actors::find(&doc, &taken);
        taken = merge(taken, names);
    }
    if options.lenses.figures {
        let figs = figures::find(&doc, &taken);
        taken = merge(taken, figs);
    }
    let mut spans = taken;
    if options.lenses.quotes {
        let quotes = quotes::find(&doc, &spans);
        spans.extend(quotes);
    }
    spans.retain(|s| options.lenses.wants(s.label));
    sort_spans(&mut spans);
    let entities = collect_entities(&spans);
    Annotations {
        reference_date: dated.reference.date.map(|d| d.to_string()),
        reference_date_source: dated.reference.source,
        reference_date_clue: dated.reference.clue,
        spans,
        entities,
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
    for (j, s) in new.iter().enumerate() {
        // Kept spans never overlap one another, so only the one starting
        // before `s.end` closest to it (and its predecessor) can collide.
        let i = kept.partition_point(|k| k.start < s.end);
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
    // Both lists are sorted by start: one linear merge into a buffer of the
    // final size, instead of growing `kept` and sorting it again, which
    // held both lists and the grown copy at once (a long text's peak).
    let accepted = keep.iter().filter(|&&ok| ok).count();
    let mut out = Vec::with_capacity(kept.len() + accepted);
    let mut flags = keep.into_iter();
    let mut a = kept.into_iter();
    let mut b = new.into_iter();
    loop {
        // The kept spans up to the next new one (on equal starts the kept
        // span comes first), moved as one run: a span moved one at a time
        // is copied twice.
        let next_new = b.as_slice().first().map(|s| s.start);
        let run = a
            .as_slice()
            .iter()
            .take_while(|k| next_new.is_none_or(|n| k.start <= n))
            .count();
        out.extend(a.by_ref().take(run));
        // A rejected span is dropped when its turn comes.
        let Some(s) = b.next() else { break };
        if flags.next() == Some(true) {
            out.push(s);
        }
    }
    out
}

/// Puts spans in text order: by start, then longer first, then by lens.
// A stage of its own in profiles (callgrind), so its cost can be read.
#[inline(never)]
fn sort_spans(spans: &mut [Span]) {
    spans.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(a.label.cmp(&b.label))
    });
}

/// Groups actor mentions by their `entity` key, in order of first mention.
// A stage of its own in profiles (callgrind), so its cost can be read.
#[inline(never)]
fn collect_entities(spans: &[Span]) -> Vec<Entity> {
    // Sized once for the largest case (every actor mention its own entity):
    // a map grown step by step re-hashes every key at each step.
    let actors = spans.iter().filter(|s| s.label == Label::Actor).count();
    let mut entities: Vec<Entity> = Vec::new();
    let mut index: std::collections::HashMap<&str, usize> =
        std::collections::HashMap::with_capacity(actors);
    for (i, s) in spans.iter().enumerate() {
        let (Label::Actor, Some(key)) = (s.label, s.entity.as_deref()) else {
            continue;
        };
        let e = *index.entry(key).or_insert_with(|| {
            entities.push(Entity {
                name: key.to_string(),
                kind: s.kind.to_string(),
                roles: Vec::new(),
                aliases: Vec::new(),
                mentions: Vec::new(),
            });
            entities.len() - 1
        });
        let ent = &mut entities[e];
        ent.mentions.push(i);
        if !ent.aliases.iter().any(|a| a == &s.text) {
            ent.aliases.push(s.text.clone());
        }
        if let Some(r) = s.role()
            && !ent.roles.iter().any(|x| x == r)
        {
            ent.roles.push(r.to_string());
        }
    }
    entities
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(label: Label, start: usize, end: usize) -> Span {
        Span::new(label, "x", "abcdefghijklmnopqrstuvwxyz", start, end)
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

    #[test]
    fn entities_group_mentions() {
        let text = "ISIS and Daesh";
        let mut a = Span::new(Label::Actor, "organization", text, 0, 4);
        a.entity = Some("ISIS".into());
        let mut b = Span::new(Label::Actor, "organization", text, 9, 14);
        b.entity = Some("ISIS".into());
        let e = collect_entities(&[a, b]);
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
