//! The entities of a text: its actor mentions grouped by their `entity`
//! key, gathered a window at a time as the spans are handed on.
//!
//! A long text names thousands of entities (4,746 in 1 MB of news, most of
//! them once), and they are held until the end. An [`Entity`] each, with
//! its own three vectors and a string per alias and role, took about 600
//! bytes an entity there; here they are kept in a few shared tables (one
//! list of mentions, the keys' text in one string, the aliases' and roles'
//! in another) and made into [`Entity`]s, each its exact size, only at the
//! end.

use crate::model::{Entity, EntityFields, Label, Span};
use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;

/// A place in the tables below: an entity, a link, a span among all the
/// spans, or a byte of [`Entities::text`] or [`Entities::keys`].
///
/// Four bytes, not a native `usize`'s eight: the tables are held to the end
/// of a long text (the 4,751 entities of 1 MB of news have 9,674 mentions
/// and 9,387 aliases and roles), so their width is memory on every long
/// text. A place that does not fit is left out, see [`idx`].
type Idx = u32;

/// No link: the end of a chain, or an entity without aliases or roles yet.
const NONE: Idx = Idx::MAX;

/// `n` as an [`Idx`], or none when it does not fit (or is [`NONE`]). What
/// needs one that does not fit is not recorded: on a text with billions of
/// spans, its last mentions, aliases or roles would be missing from the
/// entities, and nothing else would change.
fn idx(n: usize) -> Option<Idx> {
    Idx::try_from(n).ok().filter(|&i| i != NONE)
}

/// The actor mentions met so far, grouped by their `entity` key in order of
/// first mention; spans are added in text order, a window's at a time.
///
/// `S` hashes the keys: the standard keyed hash, which a text cannot flood
/// (the keys come from the text); tests give one that makes every key
/// clash.
pub(crate) struct Entities<S = RandomState> {
    /// The entities, in order of first mention.
    list: Vec<Ent>,
    /// The distinct kinds of the entities (`person`, `organization`), in
    /// the order met: an entity holds its kind's place here.
    kinds: Vec<Cow<'static, str>>,
    /// Every entity's key, one after another: the key of entity `e` starts
    /// at `key_at[e]` and ends where the next one's starts. They become the
    /// names at the end.
    keys: String,
    key_at: Vec<Idx>,
    /// The hash of a key → its entity: the first key of that hash. The
    /// entity's key is compared with the one looked up, so a hash says
    /// where to look, never what is there.
    ///
    /// Before, a `HashMap<Box<str>, Idx>` held each key in an allocation
    /// of its own and a 24-byte bucket: with `list`'s 32-byte entities, some
    /// 550 KB for the 4,751 entities of 1 MB of news, where these tables
    /// take about 290 KB, and no allocation a new entity.
    index: HashMap<u64, Idx, std::hash::BuildHasherDefault<Hashed>>,
    /// The keys whose hash an earlier key had already: with a 64-bit keyed
    /// hash, none in practice, but then still found.
    clashes: HashMap<Box<str>, Idx, S>,
    /// Hashes the keys for `index`.
    hasher: S,
    /// Every actor mention in text order: its entity and its span's index
    /// among all the spans.
    mentions: Vec<(Idx, Idx)>,
    /// The aliases and roles of every entity, each chained to the one
    /// before it of the same entity and kind.
    links: Vec<Link>,
    /// The text of every link, one after another.
    text: String,
    /// Spans added so far (mentions are indices into all the spans).
    seen: usize,
}

impl<S: Default> Default for Entities<S> {
    fn default() -> Self {
        Entities {
            list: Vec::new(),
            kinds: Vec::new(),
            keys: String::new(),
            key_at: Vec::new(),
            index: HashMap::default(),
            clashes: HashMap::default(),
            hasher: S::default(),
            mentions: Vec::new(),
            links: Vec::new(),
            text: String::new(),
            seen: 0,
        }
    }
}

