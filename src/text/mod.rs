//! One tokenization pass shared by every lens.
//!
//! A token is a maximal run of letters (with marks), a maximal run of digits,
//! or one other non-space character. Hyphens, apostrophes and periods are
//! tokens of their own; [`Token::glued`] tells whether a token touches the one
//! before it, so lenses can rebuild `US-led`, `Ra’ed`, `750,000` or `U.S.`
//! without a second pass over the text.

pub mod offsets;

/// What kind of characters a token holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Letters (any script) and combining marks.
    Word,
    /// ASCII decimal digits (other scripts' digits are read as punctuation).
    Num,
    /// Any other single visible character.
    Punct,
}

/// One token: a half-open byte range and what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    // Offsets as u32: the token table is the largest of a call, and 16
    // bytes a token instead of 24 is a third less of it (texts are cut at
    // 4 GiB, see `tokenize`).
    start: u32,
    end: u32,
    /// Letters, digits or punctuation.
    pub kind: Kind,
    /// No whitespace between this token and the previous one.
    pub glued: bool,
    /// A blank line (paragraph break) or the text start comes before this token.
    pub para_start: bool,
    /// A line break (any) comes before this token.
    pub line_start: bool,
    /// The first character is an upper-case letter.
    pub upper: bool,
    /// Every letter is upper case (and there are at least two).
    pub all_upper: bool,
}

impl Token {
    /// Start byte.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// End byte, exclusive.
    pub fn end(&self) -> usize {
        self.end as usize
    }
}

/// A text with its tokens and sentences, built once per [`crate::annotate`] call.
pub struct Doc<'a> {
    /// The original text.
    pub text: &'a str,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// Sentences as half-open ranges of token indices.
    pub sentences: Vec<(usize, usize)>,
    /// For each token, the index of its sentence.
    pub sentence_of: Vec<u32>,
    /// The text in lower case at the same byte offsets (a character whose
    /// lower case has another length is kept as it is), so lenses compare
    /// words without allocating per token.
    lower: String,
}

impl<'a> Doc<'a> {
    /// Tokenizes `text` and splits it into sentences. Linear in the text length.
    // A stage of its own in profiles (callgrind), so its cost can be read.
    #[inline(never)]
    pub fn new(text: &'a str) -> Doc<'a> {
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        let mut sentence_of = vec![0u32; tokens.len()];
        for (i, &(a, b)) in sentences.iter().enumerate() {
            for s in &mut sentence_of[a..b] {
                *s = i as u32;
            }
        }
        let lower = lower_same_length(text);
        Doc {
            text,
            tokens,
            sentences,
            sentence_of,
            lower,
        }
    }

    /// Token `i` in lower case (empty when out of range).
    pub fn low(&self, i: usize) -> &str {
        match self.tokens.get(i) {
            Some(t) => self.lower.get(t.start()..t.end()).unwrap_or(""),
            None => "",
        }
    }

    /// [`Doc::slice`] of tokens `[a, b)` from the lowered text: for ASCII
    /// text, the slice in lower case, as `to_ascii_lowercase` gives it, with
    /// nothing copied (other characters are lowered only where their lower
    /// case keeps their length).
    pub fn lower_slice(&self, a: usize, b: usize) -> &str {
        if a >= b || b > self.tokens.len() {
            return "";
        }
        self.lower
            .get(self.tokens[a].start()..self.tokens[b - 1].end())
            .unwrap_or("")
    }

    /// The text of token `i` (empty when out of range).
    // Inlined: the lenses ask it of many tokens in small tests of a word.
    #[inline]
    pub fn tok(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .and_then(|t| self.text.get(t.start()..t.end()))
            .unwrap_or_default()
    }

    /// The bytes of token `i` (empty when out of range), for sieves: a byte
    /// slice needs no test that it cuts the text between characters.
    #[inline]
    pub fn bytes(&self, i: usize) -> &'a [u8] {
        self.tokens
            .get(i)
            .and_then(|t| self.text.as_bytes().get(t.start()..t.end()))
            .unwrap_or_default()
    }

