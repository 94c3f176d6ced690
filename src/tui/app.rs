//! The reader's state and the one function that changes it.

use super::action::Action;
use super::keymap::Keymap;
use super::layout::{pane_rects, Pane};
use super::wrap::article_lines;
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use quoteline::model::{ArticleId, Corpus, QuoteId, SpeakerId};
use quoteline::pipeline::Progress;
use quoteline::relate::related::{related, Related};
use quoteline::search::{self, WordIndex};
use quoteline::state::{self, Correction, StateFile, UserState};
use quoteline::text::fold;
use ratatui::layout::Rect;
use std::sync::Arc;
use unicode_segmentation::UnicodeSegmentation;

/// A modal layer over the panes.
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    None,
    /// The keys, scrolled by `scroll` lines where they do not fit.
    Help {
        scroll: usize,
    },
    /// Fuzzy speaker picker: typed text, ranked matches with the matched
    /// character positions, selected row.
    Picker {
        input: String,
        matches: Vec<(SpeakerId, Vec<usize>)>,
        selected: usize,
    },
    /// Quote search: typed text, matching quotes, selected row.
    Search {
        input: String,
        matches: Vec<QuoteId>,
        selected: usize,
    },
    /// The selected quote's related quotes, ranked, with reasons.
    Related {
        entries: Vec<Related>,
        selected: usize,
    },
    /// The wordings of the selected quote's statement, compared word by
    /// word with the selected quote's; scrolled by `scroll` lines.
    Compare {
        scroll: usize,
    },
    /// Typing a line for `kind`; the last attempt's error, if any.
    Prompt {
        kind: PromptKind,
        input: String,
        error: Option<String>,
    },
}

impl Overlay {
    /// Whether it has a line the user types into above its list.
    pub fn has_input(&self) -> bool {
        matches!(self, Overlay::Picker { .. } | Overlay::Search { .. })
    }

    /// Lines a row of its list takes: a related quote shows who, where
    /// and when on one and its words on the next.
    pub fn lines_per_row(&self) -> usize {
        if matches!(self, Overlay::Related { .. }) {
            2
        } else {
            1
        }
    }

    /// The selected row of its list and the list's length, for a list
    /// overlay.
    fn list_selection(&mut self) -> Option<(&mut usize, usize)> {
        match self {
            Overlay::Picker { matches, selected, .. } => Some((selected, matches.len())),
            Overlay::Search { matches, selected, .. } => Some((selected, matches.len())),
            Overlay::Related { entries, selected } => Some((selected, entries.len())),
            _ => None,
        }
    }
}

/// What a typed line is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// The article's date.
    Date,
    /// A note on the quote.
    Note,
    /// Who said the quote.
    Speaker,
    /// The speaker the quote's speaker is merged into.
    MergeInto,
    /// The quote's speaker's new name.
    Rename,
    /// Whether to give the name the quote uses a speaker of its own.
    SplitAlias,
}

pub struct App {
    /// Shared with the loader while it relates quotes in the background;
    /// changed only when the reader holds the one copy (see `corpus_mut`).
    pub corpus: Arc<Corpus>,
    /// While files are still loading: how far along, since when.
    pub loading: Option<(Progress, std::time::Instant)>,
    pub focus: Pane,
    pub overlay: Overlay,
    /// Where the typing goes in the overlay's line: the characters after
    /// it (0, at the end, whenever an overlay opens; so it stays right as
    /// the line changes under it, a paste or a reload).
    pub input_back: usize,
    /// Articles quoting this speaker only; the timeline follows it.
    pub filter: Option<SpeakerId>,
    /// The article list as shown (filtered, newest first, undated last).
    pub list: Vec<ArticleId>,
    pub list_selected: usize,
    /// The article in the quote view and its selected quote.
    pub article: Option<ArticleId>,
    pub quote: Option<QuoteId>,
    pub timeline_selected: usize,
    /// First visible line of the quote view.
    pub scroll: usize,
    pub raw: bool,
    pub read: Vec<bool>,
    pub quit: bool,
    pub keymap: Keymap,
    /// The selected quote's related quotes, best first.
    pub related: Vec<Related>,
    /// The related quotes `]`/`[` are walking, and the position reached.
    pub related_walk: Option<(Vec<QuoteId>, usize)>,
    /// Articles of one story kept together in the list.
    pub by_story: bool,
    /// The terminal size, for paging and for keeping the quote in view.
    pub size: Rect,
    /// Where the user's work is saved (`None`: not saved, `--no-state`).
    pub store: Option<StateFile>,
    /// The user's work as last saved.
    pub user: UserState,
    /// A line for the status bar until the next key ("saved", an error).
    pub message: Option<String>,
    /// What loading met that was printed on exit, counted, kept in the
    /// status line: "2 files not read, 5 warnings".
    pub load_problems: Option<String>,
    /// Quote search's index, built in the background while loading, else
    /// on the first search; `None` when the quotes changed since.
    pub search_index: Option<WordIndex>,
    /// When the list was last sorted while loading, and whether batches
    /// arrived since.
    list_sorted: Option<std::time::Instant>,
    list_stale: bool,
    /// Whether the user moved the list's selection or the article shown,
    /// or went to another pane: until then the list's first article is the
    /// one shown as batches arrive (newer ones come before it), afterwards
    /// the one selected stays selected.
    touched: bool,
    /// How many articles the list was made from: those after arrived since.
    list_covers: usize,
}

/// The list's order: dated articles first, newest first, then by title.
fn newest_first(x: &quoteline::model::Article, y: &quoteline::model::Article) -> std::cmp::Ordering {
    y.date
        .is_some()
        .cmp(&x.date.is_some())
        .then(y.date.cmp(&x.date))
        .then(x.title.cmp(&y.title))
}

/// The list's order of articles `a` and `b` (see [`newest_first`]); of
/// two alike, the one that came first.
fn list_order(c: &Corpus, a: ArticleId, b: ArticleId) -> std::cmp::Ordering {
    newest_first(&c.articles[a], &c.articles[b]).then(a.cmp(&b))
}

/// How often the list is sorted again while batches arrive.
pub const LIST_REFRESH: std::time::Duration = std::time::Duration::from_millis(500);

/// Unpacked texts the drawing thread remembers
/// ([`quoteline::model::Text::remember_recent_on_this_thread`]): more
/// than the rows of a tall timeline, each from its own article. Each
/// frame unpacks the articles it shows, mostly the last frame's.
pub const RECENT_TEXTS: usize = 128;

