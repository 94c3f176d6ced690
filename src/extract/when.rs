//! Which time expression tells when a quote was said: the one nearest its
//! attribution in the quote's sentence, outside the quoted words; "at the
//! time" takes the last date mentioned before it; a quote with none takes
//! the same speaker's previous dated quote nearby ("she added").

use super::context::Context;
use super::sieves::Attribution;
use super::ExtractedQuote;
use crate::model::{DateOrigin, TimeMention, TimeRef};
use crate::resolve::when::{find, Expr};

/// How far back (in paragraphs) "at the time" looks for its event, and a
/// quote looks for the same speaker's dated quote.
const LOOK_BACK: usize = 2;

/// The time expression for each quote (indices as in `ctx.quotes`).
pub fn time_mentions(ctx: &Context, atts: &[Option<Attribution>]) -> Vec<Option<TimeMention>> {
    let mut out: Vec<Option<TimeMention>> = vec![None; ctx.quotes.len()];
    for qi in 0..ctx.quotes.len() {
        if ctx.quotes[qi].parent.is_some() {
            continue;
        }
        out[qi] = own_time(ctx, qi, atts[qi].as_ref());
    }
    // Nested quotes were said when their outer quote was reported.
    for qi in 0..ctx.quotes.len() {
        let mut top = qi;
        while let Some(p) = ctx.quotes[top].parent {
            top = p;
        }
        if top != qi {
            out[qi] = out[top].clone();
        }
    }
    out
}

fn own_time(ctx: &Context, qi: usize, att: Option<&Attribution>) -> Option<TimeMention> {
    let b = ctx.quotes[qi].block;
    let (a, z) = ctx.quote_tokens[qi]?;
    let toks = ctx.block_tokens(b);
    // The attribution's position, when it is in the quote's paragraph.
    let anchor = att
        .map(|at| at.np.span.start)
        .filter(|&p| ctx.block_at(p) == Some(b))
        .map(|p| toks.partition_point(|t| t.start < p))
        .filter(|&k| k < toks.len());
    let lo = anchor.map_or(a, |m| m.min(a));
    let hi = anchor.map_or(z, |m| m.max(z));
    let (from, _) = ctx.sentence_of(b, lo);
    let (_, to) = ctx.sentence_of(b, hi);
    let near = anchor.unwrap_or(a);
    let found = find(toks, from, to, |i| ctx.in_quote(b, i))
        .into_iter()
        .min_by_key(|f| f.start.abs_diff(near).min(f.end.abs_diff(near)))?;
    let evidence = &ctx.text[toks[found.start].start..toks[found.end - 1].end];
    let close = found.start.abs_diff(near).min(found.end.abs_diff(near)) <= 4;
    match found.expr {
        Expr::Ref(time_ref) => Some(TimeMention {
            time_ref,
            origin: DateOrigin::Text,
            evidence: crate::model::Interned::new(evidence),
            confidence: if close { 0.9 } else { 0.75 },
        }),
        Expr::AtTheTime => event_before(ctx, b, found.start).map(|(time_ref, said)| TimeMention {
            time_ref,
            origin: DateOrigin::AtTheTime,
            evidence: crate::model::Interned::new(&format!("{evidence} ({said})")),
            confidence: 0.7,
        }),
    }
}

/// The last time expression before token `k` of block `b`, looking back a
/// few paragraphs: the event "at the time" refers to.
fn event_before(ctx: &Context, b: usize, k: usize) -> Option<(crate::model::TimeRef, String)> {
    for bi in (b.saturating_sub(LOOK_BACK)..=b).rev() {
        let toks = ctx.block_tokens(bi);
        let end = if bi == b { k } else { toks.len() };
        let last = find(toks, 0, end, |i| ctx.in_quote(bi, i))
            .into_iter()
            .rev()
            .find_map(|f| match f.expr {
                Expr::Ref(t) => Some((t, f)),
                Expr::AtTheTime => None,
            });
        if let Some((t, f)) = last {
            return Some((t, ctx.text[toks[f.start].start..toks[f.end - 1].end].to_string()));
        }
    }
    None
}

