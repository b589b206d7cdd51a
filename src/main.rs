//! The `newslens` command line: the same core as the page, writing JSON.
//!
//! ```text
//! newslens annotate [--reference-date YYYY-MM-DD] [--offsets utf8|utf16|codepoint]
//!                   [--out DIR] [--lossy] [--day-first] [--threads N] FILE...
//! ```

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use newslens::offsets::Unit;
use newslens::text::WINDOW;
use newslens::{MAX_THREADS, Options, annotate_to_json};

const USAGE: &str = "usage: newslens annotate [--reference-date YYYY-MM-DD] \
[--offsets utf8|utf16|codepoint] [--out DIR] [--lossy] [--day-first]
                         [--threads N] FILE...
       newslens --version

Writes for each FILE the JSON {doc, reference_date, reference_date_source,
reference_date_clue, spans, entities} to DIR/<file stem>.json, or to standard
output when there is one FILE and no --out. Offsets default to code points.
Files must be UTF-8 (with or without BOM) or UTF-16 with a BOM; --lossy
replaces invalid bytes instead of refusing the file. Two FILEs with the
same stem, ignoring case, are refused (one would overwrite the other's
JSON). --threads N reads N files at once, and a file longer than 32 KB in
windows, N at once (default: one per core; at most 8 in any case); the
output is the same for any N.";

