//! Mentions: what kind of speaker a noun phrase names. A person ("Mexican
//! President Claudia Sheinbaum"), a pronoun ("she"), an organisation ("the
//! White House") or an anonymous source ("a senior Pentagon official").

use crate::lexicon::{
    ANON_HEAD, COUNT_WORD, FEMALE_NAME, MALE_NAME, NEVER_IN_NAME, NOT_A_NAME, ORG_WORD, PLACE, SENTENCE_OPENER,
    SURNAME_WORD, TITLE, UNISEX_NAME,
};
use crate::lexicon::{PRONOUNS_FEMALE, PRONOUNS_FIRST, PRONOUNS_MALE, PRONOUNS_NEUTER, PRONOUNS_PLURAL};
use crate::model::Span;
use crate::text::Token;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    Male,
    Female,
    Plural,
    First,
    Neuter,
}

impl Pronoun {
    /// The gender of "he" and "she"; other pronouns have none.
    pub fn gender(self) -> Option<Gender> {
        match self {
            Pronoun::Male => Some(Gender::Male),
            Pronoun::Female => Some(Gender::Female),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NpKind {
    /// A named person: the name without titles.
    Person {
        name: String,
        gender: Gender,
    },
    Pronoun(Pronoun),
    Organisation(String),
    Anonymous(String),
}

/// A classified noun phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Np {
    pub kind: NpKind,
    /// The phrase as written (without an appositive).
    pub text: String,
    pub span: Span,
    /// Titles before the name and appositives after it ("Mexican President",
    /// "professor at Cornell University").
    pub role: Option<String>,
}

impl Np {
    pub fn is_person(&self) -> bool {
        matches!(self.kind, NpKind::Person { .. })
    }
}

pub fn pronoun(word: &str) -> Option<Pronoun> {
    if !may_be_pronoun(word) {
        return None;
    }
    pronoun_lowered(&crate::text::Lower::word(word))
}

/// [`pronoun`] of a token, from the lowercase it carries: lowering the word
/// again was a third of the cost, and every "he" and "she" of an article
/// is asked (profiled).
pub fn pronoun_of(t: &Token) -> Option<Pronoun> {
    if !may_be_pronoun(t.text) {
        return None;
    }
    pronoun_lowered(&t.lower())
}

fn may_be_pronoun(word: &str) -> bool {
    // Every pronoun begins with one of these letters, and no other first
    // character lowercases to one: most words are ruled out here, as this
    // is asked of every word of every article (profiled).
    matches!(
        word.as_bytes().first(),
        Some(
            b'h' | b's'
                | b't'
                | b'w'
                | b'u'
                | b'o'
                | b'i'
                | b'm'
                | b'H'
                | b'S'
                | b'T'
                | b'W'
                | b'U'
                | b'O'
                | b'I'
                | b'M'
        )
    )
}

/// [`pronoun`] of a word lowered as [`crate::text::Lower::word`] lowers it.
fn pronoun_lowered(w: &str) -> Option<Pronoun> {
    // "I'm", "he's", "they’re": the pronoun before its contraction ("it's"
    // is "it is" or "it has", never a speaker). Found by a plain loop: the
    // words are short, and a char search's set-up cost more than it.
    let w = match w.bytes().position(|b| b == b'\'').map(|at| (&w[..at], &w[at + 1..])) {
        Some((base, "m" | "d" | "ve" | "ll" | "re")) => base,
        Some((base @ ("he" | "she"), "s")) => base,
        _ => w,
    };
    // One look-up rules out the other words ("said", "the", "has") before
    // the lists say which kind: most words asked are not pronouns.
    if !crate::lexicon::PRONOUN.has(w) {
        return None;
    }
    if PRONOUNS_MALE.contains(&w) {
        Some(Pronoun::Male)
    } else if PRONOUNS_FEMALE.contains(&w) {
        Some(Pronoun::Female)
    } else if PRONOUNS_FIRST.contains(&w) && w != "we" && w != "us" {
        Some(Pronoun::First)
    } else if PRONOUNS_PLURAL.contains(&w) {
        Some(Pronoun::Plural)
    } else if PRONOUNS_NEUTER.contains(&w) {
        Some(Pronoun::Neuter)
    } else {
        None
    }
}

const PARTICLES: &[&str] = &[
    "de", "la", "van", "von", "der", "del", "da", "di", "bin", "al", "el", "le", "du", "dos", "das", "ibn",
];

#[cfg(test)]
#[test]
fn a_tokens_pronoun_is_its_words() {
    let text = "He said SHE’s sure They’re here; I'm told his Himself, It's US we Ours them THEM’ll Themselves said";
    let lower = crate::text::lowercase_in_place_of(text);
    for toks in [
        crate::text::tokenize(text, 0),
        crate::text::tokenize_lowered(text, lower.as_deref(), 0),
    ] {
        for t in &toks {
            assert_eq!(pronoun_of(t), pronoun(t.text), "{}", t.text);
        }
    }
}

#[cfg(test)]
#[test]
fn pronouns_begin_with_the_letters_pronoun_looks_for() {
    for w in [
        PRONOUNS_MALE,
        PRONOUNS_FEMALE,
        PRONOUNS_FIRST,
        PRONOUNS_PLURAL,
        PRONOUNS_NEUTER,
    ]
    .concat()
    {
        assert!(pronoun(w).is_some() || matches!(w, "we" | "us"), "{w}");
        assert!(pronoun(&w.to_uppercase()).is_some() || matches!(w, "we" | "us"), "{w}");
    }
    for (w, kind) in [
        ("I'm", Some(Pronoun::First)),
        ("They’re", Some(Pronoun::Plural)),
        ("he's", Some(Pronoun::Male)),
        ("O'Brien", None),
    ] {
        assert_eq!(pronoun(w), kind, "{w}");
    }
    // Gender votes (`People::infer_genders`) look only at words in h or s.
    for w in [PRONOUNS_MALE, PRONOUNS_FEMALE].concat() {
        assert!(w.starts_with(['h', 's']), "{w}");
    }
}

fn lower<'a>(t: &Token<'a>) -> crate::text::Lower<'a> {
    t.lower()
}

pub(crate) fn is_possessive(t: &Token) -> bool {
    t.text.ends_with("’s") || t.text.ends_with("'s") || t.text.ends_with("s’") || t.text.ends_with("s'")
}

/// The owner a possessive word names ("Trump" in "Trump's", "Sanders" in
/// "Sanders'"), if the word is one.
pub fn owner_of(word: &str) -> Option<&str> {
    ["'s", "’s", "'", "’"].iter().find_map(|mark| word.strip_suffix(mark))
}

pub(crate) fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("’s").or_else(|| s.strip_suffix("'s")).unwrap_or(s)
}

/// A capitalised word that can be part of a person's name.
pub fn is_name_word(t: &Token) -> bool {
    if !t.is_cap() {
        return false;
    }
    let l = lower(t);
    let l = strip_possessive(&l).trim_end_matches('.');
    if NEVER_IN_NAME.has(l) {
        return false;
    }
    // "Asian-American(s)", "Cuban-American": a nationality's compound, like
    // the nationality itself (a role's word), is no name ("Ashby-Lorne" is).
    if l.ends_with("-american") || l.ends_with("-americans") {
        return false;
    }
    // All-capital words are acronyms (NBC, GOP, U.S.), except initials ("A.").
    let mut letters = t.text.chars().filter(|c| c.is_alphabetic());
    let acronym = letters.clone().all(char::is_uppercase) && letters.nth(1).is_some();
    !acronym
}

