//! Extraction: quote spans, then attribution by sieves, then resolution of
//! the speaker mention to a named person, organisation or anonymous source
//! within the article, then the quote's kind.

pub mod context;
pub mod mentions;
pub mod people;
pub mod quotes;
pub mod sieves;
pub mod when;

use crate::lexicon::{LABEL_CUE, SPEECH_CUE};
use crate::model::{Article, BlockRole, QuoteKind, SieveName, Span, SpeakerKind, TimeMention};
use context::Context;
use mentions::{Gender, Np, NpKind, Pronoun};
use people::People;
use sieves::{Attribution, SIEVES};

/// Who spoke, as far as one article can tell.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SpeakerRef {
    pub kind: SpeakerKind,
    pub name: String,
    pub gender: Gender,
    pub roles: Vec<String>,
}

/// A quote found in one article, before speakers are merged across the
/// corpus.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ExtractedQuote {
    /// Its words in the article's text ([`ExtractedQuote::text`]).
    pub span: Span,
    pub kind: QuoteKind,
    pub cue: Option<String>,
    pub mention: Option<MentionFound>,
    pub sieve: Option<SieveName>,
    pub speaker: Option<SpeakerRef>,
    /// The words that say when it was said, if any.
    pub time: Option<TimeMention>,
}

/// The words in the text that name (or stand for) the speaker of a quote,
/// as extraction finds them ([`crate::model::Mention`] once stored).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MentionFound {
    pub text: std::sync::Arc<str>,
    pub span: crate::model::StoredSpan,
}

impl ExtractedQuote {
    /// Its words, in the text of the article it was found in.
    pub fn text<'t>(&self, article_text: &'t str) -> &'t str {
        article_text.get(self.span.start..self.span.end).unwrap_or_default()
    }
}

/// What extraction finds in one article: its quotes, and the people it
/// names (so that speakers can be merged across articles).
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub quotes: Vec<ExtractedQuote>,
    pub people: Vec<SpeakerRef>,
}

/// Extracts one article on its own (no genders learnt from other articles).
pub fn extract_alone(article: &Article) -> Extraction {
    let lower = crate::text::lowercase_in_place_of(&article.text.get());
    extract_first(article, lower.as_deref(), TermsWanted::default()).extraction
}

/// One article extracted with what it alone tells of genders, and what
/// genders learnt across the corpus ([`people::HintCounter`]) need.
pub struct FirstPass {
    pub extraction: Extraction,
    /// Its people with the genders the article alone settles.
    pub persons: Vec<people::Person>,
    /// What a corpus-wide gender hint must differ from to change a speaker
    /// here, by [`people::hint_key`]: each person of unknown gender whose
    /// gender could change whom a "he" or "she" given to a quote stands
    /// for, with that pronoun's gender. The article is extracted again
    /// ([`extract`] with the hints) only when a hint differs: re-extracting
    /// every article with a hinted name took four seconds of a 100k load
    /// (measured).
    pub gender_guesses: Vec<(String, Gender)>,
    /// What the article is about, for stories, when asked for
    /// ([`crate::relate::stories::article_terms`], from the tokens split here).
    pub article_terms: Option<Vec<crate::relate::terms::Term>>,
    /// Each quote's wording as terms, when asked for (what
    /// [`crate::relate::quote_vectors`] would take from its text, from the
    /// tokens split here).
    pub quote_terms: Option<crate::relate::terms::TermRuns>,
    /// Each quote's words for the search index, when asked for.
    pub quote_words: Option<crate::search::QuoteWords>,
}

/// The terms [`extract_first`] also takes from the words it splits (and
/// the search words from each quote's text), for relating and indexing the
/// corpus, instead of unpacking and splitting the texts again later.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TermsWanted {
    /// The article's, for stories.
    pub article: bool,
    /// Each quote's, for statements and related quotes.
    pub quotes: bool,
    /// Each quote's words for the search index (the reader's, which then
    /// indexes the quotes as it reads them).
    pub search: bool,
}

impl FirstPass {
    /// No quotes and no people: what an article whose extraction failed
    /// has; with terms wanted, no terms either (stories count on one list
    /// an article, statements on one a quote).
    pub fn empty(terms: TermsWanted) -> FirstPass {
        FirstPass {
            extraction: Extraction::default(),
            persons: Vec::new(),
            gender_guesses: Vec::new(),
            article_terms: terms.article.then(Vec::new),
            quote_terms: terms.quotes.then(Default::default),
            quote_words: terms.search.then(Default::default),
        }
    }
}

/// Whether the article's title was given apart from its text (a JSON
/// record's, Markdown front matter's): its first block is then body.
fn title_apart(article: &Article) -> bool {
    article.title.is_some() && !article.title_derived && !article.blocks.iter().any(|b| b.role == BlockRole::Title)
}

/// Extraction in one pass over the article (its words are split once);
/// `lower` is its text lowercased, as [`crate::clean::clean_lowered`] gives
/// it. Also the terms `terms` asks for.
pub fn extract_first(article: &Article, lower: Option<&str>, terms: TermsWanted) -> FirstPass {
    let text = article.text.get();
    let raw = quotes::find_quotes(&text, &article.blocks);
    let ctx = Context::new(&text, lower, &article.blocks, &raw);
    let article_terms = terms
        .article
        .then(|| crate::relate::stories::article_terms(article, (0..ctx.blocks.len()).map(|b| ctx.block_tokens(b))));
    let mut people = People::scan_names(&ctx, title_apart(article));
    people.settle_genders(&ctx, &people::GenderHints::default());
    let persons = people.persons.clone();
    let (extraction, gender_guesses) = match &article.given {
        Some(given) => (given_quote(article, given), Vec::new()),
        None => {
            let extraction = finish(&ctx, &mut people);
            let guesses = gender_guesses(&people, &extraction);
            (extraction, guesses)
        }
    };
    let quote_terms = terms.quotes.then(|| terms_of_quotes(&ctx, &extraction.quotes));
    let quote_words = terms.search.then(|| {
        let mut words = crate::search::QuoteWords::default();
        extraction.quotes.iter().for_each(|q| words.push(q.text(&text)));
        words
    });
    FirstPass {
        extraction,
        persons,
        gender_guesses,
        article_terms,
        quote_terms,
        quote_words,
    }
}

/// Each quote's wording as terms, from the article's tokens. Should the
/// tokens not be those its text alone splits into (a quote across
/// paragraphs, a word running over a mark: neither is known to happen),
/// its text is split again alone.
fn terms_of_quotes(ctx: &Context, quotes: &[ExtractedQuote]) -> crate::relate::terms::TermRuns {
    let mut runs = crate::relate::terms::TermRuns::default();
    for q in quotes {
        let negated = crate::relate::negated_before(ctx.text, q.kind, q.span.start);
        match ctx.tokens_within(q.span.start, q.span.end) {
            Some(toks) => runs.push_tokens(toks, negated),
            None => runs.push_text(q.text(ctx.text), negated),
        }
    }
    runs
}