/// The "hasher" of [`Entities::index`], whose keys are hashes already:
/// it hands a `u64` on as it is.
#[derive(Default)]
pub(crate) struct Hashed(u64);

impl std::hash::Hasher for Hashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // (Only `write_u64` is called, by the `u64` keys; anything else is
        // folded in all the same.)
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// One entity until [`Entities::grouped`].
struct Ent {
    /// `person` or `organization` (its first mention's kind): its place in
    /// [`Entities::kinds`].
    kind: Idx,
    /// Its last alias and last role in [`Entities::links`], or [`NONE`].
    alias: Idx,
    role: Idx,
}

/// An alias or a role: its entity, its text in [`Entities::text`] and the
/// link before it of the same entity and kind ([`NONE`] for the first),
/// which a new one is checked against.
struct Link {
    /// Its entity.
    ent: Idx,
    /// The link before it of the same entity and kind, or [`NONE`].
    prev: Idx,
    /// Its text: `text[start..end]` of [`Entities::text`].
    start: Idx,
    end: Idx,
    /// A role (else an alias).
    role: bool,
}

/// Key `e` of `keys`, whose keys start at `key_at` (empty out of range).
fn key_of<'k>(keys: &'k str, key_at: &[Idx], e: usize) -> &'k str {
    let start = key_at.get(e).map_or(keys.len(), |&a| a as usize);
    let end = key_at.get(e + 1).map_or(keys.len(), |&a| a as usize);
    keys.get(start..end).unwrap_or_default()
}

impl Entities {
    /// No entities yet, their keys under the standard keyed hash.
    pub(crate) fn new() -> Self {
        Self::default()
    }
}

impl<S: BuildHasher> Entities<S> {
    /// The entity of `key`, or none yet; `hash` is its hash.
    fn find(&self, key: &str, hash: u64) -> Option<Idx> {
        let &e = self.index.get(&hash)?;
        if key_of(&self.keys, &self.key_at, e as usize) == key {
            return Some(e);
        }
        self.clashes.get(key).copied()
    }