/// Quotes with no time of their own take the time of the same speaker's
/// previous quote within a couple of paragraphs ("…, she added."), or else
/// of a report of their words just before them ("Speaking on Thursday
/// evening, Brandt said …" and then "“…,” he said."). `quotes` are in text
/// order.
pub fn carry_over(ctx: &Context, quotes: &mut [ExtractedQuote]) {
    // Each sentence's day next to a speech verb, by (block, first token):
    // quotes of one speaker in a row look back over the same sentences.
    let mut reports = SpeechDays::default();
    for i in 0..quotes.len() {
        if quotes[i].time.is_some() {
            continue;
        }
        let Some(speaker) = quotes[i].speaker.as_ref().map(|s| s.name.clone()) else {
            continue;
        };
        let here = ctx.block_at(quotes[i].span.start);
        // In text order: looked back no further than LOOK_BACK paragraphs
        // (all the way, an article of thousands of quotes took minutes).
        let earlier = quotes[..i]
            .iter()
            .rev()
            .map(|p| (p, ctx.block_at(p.span.start)))
            .take_while(|(_, pb)| matches!((pb, here), (Some(pb), Some(hb)) if hb.saturating_sub(*pb) <= LOOK_BACK))
            .map(|(p, _)| p)
            .find(|p| p.speaker.as_ref().is_some_and(|s| s.name == speaker));
        if let Some(t) = earlier.and_then(|p| p.time.clone()) {
            quotes[i].time = Some(TimeMention {
                origin: DateOrigin::Context,
                confidence: (t.confidence - 0.15).max(0.5),
                ..t
            });
        } else if let Some(b) = here {
            quotes[i].time = reported_time(ctx, b, quotes[i].span.start, &speaker, &mut reports);
        }
    }
}

/// The most sentences [`reported_time`] looks back over: "just before"
/// (all of a paragraph, one of thousands of quotes took minutes).
const REPORT_LOOK_BACK: usize = 12;

/// [`speech_day`] of the sentences [`reported_time`] has looked at.
type SpeechDays = rustc_hash::FxHashMap<(usize, usize), Option<SpeechDay>>;

/// The time of the last sentence before `pos` (in block `b` or the one
/// before it) that reports `speaker` speaking on a day: their surname
/// outside quotation marks, and [`speech_day`]. Years and months there
/// mostly date what was spoken of ("said she had voted for him in 2012").
fn reported_time(ctx: &Context, b: usize, pos: usize, speaker: &str, reports: &mut SpeechDays) -> Option<TimeMention> {
    let surname = speaker.rsplit(' ').next()?;
    let mut looked_at = 0;
    for bi in (b.saturating_sub(1)..=b).rev() {
        let toks = ctx.block_tokens(bi);
        let end = if bi == b {
            toks.partition_point(|t| t.start < pos)
        } else {
            toks.len()
        };
        // The sentences that end by `end`, last first.
        let mut sentences = Vec::new();
        let mut s = end;
        while s > 0 && looked_at < REPORT_LOOK_BACK {
            let (from, to) = ctx.sentence_of(bi, s - 1);
            if to <= end {
                sentences.push((from, to));
                looked_at += 1;
            }
            s = from;
        }
        for &(from, to) in &sentences {
            if !(from..to).any(|k| toks[k].text == surname && !ctx.in_quote(bi, k)) {
                continue;
            }
            let day = *reports
                .entry((bi, from))
                .or_insert_with(|| speech_day(ctx, bi, from, to));
            let Some(day) = day else { continue };
            let subject = (from..to)
                .any(|s| toks[s].text == surname && !ctx.in_quote(bi, s) && speaks(toks, (from, to), s, &day, speaker));
            if subject {
                return Some(TimeMention {
                    time_ref: day.time_ref,
                    origin: DateOrigin::Context,
                    evidence: crate::model::Interned::new(&ctx.text[toks[day.start].start..toks[day.end - 1].end]),
                    confidence: 0.6,
                });
            }
        }
    }
    None
}

/// A day a sentence gives next to one of its speech verbs
/// ([`speech_day`]).
#[derive(Debug, Clone, Copy)]
struct SpeechDay {
    time_ref: TimeRef,
    /// Its tokens.
    start: usize,
    end: usize,
    /// The verb's token, and whether it is an opening "Speaking".
    cue: usize,
    speaking: bool,
}

