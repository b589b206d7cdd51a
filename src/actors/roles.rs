//! A person's `role` (ANNOTATION.md §1): the nearest title before the name,
//! else the head of an appositive (`Lise Grande, the UN’s humanitarian
//! coordinator in Iraq` → `humanitarian coordinator`).

use super::lex::TitleKind;
use super::{Ctx, K, Mention};

/// Words that end an appositive's role phrase.
const STOP: &[&str] = &[
    "in", "of", "for", "at", "from", "with", "on", "who", "which", "that", "to", "and", "said",
    "told", "says", "by", "whose", "since",
];

pub(super) fn assign(cx: &Ctx, ms: &mut [Mention]) {
    // Roles taken from before their names, in text order.
    let mut drop: Vec<(usize, usize)> = Vec::new();
    for m in ms.iter_mut() {
        if m.kind != K::Person {
            continue;
        }
        if let Some((a, b)) = m.role_units {
            if a < b {
                m.role = Some(cx.span_text(a, b).to_string());
            }
            continue;
        }
        if let Some((a, b)) = before(cx, m.ua) {
            m.role = Some(cx.span_text(a, b).to_string());
            drop.push((a, b));
            continue;
        }
        m.role = after(cx, m.ub).or_else(|| lead_in(cx, m.ua));
    }
    // Countries inside a role (`US defence secretary`) are part of the title.
    // The roles kept here end where their persons start, so they come in
    // order of their ends, as the places do of their starts; a role that
    // holds a place ends at most the longest role's length after the
    // place's start, so each place looks at a few roles from where the
    // last one looked (testing every role for every place grew with the
    // square of the text).
    let mut roles = Roles::new(&drop);
    for m in ms.iter_mut().filter(|m| m.kind == K::Place) {
        if roles.hold(m.ua, m.ub) {
            m.kind = K::Unknown;
            m.headline = true;
        }
    }
}

/// Roles as unit ranges in order of their ends, asked in order of the
/// starts of the ranges they may hold.
struct Roles<'r> {
    roles: &'r [(usize, usize)],
    /// The longest role, in units.
    longest: usize,
    /// The first role that ends after the last range asked about.
    next: usize,
}

impl<'r> Roles<'r> {
    fn new(roles: &'r [(usize, usize)]) -> Self {
        let longest = roles.iter().map(|&(a, b)| b - a).max().unwrap_or(0);
        Roles {
            roles,
            longest,
            next: 0,
        }
    }

    /// Whether a role holds `[a, b)`: starts at or before `a` and ends at
    /// or after `b`. (`a` grows from call to call.)
    fn hold(&mut self, a: usize, b: usize) -> bool {
        while self.roles.get(self.next).is_some_and(|&(_, e)| e <= a) {
            self.next += 1;
        }
        // A role that holds `a` ends at most its length after it.
        self.roles
            .iter()
            .skip(self.next)
            .take_while(|&&(_, e)| e <= a + self.longest)
            .any(|&(s, e)| s <= a && b <= e)
    }
}

/// The nearest title chunk right before unit `ua`.
fn before(cx: &Ctx, ua: usize) -> Option<(usize, usize)> {
    let mut k = ua;
    while k > 0 && ua - k < 8 {
        let p = k - 1;
        if !cx.units[p].word || !cx.same_sentence(p, ua) {
            break;
        }
        let of_title = cx.is(p, "of") && p > 0 && cx.title_kind(p - 1).is_some();
        if cx.title_kind(p).is_some() || cx.is_demonym(p) || cx.is_country(p) || of_title {
            k = p;
            continue;
        }
        break;
    }
    if k == ua {
        return None;
    }
    // Split into chunks that each end on a title noun; keep the last one.
    let mut start = k;
    let mut best = None;
    let mut u = k;
    while u < ua {
        let tk = cx.title_kind(u);
        let abbrev = cx.text(u).ends_with('.') && tk.is_some();
        if tk == Some(TitleKind::Title) || abbrev {
            best = Some((start, u + 1));
            if !cx.is(u + 1, "of") && cx.title_kind(u + 1) != Some(TitleKind::Title) && !abbrev {
                start = u + 1;
            }
        }
        u += 1;
    }
    let (a, b) = best?;
    // The chunk must reach the name, and honorifics are no role.
    if b != ua || (a..b).all(|x| cx.title_kind(x) == Some(TitleKind::Honorific)) {
        return None;
    }
    let a = (a..b)
        .find(|&x| cx.title_kind(x) != Some(TitleKind::Honorific))
        .unwrap_or(a);
    Some((a, b))
}

