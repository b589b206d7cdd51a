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
    /// The covered text, exactly as in the input, in the spans handed out
    /// whole ([`crate::annotate`]). Inside the core, where the text is at
    /// hand, spans leave it empty and read it through their offsets
    /// ([`Span::text_in`]): an owned copy for each span was about a sixth
    /// of the page's allocations, and the packed form never carries it.
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
        let mut s = Span::bare(label, kind, start, end);
        s.text = s.text_in(text).to_string();
        s
    }

    /// A span with no attributes and its `text` left empty (the core's
    /// spans, see [`Span::text`]).
    pub(crate) fn bare(label: Label, kind: &'static str, start: usize, end: usize) -> Span {
        Span {
            label,
            kind: Cow::Borrowed(kind),
            start,
            end,
            text: String::new(),
            value: None,
            entity: None,
            why: None,
            extra: None,
        }
    }

    /// The covered text read from `text`, the text the span's byte offsets
    /// point into (empty when they do not fit it).
    pub fn text_in<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or_default()
    }

    /// The name an actor span gives: its entity key, else its words in
    /// `text` (the text its offsets point into).
    pub fn name_in(&self, text: &str) -> String {
        self.entity
            .clone()
            .unwrap_or_else(|| self.text_in(text).to_string())
    }

    /// Whether two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// The JSON names of a span's optional attributes, in the order of
/// ANNOTATION.md (the JSON's order, and the packed form's bits).
pub const OPTIONAL_FIELDS: [&str; 11] = [
    "value",
    "mod",
    "approx",
    "approx_kind",
    "counts",
    "unit",
    "source",
    "entity",
    "role",
    "speaker",
    "why",
];

impl Span {
    /// The optional attributes, in [`OPTIONAL_FIELDS`] order.
    pub fn optional_fields(&self) -> [Option<&str>; 11] {
        [
            self.value.as_deref(),
            self.modifier(),
            self.approx(),
            self.approx_kind(),
            self.counts(),
            self.unit(),
            self.source(),
            self.entity.as_deref(),
            self.role(),
            self.speaker(),
            self.why.as_deref(),
        ]
    }
}

/// The JSON form of a [`Span`]: every attribute at the top level, in the
/// order of ANNOTATION.md, absent ones left out.
impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let optional = OPTIONAL_FIELDS.into_iter().zip(self.optional_fields());
        let n = self.optional_fields().iter().flatten().count();
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
    /// `person` or `organization` (a mention's [`Span::kind`], shared).
    #[serde(rename = "type")]
    pub kind: Cow<'static, str>,
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
        convert_span_offsets(&mut self.spans, &crate::offsets::Converter::new(text, unit));
    }
}

/// Rewrites the `start`/`end` of `spans` (bytes of the text `to` was made
/// for) into `to`'s unit: the one place offsets leave bytes.
pub(crate) fn convert_span_offsets(spans: &mut [Span], to: &crate::offsets::Converter) {
    // (Spans come in text order: a cursor converts them in a step or two.)
    let mut to = to.cursor();
    for s in spans {
        s.start = to.convert(s.start);
        s.end = to.convert(s.end);
    }
}

/// The JSON text, written by hand: the output is several times the size of
/// the text, and serde_json's generic serializer spent more instructions on
/// it than some lenses spend on the text. The bytes are exactly those of
/// `serde_json::to_string` on the `Serialize` impls above (compact, fields in
/// the same order, the same escapes); the tests below hold the two together.
impl Annotations {
    /// The JSON object, as one string (the wasm edge parses it with
    /// `JSON.parse`). Equal to `serde_json::to_string(self)`.
    pub fn to_json(&self) -> String {
        let mut json = JsonOut::in_memory(self.json_size_hint());
        json.head(self, None);
        // Writing into memory never fails.
        let _ = json.spans(&self.spans);
        let out = json.finish(&self.entities).unwrap_or_default();
        // Always UTF-8: the writer adds only ASCII to whole `str`s.
        String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }

    /// Writes the JSON object to `w` in pieces of about 64 KB, so a long
    /// text's JSON (several times the text) is never held whole. `doc`, when
    /// given, comes first as a `"doc"` field (the CLI's file name). Without
    /// `doc` the bytes are those of [`Annotations::to_json`].
    pub fn write_json(&self, doc: Option<&str>, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        let mut json = JsonOut::to(w);
        json.head(self, doc);
        json.spans(&self.spans)?;
        json.finish(&self.entities).map(drop)
    }