/// Whether the speaker's surname at token `s` of a sentence opening at
/// `from` names who spoke on `day`: the verb's subject, before it ("Anna
/// Berg said", "Berg and Tom Lund said", "Karl Berg, her brother, said"
/// only for a Karl Berg) or just after it ("said Anna Berg"), or
/// the subject after an opening "Speaking … ,"; not the object of a
/// preposition ("a spokesman for Anna Berg said") nor a name in what was
/// said ("Tom Lund said on Sunday that Anna Berg would resign").
fn speaks(toks: &[crate::text::Token], (from, to): (usize, usize), s: usize, day: &SpeechDay, speaker: &str) -> bool {
    let k = day.cue;
    let placed = if day.speaking {
        // A subject after the opening "Speaking … ,", of a verb after it
        // ("Speaking on Sunday, Tom Lund said Anna Berg would resign" is
        // his).
        s > k && (s + 1..to).any(|i| crate::lexicon::SPEECH_CUE.has(&toks[i].lower()))
    } else if s < k {
        // Anywhere before the verb ("Barack Obama met survivors … on
        // Thursday and said").
        true
    } else {
        // Just after a verb that puts its subject after it ("said Anna
        // Berg"), not one whose object comes there ("told Anna Berg").
        let object_first = matches!(
            &*toks[k].lower(),
            "told"
                | "tells"
                | "tell"
                | "asked"
                | "asks"
                | "ask"
                | "urged"
                | "urges"
                | "warned"
                | "warns"
                | "assured"
                | "informed"
                | "reminded"
                | "called"
        );
        s - k <= 3 && !object_first
    };
    if !placed {
        return false;
    }
    // The words of the name before the surname, titles included.
    let mut j = s;
    while j > from && toks[j - 1].is_word && toks[j - 1].is_cap() {
        j -= 1;
    }
    // Another of the surname: a first name before it that is none of the
    // speaker's ("Karl Berg" for Anna Berg; not "But Berg", "Joe Biden"
    // for Joseph Biden, "Anna Berg" for Anna M. Berg).
    let named = speaker.split(' ').collect::<Vec<_>>();
    let full = |w: &str| crate::lexicon::full_first_name(&w.to_lowercase()).to_string();
    let other_first = s > j
        && super::mentions::starts_name(toks, s - 1)
        && !super::mentions::is_title_word(&toks[s - 1])
        && named.len() >= 2
        && !named[..named.len() - 1]
            .iter()
            .any(|w| full(w) == full(toks[s - 1].text));
    // "According to Anna Berg, speaking on Sunday, …" is hers.
    let object = j > from && {
        let w = toks[j - 1].lower();
        let according = j > from + 1 && toks[j - 2].lower().as_str() == "according";
        matches!(&*w, "for" | "of" | "to" | "with" | "by" | "about" | "against" | "from")
            && !(w.as_str() == "to" && according)
    };
    !other_first && !object
}

