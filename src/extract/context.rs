//! The per-article view the sieves work on: tokens per paragraph, sentence
//! boundaries that ignore punctuation inside quotes, and each quote's left
//! and right context within its sentence.

use super::quotes::RawQuote;
use crate::model::Block;
use crate::text::{is_abbreviation, token_room, tokenize_lowered_into, Token};

pub struct Context<'a> {
    pub text: &'a str,
    pub blocks: &'a [Block],
    pub quotes: &'a [RawQuote],
    /// Tokens of every block in turn, with absolute offsets: one vector
    /// for the article ([`Context::block_tokens`] gives a block's).
    tokens: Vec<Token<'a>>,
    /// Where each block's tokens start in `tokens`, and their end last.
    block_starts: Vec<usize>,
    /// For each block, token indices where a sentence starts (first is 0).
    pub sentences: Vec<Vec<usize>>,
    /// For each top-level quote: token range of the open mark ..= close mark.
    pub quote_tokens: Vec<Option<(usize, usize)>>,
    /// Whether each token (as in `tokens`) lies inside a top-level quote.
    quoted: Vec<bool>,
    /// Top-level quote spans (open mark .. past close mark), sorted.
    quote_spans: Vec<(usize, usize)>,
    /// Each top-level quote's [`Context::left_context`], worked out once:
    /// the sieves ask it three times a quote, and each time went through
    /// the article's quotes (1.3% of extraction; callgrind).
    left_contexts: Vec<Option<(usize, usize)>>,
    /// Each block's top-level quotes, in order: those of block `b` are
    /// `block_quotes[block_quote_starts[b]..block_quote_starts[b + 1]]`
    /// (asked of every quote, a walk through the article's quotes made an
    /// article of thousands of quotes take minutes).
    block_quote_starts: Vec<usize>,
    block_quotes: Vec<usize>,
}

impl<'a> Context<'a> {
    /// The context of `text`; `lower` is its lowercase byte for byte, when
    /// there is one ([`crate::text::lowercase_in_place_of`]), so that words
    /// are lowered once.
    pub fn new(text: &'a str, lower: Option<&'a str>, blocks: &'a [Block], quotes: &'a [RawQuote]) -> Self {
        // A lowercase that does not fit the text is not used.
        let lower = lower.filter(|l| l.len() == text.len());
        let mut tokens = Vec::with_capacity(token_room(text.len()));
        let mut block_starts = Vec::with_capacity(blocks.len() + 1);
        for b in blocks {
            block_starts.push(tokens.len());
            let (from, to) = (b.span.start(), b.span.end());
            tokenize_lowered_into(&text[from..to], lower.and_then(|l| l.get(from..to)), from, &mut tokens);
        }
        block_starts.push(tokens.len());
        let mut quote_tokens = vec![None; quotes.len()];
        for (qi, q) in quotes.iter().enumerate() {
            if q.parent.is_some() {
                continue;
            }
            let toks = &tokens[block_starts[q.block]..block_starts[q.block + 1]];
            // Tokens are in order and apart: found by halving, not by a
            // walk through a paragraph of thousands of quotes.
            let a = Some(toks.partition_point(|t| t.start < q.open)).filter(|&a| a < toks.len());
            let z = toks.partition_point(|t| t.end <= q.close).checked_sub(1);
            if let (Some(a), Some(z)) = (a, z) {
                if a <= z {
                    quote_tokens[qi] = Some((a, z));
                }
            }
        }
        let mut quoted = vec![false; tokens.len()];
        for (qi, q) in quotes.iter().enumerate() {
            if let Some((a, z)) = quote_tokens[qi] {
                let start = block_starts[q.block];
                quoted[start + a..=start + z].iter_mut().for_each(|x| *x = true);
            }
        }
        let mut quote_spans: Vec<(usize, usize)> = quotes
            .iter()
            .filter(|q| q.parent.is_none())
            .map(|q| (q.open, q.close))
            .collect();
        quote_spans.sort_unstable();
        let mut ctx = Context {
            text,
            blocks,
            quotes,
            tokens,
            block_starts,
            sentences: Vec::new(),
            quote_tokens,
            quoted,
            quote_spans,
            left_contexts: Vec::new(),
            block_quote_starts: Vec::new(),
            block_quotes: Vec::new(),
        };
        let mut counts = vec![0; blocks.len() + 1];
        for q in quotes.iter().filter(|q| q.parent.is_none() && q.block < blocks.len()) {
            counts[q.block + 1] += 1;
        }
        for b in 0..blocks.len() {
            counts[b + 1] += counts[b];
        }
        let mut filled = counts.clone();
        ctx.block_quotes = vec![0; counts[blocks.len()]];
        for (qi, q) in quotes.iter().enumerate() {
            if q.parent.is_none() && q.block < blocks.len() {
                ctx.block_quotes[filled[q.block]] = qi;
                filled[q.block] += 1;
            }
        }
        ctx.block_quote_starts = counts;
        ctx.sentences = (0..blocks.len()).map(|b| ctx.split_sentences(b)).collect();
        ctx.end_sentences_at_quotes();
        ctx.left_contexts = (0..quotes.len())
            .map(|qi| ctx.quote_tokens[qi].is_some().then(|| ctx.work_out_left_context(qi)))
            .collect();
        ctx
    }

