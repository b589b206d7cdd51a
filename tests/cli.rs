//! The CLI contract that other tools and the checks depend on.
#![cfg(not(target_arch = "wasm32"))] // native only: files, processes, proptest

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;

fn exe() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newslens"))
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("newslens-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn run(args: &[&str]) -> Output {
    exe().args(args).output().unwrap()
}

fn json(bytes: &[u8]) -> serde_json::Value {
    serde_json::from_slice(bytes)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(bytes)))
}

#[test]
fn one_file_goes_to_stdout_with_the_contract_fields() {
    let d = tmpdir("stdout");
    let f = d.join("story.txt");
    std::fs::write(&f, "On Monday, Iraqi forces entered Mosul.").unwrap();
    let out = run(&[
        "annotate",
        "--reference-date",
        "2017-02-21",
        f.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out.stdout);
    assert_eq!(v["doc"], "story");
    assert_eq!(v["reference_date"], "2017-02-21");
    assert_eq!(v["reference_date_source"], "given");
    assert!(v.get("reference_date_clue").is_some());
    assert!(v["spans"].is_array() && v["entities"].is_array());
}

#[test]
fn out_dir_is_created_and_bad_files_are_named_but_others_processed() {
    let d = tmpdir("out");
    let good = d.join("good.txt");
    let latin1 = d.join("latin1.txt");
    let binary = d.join("binary.txt");
    let missing = d.join("missing.txt");
    std::fs::write(&good, "Daesh fighters fled Mosul.").unwrap();
    std::fs::write(&latin1, b"caf\xe9 in Mosul").unwrap();
    std::fs::write(&binary, b"\x7fELF\x02\x01\x00\x00\x00").unwrap();
    let out_dir = d.join("nested/out");
    let out = run(&[
        "annotate",
        "--out",
        out_dir.to_str().unwrap(),
        good.to_str().unwrap(),
        latin1.to_str().unwrap(),
        binary.to_str().unwrap(),
        missing.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    for f in [&latin1, &binary, &missing] {
        assert!(
            err.contains(f.to_str().unwrap()),
            "error does not name {}: {err}",
            f.display()
        );
    }
    assert!(err.contains("not UTF-8") && err.contains("binary"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let v = json(&std::fs::read(out_dir.join("good.json")).unwrap());
    assert_eq!(v["doc"], "good");
    assert!(!out_dir.join("latin1.json").exists());
    // --lossy reads it with replacement characters.
    let out = run(&["annotate", "--lossy", latin1.to_str().unwrap()]);
    assert!(out.status.success());
}

#[test]
fn boms_and_utf16_give_the_same_offsets_as_plain_utf8() {
    let d = tmpdir("bom");
    let text = "“Ça va,” said Ra’ed in Mosul 🙂 on Monday.\r\nUp to 750,000 people.";
    let plain = d.join("plain.txt");
    let bom = d.join("bom.txt");
    let le = d.join("le.txt");
    let be = d.join("be.txt");
    std::fs::write(&plain, text).unwrap();
    std::fs::write(&bom, [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat()).unwrap();
    let mut v = vec![0xFF, 0xFE];
    v.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&le, v).unwrap();
    let mut v = vec![0xFE, 0xFF];
    v.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    std::fs::write(&be, v).unwrap();
    let spans = |p: &Path, unit: &str| {
        let out = run(&[
            "annotate",
            "--reference-date",
            "2017-02-21",
            "--offsets",
            unit,
            p.to_str().unwrap(),
        ]);
        assert!(
            out.status.success(),
            "{}: {}",
            p.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        json(&out.stdout)["spans"].clone()
    };
    let want = spans(&plain, "codepoint");
    for p in [&bom, &le, &be] {
        assert_eq!(spans(p, "codepoint"), want, "{}", p.display());
    }
    // Each unit slices the text its own way.
    let chars: Vec<char> = text.chars().collect();
    let units: Vec<u16> = text.encode_utf16().collect();
    let by_cp = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    let by_u16 = |a: usize, b: usize| String::from_utf16(&units[a..b]).unwrap();
    let by_u8 = |a: usize, b: usize| text[a..b].to_string();
    type Slicer<'a> = &'a dyn Fn(usize, usize) -> String;
    let slicers: [(&str, Slicer); 3] =
        [("codepoint", &by_cp), ("utf16", &by_u16), ("utf8", &by_u8)];
    for (unit, slice) in slicers {
        for s in spans(&plain, unit).as_array().unwrap() {
            let (a, b) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(slice(a, b), s["text"].as_str().unwrap(), "{unit}");
        }
    }
}

#[test]
fn bad_arguments_are_refused_without_panic() {
    for args in [
        &["annotate"][..],
        &["annotate", "--offsets", "bytes16", "x.txt"],
        &["annotate", "--reference-date", "2017-02-30", "x.txt"],
        &["annotate", "--bogus", "x.txt"],
        &["annotate", "--threads", "0", "x.txt"],
        &["annotate", "--threads=many", "x.txt"],
        &["annotate", "x.txt", "--threads"],
        &["frobnicate"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    }
    assert!(run(&["--version"]).status.success());
}

#[test]
fn seeds_write_five_files_whose_spans_slice_their_text() {
    let d = tmpdir("seeds");
    let files: Vec<String> = common::seed_articles()
        .into_iter()
        .map(|(p, _)| p.to_string_lossy().into_owned())
        .collect();
    assert_eq!(files.len(), 5);
    let mut args = vec![
        "annotate",
        "--offsets",
        "codepoint",
        "--out",
        d.to_str().unwrap(),
    ];
    args.extend(files.iter().map(String::as_str));
    let out = run(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut labels = std::collections::BTreeSet::new();
    for f in &files {
        let text: Vec<char> = std::fs::read_to_string(f).unwrap().chars().collect();
        let stem = Path::new(f).file_stem().unwrap().to_str().unwrap();
        let v = json(&std::fs::read(d.join(format!("{stem}.json"))).unwrap());
        let mut last_end = 0;
        for s in v["spans"].as_array().unwrap() {
            let (a, b) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                text[a..b].iter().collect::<String>(),
                s["text"].as_str().unwrap()
            );
            let label = s["label"].as_str().unwrap().to_string();
            if label != "quote" {
                assert!(a >= last_end, "{stem}: overlapping spans at {a}");
                last_end = b;
            }
            labels.insert(label);
        }
    }
    eprintln!("labels found over the seeds: {labels:?}");
    assert!(
        ["actor", "place", "date", "figure"]
            .iter()
            .all(|l| labels.contains(*l)),
        "{labels:?}"
    );
}

/// Hostile files through the CLI: each is either annotated (exit 0, JSON whose
/// spans slice the text) or refused with a message naming the file; never a
/// panic, never a hang.
#[test]
fn hostile_files_are_annotated_or_refused_by_name() {
    let d = tmpdir("hostile");
    let mb = 1 << 20;
    let cases: Vec<(&str, Vec<u8>, bool)> = vec![
        ("empty", Vec::new(), true),
        ("whitespace", b" \t\n\r\n   \n".to_vec(), true),
        (
            "crlf",
            b"Iraqi forces entered Mosul on Monday.\r\n\r\nUp to 750,000 remain.\r\n".to_vec(),
            true,
        ),
        ("digits", "7".repeat(mb).into_bytes(), true),
        ("one_letter", "a".repeat(mb).into_bytes(), true),
        ("capitalised", "Abc ".repeat(mb / 4).into_bytes(), true),
        ("quotes", "\"“”".repeat(mb / 7).into_bytes(), true),
        ("parentheses", "(".repeat(mb / 2).into_bytes(), true),
        ("newlines", "\n".repeat(mb).into_bytes(), true),
        (
            "bidi_astral_combining",
            "\u{202e}مرحبا\u{200f} 🙂🇮🇶 e\u{301}\u{301} "
                .repeat(mb / 40)
                .into_bytes(),
            true,
        ),
        ("binary", (0u8..=255).cycle().take(4096).collect(), false),
        ("latin1", b"Caf\xe9 in Mosul".to_vec(), false),
    ];
    for (name, bytes, ok) in cases {
        let f = d.join(format!("{name}.txt"));
        std::fs::write(&f, &bytes).unwrap();
        let t = std::time::Instant::now();
        let out = run(&["annotate", "--offsets", "utf8", f.to_str().unwrap()]);
        let secs = t.elapsed().as_secs_f64();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert!(secs < 120.0, "{name} took {secs:.0} s: a hang?");
        if ok {
            assert!(out.status.success(), "{name}: {err}");
            let text = String::from_utf8(bytes).unwrap();
            let v = json(&out.stdout);
            for s in v["spans"].as_array().unwrap() {
                let (a, b) = (
                    s["start"].as_u64().unwrap() as usize,
                    s["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(&text[a..b], s["text"].as_str().unwrap(), "{name}");
            }
        } else {
            assert_eq!(out.status.code(), Some(1), "{name}");
            assert!(
                err.contains(f.to_str().unwrap()),
                "{name}: the message must name the file: {err}"
            );
        }
    }
}

#[test]
fn a_nul_byte_is_refused_at_its_offset() {
    // Valid UTF-8 all through, so only the NUL test can refuse it, and at
    // its own offset (the first NUL, not a later one).
    let d = tmpdir("nul");
    let f = d.join("nul.txt");
    std::fs::write(&f, b"Iraqi forces\0 entered\0 Mosul.").unwrap();
    let out = run(&["annotate", f.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("a NUL byte at offset 12 "), "{err}");
    // --lossy reads it: a NUL is a character of UTF-8.
    let out = run(&["annotate", "--lossy", f.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Several files on several threads write exactly what one thread writes,
/// and name the files they refuse in the order given. The mix has what the
/// threads share out differently: short files (a file a thread), one file
/// long enough to be read in windows (read first, its windows on the
/// threads), a missing file and a long one that is not UTF-8.
#[test]
fn several_files_on_threads_write_what_one_thread_writes() {
    let d = tmpdir("threads");
    let seed_texts: Vec<(String, String)> = common::seed_articles()
        .into_iter()
        .map(|(p, text)| (p.file_stem().unwrap().to_string_lossy().into_owned(), text))
        .collect();
    let mut files = Vec::new();
    let add = |files: &mut Vec<String>, name: &str, bytes: &[u8]| {
        let f = d.join(name);
        std::fs::write(&f, bytes).unwrap();
        files.push(f.to_string_lossy().into_owned());
    };
    files.push(d.join("missing.txt").to_string_lossy().into_owned());
    for (n, (stem, text)) in seed_texts.iter().enumerate() {
        add(&mut files, &format!("{stem}.txt"), text.as_bytes());
        // Each paragraph of a seed as a short file of its own.
        for (k, para) in text.split("\n\n").enumerate().take(8) {
            add(&mut files, &format!("{stem}-p{k}.txt"), para.as_bytes());
        }
        // Short files refused in the middle of the list, where a file's
        // place in the list and its place among the short files differ.
        if n == 2 {
            files.push(d.join("missing-middle.txt").to_string_lossy().into_owned());
            add(&mut files, "bad-middle.txt", b"Mosul caf\xe9");
        }
    }
    let long = common::seeds_past("", 300 * 1024);
    add(&mut files, "long.txt", long.as_bytes());
    // Long as well as not UTF-8: the long files are read first, yet its
    // message must come after the missing file's, as with one thread.
    add(
        &mut files,
        "bad-latin1.txt",
        &b"caf\xe9 in Mosul. ".repeat(20_000),
    );
    add(
        &mut files,
        "last.txt",
        "On Monday, 12 people died in Mosul, the UN said.".as_bytes(),
    );
    add(&mut files, "bad-last.txt", b"\xff\xfe\x00");
    assert!(files.len() > 40, "{}", files.len());

    let outputs = |threads: &str| {
        let out_dir = d.join(format!("out-{threads}"));
        let mut args = vec![
            "annotate",
            "--reference-date",
            "2017-02-21",
            "--threads",
            threads,
            "--out",
            out_dir.to_str().unwrap(),
        ];
        args.extend(files.iter().map(String::as_str));
        let out = run(&args);
        let mut written: Vec<(String, Vec<u8>)> = std::fs::read_dir(&out_dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| {
                (
                    p.file_name().unwrap().to_string_lossy().into_owned(),
                    std::fs::read(&p).unwrap(),
                )
            })
            .collect();
        written.sort();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
            written,
        )
    };
    let (code, err, one) = outputs("1");
    assert_eq!(code, Some(1), "{err}");
    // Every readable file was written, and the five refused are named in
    // the order given.
    assert_eq!(one.len(), files.len() - 5);
    let named = [
        "missing.txt",
        "missing-middle.txt",
        "bad-middle.txt",
        "bad-latin1.txt",
        "bad-last.txt",
    ]
    .map(|f| err.find(&format!("{}: ", d.join(f).display())));
    assert!(
        named.iter().all(Option::is_some) && named.is_sorted(),
        "{named:?} {err}"
    );
    for threads in ["2", "3", "8"] {
        let (code_n, err_n, many) = outputs(threads);
        assert_eq!(code_n, code, "--threads {threads}");
        assert_eq!(
            err_n, err,
            "--threads {threads}: messages differ or come in another order"
        );
        assert_eq!(many.len(), one.len(), "--threads {threads}");
        for ((name, a), (name_n, b)) in one.iter().zip(&many) {
            assert_eq!(name, name_n);
            assert!(
                a == b,
                "--threads {threads}: {name} differs from one thread's"
            );
        }
    }
}

/// Two files that would write one JSON file are refused before anything is
/// written: with one thread the second silently replaced the first, and on
/// threads both would write the file at once.
#[test]
fn two_files_with_one_stem_are_refused() {
    let d = tmpdir("stems");
    for sub in ["a", "b"] {
        std::fs::create_dir_all(d.join(sub)).unwrap();
        std::fs::write(d.join(sub).join("story.txt"), "Iraqi forces entered Mosul.").unwrap();
    }
    std::fs::write(d.join("b/Story.txt"), "Iraqi forces entered Mosul.").unwrap();
    let (a, b, upper) = (
        d.join("a/story.txt"),
        d.join("b/story.txt"),
        d.join("b/Story.txt"),
    );
    let out_dir = d.join("out");
    // (`Story.json` and `story.json` are one file on macOS and Windows.)
    for files in [[&a, &b], [&a, &a], [&a, &upper]] {
        let out = run(&[
            "annotate",
            "--out",
            out_dir.to_str().unwrap(),
            files[0].to_str().unwrap(),
            files[1].to_str().unwrap(),
        ]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(
            err.to_lowercase().contains("story.json") && err.contains(files[1].to_str().unwrap()),
            "{err}"
        );
        assert!(!out_dir.exists(), "something was written");
    }
    // One of them alone, or both to standard output one at a time, is fine.
    assert!(run(&["annotate", a.to_str().unwrap()]).status.success());
}