    /// Whether token `i` equals `word`, ignoring ASCII case.
    #[inline]
    pub fn is(&self, i: usize, word: &str) -> bool {
        self.bytes(i).eq_ignore_ascii_case(word.as_bytes())
    }

    /// The text from the start of token `a` to the end of token `b - 1`.
    pub fn slice(&self, a: usize, b: usize) -> &'a str {
        if a >= b || b > self.tokens.len() {
            return "";
        }
        &self.text[self.tokens[a].start()..self.tokens[b - 1].end()]
    }

    /// The sentence (token range) that holds token `i`.
    pub fn sentence(&self, i: usize) -> (usize, usize) {
        self.sentence_of
            .get(i)
            .and_then(|&s| self.sentences.get(s as usize).copied())
            .unwrap_or((0, 0))
    }

    /// Index of the first token that starts at or after byte `pos`.
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.start() < pos)
    }
}

/// `text` lower-cased character by character where that keeps the byte length.
fn lower_same_length(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // ASCII runs are lowered a run at a time; only other characters are
    // decoded (a news text is ASCII but for its quotation marks and a few names).
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest.bytes().position(|b| b >= 0x80).unwrap_or(rest.len());
        let (run, tail) = rest.split_at(ascii);
        out.push_str(run);
        let lowered = out.len() - run.len();
        if let Some(added) = out.get_mut(lowered..) {
            added.make_ascii_lowercase();
        }
        let mut chars = tail.chars();
        if let Some(c) = chars.next() {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(x), None) if x.len_utf8() == c.len_utf8() => out.push(x),
                _ => out.push(c),
            }
        }
        rest = chars.as_str();
    }
    out
}

fn is_word_char(c: char) -> bool {
    // Typographic punctuation (quotation marks, dashes, the ellipsis) is the
    // most frequent non-ASCII in news; its block holds no letter or mark in
    // these ranges (a test checks every one), so it skips the Unicode tables.
    if matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}') {
        return false;
    }
    c.is_alphabetic() || is_mark(c)
}

/// Combining marks, so `é` written as `e` + U+0301 stays one word.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
        || (!c.is_alphanumeric() && !c.is_whitespace() && !c.is_ascii() && is_nonspacing_guess(c))
}

/// Other scripts' vowel signs and marks (Arabic harakat, Devanagari matras) sit
/// in blocks we do not list one by one; treat the known mark ranges as word parts.
fn is_nonspacing_guess(c: char) -> bool {
    matches!(c as u32, 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E)
}

/// What an ASCII byte is to the tokenizer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ascii {
    /// Whitespace and control characters (but NUL): skipped.
    Skip,
    /// `0`–`9`.
    Digit,
    /// `A`–`Z`.
    Upper,
    /// `a`–`z`.
    Lower,
    /// Anything else visible, and NUL: a one-character token.
    Punct,
}

/// The class of every ASCII byte, so the common case is one table look-up
/// instead of Unicode property tests (they agree on ASCII; a test checks it).
const ASCII: [Ascii; 128] = {
    let mut t = [Ascii::Punct; 128];
    let mut b = 1;
    while b <= 0x20 {
        t[b] = Ascii::Skip;
        b += 1;
    }
    t[0x7f] = Ascii::Skip;
    let mut b = b'0';
    while b <= b'9' {
        t[b as usize] = Ascii::Digit;
        b += 1;
    }
    let mut b = b'a';
    while b <= b'z' {
        t[b as usize] = Ascii::Lower;
        t[(b - 32) as usize] = Ascii::Upper;
        b += 1;
    }
    t
};