    /// A guess a little above the JSON's length (field names, numbers and
    /// the rarer fields take about 110 bytes a span besides its text and
    /// `why`), so the buffer is allocated once.
    fn json_size_hint(&self) -> usize {
        let spans: usize = self
            .spans
            .iter()
            .map(|s| 120 + s.text.len() + s.why.as_deref().map_or(0, str::len))
            .sum();
        256 + spans + self.entities.len() * 144
    }
}

/// The JSON of [`Annotations`] being written: the head, then the spans (in
/// one call or a window's at a time), then the entities. Written to a
/// writer, it goes out in pieces of about [`JsonOut::PIECE`] bytes.
pub(crate) struct JsonOut<'w> {
    /// Where full pieces go; none for JSON kept whole in memory.
    w: Option<&'w mut dyn std::io::Write>,
    out: Vec<u8>,
    /// Spans written so far.
    spans: usize,
}

impl<'w> JsonOut<'w> {
    /// About how many bytes are written to a writer at a time.
    const PIECE: usize = 64 * 1024;

    /// JSON written to `w` in pieces.
    pub(crate) fn to(w: &'w mut dyn std::io::Write) -> Self {
        JsonOut {
            w: Some(w),
            out: Vec::with_capacity(Self::PIECE + 4096),
            spans: 0,
        }
    }

    /// JSON kept whole, in a buffer of `capacity` bytes to start with.
    fn in_memory(capacity: usize) -> Self {
        JsonOut {
            w: None,
            out: Vec::with_capacity(capacity),
            spans: 0,
        }
    }

    /// Writes out what is held once it is a whole piece.
    fn piece(&mut self) -> std::io::Result<()> {
        if let Some(w) = self.w.as_mut()
            && self.out.len() > Self::PIECE
        {
            w.write_all(&self.out)?;
            self.out.clear();
        }
        Ok(())
    }

    /// The object's opening, up to the opening of `spans`, with the
    /// reference date of `found` (its spans and entities are not read).
    pub(crate) fn head(&mut self, found: &Annotations, doc: Option<&str>) {
        let out = &mut self.out;
        out.push(b'{');
        if let Some(doc) = doc {
            out.extend_from_slice(b"\"doc\":");
            json::string(out, doc);
            out.push(b',');
        }
        out.extend_from_slice(b"\"reference_date\":");
        json::optional(out, found.reference_date.as_deref());
        out.extend_from_slice(b",\"reference_date_source\":\"");
        out.extend_from_slice(match found.reference_date_source {
            RefSource::Given => b"given",
            RefSource::Inferred => b"inferred",
            RefSource::None => b"none",
        });
        out.extend_from_slice(b"\",\"reference_date_clue\":");
        json::optional(out, found.reference_date_clue.as_deref());
        out.extend_from_slice(b",\"spans\":[");
    }

    /// The next spans of the array.
    pub(crate) fn spans(&mut self, spans: &[Span]) -> std::io::Result<()> {
        for s in spans {
            if self.spans > 0 {
                self.out.push(b',');
            }
            s.write_json(s.start, s.end, &s.text, &mut self.out);
            self.spans += 1;
            self.piece()?;
        }
        Ok(())
    }

    /// The next `count` spans of the array, written already by
    /// [`core_spans_json`].
    pub(crate) fn written(&mut self, json: &[u8], count: usize) -> std::io::Result<()> {
        if count == 0 {
            return Ok(());
        }
        if self.spans > 0 {
            self.out.push(b',');
        }
        self.spans += count;
        match self.w.as_mut() {
            // Handed on as it is, not copied into the piece held.
            Some(w) => {
                w.write_all(&self.out)?;
                self.out.clear();
                w.write_all(json)
            }
            None => {
                self.out.extend_from_slice(json);
                Ok(())
            }
        }
    }

