//! Gold-corpus checks with floors.
//!
//! The seed gold (`tests/gold/seeds/`, copied from `shared/gold/seeds`) always
//! runs. The larger corpora in `../shared/gold/` (MEANTIME Wikinews, WikiGold,
//! Recognizers-Text) run when that folder exists beside the clone, as it does in
//! CI, and the test says so when it skips them. Matching follows
//! `shared/eval/score.py`: exact or overlap, one-to-one, on code points.
//!
//! Floors only go up: raise one when a lens improves, never lower it to pass.
#![cfg(not(target_arch = "wasm32"))] // native only: files, processes, proptest

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use newslens::offsets::Unit;
use newslens::{Options, annotate};
use serde_json::Value;

/// A span on code points, from the gold or from the system.
#[derive(Clone, Debug)]
struct S {
    start: usize,
    end: usize,
    label: String,
    attrs: HashMap<String, String>,
    alts: Vec<String>,
}

struct Doc {
    name: String,
    dct: Option<String>,
    gold: Vec<S>,
    annotated: Option<Vec<String>>,
    sys: Vec<S>,
}

fn str_attrs(v: &Value) -> HashMap<String, String> {
    let mut m = HashMap::new();
    if let Some(o) = v.as_object() {
        for (k, x) in o {
            if let Some(s) = x.as_str() {
                m.insert(k.clone(), s.to_string());
            }
        }
    }
    m
}

/// Loads every gold document under `dir` and annotates it with its own dct.
fn load(dir: &Path, map: &[(&str, &str)]) -> Vec<Doc> {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "json") {
                files.push(p);
            }
        }
    }
    files.sort();
    let rename = |l: &str| -> String {
        map.iter()
            .find(|(a, _)| *a == l)
            .map(|(_, b)| b.to_string())
            .unwrap_or(l.to_string())
    };
    files
        .iter()
        .map(|f| {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
            let text = v["text"].as_str().unwrap_or_default().to_string();
            let dct = v["dct"]
                .as_str()
                .map(|s| s.chars().take(10).collect::<String>());
            let gold = v["spans"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|s| S {
                            start: s["start"].as_u64().unwrap_or(0) as usize,
                            end: s["end"].as_u64().unwrap_or(0) as usize,
                            label: rename(s["label"].as_str().unwrap_or("")),
                            attrs: str_attrs(s),
                            alts: s["alt"]
                                .as_array()
                                .map(|a| {
                                    a.iter()
                                        .filter_map(|x| x.as_str().map(String::from))
                                        .collect()
                                })
                                .unwrap_or_default(),
                        })
                        .collect()
                })
                .unwrap_or_default();
            let annotated = v["annotated_labels"]
                .as_array()
                .map(|a| a.iter().filter_map(|x| x.as_str().map(&rename)).collect());
            let opts = Options {
                reference_date: dct.clone(),
                ..Options::default()
            };
            let mut found = annotate(&text, &opts);
            found.convert_offsets(&text, Unit::Codepoint);
            let sys = found
                .spans
                .iter()
                .map(|s| {
                    let j = serde_json::to_value(s).unwrap();
                    S {
                        start: s.start,
                        end: s.end,
                        label: rename(s.label.as_str()),
                        attrs: str_attrs(&j),
                        alts: Vec::new(),
                    }
                })
                .collect();
            Doc {
                name: f.file_stem().unwrap().to_string_lossy().into_owned(),
                dct,
                gold,
                annotated,
                sys,
            }
        })
        .collect()
}

#[derive(Default, Debug)]
struct Tally {
    gold: usize,
    sys: usize,
    exact: usize,
    overlap: usize,
    /// Among overlap-matched gold spans with a value: matched, value right.
    val_n: usize,
    val_ok: usize,
    /// Figures: hedge right (both absent counts), counted thing right.
    hedge_n: usize,
    hedge_ok: usize,
    counts_n: usize,
    counts_ok: usize,
    speaker_n: usize,
    speaker_ok: usize,
    /// (gold entity, system entity) per matched actor mention with a gold entity.
    entity_pairs: Vec<(String, String)>,
}