    /// A new entity of key `key` (hash `hash`), of the kind of its first
    /// mention `first`: its place, or none when it does not fit.
    fn add_entity(&mut self, key: &str, hash: u64, first: &Span) -> Option<Idx> {
        let kind = &first.kind;
        let e = idx(self.list.len())?;
        let start = idx(self.keys.len())?;
        idx(self.keys.len() + key.len())?;
        let k = match self.kinds.iter().position(|x| x == kind) {
            Some(k) => k,
            None => {
                self.kinds.push(kind.clone());
                self.kinds.len() - 1
            }
        };
        let kind = idx(k)?;
        self.list.push(Ent {
            kind,
            alias: NONE,
            role: NONE,
        });
        self.keys.push_str(key);
        self.key_at.push(start);
        match self.index.entry(hash) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(e);
            }
            std::collections::hash_map::Entry::Occupied(_) => {
                self.clashes.insert(key.into(), e);
            }
        }
        Some(e)
    }

    /// Adds the actor mentions of `spans`, the spans that follow those
    /// added before, with offsets into `text` (their words are read there).
    // A stage of its own in profiles (callgrind), so its cost can be read.
    #[inline(never)]
    pub(crate) fn add(&mut self, spans: &[Span], text: &str) {
        // Room for the most these spans can add (every actor mention a new
        // entity with a new alias): an article's tables are then made once,
        // not grown a step at a time, each step copying (or, for the index,
        // re-hashing) all before it.
        let (actors, bytes) = spans
            .iter()
            .filter(|s| s.label == Label::Actor)
            .fold((0, 0), |(n, b), s| (n + 1, b + (s.end - s.start)));
        self.index.reserve(actors);
        self.list.reserve(actors);
        self.key_at.reserve(actors);
        self.mentions.reserve(actors);
        self.links.reserve(actors);
        self.text.reserve(bytes);
        for (i, s) in spans.iter().enumerate() {
            let (Label::Actor, Some(key)) = (s.label, s.entity.as_deref()) else {
                continue;
            };
            let Some(at) = idx(self.seen + i) else {
                continue;
            };
            let hash = self.hasher.hash_one(key);
            let Some(e) = self
                .find(key, hash)
                .or_else(|| self.add_entity(key, hash, s))
            else {
                continue;
            };
            self.mentions.push((e, at));
            let Some(&Ent { alias, role, .. }) = self.list.get(e as usize) else {
                continue;
            };
            let alias = self.link_new(e, alias, s.text_in(text), false);
            let role = s.role().and_then(|r| self.link_new(e, role, r, true));
            if let Some(ent) = self.list.get_mut(e as usize) {
                ent.alias = alias.unwrap_or(ent.alias);
                ent.role = role.unwrap_or(ent.role);
            }
        }
        self.seen += spans.len();
    }

    /// Adds `text`, an alias or a `role` of entity `ent`, after `last` in
    /// its chain, unless the chain holds it already: the new link's place,
    /// or none.
    fn link_new(&mut self, ent: Idx, last: Idx, text: &str, role: bool) -> Option<Idx> {
        let mut at = last;
        while let Some(link) = self.links.get(at as usize) {
            if link_text(&self.text, link) == text {
                return None;
            }
            at = link.prev;
        }
        let start = idx(self.text.len())?;
        let end = idx(self.text.len() + text.len())?;
        let new = idx(self.links.len())?;
        self.text.push_str(text);
        self.links.push(Link {
            ent,
            prev: last,
            start,
            end,
            role,
        });
        Some(new)
    }

    /// The entities, each named by its key (tests; the crate reads
    /// [`Entities::grouped`]).
    #[cfg(test)]
    pub(crate) fn finish(self) -> Vec<Entity> {
        self.grouped().into_entities()
    }

    /// The entities with each one's roles, aliases and mentions gathered,
    /// still in these tables: what the JSON writer and the packer read,
    /// without an [`Entity`] and its strings made for each.
    pub(crate) fn grouped(self) -> Grouped {
        let n = self.list.len();
        // Entity `e`'s roles are group `2e`, its aliases group `2e + 1`.
        let (link_order, link_at) = crate::group::by_key(
            2 * n,
            self.links
                .iter()
                .enumerate()
                .map(|(i, l)| (2 * l.ent as usize + usize::from(!l.role), i)),
        );
        let (mentions, mention_at) = crate::group::by_key(
            n,
            self.mentions
                .iter()
                .map(|&(e, at)| (e as usize, at as usize)),
        );
        Grouped {
            kinds: self.kinds,
            kind_of: self.list.into_iter().map(|e| e.kind).collect(),
            keys: self.keys,
            key_at: self.key_at,
            links: self.links,
            text: self.text,
            link_order,
            link_at,
            mentions,
            mention_at,
        }
    }
}

/// A text's entities at the end ([`Entities::grouped`]), read through
/// [`Grouped::iter`] or made into [`Entity`]s.
///
/// Made into an [`Entity`] each, a vector per list and a string per alias
/// and role, they were four or five allocations an entity, each dropped as
/// soon as the page's call had packed it (and, at the end of a long text,
/// several megabytes held beside these tables).
#[derive(Default)]
pub(crate) struct Grouped {
    /// [`Entities::kinds`], and each entity's place there, in order of
    /// first mention.
    kinds: Vec<Cow<'static, str>>,
    kind_of: Vec<Idx>,
    /// Each entity's name (its key): [`Entities::keys`] and
    /// [`Entities::key_at`].
    keys: String,
    key_at: Vec<Idx>,
    /// [`Entities::links`] and [`Entities::text`].
    links: Vec<Link>,
    text: String,
    /// Indices into `links`, entity by entity, its roles then its aliases:
    /// entity `e`'s roles are `link_order[link_at[2e]..link_at[2e + 1]]`,
    /// its aliases `link_order[link_at[2e + 1]..link_at[2e + 2]]`.
    link_order: Vec<usize>,
    link_at: Vec<usize>,
    /// The span index of each mention, entity by entity: entity `e`'s are
    /// `mentions[mention_at[e]..mention_at[e + 1]]`.
    mentions: Vec<usize>,
    mention_at: Vec<usize>,
}

