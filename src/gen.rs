//! A corpus generator for benchmarks and scale tests: N plain-text news
//! articles about invented stories in an invented country, deterministic
//! from a seed. Each story is covered by several outlets over a few days;
//! its speakers (people with offices, organisations, anonymous officials)
//! recur across stories, and each statement is worded differently by each
//! outlet (whole, cut, partly quoted, a word changed). Articles carry the
//! clutter copied pages carry (menus, share lines, "Read more", captions,
//! related headlines) and relative dates ("on Tuesday", "yesterday").
//!
//! Article `i` depends only on the seed and `i`, so a corpus can be written
//! in parallel and any part of it regenerated alone.

use std::fmt::Write as _;

/// splitmix64: small, fast and good enough for text generation.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// A generator seeded once; `article(i)` is the i-th article.
#[derive(Debug, Clone)]
pub struct Generator {
    seed: u64,
    /// Articles per story, on average.
    per_story: usize,
    /// Articles per day, so N articles span N / per_day days.
    per_day: usize,
}

/// One generated file: a relative path (folder per thousand) and its text.
#[derive(Debug, Clone)]
pub struct GenArticle {
    pub path: String,
    pub text: String,
    /// Its quotes in order, with who said each: the truth attribution on
    /// generated news is measured against.
    pub quotes: Vec<GenQuote>,
}

/// A generated quote: its first words (inside the marks) and its speaker
/// as the article names them ("Arvid Varides", "the Central Bank", "a
/// senior official").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenQuote {
    pub opening: String,
    pub speaker: String,
}

/// The first few words of `quote`: enough to find it, short enough that
/// each outlet's wording of its end does not matter.
fn opening(quote: &str) -> String {
    quote.split(' ').take(5).collect::<Vec<_>>().join(" ")
}

struct Outlet {
    name: &'static str,
    slug: &'static str,
    menu: &'static str,
}

const OUTLETS: &[Outlet] = &[
    Outlet {
        name: "The Hallin Courier",
        slug: "courier",
        menu: "Home World Business Opinion Sport Local Weather",
    },
    Outlet {
        name: "Vesk Press Agency",
        slug: "vpa",
        menu: "Top stories | Politics | Economy | Region | Photos",
    },
    Outlet {
        name: "Northmoor Herald",
        slug: "herald",
        menu: "News  Politics  Money  Culture  Podcasts  Subscribe",
    },
    Outlet {
        name: "The Lantern",
        slug: "lantern",
        menu: "Sections  Investigations  Newsletters  Sign in",
    },
    Outlet {
        name: "Old Quay Gazette",
        slug: "gazette",
        menu: "Home > News > Local",
    },
    Outlet {
        name: "Eastmere Daily",
        slug: "eastmere",
        menu: "MENU  Latest  Most read  Video  Search",
    },
];

