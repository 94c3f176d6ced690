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
type SpeechDays = std::collections::HashMap<(usize, usize), Option<(TimeRef, usize, usize)>>;

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
            if let Some((time_ref, a, z)) = day {
                return Some(TimeMention {
                    time_ref,
                    origin: DateOrigin::Context,
                    evidence: crate::model::Interned::new(&ctx.text[toks[a].start..toks[z - 1].end]),
                    confidence: 0.6,
                });
            }
        }
    }
    None
}

/// The day, and its tokens, that sentence `from..to` of block `bi` gives
/// next to a speech verb outside quotation marks ("said on Sunday", "told
/// reporters on Monday", "Tuesday night indicated"; an opening "Speaking
/// … on Thursday evening," up to its comma). A day further from the verb
/// is mostly what was spoken of ("hailed his win on Feb. 1").
fn speech_day(ctx: &Context, bi: usize, from: usize, to: usize) -> Option<(TimeRef, usize, usize)> {
    let toks = ctx.block_tokens(bi);
    let cues: Vec<usize> = (from..to)
        .filter(|&k| !ctx.in_quote(bi, k))
        .filter(|&k| {
            let w = toks[k].lower();
            crate::lexicon::SPEECH_CUE.has(&w) || matches!(&*w, "speaking" | "spoke")
        })
        .collect();
    if cues.is_empty() {
        return None;
    }
    let next_to_cue = |a: usize, z: usize| {
        cues.iter().any(|&k| {
            if a > k {
                a - k <= 3 || k == from && toks[k].text == "Speaking" && !toks[k..a].iter().any(|t| t.text == ",")
            } else {
                k >= z && k - z < 2
            }
        })
    };
    find(toks, from, to, |k| ctx.in_quote(bi, k))
        .into_iter()
        .find_map(|f| match f.expr {
            Expr::Ref(t @ (TimeRef::DaysAgo(_) | TimeRef::Weekday(_) | TimeRef::Date { .. }))
                if next_to_cue(f.start, f.end) =>
            {
                Some((t, f.start, f.end))
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
}