impl App {
    pub fn new(corpus: Corpus, size: Rect) -> App {
        let read = vec![false; corpus.articles.len()];
        let mut app = App {
            corpus: Arc::new(corpus),
            loading: None,
            focus: Pane::Articles,
            overlay: Overlay::None,
            input_back: 0,
            filter: None,
            list: Vec::new(),
            list_selected: 0,
            article: None,
            quote: None,
            timeline_selected: 0,
            scroll: 0,
            raw: false,
            read,
            quit: false,
            keymap: Keymap::default(),
            related: Vec::new(),
            related_walk: None,
            by_story: false,
            size,
            store: None,
            user: UserState::new(),
            message: None,
            load_problems: None,
            search_index: None,
            list_sorted: None,
            list_stale: false,
            touched: false,
            list_covers: 0,
        };
        app.rebuild_list();
        app.show_selected_article();
        app
    }

    /// The speaker whose timeline is shown: the filter, else the speaker of
    /// the selected quote.
    pub fn timeline_speaker(&self) -> Option<SpeakerId> {
        self.filter
            .or_else(|| self.quote.and_then(|q| self.corpus.quotes[q].speaker.get()))
    }

    pub fn timeline(&self) -> &[QuoteId] {
        self.timeline_speaker()
            .map_or(&[], |s| self.corpus.speakers[s].quotes.as_slice())
    }

    /// How many other outlets (or files) reported the statement quote `q`
    /// belongs to, and the first `limit` of them.
    pub fn also_reported_by(&self, q: QuoteId, limit: usize) -> (usize, Vec<std::borrow::Cow<'_, str>>) {
        let c = &self.corpus;
        let Some(st) = c.quotes[q].statement.get() else {
            return (0, Vec::new());
        };
        let own = c.articles[c.quotes[q].article].source();
        // The quote's own outlet is among them: one more to take.
        let (all, names) = quoteline::relate::statements::reporters_first(c, st, limit.saturating_add(1));
        let mut others: Vec<_> = names.into_iter().filter(|o| *o != own).collect();
        others.truncate(limit);
        (all.saturating_sub(1), others)
    }

    /// Whether the list shows article `a` (the speaker filter).
    fn listed(&self, a: ArticleId) -> bool {
        let c = &self.corpus;
        match self.filter {
            Some(s) => c.articles[a].quotes.iter().any(|q| c.quotes[q].speaker == Some(s)),
            None => true,
        }
    }

    fn rebuild_list(&mut self) {
        let c = &self.corpus;
        let n = c.articles.len();
        // Made from the list as it is, in its order, then the articles not
        // in it: the new order is mostly the old one, and the standard
        // sort takes runs already in order as they are. From article
        // order, sorting 100k articles took the reader's thread about
        // 40 ms at each of the three steps that end a load (perf). The
        // orders below end on the article number, so the list comes out
        // the same from any order.
        let mut in_list = vec![false; n];
        let mut list: Vec<ArticleId> = Vec::with_capacity(n);
        for &a in &self.list {
            if a < n && !in_list[a] && self.listed(a) {
                in_list[a] = true;
                list.push(a);
            }
        }
        list.extend((0..n).filter(|&a| !in_list[a] && self.listed(a)));
        if self.by_story {
            // Stories by their latest article, newest first; the story's
            // articles together, newest first.
            let story_last: Vec<Option<chrono::NaiveDate>> = c
                .stories
                .iter()
                .map(|s| s.articles.iter().filter_map(|&x| c.articles[x].date).max())
                .collect();
            let latest = |a: ArticleId| {
                let story = c.articles[a].story;
                let last = story.and_then(|s| story_last[s]);
                (last.is_some(), last, story)
            };
            list.sort_by(|&a, &b| latest(b).cmp(&latest(a)).then_with(|| list_order(c, a, b)));
        } else {
            list.sort_by(|&a, &b| list_order(c, a, b));
        }
        self.set_list(list);
    }

    /// `list` as the list, made from every article there is now.
    fn set_list(&mut self, list: Vec<ArticleId>) {
        self.list_covers = self.corpus.articles.len();
        self.list = list;
        self.list_selected = self.list_selected.min(self.list.len().saturating_sub(1));
    }

    /// The list with the articles that arrived since it was made merged
    /// in: sorted alone, then merged, which orders them as
    /// [`App::rebuild_list`] would (ties keep the order articles came in)
    /// while batches are only appended. Sorting the whole list again each
    /// time, its titles compared, took the reader's thread a quarter of a
    /// second of a 100k-article load (perf), and held keys while it ran.
    fn extend_list(&mut self) {
        if self.by_story || self.list_covers > self.corpus.articles.len() {
            return self.rebuild_list();
        }
        let c = &self.corpus;
        let mut arrived: Vec<ArticleId> = (self.list_covers..c.articles.len())
            .filter(|&a| self.listed(a))
            .collect();
        arrived.sort_unstable_by(|&a, &b| list_order(c, a, b));
        let mut list = Vec::with_capacity(self.list.len() + arrived.len());
        let (mut old, mut new) = (self.list.iter().peekable(), arrived.iter().peekable());
        while let (Some(&&a), Some(&&b)) = (old.peek(), new.peek()) {
            if list_order(c, b, a).is_lt() {
                list.push(b);
                new.next();
            } else {
                list.push(a);
                old.next();
            }
        }
        list.extend(old);
        list.extend(new);
        self.set_list(list);
    }

    /// Rebuilds the list with the same article still selected.
    fn rebuild_list_keeping_selection(&mut self) {
        self.keeping_selection(App::rebuild_list);
    }

    /// `remake` the list with the same article still selected.
    fn keeping_selection(&mut self, remake: fn(&mut App)) {
        let current = self.list.get(self.list_selected).copied();
        remake(self);
        if let Some(i) = current.and_then(|a| self.list.iter().position(|&x| x == a)) {
            self.list_selected = i;
        }
    }

    /// Shows the article selected in the list, on its first quote (of the
    /// filtered speaker when a filter is on).
    fn show_selected_article(&mut self) {
        let Some(&a) = self.list.get(self.list_selected) else {
            self.article = None;
            self.quote = None;
            self.related.clear();
            return;
        };
        if self.article == Some(a) {
            return;
        }
        self.article = Some(a);
        let quotes = self.corpus.articles[a].quotes;
        self.quote = quotes
            .iter()
            .find(|&q| self.filter.is_none_or(|s| self.corpus.quotes[q].speaker == Some(s)))
            .or(quotes.first());
        // From the article's top, unless that leaves its quote out of
        // sight (a quote far down a long article).
        self.scroll = 0;
        self.place_quote(true);
        self.follow_quote();
    }

