//! The data the core hands out: one span type, the entities, and the options.
//!
//! Offsets in [`Span`] are half-open **byte** ranges into the text given to
//! [`crate::annotate`]. They are converted to UTF-16 or code points only at the
//! edges (the wasm module, the CLI) by [`crate::offsets`].

use std::borrow::Cow;

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
///
/// A long text has tens of thousands of spans, so the struct is kept small:
/// the sub-type and the rule are usually fixed words (borrowed, not
/// allocated), and the attributes that only some figures, dates and
/// quotes carry live in one boxed [`Extra`], absent on most spans.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(from = "SpanRepr")]
pub struct Span {
    /// The lens.
    pub label: Label,
    /// The sub-type: `person`/`organization`/`group`, `place`, TIMEX3
    /// `date`/`time`/`duration`/`set`, `count`/`vague`/`money`/`percent`/`quantity`, `quote`.
    pub kind: Cow<'static, str>,
    /// Start offset (bytes inside the core; the unit the caller asked for outside).
    pub start: usize,
    /// End offset, exclusive.
    pub end: usize,
    /// The covered text, exactly as in the input.
    pub text: String,
    /// Normalized value: TIMEX3 value for dates, digits or `min..max` for figures.
    pub value: Option<String>,
    /// The canonical name of the actor this mention refers to.
    pub entity: Option<String>,
    /// How the value was reached, for the reader's "why" view
    /// (the rule, and for dates the anchor date used).
    pub why: Option<Cow<'static, str>>,
    /// The rarer attributes; `None` when all of them are absent.
    pub extra: Option<Box<Extra>>,
}

/// The attributes only some spans have (see [`Span::extra`]).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Extra {
    /// TIMEX3 `mod` (`START`, `MID`, `END`, `APPROX`, …).
    pub modifier: Option<String>,
    /// A figure's hedge as written (`up to`, `about`).
    pub approx: Option<String>,
    /// The kind of hedge: `upper`, `lower` or `approximate`.
    pub approx_kind: Option<String>,
    /// What a figure counts (`civilians`).
    pub counts: Option<String>,
    /// Unit of money (ISO 4217) or of a quantity (`km`).
    pub unit: Option<String>,
    /// Who the text says a figure comes from.
    pub source: Option<String>,
    /// An actor's title or role (`US Defence Secretary`).
    pub role: Option<String>,
    /// The entity a quote is attributed to.
    pub speaker: Option<String>,
}

impl Extra {
    fn is_empty(&self) -> bool {
        *self == Extra::default()
    }
}

/// Getters and setters for the fields of [`Extra`], so callers need not
/// know that they are boxed.
macro_rules! extra_fields {
    ($($field:ident, $set:ident;)*) => {
        impl Span {
            $(
                #[doc = concat!("The `", stringify!($field), "` attribute (see [`Extra`]).")]
                pub fn $field(&self) -> Option<&str> {
                    self.extra.as_ref().and_then(|e| e.$field.as_deref())
                }

                #[doc = concat!("Sets the `", stringify!($field), "` attribute; `None` clears it.")]
                pub fn $set(&mut self, value: Option<String>) {
                    match (&mut self.extra, value) {
                        (Some(e), v) => {
                            e.$field = v;
                            if e.is_empty() {
                                self.extra = None;
                            }
                        }
                        (None, Some(v)) => {
                            self.extra = Some(Box::new(Extra {
                                $field: Some(v),
                                ..Extra::default()
                            }));
                        }
                        (None, None) => {}
                    }
                }
            )*
        }
    };
}

extra_fields! {
    modifier, set_modifier;
    approx, set_approx;
    approx_kind, set_approx_kind;
    counts, set_counts;
    unit, set_unit;
    source, set_source;
    role, set_role;
    speaker, set_speaker;
}

impl Span {
    /// A span with no attributes; the byte range must lie on character
    /// boundaries of `text` (callers take it from tokens, which do).
    pub fn new(label: Label, kind: &'static str, text: &str, start: usize, end: usize) -> Span {
        Span {
            label,
            kind: Cow::Borrowed(kind),
            start,
            end,
            text: text.get(start..end).unwrap_or_default().to_string(),
            value: None,
            entity: None,
            why: None,
            extra: None,
        }
    }

