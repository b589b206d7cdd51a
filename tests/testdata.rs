//! Runs every table case in `testdata/` against the native core.
#![cfg(not(target_arch = "wasm32"))] // native only: files, processes, proptest

mod common;

#[test]
fn table_cases() {
    let mut fails = Vec::new();
    let mut n = 0;
    for (file, src) in common::FILES {
        let cases = common::cases(file, src);
        let mut names = std::collections::HashSet::new();
        for case in &cases {
            assert!(
                names.insert(case.name.as_str()),
                "{file}: duplicate case name {}",
                case.name
            );
            n += 1;
            fails.extend(common::check(file, case, &common::native));
        }
    }
    for f in &fails {
        eprintln!("FAIL {f}");
    }
    eprintln!("{} of {n} table cases pass", n - fails.len().min(n));
    assert!(
        fails.is_empty(),
        "{} table-case failures (listed above)",
        fails.len()
    );
}