fn f1(tp: usize, sys: usize, gold: usize) -> f64 {
    let p = if sys > 0 { tp as f64 / sys as f64 } else { 0.0 };
    let r = if gold > 0 {
        tp as f64 / gold as f64
    } else {
        0.0
    };
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

fn ratio(a: usize, n: usize) -> f64 {
    if n == 0 { 1.0 } else { a as f64 / n as f64 }
}

impl Tally {
    fn exact_f1(&self) -> f64 {
        f1(self.exact, self.sys, self.gold)
    }
    fn overlap_f1(&self) -> f64 {
        f1(self.overlap, self.sys, self.gold)
    }
    fn value_acc(&self) -> f64 {
        ratio(self.val_ok, self.val_n)
    }
    /// TempEval-3 value F1: matched with the right value over system and gold.
    fn value_f1(&self) -> f64 {
        f1(self.val_ok, self.sys, self.gold)
    }
}

/// Purity: share of system-entity mentions that belong to the system entity's
/// majority gold entity. Completeness: the same with roles swapped.
fn purity(pairs: &[(String, String)], swap: bool) -> f64 {
    let mut clusters: HashMap<&str, HashMap<&str, usize>> = HashMap::new();
    for (g, s) in pairs {
        let (k, v) = if swap { (g, s) } else { (s, g) };
        *clusters.entry(k).or_default().entry(v).or_default() += 1;
    }
    let best: usize = clusters
        .values()
        .map(|m| m.values().copied().max().unwrap_or(0))
        .sum();
    ratio(best, pairs.len())
}

/// One-to-one matches (gold index, system index): exact pairs, or greedy overlap.
fn matches(g: &[&S], s: &[&S], overlap: bool) -> Vec<(usize, usize)> {
    let mut cand = Vec::new();
    for (gi, a) in g.iter().enumerate() {
        for (si, b) in s.iter().enumerate() {
            let ov = a.end.min(b.end) as isize - a.start.max(b.start) as isize;
            let exact = a.start == b.start && a.end == b.end;
            if exact || (overlap && ov > 0) {
                cand.push((!exact, -ov, a.start, b.start, gi, si));
            }
        }
    }
    cand.sort();
    let (mut ug, mut us) = (vec![false; g.len()], vec![false; s.len()]);
    let mut out = Vec::new();
    for (.., gi, si) in cand {
        if !ug[gi] && !us[si] {
            ug[gi] = true;
            us[si] = true;
            out.push((gi, si));
        }
    }
    out
}

fn tally(docs: &[Doc], label: &str) -> Tally {
    let mut t = Tally::default();
    for d in docs {
        if d.annotated
            .as_ref()
            .is_some_and(|a| !a.iter().any(|x| x == label))
        {
            continue;
        }
        let g: Vec<&S> = d.gold.iter().filter(|s| s.label == label).collect();
        let s: Vec<&S> = d.sys.iter().filter(|s| s.label == label).collect();
        t.gold += g.len();
        t.sys += s.len();
        t.exact += matches(&g, &s, false).len();
        let ov = matches(&g, &s, true);
        t.overlap += ov.len();
        for (gi, si) in ov {
            let (a, b) = (g[gi], s[si]);
            let get = |x: &S, k: &str| x.attrs.get(k).map(|v| v.trim().to_string());
            if let Some(gv) = get(a, "value") {
                t.val_n += 1;
                let sv = get(b, "value");
                if sv
                    .as_ref()
                    .is_some_and(|v| *v == gv || a.alts.iter().any(|x| x.trim() == v))
                {
                    t.val_ok += 1;
                }
            }
            if label == "figure" {
                t.hedge_n += 1;
                if get(a, "approx").map(|x| x.to_lowercase())
                    == get(b, "approx").map(|x| x.to_lowercase())
                {
                    t.hedge_ok += 1;
                }
                if let Some(gc) = get(a, "counts") {
                    t.counts_n += 1;
                    if get(b, "counts").is_some_and(|c| c.eq_ignore_ascii_case(&gc)) {
                        t.counts_ok += 1;
                    }
                }
            }
            if let Some(gs) = get(a, "speaker") {
                t.speaker_n += 1;
                if get(b, "speaker") == Some(gs) {
                    t.speaker_ok += 1;
                }
            }
            if let Some(ge) = get(a, "entity") {
                let se =
                    get(b, "entity").unwrap_or_else(|| format!("<none {}:{}>", d.name, b.start));
                t.entity_pairs.push((ge, se));
            }
        }
    }
    t
}

/// A floor: (label, metric name, value of the metric, minimum).
fn check(corpus: &str, floors: &[(&str, &str, f64, f64)]) {
    let mut bad = Vec::new();
    eprintln!("gold {corpus}:");
    for &(label, metric, got, min) in floors {
        let flag = if got + 1e-9 >= min { "ok " } else { "LOW" };
        eprintln!("  {flag} {label:<7} {metric:<22} {got:.3}  (floor {min:.2})");
        if got + 1e-9 < min {
            bad.push(format!("{corpus} {label} {metric} {got:.3} < {min:.2}"));
        }
    }
    assert!(bad.is_empty(), "below the floor: {bad:?}");
}

fn shared_gold(sub: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("shared")
        .join("gold")
        .join(sub);
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!(
            "SKIPPED: {} not found (the shared gold corpora are not beside this clone)",
            p.display()
        );
        None
    }
}