    /// Puts the quote view on quote `q` in its article; the list and the
    /// timeline follow.
    pub fn jump_to(&mut self, q: QuoteId) {
        let a = self.corpus.quotes[q].article;
        if !self.list.contains(&a) {
            self.filter = None;
            self.rebuild_list();
        }
        if let Some(i) = self.list.iter().position(|&x| x == a) {
            self.list_selected = i;
        }
        self.article = Some(a);
        self.read[a] = true;
        self.quote = Some(q);
        self.follow_quote();
        self.scroll_to_quote();
    }

    /// After the selected quote (or the corpus) changed: its related
    /// quotes are ranked once here rather than at every frame, and the
    /// timeline selection follows it.
    fn follow_quote(&mut self) {
        self.related = self.quote.map(|q| related(&self.corpus, q)).unwrap_or_default();
        if let Some(q) = self.quote {
            if let Some(i) = self.timeline().iter().position(|&x| x == q) {
                self.timeline_selected = i;
                return;
            }
        }
        self.timeline_selected = self.timeline_selected.min(self.timeline().len().saturating_sub(1));
    }

    /// How far PgUp and PgDn move in the focused pane: the articles it
    /// shows, or its lines less one, so that a line stays in sight.
    fn page(&self) -> usize {
        let rects = pane_rects(self.size, self.focus);
        match self.focus {
            Pane::Articles => rects.articles.map_or(1, articles_visible).max(1),
            Pane::Quote => self.quote_view_height().max(2) - 1,
            Pane::Timeline => rects.timeline.map_or(1, |r| r.height.saturating_sub(2) as usize).max(2) - 1,
        }
    }

    /// The article's rows in the quote view: inside the border, under
    /// the quote's header (as drawn when the view is shown).
    pub(super) fn quote_view_height(&self) -> usize {
        pane_rects(self.size, Pane::Quote)
            .quote
            .map_or(1, |r| {
                let header = self.quote_header_rows(r.width.saturating_sub(2));
                r.height.saturating_sub(2 + header) as usize
            })
            .max(1)
    }

    /// Rows the quote view's header takes above the article in a pane
    /// `width` columns wide inside: who said the quote, how and when; the
    /// user's note on it, wrapped; then who else reported it.
    pub fn quote_header_rows(&self, width: u16) -> u16 {
        2 + super::view::note_rows(self, usize::from(width)).len() as u16
    }

    /// Scrolls the quote view so the selected quote sits a third of the way
    /// down.
    pub fn scroll_to_quote(&mut self) {
        self.place_quote(false);
    }

    /// Scrolls the quote view so its quote is a third of the way down;
    /// when `only_if_hidden`, only if the quote is out of sight.
    fn place_quote(&mut self, only_if_hidden: bool) {
        let (Some(a), Some(q)) = (self.article, self.quote) else {
            return;
        };
        let lines = article_lines(&self.corpus, a, Some(q), self.raw, self.quote_view_width());
        let height = self.quote_view_height();
        if let Some(line) = lines.quote_line {
            if only_if_hidden && (self.scroll..self.scroll + height).contains(&line) {
                return;
            }
            // No further down than the article's end at the pane's foot,
            // as scrolling goes.
            let most = lines.lines.len().saturating_sub(height);
            self.scroll = line.saturating_sub(height / 3).min(most);
        }
    }

    pub(super) fn quote_view_len(&self) -> usize {
        let Some(a) = self.article else { return 0 };
        article_lines(&self.corpus, a, self.quote, self.raw, self.quote_view_width())
            .lines
            .len()
    }

    /// The quote view's width inside its border, as drawn when it is shown
    /// (in the narrow layout, whichever pane has the focus now).
    fn quote_view_width(&self) -> usize {
        pane_rects(self.size, Pane::Quote)
            .quote
            .map_or(40, |r| usize::from(r.width.saturating_sub(2)))
    }

    pub fn resize(&mut self, size: Rect) {
        self.size = size;
        self.scroll_to_quote();
    }

    pub fn update(&mut self, action: Action) {
        let shown = self.shown();
        self.act(action);
        self.note_if_moved(shown);
    }

    /// What the user may have chosen: the list's selection, the article
    /// and the quote shown.
    fn shown(&self) -> (usize, Option<ArticleId>, Option<QuoteId>) {
        (self.list_selected, self.article, self.quote)
    }

    /// Whether the user moved the list's selection, the article or the
    /// quote shown (from `shown`, as they were) or left the list: the
    /// selection is theirs from then on.
    fn note_if_moved(&mut self, shown: (usize, Option<ArticleId>, Option<QuoteId>)) {
        if !self.list.is_empty() && (shown != self.shown() || self.focus != Pane::Articles) {
            self.touched = true;
        }
    }

