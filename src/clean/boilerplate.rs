//! Rules that recognise site chrome, one named function per kind of clutter.
//! Each takes a trimmed line and says whether it is that clutter; the order
//! in which they apply lives in [`super::clean`].

use crate::lexicon::SECTION;
use crate::text::{word_count, word_count_upto, Lower};
use aho_corasick::AhoCorasick;
use std::sync::LazyLock;

/// One line without space at either end, lowercased once for all the
/// rules that look at it. Trimmed once, where the text is cut into
/// paragraphs (or by `new`), so no rule trims it again: six trims of every
/// line were 1.6% of extraction's instructions (callgrind).
pub struct Line<'a> {
    pub text: &'a str,
    pub lower: Lower<'a>,
}

impl<'a> Line<'a> {
    pub fn new(text: &'a str) -> Self {
        let text = crate::text::trim_space(text);
        Self::with_lower(text, Lower::of(text))
    }

    /// A trimmed line whose lowercase is already known (a slice of its
    /// article's).
    pub fn with_lower(text: &'a str, lower: Lower<'a>) -> Self {
        debug_assert_eq!(text, crate::text::trim_space(text), "lines come trimmed");
        Line { text, lower }
    }

    /// Whether the line has at most `n` words. Counting stops past `n`,
    /// so asking of a long paragraph costs its first words only: counting
    /// every line whole cost 5% of extraction (profiled).
    pub fn words_at_most(&self, n: usize) -> bool {
        word_count_upto(self.text, n + 1) <= n
    }
}

/// "U.S. World Business Lifestyle": a row of section names.
pub fn is_menu_bar(line: &Line) -> bool {
    if line.text.ends_with('.') {
        return false;
    }
    // The accessibility link over a page's menu.
    if matches!(
        line.lower.as_str(),
        "skip to content" | "skip to main content" | "skip to navigation" | "jump to content" | "skip navigation"
    ) {
        return true;
    }
    let (mut words, mut sections) = (0, 0);
    // Separators between the sections are not words: "Home > News > Local".
    for w in line
        .lower
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
    {
        words += 1;
        // Three in four words are sections, of at most 16: a fifth other
        // word rules the line out (stops reading paragraphs that end in a
        // quote mark early; profiled).
        if words > 16 {
            return false;
        }
        sections += usize::from(SECTION.has(w));
        if words - sections > 4 {
            return false;
        }
    }
    words >= 3 && sections * 4 >= words * 3
}

/// "Americas|Business|Economy": categories joined by bars.
pub fn is_category_line(line: &Line) -> bool {
    // The memchr crate's SIMD search: `contains` read each paragraph a word
    // at a time (profiled).
    if memchr::memchr(b'|', line.text.as_bytes()).is_none() {
        return false;
    }
    let parts: Vec<&str> = line.text.split('|').map(str::trim).collect();
    parts.len() >= 2
        && parts.iter().all(|p| !p.is_empty() && p.split_whitespace().count() <= 3)
        && !line.text.contains('.')
}

/// A single section name alone on a line ("Political" before related links).
pub fn is_lone_section(line: &Line) -> bool {
    !line.text.contains(' ') && SECTION.has(&line.lower)
}

/// "Today: April 23, 2025": the site's date, not the article's.
pub fn is_today_header(line: &Line) -> bool {
    let l = line.lower.as_str();
    l.starts_with("today:") || l.starts_with("today is ")
}

/// "Read more: …", "Also read: …", "RELATED: …".
pub fn is_read_more(line: &Line) -> bool {
    static PREFIXES: Affixes = Affixes::new(&[
        "read more",
        "read also",
        "also read",
        "related:",
        "related coverage:",
        "related stories:",
        "related articles:",
        "see also:",
        "watch:",
        "listen:",
        "more:",
        "read next",
        "continue reading",
        "click here",
        "read the full",
        "also see:",
        "recommended:",
        "don't miss:",
        "don’t miss:",
        "further reading",
        // The same links in the languages of saved pages.
        "vea también",
        "lea también",
        "lee también",
        "lesen sie auch",
        "lesen sie mehr",
        "mehr zum thema",
        "lire aussi",
        "à lire aussi",
        "voir aussi",
        "leggi anche",
        "zobacz też",
        "czytaj też",
    ]);
    PREFIXES.start(line.lower.as_str())
}