    /// The end of the object, from the close of `spans`: the entities.
    /// Returns what is held (all the JSON when kept in memory, else nothing).
    pub(crate) fn finish<E: EntityFields>(
        mut self,
        entities: impl IntoIterator<Item = E>,
    ) -> std::io::Result<Vec<u8>> {
        self.out.extend_from_slice(b"],\"entities\":[");
        for (i, e) in entities.into_iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            e.write_json(&mut self.out);
            self.piece()?;
        }
        self.out.extend_from_slice(b"]}");
        if let Some(w) = self.w {
            w.write_all(&self.out)?;
            self.out.clear();
        }
        Ok(self.out)
    }
}

/// The JSON of spans as the core finds them, one after another with commas
/// between, for [`JsonOut::written`]: their offsets are bytes of `text` and
/// their own `text` is empty ([`Span::text`]), so each is written with its
/// words read from `text` and its offsets in `to`'s unit.
pub(crate) fn core_spans_json(
    spans: &[Span],
    text: &str,
    to: &crate::offsets::Converter,
) -> Vec<u8> {
    // About 160 bytes a span in the bench corpus's JSON.
    let mut out = Vec::with_capacity(spans.len() * 192);
    let mut to = to.cursor();
    for (i, s) in spans.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        s.write_json(
            to.convert(s.start),
            to.convert(s.end),
            s.text_in(text),
            &mut out,
        );
    }
    out
}

impl Span {
    /// Appends the span's JSON object (as its `Serialize` impl writes it)
    /// with the offsets `start..end` and the covered `text` given.
    fn write_json(&self, start: usize, end: usize, text: &str, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"label\":\"");
        out.extend_from_slice(self.label.as_str().as_bytes());
        out.extend_from_slice(b"\",\"type\":");
        json::string(out, &self.kind);
        out.extend_from_slice(b",\"start\":");
        json::number(out, start);
        out.extend_from_slice(b",\"end\":");
        json::number(out, end);
        out.extend_from_slice(b",\"text\":");
        json::string(out, text);
        for (name, v) in OPTIONAL_FIELDS.into_iter().zip(self.optional_fields()) {
            if let Some(v) = v {
                out.extend_from_slice(b",\"");
                out.extend_from_slice(name.as_bytes());
                out.extend_from_slice(b"\":");
                json::string(out, v);
            }
        }
        out.push(b'}');
    }
}

/// An entity's fields as the JSON writer and the packer read them: an
/// [`Entity`], or one of a text's entities still in the tables they were
/// gathered in (`entities::Grouped`), so the page's call and the CLI make
/// no [`Entity`] and no string of it only to write it out.
pub(crate) trait EntityFields {
    /// [`Entity::name`].
    fn name(&self) -> &str;
    /// [`Entity::kind`].
    fn kind(&self) -> &Cow<'static, str>;
    /// [`Entity::roles`].
    fn roles(&self) -> impl ExactSizeIterator<Item = &str>;
    /// [`Entity::aliases`].
    fn aliases(&self) -> impl ExactSizeIterator<Item = &str>;
    /// [`Entity::mentions`].
    fn mentions(&self) -> &[usize];

    /// Appends the entity's JSON object (as the derived `Serialize` of
    /// [`Entity`] writes it).
    fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"name\":");
        json::string(out, self.name());
        out.extend_from_slice(b",\"type\":");
        json::string(out, self.kind());
        out.extend_from_slice(b",\"roles\":");
        json::strings(out, self.roles());
        out.extend_from_slice(b",\"aliases\":");
        json::strings(out, self.aliases());
        out.extend_from_slice(b",\"mentions\":[");
        for (i, &m) in self.mentions().iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            json::number(out, m);
        }
        out.extend_from_slice(b"]}");
    }
}

impl EntityFields for &Entity {
    fn name(&self) -> &str {
        &self.name
    }

    fn kind(&self) -> &Cow<'static, str> {
        &self.kind
    }

    fn roles(&self) -> impl ExactSizeIterator<Item = &str> {
        self.roles.iter().map(String::as_str)
    }

    fn aliases(&self) -> impl ExactSizeIterator<Item = &str> {
        self.aliases.iter().map(String::as_str)
    }

    fn mentions(&self) -> &[usize] {
        &self.mentions
    }
}