impl Grouped {
    /// How many entities.
    pub(crate) fn len(&self) -> usize {
        self.kind_of.len()
    }

    /// The entities in order of first mention.
    pub(crate) fn iter(&self) -> impl ExactSizeIterator<Item = GroupedEntity<'_>> + Clone {
        (0..self.len()).map(|e| GroupedEntity { of: self, e })
    }

    /// `list[at[k]..at[k + 1]]` (empty where out of range).
    fn range<'s>(list: &'s [usize], at: &[usize], k: usize) -> &'s [usize] {
        match (at.get(k), at.get(k + 1)) {
            (Some(&a), Some(&b)) => list.get(a..b).unwrap_or_default(),
            _ => &[],
        }
    }

    /// The text of link `i`.
    fn link_text(&self, i: usize) -> &str {
        self.links
            .get(i)
            .map(|l| link_text(&self.text, l))
            .unwrap_or_default()
    }

    /// Each entity made into an [`Entity`] (what [`crate::annotate`] returns).
    pub(crate) fn into_entities(self) -> Vec<Entity> {
        self.iter()
            .map(|e| Entity {
                name: e.name().to_string(),
                kind: e.kind().clone(),
                roles: e.roles().map(str::to_string).collect(),
                aliases: e.aliases().map(str::to_string).collect(),
                mentions: e.mentions().to_vec(),
            })
            .collect()
    }
}

/// The text of `link` in `text`, the links' string.
fn link_text<'t>(text: &'t str, link: &Link) -> &'t str {
    text.get(link.start as usize..link.end as usize)
        .unwrap_or_default()
}

/// One entity of a [`Grouped`].
#[derive(Clone, Copy)]
pub(crate) struct GroupedEntity<'g> {
    of: &'g Grouped,
    e: usize,
}

impl<'g> GroupedEntity<'g> {
    /// The text of each link of slot `k` (see [`Grouped::link_order`]).
    fn links(self, k: usize) -> impl ExactSizeIterator<Item = &'g str> {
        let g = self.of;
        Grouped::range(&g.link_order, &g.link_at, k)
            .iter()
            .map(move |&i| g.link_text(i))
    }
}

impl<'g> EntityFields for GroupedEntity<'g> {
    fn name(&self) -> &str {
        key_of(&self.of.keys, &self.of.key_at, self.e)
    }

    fn kind(&self) -> &Cow<'static, str> {
        const NONE: &Cow<'static, str> = &Cow::Borrowed("");
        self.of
            .kind_of
            .get(self.e)
            .and_then(|&k| self.of.kinds.get(k as usize))
            .unwrap_or(NONE)
    }

    fn roles(&self) -> impl ExactSizeIterator<Item = &str> {
        self.links(2 * self.e)
    }

    fn aliases(&self) -> impl ExactSizeIterator<Item = &str> {
        self.links(2 * self.e + 1)
    }

    fn mentions(&self) -> &[usize] {
        Grouped::range(&self.of.mentions, &self.of.mention_at, self.e)
    }
}

/// A hasher under which every key has the same hash (tests): every key
/// after the first goes to [`Entities::clashes`].
#[cfg(test)]
#[derive(Default)]
struct Clash;

#[cfg(test)]
impl std::hash::Hasher for Clash {
    fn finish(&self) -> u64 {
        7
    }

    fn write(&mut self, _: &[u8]) {}
}

/// [`Entities`] whose keys all clash (tests).
#[cfg(test)]
type AllClash = std::hash::BuildHasherDefault<Clash>;

#[cfg(test)]
mod tests {
    use super::*;