/// A list of line openings or endings, with the entries each byte starts
/// and ends (a bit each): these lists run on every line of every article,
/// and comparing each whole list was a twentieth of extraction, then going
/// through it for the entries with the line's first byte two percent
/// (callgrind). Most lines start and end with a byte no entry has, and the
/// others are compared with those entries alone.
struct Affixes {
    list: &'static [&'static str],
    firsts: [u64; 256],
    lasts: [u64; 256],
}

impl Affixes {
    /// The list's entries must not be empty, and are at most 64 (a
    /// compile error otherwise).
    const fn new(list: &'static [&'static str]) -> Affixes {
        assert!(list.len() <= 64, "an entry a bit of a u64");
        let mut firsts = [0u64; 256];
        let mut lasts = [0u64; 256];
        let mut i = 0;
        while i < list.len() {
            let b = list[i].as_bytes();
            firsts[b[0] as usize] |= 1 << i;
            lasts[b[b.len() - 1] as usize] |= 1 << i;
            i += 1;
        }
        Affixes { list, firsts, lasts }
    }

    /// Whether any entry of `entries` (bits of the list) satisfies `f`.
    fn any(&self, mut entries: u64, f: impl Fn(&str) -> bool) -> bool {
        while entries != 0 {
            if f(self.list[entries.trailing_zeros() as usize]) {
                return true;
            }
            entries &= entries - 1;
        }
        false
    }

    /// Whether `l` starts with one of the entries.
    fn start(&self, l: &str) -> bool {
        let Some(&first) = l.as_bytes().first() else {
            return false;
        };
        self.any(self.firsts[usize::from(first)], |p| l.starts_with(p))
    }

    /// Whether `l` ends with one of the entries.
    fn end(&self, l: &str) -> bool {
        let Some(&last) = l.as_bytes().last() else {
            return false;
        };
        self.any(self.lasts[usize::from(last)], |p| l.ends_with(p))
    }
}

/// "Recommended stories", "list of 3 items", "end of list".
pub fn is_list_widget(line: &Line) -> bool {
    let l = line.lower.as_str();
    l == "recommended stories"
        || l == "recommended"
        || l == "end of list"
        || l == "more stories"
        || l == "most read"
        || l == "most popular"
        || l == "kontakt:"
        || l == "contact:"
        || l == "quellen ausblenden"
        || l == "quellen einblenden"
        || (l.starts_with("list of ") && l.contains("item"))
}

/// Comment forms: "Leave a Reply", "Your email address will not be published".
pub fn is_comment_form(line: &Line) -> bool {
    static PHRASES: Affixes = Affixes::new(&[
        "leave a reply",
        "leave a comment",
        "your email address will not be published",
        "required fields are marked",
        "post comment",
        "save my name, email",
        "cancel reply",
        "comments are closed",
        "join the conversation",
        "add a comment",
        "log in to comment",
        "sign in to comment",
        "be the first to comment",
        "submit your letter",
    ]);
    let l = line.lower.as_str();
    PHRASES.start(l) || matches!(l, "comments" | "name *" | "email *" | "website" | "comment *")
}

/// "· 1 min read", "5 minute read".
pub fn is_read_time(line: &Line) -> bool {
    let l = line.lower.as_str();
    let l = crate::text::trim_start_non_alnum(l);
    // A digit first, or not a reading time: asked before splitting words.
    if !l.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let mut words = l.split_whitespace();
    let first_is_number = words.next().is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()));
    first_is_number
        && matches!((words.next(), words.next(), words.next()), (Some(m), Some("read"), None) if m.starts_with("min"))
}

/// Placeholders left where images were: "article picture", "Image", "[photo]".
pub fn is_image_placeholder(line: &Line) -> bool {
    let l = line.lower.as_str();
    let l = crate::text::trim_non_alnum(l);
    matches!(
        l,
        "article picture"
            | "anzeige"
            | "werbung"
            | "publicidad"
            | "publicité"
            | "sponsored"
            | "image"
            | "photo"
            | "picture"
            | "video"
            | "play video"
            | "advertisement"
            | "ad"
            | "loading..."
            | "loading"
            | "gallery"
            | "enlarge this image"
            | "toggle caption"
            | "hide caption"
            | "skip advertisement"
    ) || l.starts_with("image:")
        || l.starts_with("photo:")
        || l.starts_with("(photo")
        || l.starts_with("image source")
}