/// Parsed command-line arguments of `annotate`.
struct Args {
    options: Options,
    unit: Unit,
    out: Option<PathBuf>,
    lossy: bool,
    files: Vec<PathBuf>,
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match argv.first().map(String::as_str) {
        Some("--version" | "-V") => {
            println!("newslens {}", newslens::VERSION);
            ExitCode::SUCCESS
        }
        Some("--help" | "-h" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some("annotate") => match parse_args(&argv[1..]) {
            Ok(args) => run(&args),
            Err(msg) => {
                eprintln!("newslens: {msg}\n\n{USAGE}");
                ExitCode::from(2)
            }
        },
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn parse_args(argv: &[String]) -> Result<Args, String> {
    let mut args = Args {
        options: Options {
            // A long file's windows on every core (the library's default
            // is the calling thread alone).
            threads: std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
            ..Options::default()
        },
        unit: Unit::Codepoint,
        out: None,
        lossy: false,
        files: Vec::new(),
    };
    let mut it = argv.iter();
    while let Some(a) = it.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (a.as_str(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or(format!("{name} needs a value"))
        };
        match flag {
            "--reference-date" => {
                let v = value(flag)?;
                if newslens::calendar::Date::parse(&v).is_none() || v.len() != 10 {
                    return Err(format!("--reference-date {v:?} is not a date (YYYY-MM-DD)"));
                }
                args.options.reference_date = Some(v);
            }
            "--offsets" => {
                let v = value(flag)?;
                args.unit = Unit::parse(&v)
                    .ok_or(format!("--offsets {v:?}: use utf8, utf16 or codepoint"))?;
            }
            "--out" => args.out = Some(PathBuf::from(value(flag)?)),
            "--lossy" => args.lossy = true,
            "--day-first" => args.options.day_first = true,
            "--threads" => {
                let v = value(flag)?;
                args.options.threads = v
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or(format!("--threads {v:?}: use a whole number from 1"))?;
            }
            "--" => args.files.extend(it.by_ref().map(PathBuf::from)),
            f if f.starts_with('-') && f.len() > 1 => return Err(format!("unknown option {f}")),
            _ => args.files.push(PathBuf::from(a)),
        }
    }
    if args.files.is_empty() {
        return Err("no FILE given".into());
    }
    if let Some((a, b, t)) = same_target(&args) {
        return Err(format!(
            "{} and {} would both be written to {}",
            a.display(),
            b.display(),
            t.display()
        ));
    }
    Ok(args)
}

fn run(args: &Args) -> ExitCode {
    if let Some(dir) = &args.out
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        eprintln!("newslens: cannot create {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    let mut report = InOrder::default();
    if args.files.len() == 1 || args.options.threads <= 1 {
        for (k, file) in args.files.iter().enumerate() {
            report.done(&args.files, k, annotate_file(file, args, &args.options));
        }
    } else {
        annotate_on_threads(args, &mut report);
    }
    if report.failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Prints each file's error in the order the files were given, whatever
/// order they are finished in, so two runs print the same.
#[derive(Default)]
struct InOrder {
    /// Results of files finished before an earlier one.
    waiting: BTreeMap<usize, Result<(), String>>,
    /// The first file whose result is not printed yet.
    next: usize,
    failed: bool,
}

impl InOrder {
    fn done(&mut self, files: &[PathBuf], k: usize, result: Result<(), String>) {
        self.waiting.insert(k, result);
        while let Some(result) = self.waiting.remove(&self.next) {
            if let (Err(msg), Some(file)) = (result, files.get(self.next)) {
                eprintln!("newslens: {}: {msg}", file.display());
                self.failed = true;
            }
            self.next += 1;
        }
    }
}

/// Several files on `--threads` threads. A long file (one read in windows)
/// already shares its windows out to every thread, so long files are read
/// first, one at a time, as a single file is; then the short ones (most
/// articles) go to the threads a file at a time, each read on one thread.
/// The output is the same as one thread's: each file has its own target,
/// and no two files share one (see `parse_args`).
fn annotate_on_threads(args: &Args, report: &mut InOrder) {
    // The size on disk only decides the order of the work, never the output.
    let long = |f: &PathBuf| std::fs::metadata(f).is_ok_and(|m| m.len() > WINDOW as u64);
    let (long, short): (Vec<usize>, Vec<usize>) =
        (0..args.files.len()).partition(|&k| long(&args.files[k]));
    for k in long {
        report.done(
            &args.files,
            k,
            annotate_file(&args.files[k], args, &args.options),
        );
    }
    let one = Options {
        threads: 1,
        ..args.options.clone()
    };
    let workers = args.options.threads.min(MAX_THREADS).min(short.len());
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel();
    // The next short file left, for whichever thread asks first.
    let take = || short.get(next.fetch_add(1, Ordering::Relaxed)).copied();
    std::thread::scope(|scope| {
        let mut started = 0;
        for _ in 0..workers {
            let (tx, take, one) = (tx.clone(), &take, &one);
            let spawned = std::thread::Builder::new().spawn_scoped(scope, move || {
                while let Some(k) = take() {
                    let result = annotate_file(&args.files[k], args, one);
                    if tx.send((k, result)).is_err() {
                        break;
                    }
                }
            });
            started += usize::from(spawned.is_ok());
        }
        drop(tx);
        if started == 0 {
            // The system gives no thread: every file on this one.
            while let Some(k) = take() {
                report.done(&args.files, k, annotate_file(&args.files[k], args, &one));
            }
        }
        for (k, result) in rx {
            report.done(&args.files, k, result);
        }
    });
}

/// Where a file's JSON goes: standard output for one file and no `--out`,
/// else `<stem>.json` in `--out` (or the current directory).
fn target(path: &Path, args: &Args) -> Option<PathBuf> {
    if args.out.is_none() && args.files.len() == 1 {
        return None;
    }
    let dir = args.out.clone().unwrap_or_else(|| PathBuf::from("."));
    Some(dir.join(format!("{}.json", stem(path))))
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Two files that would write the same target (`a/story.txt` and
/// `b/story.txt`, or one file given twice): one would silently replace the
/// other's result, or, on threads, both would write it at once. Names are
/// compared ignoring case, because on the usual file systems of macOS and
/// Windows `Story.json` and `story.json` are one file. (Two spellings of one
/// accented name, composed and decomposed, are not caught.)
fn same_target(args: &Args) -> Option<(&Path, &Path, PathBuf)> {
    let mut seen = std::collections::HashMap::new();
    for file in &args.files {
        let t = target(file, args)?;
        let key = t.to_string_lossy().to_lowercase();
        if let Some(first) = seen.insert(key, file.as_path()) {
            return Some((first, file.as_path(), t));
        }
    }
    None
}

fn annotate_file(path: &Path, args: &Args, options: &Options) -> Result<(), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    let text = decode(bytes, args.lossy)?;
    let stem = stem(path);
    // Written as it is found, a window of text at a time: the JSON is
    // several times the text, and holding it (or every span) whole would
    // multiply the peak memory on a big file.
    let write = |w: &mut dyn Write| -> std::io::Result<()> {
        annotate_to_json(&text, options, args.unit, Some(&stem), w)?;
        writeln!(w)?;
        w.flush()
    };
    match target(path, args) {
        None => {
            write(&mut std::io::stdout().lock()).map_err(|e| format!("cannot write output: {e}"))
        }
        Some(target) => std::fs::File::create(&target)
            .and_then(|mut f| write(&mut f))
            .map_err(|e| format!("cannot write {}: {e}", target.display())),
    }
}

/// Bytes to text: UTF-8 (a BOM dropped) or UTF-16 with a BOM; anything else is
/// refused with the reason, unless `lossy` asks for replacement characters.
/// UTF-8 becomes the text in place, not copied, so a big file is not held
/// twice at the start (for a text with few names, that was its peak).
fn decode(mut bytes: Vec<u8>, lossy: bool) -> Result<String, String> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
        return utf8(bytes, lossy);
    }
    match bytes.get(..2) {
        Some([0xFF, 0xFE]) => utf16(&bytes[2..], true, lossy),
        Some([0xFE, 0xFF]) => utf16(&bytes[2..], false, lossy),
        _ => utf8(bytes, lossy),
    }
}

/// UTF-16 text after its BOM (little-endian when `le`).
fn utf16(body: &[u8], le: bool, lossy: bool) -> Result<String, String> {
    if body.len() % 2 == 1 && !lossy {
        return Err("not text: UTF-16 with an odd number of bytes".into());
    }
    let units = body.chunks_exact(2).map(|p| {
        if le {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    if lossy {
        Ok(char::decode_utf16(units)
            .map(|r| r.unwrap_or('\u{FFFD}'))
            .collect())
    } else {
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|_| "not text: invalid UTF-16 (unpaired surrogate)".to_string())
    }
}

fn utf8(bytes: Vec<u8>, lossy: bool) -> Result<String, String> {
    if lossy {
        return Ok(String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()));
    }
    // (`contains` on bytes is std's word-at-a-time `memchr`; the position
    // is looked for only in a file that has a NUL.)
    if bytes.contains(&0) {
        let pos = bytes.iter().position(|&b| b == 0).unwrap_or_default();
        return Err(format!(
            "not text: a NUL byte at offset {pos} (a binary file?)"
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not UTF-8 text: invalid byte at offset {} (save it as UTF-8, or pass --lossy)",
            e.utf8_error().valid_up_to()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_boms_and_refuses_binary() {
        assert_eq!(decode(b"\xEF\xBB\xBFabc".to_vec(), false).unwrap(), "abc");
        assert_eq!(decode(b"\xFF\xFEa\0b\0".to_vec(), false).unwrap(), "ab");
        assert_eq!(decode(b"\xFE\xFF\0a\0b".to_vec(), false).unwrap(), "ab");
        assert!(
            decode(b"caf\xE9".to_vec(), false)
                .unwrap_err()
                .contains("offset 3")
        );
        assert_eq!(decode(b"caf\xE9".to_vec(), true).unwrap(), "caf\u{FFFD}");
        assert!(
            decode(b"\x7fELF\0\0".to_vec(), false)
                .unwrap_err()
                .contains("binary")
        );
    }
}