/// A title's word, abbreviated or not ("Gov.", "governor", "former").
pub(crate) fn is_title_word(t: &Token) -> bool {
    t.is_word && is_title_word_str(&lower(t))
}

/// [`is_title_word`] of a lowercase word.
pub(crate) fn is_title_word_str(l: &str) -> bool {
    TITLE.has(l.trim_end_matches('.'))
}

/// Whether a person's name can start at token `i`: a name word, a word
/// after an honorific, or a first name that is also a common word before
/// a name word ("Bill Clinton", "Mark Warner").
pub fn starts_name(toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    // Not after another capitalised word unless a title: "Senate Passes
    // Bill Trump Called …" is about a bill. An owner ("Microsoft’s Bill
    // Gates") or a sentence opener ("But Bill Clinton") is no such word.
    let title_cased_run = || {
        i > 0 && toks[i - 1].is_cap() && !is_possessive(&toks[i - 1]) && {
            let prev = lower(&toks[i - 1]);
            !is_title_word_str(&prev) && !SENTENCE_OPENER.has(&prev) && !NOT_A_NAME.has(&prev)
        }
    };
    is_name_word(t)
        || after_honorific(toks, i)
        || (t.is_cap()
            && t.is_word
            && (MALE_NAME.has(&lower(t)) || FEMALE_NAME.has(&lower(t)))
            && toks.get(i + 1).is_some_and(is_name_word)
            && !title_cased_run())
}

/// "mr", "mrs", "ms", "miss", "dr", "mx", lowercase and without a period.
fn is_honorific(l: &str) -> bool {
    matches!(l, "mr" | "mrs" | "ms" | "miss" | "dr" | "mx")
}

/// A capitalised word right after "Mr." or "Ms." is a surname even when it
/// is also a common word ("Mr. Singer", "Ms. Rich").
fn after_honorific(toks: &[Token], i: usize) -> bool {
    let honorific = |t: &Token| is_honorific(&lower(t));
    toks[i].is_cap()
        && toks[i].is_word
        && match i {
            0 => false,
            1 => honorific(&toks[0]),
            _ => honorific(&toks[i - 1]) || (toks[i - 1].text == "." && honorific(&toks[i - 2])),
        }
}

fn is_initial(t: &Token) -> bool {
    let mut c = t.text.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
}

/// "J.M. Berger", "E.J. Dionne": two initials in one word opening a name,
/// before a name word ("his lawyer, A.J. Kramer"). Not a state's, body's
/// or hour's ("Fayetteville, N.C. Clinton campaigned", "U.N.", "P.M."), nor
/// after a determiner or a number; three are an agency's ("F.B.I.").
pub fn opens_with_initials(toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    // Asked of most capitalised words: the length first.
    if t.text.len() != 4 {
        return false;
    }
    let b = t.text.as_bytes();
    let initials = b.chunks(2).all(|p| p[0].is_ascii_uppercase() && p[1] == b'.')
        && !matches!(
            t.text,
            "U.S."
                | "U.N."
                | "U.K."
                | "D.C."
                | "E.U."
                | "L.A."
                | "N.Y."
                | "N.J."
                | "N.H."
                | "N.C."
                | "S.C."
                | "N.M."
                | "N.D."
                | "S.D."
                | "R.I."
                | "P.R."
                | "A.M."
                | "P.M."
        );
    let after_other = i.checked_sub(1).is_some_and(|k| {
        let p = &toks[k];
        matches!(lower(p).as_str(), "the" | "a" | "an") || p.text.starts_with(|c: char| c.is_ascii_digit())
    });
    initials && !after_other && toks.get(i + 1).is_some_and(is_name_word)
}

/// The last run of name words in `toks`: in a noun phrase the name is the
/// head ("Trump spokesperson Ron Lieberman").
pub fn last_name_run(toks: &[Token]) -> Option<(usize, usize)> {
    // Each run is looked for with the words before it in view: "Bill" after
    // "Passes" in a headline starts no name.
    let mut from = 0;
    let mut last = None;
    while let Some((a, b)) = name_run_within(toks, from, toks.len()) {
        last = Some((a, b));
        from = b;
    }
    last
}

/// The first run of name words in `toks` (with initials and particles
/// inside it): the token range, or None.
pub fn name_run(toks: &[Token]) -> Option<(usize, usize)> {
    name_run_within(toks, 0, toks.len())
}

/// [`name_run`] within `toks[from..to]`, with the words before `from` as
/// context ("Mr." before "Singer").
pub fn name_run_within(toks: &[Token], from: usize, to: usize) -> Option<(usize, usize)> {
    let toks = &toks[..to];
    let mut i = from;
    while i < to {
        if starts_name(toks, i) && !is_initial(&toks[i]) || opens_with_initials(toks, i) {
            let mut j = i + 1;
            while j < to {
                let t = &toks[j];
                let particle = PARTICLES.contains(&lower(t).as_str()) && toks.get(j + 1).is_some_and(is_name_word);
                if is_possessive(&toks[j - 1]) {
                    break;
                }
                if is_name_word(t)
                    || is_initial(t)
                    || opens_with_initials(toks, j)
                    || particle
                    || crate::lexicon::is_name_suffix(t.text)
                    || surname_word_ends(toks, i, j)
                {
                    j += 1;
                } else {
                    break;
                }
            }
            return Some((i, j));
        }
        i += 1;
    }
    None
}

/// "Theresa May", "Martin Luther King": a surname that is also a month or a
/// title ends a name begun by a first name, when no capital follows it
/// ("Theresa May Government" is not her; "Martin Luther King Jr." is), nor,
/// for a month, a number ("Erin Kelly Jun. 3, 2016" is a byline's date). A
/// first name is one of the lexicon's, or of gender_guesser's larger list
/// (asked last, as it is slower: "Ai Jun", "Yin Myint May") unless an
/// article comes before ("the Lion King": that list knows Lion) or the
/// surname names places too: it knows Key, Cherry and Rock ("Key West",
/// "Cherry Hill").
fn surname_word_ends(toks: &[Token], i: usize, j: usize) -> bool {
    // "Jr." ends the name; another capital makes a longer proper name.
    let capital_after = toks
        .get(j + 1)
        .is_some_and(|t| t.is_cap() && !crate::lexicon::is_name_suffix(t.text));
    if !toks[j].is_cap() || capital_after {
        return false;
    }
    let surname = lower(&toks[j]);
    let surname = strip_possessive(&surname);
    if !SURNAME_WORD.has(surname) {
        return false;
    }
    let number_at = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.text.starts_with(|c: char| c.is_ascii_digit()))
    };
    // "Victoria Day", "Martin Luther King Day", "Columbus Day": holidays
    // named after a person, not a Day.
    if surname == "day" && j > i && matches!(lower(&toks[j - 1]).as_str(), "victoria" | "king" | "columbus") {
        return false;
    }
    let month = crate::lexicon::MONTHS.contains(&surname);
    let dot_after = toks.get(j + 1).is_some_and(|t| t.text == ".");
    if month && (number_at(j + 1) || dot_after && number_at(j + 2)) {
        return false;
    }
    let first = lower(&toks[i]);
    let guessed_first_name = || {
        let after_article = i > 0 && matches!(lower(&toks[i - 1]).as_str(), "the" | "a" | "an");
        !after_article
            && !matches!(surname, "hill" | "west" | "park")
            && gender_guesser::Detector::new().get_gender(&first) != gender_guesser::Gender::NotFound
    };
    MALE_NAME.has(&first) || FEMALE_NAME.has(&first) || guessed_first_name()
}

