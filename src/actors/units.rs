//! Word units: the tokenizer splits `al-Mohammadawi`, `Ra’ed`, `U.S.` and
//! `Lt.` into several tokens; a unit joins them back, so names are built
//! from whole words.

use std::sync::LazyLock;

use crate::lexicon::{LexSet, Words, with_lower};
use crate::text::{Doc, Kind, Token};

/// Abbreviations that keep their period inside the unit (`Lt.`, `Inc.`).
static ABBREV: Words = Words::new(&[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "capt", "sgt", "maj", "cpl", "pvt", "adm",
    "gov", "sen", "rep", "rev", "st", "jr", "sr", "inc", "ltd", "co", "corp", "mt", "ft", "cmdr",
    "brig", "pres", "gens", "messrs", "bros", "no", "dept", "univ", "assn", "ave",
]);

/// The state abbreviations without their final period (`Ill`, `N.Y`), as
/// they stand before the period token.
static STATE_STEMS: LazyLock<LexSet<&'static str>> = LazyLock::new(|| {
    super::words::STATE_ABBREVS
        .iter()
        .filter_map(|a| a.strip_suffix('.'))
        .collect()
});

/// Participles after a hyphen that leave the name before it a word of
/// its own (`ISIS-held` → `ISIS`, `US-led` → `US`).
pub static SPLIT_TAILS: Words = Words::new(&[
    "held",
    "led",
    "backed",
    "based",
    "linked",
    "affiliated",
    "controlled",
    "run",
    "owned",
    "style",
    "born",
    "related",
    "inspired",
    "allied",
    "occupied",
    "made",
    "built",
    "funded",
    "supported",
    "trained",
    "sponsored",
    "dominated",
    "friendly",
    "aligned",
    "bound",
    "brokered",
    "era",
    "registered",
    "flagged",
    "listed",
    "produced",
    "designed",
]);

/// One word of a name: a half-open token range.
///
/// A long text has about one unit per token, all alive during the names
/// pass, so token indices are `u32` (12 bytes a unit instead of 24); a text
/// would need over 4 GiB for its tokens to outgrow them, and [`build`]
/// stops there rather than wrap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit {
    /// First token.
    start: u32,
    /// One past the last token.
    stop: u32,
    /// Starts with an upper-case letter.
    pub upper: bool,
    /// All letters upper case (two or more letters), or a single capital
    /// initial (`H.`).
    pub caps: bool,
    /// Made of letters (its first token is a word).
    pub word: bool,
    /// A line break comes before it.
    pub line_start: bool,
    /// Written as a name can be: capitalized, or a lower-case particle
    /// joined to a capitalized word (`al-Mohammadawi`). Settled here once,
    /// because the names pass asks it of most units several times.
    pub name_shape: bool,
    /// The first character is a lower-case letter.
    pub lower_first: bool,
    /// How many characters it has, counted up to 4 (the names pass only
    /// asks "two or more" and "four or more").
    pub chars: u8,
}

impl Unit {
    /// First token.
    pub fn a(&self) -> usize {
        self.start as usize
    }

    /// One past the last token.
    pub fn b(&self) -> usize {
        self.stop as usize
    }
}

fn is_apostrophe(s: &str) -> bool {
    matches!(s, "'" | "’" | "‘")
}

