//! Speakers across articles: one speaker per real entity. Full names with
//! the same first name, surname and generational suffix merge ("Gustavo A.
//! Flores-Macías" and "Gustavo Flores-Macías"; not "Donald Trump Jr." and
//! his father); a surname alone binds to the full name that carries it;
//! near-duplicate names merge only on strong evidence, a shared office and
//! one of: surnames one edit apart, a short first name ("Joe" for
//! "Joseph"), a suffix on one only under the same middle name;
//! organisations and anonymous sources are speakers of their own kind.

use crate::extract::mentions::Gender;
use crate::extract::SpeakerRef;
use crate::model::{Interned, SpeakerKind};
use rustc_hash::FxHashMap as HashMap;

/// How many times as often as the next person of that first name a full
/// name must be named for the first name alone to mean it.
const FIRST_NAME_LEAD: usize = 3;

/// Offices that count as the same role when matching spellings.
const OFFICES: &[&str] = &[
    "president",
    "secretary",
    "minister",
    "senator",
    "governor",
    "mayor",
    "ambassador",
    "general",
    "chief",
    "director",
    "spokesman",
    "spokeswoman",
    "chairman",
    "leader",
    "professor",
    "judge",
    "commissioner",
    "representative",
    "congressman",
    "congresswoman",
    "chancellor",
    "premier",
    "king",
    "queen",
    "economist",
    "adviser",
    "advisor",
    "pope",
    "cardinal",
    "bishop",
    "rabbi",
    "imam",
];

/// A person, organisation or source as seen in one article. Its strings
/// are interned ([`Interned`]): a 100k-article load has 1.4 million
/// sightings of a few thousand names, and owned copies of each name and
/// role list were about 150 MB of its peak memory; shared as `Arc<str>`,
/// 56 bytes a sighting, 32 as numbers (measured).
#[derive(Debug, Clone)]
pub struct Sighting {
    pub kind: SpeakerKind,
    pub gender: Gender,
    /// Whether this sighting is a quote's speaker (not just a mention).
    pub quoted: bool,
    pub name: Interned,
    pub roles: Box<[Interned]>,
    /// How it was written (mention text), for the alias list.
    pub alias: Option<Interned>,
}

impl Sighting {
    /// A sighting of `r`.
    pub fn of(r: &SpeakerRef, alias: Option<Interned>, quoted: bool) -> Self {
        Sighting {
            kind: r.kind,
            gender: r.gender,
            quoted,
            name: Interned::new(&r.name),
            roles: r.roles.iter().map(|role| Interned::new(role)).collect(),
            alias,
        }
    }

    /// Its [`key_of`].
    pub fn key(&self) -> (SpeakerKind, String) {
        key_of_name(self.kind, self.name.as_str())
    }
}

#[derive(Debug, Clone)]
pub struct Entity {
    pub name: String,
    pub kind: SpeakerKind,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub gender: Gender,
    pub mentions: usize,
    /// Merged into another entity: every lookup leads there instead.
    pub merged: bool,
}

/// The merged registry: entities plus a map from every sighting's key to its
/// entity.
#[derive(Debug, Default)]
pub struct Registry {
    pub entities: Vec<Entity>,
    index: HashMap<(SpeakerKind, String), usize>,
}

/// The name a sighting is indexed by: kind, lower case, no leading "the".
pub fn key_of(r: &SpeakerRef) -> (SpeakerKind, String) {
    key_of_name(r.kind, &r.name)
}

fn key_of_name(kind: SpeakerKind, name: &str) -> (SpeakerKind, String) {
    // One string, lowered in place when ASCII (most names): this ran for
    // every quote three times and every mention once (profiled).
    let mut key = if name.is_ascii() {
        name.to_ascii_lowercase()
    } else {
        name.to_lowercase()
    };
    if key.starts_with("the ") {
        key.drain(..4);
    }
    (kind, key)
}

fn words(name: &str) -> Vec<String> {
    name.split_whitespace().map(|w| w.to_lowercase()).collect()
}

/// A full name's family name ([`crate::lexicon::surname_of`]); `words` is
/// not empty.
fn surname(words: &[String]) -> &str {
    crate::lexicon::surname_of(words).unwrap_or(&words[0])
}