pub fn first_name_gender(first: &str) -> Gender {
    let f = crate::text::Lower::of(first);
    if FEMALE_NAME.has(&f) {
        Gender::Female
    } else if MALE_NAME.has(&f) {
        Gender::Male
    } else {
        Gender::Unknown
    }
}

/// A named person's gender from the first name: the lexicon, written for
/// English-language news, else gender_guesser's dictionary of some 48,000
/// first names ("Dexter", "Mariam"), taken only where it is sure. Asked once
/// a person, not of every name-like word: the dictionary is loaded on first
/// use (about 90 M instructions) and a look-up allocates.
pub fn person_gender(first: &str) -> Gender {
    if UNISEX_NAME.has(&crate::text::Lower::of(first)) {
        return Gender::Unknown;
    }
    match first_name_gender(first) {
        Gender::Unknown => match gender_guesser::Detector::new().get_gender(first) {
            gender_guesser::Gender::Male => Gender::Male,
            gender_guesser::Gender::Female => Gender::Female,
            _ => Gender::Unknown,
        },
        g => g,
    }
}

fn title_gender(words: &[Token]) -> Gender {
    for t in words {
        match lower(t).trim_end_matches('.') {
            "mr" | "sir" | "king" | "prince" | "father" | "congressman" | "spokesman" | "chairman" | "lord" => {
                return Gender::Male
            }
            "mrs" | "ms" | "miss" | "madam" | "queen" | "princess" | "dame" | "lady" | "congresswoman"
            | "spokeswoman" | "chairwoman" => return Gender::Female,
            _ => {}
        }
    }
    Gender::Unknown
}

fn span_of(toks: &[Token]) -> Span {
    Span::new(toks[0].start, toks[toks.len() - 1].end)
}

fn slice<'a>(text: &'a str, toks: &[Token]) -> &'a str {
    let s = span_of(toks);
    &text[s.start..s.end]
}

/// A noun for a publication or a station: "the news site Semafor", "the
/// newspaper", "the station".
pub(crate) fn is_publication_noun(l: &str) -> bool {
    matches!(
        l,
        "newspaper" | "paper" | "magazine" | "website" | "site" | "station" | "outlet" | "blog" | "tabloid"
    )
}

/// Whether a lone capitalised word that opens a sentence is an ordinary
/// word there ("Good …", "Nuclear …", "Does …"): the article writes it in
/// lower case elsewhere and never with its capital inside a sentence, as
/// it would a name.
fn common_word_opening_sentence(text: &str, tok: &Token) -> bool {
    // After a stop (not an abbreviation's or an initial's: "told Dr.
    // Good", "Michael J. Fox"), a line break or a colon, past marks.
    let opens_sentence = |at: usize| {
        let before = text[..at].trim_end_matches([' ', '\t', '“', '”', '"', '‘', '’', '\'']);
        match before.chars().next_back() {
            None | Some('\n' | '!' | '?' | ':') => true,
            Some('.') => {
                let word = before[..before.len() - 1].rsplit(|c: char| !c.is_alphanumeric()).next();
                !word.is_some_and(crate::text::is_abbreviation)
            }
            Some(_) => false,
        }
    };
    if !tok.is_cap() || tok.text.len() < 2 || !opens_sentence(tok.start) {
        return false;
    }
    let bytes = text.as_bytes();
    let whole_word_at = |at: usize, len: usize| {
        let before = text[..at].chars().next_back();
        let after = text[at + len..].chars().next();
        !before.is_some_and(crate::text::is_alnum) && !after.is_some_and(crate::text::is_alnum)
    };
    let lower = tok.text.to_lowercase();
    if lower.len() != tok.text.len() {
        return false;
    }
    // A name inside a sentence first: most words asked about are names,
    // and the search then stops at the first such use.
    let never_inside = memchr::memmem::find_iter(bytes, tok.text.as_bytes())
        .all(|at| !whole_word_at(at, tok.text.len()) || opens_sentence(at));
    never_inside && memchr::memmem::find_iter(bytes, lower.as_bytes()).any(|at| whole_word_at(at, lower.len()))
}