    /// An actor mention of `entity`, written `text[start..end]`.
    fn actor(text: &str, start: usize, end: usize, entity: &str) -> Span {
        let mut s = Span::new(Label::Actor, "organization", text, start, end);
        s.entity = Some(entity.into());
        s
    }

    #[test]
    fn places_that_do_not_fit_four_bytes_are_none() {
        assert_eq!(idx(0), Some(0));
        assert_eq!(idx(NONE as usize - 1), Some(NONE - 1));
        // NONE marks "no link", so it is never a place.
        assert_eq!(idx(NONE as usize), None);
        assert_eq!(idx(usize::MAX), None);
    }

    #[test]
    fn mentions_group_across_windows() {
        let text = "ISIS and Daesh";
        let mut entities = Entities::new();
        entities.add(&[actor(text, 0, 4, "ISIS")], text);
        entities.add(&[actor(text, 9, 14, "ISIS")], text);
        let e = entities.finish();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].name, "ISIS");
        assert_eq!(e[0].kind, "organization");
        assert_eq!(e[0].aliases, ["ISIS", "Daesh"]);
        assert_eq!(e[0].mentions, [0, 1]);
    }

    #[test]
    fn aliases_and_roles_once_each_in_order_of_first_use() {
        let text = "Mr Abadi, Haider al-Abadi, Abadi and Mr Abadi; Obama";
        let mut spans = [
            actor(text, 0, 8, "Haider al-Abadi"),
            actor(text, 10, 25, "Haider al-Abadi"),
            actor(text, 27, 32, "Haider al-Abadi"),
            actor(text, 37, 45, "Haider al-Abadi"),
            actor(text, 47, 52, "Barack Obama"),
        ];
        spans[1].set_role(Some("Prime Minister".into()));
        spans[2].set_role(Some("premier".into()));
        spans[3].set_role(Some("Prime Minister".into()));
        // A span of another lens between them counts among the spans.
        let date = Span::new(Label::Date, "date", text, 0, 2);
        let mut entities = Entities::new();
        entities.add(&spans[..2], text);
        entities.add(&[date], text);
        entities.add(&spans[2..], text);
        let e = entities.finish();
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].name, "Haider al-Abadi");
        assert_eq!(e[0].aliases, ["Mr Abadi", "Haider al-Abadi", "Abadi"]);
        assert_eq!(e[0].roles, ["Prime Minister", "premier"]);
        assert_eq!(e[0].mentions, [0, 1, 3, 4]);
        assert_eq!(e[1].name, "Barack Obama");
        assert_eq!(e[1].aliases, ["Obama"]);
        assert!(e[1].roles.is_empty());
        assert_eq!(e[1].mentions, [5]);
    }

    #[test]
    fn keys_whose_hashes_clash_are_still_told_apart() {
        let text = "ISIS and Daesh and Obama";
        let mut entities = Entities::<AllClash>::default();
        entities.add(
            &[
                actor(text, 0, 4, "ISIS"),
                actor(text, 19, 24, "Barack Obama"),
                actor(text, 9, 14, "ISIS"),
                actor(text, 19, 24, "Barack Obama"),
            ],
            text,
        );
        let e = entities.finish();
        let names: Vec<&str> = e.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["ISIS", "Barack Obama"]);
        assert_eq!(e[0].aliases, ["ISIS", "Daesh"]);
        assert_eq!(e[0].mentions, [0, 2]);
        assert_eq!(e[1].aliases, ["Obama"]);
        assert_eq!(e[1].mentions, [1, 3]);
    }

    #[test]
    fn spans_without_an_entity_key_are_no_mentions() {
        let text = "Mosul fell";
        let place = Span::new(Label::Place, "place", text, 0, 5);
        let keyless = Span::new(Label::Actor, "person", text, 0, 5);
        let mut entities = Entities::new();
        entities.add(&[place, keyless], text);
        assert!(entities.finish().is_empty());
    }
}