/// [`FirstPass::gender_guesses`]: hints give a gender only to people the
/// article leaves without one ([`People::settle_genders`]), and for them
/// a hint only takes them from the pronouns of the other gender: each "he"
/// or "she" a quote was given, and the people of unknown gender whose
/// going would change its choice ([`People::pronoun_candidates`]).
fn gender_guesses(people: &People, extraction: &Extraction) -> Vec<(String, Gender)> {
    let mut out = Vec::new();
    for m in extraction.quotes.iter().filter_map(|q| q.mention.as_ref()) {
        let Some(pronoun) = mentions::pronoun(&m.text) else {
            continue;
        };
        let Some(g) = pronoun.gender() else {
            continue;
        };
        let candidates = people.pronoun_candidates(m.span.start(), pronoun);
        let matter = people::deciding_candidates(&candidates, m.span.start());
        for c in matter {
            let p = &people.persons[c.person];
            if p.gender != Gender::Unknown {
                continue;
            }
            if let Some(key) = people::hint_key(&p.words).map(|k| (k, g)) {
                if !out.contains(&key) {
                    out.push(key);
                }
            }
        }
    }
    out
}

impl Extraction {
    /// What is wrong with the quote spans over `text`, if anything: every
    /// span must lie inside it on character boundaries, and two quotes
    /// overlap only when one nests in the other.
    /// Fuzzing and property tests hold extraction to this.
    pub fn span_problem(&self, text: &str) -> Option<String> {
        for q in &self.quotes {
            let s = q.span;
            if s.start > s.end || s.end > text.len() || !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end)
            {
                return Some(format!("span {s:?} outside the text or off a character boundary"));
            }
        }
        for (i, a) in self.quotes.iter().enumerate() {
            for b in &self.quotes[i + 1..] {
                let (x, y) = (a.span, b.span);
                let overlap = x.start < y.end && y.start < x.end;
                let nested = (x.start <= y.start && y.end <= x.end) || (y.start <= x.start && x.end <= y.end);
                if overlap && !nested {
                    return Some(format!("quotes {x:?} and {y:?} overlap"));
                }
            }
        }
        None
    }
}

/// Runs the whole extraction on a cleaned article; `hints` are the genders
/// learnt across the corpus.
pub fn extract(article: &Article, hints: &people::GenderHints) -> Extraction {
    if let Some(given) = &article.given {
        return given_quote(article, given);
    }
    let text = article.text.get();
    let raw = quotes::find_quotes(&text, &article.blocks);
    let lower = crate::text::lowercase_in_place_of(&text);
    let ctx = Context::new(&text, lower.as_deref(), &article.blocks, &raw);
    let mut people = People::scan_names(&ctx, title_apart(article));
    people.settle_genders(&ctx, hints);
    finish(&ctx, &mut people)
}

/// Attribution and resolution, once the article's people have their genders.
fn finish(ctx: &Context, people: &mut People) -> Extraction {
    let text = ctx.text;
    let raw = ctx.quotes;
    let named = (0..people.persons.len()).map(|i| person_ref(people, i)).collect();
    if raw.is_empty() {
        return Extraction {
            quotes: Vec::new(),
            people: named,
        };
    }
    let attributions = attribute(ctx);
    for a in attributions.iter().flatten() {
        if a.np.is_person() {
            people.mark_speaker(a.np.span.start, a.np.span.end);
        }
    }
    let mut times = when::time_mentions(ctx, &attributions);
    let mut out = Vec::with_capacity(raw.len());
    for (qi, q) in raw.iter().enumerate() {
        let att = attributions[qi].as_ref();
        let speaker = att.and_then(|a| resolve(people, a));
        let kind = kind_of(ctx, qi, att);
        out.push(ExtractedQuote {
            span: q.inner,
            kind,
            cue: att.and_then(|a| a.cue.clone()),
            mention: att.map(|a| MentionFound {
                text: a.np.text.as_str().into(),
                span: a.np.span.into(),
            }),
            sieve: att.map(|a| a.sieve),
            speaker,
            time: times[qi].take(),
        });
    }
    out.sort_by_key(|q| q.span.start);
    resolve_named_inside(text, people, &mut out);
    resolve_definites(ctx, people, &mut out);
    resolve_it(ctx, people, &mut out);
    resolve_to_sources(ctx, people, &mut out);
    when::carry_over(ctx, &mut out);
    Extraction {
        quotes: out,
        people: named,
    }
}

/// "A water authority employee, who asked not to be named, said crews were
/// working … / “We are flushing street by street,” he said.": "he" is the
/// unnamed source the sentence (or the one before) is about, when no person
/// "he" could be is named after that source (nor, for "the woman who …",
/// just before her). Her next "she said"s are hers too, each near the last
/// and all within twice [`SOURCE_REACH`] of where she came in.
fn resolve_to_sources(ctx: &Context, people: &People, quotes: &mut [ExtractedQuote]) {
    // The last quote an unnamed speaker said: where they were named (or
    // the pronoun that carried them on), the quote's index, and where they
    // were first brought in, which bounds a run of "she said".
    let mut last_unnamed: Option<(usize, usize, usize)> = None;
    for k in 0..quotes.len() {
        let Some(m) = &quotes[k].mention else { continue };
        let Some(p @ (Pronoun::Male | Pronoun::Female)) = mentions::pronoun(&m.text) else {
            if quotes[k]
                .speaker
                .as_ref()
                .is_some_and(|s| s.kind == SpeakerKind::Anonymous)
            {
                last_unnamed = Some((m.span.start(), k, m.span.start()));
            }
            continue;
        };
        let pos = m.span.start();
        // "“…,” said the woman, who … . “…,” she said": the unnamed woman
        // (or man) who spoke just before. Not one of no gender ("a
        // supporter"): "he" is as often the candidate the story is about.
        let spoke_before = || {
            let (at, j, first) = last_unnamed.filter(|&(at, _, first)| {
                pos.saturating_sub(at) < SOURCE_REACH && pos.saturating_sub(first) < 2 * SOURCE_REACH
            })?;
            let s = quotes[j].speaker.as_ref()?;
            (unnamed_person_gender(s)? == p.gender()?).then(|| (at, s.clone(), first))
        };
        let subject_before = source_before(ctx, pos);
        // "The woman who …" may be a named woman described again ("Mara
        // Velde took the stage. The woman who would lead the party told
        // …"): not with one named near before.
        let described = subject_before
            .as_ref()
            .is_some_and(|(_, s)| s.name.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("the ")));
        let Some((at, source, first)) = subject_before.map(|(at, s)| (at, s, at)).or_else(spoke_before) else {
            continue;
        };
        let named_at = people.resolve_pronoun(pos, p).and_then(|i| {
            people
                .mentions
                .iter()
                .rev()
                .filter(|x| x.person == i && x.pos < pos)
                .map(|x| x.pos)
                .next()
        });
        if named_at.is_some_and(|named| named > at || described && pos.saturating_sub(named) < SOURCE_REACH) {
            continue;
        }
        quotes[k].speaker = Some(source);
        // Her next "she said" is hers too, while near this one and where
        // she was brought in.
        last_unnamed = Some((pos, k, first));
    }
}

