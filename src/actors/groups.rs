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

/// Whether a unit's text is a force noun.
pub fn is_force_noun(word: &str) -> bool {
    FORCE_NOUNS.iter().any(|f| f.eq_ignore_ascii_case(word))
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
    for j in 0..units.len() {
        let u = units[j];
        if !u.word || !free(j) {
            continue;
        }
        let w = doc.slice(u.a(), u.b());
        if !is_force_noun(w) {
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
