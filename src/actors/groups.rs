//! Group actors (ANNOTATION.md §1): affiliation words + a force noun from the
//! closed list, coordination included (`British, Turkish and Kurdish forces`).

use super::lex::{Affil, Lex, Named};
use super::units::Unit;
use crate::text::Doc;

/// The closed list of force nouns (ANNOTATION.md §1).
const FORCE_NOUNS: &[&str] = &[
    "forces",
    "troops",
    "soldiers",
    "police",
    "militia",
    "militias",
    "fighters",
    "militants",
    "units",
    "personnel",
    "advisers",
    "advisors",
    "commanders",
    "army",
    "coalition",
];

/// Second halves of compounds that make an affiliation of a country or
/// demonym (`US-led`, `Iranian-backed`).
const LED: &[&str] = &[
    "led",
    "backed",
    "allied",
    "trained",
    "supported",
    "sponsored",
];

/// For each word length, one bit per first letter and one per last letter
/// (ignoring ASCII case) of the force nouns of that length. Every word of
/// a text is asked whether it is a force noun; most are ruled out by these
/// two look-ups, before any comparison with the list.
static FORCE_GATE: [(u32, u32); 16] = letters_by_length(FORCE_NOUNS);

/// The table of [`FORCE_GATE`] for a list of ASCII words.
const fn letters_by_length(list: &[&str]) -> [(u32, u32); 16] {
    let mut table = [(0u32, 0u32); 16];
    let mut i = 0;
    while i < list.len() {
        let w = list[i].as_bytes();
        if !w.is_empty() && w.len() < table.len() {
            table[w.len()].0 |= letter_bit(w[0]);
            table[w.len()].1 |= letter_bit(w[w.len() - 1]);
        }
        i += 1;
    }
    table
}

/// A bit for an ASCII letter, either case (none for other bytes).
const fn letter_bit(b: u8) -> u32 {
    let l = b | 0x20;
    if l.is_ascii_lowercase() {
        1 << (l - b'a')
    } else {
        0
    }
}

/// [`letter_bit`] of every byte, so the gate is one load per letter.
static LETTER_BITS: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = letter_bit(b as u8);
        b += 1;
    }
    t
};

/// Whether `word` may be a force noun: a match has the length, the first
/// and the last letter of a listed noun.
fn may_be_force_noun(word: &[u8]) -> bool {
    match (FORCE_GATE.get(word.len()), word.first(), word.last()) {
        (Some(&(first, last)), Some(&a), Some(&z)) => {
            first & LETTER_BITS[usize::from(a)] != 0 && last & LETTER_BITS[usize::from(z)] != 0
        }
        _ => false,
    }
}

/// Whether a unit's text is a force noun.
pub fn is_force_noun(word: &str) -> bool {
    may_be_force_noun(word.as_bytes()) && FORCE_NOUNS.iter().any(|f| f.eq_ignore_ascii_case(word))
}

/// Whether unit `u` is a force noun. A force noun is one token (a unit of
/// several tokens holds a hyphen or a period), so the token's bytes are
/// gated before its text is sliced and compared.
fn is_force_noun_unit(doc: &Doc, u: &Unit) -> bool {
    if u.b() != u.a() + 1 {
        return false;
    }
    let Some(t) = doc.tokens.get(u.a()) else {
        return false;
    };
    doc.text
        .as_bytes()
        .get(t.start()..t.end())
        .is_some_and(may_be_force_noun)
        && is_force_noun(doc.tok(u.a()))
}

