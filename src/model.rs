//! The data the core hands out: one span type, the entities, and the options.
//!
//! Offsets in [`Span`] are half-open **byte** ranges into the text given to
//! [`crate::annotate`]. They are converted to UTF-16 or code points only at the
//! edges (the wasm module, the CLI) by [`crate::offsets`].

use serde::{Deserialize, Serialize};

/// What a span marks: the lenses of the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    /// Who acts, speaks or is acted upon (ANNOTATION.md §1).
    Actor,
    /// A named place (§2).
    Place,
    /// A temporal expression (§3).
    Date,
    /// A count or amount (§4).
    Figure,
    /// A direct quotation (§5).
    Quote,
}

impl Label {
    /// The label as written in JSON and in `data-label` attributes.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Actor => "actor",
            Label::Place => "place",
            Label::Date => "date",
            Label::Figure => "figure",
            Label::Quote => "quote",
        }
    }
}

/// One highlight. Every attribute is a plain string, as ANNOTATION.md asks;
/// absent attributes are left out of the JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// The lens.
    pub label: Label,
    /// The sub-type: `person`/`organization`/`group`, `place`, TIMEX3
    /// `date`/`time`/`duration`/`set`, `count`/`vague`/`money`/`percent`/`quantity`, `quote`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Start offset (bytes inside the core; the unit the caller asked for outside).
    pub start: usize,
    /// End offset, exclusive.
    pub end: usize,
    /// The covered text, exactly as in the input.
    pub text: String,
    /// Normalized value: TIMEX3 value for dates, digits or `min..max` for figures.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub value: Option<String>,
    /// TIMEX3 `mod` (`START`, `MID`, `END`, `APPROX`, …).
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none", default)]
    pub modifier: Option<String>,
    /// A figure's hedge as written (`up to`, `about`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub approx: Option<String>,
    /// The kind of hedge: `upper`, `lower` or `approximate`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub approx_kind: Option<String>,
    /// What a figure counts (`civilians`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub counts: Option<String>,
    /// Unit of money (ISO 4217) or of a quantity (`km`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub unit: Option<String>,
    /// Who the text says a figure comes from.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub source: Option<String>,
    /// The canonical name of the actor this mention refers to.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub entity: Option<String>,
    /// An actor's title or role (`US Defence Secretary`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub role: Option<String>,
    /// The entity a quote is attributed to.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub speaker: Option<String>,
    /// How the value was reached, for the reader's "why" view
    /// (the rule, and for dates the anchor date used).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub why: Option<String>,
}

impl Span {
    /// A span with no attributes; the byte range must lie on character
    /// boundaries of `text` (callers take it from tokens, which do).
    pub fn new(label: Label, kind: &str, text: &str, start: usize, end: usize) -> Span {
        Span {
            label,
            kind: kind.to_string(),
            start,
            end,
            text: text.get(start..end).unwrap_or_default().to_string(),
            value: None,
            modifier: None,
            approx: None,
            approx_kind: None,
            counts: None,
            unit: None,
            source: None,
            entity: None,
            role: None,
            speaker: None,
            why: None,
        }
    }

    /// Whether two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// One person or organisation, with every mention of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// The canonical name, also the `entity` key of each mention.
    pub name: String,
    /// `person` or `organization`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Roles and titles seen with its mentions, in order of first appearance.
    pub roles: Vec<String>,
    /// The distinct surface forms of its mentions (`ISIS`, `Daesh`, `IS`).
    pub aliases: Vec<String>,
    /// Indices into [`Annotations::spans`] of its mentions, in text order.
    pub mentions: Vec<usize>,
}

/// How the reference date was obtained.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum RefSource {
    /// The caller gave it.
    Given,
    /// Read from the text (see [`Annotations::reference_date_clue`]).
    Inferred,
    /// Neither: relative dates stay unresolved (`XXXX-02-11`).
    #[default]
    None,
}

/// Everything [`crate::annotate`] found in one text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Annotations {
    /// The date relative expressions were resolved against, `YYYY-MM-DD`.
    pub reference_date: Option<String>,
    /// Whether it was given or inferred.
    pub reference_date_source: RefSource,
    /// What in the text it was inferred from (the clue's words and rule).
    pub reference_date_clue: Option<String>,
    /// The highlights in text order (by start, then longer first).
    pub spans: Vec<Span>,
    /// One entry per person or organisation.
    pub entities: Vec<Entity>,
}

impl Annotations {
    /// Rewrites every span's `start`/`end` from bytes of `text` into `unit`.
    /// Call once, at an edge (CLI output, wasm return); `text` must be the
    /// text that was annotated.
    pub fn convert_offsets(&mut self, text: &str, unit: crate::offsets::Unit) {
        let mut offs: Vec<usize> = Vec::with_capacity(self.spans.len() * 2);
        for s in &self.spans {
            offs.push(s.start);
            offs.push(s.end);
        }
        crate::offsets::convert(text, &mut offs, unit);
        for (s, pair) in self.spans.iter_mut().zip(offs.chunks_exact(2)) {
            s.start = pair[0];
            s.end = pair[1];
        }
    }
}

/// Which lenses to report. Every lens is on unless switched off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Lenses {
    /// Persons, organisations, groups.
    pub actors: bool,
    /// Named places.
    pub places: bool,
    /// Temporal expressions.
    pub dates: bool,
    /// Counts and amounts.
    pub figures: bool,
    /// Direct quotations.
    pub quotes: bool,
}

impl Default for Lenses {
    fn default() -> Self {
        Lenses {
            actors: true,
            places: true,
            dates: true,
            figures: true,
            quotes: true,
        }
    }
}

impl Lenses {
    /// Whether spans of `label` are reported.
    pub fn wants(&self, label: Label) -> bool {
        match label {
            Label::Actor => self.actors,
            Label::Place => self.places,
            Label::Date => self.dates,
            Label::Figure => self.figures,
            Label::Quote => self.quotes,
        }
    }
}

/// Options of [`crate::annotate`]. `Options::default()` (or `{}` from JS)
/// runs every lens and infers the reference date from the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Options {
    /// The article's date, `YYYY-MM-DD`. When absent or not a valid date it is
    /// inferred from the text.
    pub reference_date: Option<String>,
    /// Which lenses to report.
    pub lenses: Lenses,
    /// Read numeric dates such as `05/03/2017` day first (5 March), not US order.
    pub day_first: bool,
}