    fn act(&mut self, action: Action) {
        self.message = None;
        if action == Action::Interrupt {
            self.quit = true;
            return;
        }
        if self.loading.is_some() && action.changes_corpus() {
            self.message = Some("still loading: stars, notes, dates and corrections wait until it is done".into());
            return;
        }
        if self.overlay != Overlay::None {
            self.update_overlay(action);
            return;
        }
        let page = self.page();
        match action {
            Action::Quit | Action::Interrupt => self.quit = true,
            Action::Help => self.overlay = Overlay::Help { scroll: 0 },
            Action::NextPane => self.focus = self.focus.next(),
            Action::PrevPane => self.focus = self.focus.prev(),
            Action::RawView => {
                self.raw = !self.raw;
                self.scroll_to_quote();
            }
            Action::SpeakerPicker => {
                self.input_back = 0;
                self.overlay = Overlay::Picker {
                    input: String::new(),
                    matches: Vec::new(),
                    selected: 0,
                };
                self.refresh_overlay();
            }
            Action::Search => {
                self.input_back = 0;
                self.overlay = Overlay::Search {
                    input: String::new(),
                    matches: Vec::new(),
                    selected: 0,
                }
            }
            Action::NextQuote | Action::PrevQuote => self.step_quote(action == Action::NextQuote),
            Action::NextRelated | Action::PrevRelated => self.step_related(action == Action::NextRelated),
            Action::RelatedList => {
                if self.quote.is_some() {
                    self.overlay = Overlay::Related {
                        entries: self.related.clone(),
                        selected: 0,
                    };
                }
            }
            Action::CompareWordings => {
                if self.quote.is_some() {
                    self.overlay = Overlay::Compare { scroll: 0 };
                }
            }
            Action::SetDate => {
                if let Some(a) = self.article {
                    let date = self.corpus.articles[a].date.map(|d| d.to_string());
                    self.prompt(PromptKind::Date, date.unwrap_or_default());
                }
            }
            Action::Star => {
                if let Some(q) = self.quote {
                    let key = state::quote_key(&self.corpus, q);
                    if let Some(on) = self.save(|s| s.toggle_star(key)) {
                        self.corpus_mut().quotes[q].starred = on;
                    }
                }
            }
            Action::Note => {
                if let Some(q) = self.quote {
                    let note = self.corpus.note(q).unwrap_or_default().to_string();
                    self.prompt(PromptKind::Note, note);
                }
            }
            Action::Reattribute => {
                if let Some(q) = self.quote {
                    let name = self.corpus.speaker_name(&self.corpus.quotes[q]).map(str::to_string);
                    self.prompt(PromptKind::Speaker, name.unwrap_or_default());
                }
            }
            Action::MergeSpeaker if self.quote_speaker().is_some() => self.prompt(PromptKind::MergeInto, String::new()),
            Action::RenameSpeaker => {
                if let Some(s) = self.quote_speaker() {
                    self.prompt(PromptKind::Rename, self.corpus.speakers[s].name.clone());
                }
            }
            // Asked first: a split moves every quote made under the name.
            Action::SplitAlias => match self.split_candidate() {
                Ok(_) => self.prompt(PromptKind::SplitAlias, String::new()),
                Err(why) => self.message = Some(why),
            },
            Action::MergeSpeaker => {}
            Action::GroupByStory => {
                self.by_story = !self.by_story;
                self.rebuild_list_keeping_selection();
            }
            Action::Back => match self.focus {
                Pane::Articles if self.filter.is_some() => {
                    self.filter = None;
                    // The article shown stays the one selected.
                    self.rebuild_list_keeping_selection();
                    self.follow_quote();
                }
                _ => self.focus = Pane::Articles,
            },
            Action::Open => match self.focus {
                Pane::Articles => {
                    self.show_selected_article();
                    if let Some(a) = self.article {
                        self.read[a] = true;
                    }
                    self.focus = Pane::Quote;
                    self.scroll_to_quote();
                }
                Pane::Quote => self.focus = Pane::Timeline,
                Pane::Timeline => {
                    if let Some(&q) = self.timeline().get(self.timeline_selected) {
                        self.jump_to(q);
                        self.focus = Pane::Quote;
                    }
                }
            },
            Action::Up | Action::Down | Action::Top | Action::Bottom | Action::PageUp | Action::PageDown => {
                let step = |cur: usize, len: usize| -> usize {
                    let last = len.saturating_sub(1);
                    match action {
                        Action::Up => cur.saturating_sub(1),
                        Action::Down => (cur + 1).min(last),
                        Action::Top => 0,
                        Action::Bottom => last,
                        Action::PageUp => cur.saturating_sub(page),
                        _ => (cur + page).min(last),
                    }
                };
                match self.focus {
                    Pane::Articles => {
                        self.list_selected = step(self.list_selected, self.list.len());
                        self.show_selected_article();
                    }
                    // Down to the article's last line at the foot of the pane.
                    Pane::Quote => {
                        let lines = self.quote_view_len().saturating_sub(self.quote_view_height()) + 1;
                        self.scroll = step(self.scroll.min(lines - 1), lines);
                    }
                    Pane::Timeline => self.timeline_selected = step(self.timeline_selected, self.timeline().len()),
                }
            }
        }
    }

    fn step_quote(&mut self, forward: bool) {
        let Some(a) = self.article else { return };
        let quotes = self.corpus.articles[a].quotes;
        if quotes.is_empty() {
            return;
        }
        let at = self.quote.and_then(|q| quotes.position(q));
        let next = match (at, forward) {
            (None, _) => 0,
            (Some(i), true) => (i + 1).min(quotes.len() - 1),
            (Some(i), false) => i.saturating_sub(1),
        };
        self.quote = quotes.get(next);
        self.follow_quote();
        self.scroll_to_quote();
    }

    /// `]` and `[` walk one list, anchored at the quote where the walk
    /// began, so `[` retraces `]`.
    fn step_related(&mut self, forward: bool) {
        let Some(q) = self.quote else { return };
        let (list, at) = match self.related_walk.take() {
            Some((list, at)) if list.get(at) == Some(&q) => (list, at),
            _ => (self.walk(), 0),
        };
        if list.len() < 2 {
            return;
        }
        let next = if forward {
            (at + 1) % list.len()
        } else {
            (at + list.len() - 1) % list.len()
        };
        let target = list[next];
        self.related_walk = Some((list, next));
        self.jump_to(target);
    }

    /// What `]` walks: the selected quote, then its related quotes.
    fn walk(&self) -> Vec<QuoteId> {
        self.quote
            .into_iter()
            .chain(self.related.iter().map(|r| r.quote))
            .collect()
    }

    /// Whether keys are typed into an overlay rather than mapped.
    pub fn typing(&self) -> bool {
        self.input().is_some()
    }

    fn prompt(&mut self, kind: PromptKind, input: String) {
        self.input_back = 0;
        self.overlay = Overlay::Prompt {
            kind,
            input,
            error: None,
        };
    }

    /// Swaps in a corpus loaded again (a watched folder changed), keeping
    /// what the user was looking at: the selected article and quote, the
    /// speaker filter, the articles already read, and typed overlays.
    pub fn replace_corpus(&mut self, corpus: Corpus, user: UserState) {
        type Key = (String, Option<String>);
        let key_of = |c: &Corpus, a: ArticleId| -> Key { (c.articles[a].file.clone(), c.articles[a].item.clone()) };
        let old = &self.corpus;
        let listed = self.list.get(self.list_selected).map(|&a| key_of(old, a));
        let shown = self.article.map(|a| key_of(old, a));
        // By its words and which time the article quotes them, as the
        // state file names it.
        let quote = self.quote.map(|q| state::quote_key(old, q));
        let filter = self.filter.map(|s| old.speakers[s].name.clone());
        let read: std::collections::HashSet<Key> = (0..old.articles.len())
            .filter(|&a| self.read[a])
            .map(|a| key_of(old, a))
            .collect();
        let before = old.articles.len();

        let find = |c: &Corpus, k: &Key| (0..c.articles.len()).find(|&a| key_of(c, a) == *k);
        self.read = (0..corpus.articles.len())
            .map(|a| read.contains(&key_of(&corpus, a)))
            .collect();
        self.filter = filter.and_then(|n| state::speaker_by_name(&corpus, &n));
        self.article = shown.and_then(|k| find(&corpus, &k));
        self.quote = match (&quote, self.article) {
            (Some(key), Some(a)) => {
                state::quote_in(&corpus, a, &key.quote, key.occurrence).or(corpus.articles[a].quotes.first())
            }
            (_, Some(a)) => corpus.articles[a].quotes.first(),
            _ => None,
        };
        let listed = listed.and_then(|k| find(&corpus, &k));
        self.corpus = Arc::new(corpus);
        self.search_index = None;
        self.user = user;
        self.related_walk = None;
        self.rebuild_list();
        if let Some(i) = listed.and_then(|a| self.list.iter().position(|&x| x == a)) {
            self.list_selected = i;
        }
        if self.article.is_none() {
            self.show_selected_article();
        }
        self.follow_quote();
        self.refresh_overlays(true);
        let now = self.corpus.articles.len();
        let change = match now.cmp(&before) {
            std::cmp::Ordering::Greater => format!(" ({} new)", now - before),
            std::cmp::Ordering::Less => format!(" ({} gone)", before - now),
            std::cmp::Ordering::Equal => String::new(),
        };
        self.message = Some(format!("folder changed: {now} articles{change}"));
    }