    /// Whether token `i` of block `b` lies inside a top-level quote
    /// (marks included).
    pub fn in_quote(&self, b: usize, i: usize) -> bool {
        let k = self.block_starts[b] + i;
        k < self.block_starts[b + 1] && self.quoted[k]
    }

    /// The block containing byte offset `pos`.
    pub fn block_at(&self, pos: usize) -> Option<usize> {
        crate::model::block_at(self.blocks, pos)
    }

    /// Whether byte offset `pos` lies inside a top-level quote (marks
    /// included).
    pub fn offset_in_quote(&self, pos: usize) -> bool {
        let k = self.quote_spans.partition_point(|&(open, _)| open <= pos);
        k > 0 && pos < self.quote_spans[k - 1].1
    }

    pub fn quotes_in_block(&self, b: usize) -> impl Iterator<Item = (usize, (usize, usize))> + '_ {
        self.with_tokens(self.block_quote_ids(b).iter())
    }

    fn block_quote_ids(&self, b: usize) -> &[usize] {
        match self.block_quote_starts.get(b..b + 2) {
            Some(&[from, to]) => &self.block_quotes[from..to],
            _ => &[],
        }
    }

    fn with_tokens<'s>(
        &'s self,
        ids: impl Iterator<Item = &'s usize> + 's,
    ) -> impl Iterator<Item = (usize, (usize, usize))> + 's {
        ids.filter_map(move |&qi| self.quote_tokens[qi].map(|r| (qi, r)))
    }

    /// The top-level quotes of block `b` that open before quote `qi`,
    /// nearest first, and those that open after it, in order (top-level
    /// quotes do not overlap).
    #[allow(clippy::type_complexity)]
    fn quotes_in_block_around(
        &self,
        b: usize,
        qi: usize,
    ) -> (
        impl Iterator<Item = (usize, (usize, usize))> + '_,
        impl Iterator<Item = (usize, (usize, usize))> + '_,
    ) {
        let ids = self.block_quote_ids(b);
        let open = self.quotes[qi].open;
        let k = ids.partition_point(|&j| self.quotes[j].open < open);
        let after = &ids[k..];
        let after = after.get(..1).filter(|f| f[0] == qi).map_or(after, |_| &after[1..]);
        (self.with_tokens(ids[..k].iter().rev()), self.with_tokens(after.iter()))
    }

    fn split_sentences(&self, b: usize) -> Vec<usize> {
        let toks = self.block_tokens(b);
        let mut starts = vec![0];
        // A headline capitalises "To" and "In" ("U.S. To Ban Imports").
        let body = self.blocks[b].role == crate::model::BlockRole::Body;
        // "WASHINGTON, Dec. 8 (UPI) — In response to …": a dateline is a
        // sentence of its own.
        let dateline = dateline_end(toks);
        for i in 0..toks.len().saturating_sub(1) {
            let t = &toks[i];
            if dateline == Some(i) {
                starts.push(i + 1);
                continue;
            }
            if t.is_word {
                // "… from the U.S. The senator says": no period token ends
                // that sentence (the tokenizer keeps it in the word).
                if body && initialism_end(t.text) && opens_sentence(&toks[i + 1]) && !self.in_quote(b, i) {
                    starts.push(i + 1);
                }
                continue;
            }
            if !t.is_punct(".?!") || self.in_quote(b, i) {
                continue;
            }
            if t.text == "."
                && i > 0
                && toks[i - 1].is_word
                && is_abbreviation(toks[i - 1].text)
                && toks[i - 1].end == t.start
            {
                continue;
            }
            let next = &toks[i + 1];
            let starts_sentence = next.is_cap()
                || next.text.chars().next().is_some_and(|c| c.is_ascii_digit())
                || next.is_punct("“\"‘«(")
                // Any opening quote mark, '' included.
                || self.quote_spans.binary_search_by_key(&next.start, |&(open, _)| open).is_ok();
            if starts_sentence {
                starts.push(i + 1);
            }
        }
        starts
    }

    /// "… like a colony.” Meanwhile, Clinton endorsed …": a quote whose
    /// words end their sentence inside the marks ends the sentence it is in
    /// when a capitalised word follows the closing mark (one pass over the
    /// quotes, after the blocks are split at their own stops).
    fn end_sentences_at_quotes(&mut self) {
        let mut changed = Vec::new();
        for (qi, q) in self.quotes.iter().enumerate() {
            let Some((a, z)) = self.quote_tokens[qi] else { continue };
            let toks = self.block_tokens(q.block);
            let Some(next) = toks.get(z + 1).filter(|t| t.is_word && t.is_cap()) else {
                continue;
            };
            if !(z > a + 1 && ends_inside_marks(toks, a, z)) {
                continue;
            }
            // A short title or slogan runs on before a day or a month
            // ("“Build the wall!” Tuesday night").
            let short = (a..z).filter(|&k| toks[k].is_word).nth(3).is_none();
            let when = short && {
                let l = next.lower();
                crate::lexicon::WEEKDAYS.contains(&l.as_str()) || crate::lexicon::MONTHS.contains(&l.as_str())
            };
            if !when {
                changed.push((q.block, z + 1));
            }
        }
        for &(b, start) in &changed {
            self.sentences[b].push(start);
        }
        changed.dedup_by_key(|c| c.0);
        for &(b, _) in &changed {
            self.sentences[b].sort_unstable();
            self.sentences[b].dedup();
        }
    }

    /// Token range [start, end) of the sentence containing token `i`.
    pub fn sentence_of(&self, b: usize, i: usize) -> (usize, usize) {
        let s = &self.sentences[b];
        let k = s.partition_point(|&x| x <= i);
        let start = s[k - 1];
        let end = s.get(k).copied().unwrap_or(self.block_tokens(b).len());
        (start, end)
    }

    /// Tokens before quote `qi` in its sentence, after any earlier quote.
    pub fn left_context(&self, qi: usize) -> (usize, usize) {
        self.left_contexts[qi].expect("top-level quote")
    }

    fn work_out_left_context(&self, qi: usize) -> (usize, usize) {
        let b = self.quotes[qi].block;
        let (a, _) = self.quote_tokens[qi].expect("top-level quote");
        let (s, _) = self.sentence_of(b, a);
        // A short name in marks within the clause ("the reality show “The
        // Apprentice,” listed …") does not end it either. Asked of the
        // quote before only, and of the others when it is one (rare).
        let close = |(_, (_, z)): (usize, (usize, usize))| z + 1;
        // Not one a cue brings in ("Vane shouted “Never” as aides …").
        let titled = |qj: usize| {
            self.is_embedded_name(qj)
                && self.quote_tokens[qj]
                    .is_some_and(|(qa, _)| !crate::lexicon::SPEECH_CUE.has(&self.block_tokens(b)[qa - 1].lower()))
        };
        // The block's quotes before it, nearest first (in text order, they
        // close in turn).
        let before = || self.quotes_in_block_around(b, qi).0.filter(|&(_, (_, z))| z < a);
        let prev_close = match before().next() {
            Some((qj, _)) if titled(qj) => before().find(|&(qk, _)| !titled(qk)).map_or(0, close),
            last => last.map_or(0, close),
        };
        (s.max(prev_close), a)
    }

    /// Tokens after quote `qi` up to the end of the sentence that follows
    /// its closing mark, or the next quote.
    pub fn right_context(&self, qi: usize) -> (usize, usize) {
        let b = self.quotes[qi].block;
        let (_, z) = self.quote_tokens[qi].expect("top-level quote");
        let toks = self.block_tokens(b);
        let from = z + 1;
        if from >= toks.len() {
            return (from, from);
        }
        let (_, send) = self.sentence_of(b, from);
        // A short name in marks within the clause does not end it.
        let next_open = self
            .quotes_in_block_around(b, qi)
            .1
            .find(|&(qj, (a, _))| a > z && !self.is_embedded_name(qj))
            .map_or(toks.len(), |(_, (a, _))| a);
        (from, send.min(next_open))
    }

    /// A top-level quote of three capitalised words or fewer that runs on
    /// in its phrase, a word before it and a lowercase one after ("wearing
    /// a cowboy hat and “Ted Cruz” campaign pins"): a name, not words said.
    pub fn is_embedded_name(&self, qi: usize) -> bool {
        let Some((a, z)) = self.quote_tokens[qi] else {
            return false;
        };
        let toks = self.block_tokens(self.quotes[qi].block);
        z - a <= 4
            && a > 0
            && toks[a - 1].is_word
            && toks[a + 1..z].iter().all(|t| !t.is_word || t.is_cap())
            && toks.get(z + 1).is_some_and(|t| t.is_word && !t.is_cap())
    }

    /// The tokens of block `b`.
    pub fn block_tokens(&self, b: usize) -> &[Token<'a>] {
        &self.tokens[self.block_starts[b]..self.block_starts[b + 1]]
    }

    /// The tokens of the text from `start` to `end`, when they are the
    /// ones that text alone splits into: within one block, and no token
    /// running over either end.
    pub fn tokens_within(&self, start: usize, end: usize) -> Option<&[Token<'a>]> {
        // Blocks are in text order: the first that ends at or after `end`.
        let b = self.blocks.partition_point(|bl| bl.span.end() < end);
        if self.blocks.get(b)?.span.start() > start {
            return None;
        }
        let toks = self.block_tokens(b);
        let first = toks.partition_point(|t| t.start < start);
        let last = toks.partition_point(|t| t.start < end);
        let runs_in = first > 0 && toks[first - 1].end > start;
        let runs_out = last > first && toks[last - 1].end > end;
        (!runs_in && !runs_out).then(|| &toks[first..last])
    }
}