/// Splits the tokens of `doc` into units; punctuation tokens that join
/// nothing are units of their own (with `word` false).
// A stage of its own in profiles (callgrind), so its cost can be read.
#[inline(never)]
pub fn build(doc: &Doc) -> Vec<Unit> {
    let toks = &doc.tokens;
    let mut out = Vec::with_capacity(toks.len());
    let mut i = 0;
    while let Some(&t) = toks.get(i) {
        // Most units are one token: punctuation joins nothing, and a word
        // joins the tokens after it (`-Mohammadawi`, `.`) only when the next
        // one touches it. Those are settled without the tests below.
        if t.kind == Kind::Punct || toks.get(i + 1).is_none_or(|n| !n.glued) {
            let Ok(start) = u32::try_from(i) else {
                break;
            };
            let bytes = doc.bytes(i);
            out.push(if t.kind == Kind::Punct {
                punct_unit(t, start)
            } else if bytes.is_ascii() {
                ascii_unit(t, bytes, start, start + 1)
            } else {
                general_unit(doc, i, i + 1, start, start + 1)
            });
            i += 1;
            continue;
        }
        let mut b = i + 1;
        while let (Some(p), Some(n)) = (toks.get(b), toks.get(b + 1)) {
            if !p.glued || !n.glued || n.kind == Kind::Punct {
                break;
            }
            let ps = doc.tok(b);
            let ns = doc.tok(b + 1);
            let prev = doc.tok(b - 1);
            let join = match ps {
                // `ISIS-held`, `Mosul-based`: the name stands alone.
                "-" | "‐" => !(toks[b - 1].upper && SPLIT_TAILS.contains(ns)),
                "&" => prev.chars().count() <= 2 && ns.chars().count() <= 2,
                "." => prev.chars().count() == 1 && ns.chars().count() == 1,
                s if is_apostrophe(s) => {
                    // `Trump’s` is a possessive, `Ra’ed` and `O'Brien` are names.
                    let possessive = ns.eq_ignore_ascii_case("s")
                        && toks
                            .get(b + 2)
                            .is_none_or(|x| !x.glued || x.kind == Kind::Punct);
                    !possessive && !ns.eq_ignore_ascii_case("t") && toks[b - 1].kind == Kind::Word
                }
                _ => false,
            };
            if !join {
                break;
            }
            b += 2;
        }
        // A trailing period after an initial or a known abbreviation.
        if toks.get(b).is_some_and(|p| p.glued) && doc.tok(b) == "." {
            let last = doc.tok(b - 1);
            let initial = b == i + 1 && last.chars().count() == 1 && t.upper;
            let dotted = b > i + 1 && doc.tok(b - 2) == "." && last.chars().count() == 1;
            // (The abbreviations are ASCII: other words never match them.)
            let abbrev = b == i + 1
                && (last.is_ascii() && with_lower(last, |l| ABBREV.contains(l))
                    || t.upper && STATE_STEMS.contains(last));
            if initial || dotted || abbrev {
                b += 1;
            }
        }
        let (Ok(start), Ok(stop)) = (u32::try_from(i), u32::try_from(b)) else {
            break;
        };
        let bytes = doc.bytes(i);
        // Most units are one ASCII token: the tokenizer's facts settle them
        // without decoding the word again (the general path below gives
        // the same answers; a test compares the two).
        if b == i + 1 && bytes.is_ascii() {
            out.push(ascii_unit(t, bytes, start, stop));
            i = b;
            continue;
        }
        out.push(general_unit(doc, i, b, start, stop));
        i = b;
    }
    out
}

/// The unit of tokens `[i, b)`, read from its text.
fn general_unit(doc: &Doc, i: usize, b: usize, start: u32, stop: u32) -> Unit {
    let t = doc.tokens[i];
    let s = doc.slice(i, b);
    // Most words fail on their second letter, so the letters are counted
    // only for a word with no lower-case letter.
    let caps = t.kind == Kind::Word
        && s.chars().all(|c| !c.is_lowercase())
        && (t.upper || s.chars().filter(|c| c.is_alphabetic()).count() >= 2);
    // A particle compound spans several tokens (`al`, `-`, `Mohammadawi`).
    let particle = t.kind == Kind::Word && !t.upper && b > i + 1 && {
        s.split_once('-').is_some_and(|(p, rest)| {
            super::words::PARTICLES.contains(p)
                && rest.chars().next().is_some_and(char::is_uppercase)
        })
    };
    let mut chars = s.chars();
    let first = chars.next();
    let lower_first = match s.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
        _ => first.is_some_and(char::is_lowercase),
    };
    let count = u8::from(first.is_some()) + chars.take(3).count() as u8;
    Unit {
        start,
        stop,
        upper: t.upper,
        caps,
        word: t.kind == Kind::Word,
        line_start: t.line_start,
        name_shape: t.kind == Kind::Word && (t.upper || particle),
        lower_first,
        chars: count,
    }
}