/// The few JSON pieces the writer needs, each as serde_json writes it.
/// They append UTF-8: whole `str`s and ASCII.
mod json {
    /// `s` as a JSON string: `"` and `\` escaped with a backslash, control
    /// characters as `\n`-style or `\u00XX` escapes, everything else as is.
    pub(super) fn string(out: &mut Vec<u8>, s: &str) {
        out.push(b'"');
        // Most strings need no escape: one test of all their bytes, then one copy.
        let bytes = s.as_bytes();
        if !any_escape(bytes) {
            out.extend_from_slice(bytes);
        } else {
            // Escaped bytes are ASCII, so every other byte (of a multi-byte
            // character too) is copied as it is.
            for &b in bytes {
                if needs_escape(b) {
                    escape(out, b);
                } else {
                    out.push(b);
                }
            }
        }
        out.push(b'"');
    }

    /// The bytes JSON cannot hold as they are.
    fn needs_escape(b: u8) -> bool {
        b < 0x20 || b == b'"' || b == b'\\'
    }

    /// Whether any byte of `bytes` needs an escape.
    fn any_escape(bytes: &[u8]) -> bool {
        // Tested 16 bytes at a time, without an early exit inside a group,
        // which the compiler turns into a few vector instructions. The last
        // group (all of most strings, which are short) is padded with spaces,
        // which need no escape, rather than tested byte by byte.
        let clean = |group: &[u8; 16]| !group.iter().fold(false, |any, &b| any | needs_escape(b));
        let mut groups = bytes.chunks_exact(16);
        let mut last = [b' '; 16];
        for (pad, &b) in last.iter_mut().zip(groups.remainder()) {
            *pad = b;
        }
        !(groups.all(|g| <&[u8; 16]>::try_from(g).is_ok_and(clean)) && clean(&last))
    }

