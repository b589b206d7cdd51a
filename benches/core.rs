//! Throughput of the core over `bench/news.txt` (synthetic news, ~4 MB; see
//! `bench/README.md`). Run with `make bench` or `cargo bench --profile perf --bench core`.
//!
//! Every benchmark prints the question it answers. Throughput is in bytes of
//! input, so criterion reports MB/s (decimal) directly.
//!
//! The clock is this thread's **CPU time** (from `/proc/thread-self/schedstat`),
//! not wall time: the machines running this are small and shared, and time
//! spent waiting for a core is not the core's cost. `NEWSLENS_BENCH_CLOCK=wall`
//! switches to wall time (also the fallback where `/proc` is missing).
//!
//! "Per lens" means only that lens switched on in `Options.lenses`. Lenses
//! are not independent: dates always run (they own the numbers), and figures
//! and quotes need the names recognizer, so a lens's own cost is the
//! difference between its figure and the one it depends on (e.g. figures
//! minus actors).

// Criterion does not build for wasm32 (`cargo clippy --target wasm32
// --all-targets` still compiles this file): there, the bench is empty.
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::time::Duration;

    use criterion::measurement::{Measurement, ValueFormatter, WallTime};
    use criterion::{Criterion, SamplingMode, Throughput, criterion_group};
    use newslens::offsets::Unit;
    use newslens::text::Doc;
    use newslens::{Lenses, Options, annotate};

    /// The committed corpus, read at run time so editing it needs no rebuild;
    /// `NEWSLENS_BENCH_BYTES=N` keeps its first N bytes (cut at a paragraph
    /// break) for a quicker run.
    fn corpus() -> String {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/bench/news.txt");
        let mut text = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("{path}: {e} (run scripts/gen_bench_corpus.py)"));
        if let Some(max) = std::env::var("NEWSLENS_BENCH_BYTES")
            .ok()
            .and_then(|v| v.parse::<usize>().ok())
            && max < text.len()
        {
            let mut end = max;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let end = text[..end].rfind("\n\n").unwrap_or(end);
            text.truncate(end);
        }
        eprintln!("corpus: {} bytes of bench/news.txt", text.len());
        text
    }

    /// Options with only the lenses named switched on.
    fn only(names: &[&str]) -> Options {
        let on = |n: &str| names.contains(&n);
        Options {
            // Fixed, so the run does not depend on what is inferred from the text.
            reference_date: Some("2017-02-21".into()),
            lenses: Lenses {
                actors: on("actors"),
                places: on("places"),
                dates: on("dates"),
                figures: on("figures"),
                quotes: on("quotes"),
            },
            day_first: false,
            // The core's speed on one thread: the clock below is this
            // thread's, and the page (wasm) has no other. (Texts over
            // `text::WINDOW` would otherwise have their windows shared out.)
            threads: 1,
        }
    }

    /// Nanoseconds of CPU time this thread has run, or of wall time when the
    /// wall clock was asked for or `/proc` cannot tell.
    struct Clock {
        cpu: bool,
        wall: WallTime,
        epoch: std::time::Instant,
    }

    impl Clock {
        fn new() -> Clock {
            let want_wall = std::env::var("NEWSLENS_BENCH_CLOCK").is_ok_and(|v| v == "wall");
            let cpu = !want_wall && thread_cpu_ns().is_some();
            eprintln!(
                "clock: {}",
                if cpu { "thread CPU time" } else { "wall time" }
            );
            Clock {
                cpu,
                wall: WallTime,
                epoch: std::time::Instant::now(),
            }
        }

        fn now(&self) -> u64 {
            if self.cpu {
                thread_cpu_ns().unwrap_or(0)
            } else {
                self.epoch.elapsed().as_nanos() as u64
            }
        }
    }

    /// The first field of schedstat: time spent on a CPU, in nanoseconds.
    fn thread_cpu_ns() -> Option<u64> {
        let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
        s.split_whitespace().next()?.parse().ok()
    }

    impl Measurement for Clock {
        type Intermediate = u64;
        type Value = u64;

        fn start(&self) -> u64 {
            self.now()
        }
        fn end(&self, start: u64) -> u64 {
            self.now().saturating_sub(start)
        }
        fn add(&self, a: &u64, b: &u64) -> u64 {
            a + b
        }
        fn zero(&self) -> u64 {
            0
        }
        fn to_f64(&self, v: &u64) -> f64 {
            *v as f64
        }
        fn formatter(&self) -> &dyn ValueFormatter {
            // Values are nanoseconds, as wall time's are: reuse its formatting.
            self.wall.formatter()
        }
    }

    fn question(id: &str, q: &str) {
        eprintln!("\n[{id}] {q}");
    }

    fn benches(c: &mut Criterion<Clock>) {
        let text = corpus();
        let mut g = c.benchmark_group("core");
        // One iteration over 4 MB takes long enough that criterion's linear
        // sampling would run for minutes; flat sampling keeps it to ~10 s each.
        g.sampling_mode(SamplingMode::Flat);
        g.sample_size(10);
        g.warm_up_time(Duration::from_secs(1));
        g.measurement_time(Duration::from_secs(8));
        g.throughput(Throughput::BytesDecimal(text.len() as u64));

        question(
            "core/tokenize",
            "How fast is the one shared pass (tokens + sentences) that every lens builds on?",
        );
        g.bench_function("tokenize", |b| {
            b.iter(|| Doc::new(black_box(&text)).tokens.len())
        });

        let lenses: [(&str, &[&str], &str); 5] = [
            (
                "dates",
                &["dates"],
                "Dates alone: tokenizing + the dates lens (the floor every call pays).",
            ),
            (
                "actors",
                &["actors"],
                "Actors alone: dates + the names recognizer (places come from the same pass).",
            ),
            (
                "places",
                &["places"],
                "Places alone: the same work as actors, reported under the other label.",
            ),
            (
                "figures",
                &["figures"],
                "Figures alone: dates + names (which figures must not swallow) + figures.",
            ),
            (
                "quotes",
                &["quotes"],
                "Quotes alone: dates + names (for speakers) + quotes.",
            ),
        ];
        for (name, on, q) in lenses {
            question(&format!("core/{name}"), q);
            let opts = only(on);
            g.bench_function(name, |b| {
                b.iter(|| annotate(black_box(&text), &opts).spans.len())
            });
        }

        let all = only(&["actors", "places", "dates", "figures", "quotes"]);
        question(
            "core/all",
            "Every lens on, as the page runs it: is the core >= 20 MB/s natively?",
        );
        g.bench_function("all", |b| {
            b.iter(|| annotate(black_box(&text), &all).spans.len())
        });

        question(
            "core/all+edge",
            "Every lens plus what the wasm edge adds in Rust (UTF-16 offsets + JSON text): \
             how much of a call is the edge rather than the annotation?",
        );
        g.bench_function("all+edge", |b| {
            b.iter(|| {
                let mut found = annotate(black_box(&text), &all);
                found.convert_offsets(&text, Unit::Utf16);
                found.to_json().len()
            })
        });

        // The page's path natively: one article-sized piece per call (cut as
        // bench/node-bench.mjs cuts them), UTF-16 offsets, the packed form.
        let mut pieces: Vec<String> = Vec::new();
        let mut cur = String::new();
        for para in text.split("\n\n") {
            if !cur.is_empty() {
                cur.push_str("\n\n");
            }
            cur.push_str(para);
            if cur.len() >= 2500 {
                pieces.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            pieces.push(cur);
        }
        let bytes: usize = pieces.iter().map(String::len).sum();
        g.throughput(Throughput::BytesDecimal(bytes as u64));
        // One article a call, against core/all and core/dates over the same
        // text in 32 KB windows (the same instructions per byte).
        let dates = only(&["dates"]);
        let short: [(&str, &Options, &str); 2] = [
            (
                "articles",
                &all,
                "Every lens, one article a call (the same calls, Annotations out): how much \
                 slower per byte than core/all, whose 32 KB windows do the same instructions \
                 per byte? (Why: bench/RESULTS.md, thirteenth session.)",
            ),
            (
                "articles-dates",
                &dates,
                "Dates alone, one article a call: the same against core/dates, with no \
                 other pass between the calls.",
            ),
        ];
        for (name, opts, q) in short {
            question(&format!("core/{name}"), q);
            g.bench_function(name, |b| {
                b.iter(|| {
                    pieces
                        .iter()
                        .map(|p| annotate(black_box(p), opts).spans.len())
                        .sum::<usize>()
                })
            });
        }
        question(
            "core/articles+packed",
            "The page's call natively (one article a call, UTF-16 offsets, packed form): \
             how much of the wasm figure (node-bench Q1) is the wasm engine itself?",
        );
        g.bench_function("articles+packed", |b| {
            b.iter(|| {
                let mut n = 0;
                for p in &pieces {
                    n += newslens::annotate_packed(black_box(p), &all, Unit::Utf16)
                        .body
                        .len();
                }
                n
            })
        });
        g.finish();
    }

    criterion_group! {
        name = core;
        config = Criterion::default().with_measurement(Clock::new());
        targets = benches
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::core);

#[cfg(target_arch = "wasm32")]
fn main() {}