    /// Whether two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// The JSON form of a [`Span`]: every attribute at the top level, in the
/// order of ANNOTATION.md, absent ones left out.
impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let e = self.extra.as_deref();
        let pick = |f: fn(&Extra) -> &Option<String>| e.and_then(|e| f(e).as_deref());
        let optional: [(&'static str, Option<&str>); 11] = [
            ("value", self.value.as_deref()),
            ("mod", pick(|e| &e.modifier)),
            ("approx", pick(|e| &e.approx)),
            ("approx_kind", pick(|e| &e.approx_kind)),
            ("counts", pick(|e| &e.counts)),
            ("unit", pick(|e| &e.unit)),
            ("source", pick(|e| &e.source)),
            ("entity", self.entity.as_deref()),
            ("role", pick(|e| &e.role)),
            ("speaker", pick(|e| &e.speaker)),
            ("why", self.why.as_deref()),
        ];
        let n = optional.iter().filter(|(_, v)| v.is_some()).count();
        let mut st = ser.serialize_struct("Span", 5 + n)?;
        st.serialize_field("label", &self.label)?;
        st.serialize_field("type", &*self.kind)?;
        st.serialize_field("start", &self.start)?;
        st.serialize_field("end", &self.end)?;
        st.serialize_field("text", &self.text)?;
        for (name, v) in optional {
            match v {
                Some(v) => st.serialize_field(name, v)?,
                None => st.skip_field(name)?,
            }
        }
        st.end()
    }
}

/// A span as read from JSON (flat, owned), turned into a [`Span`].
#[derive(Deserialize)]
struct SpanRepr {
    label: Label,
    #[serde(rename = "type")]
    kind: String,
    start: usize,
    end: usize,
    text: String,
    #[serde(default)]
    value: Option<String>,
    #[serde(rename = "mod", default)]
    modifier: Option<String>,
    #[serde(default)]
    approx: Option<String>,
    #[serde(default)]
    approx_kind: Option<String>,
    #[serde(default)]
    counts: Option<String>,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    entity: Option<String>,
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    speaker: Option<String>,
    #[serde(default)]
    why: Option<String>,
}

impl From<SpanRepr> for Span {
    fn from(r: SpanRepr) -> Span {
        let extra = Extra {
            modifier: r.modifier,
            approx: r.approx,
            approx_kind: r.approx_kind,
            counts: r.counts,
            unit: r.unit,
            source: r.source,
            role: r.role,
            speaker: r.speaker,
        };
        Span {
            label: r.label,
            kind: Cow::Owned(r.kind),
            start: r.start,
            end: r.end,
            text: r.text,
            value: r.value,
            entity: r.entity,
            why: r.why.map(Cow::Owned),
            extra: (!extra.is_empty()).then(|| Box::new(extra)),
        }
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
    // A stage of its own in profiles (callgrind), so its cost can be read.
    #[inline(never)]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_json_is_flat_ordered_and_reads_back() {
        let text = "up to 750,000 civilians";
        let mut s = Span::new(Label::Figure, "count", text, 0, text.len());
        s.value = Some("0..750000".into());
        s.set_approx(Some("up to".into()));
        s.set_approx_kind(Some("upper".into()));
        s.set_counts(Some("civilians".into()));
        s.why = Some("digits; hedge".into());
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(
            json,
            r#"{"label":"figure","type":"count","start":0,"end":23,"text":"up to 750,000 civilians","value":"0..750000","approx":"up to","approx_kind":"upper","counts":"civilians","why":"digits; hedge"}"#
        );
        let back: Span = serde_json::from_str(&json).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn clearing_the_last_rare_attribute_drops_the_box() {
        let mut s = Span::new(Label::Date, "date", "Monday", 0, 6);
        assert_eq!(s.modifier(), None);
        s.set_modifier(None);
        assert!(s.extra.is_none());
        s.set_modifier(Some("START".into()));
        assert_eq!(s.modifier(), Some("START"));
        s.set_modifier(None);
        assert!(
            s.extra.is_none(),
            "an empty box would make equal spans unequal"
        );
        let back: Span = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(back, s);
    }
}
