//! Shared by the integration tests: the table-test runner over `testdata/`,
//! and the seed articles.
#![allow(dead_code)] // each test binary uses a part of it

use newslens::{Annotations, Label, Options, Span, annotate};
use serde::Deserialize;

/// One table case (format in `testdata/README.md`).
#[derive(Debug, Deserialize)]
pub struct Case {
    pub name: String,
    pub text: String,
    #[serde(default)]
    pub reference_date: Option<String>,
    #[serde(default)]
    pub day_first: bool,
    #[serde(default)]
    pub spans: Vec<toml::Table>,
    #[serde(default)]
    pub absent: Vec<toml::Table>,
}

#[derive(Debug, Deserialize)]
struct File {
    #[serde(default)]
    case: Vec<Case>,
}

/// Every testdata file, embedded so the wasm run needs no file system.
pub const FILES: &[(&str, &str)] = &[
    ("dates.toml", include_str!("../../testdata/dates.toml")),
    ("figures.toml", include_str!("../../testdata/figures.toml")),
    ("actors.toml", include_str!("../../testdata/actors.toml")),
    ("quotes.toml", include_str!("../../testdata/quotes.toml")),
];

/// Parses one testdata file.
pub fn cases(name: &str, src: &str) -> Vec<Case> {
    match toml::from_str::<File>(src) {
        Ok(f) => f.case,
        Err(e) => panic!("testdata/{name} does not parse: {e}"),
    }
}

fn attr<'a>(s: &'a Span, key: &str) -> Option<Option<&'a str>> {
    Some(match key {
        "label" => Some(s.label.as_str()),
        "type" => Some(&*s.kind),
        "value" => s.value.as_deref(),
        "mod" => s.modifier(),
        "approx" => s.approx(),
        "approx_kind" => s.approx_kind(),
        "counts" => s.counts(),
        "unit" => s.unit(),
        "source" => s.source(),
        "entity" => s.entity.as_deref(),
        "role" => s.role(),
        "speaker" => s.speaker(),
        _ => return None,
    })
}

/// Byte range of the `nth` occurrence of `needle` in `hay`.
fn locate(hay: &str, needle: &str, nth: usize) -> Option<(usize, usize)> {
    hay.match_indices(needle)
        .nth(nth)
        .map(|(i, m)| (i, i + m.len()))
}

/// Runs one case through `run` (native or wasm) and returns the failures.
pub fn check(file: &str, case: &Case, run: &dyn Fn(&str, &Options) -> Annotations) -> Vec<String> {
    let mut fails = Vec::new();
    if case.spans.is_empty() && case.absent.is_empty() {
        fails.push(format!(
            "{file}::{}: case has neither spans nor absent",
            case.name
        ));
        return fails;
    }
    let opts = Options {
        reference_date: case.reference_date.clone(),
        day_first: case.day_first,
        ..Options::default()
    };
    let got = run(&case.text, &opts);
    let shown = || {
        got.spans
            .iter()
            .map(|s| {
                format!(
                    "{}:{:?}[{}] {}",
                    s.label.as_str(),
                    s.text,
                    s.kind,
                    s.value.as_deref().unwrap_or("")
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    for want in &case.spans {
        let Some(needle) = want.get("text").and_then(|v| v.as_str()) else {
            fails.push(format!("{file}::{}: expected span without text", case.name));
            continue;
        };
        let nth = want.get("nth").and_then(|v| v.as_integer()).unwrap_or(0) as usize;
        let Some((a, b)) = locate(&case.text, needle, nth) else {
            fails.push(format!(
                "{file}::{}: {needle:?} does not occur in the text",
                case.name
            ));
            continue;
        };
        let label = want.get("label").and_then(|v| v.as_str()).unwrap_or("");
        let found = got
            .spans
            .iter()
            .find(|s| s.start == a && s.end == b && s.label.as_str() == label);
        let Some(span) = found else {
            fails.push(format!(
                "{file}::{}: in {:?} expected {label} {needle:?}; found [{}]",
                case.name,
                case.text,
                shown()
            ));
            continue;
        };
        for (k, v) in want {
            if matches!(k.as_str(), "text" | "nth" | "label") {
                continue;
            }
            let want_v = v.as_str().unwrap_or("");
            match attr(span, k) {
                None => fails.push(format!("{file}::{}: unknown attribute {k}", case.name)),
                Some(have) => {
                    let have = have.unwrap_or("");
                    if have != want_v {
                        fails.push(format!(
                            "{file}::{}: {needle:?} {k}: expected {want_v:?}, got {have:?} (why: {})",
                            case.name,
                            span.why.as_deref().unwrap_or("-")
                        ));
                    }
                }
            }
        }
    }
    for neg in &case.absent {
        let needle = neg.get("text").and_then(|v| v.as_str()).unwrap_or("");
        let label = neg.get("label").and_then(|v| v.as_str()).unwrap_or("");
        let nth = neg.get("nth").and_then(|v| v.as_integer()).unwrap_or(0) as usize;
        let Some((a, b)) = locate(&case.text, needle, nth) else {
            fails.push(format!(
                "{file}::{}: {needle:?} does not occur in the text",
                case.name
            ));
            continue;
        };
        if let Some(s) = got
            .spans
            .iter()
            .find(|s| s.label.as_str() == label && s.start < b && a < s.end)
        {
            fails.push(format!(
                "{file}::{}: {needle:?} must not be a {label}, but {:?} is",
                case.name, s.text
            ));
        }
    }
    fails
}

/// The native run.
pub fn native(text: &str, opts: &Options) -> Annotations {
    annotate(text, opts)
}

/// Labels, for iteration.
pub const LABELS: [Label; 5] = [
    Label::Actor,
    Label::Place,
    Label::Date,
    Label::Figure,
    Label::Quote,
];

/// The seed articles (`seeds/*.txt`), each with its path, in path order.
pub fn seed_articles() -> Vec<(std::path::PathBuf, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 5,
        "the seed articles are missing from {}",
        dir.display()
    );
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p, text)
        })
        .collect()
}

/// The seed articles, one after another, again and again from `start` until
/// the text is longer than `bytes`.
pub fn seeds_past(start: &str, bytes: usize) -> String {
    let seeds: Vec<String> = seed_articles().into_iter().map(|(_, text)| text).collect();
    let mut text = String::from(start);
    while text.len() <= bytes {
        for s in &seeds {
            text.push_str(s);
            text.push_str("\n\n");
        }
    }
    text
}