/// The value of a number's text (digits, perhaps a point), as
/// `str::parse::<f64>` reads it. Up to
/// fifteen digits, integer arithmetic gives it exactly (every such number
/// is exact in an `f64`) at a fraction of the cost of parsing a float.
pub fn digits_value(w: &str) -> Option<f64> {
    if !w.is_empty() && w.len() <= 15 && w.bytes().all(|b| b.is_ascii_digit()) {
        let v = w.bytes().fold(0u64, |v, b| v * 10 + u64::from(b - b'0'));
        return Some(v as f64);
    }
    w.parse().ok()
}

/// Whether the tokenizer skips `c` (whitespace, controls other than NUL, the BOM).
fn is_skipped(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c.is_control() && c != '\u{0}'
}

/// The longest piece of text annotated at once. A longer text (a book, a
/// year of a paper) is read in windows of at most this many bytes, cut at
/// paragraph breaks, so the tables built per token (about twenty bytes for
/// each byte of text) are built for one window at a time and memory grows
/// with the highlights found, not with the tables. About 5,000 words: above
/// nearly every article and most long features, so those are read whole.
///
/// Why 32 KB: the tables of the windows in flight (one a thread) were most
/// of what a long text costs above the text itself. At 64 KB the CLI's
/// 1 MB peaked at about twelve times the text; at 32 KB the same
/// instructions are run (callgrind) and the peak falls by some 2 MB, on
/// every long text and in the page's memory too. What a cut can lose
/// ([`crate::annotate`]) changed 0.09 % of the spans of 50 KB texts, not
/// counting which full name a surname's entity names (bench/RESULTS.md,
/// the fifteenth session's entry).
pub const WINDOW: usize = 32 * 1024;

/// `text` cut into windows of at most `max` bytes (at least 4), each with
/// its byte offset, that together are the whole text in order.
///
/// A cut goes in the second half of a window's room, at the last place
/// that breaks the least: a blank line (a paragraph break), else a line
/// break, else the end of a sentence (`.`, `?` or `!` and a space), else a
/// space, else any character boundary. A text of at most `max` bytes is
/// one window.
pub fn windows(text: &str, max: usize) -> Vec<(usize, &str)> {
    let max = max.max(4);
    let mut out = Vec::with_capacity(text.len() / max + 1);
    let mut start = 0;
    while text.len() - start > max {
        let rest = &text[start..];
        let room = prefix(rest, max).len();
        let cut = window_cut(rest.as_bytes(), room / 2, room);
        out.push((start, &rest[..cut]));
        start += cut;
    }
    out.push((start, &text[start..]));
    out
}

/// Where to cut `b` (a text whose byte `hi` is a character boundary):
/// just after the best break in `b[lo..hi]`, as [`windows`] ranks them,
/// else at `hi`. Every candidate ends on an ASCII byte, so every cut is a
/// character boundary.
fn window_cut(b: &[u8], lo: usize, hi: usize) -> usize {
    let part = &b[lo..hi];
    let after = |i: usize| lo + i + 1;
    let blank_line = |i: usize| {
        // A line break whose line before holds only spaces, tabs or `\r`
        // (that line may start before `lo`).
        let before = &b[..lo + i];
        let gap = before
            .iter()
            .rev()
            .take_while(|&&c| matches!(c, b' ' | b'\t' | b'\r'))
            .count();
        before.len() > gap && before[before.len() - gap - 1] == b'\n'
    };
    let line_breaks = || (0..part.len()).rev().filter(|&i| part[i] == b'\n');
    if let Some(i) = line_breaks().find(|&i| blank_line(i)) {
        return after(i);
    }
    if let Some(i) = line_breaks().next() {
        return after(i);
    }
    let sentence_end = part
        .windows(2)
        .rposition(|w| matches!(w[0], b'.' | b'?' | b'!') && w[1] == b' ');
    if let Some(i) = sentence_end {
        return after(i + 1);
    }
    if let Some(i) = part.iter().rposition(|&c| c == b' ') {
        return after(i);
    }
    hi
}

