//! The quotes lens (ANNOTATION.md §5): direct quotations and their speakers.

use crate::model::Span;
use crate::text::Doc;

/// Finds quotations in `doc`; `spans` holds the other lenses' spans (the
/// actors among them are the candidate speakers).
pub fn find(doc: &Doc, spans: &[Span]) -> Vec<Span> {
    let _ = (doc, spans);
    Vec::new()
}