/// The dash that ends a wire story's dateline opening a paragraph
/// ("WASHINGTON, Dec. 8 (UPI) —", "BEIRUT (AP) —"): a word in capitals,
/// then only capitalised words, numbers and punctuation, and after the
/// dash (or dashes: "--") a capitalised word or a quote mark. Not "NATO —
/// which Trump has called obsolete — said", an aside.
fn dateline_end(toks: &[Token]) -> Option<usize> {
    let first = toks.first()?;
    let capitals = |t: &Token| t.text.len() >= 2 && t.text.chars().all(|c| c.is_uppercase() || c == '.' || c == '-');
    if !first.is_word || !capitals(first) {
        return None;
    }
    let is_dash = |t: &Token| t.is_punct("—–") || t.text == "-";
    let dash = toks.iter().take(12).position(is_dash)?;
    let last_dash = dash + toks[dash..].iter().take_while(|t| is_dash(t)).count() - 1;
    let plain = toks[1..dash]
        .iter()
        .all(|t| !t.is_word || t.is_cap() || t.text.chars().all(|c| c.is_ascii_digit()));
    let opens = toks
        .get(last_dash + 1)
        .is_some_and(|t| t.is_word && t.is_cap() || t.is_punct("“\"‘«"));
    (dash > 0 && plain && opens).then_some(last_dash)
}