/// Classifies the noun phrase `toks` (already cut at its edges). An
/// appositive after the first comma becomes part of the role.
pub fn classify(text: &str, toks: &[Token]) -> Option<Np> {
    let mut toks = trim_np(toks);
    // "While President Trump has praised …, calling": the word opening
    // the clause is not the phrase's.
    while toks.len() > 1 && opens_clause(&lower(&toks[0])) {
        toks = trim_np(&toks[1..]);
    }
    if toks.is_empty() {
        return None;
    }
    let (head, rest) = match toks.iter().position(|t| t.is_punct(",(")) {
        Some(c) => {
            let mut parts = trim_np(&toks[c + 1..]).split(|t| t.is_punct(",)"));
            let mut rest = parts.next().unwrap_or(&[]);
            // An age is no role: "Arvo Lindahl, 41, a crane operator". What
            // follows it is, unless a conjunction, preposition or relative
            // word opens it ("and John Roe", "of Flint", "who …").
            if let [age] = rest {
                if (1..=3).contains(&age.text.len()) && age.text.bytes().all(|b| b.is_ascii_digit()) {
                    let next = parts.next().map(trim_np).unwrap_or(&[]);
                    let joins = next.first().is_some_and(|t| {
                        matches!(
                            lower(t).as_str(),
                            "and"
                                | "or"
                                | "but"
                                | "of"
                                | "from"
                                | "in"
                                | "at"
                                | "on"
                                | "with"
                                | "for"
                                | "by"
                                | "who"
                                | "whose"
                                | "which"
                                | "that"
                        )
                    });
                    rest = if joins { &[] } else { next };
                }
            }
            (&toks[..c], rest)
        }
        None => (toks, &[][..]),
    };
    // Not a clause or an aside: "Trump, who was speaking …", "Trump,
    // after a long pause, said".
    let aside = rest.first().is_some_and(|t| is_aside_opener(&lower(t)));
    let appositive = (!rest.is_empty() && !aside).then(|| slice(text, rest).to_string());
    let head = trim_np(before_verb(before_relative(head)));
    if head.is_empty() || head.len() > 12 {
        return None;
    }
    // Owned by a pronoun: "his longtime personal physician".
    let pronoun_owned = matches!(lower(&head[0]).as_str(), "his" | "her" | "their" | "its");
    // "the F.B.I. director, James B. Comey": the role comes first and the
    // name in the appositive.
    let described =
        matches!(lower(&head[0]).as_str(), "the" | "a" | "an") || pronoun_owned || head.iter().any(is_possessive);
    // A possessive name only qualifies the role ("Clinton's introducer").
    let head_named = last_name_run(head).is_some_and(|(_, b)| !(is_possessive(&head[b - 1]) && b < head.len()));
    // Not an appositive that is a participle or a clause: "the lawsuit,
    // filed by John Smith," is the lawsuit's.
    let named_appositive = rest.first().is_some_and(|t| {
        let l = lower(t);
        t.is_cap() || !(l.ends_with("ed") || matches!(l.as_str(), "by" | "who" | "which" | "that" | "in" | "on" | "at"))
    });
    if described && named_appositive && !head_named {
        // Or an organisation, when what describes it is no person's word:
        // "The port's operator, Hallin Harbour Company,", not "An official
        // with the group, Planned Parenthood Action Fund,".
        let noun = head
            .iter()
            .take_while(|t| !matches!(lower(t).as_str(), "with" | "of" | "at" | "for" | "from" | "in"))
            .last();
        let of_a_person = noun.is_some_and(|t| {
            let l = lower(t);
            ANON_HEAD.has(&l) && !ORG_WORD.has(&l)
        });
        if let Some(Np {
            kind: kind @ (NpKind::Person { .. } | NpKind::Organisation(_)),
            role,
            ..
        }) = classify(text, rest).filter(|np| np.is_person() || !of_a_person)
        {
            let own = slice(text, head).trim_start_matches("the ").trim_start_matches("The ");
            return Some(Np {
                kind,
                text: slice(text, head).to_string(),
                span: span_of(head),
                role: Some(match role {
                    Some(r) => format!("{own}; {r}"),
                    None => own.to_string(),
                }),
            });
        }
    }
    if head.len() == 1 {
        if let Some(p) = pronoun_of(&head[0]) {
            return Some(Np {
                kind: NpKind::Pronoun(p),
                text: head[0].text.to_string(),
                span: span_of(head),
                role: None,
            });
        }
    }
    let words: Vec<&Token> = head.iter().filter(|t| t.is_word).collect();
    if words.is_empty() {
        return None;
    }
    // "Joel Pollak of Breitbart California": the name before the modifier.
    let modifier = head
        .iter()
        .skip(1)
        .position(|t| {
            t.is_word
                && matches!(
                    t.text,
                    "of" | "from" | "at" | "with" | "for" | "in" | "who" | "whose" | "on"
                )
        })
        .map(|p| p + 1);
    let run = modifier
        .and_then(|p| last_name_run(&head[..p]))
        .or_else(|| last_name_run(head));
    // Before the name only titles, determiners and a few modifiers: a
    // clause ("Concerns that Trump would") is not a speaker phrase.
    let loose_words = run.map_or(0, |(a, _)| {
        head[..a]
            .iter()
            .filter(|t| {
                t.is_word && !t.is_cap() && !TITLE.has(&lower(t)) && !matches!(t.text, "the" | "a" | "an" | "of")
            })
            .count()
    });
    if let Some((a, b)) = run.filter(|_| loose_words <= 2) {
        // "Trump administration", "Clinton campaign": the name modifies a
        // noun that is the real head.
        // So does any lowercase word after it that does not begin a
        // modifier ("the Stanford medieval-history graduate").
        let after = head.get(b);
        let modifies = after.is_some_and(|t| {
            // "Trump Voters", "Clinton Campaign" in a title-cased headline;
            // "Hallin Harbour Company", a firm's name: the capitals after
            // the name end in an organisation's word (not a byline's "Otto
            // Vane Senior Staff Writer").
            let capitalised_head = t.is_cap() && (ANON_HEAD.has(&lower(t)) || ORG_WORD.has(&lower(t)))
                || head[b..]
                    .iter()
                    .take_while(|t| t.is_cap())
                    .last()
                    .is_some_and(|t| ORG_WORD.has(&lower(t)));
            capitalised_head
                || t.is_word
                    && !t.is_cap()
                    && !crate::lexicon::is_name_suffix(t.text)
                    && !matches!(
                        lower(t).as_str(),
                        "of" | "from" | "at" | "with" | "for" | "in" | "who" | "whose" | "on"
                    )
        });
        // "the Dockworkers' Union": a plural possessive's apostrophe is a
        // token of its own.
        let plural_possessive = head[b - 1].text.ends_with('s') && after.is_some_and(|t| t.is_punct("'’"));
        let possessive_head = (is_possessive(&head[b - 1]) || plural_possessive) && b < head.len();
        // "A spokesman for Platte River": the name is the object of the
        // described head's modifier.
        let object_of_modifier = a > 1
            && matches!(
                lower(&head[a - 1]).as_str(),
                "of" | "for" | "at" | "with" | "from" | "in" | "on"
            );
        // The article-wide search last, after the cheap tests.
        let common_word = || b == a + 1 && a == 0 && common_word_opening_sentence(text, &head[a]);
        if !modifies && !possessive_head && !object_of_modifier && !common_word() {
            let name_toks = &head[a..b];
            let name = name_toks
                .iter()
                .map(|t| strip_possessive(t.text))
                .collect::<Vec<_>>()
                .join(" ");
            let titles = &head[..a];
            let first = name_toks[0].text;
            // A name given to men and women alike tells no gender.
            let by_name = if UNISEX_NAME.has(&lower(&name_toks[0])) {
                Gender::Unknown
            } else {
                first_name_gender(first)
            };
            let gender = match by_name {
                Gender::Unknown if name_toks.len() > 1 || !titles.is_empty() => title_gender(titles),
                g => g,
            };
            let title_text = trim_np(titles);
            let mut role = (!title_text.is_empty())
                .then(|| title_role(slice(text, title_text).trim_start_matches("the ")))
                .flatten();
            // "The news site Semafor": a publication named after its noun
            // is no person, whatever its name.
            let publication = name_toks.len() == 1 && titles.last().is_some_and(|t| is_publication_noun(&lower(t)));
            if publication {
                return Some(Np {
                    kind: NpKind::Organisation(name),
                    text: slice(text, head).to_string(),
                    span: span_of(head),
                    role: appositive,
                });
            }
            if let Some(app) = appositive {
                role = Some(match role {
                    Some(r) => format!("{r}; {app}"),
                    None => app,
                });
            }
            return Some(Np {
                kind: NpKind::Person { name, gender },
                text: slice(text, head).to_string(),
                span: span_of(head),
                role,
            });
        }
    }
    let phrase = slice(text, head).to_string();
    let head_word = lower(words[words.len() - 1]);
    let head_word = strip_possessive(&head_word).to_string();
    let all_caps_acronym = words.len() == 1
        && words[0].text.len() >= 2
        && words[0].text.chars().all(|c| c.is_uppercase() || c == '.' || c == '&');
    let org_like = words.iter().any(|t| t.is_cap() && ORG_WORD.has(&lower(t)))
        || all_caps_acronym
        || (words.len() <= 2 && words.last().is_some_and(|t| PLACE.has(&lower(t))));
    // "later that month on CNN": a time, not a source, whatever its
    // modifier names.
    if modifier.is_some_and(|p| is_time_noun(&lower(&head[p - 1]))) {
        return None;
    }
    if org_like && words.last().is_some_and(|t| t.is_cap()) {
        let name = phrase.trim_start_matches("the ").trim_start_matches("The ").to_string();
        return Some(Np {
            kind: NpKind::Organisation(name),
            text: phrase,
            span: span_of(head),
            role: appositive,
        });
    }
    // "A diplomat familiar with the talks", "a senior official in the
    // ministry": the head noun comes before its modifier.
    let determiner = matches!(
        lower(&head[0]).as_str(),
        "the" | "a" | "an" | "one" | "another" | "those" | "these"
    );
    let modified_head = determiner
        && head.iter().take(4).skip(1).take_while(|t| t.is_word).any(|t| {
            let l = lower(t);
            ANON_HEAD.has(&l)
        });
    // "Supporters of Trump", "residents of Port Hallin": the head noun
    // before its modifier, without a determiner; a short phrase or one
    // that opens with a capital, not a clause ("rallied young people with").
    let head_of_modifier = modifier.is_some_and(|p| {
        let before = &head[..p];
        (before[0].is_cap() || before.len() <= 2)
            && before.last().is_some_and(|t| t.is_word && ANON_HEAD.has(&lower(t)))
    });
    if modified_head
        || head_of_modifier
        || ANON_HEAD.has(&head_word)
        || ORG_WORD.has(&head_word)
        || head_word.ends_with("-year-old")
    {
        return Some(Np {
            kind: NpKind::Anonymous(phrase.clone()),
            text: phrase,
            span: span_of(head),
            role: appositive,
        });
    }
    // A lone capitalised word in a subject slot is a surname even when it
    // is also a common word ("Cuban said", "West said", "Will wrote").
    if let [only] = head {
        let l = lower(only);
        let calendar = crate::resolve::dates::month_number(&l).is_some()
            || matches!(
                l.as_str(),
                "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
            );
        // Short common words ("The", "So") and sentence openers ("When",
        // "Recently") are not surnames; longer common words may be ("Black",
        // "Will"). A lone abbreviated title ("Mr", "Sen") is a name cut off
        // at its period.
        // A lone adjective of a title ("Former prosecutor and …") neither.
        let title_adjective = matches!(
            l.as_str(),
            "former" | "retired" | "late" | "acting" | "interim" | "outgoing" | "incoming" | "deputy" | "senior"
        );
        let common = title_adjective
            || (NOT_A_NAME.has(&l) && !TITLE.has(&l) && l.len() <= 3)
            || SENTENCE_OPENER.has(&l)
            || COUNT_WORD.has(&l)
            || crate::lexicon::TIME_SPAN.has(&l)
            || crate::text::is_abbreviation(only.text);
        let wordlike = only.text.chars().all(|c| c.is_alphabetic() || c == '-');
        if only.is_cap()
            && wordlike
            && !calendar
            && !common
            && !PLACE.has(&l)
            && !common_word_opening_sentence(text, only)
        {
            return Some(Np {
                kind: NpKind::Person {
                    name: only.text.to_string(),
                    gender: Gender::Unknown,
                },
                text: phrase,
                span: span_of(head),
                role: appositive,
            });
        }
    }
    // "the gambling tycoon", "the note", "his longtime personal physician",
    // "Trump’s potential VP": a described source, without the relative
    // clause after it ("a data expert who has worked for …").
    // An owned phrase must end in a noun for a speaker, a document or an
    // agent ("physician", "reviewers", "VP"), not "his anti-Muslim
    // remarks" or "according to its analysis".
    let agent_head = head.last().is_some_and(|t| {
        let l = lower(t);
        let l = l.as_str();
        ANON_HEAD.has(l)
            || ORG_WORD.has(l)
            || ["er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ant", "ants"]
                .iter()
                .any(|s| l.ends_with(s))
            || (t.text.len() >= 2 && t.text.chars().all(|c| c.is_uppercase()))
    });
    let owned = agent_head && (is_possessive(&head[0]) || pronoun_owned);
    let relative = head
        .iter()
        .skip(2)
        .position(|t| matches!(lower(t).as_str(), "who" | "whose" | "which" | "that" | "by" | "from"))
        .map_or(head.len(), |p| p + 2);
    let core = &head[..relative];
    let core_words = core.iter().filter(|t| t.is_word).count();
    // "The next day, her account posted": a time, not a source; nor is
    // "The Latest:", a live blog's title.
    // "A month later, he paid a visit": a time too.
    let time_ago = core.len() >= 2
        && matches!(
            lower(&core[core.len() - 1]).as_str(),
            "later" | "earlier" | "ago" | "before" | "after"
        )
        && is_time_noun(&lower(&core[core.len() - 2]));
    let not_a_source = time_ago || core.last().is_some_and(|t| is_time_noun(&lower(t)));
    if (determiner || owned)
        && !not_a_source
        && (2..=5).contains(&core_words)
        && core.iter().all(|t| t.is_word || t.text == "-")
    {
        return Some(Np {
            kind: NpKind::Anonymous(phrase.clone()),
            text: phrase,
            span: span_of(head),
            role: appositive,
        });
    }
    None
}