/// The longest text tokenized: token offsets are u32. Past it (4 GiB, far
/// beyond any article or book, and beyond what wasm32 can hold) a text is
/// not tokenized, so it has no highlights there.
pub const MAX_TEXT: usize = u32::MAX as usize;

/// The longest prefix of `text` of at most `max` bytes that ends on a
/// character boundary.
pub(crate) fn prefix(text: &str, max: usize) -> &str {
    let mut cut = text.len().min(max);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    &text[..cut]
}

/// Splits `text` into tokens (its first [`MAX_TEXT`] bytes). Never panics;
/// linear time.
pub fn tokenize(text: &str) -> Vec<Token> {
    // English news averages about five bytes a token (a word and the space
    // after it, or a punctuation mark): a quarter of the length is rarely
    // outgrown, and the spare room is given back at the end, so a long text
    // does not keep a doubled buffer (the tokens are the largest table of
    // all, the biggest part of peak memory).
    // (Sized from the part that is read: see [`tokenize_into`].)
    let read = prefix(text, MAX_TEXT).len();
    let mut tokens: Vec<Token> = Vec::with_capacity(read / 4 + 16);
    tokenize_into(text, &mut tokens);
    tokens.shrink_to_fit();
    tokens
}

/// [`tokenize`] into `tokens` (emptied first), for a caller that splits
/// many short texts and reuses one table: the word lists split thousands
/// of names at start-up, where a table of each name's own cost more than
/// splitting it.
pub fn tokenize_into(text: &str, tokens: &mut Vec<Token>) {
    tokens.clear();
    // Every offset below is at most the prefix's length, so each fits a u32.
    let text = prefix(text, MAX_TEXT);
    let bytes = text.as_bytes();
    let mut glued = false;
    let mut newlines = 2u32; // text start counts as a paragraph start
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // Most text is ASCII: its bytes are classified by one table look-up,
        // and only other characters are decoded.
        let (kind, first_upper, first_lower, first_letter, width) = if b < 0x80 {
            match ASCII[usize::from(b)] {
                Ascii::Skip => {
                    newlines += u32::from(b == b'\n');
                    glued = false;
                    i += 1;
                    continue;
                }
                Ascii::Digit => (Kind::Num, false, false, false, 1),
                Ascii::Upper => (Kind::Word, true, false, true, 1),
                Ascii::Lower => (Kind::Word, false, true, true, 1),
                Ascii::Punct => (Kind::Punct, false, false, false, 1),
            }
        } else {
            let Some(c) = text.get(i..).and_then(|s| s.chars().next()) else {
                break;
            };
            if is_skipped(c) {
                if c == '\u{2029}' {
                    newlines += 2;
                } else if c == '\u{2028}' {
                    newlines += 1;
                }
                glued = false;
                i += c.len_utf8();
                continue;
            }
            let kind = if is_word_char(c) {
                Kind::Word
            } else {
                Kind::Punct
            };
            // (A word may open with a combining mark, which is no letter.)
            let letter = kind == Kind::Word && c.is_alphabetic();
            (
                kind,
                c.is_uppercase(),
                c.is_lowercase(),
                letter,
                c.len_utf8(),
            )
        };
        let mut end = i + width;
        let mut has_lower = first_lower;
        let mut letters = u32::from(first_letter);
        match kind {
            Kind::Num => {
                while bytes.get(end).is_some_and(u8::is_ascii_digit) {
                    end += 1;
                }
            }
            Kind::Word => {
                while let Some(&d) = bytes.get(end) {
                    if d < 0x80 {
                        match ASCII[usize::from(d)] {
                            Ascii::Lower => has_lower = true,
                            Ascii::Upper => {}
                            _ => break,
                        }
                        letters += 1;
                        end += 1;
                        continue;
                    }
                    match text.get(end..).and_then(|s| s.chars().next()) {
                        Some(c) if is_word_char(c) => {
                            has_lower |= c.is_lowercase();
                            letters += u32::from(c.is_alphabetic());
                            end += c.len_utf8();
                        }
                        _ => break,
                    }
                }
            }
            Kind::Punct => {}
        }
        tokens.push(Token {
            start: i as u32,
            end: end as u32,
            kind,
            glued: glued && !tokens.is_empty(),
            para_start: newlines >= 2,
            line_start: newlines >= 1,
            upper: first_upper,
            all_upper: kind == Kind::Word && !has_lower && letters >= 2,
        });
        newlines = 0;
        glued = true;
        i = end;
    }
}

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "capt", "sgt", "maj", "cpl", "pvt", "adm",
    "gov", "sen", "rep", "rev", "st", "jr", "sr", "no", "vs", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur",
    "thurs", "fri", "sat", "sun", "inc", "ltd", "co", "corp", "u", "s", "a", "m", "p", "e", "i",
    "etc", "al", "approx", "est", "ft", "mt", "ave", "cmdr", "brig", "pres", "govt", "dept",
];