    /// The corpus to change. The loader holds a copy only while loading,
    /// when changes are refused, so this does not clone.
    fn corpus_mut(&mut self) -> &mut Corpus {
        Arc::make_mut(&mut self.corpus)
    }

    /// Appends a batch of newly loaded articles; the list follows.
    pub fn append_batch(&mut self, batch: quoteline::pipeline::Batch) {
        batch.append_to(self.corpus_mut());
        self.read.resize(self.corpus.articles.len(), false);
        self.list_stale = true;
    }

    /// After batches arrived: the list again, keeping the selection (or
    /// showing the first article once there is one). While batches keep
    /// coming, at most every [`LIST_REFRESH`] unless `now`: sorting 100k
    /// articles for every batch took a core from the loader (measured in
    /// tmux: 34 s to load 100k articles).
    pub fn refresh_list(&mut self, now: bool) {
        let due = self.list_sorted.is_none_or(|t| t.elapsed() >= LIST_REFRESH);
        if !self.list_stale || !(now || due || self.list.is_empty()) {
            return;
        }
        self.list_stale = false;
        let follow_top = self.follows_top();
        if follow_top {
            self.extend_list();
        } else {
            self.keeping_selection(App::extend_list);
        }
        self.list_sorted = Some(std::time::Instant::now());
        // The picker follows the speakers as they arrive (a few thousand
        // names, numbered as they come); a search waits for the index, as
        // scanning every quote read so far at each refresh would take a
        // core from the loader.
        if matches!(self.overlay, Overlay::Picker { .. }) {
            self.refresh_overlay_keeping_selection();
        }
        if self.article.is_none() || follow_top {
            self.show_selected_article();
        }
    }

    /// Whether the list's selection stays on its first article as the
    /// list changes while loading: until the user moves, and not while
    /// they are in another pane (before the first batch, say), where the
    /// article is the one they are reading.
    fn follows_top(&self) -> bool {
        !self.touched && self.list_selected == 0 && self.focus == Pane::Articles
    }

    /// Quotes extracted again with genders from the whole corpus.
    pub fn revision_arrived(&mut self, revision: quoteline::pipeline::Revision) {
        revision.apply(self.corpus_mut());
        self.after_change();
    }

    /// Speakers merged across the corpus: quotes point to the merged
    /// speakers, then the user's own work is applied. The filter follows
    /// its speaker by name.
    pub fn speakers_merged(&mut self, resolution: quoteline::pipeline::Resolution) -> Vec<String> {
        let filter = self.filter.map(|s| self.corpus.speakers[s].name.clone());
        let user = self.user.clone();
        let follow_top = self.follows_top();
        let corpus = self.corpus_mut();
        resolution.apply(corpus);
        let warnings = state::apply_before_relations(corpus, &user);
        self.filter = filter.and_then(|n| state::speaker_by_name(&self.corpus, &n));
        self.after_change();
        // A date the user set can move the first article down the list:
        // the reader still opens on the list's first.
        if follow_top && self.list_selected != 0 {
            self.list_selected = 0;
            self.show_selected_article();
        }
        warnings
    }

    /// Relations computed in the background: statements, stories, related
    /// quotes. Loading is done.
    pub fn relations_ready(&mut self, relations: quoteline::relate::Relations, search_index: WordIndex) {
        relations.apply(self.corpus_mut());
        self.search_index = Some(search_index);
        if let Some((progress, started)) = self.loading.take() {
            let cached = match progress.from_cache {
                0 => String::new(),
                n => format!(" ({n} files from the cache)"),
            };
            use super::view::count;
            self.message = Some(format!(
                "loaded {}, {} in {:.1} s{cached}",
                count(self.corpus.articles.len(), "article"),
                count(self.corpus.quotes.len(), "quote"),
                started.elapsed().as_secs_f64()
            ));
        }
        self.after_change();
    }

    /// The selected quote's speaker.
    pub fn quote_speaker(&self) -> Option<SpeakerId> {
        self.quote.and_then(|q| self.corpus.quotes[q].speaker.get())
    }

    /// Saves one change to the user's work: re-read, changed, written
    /// atomically. Returns the change's result once it is safe on disk
    /// (or kept in memory when there is no state file); `None` and a
    /// message when saving failed, so the reader never shows as done
    /// what was not saved.
    fn save<T>(&mut self, change: impl FnOnce(&mut UserState) -> T) -> Option<T> {
        match &self.store {
            Some(store) => match store.update(change) {
                Ok((saved, out)) => {
                    self.user = saved;
                    self.message = Some(format!("saved to {}", store.path.display()));
                    Some(out)
                }
                Err(e) => {
                    self.message = Some(format!("not saved: {e}"));
                    None
                }
            },
            None => {
                self.message = Some("not saved: no state file (--no-state)".into());
                Some(change(&mut self.user))
            }
        }
    }

    /// [`App::save`] for a prompt: a failed save is the prompt's error.
    fn save_or_err<T>(&mut self, change: impl FnOnce(&mut UserState) -> T) -> Result<T, String> {
        self.save(change)
            .ok_or_else(|| self.message.clone().unwrap_or_default())
    }

    /// Saves a correction, then applies it to the corpus.
    fn correct(&mut self, c: Correction) -> Result<(), String> {
        let saved = c.clone();
        self.save_or_err(move |s| s.corrections.push(saved))?;
        let out = state::apply_one(self.corpus_mut(), &c);
        self.after_change();
        out
    }

    /// After dates or speakers changed: the list, the walk, the related
    /// quotes and the open picker or search follow.
    fn after_change(&mut self) {
        self.rebuild_list_keeping_selection();
        self.related_walk = None;
        self.follow_quote();
        self.refresh_overlays(false);
    }