/// A noun of time ("the next day", "later that month"): no source.
fn is_time_noun(l: &str) -> bool {
    crate::lexicon::TIME_NOUN.has(l)
}

/// Participles that follow the noun they describe: "a source involved",
/// "those surveyed", "the people interviewed".
fn is_postnominal_participle(l: &str) -> bool {
    matches!(
        l,
        "involved"
            | "surveyed"
            | "polled"
            | "interviewed"
            | "questioned"
            | "asked"
            | "affected"
            | "concerned"
            | "contacted"
    )
}

/// The noun phrase before a finite verb that a loose phrase ran on into:
/// "The spokesman refused to answer", "she issued a statement", "Mr. Trump
/// was prompted", "the commission recognized" (that …). Participles that
/// modify the noun stay ("a letter obtained by", "a source involved",
/// "those surveyed", "the retired neurosurgeon").
fn before_verb<'a, 'b>(toks: &'b [Token<'a>]) -> &'b [Token<'a>] {
    let verb_at = (1..toks.len()).find(|&k| {
        let t = &toks[k];
        if !t.is_word || t.is_cap() {
            return false;
        }
        let l = lower(t);
        let prev = lower(&toks[k - 1]);
        let after_noun = toks[k - 1].is_word
            && !prev.ends_with("ly")
            && !matches!(
                prev.as_str(),
                "the" | "a" | "an" | "one" | "another" | "who" | "that" | "which" | "just" | "most" | "very" | "newly"
            );
        let auxiliary = matches!(
            l.as_str(),
            "was" | "is" | "were" | "are" | "has" | "had" | "have" | "will" | "would" | "did" | "does"
        );
        // A past tense with an object or complement after it ("issued a
        // statement", "refused to answer"); before a noun an -ed word is an
        // adjective ("a senior unnamed official").
        // Last in the phrase, it is before no noun, and a verb unless it is
        // one that follows the noun it modifies.
        let past = l.len() >= 5
            && l.ends_with("ed")
            && !(k + 1 == toks.len() && is_postnominal_participle(&l))
            && toks.get(k + 1).is_none_or(|n| {
                n.is_word
                    && matches!(
                        lower(n).as_str(),
                        "a" | "an"
                            | "the"
                            | "his"
                            | "her"
                            | "its"
                            | "their"
                            | "our"
                            | "my"
                            | "your"
                            | "this"
                            | "that"
                            | "these"
                            | "those"
                            | "to"
                            | "him"
                            | "them"
                            | "it"
                            | "on"
                            | "in"
                            | "at"
                            | "with"
                            | "for"
                            | "from"
                            | "into"
                            | "about"
                            | "against"
                            | "up"
                            | "out"
                            | "down"
                            | "off"
                    )
            });
        let irregular = crate::lexicon::IRREGULAR_PAST.has(&l);
        after_noun && (auxiliary || past || irregular)
    });
    match verb_at {
        Some(k) => {
            let mut end = k;
            // "She then addressed": the adverb goes with the verb.
            while end > 1
                && matches!(
                    lower(&toks[end - 1]).as_str(),
                    "then" | "also" | "later" | "now" | "again"
                )
            {
                end -= 1;
            }
            &toks[..end]
        }
        None => toks,
    }
}