/// The head of an appositive after the name: `, a police officer,`.
fn after(cx: &Ctx, ub: usize) -> Option<String> {
    if cx.text(ub) != "," {
        return None;
    }
    // (The units asked about are at most fourteen after the name.)
    let mut k = ub + 1;
    if ["a", "an", "the"].iter().any(|w| cx.is(k, w)) {
        k += 1;
    }
    // `the UN’s humanitarian coordinator`: skip a possessor.
    let mut p = k;
    while p < ub + 6 && cx.units.get(p).is_some_and(|u| u.word && u.upper) {
        p += 1;
    }
    if p > k && matches!(cx.text(p), "’" | "'") && cx.is(p + 1, "s") {
        k = p + 2;
    } else {
        // `the UN High Commissioner`: an organisation's name before the
        // title words is left out of the role.
        let mut q = k;
        while q < k + 4
            && cx.units.get(q).is_some_and(|u| u.word && u.upper)
            && cx.title_kind(q).is_none()
            && !cx.is_demonym(q)
        {
            q += 1;
        }
        if q > k && cx.title_kind(q).is_some() {
            k = q;
        }
    }
    let start = k;
    let mut head = None;
    while k < start + 5 {
        let Some(u) = cx.units.get(k) else { break };
        let w = cx.text(k);
        if !u.word || STOP.contains(&w) {
            break;
        }
        if u.upper && !cx.is_demonym(k) && cx.title_kind(k).is_none() {
            return None;
        }
        head = if cx.title_kind(k) == Some(TitleKind::Title) {
            Some(k + 1)
        } else {
            None
        };
        k += 1;
    }
    let end = head?;
    (end == k).then(|| cx.span_text(start, end).to_string())
}

/// A role phrase that opens the sentence part before the name:
/// `the commander of Iraq's federal police, Ra’ed Shaker Jawdat`.
fn lead_in(cx: &Ctx, ua: usize) -> Option<String> {
    if ua < 2 || cx.text(ua - 1) != "," {
        return None;
    }
    // (The units asked about are mostly at most thirteen before the name.)
    let mut k = ua - 1;
    while k > 0 && ua - k < 12 {
        k -= 1;
        let w = cx.text(k);
        if w == "," || !cx.same_sentence(k, ua) {
            return None;
        }
        if cx.title_kind(k) == Some(TitleKind::Title) && k > 0 {
            // Modifiers before it, then an article.
            let mut s = k;
            while s > 0 && cx.title_kind(s - 1) == Some(TitleKind::Modifier) {
                s -= 1;
            }
            let art = s > 0 && ["the", "a", "an"].iter().any(|a| cx.is(s - 1, a));
            let of = ["of", "for", "at"].iter().any(|a| cx.is(k + 1, a));
            if art && of {
                return Some(cx.span_text(s, k + 1).to_string());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_hold_what_a_plain_search_finds() {
        // Roles as `assign` keeps them: ending in order (where their
        // persons start), at most eight units long, overlapping or not.
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        for _ in 0..200 {
            let mut roles = Vec::new();
            let mut end = 0;
            for _ in 0..next(12) {
                end += 1 + next(6);
                roles.push((end.saturating_sub(1 + next(8)), end));
            }
            let mut places: Vec<(usize, usize)> = (0..next(20))
                .map(|_| {
                    let a = next(end + 3);
                    (a, a + 1 + next(3))
                })
                .collect();
            places.sort();
            let mut held = Roles::new(&roles);
            for &(a, b) in &places {
                let plain = roles.iter().any(|&(s, e)| s <= a && a < e && b <= e);
                assert_eq!(held.hold(a, b), plain, "{roles:?} {a}..{b}");
            }
        }
    }
}