/// The unit of punctuation token `t` (one character, no letter, so none
/// of its facts is a word's).
fn punct_unit(t: Token, start: u32) -> Unit {
    Unit {
        start,
        stop: start + 1,
        upper: t.upper,
        caps: false,
        word: false,
        line_start: t.line_start,
        name_shape: false,
        // (Every lower-case character is a letter.)
        lower_first: false,
        chars: 1,
    }
}

/// The unit of one ASCII token `t` with text `bytes`, from the
/// tokenizer's facts: ASCII letters are all alphabetic and one byte each.
fn ascii_unit(t: Token, bytes: &[u8], start: u32, stop: u32) -> Unit {
    let word = t.kind == Kind::Word;
    Unit {
        start,
        stop,
        upper: t.upper,
        // No lower-case letter and two or more letters, or one capital.
        caps: word && (t.all_upper || t.upper && bytes.len() == 1),
        word,
        line_start: t.line_start,
        name_shape: word && t.upper,
        lower_first: bytes.first().is_some_and(u8::is_ascii_lowercase),
        chars: bytes.len().min(4) as u8,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(text: &str) -> Vec<String> {
        let d = Doc::new(text);
        build(&d)
            .iter()
            .map(|u| d.slice(u.a(), u.b()).to_string())
            .collect()
    }

    #[test]
    fn joins_names_and_keeps_possessives_apart() {
        assert_eq!(
            units("Lt. Col. Abdel al-Mohammadawi, Ra’ed and Trump’s U.S. CJTF-OIR"),
            [
                "Lt.",
                "Col.",
                "Abdel",
                "al-Mohammadawi",
                ",",
                "Ra’ed",
                "and",
                "Trump",
                "’",
                "s",
                "U.S.",
                "CJTF-OIR"
            ]
        );
        assert_eq!(units("H. Collier AT&T"), ["H.", "Collier", "AT&T"]);
    }

    /// Every one-token unit of punctuation or ASCII read through the
    /// tokenizer's facts equals the unit read from its text, on the seeds,
    /// news text and words of every shape (capitals, one letter, digits,
    /// punctuation outside ASCII, mixed case).
    #[test]
    fn one_token_units_agree_with_the_general_reading() {
        let mut texts = crate::seed_texts();
        // And 200 KB of the bench corpus, as cut for the benches.
        let news = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/bench/news.txt"))
            .unwrap();
        texts.push(crate::text::prefix(&news, 200_000).to_string());
        texts.push("“Quoted” — ‘so’ … © ½ ª ⅰ ⓐ ¿".into());
        texts.push("A I a USA U.S. iPhone McDONALD x 4 42 e.g. $ - ' NATO's \u{0} ok OK O".into());
        let mut checked = 0;
        for text in &texts {
            let d = Doc::new(text);
            for (i, &t) in d.tokens.iter().enumerate() {
                let bytes = d.bytes(i);
                let at = u32::try_from(i).unwrap();
                if t.kind == Kind::Punct {
                    assert_eq!(
                        punct_unit(t, at),
                        general_unit(&d, i, i + 1, at, at + 1),
                        "{:?}",
                        d.tok(i)
                    );
                }
                if !bytes.is_ascii() {
                    continue;
                }
                assert_eq!(
                    ascii_unit(t, bytes, at, at + 1),
                    general_unit(&d, i, i + 1, at, at + 1),
                    "{:?}",
                    d.tok(i)
                );
                checked += 1;
            }
        }
        assert!(checked > 30_000, "{checked}");
    }
}
