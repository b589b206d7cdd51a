//! Rough per-lens timing on a file (a development aid; `make bench` has the real benchmarks).
use newslens::{Lenses, Options, annotate};
fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    let text = std::fs::read_to_string(path).unwrap();
    let off = Lenses {
        actors: false,
        places: false,
        dates: false,
        figures: false,
        quotes: false,
    };
    let t = std::time::Instant::now();
    let d = newslens::text::Doc::new(&text);
    println!(
        "tokenize: {:.1} ms ({} tokens)",
        t.elapsed().as_secs_f64() * 1e3,
        d.tokens.len()
    );
    for (name, l) in [
        ("dates only", Lenses { dates: true, ..off }),
        (
            "actors+places",
            Lenses {
                actors: true,
                places: true,
                ..off
            },
        ),
        (
            "figures",
            Lenses {
                figures: true,
                ..off
            },
        ),
        (
            "quotes",
            Lenses {
                quotes: true,
                ..off
            },
        ),
        ("all", Lenses::default()),
    ] {
        let o = Options {
            lenses: l,
            reference_date: Some("2017-02-21".into()),
            ..Options::default()
        };
        annotate(&text, &o);
        let t = std::time::Instant::now();
        let a = annotate(&text, &o);
        let s = t.elapsed().as_secs_f64();
        println!(
            "{name}: {:.1} ms, {:.1} MB/s, {} spans",
            s * 1e3,
            text.len() as f64 / s / 1e6,
            a.spans.len()
        );
    }
}