/// Photo credits left without their picture: "Crédits photos : X",
/// "Photo credit: X", "Name/Getty Images".
pub fn is_image_credit(line: &Line) -> bool {
    static PREFIXES: Affixes = Affixes::new(&[
        "crédits photos",
        "crédit photo",
        "photo credit",
        "credit:",
        "foto:",
        "fotos:",
        "bild:",
        "bildquelle:",
    ]);
    static AGENCIES: Affixes = Affixes::new(&[
        "getty images",
        "shutterstock",
        "istock",
        "/ap",
        "/afp",
        "/reuters",
        "/dpa",
        "imago images",
    ]);
    let l = line.lower.as_str();
    let l = l.trim_end_matches(['.', ')']);
    let short = (PREFIXES.start(l) || AGENCIES.end(l)) && line.words_at_most(12);
    // A caption ending in its credit: "Text of the caption. | © Agency".
    // Looked for in every line first with memmem's search, built once:
    // `rsplit_once` read each line a byte at a time (callgrind).
    static COPYRIGHT: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("©"));
    let captioned = COPYRIGHT.find(line.text.as_bytes()).is_some()
        && line.text.rsplit_once('©').is_some_and(|(before, credit)| {
            word_count(credit) <= 8 && word_count(before) <= 40 && !before.trim().is_empty()
        });
    short || captioned
}

/// Invitations to the outlet's social channels: "Join our Telegram
/// channel", "Folge uns auf Instagram". A platform named alone is news.
pub fn is_social_promo(line: &Line) -> bool {
    static INVITES: LazyLock<AhoCorasick> = LazyLock::new(|| {
        phrase_finder([
            "join us",
            "follow us",
            "join our",
            "subscribe to our",
            "our channel",
            "únete",
            "síguenos",
            "suscríbete",
            "tenemos canal",
            "nuestro canal",
            "folge uns",
            "folgen sie uns",
            "abonniere",
            "unseren kanal",
            "einverständnis",
            "freischalten",
            "suivez-nous",
            "rejoignez",
        ])
    });
    // One automaton per list: a line is read once per list, not once per
    // phrase (this rule looked at every paragraph 25 times; profiled).
    let l = line.lower.as_str();
    names_a_platform(l) && line.words_at_most(40) && INVITES.is_match(l)
}

/// An automaton that says whether any of `phrases` occurs. Leftmost-first,
/// because only the leftmost kinds get the SIMD prefilter: with the standard
/// kind the platform check read whole articles a byte at a time (profiled).
fn phrase_finder<const N: usize>(phrases: [&str; N]) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(phrases)
        .expect("fixed patterns")
}

/// Whether lowercased text names a social platform (see [`is_social_promo`]).
pub fn names_a_platform(lower: &str) -> bool {
    static PLATFORMS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        phrase_finder([
            "telegram",
            "youtube",
            "whatsapp",
            "instagram",
            "tiktok",
            "facebook",
            "twitter",
        ])
    });
    PLATFORMS.is_match(lower)
}

/// Paywall and subscription notices: "To view the full story, please
/// subscribe", "already a subscriber? Log in".
pub fn is_paywall_notice(line: &Line) -> bool {
    const PHRASES: &[&str] = &[
        "to view the full story",
        "to continue reading",
        "already a subscriber",
        "you’re already a subscriber",
        "you're already a subscriber",
        "first-time subscribers",
        "subscribe to continue",
        "subscribe now to read",
    ];
    let l = line.lower.as_str();
    may_hold_paywall_notice(l) && PHRASES.iter().any(|p| l.contains(p))
}

/// Whether lowercased text may hold a paywall notice: they all say "subscri…".
pub fn may_hold_paywall_notice(lower: &str) -> bool {
    // Asked of every article whole: memmem's search, built once, where
    // `contains` set one up at each call (callgrind).
    static SUBSCRI: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("subscri"));
    SUBSCRI.find(lower.as_bytes()).is_some()
}

/// Share and popularity widgets.
pub fn is_share_widget(line: &Line) -> bool {
    // Searched for in every line: prepared once, where `str::contains` set
    // up its search anew each time (most of this rule's cost; callgrind).
    static ALL_RIGHTS_RESERVED: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("all rights reserved"));
    let l = line.lower.as_str();
    matches!(
        l,
        "share this"
            | "share"
            | "share this article"
            | "share this story"
            | "popular"
            | "trending"
            | "tweet"
            | "email"
            | "print"
            | "copy link"
            | "follow us"
            | "share on facebook"
            | "share on twitter"
            | "share via email"
            | "more on this story"
            | "related"
            | "related stories"
            | "related articles"
            | "you may also like"
            | "more from"
            | "top stories"
            | "latest news"
            | "sponsored"
            | "sponsored content"
    ) || l.starts_with("follow us on")
        || l.starts_with("sign up for")
        || l.starts_with("subscribe to")
        || l.starts_with("copyright ©")
        || l.starts_with("© ")
        || ALL_RIGHTS_RESERVED.find(l.as_bytes()).is_some()
}