/// Whether the quoted words between the marks at tokens `a` and `z` end
/// their sentence: a stop, "?" or "!" last, before the closing mark (and
/// any mark of a nested quote or a second apostrophe). Not an
/// abbreviation's stop ("… Inc.”").
pub fn ends_inside_marks(toks: &[Token], a: usize, z: usize) -> bool {
    (a + 1..z)
        .rev()
        .find(|&k| !toks[k].is_punct("'’”\"»"))
        .is_some_and(|k| {
            toks[k].is_punct(".?!")
                && !(toks[k].text == "."
                    && k > a + 1
                    && is_abbreviation(toks[k - 1].text)
                    && toks[k - 1].end == toks[k].start)
        })
}

/// "U.S.", "D.C.", "p.m.": single letters and stops to the end, the
/// tokenizer having kept the final one; not "a.k.a." or "e.g.", which a
/// name follows.
fn initialism_end(w: &str) -> bool {
    let b = w.as_bytes();
    let n = b.len();
    n >= 4
        && b[n - 1] == b'.'
        && b[n - 2].is_ascii_alphanumeric()
        && b[n - 3] == b'.'
        && !matches!(w, "a.k.a." | "e.g." | "i.e.")
}

/// A capitalised word that only opens a sentence ("The", "He", "But"):
/// after "U.S." it starts the next one ("… into the U.S. The groups say").
fn opens_sentence(t: &Token) -> bool {
    if !t.is_word || !t.is_cap() {
        return false;
    }
    // Pronouns, determiners and prepositions, which never follow "U.S."
    // in one sentence.
    const CLOSED: &[&str] = &[
        "the", "a", "an", "he", "she", "it", "they", "we", "you", "his", "her", "its", "their", "our", "in", "on",
        "at", "by", "for", "if", "as", "to",
    ];
    let l = t.lower();
    CLOSED.contains(&&*l) || crate::lexicon::SENTENCE_OPENER.has(&l)
}