/// How one or two units (ending at `k`) can serve in a group: `Some(true)`
/// may lead it, `Some(false)` only inside it. Returns the units used.
fn affiliation(doc: &Doc, units: &[Unit], k: usize, lx: &Lex) -> Option<(bool, usize)> {
    let u = units.get(k)?;
    if !u.word {
        return None;
    }
    if k > 0 {
        let p = units[k - 1];
        if p.word && p.upper && u.upper {
            let two = doc.slice(p.a(), u.b());
            if lx.demonyms.contains_key(&two.to_lowercase()) || is_country(lx, two) {
                return Some((true, 2));
            }
        }
    }
    let s = doc.slice(u.a(), u.b());
    let lower = s.to_lowercase();
    // `US-led` as three units: `US`, `-`, `led`.
    if LED.contains(&lower.as_str())
        && k >= 2
        && doc.slice(units[k - 1].a(), units[k - 1].b()) == "-"
    {
        let h = units[k - 2];
        let head = doc.slice(h.a(), h.b());
        if u.a() > 0
            && doc.tokens[u.a()].glued
            && doc.tokens[units[k - 1].a()].glued
            && (lx.demonyms.contains_key(&head.to_lowercase())
                || is_country(lx, head)
                || lx
                    .names
                    .get(head)
                    .is_some_and(|n| matches!(n, Named::Org(_))))
        {
            return Some((true, 3));
        }
    }
    if let Some(a) = lx.affil.get(&lower) {
        return Some((*a == Affil::Lead, 1));
    }
    if lx.demonyms.contains_key(&lower) || is_country(lx, s) {
        return Some((true, 1));
    }
    // `US-led`, `Iranian-backed`, `government-allied`
    if let Some((head, tail)) = lower.rsplit_once('-')
        && LED.contains(&tail)
    {
        let head_orig = s.get(..head.len()).unwrap_or_default();
        if lx.demonyms.contains_key(head)
            || is_country(lx, head_orig)
            || lx.affil.contains_key(head)
            || lx
                .names
                .get(head_orig)
                .is_some_and(|n| matches!(n, Named::Org(_)))
        {
            return Some((true, 1));
        }
    }
    None
}

fn is_country(lx: &Lex, s: &str) -> bool {
    matches!(lx.names.get(s), Some(Named::Place(b'c')))
}

/// Finds groups; returns unit ranges `[a, b)`. `free(u)` tells whether a
/// unit may be used (not inside a date).
pub fn find(
    doc: &Doc,
    units: &[Unit],
    lx: &Lex,
    free: &dyn Fn(usize) -> bool,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (j, &u) in units.iter().enumerate() {
        if !u.word || !is_force_noun_unit(doc, &u) || !free(j) {
            continue;
        }
        // `Iraqi Army`, `Syrian Democratic Forces` are names, not groups.
        let sent_start = doc.sentence(u.a()).0 == u.a();
        if u.upper && !sent_start && !u.caps {
            continue;
        }
        let mut k = j;
        let mut lead: Option<usize> = None;
        while k > 0 {
            let prev = k - 1;
            if !free(prev) {
                break;
            }
            if let Some((leads, n)) = affiliation(doc, units, prev, lx) {
                let start = prev + 1 - n;
                if leads {
                    lead = Some(start);
                }
                k = start;
                continue;
            }
            // Coordination, only between two affiliations.
            let t = doc.slice(units[prev].a(), units[prev].b());
            if (t == "," || t == "and" || t == "&" || t == "or")
                && lead == Some(k)
                && prev > 0
                && affiliation(doc, units, prev - 1, lx).is_some_and(|(l, _)| l)
            {
                k = prev;
                continue;
            }
            break;
        }
        if let Some(a) = lead
            && a < j
        {
            out.push((a, j + 1));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The list compared in full, with no gate.
    fn slow(word: &str) -> bool {
        FORCE_NOUNS.iter().any(|f| f.eq_ignore_ascii_case(word))
    }

    #[test]
    fn force_gate_agrees_with_the_list() {
        let mut words: Vec<String> = vec![
            "",
            "a",
            "s",
            "the",
            "Forces",
            "FORCES",
            "forcés",
            "Army",
            "army.",
            "armies",
            "units",
            "Unit",
            "policeman",
            "ﬁghters",
            "Ärmy",
            "@rmy",
            "[orces",
            "{orces",
            "personnel",
            "personnels",
            "commandersx",
            "coalitions",
            "x".repeat(15).as_str(),
            "x".repeat(16).as_str(),
            "é",
        ]
        .into_iter()
        .map(String::from)
        .collect();
        for f in FORCE_NOUNS {
            let mut cap = f.to_string();
            cap[..1].make_ascii_uppercase();
            words.extend([f.to_string(), f.to_uppercase(), cap]);
            words.push(format!("{f}s"));
            words.push(f[1..].to_string());
            words.push(format!("x{}", &f[1..]));
            words.push(format!("{}x", &f[..f.len() - 1]));
        }
        for w in &words {
            assert_eq!(is_force_noun(w), slow(w), "{w:?}");
        }
        assert!(FORCE_NOUNS.iter().all(|f| is_force_noun(f)));
    }
}