/// "(Reporting by …; Editing by …)" and "Reuters - Reuters".
pub fn is_agency_credit(line: &Line) -> bool {
    let l = line.lower.as_str();
    let inner = l.trim_start_matches('(');
    if l.starts_with('(')
        && (inner.starts_with("reporting by")
            || inner.starts_with("writing by")
            || inner.starts_with("editing by")
            || inner.starts_with("additional reporting")
            || inner.starts_with("compiled by"))
    {
        return true;
    }
    // "X - X" with X of at most three words (six in all, so a paragraph's
    // words are never counted: that cost 4% of extraction; profiled).
    agency_repeat(line.text).is_some()
}

/// "Reuters - Reuters": the agency named twice, as some sites print it.
pub fn agency_repeat(line: &str) -> Option<&str> {
    // memmem, built once: `split_once` read every paragraph of every
    // article at a thousand instructions each (profiled).
    static DASH: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new(" - "));
    let at = DASH.find(line.as_bytes())?;
    let (a, b) = (&line[..at], &line[at + 3..]);
    (a.trim() == b.trim() && word_count(a) <= 3 && !a.trim().is_empty()).then(|| a.trim())
}

/// A line of only dashes, dots or stars.
pub fn is_separator(line: &Line) -> bool {
    !line.text.is_empty() && line.text.chars().all(|c| !crate::text::is_alnum(c))
}

/// Photo captions: present-tense description of a picture, or a line
/// ending in a picture credit. Only checked in the header zone.
pub fn is_caption(line: &Line) -> bool {
    static CREDITS: Affixes = Affixes::new(&[
        "(ap)",
        "(reuters)",
        "(afp)",
        "getty images",
        "/ap",
        "/reuters",
        "/afp",
        "photo)",
        "(file)",
        "(file photo)",
        "epa",
        "shutterstock",
        "(photo)",
        "/ file",
    ]);
    const PHOTO_VERBS: &[&str] = &[
        "addresses",
        "speaks",
        "gives",
        "attends",
        "looks",
        "walks",
        "arrives",
        "waves",
        "gestures",
        "listens",
        "holds",
        "delivers",
        "poses",
        "stands",
        "sits",
        "meets",
        "shakes",
        "smiles",
        "talks",
        "reacts",
        "leaves",
        "greets",
        "visits",
        "participates",
        "pictured",
        "seen",
        "photographed",
    ];
    let l = line.lower.as_str();
    if CREDITS.end(l) || l.starts_with("file photo") {
        return true;
    }
    // "(Courier photo / Ben Oduya)", "(Photo: AFP)": a credit in brackets.
    if let Some(open) = l.rfind('(').filter(|_| l.ends_with(')')) {
        let credit = &l[open..];
        if ["photo", "image", "credit", "getty", "/", "courtesy"]
            .iter()
            .any(|k| credit.contains(k))
        {
            return true;
        }
    }
    let ends_sentence =
        l.ends_with('.') || l.ends_with('?') || l.ends_with('!') || l.ends_with('"') || l.ends_with('”');
    !ends_sentence
        && word_count(l) >= 4
        && l.split_whitespace()
            .any(|w| PHOTO_VERBS.contains(&w.trim_matches(|c: char| !c.is_alphabetic())))
}