    fn escape(out: &mut Vec<u8>, b: u8) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            _ => out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 15)],
            ]),
        }
    }

    /// A string, or `null`.
    pub(super) fn optional(out: &mut Vec<u8>, s: Option<&str>) {
        match s {
            Some(s) => string(out, s),
            None => out.extend_from_slice(b"null"),
        }
    }

    /// An array of strings.
    pub(super) fn strings<'s>(out: &mut Vec<u8>, list: impl Iterator<Item = &'s str>) {
        out.push(b'[');
        for (i, s) in list.enumerate() {
            if i > 0 {
                out.push(b',');
            }
            string(out, s);
        }
        out.push(b']');
    }

    /// A whole number in decimal, without going through `fmt`.
    pub(super) fn number(out: &mut Vec<u8>, mut n: usize) {
        // Filled from the end, two digits per division; 20 digits hold any
        // `usize` (2^64 - 1 has 20).
        const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
            2021222324252627282930313233343536373839\
            4041424344454647484950515253545556575859\
            6061626364656667686970717273747576777879\
            8081828384858687888990919293949596979899";
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        while n >= 100 {
            let pair = 2 * (n % 100);
            n /= 100;
            at -= 2;
            digits[at..at + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
        }
        if n >= 10 {
            at -= 2;
            digits[at..at + 2].copy_from_slice(&PAIRS[2 * n..2 * n + 2]);
        } else {
            at -= 1;
            digits[at] = b'0' + n as u8;
        }
        out.extend_from_slice(&digits[at..]);
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
    /// How many windows of a long text (over [`crate::text::WINDOW`]) may be
    /// read at once, each on a thread of its own (at most 8): 0 or 1, the
    /// default, reads them on the calling thread; the CLI asks for one per
    /// core. What is found never depends on it. Only the native build has
    /// threads. (Not read from JSON: the page runs in wasm.)
    #[serde(skip)]
    pub threads: usize,
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

    /// Strings that test every escape: quotes, backslashes, every control
    /// character, DEL, non-ASCII (two, three and four bytes), and escapes at
    /// the start, the end and next to each other.
    fn awkward_strings() -> Vec<String> {
        let mut v: Vec<String> = (0u8..0x80).map(|b| char::from(b).to_string()).collect();
        v.extend(
            [
                "",
                "plain words",
                "\"quoted\"",
                "back\\slash\\",
                "\\\"",
                "tab\tnew\nline\r\n",
                "\u{0}\u{1}\u{1f}\u{7f}",
                "café “curly” 🙂 é\u{301}",
                "\u{2028}\u{2029}\u{feff}\u{202e}",
                "end\\",
                "\"",
            ]
            .map(String::from),
        );
        v
    }

    /// A span with every attribute set to `s`.
    fn full_span(s: &str, start: usize) -> Span {
        let mut span = Span::new(Label::Quote, "quote", "", 0, 0);
        span.text = s.to_string();
        span.kind = Cow::Owned(s.to_string());
        span.start = start;
        span.end = usize::MAX - start;
        span.value = Some(s.to_string());
        span.entity = Some(s.to_string());
        span.why = Some(Cow::Owned(s.to_string()));
        span.set_modifier(Some(s.to_string()));
        span.set_approx(Some(s.to_string()));
        span.set_approx_kind(Some(s.to_string()));
        span.set_counts(Some(s.to_string()));
        span.set_unit(Some(s.to_string()));
        span.set_source(Some(s.to_string()));
        span.set_role(Some(s.to_string()));
        span.set_speaker(Some(s.to_string()));
        span
    }

    /// The hand-written JSON must be serde_json's, byte for byte: every field
    /// present and absent, every escape, numbers from 0 to `usize::MAX`.
    #[test]
    fn hand_written_json_equals_serde_json() {
        let strings = awkward_strings();
        let mut spans = Vec::new();
        for (i, s) in strings.iter().enumerate() {
            spans.push(full_span(s, i * 997));
            spans.push(Span::new(Label::Date, "date", s, 0, s.len()));
            let mut some = Span::new(Label::Figure, "count", s, 0, s.len());
            some.set_unit(Some(s.clone()));
            some.why = Some(Cow::Borrowed("rule"));
            spans.push(some);
        }
        let entities: Vec<Entity> = strings
            .iter()
            .enumerate()
            .map(|(i, s)| Entity {
                name: s.clone(),
                kind: "person".into(),
                roles: strings.iter().take(i % 4).cloned().collect(),
                aliases: vec![s.clone(), "x".into()],
                mentions: (0..i % 5).map(|m| m * 1_000_003).collect(),
            })
            .collect();
        for (i, source) in [RefSource::Given, RefSource::Inferred, RefSource::None]
            .into_iter()
            .enumerate()
        {
            let a = Annotations {
                reference_date: (i != 1).then(|| "2017-02-21".into()),
                reference_date_source: source,
                reference_date_clue: (i != 0).then(|| "\"a\" clue\n".into()),
                spans: spans.clone(),
                entities: entities.clone(),
            };
            assert_eq!(a.to_json(), serde_json::to_string(&a).unwrap());
        }
        let empty = Annotations::default();
        assert_eq!(empty.to_json(), serde_json::to_string(&empty).unwrap());
    }

    /// The CLI's document (`doc` first, then the annotations), written in
    /// pieces, is what serde_json writes for the same flattened struct.
    #[test]
    fn written_in_pieces_with_doc_equals_serde_json() {
        #[derive(Serialize)]
        struct Output<'a> {
            doc: &'a str,
            #[serde(flatten)]
            annotations: &'a Annotations,
        }
        let text = "“Mosul” is 20% \"of\" it, \\ said Mattis on Monday.\n".repeat(2000);
        let a = crate::annotate(&text, &Options::default());
        assert!(a.spans.len() > 1000, "enough spans to need several pieces");
        for doc in ["news", "a \"b\" \\ ü"] {
            let mut got = Vec::new();
            a.write_json(Some(doc), &mut got).unwrap();
            let want = serde_json::to_string(&Output {
                doc,
                annotations: &a,
            })
            .unwrap();
            assert_eq!(String::from_utf8(got).unwrap(), want);
        }
        let mut got = Vec::new();
        a.write_json(None, &mut got).unwrap();
        assert_eq!(String::from_utf8(got).unwrap(), a.to_json());
    }

    #[test]
    fn numbers_are_written_as_serde_json_writes_them() {
        let mut n: usize = 1;
        let mut all = vec![0, usize::MAX, usize::MAX - 1];
        while let Some(next) = n.checked_mul(10) {
            all.extend([n - 1, n, n + 1, 2 * n - 1, 5 * n + 3]);
            n = next;
        }
        all.extend(0..1000);
        for n in all {
            let mut out = Vec::new();
            json::number(&mut out, n);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(&n).unwrap()
            );
        }
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