/// "“… whether Senator Sanders's message … could go toe to toe with the
/// Clinton organization …,” he said": a "he" or "she" is not someone whose
/// words, under that pronoun, name them after a capitalised title (not a
/// word of nation or party); it is whom the pronoun resolves to without
/// them. Not when two people share the surname, and with no one else it
/// could be the speaker stays.
fn resolve_named_inside(text: &str, people: &People, quotes: &mut [ExtractedQuote]) {
    // The mentions whose person their quote names: the mention, that
    // person and the pronoun (a pass over the quotes, then one over them
    // for each such mention, rare: all of its quotes go with it).
    let mut named = Vec::new();
    for q in quotes.iter() {
        let (Some(m), Some(s)) = (&q.mention, &q.speaker) else {
            continue;
        };
        if s.kind != SpeakerKind::Person {
            continue;
        }
        // Compared as written: lowering each mention to ask cost more
        // than the rest of the rule (callgrind).
        let p = match &*m.text {
            "he" | "He" | "HE" => Pronoun::Male,
            "she" | "She" | "SHE" => Pronoun::Female,
            _ => continue,
        };
        let Some(who) = people.persons.iter().position(|x| x.name == s.name) else {
            continue;
        };
        // Not when two people share the surname ("“President Bush kept us
        // safe,” he said" of Jeb Bush).
        let surname = people.persons[who].surname();
        let shared = || people.persons.iter().filter(|x| x.surname() == surname).count() > 1;
        let titled = surname.is_some_and(|w| titled_in(q.text(text), w)) && !shared();
        if titled && !named.iter().any(|&(at, _, _)| at == m.span) {
            named.push((m.span, who, p));
        }
    }
    for (at, who, p) in named {
        // With no one else it could be, it stays.
        let Some(other) = people.resolve_pronoun_except(at.start(), p, who) else {
            continue;
        };
        let other = person_ref(people, other);
        for q in quotes
            .iter_mut()
            .filter(|q| q.mention.as_ref().is_some_and(|m| m.span == at))
        {
            q.speaker = Some(other.clone());
        }
    }
}

/// Whether `text` names someone by `surname` after a title ("Senator
/// Sanders's", "Mr. Trump").
fn titled_in(text: &str, surname: &str) -> bool {
    let Some(&first) = surname.as_bytes().first() else {
        return false;
    };
    // Found by its first byte (a substring searcher built for each quote
    // cost 0.2% of extraction; callgrind), a lead byte never inside a
    // character.
    let mut at = memchr::memchr_iter(first, text.as_bytes()).filter(|&k| text[k..].starts_with(surname));
    at.any(|k| {
        let after = text[k + surname.len()..].chars().next();
        let whole = after.is_none_or(|c| !c.is_alphanumeric()) && text[..k].ends_with(' ');
        // A title as written, capitalised, and not a word of nation or
        // party, the list apart from [`crate::lexicon::TITLES`] ("the new
        // Trump hotel", "the Iowa Cruz team").
        let title = text[..k]
            .split_whitespace()
            .next_back()
            .filter(|w| w.starts_with(char::is_uppercase));
        whole && title.is_some_and(|w| crate::lexicon::TITLES.contains(&w.to_lowercase().trim_end_matches('.')))
    })
}

/// How far back (in bytes) a "he" or "she" finds the unnamed woman or man
/// who spoke before it.
const SOURCE_REACH: usize = 400;

/// The gender of an unnamed speaker whose head word tells it ("the
/// woman", "a 26-year-old man").
fn unnamed_person_gender(s: &SpeakerRef) -> Option<Gender> {
    // Words of kin and sex only: "the businessman" or "the actress" is
    // most often a named person described again.
    // The head is the last word before a modifier: "a widow from Dorval".
    let head = s
        .name
        .split(' ')
        .take_while(|w| !matches!(*w, "from" | "of" | "in" | "at" | "with" | "who" | "for" | "on"))
        .last()?
        .to_lowercase();
    let h = head.as_str();
    if crate::lexicon::FEMALE_KIN.contains(&h) || matches!(h, "woman" | "girl" | "lady" | "granddaughter" | "mom") {
        Some(Gender::Female)
    } else if crate::lexicon::MALE_KIN.contains(&h) || matches!(h, "man" | "boy" | "grandson" | "dad") {
        Some(Gender::Male)
    } else {
        None
    }
}

/// The unnamed person (singular, introduced with "a", or as "the woman
/// who …"; no organisation) that the sentence holding `pos`, or failing
/// that the sentence before it, has as its subject, and where it is.
fn source_before(ctx: &Context, pos: usize) -> Option<(usize, SpeakerRef)> {
    let b = ctx.block_at(pos)?;
    let toks = ctx.block_tokens(b);
    let k = toks.iter().position(|t| t.start >= pos)?;
    let (s, _) = ctx.sentence_of(b, k);
    let source_of = |np: mentions::Np, toks: &[crate::text::Token]| {
        let NpKind::Anonymous(name) = np.kind else { return None };
        let r = SpeakerRef {
            kind: SpeakerKind::Anonymous,
            name,
            gender: Gender::Unknown,
            roles: Vec::new(),
        };
        let head = r.name.rsplit(' ').next().unwrap_or_default().to_lowercase();
        let plural = head.ends_with('s') && !head.ends_with("ss");
        // Introduced as someone new ("A water authority employee"): "the
        // Florida senator" is a named person described again.
        let first = r.name.split(' ').next().unwrap_or_default().to_lowercase();
        // Or as one the story brings in: "The woman who started it all
        // identified herself …" (a woman or man, not "the senator who").
        let brought_in = || {
            first == "the"
                && unnamed_person_gender(&r).is_some()
                && toks
                    .iter()
                    .find(|t| t.start >= np.span.end)
                    .is_some_and(|t| t.text == "who")
        };
        let new_one = matches!(first.as_str(), "a" | "an" | "one") || brought_in();
        let person = crate::lexicon::ANON_HEAD.has(&head) && !is_an_it(&r);
        (new_one && person && !plural).then_some((np.span.start, r))
    };
    // Such a source's head is a word of ANON_HEAD: a sentence with none
    // has none, and its subject is not looked for (finding it cost 2% of
    // `extract`, profiled).
    let source_in = |toks: &[crate::text::Token], from: usize, to: usize| {
        toks[from..to]
            .iter()
            .any(|t| t.is_word && crate::lexicon::ANON_HEAD.has(&t.lower()))
            .then(|| sieves::sentence_subject(ctx, toks, from, to))
            .flatten()
            .and_then(|np| source_of(np, toks))
    };
    let here = || source_in(toks, s, k);
    let before = || {
        let (pb, ps, pe) = if s > 0 {
            (b, ctx.sentence_of(b, s - 1).0, s)
        } else {
            let pb = b.checked_sub(1)?;
            let pt = ctx.block_tokens(pb);
            let last = pt.len().checked_sub(1)?;
            (pb, ctx.sentence_of(pb, last).0, pt.len())
        };
        source_in(ctx.block_tokens(pb), ps, pe)
    };
    here().or_else(before)
}

/// How far back (in bytes, from "it" to the end of an earlier quote) "it
/// said" looks for the organisation it is.
const IT_REACH: usize = 600;

/// "“…,” the newspaper admitted. “…,” it added.": "it" is the
/// organisation that spoke just before, when one did; else, like "they",
/// the organisation, group or document the sentences before are about
/// ([`sieves::group_antecedent`]).
fn resolve_it(ctx: &Context, people: &People, quotes: &mut [ExtractedQuote]) {
    for i in 0..quotes.len() {
        let pronoun = quotes[i]
            .mention
            .as_ref()
            .and_then(|m| mentions::pronoun(&m.text))
            .filter(|p| matches!(p, Pronoun::Neuter | Pronoun::Plural));
        let Some(pronoun) = pronoun.filter(|_| quotes[i].speaker.is_none()) else {
            continue;
        };
        let it_at = quotes[i]
            .mention
            .as_ref()
            .map_or(quotes[i].span.start, |m| m.span.start());
        let before = (pronoun == Pronoun::Neuter)
            .then(|| {
                quotes[..i]
                    .iter()
                    .rev()
                    .take_while(|q| it_at.saturating_sub(q.span.end) <= IT_REACH)
                    .find_map(|q| q.speaker.as_ref())
            })
            .flatten();
        if let Some(org) = before.filter(|s| is_an_it(s)) {
            quotes[i].speaker = Some(org.clone());
        } else if let Some(np) = sieves::group_antecedent(ctx, it_at, pronoun) {
            let att = Attribution {
                np,
                cue: None,
                sieve: SieveName::Definite,
            };
            quotes[i].speaker = resolve(people, &att);
        }
    }
}

