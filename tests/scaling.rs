//! Does annotation time grow linearly with the text? 8 MB of news must not
//! take much longer than 8 × the time of 1 MB of the same news.
//!
//! The 8 MB text is the 1 MB text eight times over, so the ratio measures
//! length alone, not a change of content. The bound (ratio < 3) is generous on
//! purpose: it is there to catch quadratic behaviour (which gives a ratio near
//! 8), not to time the machine. The target, reported and not asserted, is
//! ratio <= 1.5. Memory is measured by `make bench` on the CLI (max RSS).
//!
//! Ignored by default (too slow in debug): `make bench` runs it with
//! `cargo test --profile perf --test scaling -- --ignored --nocapture`.
#![cfg(not(target_arch = "wasm32"))] // native only: reads files, times the CPU

use std::time::Instant;

use newslens::{Options, annotate};

const MB: usize = 1_000_000;

/// The committed benchmark corpus (synthetic news, see bench/README.md).
fn corpus() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/bench/news.txt");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The longest prefix of `text` that ends at a paragraph break and is at most
/// `max` bytes (so no article or sentence is cut in two).
fn prefix_at_paragraph(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    match text[..end].rfind("\n\n") {
        Some(p) if end < text.len() => &text[..p],
        _ => &text[..end],
    }
}

/// Nanoseconds of CPU time used by this thread (wall time where `/proc` is
/// missing): the test machines are shared, and waiting for a core is not work.
fn clock() -> (u64, bool) {
    let cpu = std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok());
    match cpu {
        Some(ns) => (ns, true),
        None => (EPOCH.with(|e| e.elapsed().as_nanos() as u64), false),
    }
}

thread_local! {
    static EPOCH: Instant = Instant::now();
}

/// The median time of `runs` annotations of `text`, in seconds.
fn median_secs(text: &str, runs: usize, opts: &Options) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let (t0, _) = clock();
            let n = annotate(text, opts).spans.len();
            let (t1, _) = clock();
            std::hint::black_box(n);
            t1.saturating_sub(t0) as f64 / 1e9
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

#[test]
#[ignore = "slow in debug; `make bench` runs it in release"]
fn eight_megabytes_take_about_eight_times_one() {
    let corpus = corpus();
    let one = prefix_at_paragraph(&corpus, MB);
    assert!(
        one.len() > MB * 9 / 10,
        "corpus too small: {}",
        corpus.len()
    );
    let eight = [one; 8].join("\n\n");
    let opts = Options {
        reference_date: Some("2017-02-21".into()),
        // One thread: the clock is this thread's, and the question is how
        // the work grows, not how it is shared out.
        threads: 1,
        ..Options::default()
    };
    let (_, cpu) = clock();

    // Warm up (lexicons are parsed on first use), then alternate sizes so a
    // burst of load on the shared machine hits both.
    annotate(one, &opts);
    let mut t1 = Vec::new();
    let mut t8 = Vec::new();
    for _ in 0..3 {
        t1.push(median_secs(one, 3, &opts));
        t8.push(median_secs(&eight, 1, &opts));
    }
    t1.sort_by(f64::total_cmp);
    t8.sort_by(f64::total_cmp);
    let (a, b) = (t1[1], t8[1]);
    let ratio = b / (8.0 * a);
    eprintln!(
        "scaling ({} clock): 1 MB ({} B) {:.3} s = {:.1} MB/s; 8 MB ({} B) {:.3} s = {:.1} MB/s; \
         8 MB / (8 x 1 MB) = {ratio:.2} (target <= 1.5, asserted < 3); runs 1 MB {t1:.3?}, 8 MB {t8:.3?}",
        if cpu { "thread CPU" } else { "wall" },
        one.len(),
        a,
        one.len() as f64 / a / 1e6,
        eight.len(),
        b,
        eight.len() as f64 / b / 1e6,
    );
    assert!(
        ratio < 3.0,
        "annotation is not linear: 8 MB took {ratio:.2} x eight times 1 MB"
    );
}