/// Sentence boundaries: `.`, `!`, `?` (optionally followed by closing quotes or
/// brackets) before an upper-case or non-letter start, not after a known
/// abbreviation or a single initial; and every line break.
fn split_sentences(text: &str, tokens: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        if i > start && tokens[i].line_start {
            out.push((start, i));
            start = i;
        }
        let t = &tokens[i];
        // (Only a punctuation token's text is read: most tokens are words.)
        let s = if t.kind == Kind::Punct {
            text.get(t.start()..t.end()).unwrap_or_default()
        } else {
            ""
        };
        if matches!(s, "." | "!" | "?" | "…") {
            let mut j = i + 1;
            while j < tokens.len()
                && tokens[j].glued
                && matches!(
                    &text[tokens[j].start()..tokens[j].end()],
                    "\"" | "”" | "’" | "'" | ")" | "]" | "." | "!" | "?"
                )
            {
                j += 1;
            }
            let next_ok = match tokens.get(j) {
                None => true,
                Some(n) => !n.glued && (n.upper || n.kind != Kind::Word || n.line_start),
            };
            let abbrev =
                s == "." && i > 0 && tokens[i - 1].kind == Kind::Word && tokens[i].glued && {
                    let w = &text[tokens[i - 1].start()..tokens[i - 1].end()];
                    w.len() <= 5 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w))
                        || w.chars().count() == 1
                };
            if next_ok && !abbrev {
                out.push((start, j));
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if start < tokens.len() {
        out.push((start, tokens.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tokenized_prefix_ends_on_a_character() {
        // `é` is two bytes (1..3): a limit inside it drops the whole letter.
        for (max, want) in [
            (0, ""),
            (1, "a"),
            (2, "a"),
            (3, "aé"),
            (4, "aéb"),
            (9, "aéb"),
        ] {
            assert_eq!(prefix("aéb", max), want, "max {max}");
        }
    }

    /// The windows' texts, and a check that they are the text in order.
    fn cut(text: &str, max: usize) -> Vec<&str> {
        let ws = windows(text, max);
        let mut at = 0;
        for &(start, w) in &ws {
            assert_eq!(start, at, "{ws:?}");
            assert!(w.len() <= max.max(4) && !w.is_empty(), "{ws:?}");
            at += w.len();
        }
        assert_eq!(at, text.len());
        ws.into_iter().map(|(_, w)| w).collect()
    }

    #[test]
    fn windows_break_where_the_least_is_broken() {
        // A short text is one window.
        assert_eq!(cut("One. Two.", 40), ["One. Two."]);
        // A blank line beats a later line break, sentence end or space.
        assert_eq!(
            cut("Aa aa aa.\n\nBb bb.\nCc cc. Dd dd ee", 20)[0],
            "Aa aa aa.\n\n"
        );
        // A blank line may hold spaces and `\r`.
        assert_eq!(cut("Aa aa.\r\n \r\nBb bb.\nCc", 16)[0], "Aa aa.\r\n \r\n");
        // With no blank line, the last line break.
        assert_eq!(cut("Aa aa.\nBb bb. Cc cc dd", 12)[0], "Aa aa.\n");
        // With no line break, the last sentence end, its space kept.
        assert_eq!(cut("Aa aa. Bb bb? Cc cc dd", 16)[0], "Aa aa. Bb bb? ");
        // Else the last space; else the room, on a character boundary.
        assert_eq!(cut("Aa aa bb cc dd ee", 10)[0], "Aa aa bb ");
        assert_eq!(cut("ééééééé", 5), ["éé", "éé", "éé", "é"]);
        // A break in the first half of the room is too early to take.
        assert_eq!(cut("A.\n\nbbbbbbbbbbbbbb", 10)[0], "A.\n\nbbbbbb");
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| &text[t.start()..t.end()])
            .collect()
    }

    #[test]
    fn splits_words_numbers_and_punctuation() {
        assert_eq!(
            words("US-led forces, 750,000."),
            ["US", "-", "led", "forces", ",", "750", ",", "000", "."]
        );
        assert_eq!(words("Ra’ed café"), ["Ra", "’", "ed", "café"]);
        assert_eq!(words("e\u{301}t\u{e9}"), ["e\u{301}t\u{e9}"]);
    }

    #[test]
    fn glue_and_paragraphs() {
        let t = tokenize("a-b c\n\nD");
        assert!(!t[0].glued && t[1].glued && t[2].glued && !t[3].glued);
        assert!(t[0].para_start && !t[3].para_start && t[4].para_start);
    }

    #[test]
    fn sentences_skip_abbreviations() {
        let text = "Lt. Col. Smith said so. He left! Then U.S. troops came.\nNext";
        let d = Doc::new(text);
        let s: Vec<&str> = d.sentences.iter().map(|&(a, b)| d.slice(a, b)).collect();
        assert_eq!(
            s,
            [
                "Lt. Col. Smith said so.",
                "He left!",
                "Then U.S. troops came.",
                "Next"
            ]
        );
    }

    #[test]
    fn lower_keeps_offsets() {
        let text = "İSTANBUL and ÉCOLE, MOSUL";
        let d = Doc::new(text);
        let lows: Vec<&str> = (0..d.tokens.len()).map(|i| d.low(i)).collect();
        assert_eq!(lows, ["İstanbul", "and", "école", ",", "mosul"]);
        assert_eq!(d.low(99), "");
    }

    #[test]
    fn typographic_punctuation_is_no_word_char() {
        // The fast path of `is_word_char` must agree with the Unicode tables.
        for c in ('\u{2010}'..='\u{2027}').chain('\u{2030}'..='\u{205e}') {
            assert!(
                !c.is_alphabetic() && !is_mark(c),
                "{c:?} U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn ascii_table_agrees_with_unicode_tests() {
        // The tokenizer classifies ASCII bytes by table; the table must say
        // what the character tests say for every ASCII character.
        for b in 0u8..0x80 {
            let c = char::from(b);
            let want = if is_skipped(c) {
                Ascii::Skip
            } else if c.is_ascii_digit() {
                Ascii::Digit
            } else if is_word_char(c) && c.is_uppercase() {
                Ascii::Upper
            } else if is_word_char(c) {
                assert!(c.is_lowercase(), "{c:?}");
                Ascii::Lower
            } else {
                Ascii::Punct
            };
            assert!(ASCII[usize::from(b)] == want, "byte {b:#04x}");
        }
    }

    /// The tokenizer as first written, a character at a time with the
    /// Unicode tests only: the specification the fast one must meet.
    fn tokenize_by_chars(text: &str) -> Vec<Token> {
        let mut tokens: Vec<Token> = Vec::new();
        let (mut glued, mut newlines, mut i) = (false, 2u32, 0);
        while let Some(c) = text[i..].chars().next() {
            if is_skipped(c) {
                if c == '\n' || c == '\u{2029}' {
                    newlines += 2 - u32::from(c == '\n');
                } else if c == '\u{2028}' {
                    newlines += 1;
                }
                glued = false;
                i += c.len_utf8();
                continue;
            }
            let kind = if c.is_ascii_digit() {
                Kind::Num
            } else if is_word_char(c) {
                Kind::Word
            } else {
                Kind::Punct
            };
            let mut end = i + c.len_utf8();
            let mut has_lower = c.is_lowercase();
            let mut letters = u32::from(c.is_alphabetic());
            if kind != Kind::Punct {
                while let Some(d) = text[end..].chars().next() {
                    let same = match kind {
                        Kind::Word => is_word_char(d),
                        _ => d.is_ascii_digit(),
                    };
                    if !same {
                        break;
                    }
                    has_lower |= d.is_lowercase();
                    letters += u32::from(d.is_alphabetic());
                    end += d.len_utf8();
                }
            }
            tokens.push(Token {
                start: i as u32,
                end: end as u32,
                kind,
                glued: glued && !tokens.is_empty(),
                para_start: newlines >= 2,
                line_start: newlines >= 1,
                upper: c.is_uppercase(),
                all_upper: kind == Kind::Word && !has_lower && letters >= 2,
            });
            newlines = 0;
            glued = true;
            i = end;
        }
        tokens
    }

    /// Random texts over characters that exercise every path of the
    /// tokenizer: ASCII classes, Latin and other scripts, combining marks,
    /// typographic punctuation, Unicode line breaks, controls, NUL, the BOM.
    fn random_texts() -> impl Iterator<Item = String> {
        const PIECES: &[&str] = &[
            "a", "Z", "q", "M", "7", "0", " ", "\n", "\r\n", "\t", "\u{0}", "\u{1}", "\u{7f}", ".",
            ",", "-", "'", "\"", "$", "é", "É", "ß", "İ", "ǅ", "e\u{301}", "\u{301}", "’", "“",
            "”", "—", "…", "\u{2028}", "\u{2029}", "\u{85}", "\u{a0}", "\u{feff}", "٣", "ش",
            "\u{64b}", "क", "\u{93f}", "🙂", "Ⓐ", "ⁱ", "US", "Mosul", "750,000",
        ];
        let mut state = 0x5eed_u64;
        (0..3000).map(move |_| {
            let mut next = || {
                // splitmix64: a fixed seed, so a failure repeats.
                state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
                let mut z = state;
                z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
                z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
                (z ^ (z >> 31)) as usize
            };
            let n = next() % 24;
            (0..n).map(|_| PIECES[next() % PIECES.len()]).collect()
        })
    }

    #[test]
    fn fast_tokenizer_agrees_with_the_character_one() {
        for text in random_texts() {
            assert_eq!(tokenize(&text), tokenize_by_chars(&text), "{text:?}");
        }
    }

    #[test]
    fn fast_lower_agrees_with_the_character_one() {
        for text in random_texts() {
            let by_chars: String = text
                .chars()
                .map(|c| {
                    let mut l = c.to_lowercase();
                    match (l.next(), l.next()) {
                        (Some(x), None) if x.len_utf8() == c.len_utf8() => x,
                        _ => c,
                    }
                })
                .collect();
            assert_eq!(lower_same_length(&text), by_chars, "{text:?}");
        }
    }

    #[test]
    fn hostile_text_does_not_panic() {
        for t in [
            "",
            " ",
            "\u{0}",
            "....",
            "\u{202e}abc",
            "🙂🙂",
            "\r\n\r\n",
            "\u{feff}x",
        ] {
            let _ = Doc::new(t);
        }
    }
}