/// An organisation, or a source that is no person ("the newspaper", "the
/// staff letter", "the paper's editorial board").
fn is_an_it(s: &SpeakerRef) -> bool {
    match s.kind {
        SpeakerKind::Organisation => true,
        SpeakerKind::Anonymous => s.name.rsplit(' ').next().is_some_and(|head| {
            let head = head.to_lowercase();
            // ORG_WORD holds the documents and most outlets; these it lacks.
            (mentions::is_publication_noun(&head) || crate::lexicon::ORG_WORD.has(&head))
                && !crate::lexicon::TITLE.has(&head)
        }),
        SpeakerKind::Person => false,
    }
}

/// Documents that speak for whoever issued them.
const DOCUMENTS: &[&str] = &[
    "statement",
    "memo",
    "release",
    "report",
    "letter",
    "filing",
    "email",
    "post",
    "tweet",
];

/// "the official" after "a senior ministry official" is that source;
/// "the statement" after "City Hall said in a statement" is City Hall.
fn resolve_definites(ctx: &Context, people: &People, quotes: &mut [ExtractedQuote]) {
    // The unnamed speakers so far, each once with its name lowercased,
    // the latest last: a paragraph of thousands of quotes by "the
    // minister" made a list of thousands, searched at each.
    let mut seen: Vec<(String, SpeakerRef)> = Vec::new();
    for q in quotes.iter_mut() {
        let Some(sp) = q.speaker.clone() else { continue };
        let words: Vec<&str> = sp.name.split_whitespace().collect();
        if sp.kind == SpeakerKind::Anonymous && words.len() == 2 && words[0].eq_ignore_ascii_case("the") {
            let head = words[1].to_lowercase();
            let found = if DOCUMENTS.contains(&head.as_str()) {
                let pos = q.mention.as_ref().map_or(q.span.start, |m| m.span.start());
                issuer_of(ctx, people, &head, pos)
            } else {
                let pos = q.mention.as_ref().map_or(q.span.start, |m| m.span.start());
                seen.iter()
                    .rev()
                    .find(|(lower, s)| s.name != sp.name && lower.ends_with(&head))
                    .map(|(_, s)| s.clone())
                    .or_else(|| introduced(ctx, &head, pos))
            };
            if let Some(f) = found {
                q.speaker = Some(f);
            }
        }
        if let Some(sp) = q.speaker.as_ref().filter(|s| s.kind == SpeakerKind::Anonymous) {
            if seen.last().is_none_or(|(_, last)| last != sp) {
                seen.retain(|(_, s)| s != sp);
                seen.push((sp.name.to_lowercase(), sp.clone()));
            }
        }
    }
}

/// The source introduced earlier as "a senior ministry official" when the
/// text later says "the official": in its paragraph or the six before,
/// within the last [`INTRODUCED_REACH`] tokens.
fn introduced(ctx: &Context, head: &str, pos: usize) -> Option<SpeakerRef> {
    let b = ctx.block_at(pos)?;
    let mut reach = INTRODUCED_REACH;
    for bi in (b.saturating_sub(6)..=b).rev() {
        let toks = ctx.block_tokens(bi);
        let before = toks.partition_point(|t| t.start < pos);
        let from = before.saturating_sub(reach);
        reach -= before - from;
        for k in (from..before).rev().filter(|&k| toks[k].lower() == head) {
            let Some(det) = (k.saturating_sub(5)..k)
                .rev()
                .find(|&d| matches!(toks[d].lower().as_str(), "a" | "an"))
            else {
                continue;
            };
            // With a named place of work: "a senior official at the
            // Ministry of Trade".
            let mut end = k + 1;
            if toks
                .get(end)
                .is_some_and(|t| matches!(t.lower().as_str(), "at" | "of" | "from" | "in"))
            {
                let mut j = end + 1;
                if toks.get(j).is_some_and(|t| t.lower() == "the") {
                    j += 1;
                }
                let name_start = j;
                while j < toks.len()
                    && j < name_start + 6
                    && (toks[j].is_cap() || (j > name_start && matches!(toks[j].lower().as_str(), "of" | "and")))
                {
                    j += 1;
                }
                while j > name_start && !toks[j - 1].is_cap() {
                    j -= 1;
                }
                // A workplace, not a time or a place ("an official in
                // March"): it has an organisation word.
                let workplace = toks[name_start..j]
                    .iter()
                    .any(|t| crate::lexicon::ORG_WORD.has(&t.lower()));
                if j > name_start && workplace {
                    end = j;
                }
            }
            if let Some(np) = mentions::classify(ctx.text, &toks[det..=k]) {
                if let NpKind::Anonymous(name) = np.kind {
                    let name = if end > k + 1 {
                        ctx.text[toks[det].start..toks[end - 1].end].to_string()
                    } else {
                        name
                    };
                    return Some(SpeakerRef {
                        kind: SpeakerKind::Anonymous,
                        name,
                        gender: Gender::Unknown,
                        roles: Vec::new(),
                    });
                }
            }
        }
    }
    None
}

/// How many tokens back [`introduced`] looks: six paragraphs of news, with
/// room to spare; a paragraph of thousands of quotes, each looking back
/// over all the others, took seconds.
const INTRODUCED_REACH: usize = 2000;

/// Verbs by which someone puts out a document ("Cook provided a statement").
const ISSUING_VERBS: &[&str] = &[
    "provided", "provides", "issued", "issues", "released", "releases", "sent", "sends", "wrote", "writes", "posted",
    "posts", "emailed", "gave", "gives",
];

/// Who issued the document last named `word` before `pos`: the subject of
/// that sentence ("City Hall said in a statement"), or of the clause it is
/// in after a cue ("The Times said Cook provided a statement"). Two
/// subjects ("Manafort and Miller") issue it together: none.
fn issuer_of(ctx: &Context, people: &People, word: &str, pos: usize) -> Option<SpeakerRef> {
    let b = ctx.block_at(pos)?;
    for bi in (b.saturating_sub(3)..=b).rev() {
        let toks = ctx.block_tokens(bi);
        let hit = (0..toks.len())
            .rev()
            .find(|&k| toks[k].start < pos && toks[k].lower() == word && !ctx.in_quote(bi, k));
        if let Some(k) = hit {
            let (start, _) = ctx.sentence_of(bi, k);
            let mut np = sieves::sentence_subject(ctx, toks, start, k)?;
            // The issuer is the subject of the clause the document is in:
            // "The Times said Cook provided a statement" is Cook's. Only
            // when a verb of issuing follows that subject: "Olden told CNN
            // in a statement" and "Olden said Brask had rejected the
            // statement" are Olden's.
            let after_subject = |np: &Np| toks.iter().position(|t| t.start >= np.span.end).unwrap_or(k);
            if let Some(cue) = (after_subject(&np)..k)
                .rev()
                .find(|&c| SPEECH_CUE.has(&toks[c].lower()))
            {
                let issued = |np: &Np| {
                    toks.get(after_subject(np))
                        .is_some_and(|t| ISSUING_VERBS.contains(&t.lower().as_str()))
                };
                if let Some(inner) = sieves::sentence_subject(ctx, toks, cue + 1, k).filter(issued) {
                    np = inner;
                }
            }
            // Two issuers ("Manafort and Miller worked to craft the
            // statement") name no one: the document stays the speaker.
            if toks.get(after_subject(&np)).is_some_and(|t| t.lower() == "and") {
                return None;
            }
            let att = Attribution {
                np,
                cue: None,
                sieve: SieveName::Definite,
            };
            return resolve(people, &att).filter(|r| r.kind != SpeakerKind::Anonymous);
        }
    }
    None
}