    /// Overlays holding quote or speaker numbers, made again for the
    /// corpus as it is now (the related list is closed): speakers are
    /// numbered anew when they merge or the user corrects one, and an
    /// overlay opened while loading would list what had arrived then.
    /// Unless the corpus was read again (`renumbered`), quotes keep their
    /// numbers: a search keeps its selection, and while loading waits for
    /// the index (scanning every quote at each step would hold up the
    /// reader).
    fn refresh_overlays(&mut self, renumbered: bool) {
        match self.overlay {
            Overlay::Picker { .. } | Overlay::Search { .. } if renumbered => self.refresh_overlay(),
            Overlay::Search { .. } if self.loading.is_some() => {}
            Overlay::Search { .. } => self.refresh_overlay_keeping_selection(),
            Overlay::Picker { .. } => self.refresh_overlay(),
            Overlay::Related { .. } => self.overlay = Overlay::None,
            _ => {}
        }
    }

    /// [`App::refresh_overlay`] for the same input over more of the
    /// corpus, numbered as before: the speaker or quote selected stays
    /// selected while it is listed.
    fn refresh_overlay_keeping_selection(&mut self) {
        let chosen = match &self.overlay {
            Overlay::Picker { matches, selected, .. } => matches.get(*selected).map(|m| m.0),
            Overlay::Search { matches, selected, .. } => matches.get(*selected).copied(),
            _ => None,
        };
        self.refresh_overlay();
        let Some(chosen) = chosen else { return };
        match &mut self.overlay {
            Overlay::Picker { matches, selected, .. } => {
                *selected = matches.iter().position(|m| m.0 == chosen).unwrap_or(0);
            }
            Overlay::Search { matches, selected, .. } => {
                *selected = matches.iter().position(|&q| q == chosen).unwrap_or(0);
            }
            _ => {}
        }
    }

    /// `X`: the name this quote was attributed by ("Mr. Sheinbaum") is
    /// another person's, so its quotes get a speaker of their own.
    /// The name the selected quote calls its speaker by and the speaker's
    /// name, when that name can be split off; else why not.
    pub fn split_candidate(&self) -> Result<(String, String), String> {
        let (Some(q), Some(s)) = (self.quote, self.quote_speaker()) else {
            return Err("nothing to split: this quote has no speaker".into());
        };
        let name = self.corpus.speakers[s].name.clone();
        let alias = self.corpus.quotes[q]
            .mention
            .as_ref()
            .map(|m| m.text.as_str().trim().to_string());
        match alias {
            Some(alias)
                if !alias.eq_ignore_ascii_case(&name) && quoteline::extract::mentions::pronoun(&alias).is_none() =>
            {
                Ok((alias, name))
            }
            _ => Err(format!(
                "nothing to split: this quote names {name} by that name or a pronoun"
            )),
        }
    }

    /// Applies a typed line.
    fn apply_prompt(&mut self, kind: PromptKind, input: &str) -> Result<(), String> {
        let input = input.trim();
        match kind {
            PromptKind::Date => {
                let Some(a) = self.article else { return Ok(()) };
                let date = if input.is_empty() {
                    None
                } else {
                    Some(
                        quoteline::resolve::dates::parse_date_alone(input)
                            .ok_or_else(|| format!("not a date: {input:?} (try 2026-03-01)"))?,
                    )
                };
                let key = state::article_key(&self.corpus, a);
                self.save_or_err(|s| s.set_date(key, date))?;
                quoteline::set_article_date(self.corpus_mut(), a, date);
                self.after_change();
                Ok(())
            }
            PromptKind::Note => {
                let Some(q) = self.quote else { return Ok(()) };
                let key = state::quote_key(&self.corpus, q);
                self.save_or_err(|s| s.set_note(key, input))?;
                self.corpus_mut().set_note(q, input);
                Ok(())
            }
            PromptKind::Speaker => {
                let Some(q) = self.quote else { return Ok(()) };
                let key = state::quote_key(&self.corpus, q);
                // A speaker the name finds is saved by their name, as the
                // prompt showed it ("brandt" → Anselm Brandt).
                let speaker = state::speaker_typed(&self.corpus, input)
                    .map_or_else(|| input.trim().to_string(), |s| self.corpus.speakers[s].name.clone());
                self.correct(Correction::Reattribute { key, speaker })
            }
            PromptKind::MergeInto => {
                let Some(from) = self.quote_speaker() else {
                    return Ok(());
                };
                let into = state::speaker_typed(&self.corpus, input)
                    .ok_or_else(|| format!("no speaker is called {input:?}"))?;
                if into == from {
                    return Err("that is the same speaker".into());
                }
                self.correct(Correction::Merge {
                    from: self.corpus.speakers[from].name.clone(),
                    into: self.corpus.speakers[into].name.clone(),
                })
            }
            PromptKind::SplitAlias => {
                if !matches!(input.to_lowercase().as_str(), "y" | "yes") {
                    return Err("type y and Enter to split, or Esc to cancel".into());
                }
                let (alias, from) = self.split_candidate()?;
                self.correct(Correction::Split { alias, from })
            }
            PromptKind::Rename => {
                let Some(s) = self.quote_speaker() else { return Ok(()) };
                if input.is_empty() {
                    return Err("a name, please".into());
                }
                // A name another speaker has would merge the two, which
                // only M does, and says so.
                if let Some(other) = state::other_speaker_named(&self.corpus, input, s) {
                    let name = &self.corpus.speakers[other].name;
                    return Err(format!("{name} is another speaker: M merges into them"));
                }
                self.correct(Correction::Rename {
                    from: self.corpus.speakers[s].name.clone(),
                    to: input.to_string(),
                })
            }
        }
    }

    /// Typing in an overlay; keys arrive as actions or as characters.
    pub fn type_char(&mut self, c: char) {
        self.edit_input(|input, at| {
            input.insert(at, c);
            at + c.len_utf8()
        });
    }

    /// The line being typed, if one is.
    pub fn input(&self) -> Option<&str> {
        match &self.overlay {
            Overlay::Picker { input, .. } | Overlay::Search { input, .. } | Overlay::Prompt { input, .. } => {
                Some(input)
            }
            _ => None,
        }
    }

    /// Where the typing goes in the line being typed, as a byte offset.
    pub fn input_cursor(&self) -> usize {
        self.input().map_or(0, |input| cursor_at(input, self.input_back))
    }

    /// `edit` applied to the line being typed, given where the cursor is
    /// and returning where it goes: a prompt's error goes with the
    /// change, the picker's and the search's results follow it.
    fn edit_input(&mut self, edit: impl FnOnce(&mut String, usize) -> usize) {
        let back = self.input_back;
        let edited = |input: &mut String| {
            let at = edit(input, cursor_at(input, back));
            input[at..].chars().count()
        };
        match &mut self.overlay {
            Overlay::Picker { input, .. } | Overlay::Search { input, .. } => self.input_back = edited(input),
            Overlay::Prompt { input, error, .. } => {
                self.input_back = edited(input);
                *error = None;
                return;
            }
            _ => return,
        }
        self.refresh_overlay();
    }