/// The owner a possessive names: "Bolton’s" (a person), "his", "her".
pub fn possessor(tok: &Token) -> Option<Np> {
    let span = Span::new(tok.start, tok.end);
    let kind = match lower(tok).as_str() {
        "his" => NpKind::Pronoun(Pronoun::Male),
        "her" => NpKind::Pronoun(Pronoun::Female),
        _ if is_possessive(tok) && is_name_word(tok) => NpKind::Person {
            name: strip_possessive(tok.text).to_string(),
            gender: Gender::Unknown,
        },
        _ => return None,
    };
    Some(Np {
        kind,
        text: tok.text.to_string(),
        span,
        role: None,
    })
}

/// Cuts a described phrase before its relative clause: "a data expert who
/// has worked for …" is "a data expert".
fn before_relative<'a, 'b>(toks: &'b [Token<'a>]) -> &'b [Token<'a>] {
    match toks
        .iter()
        .skip(2)
        .position(|t| matches!(lower(t).as_str(), "who" | "which" | "whose"))
    {
        Some(p) if toks[..p + 2].iter().all(|t| !t.is_cap() || !is_name_word(t)) => &toks[..p + 2],
        _ => toks,
    }
}

/// What titles before a name say of the person's role: not an honorific
/// ("Mr.", "Dr."), nor "then" left alone ("Then Mr. Trump said").
pub(crate) fn title_role(titles: &str) -> Option<String> {
    let honorific = |w: &str| is_honorific(&w.trim_end_matches('.').to_lowercase());
    if !titles.split_whitespace().any(honorific) {
        return Some(titles.to_string());
    }
    let kept: Vec<&str> = titles.split_whitespace().filter(|w| !honorific(w)).collect();
    match kept.as_slice() {
        [] => None,
        [then] if then.eq_ignore_ascii_case("then") => None,
        _ => Some(kept.join(" ")),
    }
}

/// A word opening an appositive that is no role: an aside ("after a long
/// pause", "asked about …", "in a statement") or a clause on something
/// else ("which were held …"). "who runs the Lindgrave" still describes
/// the person.
fn is_aside_opener(l: &str) -> bool {
    // Not "now", "once" or "since", which open roles too ("Smith, now the
    // party's nominee,", "once a rival").
    matches!(
        l,
        "which" | "that" | "as" | "asked" | "speaking" | "however" | "during" | "in" | "on" | "at"
    ) || opens_clause(l) && !matches!(l, "now" | "once" | "since")
}

/// A conjunction or adverb that opens a clause before its subject
/// ("While", "When", "Now"); not a determiner ("another", "many").
fn opens_clause(l: &str) -> bool {
    matches!(
        l,
        "while"
            | "when"
            | "although"
            | "though"
            | "because"
            | "since"
            | "after"
            | "before"
            | "if"
            | "unless"
            | "until"
            | "once"
            | "whereas"
            | "why"
            | "now"
            | "meanwhile"
            | "from"
    )
}