#[test]
fn seeds() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold/seeds");
    let docs = load(&dir, &[]);
    assert_eq!(docs.len(), 5, "the five seed gold files");
    assert!(docs.iter().all(|d| d.dct.is_some()));
    let a = tally(&docs, "actor");
    let p = tally(&docs, "place");
    let d = tally(&docs, "date");
    let f = tally(&docs, "figure");
    let q = tally(&docs, "quote");
    check(
        "seeds",
        &[
            ("actor", "exact F1", a.exact_f1(), 0.95),
            (
                "actor",
                "entity purity",
                purity(&a.entity_pairs, false),
                0.95,
            ),
            (
                "actor",
                "entity completeness",
                purity(&a.entity_pairs, true),
                0.95,
            ),
            ("place", "exact F1", p.exact_f1(), 0.95),
            ("date", "exact F1", d.exact_f1(), 0.95),
            ("date", "value accuracy", d.value_acc(), 0.95),
            ("figure", "exact F1", f.exact_f1(), 0.95),
            ("figure", "value accuracy", f.value_acc(), 0.95),
            (
                "figure",
                "hedge accuracy",
                ratio(f.hedge_ok, f.hedge_n),
                0.95,
            ),
            (
                "figure",
                "counted-thing accuracy",
                ratio(f.counts_ok, f.counts_n),
                0.90,
            ),
            ("quote", "exact F1", q.exact_f1(), 0.95),
            (
                "quote",
                "speaker accuracy",
                ratio(q.speaker_ok, q.speaker_n),
                0.94,
            ),
        ],
    );
}

#[test]
fn meantime_dev() {
    let Some(dir) = shared_gold("meantime-dev") else {
        return;
    };
    let docs = load(&dir, &[("duration", "date"), ("set", "date")]);
    let d = tally(&docs, "date");
    let f = tally(&docs, "figure");
    let a = tally(&docs, "actor");
    let p = tally(&docs, "place");
    check(
        "meantime-dev (overlap)",
        &[
            ("date", "overlap F1", d.overlap_f1(), 0.94),
            ("date", "value F1", d.value_f1(), 0.86),
            ("figure", "overlap F1", f.overlap_f1(), 0.94),
            ("actor", "overlap F1", a.overlap_f1(), 0.89),
            ("place", "overlap F1", p.overlap_f1(), 0.73),
        ],
    );
}

#[test]
fn wikigold() {
    let Some(dir) = shared_gold("wikigold") else {
        return;
    };
    let docs = load(&dir, &[]);
    let a = tally(&docs, "actor");
    let p = tally(&docs, "place");
    check(
        "wikigold (exact)",
        &[
            ("actor", "exact F1", a.exact_f1(), 0.71),
            ("place", "exact F1", p.exact_f1(), 0.77),
        ],
    );
}

#[test]
fn recognizers() {
    let Some(dir) = shared_gold("recognizers") else {
        return;
    };
    let mut floors = Vec::new();
    let dt = load(
        &dir.join("DateTimeModel"),
        &[("duration", "date"), ("set", "date")],
    );
    let t = tally(&dt, "date");
    floors.push(("date", "DateTime overlap F1", t.overlap_f1(), 0.73));
    floors.push(("date", "DateTime value F1", t.value_f1(), 0.20));
    for (model, floor) in [
        ("NumberModel", 0.81),
        ("NumberRangeModel", 0.86),
        ("PercentModel", 0.89),
        ("CurrencyModel", 0.77),
        ("DimensionModel", 0.75),
    ] {
        let docs = load(&dir.join(model), &[]);
        let t = tally(&docs, "figure");
        floors.push(("figure", model, t.overlap_f1(), floor));
    }
    check("recognizers (overlap F1 per folder)", &floors);
}