/// Runs the sieves in order over the top-level quotes; nested quotes then
/// take the person the outer quote brings them in with
/// ([`sieves::nested_cue`]), else their outer quote's attribution.
pub fn attribute(ctx: &Context) -> Vec<Option<Attribution>> {
    let n = ctx.quotes.len();
    let mut done: Vec<Option<Attribution>> = vec![None; n];
    let top: Vec<usize> = (0..n)
        .filter(|&i| ctx.quotes[i].parent.is_none() && ctx.quote_tokens[i].is_some())
        .collect();
    for (_, sieve) in SIEVES {
        for &qi in &top {
            if done[qi].is_none() {
                done[qi] = sieve(ctx, qi, &done);
            }
        }
    }
    // Continuations of quotes attributed by later sieves.
    for &qi in &top {
        if done[qi].is_none() {
            done[qi] = sieves::continuation(ctx, qi, &done);
        }
    }
    // Last, the subject of a quote's sentence, where no cue said more: a
    // guess too weak to be passed on to the quotes after it.
    for &qi in &top {
        // Not of a term: a speaker would make it a quote.
        if done[qi].is_none() && kind_of(ctx, qi, None) != QuoteKind::Term {
            done[qi] = sieves::sentence_subject_of_quote(ctx, qi, &done);
        }
    }
    // Earlier pieces of a multi-paragraph quote take the speaker named at
    // its end.
    for &qi in top.iter().rev() {
        if let Some(prev) = ctx.quotes[qi].continues {
            if done[prev].is_none() {
                done[prev] = done[qi].clone().map(|a| Attribution {
                    sieve: SieveName::Continuation,
                    ..a
                });
            }
        }
    }
    for qi in 0..n {
        if let Some(p) = ctx.quotes[qi].parent {
            done[qi] = sieves::nested_cue(ctx, qi, p).or_else(|| {
                done[p].clone().map(|a| Attribution {
                    sieve: SieveName::Nested,
                    ..a
                })
            });
        }
    }
    done
}

/// A record that is one quote with its speaker (Quotebank): the sieves have
/// nothing to decide; the whole text inside its marks is the quote.
fn given_quote(article: &Article, given: &crate::load::GivenQuote) -> Extraction {
    let text = article.text.get();
    let inner_start = text.find('“').map_or(0, |i| i + '“'.len_utf8());
    let inner_end = text.rfind('”').filter(|&e| e >= inner_start).unwrap_or(text.len());
    let speaker = given.speaker.as_ref().map(|name| SpeakerRef {
        kind: SpeakerKind::Person,
        name: name.clone(),
        gender: Gender::Unknown,
        roles: Vec::new(),
    });
    Extraction {
        quotes: vec![ExtractedQuote {
            span: Span::new(inner_start, inner_end),
            kind: QuoteKind::Full,
            cue: None,
            mention: None,
            sieve: Some(SieveName::Given),
            speaker: speaker.clone(),
            time: None,
        }],
        people: speaker.into_iter().collect(),
    }
}

fn person_ref(people: &People, i: usize) -> SpeakerRef {
    let p = &people.persons[i];
    SpeakerRef {
        kind: SpeakerKind::Person,
        name: p.name.clone(),
        gender: p.gender,
        roles: p.roles.clone(),
    }
}

/// Resolves an attribution's mention within the article: pronouns and
/// surnames to the nearest compatible named person, roles to their holder.
fn resolve(people: &People, att: &Attribution) -> Option<SpeakerRef> {
    let pos = att.np.span.start;
    let role = att.np.role.clone().into_iter().collect::<Vec<_>>();
    match &att.np.kind {
        NpKind::Person { name, gender } => {
            let words: Vec<String> = name.split_whitespace().map(str::to_string).collect();
            if let Some(i) = people.resolve_name(&words, pos) {
                let mut r = person_ref(people, i);
                for x in role {
                    if !r.roles.contains(&x) {
                        r.roles.push(x);
                    }
                }
                return Some(r);
            }
            Some(SpeakerRef {
                kind: SpeakerKind::Person,
                name: name.clone(),
                gender: *gender,
                roles: role,
            })
        }
        NpKind::Pronoun(p @ (Pronoun::Male | Pronoun::Female)) => {
            people.resolve_pronoun(pos, *p).map(|i| person_ref(people, i))
        }
        NpKind::Pronoun(_) => None,
        NpKind::Organisation(name) => Some(SpeakerRef {
            kind: SpeakerKind::Organisation,
            name: name.clone(),
            gender: Gender::Unknown,
            roles: role,
        }),
        NpKind::Anonymous(phrase) => {
            // "the president", "the senator": the person holding that role.
            let words: Vec<&str> = phrase.split_whitespace().collect();
            if let [det, head] = words.as_slice() {
                if det.eq_ignore_ascii_case("the") {
                    if let Some(i) = people.resolve_role(&head.to_lowercase(), pos) {
                        return Some(person_ref(people, i));
                    }
                }
            }
            Some(SpeakerRef {
                kind: SpeakerKind::Anonymous,
                name: phrase.clone(),
                gender: Gender::Unknown,
                roles: role,
            })
        }
    }
}

/// Full, partial, term or nested.
fn kind_of(ctx: &Context, qi: usize, att: Option<&Attribution>) -> QuoteKind {
    let q = &ctx.quotes[qi];
    if q.parent.is_some() {
        return QuoteKind::Nested;
    }
    let text = &ctx.text[q.inner.start..q.inner.end];
    // Counted up to 7: no rule below asks more, and quotes run long.
    let words = crate::text::word_count_upto(text, 7);
    let Some((a, _)) = ctx.quote_tokens[qi] else {
        return QuoteKind::Partial;
    };
    let toks = ctx.block_tokens(q.block);
    let (lo, _) = ctx.left_context(qi);
    let prev = (a > lo).then(|| &toks[a - 1]);
    let prev2 = (a > lo + 1).then(|| &toks[a - 2]);
    let after_label = prev.is_some_and(|t| t.is_word && LABEL_CUE.has(&t.lower()))
        || (prev.is_some_and(|t| matches!(t.lower().as_str(), "a" | "an" | "the" | "as" | "of"))
            && prev2.is_some_and(|t| t.is_word && LABEL_CUE.has(&t.lower()))
            && att.is_none_or(|a| a.sieve != SieveName::MentionCueQuote));
    if after_label && words <= 6 {
        return QuoteKind::Term;
    }
    let starts_upper = text
        .chars()
        .find(|&c| crate::text::is_alnum(c))
        .is_some_and(|c| c.is_uppercase() || c.is_numeric());
    // The quote opens its sentence, or follows its cue and a comma or colon.
    let opens_clause = a == lo || prev.is_some_and(|t| t.is_punct(",:—–-"));
    if att.is_none() && words <= 4 && !(opens_clause && starts_upper && words >= 3) {
        return QuoteKind::Term;
    }
    if opens_clause && (starts_upper || words >= 6) && words >= 2 {
        QuoteKind::Full
    } else {
        QuoteKind::Partial
    }
}