/// [`Entities`] against the grouping written the plain way (an [`Entity`]
/// per key, grown as its mentions come), over random mentions cut into
/// random windows.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use proptest::prelude::*;

    /// The words a mention may be written as.
    const TEXT: &str = "Abadi al-Abadi Haider Mosul ISIS Daesh";
    const KEYS: [&str; 4] = ["Haider al-Abadi", "ISIS", "Mosul", "Barack Obama"];
    const ROLES: [&str; 3] = ["Prime Minister", "premier", "spokesman"];

    /// The spans: each `(label, key, word, role, person)` an actor mention
    /// (or, label 1, a place with no key) written as word `word` of `TEXT`.
    fn spans(list: &[(u8, usize, usize, Option<usize>, bool)]) -> Vec<Span> {
        let words: Vec<(usize, usize)> = TEXT
            .split(' ')
            .scan(0, |at, w| {
                let start = *at;
                *at += w.len() + 1;
                Some((start, start + w.len()))
            })
            .collect();
        list.iter()
            .map(|&(label, key, word, role, person)| {
                let (a, b) = words[word % words.len()];
                if label == 1 {
                    return Span::new(Label::Place, "place", TEXT, a, b);
                }
                let kind = if person { "person" } else { "organization" };
                let mut s = Span::new(Label::Actor, kind, TEXT, a, b);
                s.entity = Some(KEYS[key % KEYS.len()].into());
                s.set_role(role.map(|r| ROLES[r % ROLES.len()].to_string()));
                s
            })
            .collect()
    }

    /// The same grouping, the plain way.
    fn plain(spans: &[Span]) -> Vec<Entity> {
        let mut out: Vec<Entity> = Vec::new();
        for (i, s) in spans.iter().enumerate() {
            let (Label::Actor, Some(key)) = (s.label, s.entity.as_deref()) else {
                continue;
            };
            let e = match out.iter().position(|e| e.name == key) {
                Some(e) => e,
                None => {
                    out.push(Entity {
                        name: key.to_string(),
                        kind: s.kind.clone(),
                        roles: Vec::new(),
                        aliases: Vec::new(),
                        mentions: Vec::new(),
                    });
                    out.len() - 1
                }
            };
            let ent = &mut out[e];
            ent.mentions.push(i);
            if !ent.aliases.contains(&s.text) {
                ent.aliases.push(s.text.clone());
            }
            if let Some(r) = s.role()
                && !ent.roles.iter().any(|x| x == r)
            {
                ent.roles.push(r.to_string());
            }
        }
        out
    }

    proptest! {
        #[test]
        fn same_as_the_plain_grouping(
            list in prop::collection::vec(
                (0u8..3, 0usize..4, 0usize..6, prop::option::of(0usize..3), any::<bool>()),
                0..60,
            ),
            cuts in prop::collection::vec(0usize..60, 0..4),
        ) {
            let all = spans(&list);
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(all.len())).collect();
            cuts.sort_unstable();
            let mut entities = Entities::new();
            let mut from = 0;
            for c in cuts.into_iter().chain([all.len()]) {
                entities.add(&all[from..c], TEXT);
                from = c;
            }
            // Every key clashing, the same entities.
            let mut clashing = Entities::<AllClash>::default();
            clashing.add(&all, TEXT);
            prop_assert_eq!(clashing.finish(), plain(&all));
            let grouped = entities.grouped();
            // Read in place (the JSON writer's and the packer's way) ...
            let json = |list: Vec<Vec<u8>>| list.concat();
            let written = json(grouped.iter().map(|e| {
                let mut out = Vec::new();
                e.write_json(&mut out);
                out
            }).collect());
            // ... and made into entities, each is the plain one.
            let expected = plain(&all);
            prop_assert_eq!(grouped.into_entities(), expected.clone());
            let plain_json = json(expected.iter().map(|e| {
                let mut out = Vec::new();
                e.write_json(&mut out);
                out
            }).collect());
            prop_assert_eq!(String::from_utf8_lossy(&written), String::from_utf8_lossy(&plain_json));
        }
    }
}