const FIRST_F: &[&str] = &[
    "Ilona", "Marta", "Tilda", "Sanne", "Edda", "Liv", "Agata", "Roza", "Mira", "Helka", "Vera", "Ines", "Dorota",
    "Karin", "Alma", "Signe", "Petra", "Zofia", "Lena", "Oda",
];
const FIRST_M: &[&str] = &[
    "Tomas", "Gideon", "Anton", "Bruno", "Emil", "Oskar", "Viktor", "Jonas", "Aurel", "Konrad", "Milan", "Stefan",
    "Henrik", "Pavel", "Lukas", "Teodor", "Arvid", "Nils", "Matteo", "Radek",
];
const SYL_A: &[&str] = &[
    "Var", "Brand", "Rein", "Far", "Lind", "Kess", "Mor", "Hal", "Dra", "Ves", "Sar", "Tor", "Bel", "Ost", "Kar",
    "Mal", "Nor", "Ren", "Sten", "Vol",
];
const SYL_B: &[&str] = &[
    "konyi", "holt", "relly", "grave", "ovic", "berg", "ström", "ani", "escu", "mann", "ley", "sen", "ides", "ard",
    "quist", "ow", "inen", "ez", "ak", "ell",
];
const OFFICES: &[&str] = &[
    "Water Minister",
    "Finance Minister",
    "Mayor",
    "Trade Minister",
    "Senator",
    "Governor",
    "opposition leader",
    "union leader",
    "professor of economics at the University of Eastmere",
    "spokeswoman for the Port Authority",
    "chief executive of Kessel Shipping",
    "Health Minister",
];
const ORGS: &[&str] = &[
    "The Ministry of Water",
    "City Hall",
    "The Port Authority",
    "The Dockworkers' Union",
    "The Central Bank",
    "The Fisheries Board",
];
const ANON: &[&str] = &[
    "a senior official",
    "a government source",
    "one diplomat",
    "a person familiar with the talks",
];
const TOPICS: &[(&str, &str)] = &[
    ("water prices", "the reservoir"),
    ("the timber tariffs", "the border crossings"),
    ("the pipe levy", "the old mains"),
    ("the port strike", "the container terminal"),
    ("the fishing quotas", "the northern grounds"),
    ("the rail closure", "the Saltmarket line"),
    ("the hospital budget", "the emergency wards"),
    ("the housing plan", "the Ferry Hill estate"),
];
const PLACES: &[&str] = &[
    "Port Hallin",
    "Lindgrave",
    "Eastmere",
    "Kessel",
    "Ferry Hill",
    "Northmoor",
    "Old Quay",
    "Vesk",
];
const VERBS: &[&str] = &["said", "said", "said", "told reporters", "added", "warned", "insisted"];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const OPENERS: &[&str] = &[
    "We will not",
    "Nobody in this government will",
    "I can promise you that we will",
    "There is no reason to",
    "It would be a mistake to",
    "We are ready to",
    "The city cannot afford to",
];
const ACTIONS: &[&str] = &[
    "raise {t} this year",
    "walk away from the talks over {t}",
    "let {p} pay for the failures of others",
    "accept a deal that leaves {p} behind",
    "spend another cent on {t} without a plan",
    "wait for {p} to run out of patience",
];
const CLOSERS: &[&str] = &[
    "That is a promise, not a hope.",
    "People deserve a straight answer.",
    "The numbers simply do not add up.",
    "We have said this from the start.",
    "Anyone who says otherwise is misleading the public.",
    "This is about fairness, and nothing else.",
];
const NARRATION: &[&str] = &[
    "The dispute over {t} has dragged on for weeks, with neither side willing to give ground in public.",
    "Officials in {p} said the figures would be published before the end of the month.",
    "Residents have complained for months about {t}, and turnout at last week's public meeting was the highest in years.",
    "The government's own auditors warned in a report last year that spending on {t} was poorly tracked.",
    "Talks are expected to resume after the weekend, according to two people briefed on the schedule.",
    "Shares in regional suppliers fell sharply in early trading before recovering most of their losses.",
    "The council will vote on the measure next month, and a majority has not yet been secured.",
    "Critics say the plan does little for the poorest households in {p}, where costs have risen fastest.",
    "The last comparable agreement took almost two years to negotiate and was challenged in court twice.",
    "Opposition parties have called for an independent inquiry into how decisions on {t} were reached.",
    "Local businesses in {p} reported a drop in orders of between ten and twenty per cent since January.",
    "A spokesman for the finance ministry declined to comment on the timing of any announcement.",
    "Union members are due to vote on the latest offer on Thursday evening, with the result expected overnight.",
    "The regional assembly in {p} held an emergency session, its first since the floods of 2019.",
    "Figures released by the statistics office showed inflation easing slightly, to 4.1 per cent in the year to March.",
    "Engineers have been on site since dawn, and a second team is expected from Lindgrave by the end of the week.",
];

impl Generator {
    pub fn new(seed: u64) -> Self {
        Generator {
            seed,
            per_story: 6,
            per_day: 270,
        }
    }

    fn rng(&self, salt: u64, i: u64) -> Rng {
        Rng::new(self.seed ^ salt.wrapping_mul(0xA076_1D64_78BD_642F) ^ i.wrapping_mul(0xE703_7ED1_A0B4_28DB))
    }

    /// Person number `n` of the invented country, with an office.
    fn person(&self, n: usize) -> (String, &'static str, bool) {
        let mut r = self.rng(1, n as u64);
        let female = r.chance(50);
        let first = if female { r.pick(FIRST_F) } else { r.pick(FIRST_M) };
        let last = format!("{}{}", r.pick(SYL_A), r.pick(SYL_B));
        (format!("{first} {last}"), r.pick(OFFICES), female)
    }