/// The day, and its tokens, that sentence `from..to` of block `bi` gives
/// next to a speech verb outside quotation marks ("said on Sunday", "told
/// reporters on Monday", "Tuesday night indicated"; an opening "Speaking
/// … on Thursday evening," up to its comma). A day further from the verb
/// is mostly what was spoken of ("hailed his win on Feb. 1"), and so is a
/// day that qualifies a noun just after the verb ("said the Sunday market
/// would close", "told a Sunday newspaper", "said Monday's deadline would
/// be kept"). Not in a question, nor after a verb denied
/// ("did not say on Sunday").
fn speech_day(ctx: &Context, bi: usize, from: usize, to: usize) -> Option<SpeechDay> {
    let toks = ctx.block_tokens(bi);
    if (from..to)
        .rev()
        .find(|&k| !ctx.in_quote(bi, k))
        .is_some_and(|k| toks[k].text == "?")
    {
        return None;
    }
    let denied = |k: usize| {
        toks[k.saturating_sub(2).max(from)..k].iter().any(|t| {
            let w = t.lower();
            matches!(&*w, "not" | "never") || w.ends_with("n't") || w.ends_with("n’t")
        })
    };
    let cues: Vec<usize> = (from..to)
        .filter(|&k| !ctx.in_quote(bi, k))
        .filter(|&k| {
            let w = toks[k].lower();
            crate::lexicon::SPEECH_CUE.has(&w) || matches!(&*w, "speaking" | "spoke")
        })
        .filter(|&k| !denied(k))
        .collect();
    if cues.is_empty() {
        return None;
    }
    let speaking =
        |k: usize, a: usize| k == from && toks[k].text == "Speaking" && !toks[k..a].iter().any(|t| t.text == ",");
    let cue_next_to = |a: usize, z: usize| {
        cues.iter().copied().find(|&k| {
            if a > k {
                a - k <= 3 || speaking(k, a)
            } else {
                k >= z && k - z < 2
            }
        })
    };
    // Right after the verb: what was said is about it ("said the Sunday
    // market would close"), not when ("argued during Saturday's debate").
    let qualifies_a_noun = |a: usize, z: usize| {
        let last = toks[z - 1].text;
        let possessive =
            last.ends_with("'s") || last.ends_with("’s") || toks.get(z).is_some_and(|t| matches!(t.text, "'s" | "’s"));
        let article = a > from && matches!(&*toks[a - 1].lower(), "the" | "a" | "an");
        cues.iter().any(|&k| possessive && a == k + 1 || article && a == k + 2)
    };
    find(toks, from, to, |k| ctx.in_quote(bi, k))
        .into_iter()
        .find_map(|f| match f.expr {
            Expr::Ref(t @ (TimeRef::DaysAgo(_) | TimeRef::Weekday(_) | TimeRef::Date { .. }))
                if !qualifies_a_noun(f.start, f.end) =>
            {
                cue_next_to(f.start, f.end).map(|cue| SpeechDay {
                    time_ref: t,
                    start: f.start,
                    end: f.end,
                    cue,
                    speaking: cue < f.start && speaking(cue, f.start),
                })
            }
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::quote_with;
    use crate::model::{DateOrigin, TimeRef};
    use chrono::Weekday;

    fn time_of(text: &str, words: &str) -> Option<(TimeRef, DateOrigin)> {
        let q = quote_with(text, words).expect("quote found");
        q.time.map(|t| (t.time_ref, t.origin))
    }

    /// A quote without a time of its own, after a sentence that reports its
    /// speaker speaking on a day, was said that day, and so was the next one
    /// ("he added"); a day further from the verb dates what was spoken of.
    #[test]
    fn a_report_of_the_speaker_speaking_just_before_dates_the_quote() {
        let text = "Minister faces fishing towns\n\nSpeaking in a televised address on Thursday evening, hours after the duties were announced, Anselm Brandt said the government would not be rushed.\n\n“Our door remains open,” he said.\n\n“We will be ready,” Brandt added.";
        let thursday = Some((TimeRef::Weekday(Weekday::Thu), DateOrigin::Context));
        assert_eq!(time_of(text, "Our door"), thursday);
        assert_eq!(time_of(text, "be ready"), thursday);
        let told = "Vote count goes on\n\nMayor Ana Brook told reporters on Monday that the count would take a week.\n\n“We will count every vote,” Brook said.";
        assert_eq!(
            time_of(told, "every vote"),
            Some((TimeRef::Weekday(Weekday::Mon), DateOrigin::Context))
        );
        let spoken_of = "Vote count goes on\n\nMayor Ana Brook hailed her narrow win over Rob Lane on Monday in a long speech.\n\n“We will count every vote,” Brook said.";
        assert_eq!(time_of(spoken_of, "every vote"), None);
        let other_speaker = "Vote count goes on\n\nRob Lane said on Monday that the count was late.\n\n“We will count every vote,” Ana Brook said.";
        assert_eq!(time_of(other_speaker, "every vote"), None);
    }

    /// Only a report of the speaker speaking on the day dates the quote:
    /// not another's report naming them, nor another of their surname, nor
    /// a report denied or asked, nor a day that qualifies a noun just
    /// after the verb (audit cases).
    #[test]
    fn a_report_dates_the_quote_only_when_its_speaker_spoke_that_day() {
        let sunday = Some((TimeRef::Weekday(Weekday::Sun), DateOrigin::Context));
        let quote = "\n\n“We will build it,” Minister Anna Berg said.\n\n“It will be ready,” Berg said.";
        let time = |report: &str| time_of(&format!("Council row\n\n{report}{quote}"), "be ready");
        for not_hers in [
            "Opposition leader Tom Lund said on Sunday that Minister Anna Berg would resign.",
            "Tom Lund said on Sunday that he had spoken to Minister Anna Berg.",
            "Karl Berg, the minister's brother, said on Sunday that he opposed the plan.",
            "A spokesman for Minister Anna Berg said on Sunday that the plan would go ahead.",
            "Minister Anna Berg did not say on Sunday whether the plan would go ahead.",
            "Did Minister Anna Berg say on Sunday that the plan would go ahead?",
            "Minister Anna Berg said the Sunday market would close.",
            "Minister Anna Berg told a Sunday newspaper that the plan would go ahead.",
            "Minister Anna Berg said Monday's deadline would be kept.",
            "Tom Lund told Anna Berg on Sunday that the plan was dead.",
            "Speaking on Sunday, Tom Lund said Anna Berg would resign.",
        ] {
            assert_eq!(time(not_hers), None, "{not_hers}");
        }
        for hers in [
            "Minister Anna Berg said on Sunday that the plan would go ahead.",
            "Minister Anna Berg and Tom Lund said on Sunday that they had agreed.",
            "According to Minister Anna Berg, speaking on Sunday, the plan will go ahead.",
            "Anna Berg, minister for transport in the coalition of three parties, said on Sunday that it was late.",
            "Minister Anna Berg met the families of the crew lost on Sunday and said the plan would go ahead.",
            "Minister Anna Berg argued during Sunday's debate that the plan would go ahead.",
            "But Berg said on Sunday that the plan would go ahead.",
            "Speaking on Sunday, Minister Anna Berg said the plan would go ahead.",
        ] {
            assert_eq!(time(hers), sunday, "{hers}");
        }
    }
}