/// Drops leading and trailing punctuation from a phrase.
fn trim_np<'a, 'b>(toks: &'b [Token<'a>]) -> &'b [Token<'a>] {
    let mut a = 0;
    let mut b = toks.len();
    while a < b && !toks[a].is_word {
        a += 1;
    }
    while b > a && !toks[b - 1].is_word && !toks[b - 1].text.ends_with('.') {
        b -= 1;
    }
    &toks[a..b]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn np(s: &str) -> Option<Np> {
        classify(s, &tokenize(s, 0))
    }

    /// British and Commonwealth titles are titles, not names (audit: one
    /// councillor was two speakers).
    #[test]
    fn local_news_titles_are_roles_not_names() {
        for (phrase, name, role) in [
            ("Councillor Anna Holloway", "Anna Holloway", "Councillor"),
            ("Cllr Anna Holloway", "Anna Holloway", "Cllr"),
            ("Chief Constable Rhona Baird", "Rhona Baird", "Chief Constable"),
            ("Det Insp Ian Reid", "Ian Reid", "Det Insp"),
            ("Baroness Mary Vint", "Mary Vint", "Baroness"),
        ] {
            let n = np(phrase).unwrap();
            assert!(
                matches!(&n.kind, NpKind::Person { name: got, .. } if got == name),
                "{phrase}: {n:?}"
            );
            assert_eq!(n.role.as_deref(), Some(role), "{phrase}");
        }
    }

    /// The word opening a clause is not the subject's, an honorific is no
    /// role, and an aside after the name is none either.
    #[test]
    fn a_subjects_role_leaves_out_clause_openers_honorifics_and_asides() {
        let n = np("While President Ada Vinter").unwrap();
        assert_eq!(
            (n.text.as_str(), n.role.as_deref()),
            ("President Ada Vinter", Some("President"))
        );
        assert_eq!(np("Mr. Otto Vane").unwrap().role, None);
        assert_eq!(np("Then Mr. Otto Vane").unwrap().role, None);
        assert_eq!(np("then Gov. Otto Vane").unwrap().role.as_deref(), Some("then Gov."));
        assert_eq!(np("Otto Vane, after a long pause,").unwrap().role, None);
        assert_eq!(np("A diplomat, which").and_then(|n| n.role), None);
        let described = np("Otto Vane, who runs the Lindgrave,").unwrap();
        assert_eq!(described.role.as_deref(), Some("who runs the Lindgrave"));
    }

    #[test]
    fn a_word_opening_a_sentence_is_no_name_when_the_article_writes_it_in_lower_case() {
        // The phrase `word` where it opens the last paragraph of `text`.
        let at_last = |text: &str, word: &str| {
            let toks = tokenize(text, 0);
            let at = text.rfind(&format!("\n{word}")).map(|i| i + 1).unwrap_or(0);
            let k = toks.iter().position(|t| t.start == at).expect("the word");
            classify(text, &toks[k..k + 1]).map(|np| np.kind)
        };
        let text = "The harbour had a good year.\n\nGood said the plan works.";
        assert!(!matches!(at_last(text, "Good"), Some(NpKind::Person { .. })));
        let text = "Nuclear power is cheap, and nuclear waste is not.\n\nNuclear said the plan works.";
        assert!(!matches!(at_last(text, "Nuclear"), Some(NpKind::Person { .. })));
        // With its capital inside a sentence too, it is a name.
        let text = "The harbour had a good year, the mayor told Good.\n\nGood said the plan works.";
        assert!(matches!(at_last(text, "Good"), Some(NpKind::Person { .. })));
        // After an abbreviation's period, or a quote's closing mark.
        let text = "The harbour had a good year, the mayor told Dr. Good.\n\nGood said the plan works.";
        assert!(matches!(at_last(text, "Good"), Some(NpKind::Person { .. })));
        let text = "“We had a good year.” Good said so.\n\nGood said the plan works.";
        assert!(!matches!(at_last(text, "Good"), Some(NpKind::Person { .. })));
        // Never in lower case: a name.
        let text = "The harbour had a fine year.\n\nVarga said the plan works.";
        assert!(matches!(at_last(text, "Varga"), Some(NpKind::Person { .. })));
    }

    #[test]
    fn a_name_with_an_organisations_word_after_it_is_an_organisation() {
        for s in ["Hallin Harbour Company", "The port's operator, Hallin Harbour Company"] {
            assert!(
                matches!(np(s).map(|n| n.kind), Some(NpKind::Organisation(o)) if o == "Hallin Harbour Company"),
                "{s}"
            );
        }
        // A person before a lowercase role is still the person, and before
        // capitals that end in no organisation's word.
        assert_eq!(person("The operator, Ilse Varga").0, "Ilse Varga");
        assert_eq!(person("Otto Vane Chief White House Correspondent").0, "Otto Vane");
        assert_eq!(person("Otto Vane Senior Staff Writer").0, "Otto Vane");
        // A person's word describing it keeps the unnamed person.
        assert!(matches!(
            np("An official with the group, Hallin Harbour Company").map(|n| n.kind),
            Some(NpKind::Anonymous(_))
        ));
    }

    fn person(s: &str) -> (String, Gender, Option<String>) {
        match np(s) {
            Some(Np {
                kind: NpKind::Person { name, gender },
                role,
                ..
            }) => (name, gender, role),
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn times_titles_and_prepositions_are_no_sources() {
        for s in [
            "The next day",
            "The following morning",
            "The Latest",
            "With",
            "month on CNN",
            "A month later",
            "Hours",
            "Weeks",
        ] {
            assert_eq!(np(s), None, "{s}");
        }
        assert!(matches!(
            np("the gambling tycoon"),
            Some(Np {
                kind: NpKind::Anonymous(_),
                ..
            })
        ));
    }

    #[test]
    fn publications_named_in_one_word_are_organisations() {
        for (s, name) in [
            ("Politico", "Politico"),
            ("Twitter", "Twitter"),
            ("The Israeli newspaper Haaretz", "Israeli newspaper Haaretz"),
            ("the news site Semafor", "Semafor"),
        ] {
            assert_organisation(s, name);
        }
        // Nor does a "he" go to one.
        let text = "A title for the test\n\nPolitico reported Saturday that the mayor, Peter Holm, would run.\n\n“Sure it is,” he said.";
        assert_eq!(
            crate::extract::test_support::speaker_of(text, "Sure it is").as_deref(),
            Some("Peter Holm")
        );
    }

    #[test]
    fn a_plural_possessive_names_an_organisation() {
        for (s, name) in [
            ("the Dockworkers' Union", "Dockworkers' Union"),
            ("the Teachers’ Federation", "Teachers’ Federation"),
        ] {
            assert_organisation(s, name);
        }
    }

    fn assert_organisation(s: &str, name: &str) {
        assert!(
            matches!(np(s), Some(Np { kind: NpKind::Organisation(ref n), .. }) if n == name),
            "{s}: {:?}",
            np(s)
        );
    }

    #[test]
    fn groups_named_by_a_head_before_its_modifier() {
        for s in [
            "Supporters of Trump",
            "Residents of Port Hallin",
            "young voters in Ohio",
        ] {
            assert!(
                matches!(
                    np(s),
                    Some(Np {
                        kind: NpKind::Anonymous(_),
                        ..
                    })
                ),
                "{s}"
            );
        }
        // A clause, not a phrase: no group.
        assert!(!matches!(
            np("rallied young people with his"),
            Some(Np {
                kind: NpKind::Anonymous(_),
                ..
            })
        ));
    }

    #[test]
    fn first_names_that_are_words_in_headlines() {
        assert_eq!(person("Senate Passes Bill Trump").0, "Trump");
        assert_eq!(person("Former President Bill Clinton").0, "Bill Clinton");
        assert_eq!(person("Microsoft’s Bill Gates").0, "Bill Gates");
        assert_eq!(person("But Bill Clinton").0, "Bill Clinton");
        assert_eq!(person("said Bill Clinton").0, "Bill Clinton");
        assert_eq!(person("Sen. Mark Warner").0, "Mark Warner");
    }

    #[test]
    fn a_nationality_compound_is_no_one_a_pronoun_could_mean() {
        let text = "A title for the test\n\nAdm. Tomas Varga leads the fleet. He is the first Asian-American to command it.\n\n“In some respects, they try to demonize me,” he said.";
        assert_eq!(
            crate::extract::test_support::speaker_of(text, "demonize me").as_deref(),
            Some("Tomas Varga")
        );
    }

    #[test]
    fn surnames_that_are_also_months_or_titles() {
        for (s, name) in [
            ("Theresa May", "Theresa May"),
            ("Martin Luther King", "Martin Luther King"),
            ("Anita Hill", "Anita Hill"),
            ("Theresa May’s", "Theresa May"),
            ("Martin Luther King Jr.", "Martin Luther King Jr"),
            // Common words and nationalities that are surnames too.
            ("Mark Cuban", "Mark Cuban"),
            ("Marty Small", "Marty Small"),
            ("Kristen Day", "Kristen Day"),
            ("Victoria Day weekend", "Victoria"),
            ("Kristen Day of Democrats for Life", "Kristen Day"),
            ("Steve Israel", "Steve Israel"),
            ("David French", "David French"),
            // A month's abbreviation, after a first name only
            // gender_guesser's list knows.
            ("Ai Jun", "Ai Jun"),
            // A month not before a number: a byline's date.
            ("Erin Kelly Jun 3", "Erin Kelly"),
            ("Erin Kelly Jun. 3", "Erin Kelly"),
        ] {
            assert_eq!(person(s).0, name, "{s}");
        }
        // A capital after it: a longer proper name, not her surname; with
        // capitals that end in an organisation's word, an organisation.
        assert!(matches!(
            np("Theresa May Government").map(|n| n.kind),
            Some(NpKind::Organisation(_))
        ));
        // Names of places and shows made like a first name and a surname
        // word: not after an article, nor with a surname that names
        // places too.
        for text in [
            "Tickets for the Lion King sold out. Ilse Varga said: “This is about fairness.”",
            "Officials from Key West were relieved. Ilse Varga said: “This is about fairness.”",
        ] {
            let found = crate::extract::test_support::extract_text(&format!("A title for the test\n\n{text}"));
            let names: Vec<&str> = found.people.iter().map(|p| p.name.as_str()).collect();
            assert_eq!(names, ["Ilse Varga"], "{text}");
        }
        // Never the first word of a name.
        assert!(!matches!(
            np("May"),
            Some(Np {
                kind: NpKind::Person { .. },
                ..
            })
        ));
    }

    #[test]
    fn people_with_titles_and_appositives() {
        assert_eq!(
            person("Mexican President Claudia Sheinbaum"),
            (
                "Claudia Sheinbaum".into(),
                Gender::Female,
                Some("Mexican President".into())
            )
        );
        assert_eq!(person("U.S. Defense Secretary Pete Hegseth").0, "Pete Hegseth");
        assert_eq!(person("Secretary of State Marco Rubio").0, "Marco Rubio");
        assert_eq!(
            person("Gustavo A. Flores-Macías, professor at Cornell University")
                .2
                .as_deref(),
            Some("professor at Cornell University")
        );
        assert_eq!(
            person("Gustavo A. Flores-Macías, professor at Cornell University").0,
            "Gustavo A. Flores-Macías"
        );
        // An age is no role; what follows it is.
        assert_eq!(
            person("Arvo Lindahl, 41, a crane operator").2.as_deref(),
            Some("a crane operator")
        );
        assert_eq!(person("Arvo Lindahl, 41").2, None);
        assert_eq!(person("Jane Doe, 41, and John Roe").2, None);
        assert_eq!(person("Cory James, 22, of Flint").2, None);
        assert_eq!(person("Tom Reed, 52, with the union").2, None);
        assert_eq!(
            person("Cory James, 22, Flint's mayor").2.as_deref(),
            Some("Flint's mayor")
        );
        assert_eq!(
            person("Tom Reed, 52, owner of the bakery").2.as_deref(),
            Some("owner of the bakery")
        );
        assert_eq!(person("Arvo Lindahl, 41").0, "Arvo Lindahl");
        assert_eq!(person("the economist Jared Bernstein").0, "Jared Bernstein");
        assert_eq!(person("Joel Pollak of Breitbart California").0, "Joel Pollak");
        assert_eq!(person("Mr. Sheinbaum").0, "Sheinbaum");
        assert_eq!(person("Mr. Garin").1, Gender::Male);
        assert_eq!(person("Trump").0, "Trump");
        // A word that is also an occupation, after an honorific.
        assert_eq!(person("Mr. Singer").0, "Singer");
        // A first name that is also a common word ("bill").
        assert_eq!(person("former president Bill Clinton").0, "Bill Clinton");
        // The role first and the name in the appositive.
        let comey = person("the F.B.I. director, James B. Comey");
        assert_eq!(
            (comey.0.as_str(), comey.2.as_deref()),
            ("James B. Comey", Some("F.B.I. director"))
        );
        assert_eq!(
            person("Clinton's introducer, actress Jamie Lee Curtis").0,
            "Jamie Lee Curtis"
        );
    }

    #[test]
    fn pronouns_orgs_and_anonymous_sources() {
        assert!(matches!(np("she").unwrap().kind, NpKind::Pronoun(Pronoun::Female)));
        assert_eq!(
            np("The White House").unwrap().kind,
            NpKind::Organisation("White House".into())
        );
        assert_eq!(
            np("the State Department").unwrap().kind,
            NpKind::Organisation("State Department".into())
        );
        assert_eq!(
            np("a senior Pentagon official").unwrap().kind,
            NpKind::Anonymous("a senior Pentagon official".into())
        );
        assert!(matches!(
            np("the Trump administration").unwrap().kind,
            NpKind::Anonymous(_)
        ));
        assert_eq!(np("on Tuesday"), None);
        // Programmes are no people.
        for org in ["the Economic Studies Program", "the Harbor Arts Programme"] {
            assert!(!np(org).unwrap().is_person(), "{org}");
        }
        assert_eq!(
            np("A diplomat familiar with the talks").unwrap().kind,
            NpKind::Anonymous("A diplomat familiar with the talks".into())
        );
    }

    #[test]
    fn phrases_that_ran_on_into_a_verb_or_modify_another_noun() {
        assert!(matches!(
            np("she issued a statement").unwrap().kind,
            NpKind::Pronoun(Pronoun::Female)
        ));
        assert_eq!(person("Mr. Trump was prompted").0, "Trump");
        assert_eq!(np("The spokesman refused to answer").unwrap().text, "The spokesman");
        // Participles that modify the noun stay.
        assert_eq!(
            np("a letter obtained by the senator").unwrap().text,
            "a letter obtained by the senator"
        );
        assert_eq!(np("the retired neurosurgeon").unwrap().text, "the retired neurosurgeon");
        // In title case too: "Trump Voters" are not Trump.
        assert!(!matches!(
            np("Trump Voters").map(|n| n.kind),
            Some(NpKind::Person { .. })
        ));
        assert_eq!(np("The senator spoke briefly").unwrap().text, "The senator");
        // Described sources: owned, or with a relative clause after them.
        for s in [
            "his longtime personal physician",
            "Trump’s potential VP",
            "a longtime GOP data expert who has worked for one of Trump's 2016 rivals",
        ] {
            assert!(matches!(np(s).map(|n| n.kind), Some(NpKind::Anonymous(_))), "{s}");
        }
        assert!(matches!(
            np("A projection by the consulting firm Oxford Economics").map(|n| n.kind),
            Some(NpKind::Anonymous(_))
        ));
        // The relative clause is not part of the speaker's name.
        assert_eq!(
            np("a longtime GOP data expert who has worked for a rival")
                .unwrap()
                .text,
            "a longtime GOP data expert"
        );
        // …but not an owned abstract noun.
        for s in ["its analysis", "China's expanding influence"] {
            assert_eq!(np(s), None, "{s}");
        }
        // "of" inside a role is not a loose word; a name right after one is
        // its object.
        assert_eq!(person("master of ceremonies Asab Al-Tabchi").0, "Asab Al-Tabchi");
        assert!(!matches!(
            np("Supporters of Trump").map(|n| n.kind),
            Some(NpKind::Person { .. })
        ));
        for s in ["a senior unnamed official", "the two accused officers"] {
            assert_eq!(np(s).unwrap().text, s);
        }
        // A name that modifies a noun, or is the object of a modifier, is
        // not the speaker.
        for s in ["the Stanford medieval-history graduate", "A spokesman for Platte River"] {
            assert_eq!(np(s).unwrap().kind, NpKind::Anonymous(s.into()), "{s}");
        }
        assert_eq!(
            np("one Democrat familiar with the discussion").unwrap().kind,
            NpKind::Anonymous("one Democrat familiar with the discussion".into())
        );
    }

    #[test]
    fn cut_off_titles_openers_and_bare_determiners_are_not_speakers() {
        for s in ["Mr", "Sen", "Ms", "When", "Recently", "However", "The", "A"] {
            assert_eq!(np(s), None, "{s}");
        }
        // Common words that are also surnames still are, alone in a subject slot ("Black said").
        assert_eq!(person("Black").0, "Black");
        assert_eq!(person("King").0, "King");
    }
}