    /// Moves where the typing goes: a character left or right, or to the
    /// start or end of the line. A character is what is drawn as one (a grapheme: "é" as e and an
    /// accent, a flag) and is stepped over whole.
    pub fn move_cursor(&mut self, to: CursorMove) {
        let Some(input) = self.input() else {
            return;
        };
        let at = cursor_at(input, self.input_back);
        let to = match to {
            CursorMove::Left => at - input[..at].graphemes(true).next_back().map_or(0, str::len),
            CursorMove::Right => at + input[at..].graphemes(true).next().map_or(0, str::len),
            CursorMove::Start => 0,
            CursorMove::End => input.len(),
        };
        self.input_back = input[to..].chars().count();
    }

    /// Deletes the character after the cursor (the Delete key).
    pub fn delete_forward(&mut self) {
        self.edit_input(|input, at| {
            let next = input[at..].graphemes(true).next().map_or(0, str::len);
            input.replace_range(at..at + next, "");
            at
        });
    }

    /// Text pasted (bracketed paste): into the prompt, picker or search
    /// being typed in, at the cursor, its line breaks and tabs as spaces
    /// and without other controls or escape sequences; it is never read as
    /// keys, so a pasted line break does not submit.
    /// Outside them it is dropped, with a word why.
    pub fn paste(&mut self, text: &str) {
        if !self.typing() {
            let keys: Vec<String> = [
                (Action::Note, "note"),
                (Action::Search, "search"),
                (Action::SpeakerPicker, "speaker"),
            ]
            .into_iter()
            .filter_map(|(a, what)| self.keymap.first_key(a).map(|k| format!("{k} {what}")))
            .collect();
            self.message = Some(if keys.is_empty() {
                "paste ignored: paste into a prompt".to_string()
            } else {
                format!("paste ignored: paste into a prompt ({})", keys.join(", "))
            });
            return;
        }
        // A copied line's own break at its end is no space to keep; an
        // escape sequence goes whole (its ESC alone left "[31m" behind).
        // Line breaks and tabs are spaces first: the rest of the controls go.
        let spaced = text.trim_end_matches(['\n', '\r']).replace(['\n', '\r', '\t'], " ");
        let text = quoteline::load::decode::strip_controls(&spaced).0.into_owned();
        self.edit_input(|input, at| {
            input.insert_str(at, &text);
            at + text.len()
        });
    }

    /// Ctrl-U, Ctrl-W: deletes what is before the cursor, all of it or
    /// its last word (a prefilled name is replaced without a backspace per
    /// letter).
    pub fn erase(&mut self, whole_line: bool) {
        self.edit_input(|input, at| {
            let kept = if whole_line {
                0
            } else {
                input[..at].trim_end().rfind(' ').map_or(0, |i| i + 1)
            };
            input.replace_range(kept..at, "");
            kept
        });
    }

    pub fn backspace(&mut self) {
        self.edit_input(|input, at| {
            let from = at - input[..at].graphemes(true).next_back().map_or(0, str::len);
            input.replace_range(from..at, "");
            from
        });
    }

    fn refresh_overlay(&mut self) {
        let c = &self.corpus;
        match &mut self.overlay {
            Overlay::Picker {
                input,
                matches,
                selected,
            } => {
                // Case ignored as the quote search ignores it: skim's own
                // "smart case" found nothing for "VARK".
                let matcher = SkimMatcherV2::default().ignore_case();
                let query = fold(input);
                let mut ranked: Vec<(i64, usize, SpeakerId, Vec<usize>)> = c
                    .speakers
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| !s.quotes.is_empty())
                    .filter_map(|(i, s)| {
                        if input.is_empty() {
                            return Some((0, s.quotes.len(), i, Vec::new()));
                        }
                        // The name, or failing that an alias, must match.
                        // Accents folded on both sides: "vark" finds Várkonyi.
                        let on_name = matcher.fuzzy_indices(&fold(&s.name), &query);
                        let on_alias = s
                            .aliases
                            .iter()
                            .filter_map(|a| matcher.fuzzy_match(&fold(a), &query))
                            .max();
                        match (on_name, on_alias) {
                            (Some((score, idx)), alias) => {
                                Some((score.max(alias.unwrap_or(0)), s.quotes.len(), i, idx))
                            }
                            (None, Some(score)) => Some((score, s.quotes.len(), i, Vec::new())),
                            (None, None) => None,
                        }
                    })
                    .collect();
                ranked.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
                *matches = ranked.into_iter().map(|(_, _, i, idx)| (i, idx)).collect();
                *selected = 0;
            }
            Overlay::Search {
                input,
                matches,
                selected,
            } => {
                let index = self.search_index.as_ref().filter(|i| i.len() == c.quotes.len());
                *matches = match index {
                    Some(index) => index.find(input),
                    // Quotes still arrive: each one is looked at.
                    None if self.loading.is_some() => search::scan(c, input),
                    None => {
                        let index = WordIndex::of_quotes(c);
                        let found = index.find(input);
                        self.search_index = Some(index);
                        found
                    }
                };
                *selected = 0;
            }
            _ => {}
        }
    }

    fn update_overlay(&mut self, action: Action) {
        match action {
            Action::Back | Action::Quit if !matches!(self.overlay, Overlay::Help { .. }) || action == Action::Back => {
                self.overlay = Overlay::None;
            }
            Action::Quit | Action::Help => self.overlay = Overlay::None,
            Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::Top | Action::Bottom
                if matches!(self.overlay, Overlay::Help { .. }) =>
            {
                let (page, most) = super::view::help_scroll(self);
                if let Overlay::Help { scroll } = &mut self.overlay {
                    // From where it is drawn: the frame may have grown.
                    *scroll = overlay_step(action, (*scroll).min(most), page, most);
                }
            }
            Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::Top | Action::Bottom
                if self.overlay.list_selection().is_some() =>
            {
                let page = super::view::chooser_page(self);
                if let Some((selected, len)) = self.overlay.list_selection() {
                    *selected = overlay_step(action, *selected, page, len.saturating_sub(1));
                }
            }
            Action::Up | Action::Down => {
                if let Overlay::Compare { scroll } = &mut self.overlay {
                    *scroll = if action == Action::Down {
                        *scroll + 1
                    } else {
                        scroll.saturating_sub(1)
                    };
                }
            }
            Action::Open => match std::mem::replace(&mut self.overlay, Overlay::None) {
                Overlay::Picker { matches, selected, .. } => {
                    if let Some(&(s, _)) = matches.get(selected) {
                        self.filter = Some(s);
                        self.list_selected = 0;
                        self.rebuild_list();
                        if let Some(&q) = self.corpus.speakers[s].quotes.first() {
                            self.jump_to(q);
                        }
                        self.timeline_selected = 0;
                        self.focus = Pane::Timeline;
                    }
                }
                Overlay::Search { matches, selected, .. } => {
                    if let Some(&q) = matches.get(selected) {
                        self.jump_to(q);
                        self.focus = Pane::Quote;
                    }
                }
                Overlay::Related { entries, selected } => {
                    if let (Some(from), Some(r)) = (self.quote, entries.get(selected)) {
                        // `]` and `[` go on along the same list from here.
                        let list: Vec<QuoteId> = std::iter::once(from).chain(entries.iter().map(|e| e.quote)).collect();
                        self.related_walk = Some((list, selected + 1));
                        self.jump_to(r.quote);
                        self.focus = Pane::Quote;
                    }
                }
                Overlay::Prompt { kind, input, .. } => {
                    if let Err(e) = self.apply_prompt(kind, &input) {
                        self.overlay = Overlay::Prompt {
                            kind,
                            input,
                            error: Some(e),
                        };
                    }
                }
                other => self.overlay = other,
            },
            _ => {}
        }
    }

    /// The pane under (column, row) and its area.
    fn pane_at(&self, column: u16, row: u16) -> Option<(Pane, Rect)> {
        let rects = pane_rects(self.size, self.focus);
        let at = ratatui::layout::Position { x: column, y: row };
        [
            (Pane::Articles, rects.articles),
            (Pane::Quote, rects.quote),
            (Pane::Timeline, rects.timeline),
        ]
        .into_iter()
        .find_map(|(pane, r)| r.filter(|r| r.contains(at)).map(|r| (pane, r)))
    }

    /// A mouse click at (column, row): focus the pane, select the row.
    pub fn click(&mut self, column: u16, row: u16) {
        let Some((pane, r)) = self.pane_at(column, row) else {
            return;
        };
        let shown = self.shown();
        self.focus = pane;
        // Inside the border, on an article drawn (not a blank row under
        // the last one, nor the border).
        let at = (row.saturating_sub(r.y + 1) / ARTICLE_ROWS) as usize;
        if pane == Pane::Articles && row > r.y && at < articles_visible(r) {
            let i = at + list_offset(self.list_selected, articles_visible(r));
            if i < self.list.len() {
                self.list_selected = i;
                self.show_selected_article();
            }
        }
        self.note_if_moved(shown);
    }

    /// The mouse wheel focuses and scrolls the pane under the pointer.
    pub fn wheel(&mut self, column: u16, row: u16, down: bool) {
        if let Some((pane, _)) = self.pane_at(column, row) {
            self.focus = pane;
        }
        for _ in 0..3 {
            self.update(if down { Action::Down } else { Action::Up });
        }
    }
}