fn office_words<S: AsRef<str>>(roles: &[S]) -> Vec<String> {
    roles
        .iter()
        .flat_map(|r| {
            crate::extract::people::role_heads(r.as_ref())
                .flat_map(words)
                .collect::<Vec<_>>()
        })
        .map(|w| crate::text::trim_non_alnum(&w).to_string())
        .filter(|w| OFFICES.contains(&w.as_str()))
        .collect()
}

/// Levenshtein distance, enough for short surnames.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

impl Registry {
    /// Builds the registry from every sighting in the corpus; each clone of
    /// the iterator must give the same sightings in the same order.
    pub fn build<'s, I>(sightings: I) -> Registry
    where
        I: IntoIterator<Item = &'s Sighting>,
        I::IntoIter: Clone,
    {
        // Counted, then walked twice, rather than collected: a list of
        // every sighting was 14 MB at 100k articles while speakers merge.
        let sightings = sightings.into_iter();
        let mut reg = Registry::default();
        // 1. Full person names, merged on first name, surname and suffix.
        // (first word, surname, suffix) of each full name → its entity.
        let mut full: HashMap<(String, String, Option<String>), usize> = HashMap::default();
        let mut absorbed = vec![false; sightings.clone().count()];
        // A name met again goes where it went the first time: most
        // sightings repeat a name, and splitting and lowering each one cost
        // most of the merging (profiled). None: a single word.
        let mut went: HashMap<&str, Option<usize>> = HashMap::default();
        for (si, s) in sightings
            .clone()
            .enumerate()
            .filter(|(_, s)| s.kind == SpeakerKind::Person)
        {
            if let Some(&again) = went.get(s.name.as_str()) {
                if let Some(e) = again {
                    absorbed[si] = true;
                    reg.absorb(e, s);
                }
                continue;
            }
            let w = words(s.name.as_str());
            if w.len() < 2 {
                went.insert(s.name.as_str(), None);
                continue;
            }
            absorbed[si] = true;
            // First name, surname and suffix: "Donald Trump Jr." is not his
            // father.
            let suffix = crate::lexicon::name_suffix_of(&w).map(str::to_string);
            let ends = (w[0].clone(), surname(&w).to_string(), suffix);
            let e = *full.entry(ends).or_insert_with(|| {
                reg.entities.push(entity(s));
                reg.entities.len() - 1
            });
            reg.absorb(e, s);
            // The longer spelling wins as the display name.
            if s.name.as_str().len() > reg.entities[e].name.len() {
                reg.entities[e].name = s.name.as_str().to_string();
            }
            reg.index.insert(s.key(), e);
            went.insert(s.name.as_str(), Some(e));
        }
        // 2. Near-duplicate spellings: same first name (or its short form),
        // surname one edit apart (or the same, under a short first name), a
        // shared office. The more frequent spelling absorbs.
        let mut merged_into: Vec<usize> = (0..reg.entities.len()).collect();
        // Surnames one edit apart share a spelling with one letter left
        // out (or are it), so only people sharing one are compared.
        let mut by_variant: HashMap<(&str, String), Vec<usize>> = HashMap::default();
        let names: Vec<Vec<String>> = reg.entities.iter().map(|e| words(&e.name)).collect();
        for (i, w) in names.iter().enumerate() {
            let last = surname(w);
            let chars: Vec<char> = last.chars().collect();
            let first = crate::lexicon::full_first_name(&w[0]);
            by_variant.entry((first, last.to_string())).or_default().push(i);
            for skip in 0..chars.len() {
                let variant: String = chars
                    .iter()
                    .enumerate()
                    .filter(|&(k, _)| k != skip)
                    .map(|(_, c)| c)
                    .collect();
                by_variant.entry((first, variant)).or_default().push(i);
            }
        }
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for group in by_variant.values() {
            for (k, &i) in group.iter().enumerate() {
                pairs.extend(
                    group[k + 1..]
                        .iter()
                        .filter(|&&j| j != i)
                        .map(|&j| (i.min(j), i.max(j))),
                );
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        for (i, j) in pairs {
            if merged_into[i] != i || merged_into[j] != j {
                continue;
            }
            let (a, b) = (&reg.entities[i], &reg.entities[j]);
            let (wa, wb) = (words(&a.name), words(&b.name));
            let (la, lb) = (surname(&wa), surname(&wb));
            let (sa, sb) = (crate::lexicon::name_suffix_of(&wa), crate::lexicon::name_suffix_of(&wb));
            let spelled_apart = wa[0] == wb[0] && sa == sb && la.chars().count() >= 5 && edit_distance(la, lb) == 1;
            // "Joe Biden" and "Joseph R. Biden Jr.": a short first name, and
            // a suffix on one of them only. Two suffixes that differ are two
            // people.
            let suffix_fits = sa == sb || sa.is_none() || sb.is_none();
            let renamed = wa[0] != wb[0]
                && crate::lexicon::full_first_name(&wa[0]) == crate::lexicon::full_first_name(&wb[0])
                && la == lb
                && suffix_fits;
            // "James B. Comey" and "James B. Comey Jr.": only the suffix
            // differs, and a middle name says it is one man ("Donald Trump"
            // and "Donald Trump Jr." do not).
            let core = |w: &[String], s: Option<&str>| w.len() - usize::from(s.is_some());
            let suffix_only = sa.is_none() != sb.is_none()
                && core(&wa, sa) == core(&wb, sb)
                && core(&wa, sa) >= 3
                && wa[..core(&wa, sa)] == wb[..core(&wb, sb)];
            let strong = (spelled_apart || renamed || suffix_only)
                && office_words(&a.roles)
                    .iter()
                    .any(|o| office_words(&b.roles).contains(o));
            if strong {
                let (keep, drop) = if a.mentions >= b.mentions { (i, j) } else { (j, i) };
                merged_into[drop] = keep;
                reg.entities[drop].merged = true;
                let gone = reg.entities[drop].clone();
                let k = &mut reg.entities[keep];
                k.mentions += gone.mentions;
                for al in gone.aliases.into_iter().chain(std::iter::once(gone.name)) {
                    if !k.aliases.contains(&al) && al != k.name {
                        k.aliases.push(al);
                    }
                }
                for r in gone.roles {
                    if !k.roles.contains(&r) {
                        k.roles.push(r);
                    }
                }
            }
        }
        for e in reg.index.values_mut() {
            *e = merged_into[*e];
        }
        // 3. Single names bind to the most mentioned full name carrying them.
        let mut by_last: HashMap<String, Vec<usize>> = HashMap::default();
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::default();
        for (e, w) in names.iter().enumerate().filter(|(_, w)| w.len() >= 2) {
            by_last.entry(surname(w).to_string()).or_default().push(e);
            by_first.entry(w[0].clone()).or_default().push(e);
        }
        // As above, by kind and name.
        let mut went: HashMap<(SpeakerKind, &str), usize> = HashMap::default();
        for (si, s) in sightings.enumerate() {
            if absorbed[si] {
                continue;
            }
            if let Some(&e) = went.get(&(s.kind, s.name.as_str())) {
                reg.absorb(e, s);
                continue;
            }
            let key = s.key();
            if let Some(&e) = reg.index.get(&key) {
                reg.absorb(e, s);
                went.insert((s.kind, s.name.as_str()), e);
                continue;
            }
            let e = if s.kind == SpeakerKind::Person {
                let w = words(s.name.as_str());
                let single = w.last().cloned().unwrap_or_default();
                let by_last = by_last.get(&single).into_iter().flatten();
                // A first name alone names that person only without an office
                // the full name lacks: "Pope Francis" is not Francis Gary Powers.
                let mut by_first: Vec<usize> = match by_first.get(&single).filter(|_| w.len() == 1) {
                    Some(candidates) => {
                        let own_offices = office_words(&s.roles);
                        let titled_apart = |e: usize| {
                            let theirs = office_words(&reg.entities[e].roles);
                            !own_offices.is_empty() && !own_offices.iter().any(|o| theirs.contains(o))
                        };
                        candidates
                            .iter()
                            .copied()
                            .filter(|&e| merged_into[e] == e && !titled_apart(e))
                            .collect()
                    }
                    None => Vec::new(),
                };
                // "Hillary" is Hillary Clinton in a corpus that names her
                // FIRST_NAME_LEAD times as often as the next Hillary; "David"
                // among Davids Axelrod, Duke and French is nobody's in
                // particular.
                by_first.sort_unstable_by_key(|&e| std::cmp::Reverse(reg.entities[e].mentions));
                if let [top, next, ..] = by_first[..] {
                    if reg.entities[top].mentions < FIRST_NAME_LEAD * reg.entities[next].mentions {
                        by_first.clear();
                    }
                }
                by_last
                    .copied()
                    .chain(by_first)
                    .filter(|&e| merged_into[e] == e)
                    .max_by_key(|&e| (reg.entities[e].mentions, std::cmp::Reverse(e)))
            } else {
                None
            };
            let e = e.unwrap_or_else(|| {
                reg.entities.push(entity(s));
                let e = reg.entities.len() - 1;
                merged_into.push(e);
                // An organisation's name may carry a surname-like word too.
                let w = words(s.name.as_str());
                if w.len() >= 2 {
                    by_last.entry(w[w.len() - 1].clone()).or_default().push(e);
                    by_first.entry(w[0].clone()).or_default().push(e);
                }
                e
            });
            reg.index.insert(key, e);
            reg.absorb(e, s);
            went.insert((s.kind, s.name.as_str()), e);
        }
        // 4. A one-word name said in full in some mention takes that form.
        for ent in reg
            .entities
            .iter_mut()
            .filter(|e| e.kind == SpeakerKind::Person && !e.merged)
        {
            if let Some(full) = fuller_name(&ent.name, &ent.aliases) {
                let short = std::mem::replace(&mut ent.name, full);
                if !ent.aliases.contains(&short) {
                    ent.aliases.push(short);
                }
            }
        }
        reg
    }

    fn absorb(&mut self, e: usize, s: &Sighting) {
        let ent = &mut self.entities[e];
        ent.mentions += 1;
        if ent.gender == Gender::Unknown {
            ent.gender = s.gender;
        }
        for r in s.roles.iter() {
            if !ent.roles.iter().any(|have| have == r.as_str()) {
                ent.roles.push(r.as_str().to_string());
            }
        }
        for al in s
            .alias
            .map(Interned::as_str)
            .into_iter()
            .chain(std::iter::once(s.name.as_str()))
        {
            if !ent.aliases.iter().any(|a| a == al) {
                ent.aliases.push(al.to_string());
            }
        }
    }

    /// The entity of a [`key_of`].
    pub fn lookup_key(&self, key: &(SpeakerKind, String)) -> Option<usize> {
        self.index.get(key).copied()
    }
}

/// A one-word person name's fuller form from the mentions it was met in
/// ("Former Arizona governor Jan Brewer" for "Brewer"): the capitalised
/// words right before it, back to a lowercase word, a title (also after
/// "Then-", "Ex-", "Vice-" or "Acting-"), a function word, a sentence opener, an
/// acronym, an owner ("Fox News' Hannity") or a word ending a clause.
/// Extraction ends a name before a word that is also a month, a place or
/// an organisation word, or before initials ("Jan", "America Ferrera",
/// "Kathleen Hall Jamieson", "J.J. MacNab"); the mention keeps it whole.
/// The form most of the distinct mentions give wins, then the longer.
fn fuller_name(name: &str, aliases: &[String]) -> Option<String> {
    if name.contains(' ') {
        return None;
    }
    let is_title = |w: &str| {
        let lower = crate::text::Lower::of(w);
        let bare = lower.trim_end_matches('.');
        crate::lexicon::TITLE.has(&lower)
            || crate::lexicon::TITLE.has(bare)
            || bare.split_once('-').is_some_and(|(prefix, rest)| {
                matches!(prefix, "then" | "ex" | "vice" | "acting") && crate::lexicon::TITLE.has(rest)
            })
    };
    let mut found: Vec<String> = Vec::new();
    for alias in aliases {
        let words: Vec<&str> = alias.split_whitespace().collect();
        let Some(at) = words.iter().rposition(|w| *w == name) else {
            continue;
        };
        let first = (0..at)
            .rev()
            .take_while(|&k| {
                let w = words[k];
                let bare = w.trim_end_matches('.');
                let lower = crate::text::Lower::of(bare);
                let initials =
                    w.len() >= 2 && w.ends_with('.') && w.split_terminator('.').all(|p| p.chars().count() == 1);
                let acronym = !initials
                    && bare.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && bare.chars().all(|c| !c.is_lowercase());
                w.starts_with(char::is_uppercase)
                    && !w.ends_with([',', ';', ':'])
                    && crate::extract::mentions::owner_of(w).is_none()
                    && !acronym
                    && !is_title(w)
                    && !crate::lexicon::STOP_WORD.has(&lower)
                    && !crate::lexicon::SENTENCE_OPENER.has(&lower)
            })
            .last();
        if let Some(first) = first {
            found.push(words[first..=at].join(" "));
        }
    }
    let count = |f: &String| found.iter().filter(|g| *g == f).count();
    found.iter().max_by_key(|f| (count(f), f.len())).cloned()
}

fn entity(r: &Sighting) -> Entity {
    Entity {
        name: r.name.as_str().to_string(),
        kind: r.kind,
        aliases: Vec::new(),
        roles: Vec::new(),
        gender: r.gender,
        mentions: 0,
        merged: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, roles: &[&str]) -> Sighting {
        let r = SpeakerRef {
            kind: SpeakerKind::Person,
            name: name.into(),
            gender: Gender::Unknown,
            roles: roles.iter().map(|s| s.to_string()).collect(),
        };
        Sighting::of(&r, None, true)
    }

    #[test]
    fn surnames_bind_to_full_names() {
        let s = vec![
            person("Elena Marović", &["Water Minister"]),
            person("Marović", &[]),
            person("Elena Marović", &[]),
        ];
        let r = Registry::build(&s);
        assert_eq!(r.lookup_key(&s[1].key()), r.lookup_key(&s[0].key()));
        assert_eq!(r.entities[r.lookup_key(&s[1].key()).unwrap()].name, "Elena Marović");
    }

    #[test]
    fn a_first_name_alone_binds_only_to_the_one_person_it_plainly_names() {
        let bound_to = |s: &[Sighting]| {
            let r = Registry::build(s);
            r.entities[r.lookup_key(&s[s.len() - 1].key()).unwrap()].name.clone()
        };
        let many = |name: &str, n: usize| (0..n).map(|_| person(name, &[])).collect::<Vec<_>>();
        // The one Ilse the corpus names, or the one it names most by far.
        let mut s = many("Ilse Varga", 2);
        s.push(person("Ilse", &[]));
        assert_eq!(bound_to(&s), "Ilse Varga");
        let mut s = many("Ilse Varga", 6);
        s.extend(many("Ilse Dorn", 2));
        s.push(person("Ilse", &[]));
        assert_eq!(bound_to(&s), "Ilse Varga");
        // Two Ilses named about as often: neither.
        let mut s = many("Ilse Varga", 3);
        s.extend(many("Ilse Dorn", 2));
        s.push(person("Ilse", &[]));
        assert_eq!(bound_to(&s), "Ilse");
        // A title of its own that the full name never has: someone else.
        let mut s = many("Francis Holm", 3);
        s.push(person("Francis", &["Pope"]));
        assert_eq!(bound_to(&s), "Francis");
        let mut s = vec![person("Francis Holm", &["Pope"])];
        s.push(person("Francis", &["Pope; head of the church"]));
        assert_eq!(bound_to(&s), "Francis Holm");
        // A description that is no office keeps no one apart.
        let mut s = many("Francis Holm", 3);
        s.push(person("Francis", &["a student of 22"]));
        assert_eq!(bound_to(&s), "Francis Holm");
    }

    #[test]
    fn a_one_word_name_takes_the_full_form_its_mentions_give() {
        let said_as = |name: &str, mention: &str| {
            let r = SpeakerRef {
                kind: SpeakerKind::Person,
                name: name.into(),
                gender: Gender::Unknown,
                roles: Vec::new(),
            };
            Sighting::of(&r, Some(Interned::new(mention)), true)
        };
        let name_of = |s: &[Sighting]| {
            let r = Registry::build(s);
            r.entities[r.lookup_key(&s[0].key()).unwrap()].name.clone()
        };
        assert_eq!(
            name_of(&[
                said_as("Brenner", "former Ostland governor Jan Brenner"),
                said_as("Brenner", "Brenner")
            ]),
            "Jan Brenner"
        );
        assert_eq!(name_of(&[said_as("Maab", "J.K. Maab")]), "J.K. Maab");
        assert_eq!(name_of(&[said_as("Vale", "Kathleen Hall Vale")]), "Kathleen Hall Vale");
        // Titles, acronyms, owners and country initials are not names.
        assert_eq!(name_of(&[said_as("Vale", "CBC Chairman Vale")]), "Vale");
        assert_eq!(name_of(&[said_as("Vale", "Trump's Vale")]), "Vale");
        assert_eq!(name_of(&[said_as("Chamber", "the U.S. Chamber")]), "Chamber");
        assert_eq!(name_of(&[said_as("Blaze", "The Blaze")]), "Blaze");
        assert_eq!(name_of(&[said_as("Vale", "Then-Gov. Vale")]), "Vale");
        assert_eq!(name_of(&[said_as("Vale", "Fox News' Vale")]), "Vale");
        // The short name stays an alias, once.
        let s = [said_as("Brenner", "Jan Brenner"), said_as("Brenner", "Brenner")];
        let r = Registry::build(&s);
        let e = &r.entities[r.lookup_key(&s[0].key()).unwrap()];
        assert_eq!(e.aliases.iter().filter(|a| *a == "Brenner").count(), 1);
    }

    #[test]
    fn typos_merge_only_with_a_shared_office() {
        let s = vec![
            person("Pete Hegseth", &["U.S. Defense Secretary"]),
            person("Pete Hegseth", &[]),
            person("Pete Gegseth", &["US Secretary of War"]),
        ];
        let r = Registry::build(&s);
        assert_eq!(r.lookup_key(&s[2].key()), r.lookup_key(&s[0].key()));
        let t = vec![person("Anna Berg", &["mayor"]), person("Anna Borg", &["singer"])];
        let r = Registry::build(&t);
        assert_ne!(r.lookup_key(&t[0].key()), r.lookup_key(&t[1].key()));
    }

    #[test]
    fn a_generational_suffix_is_no_surname_and_a_short_first_name_merges_with_an_office() {
        let s = vec![
            person("Joe Varnik", &["Vice President"]),
            person("Joe Varnik", &[]),
            person("Joseph R. Varnik Jr.", &["Vice President"]),
            person("Varnik", &[]),
            person("Joseph T. Dalmer Jr.", &["General"]),
        ];
        let r = Registry::build(&s);
        let biden = r.lookup_key(&s[0].key());
        assert_eq!(r.lookup_key(&s[2].key()), biden);
        assert_eq!(r.lookup_key(&s[3].key()), biden);
        // Two men named Joseph with a "Jr." are not one.
        assert_ne!(r.lookup_key(&s[4].key()), r.lookup_key(&s[2].key()));
        // No shared office: a Joe and a Joseph of one surname stay apart.
        let t = vec![person("Joe Varnik", &["mayor"]), person("Joseph Varnik", &["singer"])];
        let r = Registry::build(&t);
        assert_ne!(r.lookup_key(&t[0].key()), r.lookup_key(&t[1].key()));
    }

    #[test]
    fn father_and_son_stay_apart() {
        let s = vec![
            person("Donald Varnik", &["President"]),
            person("Donald Varnik Jr.", &["executive vice president"]),
            person("Robert F. Dalmer", &["Senator"]),
            person("Robert F. Dalmer Jr.", &["lawyer"]),
            person("Joseph P. Halden II", &["Ambassador"]),
            person("Joseph P. Halden III", &["Ambassador"]),
        ];
        let r = Registry::build(&s);
        for (a, b) in [(0, 1), (2, 3), (4, 5)] {
            assert_ne!(r.lookup_key(&s[a].key()), r.lookup_key(&s[b].key()), "{a} {b}");
        }
        // The same man with and without the suffix, a middle initial and
        // an office in common, is one.
        let t = vec![
            person("James B. Varnik", &["FBI Director"]),
            person("James B. Varnik Jr.", &["Director"]),
        ];
        let r = Registry::build(&t);
        assert_eq!(r.lookup_key(&t[0].key()), r.lookup_key(&t[1].key()));
    }

    #[test]
    fn middle_initials_merge() {
        let s = vec![
            person("Gustavo A. Flores-Macías", &[]),
            person("Gustavo Flores-Macías", &[]),
        ];
        let r = Registry::build(&s);
        assert_eq!(r.lookup_key(&s[0].key()), r.lookup_key(&s[1].key()));
        assert_eq!(r.entities[0].name, "Gustavo A. Flores-Macías");
    }

    #[test]
    fn edit_distance_basics() {
        assert_eq!(edit_distance("hegseth", "gegseth"), 1);
        assert_eq!(edit_distance("abc", "abc"), 0);
    }
}