/// "By Jane Doe", "By Jane Doe and John Roe | Reuters".
pub fn byline(line: &str) -> Option<String> {
    let rest = line.strip_prefix("By ").or_else(|| line.strip_prefix("BY "))?;
    let rest = rest.trim();
    let first = rest.chars().next()?;
    (first.is_uppercase() && word_count(rest) <= 12 && !rest.ends_with('.')).then(|| rest.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affixes_match_whole_entries_at_either_end() {
        static LIST: Affixes = Affixes::new(&["read more", "à lire aussi", "/ap", "x"]);
        for l in ["read more: a", "à lire aussi", "x", "photo/ap"] {
            assert!(LIST.start(l) || LIST.end(l), "{l}");
        }
        assert!(LIST.start("à lire aussi : rien") && !LIST.end("à lire aussi : rien"));
        assert!(LIST.end("jane doe/ap") && !LIST.start("jane doe/ap"));
        for l in ["", "read mor", "rea", "a lire aussi", "/a", "ap", "y"] {
            assert!(!LIST.start(l) && !LIST.end(l), "{l}");
        }
    }

    #[test]
    fn menu_bars_but_not_headlines() {
        assert!(is_menu_bar(&Line::new("U.S. World Business Lifestyle")));
        assert!(is_menu_bar(&Line::new("Home World Business Opinion Sport")));
        // A breadcrumb: its separators are not words.
        assert!(is_menu_bar(&Line::new("Home > News > Local")));
        assert!(is_menu_bar(&Line::new("Home › World › Europe")));
        assert!(!is_menu_bar(&Line::new(
            "Mexico Rejects US Military Action Against Cartels"
        )));
        assert!(!is_menu_bar(&Line::new("Business is booming in the world")));
    }

    #[test]
    fn category_lines() {
        assert!(is_category_line(&Line::new(
            "Americas|Business|Economy|Europe|Technology|US|World"
        )));
        assert!(is_category_line(&Line::new("Health|Political|World")));
        assert!(!is_category_line(&Line::new(
            "He said | she said, and more words went on. Yes."
        )));
        assert!(is_lone_section(&Line::new("Political")));
        assert!(!is_lone_section(&Line::new("Sheinbaum")));
    }

    #[test]
    fn saved_page_furniture() {
        assert!(is_read_more(&Line::new("VEA TAMBIÉN: Otra noticia del día")));
        assert!(is_read_more(&Line::new("Lesen Sie auch: Die Bahn streikt")));
        assert!(is_image_placeholder(&Line::new("- Anzeige -")));
        assert!(is_image_credit(&Line::new("Crédits photos : Agence")));
        assert!(is_image_credit(&Line::new(
            "The mayor at the harbour. | © Ferro/Getty Images"
        )));
        assert!(is_image_credit(&Line::new("Mayor Varga/Getty Images")));
        assert!(!is_image_credit(&Line::new(
            "The mayor said Getty Images had photographed the harbour for a story that ran for weeks in the paper."
        )));
        assert!(is_paywall_notice(&Line::new(
            "To view the full story, please subscribe to The Ledger."
        )));
        assert!(!is_paywall_notice(&Line::new(
            "Subscribers to the water service will pay more, she said."
        )));
        assert!(is_social_promo(&Line::new(
            "¿Ya sabías que tenemos canal de Telegram? Únete aquí."
        )));
        assert!(is_social_promo(&Line::new(
            "Join our WhatsApp channel for the latest news"
        )));
        assert!(!is_social_promo(&Line::new(
            "He announced the decision on his YouTube channel on Monday."
        )));
    }

    #[test]
    fn headers_widgets_forms() {
        assert!(is_today_header(&Line::new("Today: April 23, 2025")));
        assert!(is_read_more(&Line::new(
            "Read more: South Korea’s spy agency sees possibility"
        )));
        assert!(is_list_widget(&Line::new("Recommended stories")));
        assert!(is_list_widget(&Line::new("list of 3 itemsend of list")));
        assert!(is_comment_form(&Line::new("Leave a Reply")));
        assert!(is_comment_form(&Line::new(
            "Your email address will not be published. Required fields are marked *"
        )));
        assert!(is_read_time(&Line::new("· 1 min read")));
        assert!(is_read_time(&Line::new("5 minute read")));
        assert!(!is_read_time(&Line::new("1 minute later he read it")));
        assert!(is_image_placeholder(&Line::new("article picture")));
        assert!(is_share_widget(&Line::new("Share This")));
        assert!(is_share_widget(&Line::new("Popular")));
        assert!(is_separator(&Line::new("-")));
        assert!(!is_separator(&Line::new("A")));
    }

    #[test]
    fn credits_and_captions() {
        assert!(is_agency_credit(&Line::new(
            "(Reporting by Ana Ruiz in Port Velin; Editing by Tom Hale)"
        )));
        assert!(is_agency_credit(&Line::new("Reuters - Reuters")));
        assert_eq!(agency_repeat("Reuters - Reuters"), Some("Reuters"));
        assert!(!is_agency_credit(&Line::new("Mexico - a country")));
        assert!(is_caption(&Line::new(
            "The mayor addresses the media at City Hall, in Port Velin"
        )));
        assert!(is_caption(&Line::new(
            "The mayor at her news conference, Monday, March 2, 2026 (AP)"
        )));
        assert!(!is_caption(&Line::new(
            "The mayor addresses the media and says she will stay."
        )));
        assert_eq!(
            byline("By Jane Doe and John Roe").as_deref(),
            Some("Jane Doe and John Roe")
        );
        assert_eq!(byline("By the way, it rained."), None);
    }
}
