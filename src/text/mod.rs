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
    /// Start byte.
    pub start: usize,
    /// End byte, exclusive.
    pub end: usize,
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
            Some(t) => self.lower.get(t.start..t.end).unwrap_or(""),
            None => "",
        }
    }

    /// The text of token `i` (empty when out of range).
    pub fn tok(&self, i: usize) -> &'a str {
        match self.tokens.get(i) {
            Some(t) => &self.text[t.start..t.end],
            None => "",
        }
    }

    /// Whether token `i` equals `word`, ignoring ASCII case.
    pub fn is(&self, i: usize, word: &str) -> bool {
        self.tok(i).eq_ignore_ascii_case(word)
    }

    /// The text from the start of token `a` to the end of token `b - 1`.
    pub fn slice(&self, a: usize, b: usize) -> &'a str {
        if a >= b || b > self.tokens.len() {
            return "";
        }
        &self.text[self.tokens[a].start..self.tokens[b - 1].end]
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
        self.tokens.partition_point(|t| t.start < pos)
    }
}

/// `text` lower-cased character by character where that keeps the byte length.
fn lower_same_length(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let mut l = c.to_lowercase();
        match (l.next(), l.next()) {
            (Some(x), None) if x.len_utf8() == c.len_utf8() => out.push(x),
            _ => out.push(c),
        }
    }
    out
}

fn is_word_char(c: char) -> bool {
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

/// Splits `text` into tokens. Never panics; linear time.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let mut glued = false;
    let mut newlines = 2u32; // text start counts as a paragraph start
    let mut i = 0;
    // Most text is ASCII: a byte below 0x80 is its own character, so only
    // other bytes are decoded (the character tests agree on ASCII).
    let char_at = |at: usize| match bytes.get(at) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        _ => text.get(at..).and_then(|s| s.chars().next()),
    };
    while let Some(c) = char_at(i) {
        if c.is_whitespace() || c == '\u{feff}' || c.is_control() && c != '\u{0}' {
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
            while let Some(d) = char_at(end) {
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
            start: i,
            end,
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
        let s = &text[t.start..t.end];
        if t.kind == Kind::Punct && matches!(s, "." | "!" | "?" | "…") {
            let mut j = i + 1;
            while j < tokens.len()
                && tokens[j].glued
                && matches!(
                    &text[tokens[j].start..tokens[j].end],
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
                    let w = &text[tokens[i - 1].start..tokens[i - 1].end];
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

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| &text[t.start..t.end])
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