/// Where a key moves a position from `at` (the help's first line shown,
/// a list overlay's selected row), a page being `page` and the last
/// position `most`.
fn overlay_step(action: Action, at: usize, page: usize, most: usize) -> usize {
    match action {
        Action::Up => at.saturating_sub(1),
        Action::Down => at + 1,
        Action::PageUp => at.saturating_sub(page),
        Action::PageDown => at + page,
        Action::Top => 0,
        _ => most,
    }
    .min(most)
}

/// Rows an article takes in the list: its title, then its outlet and date.
pub const ARTICLE_ROWS: u16 = 2;

/// How many articles the list pane `r` shows inside its border (shared by
/// drawing, clicking and paging).
pub fn articles_visible(r: Rect) -> usize {
    (r.height.saturating_sub(2) / ARTICLE_ROWS) as usize
}

/// First visible row of a list of `len_visible` rows keeping `selected` in
/// view (shared by drawing and clicking).
pub fn list_offset(selected: usize, visible: usize) -> usize {
    if visible == 0 {
        return 0;
    }
    selected.saturating_sub(visible - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The demo corpus with three articles made alike (one date, one
    /// title) and one left undated.
    fn app_with_ties() -> App {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut corpus = quoteline::load_corpus(&[format!("{root}/assets")], &quoteline::LoadOptions::default());
        let date = corpus.articles[0].date;
        for a in [3, 7, 11] {
            corpus.articles[a].date = date;
            corpus.articles[a].title = Some("Alike".into());
        }
        corpus.articles[5].date = None;
        App::new(corpus, Rect::new(0, 0, 120, 40))
    }

    #[test]
    fn the_list_sorts_to_one_order_from_any_order() {
        let mut app = app_with_ties();
        let c = &app.corpus;
        // Dated first, newest first, then by title, then as they came.
        let mut expected: Vec<ArticleId> = (0..c.articles.len()).collect();
        expected.sort_by_key(|&a| {
            let x = &c.articles[a];
            (x.date.is_none(), std::cmp::Reverse(x.date), x.title.clone(), a)
        });
        assert_eq!(app.list, expected);
        for start in [
            expected.iter().rev().copied().collect::<Vec<_>>(),
            vec![9, 2, 9, 4, 1_000],
            Vec::new(),
        ] {
            app.list = start.clone();
            app.rebuild_list();
            assert_eq!(app.list, expected, "rebuilt from {start:?}");
        }
        // By story: stories by their latest date, newest first (articles
        // of no story alone), then as above; from the list by date and
        // from its reverse.
        let c = &app.corpus;
        let latest = |a: ArticleId| {
            let story = c.articles[a].story;
            let last = story.and_then(|s| c.stories[s].articles.iter().filter_map(|&x| c.articles[x].date).max());
            (last.is_some(), last, story)
        };
        let mut by_story = expected.clone();
        by_story.sort_by_key(|&a| std::cmp::Reverse(latest(a)));
        assert!(
            c.stories.iter().any(|s| s.articles.len() > 1),
            "the demo corpus has stories"
        );
        app.by_story = true;
        app.rebuild_list();
        assert_eq!(app.list, by_story);
        app.list.reverse();
        app.rebuild_list();
        assert_eq!(app.list, by_story);
        app.list = (0..app.corpus.articles.len()).collect();
        app.rebuild_list();
        assert_eq!(app.list, by_story);
    }
}

/// Where [`App::move_cursor`] moves the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CursorMove {
    Left,
    Right,
    Start,
    End,
}

/// The byte offset in `input` with `back` characters after it (all of
/// them, at most).
pub fn cursor_at(input: &str, back: usize) -> usize {
    if back == 0 {
        return input.len();
    }
    input.char_indices().rev().nth(back - 1).map_or(0, |(i, _)| i)
}