/// Helpers for the extraction tests of this module and its sieves.
#[cfg(test)]
pub(crate) mod test_support {
    use crate::load::Source;

    /// `text` read and cleaned as one plain-text article.
    pub fn article(text: &str) -> crate::model::Article {
        let source = Source {
            file: "t.txt".into(),
            text: text.to_string(),
            ..Source::default()
        };
        crate::clean::clean(&source)
    }

    /// Extracts `text` as one plain-text article.
    pub fn extract_text(text: &str) -> super::Extraction {
        super::extract_alone(&article(text))
    }

    /// The innermost quote with `words` when `text` is extracted as one
    /// plain-text article.
    pub fn quote_with(text: &str, words: &str) -> Option<super::ExtractedQuote> {
        let article = article(text);
        let found = super::extract_alone(&article);
        found
            .quotes
            .into_iter()
            .filter(|q| q.text(&article.text.get()).contains(words))
            .min_by_key(|q| q.span.end - q.span.start)
    }

    /// Who the innermost quote with `words` in `text` is attributed to.
    pub fn speaker_of(text: &str, words: &str) -> Option<String> {
        quote_with(text, words)?.speaker.map(|s| s.name)
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::speaker_of;

    /// A record whose title is given apart from its text: the body's first
    /// paragraph is body, and a name in it is learned as in any other
    /// (audit: "Brun" where the same text as a file gave Colette Brun).
    #[test]
    fn a_records_first_paragraph_is_body_when_its_title_is_given_apart() {
        let source = crate::load::Source {
            file: "wire.json".into(),
            text: "Mayor Colette Brun has backed the repairs. “Safety comes first,” Brun said on Friday.".into(),
            meta: crate::load::SourceMeta {
                title: Some("Repairs backed".into()),
                ..Default::default()
            },
            ..Default::default()
        };
        let article = crate::clean::clean(&source);
        let found = super::extract_alone(&article);
        let speakers: Vec<_> = found
            .quotes
            .iter()
            .filter_map(|q| q.speaker.as_ref())
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(speakers, ["Colette Brun"]);
    }

    /// A quote's terms come from its own tokens, negated after a negation
    /// just before a fragment; tokens that do not follow a quote's edges
    /// or that lie in two paragraphs are not used.
    #[test]
    fn a_quotes_terms_are_its_own_words_and_a_negation_before_a_fragment() {
        use crate::relate::terms::Term;
        let text = "A title for the test\n\nThe mayor would not pay “one cent more” for the bridge, Ana Brook said.\n\n“We will pay one cent more,” Rob Lane said.";
        let article = super::test_support::article(text);
        let terms = super::TermsWanted {
            article: false,
            quotes: true,
            search: false,
        };
        let first = super::extract_first(&article, None, terms);
        let quotes = &first.extraction.quotes;
        assert_eq!(quotes.len(), 2);
        assert_eq!(quotes[0].kind, crate::model::QuoteKind::Partial);
        let runs: Vec<Vec<Term>> = first
            .quote_terms
            .expect("asked for")
            .iter()
            .map(<[Term]>::to_vec)
            .collect();
        assert_eq!(runs.len(), 2);
        // "not one cent more", and "one" in "pay one cent more".
        let one = |run: &[Term]| *run.iter().find(|t| t.number).expect("a number");
        assert!(one(&runs[0]).negated, "{:?}", runs[0]);
        assert!(!one(&runs[1]).negated, "{:?}", runs[1]);
        assert_eq!(one(&runs[0]).stem, one(&runs[1]).stem);

        let text = article.text.get();
        let raw = super::quotes::find_quotes(&text, &article.blocks);
        let ctx = super::Context::new(&text, None, &article.blocks, &raw);
        let at = text.find("cent more").unwrap();
        let words = |toks: &[crate::text::Token]| toks.iter().map(|t| t.text.to_string()).collect::<Vec<_>>();
        assert_eq!(
            ctx.tokens_within(at, at + 9).map(words),
            Some(vec!["cent".into(), "more".into()])
        );
        assert_eq!(ctx.tokens_within(at + 1, at + 9), None, "from inside a word");
        assert_eq!(ctx.tokens_within(at, at + 8), None, "to inside a word");
        let next = text.find("We will").unwrap();
        assert_eq!(ctx.tokens_within(at, next + 7), None, "across paragraphs");
        // A span the tokens do not follow is split alone, as the text's
        // vectors split it: "ent" is a word of its own there.
        let mut odd = quotes[1].clone();
        let at = text.rfind("cent more").unwrap();
        odd.span = crate::model::Span::new(at + 1, at + 9);
        let runs = super::terms_of_quotes(&ctx, std::slice::from_ref(&odd));
        let alone = crate::relate::terms::terms("ent more");
        assert_eq!(runs.iter().next(), Some(alone.as_slice()));
        assert!(!alone.is_empty(), "\"ent\" is a term");
    }

    #[test]
    fn it_and_they_are_the_organisation_group_or_document_before() {
        let text = "A title for the test\n\nThe Halden staff association sent a letter to the board this month.\n\n“We have accepted decades of back-room deals,” it said.";
        let got = speaker_of(text, "back-room deals");
        assert!(
            got.as_deref().is_some_and(|s| s.contains("staff association")),
            "{got:?}"
        );
        // A person in between: "it" is nobody the article names.
        let text = "A title for the test\n\nThe Halden staff association sent a letter.\n\nMayor Ilona Brandt read it aloud on Monday.\n\n“This must change,” it said.";
        assert_eq!(speaker_of(text, "must change"), None);
        // "they" in the clause after its group.
        let text = "A title for the test\n\nSenate Democrats blocked the bill because they said the language was an untenable “poison pill” for clinics.";
        assert_eq!(speaker_of(text, "poison pill").as_deref(), Some("Senate Democrats"));
        // The group after the conjunction that opens the sentence before.
        let text = "A title for the test\n\nSome of the victims have become familiar names. But the protesters also paid tribute to young men like Aron Vask, 22.\n\nAs they made their way down Broad Street, they chanted “stop the shootings” and more.";
        assert_eq!(
            speaker_of(text, "stop the shootings").as_deref(),
            Some("the protesters")
        );
        // A group's phrase ends at its verb: "the commission", not "the
        // commission recognized"; "those surveyed" are a group.
        let text = "A title for the test\n\nThe commission recognized that a suitable court should settle the matter — “so that all election officials know once and for all.”";
        assert_eq!(
            speaker_of(text, "election officials").as_deref(),
            Some("The commission")
        );
        let text = "A title for the test\n\nThose surveyed called the plan “a waste of public money and time.”";
        assert_eq!(speaker_of(text, "waste of public").as_deref(), Some("Those surveyed"));
    }

    #[test]
    fn a_document_is_its_issuers_only_when_one_issuer_sent_it() {
        // In reported speech the issuer is the inner clause's subject.
        let text = "A title for the test\n\nThe Halden Courier said Tavra Olden provided a written statement on Monday.\n\n“The mayor regrets the delay,” the statement said.";
        assert_eq!(speaker_of(text, "regrets the delay").as_deref(), Some("Tavra Olden"));
        // "Fox News said in a statement": the subject itself.
        let text = "A title for the test\n\nTavra Olden said in a statement on Monday that the port would close.\n\n“The mayor regrets the delay,” the statement said.";
        assert_eq!(speaker_of(text, "regrets the delay").as_deref(), Some("Tavra Olden"));
        // A cue with its own object or clause: still the subject's.
        let text = "A title for the test\n\nMayor Tavra Olden told the Courier in a statement that the port would close.\n\n“The mayor regrets the delay,” the statement said.";
        assert_eq!(speaker_of(text, "regrets the delay").as_deref(), Some("Tavra Olden"));
        // Two issuers: the document stays the speaker.
        let text = "A title for the test\n\nTavra Olden and campaign spokesman Ilvra Dunmore worked to craft the statement overnight.\n\n“The mayor regrets the delay,” read the statement.";
        assert_eq!(speaker_of(text, "regrets the delay").as_deref(), Some("the statement"));
    }

    #[test]
    fn a_name_given_to_men_and_women_takes_the_gender_the_articles_pronouns_give() {
        // "Lee" is a man's name in the lexicon; this Lee Varsten is a woman
        // (her "She said" settles it), so the last "she" is hers: as a man
        // she was no candidate for it, and it went to Justice Brask.
        let text = "A title for the test\n\nThe ranking is from an analysis by Lee Varsten, a law professor in Port Hallin. She said the court had moved.\n\nJustice Brask is among the most conservative, Professor Varsten said.\n\n“It is still the Halden court,” she said.";
        assert_eq!(
            speaker_of(text, "still the Halden court").as_deref(),
            Some("Lee Varsten")
        );
    }

    #[test]
    fn a_holiday_names_nobody_before_the_sentences_subject() {
        let text = "A title for the test\n\nCouncillor Brask closed the comment pages of the Halden Courier. The mood alarms many, including Chancellor Angela Dunmore. In her New Year speech, Dunmore, who has adopted one of the most open policies in the region toward people fleeing war in the south, warned against hate.\n\nHer countrymen, she said, should not listen to “those with coldness in their hearts.”";
        assert_eq!(
            speaker_of(text, "coldness in their hearts").as_deref(),
            Some("Angela Dunmore")
        );
    }

    #[test]
    fn an_expert_with_two_words_of_field_is_a_title_before_the_name() {
        let text = "A title for the test\n\n“It will annoy them,” Courier columnist Ilvra Dunmore wrote Friday. Experts expect the press to follow. “We can call this right now,” election law expert Tavra Olden tweeted Monday.";
        assert_eq!(speaker_of(text, "call this right now").as_deref(), Some("Tavra Olden"));
    }

    #[test]
    fn the_last_of_a_list_after_its_serial_comma_is_no_subject() {
        let text = "A title for the test\n\n“We show anger,” said Tavo Harrin, who ranked the mayor behind Ilse Varga, Senator Brek Olden, and Senator Mirek Dalt.\n\n“We are alive,” he said.";
        assert_eq!(speaker_of(text, "We are alive").as_deref(), Some("Tavo Harrin"));
    }

    #[test]
    fn a_list_needs_three_names_and_a_clause_of_its_own_is_no_list() {
        let text = "A title for the test\n\nSheriff Dalt Varn defended the raid. Police arrested Tavo Harrin, and Brek Olden said the arrest was overdue.\n\n“He had it coming,” he said.";
        assert_eq!(speaker_of(text, "He had it coming").as_deref(), Some("Brek Olden"));
    }

    #[test]
    fn a_role_that_says_is_found_past_a_proper_name_and_after_a_quote() {
        // The name scan jumps over "and the" after "Halden Foundation".
        let text = "A title for the test\n\nAdmiral Orvan Treffel commands the fleet. Commentator Dusan Pelk wrote that the admiral was reckless. The money went to the Halden Foundation and the admiral said it was a gift.\n\n“It is not true,” he said.";
        assert_eq!(speaker_of(text, "It is not true").as_deref(), Some("Orvan Treffel"));
        // A capital "The" after a quote that ends its sentence.
        let text = "A title for the test\n\nAdmiral Orvan Treffel commands the fleet. Commentator Dusan Pelk wrote that the admiral was “reckless.” The admiral said it was a gift.\n\n“It is not true,” he said.";
        assert_eq!(speaker_of(text, "It is not true").as_deref(), Some("Orvan Treffel"));
    }

    #[test]
    fn a_role_in_reported_speech_names_no_subject() {
        let text = "A title for the test\n\nGovernor Tavo Harrin signed the bill. Mayor Brek Olden said the governor told him the deal was dead.\n\n“I was stunned,” he said.";
        assert_eq!(speaker_of(text, "I was stunned").as_deref(), Some("Brek Olden"));
    }

    #[test]
    fn a_role_that_says_names_its_holder_for_the_pronouns_after_it() {
        let text = "A title for the test\n\nAdmiral Orvan Treffel commands the fleet. Commentator Dusan Pelk wrote that the admiral was reckless. The comments had two goals, the admiral said.\n\n“It is not true,” he said.";
        assert_eq!(speaker_of(text, "It is not true").as_deref(), Some("Orvan Treffel"));
    }

    #[test]
    fn a_surname_before_a_generational_suffix_is_the_family_name() {
        let text = "A title for the test\n\nAdm. Harry B. Treffel Jr. leads the command.\n\n“We are ready,” Admiral Treffel said.";
        assert_eq!(speaker_of(text, "We are ready").as_deref(), Some("Harry B. Treffel Jr"));
        // Two men with a "Jr." in one article stay two.
        let text = "A title for the test\n\nJoseph R. Varnik Jr. met Gen. Joseph F. Dalmer Jr. on Monday.\n\n“We are ready,” Joseph F. Dalmer Jr. said.";
        assert_eq!(speaker_of(text, "We are ready").as_deref(), Some("Joseph F. Dalmer Jr"));
        // "President Varnik" is not the son the article names in full.
        let text = "A title for the test\n\nDonald Varnik Jr. spoke first.\n\n“We are ready,” President Varnik said.";
        assert_eq!(speaker_of(text, "We are ready").as_deref(), Some("Varnik"));
    }

    #[test]
    fn quotes_before_a_sentences_closing_attribution_share_it() {
        let text = "A title for the test\n\nTaxes are “a quiet theft” and “a drag on growth,” Ilse Varga, the former treasurer of Port Hallin, told the council.";
        assert_eq!(speaker_of(text, "quiet theft").as_deref(), Some("Ilse Varga"));
        assert_eq!(speaker_of(text, "drag on growth").as_deref(), Some("Ilse Varga"));
        // Other words between: the first quote is not in the same breath.
        let text = "A title for the test\n\nTaxes are “a quiet theft” in the long run, and “a drag on growth,” Ilse Varga, the former treasurer, told the council.";
        assert_ne!(speaker_of(text, "quiet theft").as_deref(), Some("Ilse Varga"));
        assert_eq!(speaker_of(text, "drag on growth").as_deref(), Some("Ilse Varga"));
    }

    #[test]
    fn a_surname_that_is_also_a_title_ends_a_name_after_a_first_name() {
        let text = "A title for the test\n\n“Taxes are high,” Howard Dean said on Monday. “We win,” said Rob Bishop.";
        assert_eq!(speaker_of(text, "Taxes are high").as_deref(), Some("Howard Dean"));
        assert_eq!(speaker_of(text, "We win").as_deref(), Some("Rob Bishop"));
        // Before a name, the title it is.
        let text = "A title for the test\n\n“We lose,” Dean Tomas Reel said.";
        assert_eq!(speaker_of(text, "We lose").as_deref(), Some("Tomas Reel"));
    }

    #[test]
    fn a_quote_no_cue_brings_in_is_its_sentence_subjects_and_is_not_passed_on() {
        let text = "A title for the test\n\nIn the depths of the slump, Ilse Varga worried the fund was becoming “a hammock that lulls able people to lives of idleness.” Tomas Reel’s “ninety percent” remark was as dismissive.";
        assert_eq!(speaker_of(text, "a hammock").as_deref(), Some("Ilse Varga"));
        // The next quote, a term, is nobody's: the guess is not continued.
        let term = super::test_support::quote_with(text, "ninety percent").expect("found");
        assert_eq!(
            (term.kind, term.speaker.as_ref()),
            (crate::model::QuoteKind::Term, None)
        );
        // A term stays a term.
        let text = "A title for the test\n\nVarga wore a “vote early” badge on Tuesday.";
        assert_eq!(speaker_of(text, "vote early"), None);
    }

    #[test]
    fn a_gender_hint_matters_only_where_it_differs_from_the_articles_guess() {
        use super::mentions::Gender;
        let guesses = |text: &str| {
            super::extract_first(&super::test_support::article(text), None, Default::default()).gender_guesses
        };
        let key = |g| vec![("zorvan kell".to_string(), g)];
        // The article's pronouns make Kell a man: no hint can change that.
        let text = "A title for the test\n\nZorvan Kell opened the plant on Monday, and he spoke for an hour.\n\n“We are ready,” he said.";
        assert_eq!(guesses(text), vec![]);
        // One "she" and one "he": unknown, but a "he" was taken as Kell.
        let text = "A title for the test\n\nZorvan Kell met the board. She left early.\n\n“We are ready,” he said.";
        assert_eq!(guesses(text), key(Gender::Male));
        // A first name that tells: nothing to learn.
        let text = "A title for the test\n\nMary Kell opened the plant.\n\n“We are ready,” she said.";
        assert_eq!(guesses(text), vec![]);
    }

    #[test]
    fn the_articles_own_pronouns_outweigh_a_corpus_hint() {
        let article = super::test_support::article("A title for the test\n\nAdmiral Kell toured the base on Monday. He met the crew.\n\n“We are ready for anything,” he said.");
        // Another article's Kell was a woman.
        let hints = [("kell".to_string(), super::mentions::Gender::Female)]
            .into_iter()
            .collect();
        let found = super::extract(&article, &hints);
        let speaker = found
            .quotes
            .first()
            .and_then(|q| q.speaker.as_ref())
            .map(|s| s.name.as_str());
        assert_eq!(speaker, Some("Kell"));
    }

    #[test]
    fn she_after_an_unnamed_woman_who_spoke_is_that_woman() {
        let text = "A title for the test\n\nIlse Varga runs the bakery on the quay.\n\nA cashier was shaken by the talk. “One man came in and said we should close the harbour to them,” said the woman, who did not want to be named. “Too much hate,” she said, blaming some of it on the mayor.";
        assert_eq!(
            super::test_support::speaker_of(text, "Too much hate").as_deref(),
            Some("the woman")
        );
        // Not a role that names someone again.
        let text = "A title for the test\n\nIlse Varga spoke at the harbour.\n\n“We will open the quay,” said the senator. “Too much hate,” she said, blaming some of it on the mayor.";
        assert_eq!(
            super::test_support::speaker_of(text, "Too much hate").as_deref(),
            Some("Ilse Varga")
        );
        // Nor someone the word does not give a gender to.
        let text = "A title for the test\n\nMarek Lind spoke for an hour. “He tells it like it is,” said a supporter, a retired teacher. “We are going to win this one,” he said.";
        assert_eq!(
            super::test_support::speaker_of(text, "going to win").as_deref(),
            Some("Marek Lind")
        );
        // The head before its modifier: "a widow from Dorval".
        let text = "A title for the test\n\nIlse Varga runs the bakery.\n\n“The harbour was our life,” said a widow from Dorval. “Now it is gone,” she said.";
        assert_eq!(
            super::test_support::speaker_of(text, "Now it is gone").as_deref(),
            Some("a widow from Dorval")
        );
    }

    #[test]
    fn she_after_the_woman_a_story_brings_in_is_that_woman() {
        let text = "A title for the test\n\n“He used a vulgar word,” wrote Otto Vane in the Courier.\n\nThe woman who started it all identified herself to reporters as a 52-year-old resident named Cora.\n\n“He truly cares about the people,” she said of Vane.\n\nShe said she had no plans to yell anything, but it just happened.\n\n“It just came out of my mouth,” she said. “It was not like I thought about it.”";
        assert_eq!(speaker_of(text, "truly cares").as_deref(), Some("The woman"));
        assert_eq!(speaker_of(text, "out of my mouth").as_deref(), Some("The woman"));
        assert_eq!(speaker_of(text, "thought about it").as_deref(), Some("The woman"));
        // Not a role that names someone again: "the senator who".
        let text = "A title for the test\n\nMara Velde spoke at the harbour.\n\nThe senator who started it all spoke to reporters on Monday.\n\n“We will open the quay,” she said.";
        assert_eq!(speaker_of(text, "open the quay").as_deref(), Some("Mara Velde"));
        // Nor a named woman described again.
        let text = "A title for the test\n\nMara Velde took the stage on Monday.\n\nThe woman who would lead the party told the crowd she was ready. “We will win,” she said.";
        assert_eq!(speaker_of(text, "We will win").as_deref(), Some("Mara Velde"));
    }

    #[test]
    fn he_is_not_someone_his_own_words_name_with_a_title() {
        let text = "A title for the test\n\nOtto Vane's campaign manager, Ivo Marek, spoke on Monday. The ads will pay off, Vane said.\n\n“There was a question about whether Senator Vane's message could go toe to toe with the party, and he proved that we could,” he said. “A victory here amplifies that.”";
        assert_eq!(speaker_of(text, "toe to toe").as_deref(), Some("Ivo Marek"));
        // The quotes of the same "he" go with it.
        assert_eq!(speaker_of(text, "amplifies that").as_deref(), Some("Ivo Marek"));
        // Named without a title, he may be speaking of himself; so after a
        // lowercase word ("the new Vane hotel") or one of party.
        for named in ["Vane's", "new Vane", "Republican Vane's"] {
            let text = text.replace("Senator Vane's", named);
            assert_eq!(speaker_of(&text, "toe to toe").as_deref(), Some("Otto Vane"), "{named}");
        }
        // Two of that surname: the other may be meant.
        let text = text.replace("spoke on Monday", "spoke on Monday with Lena Vane");
        assert_eq!(speaker_of(&text, "toe to toe").as_deref(), Some("Otto Vane"));
    }
}