    /// The statement speaker `who` made in story `story`, as sentences,
    /// and the action its first sentence names (for partial quotes).
    fn statement(&self, story: usize, who: usize) -> (Vec<String>, String) {
        let mut r = self.rng(2, (story * 16 + who) as u64);
        let (topic, place) = TOPICS[story % TOPICS.len()];
        let town = PLACES[(story / 3) % PLACES.len()];
        let fill = |s: &str| {
            s.replace("{t}", topic)
                .replace("{p}", if story.is_multiple_of(2) { town } else { place })
        };
        let action = fill(r.pick(ACTIONS));
        let first = format!("{} {action}.", r.pick(OPENERS));
        let mut out = vec![first, r.pick(CLOSERS).to_string()];
        if r.chance(50) {
            out.push(format!("{} {}.", r.pick(OPENERS), fill(r.pick(ACTIONS))));
        }
        (out, action)
    }

    /// The i-th article.
    pub fn article(&self, i: usize) -> GenArticle {
        let story = i / self.per_story;
        let mut r = self.rng(3, i as u64);
        let outlet = &OUTLETS[(i + story) % OUTLETS.len()];
        let day = i / self.per_day;
        let date = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + chrono::Days::new(day as u64);
        let (topic, place) = TOPICS[story % TOPICS.len()];
        let town = PLACES[(story / 3) % PLACES.len()];
        // A story's cast: three people, from a pool that recurs across
        // stories, plus one organisation.
        let pool = 2000 + story / 50;
        let mut sr = self.rng(4, story as u64);
        let cast = [sr.below(pool), sr.below(pool), sr.below(pool)];
        let org = ORGS[sr.below(ORGS.len())];
        let people: Vec<(String, &str, bool)> = cast.iter().map(|&n| self.person(n)).collect();
        let fill = |s: &str| s.replace("{t}", topic).replace("{p}", town);

        let mut t = String::with_capacity(4096);
        let mut quotes = Vec::new();
        let mut said = |quote: &str, speaker: &str| {
            quotes.push(GenQuote {
                opening: opening(quote),
                speaker: speaker.to_string(),
            })
        };
        let _ = writeln!(t, "{}", outlet.menu);
        if r.chance(50) {
            let _ = writeln!(t, "Today: {}", date.format("%A, %B %-d, %Y"));
        }
        let _ = writeln!(t, "{}\n", outlet.name);
        let (lead_name, lead_office, _) = &people[0];
        let surname0 = lead_name.rsplit(' ').next().unwrap_or(lead_name);
        let _ = writeln!(
            t,
            "{} {} on {}, {} says\n",
            surname0,
            r.pick(&["digs in", "stands firm", "changes course", "faces pressure"]),
            topic,
            r.pick(&["ministry", "source", "city", "union"])
        );
        let reporter = self.person(100_000 + i % 500).0;
        let _ = writeln!(t, "By {reporter}\n");
        let _ = writeln!(t, "{}\n", date.format("%B %-d, %Y"));
        if r.chance(40) {
            let _ = writeln!(
                t,
                "{} speaks to reporters in {town}, March 3, 2019. (Photo / {})\n",
                lead_name,
                self.person(200_000 + i % 50).0
            );
        }
        let weekday = WEEKDAYS[r.below(WEEKDAYS.len())];
        let _ = writeln!(
            t,
            "{} said on {weekday} that the government would not change course on {topic}, setting up a clash with {} over {place}.\n",
            titled(lead_name, lead_office),
            people[1].0
        );
        for (k, (name, office, female)) in people.iter().enumerate() {
            let surname = name.rsplit(' ').next().unwrap_or(name);
            let pronoun = if *female { "she" } else { "he" };
            let (words, action) = self.statement(story, k);
            // Each outlet words the same statement its own way.
            let style = (i + k) % 4;
            let verb = r.pick(VERBS);
            match style {
                0 => {
                    said(&words[0], name);
                    let _ = writeln!(t, "“{} {}” {} {verb}.\n", words[0], as_lead_in(&words[1]), surname);
                }
                1 => {
                    said(&words[0], name);
                    let _ = writeln!(t, "“{}” said {}, the {}.\n", as_lead_in(&words[0]), name, office);
                }
                2 => {
                    said(&action, name);
                    let _ = writeln!(
                        t,
                        "{} said on {weekday} the city would not “{}” {}.\n",
                        name,
                        action,
                        r.pick(&["again", "this time", "under any circumstances"])
                    );
                }
                _ => {
                    let changed = words[0].replacen(" will ", " would ", 1);
                    said(&changed, name);
                    let _ = writeln!(
                        t,
                        "{} told {} yesterday: “{} {}”\n",
                        name, outlet.name, changed, words[1]
                    );
                }
            }
            for _ in 0..1 + r.below(3) {
                let _ = writeln!(t, "{}\n", fill(r.pick(NARRATION)));
            }
            if words.len() > 2 {
                said(&words[2], name);
                let _ = writeln!(t, "“{}” {pronoun} added.\n", as_lead_in(&words[2]));
            }
            if r.chance(70) {
                let closer = CLOSERS[(i + k) % CLOSERS.len()];
                said(closer, name);
                let _ = writeln!(t, "Asked about {place}, {surname} said: “{closer}”\n");
            }
            if k > 0 {
                let other = people[k - 1].0.rsplit(' ').next().unwrap_or_default();
                said(&format!("{other} has had months"), name);
                let _ = writeln!(
                    t,
                    "{surname} dismissed {other}'s remarks. “{} has had months to fix {topic},” {pronoun} said.\n",
                    other
                );
            }
            if r.chance(30) {
                let _ = writeln!(
                    t,
                    "Read more: {} {}\n",
                    place,
                    r.pick(&["in numbers", "explained", "live updates"])
                );
            }
        }
        let org = org.replacen("The ", "the ", 1);
        said("We are studying the proposal,", &org);
        let _ = writeln!(
            t,
            "“We are studying the proposal,” {org} said in a statement last week.\n"
        );
        if r.chance(50) {
            let anon = r.pick(ANON);
            said("Nobody wants this to go on for months,", anon);
            let _ = writeln!(
                t,
                "“Nobody wants this to go on for months,” {anon} said, asking not to be named because the talks are private.\n"
            );
        }
        for _ in 0..3 + r.below(4) {
            let _ = writeln!(t, "{}\n", fill(r.pick(NARRATION)));
        }
        let _ = writeln!(t, "Share This\n");
        let _ = writeln!(
            t,
            "Related: {} {} in {town}",
            topic,
            r.pick(&["row deepens", "vote delayed", "talks resume"])
        );
        let _ = writeln!(t, "© {} {}. All rights reserved.", date.format("%Y"), outlet.name);
        GenArticle {
            path: format!(
                "{:04}/{}-{}-{:07}.txt",
                i / 1000,
                date.format("%Y-%m-%d"),
                outlet.slug,
                i
            ),
            text: t,
            quotes,
        }
    }
}

/// "Mayor Tomas Reinholt", or "Gideon Farrelly, a professor of ...,".
fn titled(name: &str, office: &str) -> String {
    if office.starts_with(char::is_lowercase) {
        format!("{name}, {office},")
    } else {
        format!("{office} {name}")
    }
}

/// A quoted sentence followed by "she said" ends in a comma, not a full stop.
fn as_lead_in(sentence: &str) -> String {
    match sentence.strip_suffix('.') {
        Some(s) => format!("{s},"),
        None => sentence.to_string(),
    }
}

/// What [`write_corpus`] wrote.
#[derive(Debug, Clone, Copy, Default)]
pub struct Written {
    pub files: usize,
    pub bytes: u64,
}

/// Writes articles `0..n` under `dir` (in parallel), creating folders.
pub fn write_corpus(dir: &std::path::Path, n: usize, seed: u64) -> std::io::Result<Written> {
    use rayon::prelude::*;
    let g = Generator::new(seed);
    for folder in 0..n.div_ceil(1000) {
        std::fs::create_dir_all(dir.join(format!("{folder:04}")))?;
    }
    let bytes = (0..n)
        .into_par_iter()
        .map(|i| {
            let a = g.article(i);
            std::fs::write(dir.join(&a.path), &a.text).map(|_| a.text.len() as u64)
        })
        .collect::<std::io::Result<Vec<u64>>>()?
        .into_iter()
        .sum();
    Ok(Written { files: n, bytes })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_varied() {
        let g = Generator::new(7);
        assert_eq!(g.article(12).text, Generator::new(7).article(12).text);
        assert_ne!(g.article(12).text, Generator::new(8).article(12).text);
        assert_ne!(g.article(12).text, g.article(13).text);
    }
}
