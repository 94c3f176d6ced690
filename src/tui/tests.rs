//! The reader rendered to ratatui's TestBackend after scripted keys, at
//! 120x40 (three panes) and 60x20 (tabs), snapshotted with insta.

use super::app::App;
use super::{handle, view};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::Terminal;

/// The demo at 120x40, saving to a state file of its own (in a folder kept
/// while the first of these lives).
fn demo_app_saving() -> (tempfile::TempDir, quoteline::state::StateFile, App) {
    let dir = tempfile::tempdir().unwrap();
    let store = quoteline::state::StateFile::new(dir.path().join("state.toml"));
    let mut app = demo_app(120, 40);
    app.store = Some(store.clone());
    (dir, store, app)
}

fn demo_app(w: u16, h: u16) -> App {
    // Snapshots must not depend on the user's terminal colours.
    std::env::set_var("NO_COLOR", "1");
    let root = env!("CARGO_MANIFEST_DIR");
    let corpus = quoteline::load_corpus(&[format!("{root}/assets")], &quoteline::LoadOptions::default());
    App::new(corpus, Rect::new(0, 0, w, h))
}

fn keys(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\t' => KeyCode::Tab,
            '\x1b' => KeyCode::Esc,
            c => KeyCode::Char(c),
        };
        handle(app, Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }
}

/// Empties the prompt's input line.
fn clear_input(app: &mut App) {
    while matches!(&app.overlay, super::app::Overlay::Prompt { input, .. } if !input.is_empty()) {
        handle(app, Event::Key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE)));
    }
}

fn render(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    t.draw(|f| view::draw(f, app)).unwrap();
    t.backend().to_string()
}

#[test]
fn start_screen_wide_and_narrow() {
    insta::assert_snapshot!("start_120x40", render(&demo_app(120, 40)));
    insta::assert_snapshot!("start_60x20", render(&demo_app(60, 20)));
}

#[test]
fn speaker_picker_filters_and_fills_the_timeline() {
    let mut app = demo_app(120, 40);
    keys(&mut app, "svark");
    insta::assert_snapshot!("picker_typed_120x40", render(&app));
    keys(&mut app, "\n");
    let s = app.filter.expect("a speaker is chosen");
    assert_eq!(app.corpus.speakers[s].name, "Ilona Várkonyi");
    assert!(app.list.iter().all(|&a| app.corpus.articles[a]
        .quotes
        .iter()
        .any(|q| app.corpus.quotes[q].speaker == Some(s))));
    insta::assert_snapshot!("picker_chosen_120x40", render(&app));
    keys(&mut app, "\x1b\x1b");
    assert_eq!(app.filter, None, "Esc in the list clears the filter");
}

#[test]
fn related_quotes_walk_the_speakers_other_quotes() {
    let mut app = demo_app(120, 40);
    keys(&mut app, "svark\n");
    let first = app.quote.unwrap();
    keys(&mut app, "]");
    let second = app.quote.unwrap();
    assert_ne!(first, second);
    assert_eq!(app.corpus.quotes[first].speaker, app.corpus.quotes[second].speaker);
    assert_eq!(
        app.article,
        Some(app.corpus.quotes[second].article),
        "the quote view follows"
    );
    keys(&mut app, "[");
    assert_eq!(app.quote, Some(first));
    insta::assert_snapshot!("related_60x20", {
        let mut narrow = demo_app(60, 20);
        keys(&mut narrow, "svark\n]");
        render(&narrow)
    });
}

#[test]
fn help_search_and_raw_view() {
    let mut app = demo_app(120, 40);
    keys(&mut app, "?");
    insta::assert_snapshot!("help_120x40", render(&app));
    keys(&mut app, "?/not one cent");
    insta::assert_snapshot!("search_120x40", render(&app));
    keys(&mut app, "\n");
    assert!(app
        .corpus
        .quote_text(&app.corpus.quotes[app.quote.unwrap()])
        .to_lowercase()
        .contains("not one cent"));
    keys(&mut app, "r");
    insta::assert_snapshot!("raw_60x20", {
        let mut narrow = demo_app(60, 20);
        keys(&mut narrow, "\nr");
        render(&narrow)
    });
}

#[test]
fn every_size_down_to_one_cell_draws_without_panic() {
    let mut app = demo_app(120, 40);
    keys(&mut app, "\nnnn\t");
    for (w, h) in [(1, 1), (2, 1), (1, 5), (10, 3), (30, 8), (99, 20), (100, 6), (200, 60)] {
        app.resize(Rect::new(0, 0, w, h));
        render(&app);
        keys(&mut app, "jGk?\x1b");
    }
}

#[test]
fn mouse_click_focuses_and_selects() {
    let mut app = demo_app(120, 40);
    // Third article: rows 1-2 are the first, 3-4 the second, 5-6 the third.
    handle(
        &mut app,
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(crossterm::event::MouseButton::Left),
            column: 5,
            row: 5,
            modifiers: KeyModifiers::NONE,
        }),
    );
    assert_eq!(app.list_selected, 2);
    handle(
        &mut app,
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollDown,
            column: 60,
            row: 10,
            modifiers: KeyModifiers::NONE,
        }),
    );
    assert_eq!(app.focus, super::layout::Pane::Quote);
    assert_eq!(app.scroll, 3);
}

#[test]
fn picker_folds_accents_and_case_and_searches_aliases() {
    assert_eq!(
        quoteline::text::fold("Várkonyi Ashby-Lorne Ž"),
        "Varkonyi Ashby-Lorne Z"
    );
    let first_pick = |typed: &str| {
        let mut app = demo_app(120, 40);
        keys(&mut app, &format!("s{typed}"));
        match &app.overlay {
            super::app::Overlay::Picker { matches, .. } => {
                matches.first().map(|&(s, _)| app.corpus.speakers[s].name.clone())
            }
            other => panic!("not the picker: {other:?}"),
        }
    };
    for typed in ["vark", "Várk", "VARK", "VÁRKONYI"] {
        assert_eq!(first_pick(typed).as_deref(), Some("Ilona Várkonyi"), "{typed}");
    }
    // By an alias alone: no speaker's name holds "Eastmere".
    assert_eq!(first_pick("eastmere").as_deref(), Some("Gideon Farrelly"));
}

#[test]
fn seeds_sheinbaum_timeline_and_related_jump() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !shared.is_dir() {
        eprintln!("skipped: ../shared/seeds is not present");
        return;
    }
    std::env::set_var("NO_COLOR", "1");
    let corpus = quoteline::load_corpus(
        &[shared.to_string_lossy().into_owned()],
        &quoteline::LoadOptions::default(),
    );
    let mut app = App::new(corpus, Rect::new(0, 0, 120, 40));
    assert_eq!(app.list.len(), 5);
    keys(&mut app, "sshein\n");
    let s = app.filter.expect("Sheinbaum chosen");
    assert_eq!(app.corpus.speakers[s].name, "Claudia Sheinbaum");
    let timeline = app.timeline().to_vec();
    let articles: std::collections::BTreeSet<usize> = timeline.iter().map(|&q| app.corpus.quotes[q].article).collect();
    assert_eq!(articles.len(), 5, "her quotes from all five articles");
    let dates: Vec<_> = timeline.iter().filter_map(|&q| app.corpus.quotes[q].date()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "dated quotes in date order");
    let from = app.quote.unwrap();
    keys(&mut app, "]");
    let to = app.quote.unwrap();
    assert_eq!(app.corpus.quotes[to].speaker, Some(s));
    assert_ne!(
        app.corpus.quotes[to].article, app.corpus.quotes[from].article,
        "] lands in another article"
    );
    keys(&mut app, "[");
    assert_eq!(app.quote, Some(from));
}

#[test]
fn narrow_overlays_and_timeline_tab() {
    let mut app = demo_app(60, 20);
    keys(&mut app, "\t\t");
    insta::assert_snapshot!("timeline_tab_60x20", render(&app));
    keys(&mut app, "?");
    insta::assert_snapshot!("help_60x20", render(&app));
    keys(&mut app, "\x1bsash");
    insta::assert_snapshot!("picker_60x20", render(&app));
    keys(&mut app, "\x1b/patience");
    insta::assert_snapshot!("search_60x20", render(&app));
}

#[test]
fn wide_characters_are_cut_by_display_width() {
    use unicode_width::UnicodeWidthStr;
    let cut = super::view::fit("日本語のタイトル Flores-Macías", 9);
    assert!(cut.width() <= 9, "{cut}");
    assert!(cut.ends_with('…'));
    // An emoji with its variation selector is two columns, and an accent
    // written apart stays with its letter.
    for line in [
        "❤️ ❤️ ❤️ ❤️ ❤️ ❤️ ❤️ ❤️",
        "☀️☀️☀️☀️☀️☀️☀️☀️☀️",
        "Mace\u{301}do Mace\u{301}do Mace\u{301}do",
    ] {
        for width in 1..12 {
            let cut = super::view::fit(line, width);
            assert!(cut.width() <= width, "{cut:?} at {width}");
            assert!(!cut.starts_with('\u{301}') && !cut.contains(" \u{301}"), "{cut:?}");
            let end = super::view::fit_end(line, width);
            assert!(end.width() <= width, "{end:?} at {width}");
            assert!(line.ends_with(end.trim_start_matches('…')), "{end:?}");
            assert!(!end.starts_with("…\u{301}"), "{end:?}");
        }
    }
}

#[test]
fn a_long_search_shows_the_end_being_typed() {
    let mut app = demo_app(60, 20);
    let typed = format!("/{}water", "tariff ".repeat(12));
    keys(&mut app, &typed);
    let screen = render(&app);
    let input = screen.lines().find(|l| l.contains("> ")).expect("the input line");
    assert!(input.contains("> …") && input.contains("tariff water"), "{input}");
}

#[test]
fn statements_compare_related_list_date_and_stories() {
    let mut app = demo_app(120, 40);
    keys(&mut app, "/Our door remains\n");
    let q = app.quote.expect("found");
    assert!(render(&app).contains("also reported by 1 outlet: Veskaran Press Agency"));
    // c: the other outlet's wording against this one, word by word.
    keys(&mut app, "c");
    let screen = render(&app);
    assert!(screen.contains("[-remains-] {+is+}"), "{screen}");
    insta::assert_snapshot!("compare_120x40", screen);
    // R: the ranked related quotes with their reasons; Enter jumps.
    keys(&mut app, "\x1bR");
    insta::assert_snapshot!("related_list_120x40", render(&app));
    let super::app::Overlay::Related { entries, .. } = app.overlay.clone() else {
        panic!("related list open")
    };
    assert_eq!(entries[0].reason, quoteline::relate::related::Reason::SameStatement);
    keys(&mut app, "\n");
    assert_eq!(app.quote, Some(entries[0].quote));
    keys(&mut app, "[");
    assert_eq!(app.quote, Some(q), "[ walks back along the list");
    // d: a date by hand; a bad one is refused with a message.
    let a = app.article.unwrap();
    keys(&mut app, "d");
    clear_input(&mut app);
    keys(&mut app, "2026-13-01\n");
    assert!(render(&app).contains("not a date"));
    clear_input(&mut app);
    keys(&mut app, "2026-03-20\n");
    insta::assert_snapshot!("date_set_120x40", render(&app));
    assert_eq!(app.corpus.articles[a].date.unwrap().to_string(), "2026-03-20");
    // The quote, said on "Thursday evening", moves to the Thursday before.
    assert_eq!(app.corpus.quotes[q].date().unwrap().to_string(), "2026-03-19");
    // t: articles of one story together in the list.
    keys(&mut app, "t");
    assert!(app.by_story);
    let stories: Vec<_> = app.list.iter().map(|&a| app.corpus.articles[a].story).collect();
    for w in stories.windows(3) {
        assert!(
            !(w[0] == w[2] && w[0] != w[1]),
            "a story is split in the list: {stories:?}"
        );
    }
    // Each story of more than one article is bracketed, so two stories
    // listed one after the other are told apart: a bracket opens on the
    // row after one closes wherever one story follows another.
    app.resize(Rect::new(0, 0, 120, 2 * app.list.len() as u16 + 4));
    let screen = render(&app);
    // Each article's first row, after the pane's top border; the bracket
    // is in the column after its left border (the screen's lines are
    // quoted).
    let brackets: Vec<char> = screen
        .lines()
        .skip(1)
        .step_by(2)
        .take(app.list.len())
        .map(|l| l.trim_start_matches('"').chars().nth(1).expect("a bracket column"))
        .collect();
    for (i, w) in stories.windows(2).enumerate() {
        let starts = w[1].is_some() && w[1] != w[0] && stories.get(i + 2) == Some(&w[1]);
        assert_eq!(
            brackets[i + 1] == '┌',
            starts,
            "row {}: {brackets:?} for {stories:?}",
            i + 1
        );
    }
    assert!(
        stories
            .windows(3)
            .any(|w| w[0] == w[1] && w[1] != w[2] && w[2].is_some()),
        "the demo lists one story right after another"
    );
    insta::assert_snapshot!("by_story_60x20", {
        app.resize(Rect::new(0, 0, 60, 20));
        keys(&mut app, "\x1b");
        render(&app)
    });
}

#[test]
fn splitting_a_name_off_a_speaker_asks_first() {
    let (_dir, store, mut app) = demo_app_saving();
    // A quote naming its speaker by a shorter name ("Brandt").
    let c = &app.corpus;
    let q = (0..c.quotes.len())
        .find(|&q| {
            let quote = &c.quotes[q];
            let (Some(name), Some(m)) = (c.speaker_name(quote), quote.mention.as_ref()) else {
                return false;
            };
            name.split(' ').count() > 1 && name.ends_with(m.text.as_str().trim()) && m.text.as_str().trim() != name
        })
        .expect("a quote naming its speaker by surname");
    let speaker = c.speaker_name(&c.quotes[q]).unwrap().to_string();
    app.jump_to(q);
    let splits = |store: &quoteline::state::StateFile| store.load().0.corrections.len();

    keys(&mut app, "X");
    assert!(matches!(
        &app.overlay,
        super::app::Overlay::Prompt {
            kind: super::app::PromptKind::SplitAlias,
            ..
        }
    ));
    assert!(
        render(&app).contains(&format!("from {speaker}?")),
        "the prompt names the speaker"
    );
    keys(&mut app, "\x1b");
    assert_eq!(
        app.corpus.speaker_name(&app.corpus.quotes[q]),
        Some(speaker.as_str()),
        "Esc splits nothing"
    );
    keys(&mut app, "Xn\n");
    assert!(matches!(&app.overlay, super::app::Overlay::Prompt { error: Some(e), .. } if e.contains("type y")));
    assert_eq!(splits(&store), 0, "nothing saved");
    keys(&mut app, "\x1b");
    keys(&mut app, "Xy\n");
    assert_eq!(app.overlay, super::app::Overlay::None);
    assert_ne!(
        app.corpus.speaker_name(&app.corpus.quotes[q]),
        Some(speaker.as_str()),
        "split off"
    );
    assert_eq!(splits(&store), 1);
}

#[test]
fn stars_notes_and_corrections_are_saved_and_come_back() {
    let (_dir, store, mut app) = demo_app_saving();
    // The first article's first quote, in the quote pane.
    keys(&mut app, "\n");
    let q = app.quote.expect("a quote");
    let words = app.corpus.quote_text(&app.corpus.quotes[q]).to_string();
    keys(&mut app, "*");
    assert!(app.corpus.quotes[q].starred);
    assert!(app.message.as_deref().unwrap_or("").starts_with("saved to"));
    keys(&mut app, "mcheck this\n");
    assert_eq!(app.corpus.note(q), Some("check this"));
    // Re-attributed to a new person, who gets a speaker and a timeline.
    keys(&mut app, "A");
    clear_input(&mut app);
    keys(&mut app, "Edda Moll");
    insta::assert_snapshot!("reattribute_120x40", render(&app));
    keys(&mut app, "\n");
    assert_eq!(app.corpus.speaker_name(&app.corpus.quotes[q]), Some("Edda Moll"));
    let screen = render(&app);
    assert!(screen.contains("★ Edda Moll"), "{screen}");
    assert!(screen.contains("note: check this"), "{screen}");
    // Renamed: E on her quote.
    keys(&mut app, "E");
    clear_input(&mut app);
    keys(&mut app, "Edda Moll-Varga\n");
    assert_eq!(app.corpus.speaker_name(&app.corpus.quotes[q]), Some("Edda Moll-Varga"));
    // Merging into nobody is refused and says why.
    keys(&mut app, "Mnobody at all\n");
    assert!(matches!(&app.overlay, super::app::Overlay::Prompt { error: Some(e), .. } if e.contains("no speaker")));
    keys(&mut app, "\x1b");

    // A fresh load with the saved state shows the same.
    let (saved, warning) = store.load();
    assert!(warning.is_none());
    let mut fresh = std::sync::Arc::unwrap_or_clone(demo_app(120, 40).corpus);
    assert!(quoteline::state::apply(&mut fresh, &saved).is_empty());
    let again = fresh.quotes.iter().position(|x| fresh.quote_text(x) == words).unwrap();
    assert_eq!(fresh.note(again), Some("check this"));
    let again = &fresh.quotes[again];
    assert!(again.starred);
    assert_eq!(fresh.speaker_name(again), Some("Edda Moll-Varga"));
}

/// A name typed for a speaker who is there is saved as the name the prompt
/// showed, so that the exports of one file name them the same.
#[test]
fn reattributing_to_a_known_speaker_saves_their_name() {
    let (_dir, store, mut app) = demo_app_saving();
    keys(&mut app, "\n");
    let q = app.quote.expect("a quote");
    keys(&mut app, "A");
    clear_input(&mut app);
    keys(&mut app, "brandt\n");
    assert_eq!(app.corpus.speaker_name(&app.corpus.quotes[q]), Some("Anselm Brandt"));
    let saved = store.load().0;
    let names: Vec<_> = saved
        .corrections
        .iter()
        .filter_map(|c| match c {
            quoteline::state::Correction::Reattribute { speaker, .. } => Some(speaker.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(names, ["Anselm Brandt"]);
}

fn ctrl(app: &mut App, c: char) {
    handle(app, Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)));
}

fn prompt_input(app: &App) -> Option<&str> {
    match &app.overlay {
        super::app::Overlay::Prompt { input, .. } => Some(input),
        _ => None,
    }
}

/// The A, M and E prompts find a speaker as the picker does, case and
/// accents ignored; Ctrl-U and Ctrl-W erase; E does not rename a speaker
/// onto another's name (that would merge them unasked).
#[test]
fn prompts_find_speakers_as_the_picker_does() {
    let (_dir, _store, mut app) = demo_app_saving();
    keys(&mut app, "\n");
    let q = app.quote.expect("a quote");
    keys(&mut app, "A");
    ctrl(&mut app, 'u');
    assert_eq!(prompt_input(&app), Some(""));
    keys(&mut app, "ilona vark");
    ctrl(&mut app, 'w');
    assert_eq!(prompt_input(&app), Some("ilona "));
    keys(&mut app, "VÁRKONYI\n");
    assert_eq!(app.corpus.speaker_name(&app.corpus.quotes[q]), Some("Ilona Várkonyi"));
    assert_rename_refused(&mut app, "anselm brandt", "Anselm Brandt");
    assert_eq!(app.corpus.speaker_name(&app.corpus.quotes[q]), Some("Ilona Várkonyi"));
    // Nor onto another's name typed without its accents.
    let brandt = app
        .corpus
        .speakers
        .iter()
        .position(|s| s.name == "Anselm Brandt")
        .expect("Anselm Brandt speaks in the demo");
    let q = app.corpus.speakers[brandt].quotes[0];
    app.quote = Some(q);
    app.article = Some(app.corpus.quotes[q].article);
    assert_rename_refused(&mut app, "ilona varkonyi", "Ilona Várkonyi");
    assert_eq!(app.corpus.speakers[brandt].name, "Anselm Brandt");
}

/// `E` on the quote's speaker, renaming to `typed`, is refused as the name
/// of `other`.
fn assert_rename_refused(app: &mut App, typed: &str, other: &str) {
    keys(app, "E");
    ctrl(app, 'u');
    keys(app, &format!("{typed}\n"));
    match &app.overlay {
        super::app::Overlay::Prompt { error: Some(e), .. } => {
            assert!(e.contains(&format!("{other} is another speaker")), "{e}")
        }
        other => panic!("renamed onto another speaker: {other:?}"),
    }
}

#[test]
fn while_loading_frames_wait_for_a_key_or_their_turn() {
    let mut clock = super::loading::FrameClock::default();
    assert!(clock.due(true, false), "the first frame is drawn at once");
    assert!(!clock.due(true, false), "the next waits while only the loading moves");
    assert!(clock.due(true, true), "a key is answered at once");
    assert!(clock.due(false, false), "once loaded, every turn draws");
}

/// Loads `paths` as the reader does (in the background, batch by batch,
/// then the corpus-wide steps) with the user's saved work `user`.
fn load_in_background(paths: Vec<String>, user: quoteline::state::UserState) -> App {
    load_with_cache(paths, user, None).0
}

/// [`load_in_background`] with the cache in `cache_dir`; and whether the
/// quotes' vectors and the search index were read from it.
fn load_with_cache(
    paths: Vec<String>,
    user: quoteline::state::UserState,
    cache_dir: Option<std::path::PathBuf>,
) -> (App, bool) {
    let mut app = App::new(Default::default(), Rect::new(0, 0, 120, 40));
    app.user = user.clone();
    let loader = super::loading::Loading::start(paths, Default::default(), user, cache_dir);
    app.loading = Some((Default::default(), loader.started));
    let mut problems = Vec::new();
    while super::take_loaded(&mut app, &loader, &mut problems) {
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    // The stories linked while loading held: none found again from the text.
    assert!(!loader.stories_found_again.load(std::sync::atomic::Ordering::Relaxed));
    let words_from_cache = loader.words_from_cache.load(std::sync::atomic::Ordering::Relaxed);
    (app, words_from_cache)
}

/// What the quotes' vectors and the search index give: each quote's
/// related quotes, and the quotes found by each quote's words.
fn words_of(app: &App) -> String {
    let c = &app.corpus;
    let index = app.search_index.as_ref().expect("indexed");
    let related: Vec<_> = (0..c.quotes.len())
        .map(|q| quoteline::relate::related::related(c, q))
        .collect();
    let found: Vec<_> = (0..c.quotes.len())
        .map(|q| {
            let words: Vec<String> = quoteline::search::words(&c.quote_text(&c.quotes[q])).take(2).collect();
            index.find(&words.join(" "))
        })
        .collect();
    format!("{related:?}\n{found:?}")
}

#[test]
fn a_corpus_opened_again_unchanged_reads_its_quotes_words_from_the_cache() {
    let folder = tempfile::tempdir().unwrap();
    let assets = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo");
    for entry in std::fs::read_dir(&assets).unwrap().flatten() {
        std::fs::copy(entry.path(), folder.path().join(entry.file_name())).unwrap();
    }
    // Files changed in the moment they are read are not kept in the cache.
    let settle = || std::thread::sleep(std::time::Duration::from_millis(30));
    settle();
    let paths = vec![folder.path().to_string_lossy().into_owned()];
    let cache = tempfile::tempdir().unwrap();
    let load = |cached: bool| {
        let dir = cached.then(|| cache.path().to_path_buf());
        load_with_cache(paths.clone(), Default::default(), dir)
    };
    let (fresh, _) = load(false);
    let (first, read) = load(true);
    assert!(!read, "nothing to read back the first time");
    let (again, read) = load(true);
    assert!(read, "read back when nothing changed");
    assert_eq!(words_of(&again), words_of(&fresh));
    assert_eq!(words_of(&first), words_of(&fresh));
    assert!(again.corpus.index.quote_terms == fresh.corpus.index.quote_terms);
    assert_eq!(relations_of(&again.corpus), relations_of(&fresh.corpus));

    // One article changed: its words are made again, and kept for next time.
    let file = std::fs::read_dir(folder.path())
        .unwrap()
        .flatten()
        .next()
        .unwrap()
        .path();
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("said", "said on Friday", 1)).unwrap();
    settle();
    let (fresh, _) = load(false);
    let (changed, read) = load(true);
    assert!(!read, "not read back for a changed corpus");
    assert_eq!(words_of(&changed), words_of(&fresh));
    assert!(changed.corpus.index.quote_terms == fresh.corpus.index.quote_terms);
    let (_, read) = load(true);
    assert!(read, "the changed corpus's words were kept");
}

/// Each article's story, the stories, and each quote's statement.
fn relations_of(c: &quoteline::model::Corpus) -> String {
    let story_of: Vec<_> = c.articles.iter().map(|a| a.story).collect();
    let statement_of: Vec<_> = c.quotes.iter().map(|q| q.statement).collect();
    format!("{story_of:?}\n{:?}\n{statement_of:?}", c.stories)
}

#[test]
fn a_background_load_relates_as_a_command_line_load_with_or_without_dates_the_user_set() {
    use quoteline::state::{self, UserState};
    let assets = format!("{}/assets", env!("CARGO_MANIFEST_DIR"));
    let mut cli = quoteline::load_corpus(std::slice::from_ref(&assets), &Default::default());
    let app = load_in_background(vec![assets.clone()], UserState::new());
    assert!(cli.stories.iter().any(|s| s.articles.len() > 1));
    assert_eq!(relations_of(&app.corpus), relations_of(&cli));
    // A date the user set years away takes an article out of its story;
    // the loader links by the user's dates, as the command line does.
    let (a, _) = (cli.articles.iter().enumerate())
        .find(|(_, a)| a.story.is_some_and(|s| cli.stories[s].articles.len() > 1))
        .unwrap();
    let mut user = UserState::new();
    user.set_date(state::article_key(&cli, a), "1990-01-01".parse().ok());
    let app = load_in_background(vec![assets], user.clone());
    state::apply(&mut cli, &user);
    assert_eq!(cli.stories[cli.articles[a].story.unwrap()].articles, vec![a]);
    assert_eq!(relations_of(&app.corpus), relations_of(&cli));
}

#[test]
fn the_reader_keeps_texts_packed_and_finds_quotes_as_from_plain_ones() {
    use quoteline::search::{self, WordIndex};
    let assets = format!("{}/assets", env!("CARGO_MANIFEST_DIR"));
    let cli = quoteline::load_corpus(std::slice::from_ref(&assets), &Default::default());
    let app = load_in_background(vec![assets], quoteline::state::UserState::new());
    let c = &app.corpus;
    let held: usize = c.articles.iter().map(|a| a.text.held()).sum();
    let len: usize = c.articles.iter().map(|a| a.text.len()).sum();
    assert!(held * 10 < len * 9, "{held} of {len}");
    assert_eq!(c.articles.len(), cli.articles.len());
    for (a, b) in c.articles.iter().zip(&cli.articles) {
        assert_eq!(a.text.get(), b.text.get(), "{}", a.file);
    }
    let texts: Vec<String> = cli.quotes.iter().map(|q| cli.quote_text(q).into_owned()).collect();
    let from_plain = WordIndex::build(&texts);
    let index = app.search_index.as_ref().expect("the index is built once loaded");
    for query in ["water", "the pri", "council", "we will not", "zebra", "", " ,. "] {
        assert_eq!(index.find(query), from_plain.find(query), "{query}");
        assert_eq!(search::scan(c, query), from_plain.find(query), "{query}");
    }
    assert!(!index.find("the").is_empty());
}

/// While loading, the articles of each batch are merged into the sorted
/// list: the list comes out as sorting every article at once, ties (same
/// date and title) and undated articles included, and the selected
/// article stays selected.
#[test]
fn the_list_merged_batch_by_batch_is_the_list_sorted_at_once() {
    let root = env!("CARGO_MANIFEST_DIR");
    let demo = quoteline::load_corpus(&[format!("{root}/assets")], &quoteline::LoadOptions::default());
    let mut articles = Vec::new();
    for round in 0..3 {
        for (i, a) in demo.articles.iter().enumerate() {
            let mut a = a.clone();
            a.quotes = Default::default();
            a.story = None;
            if (i + round) % 4 == 0 {
                a.date = None;
            }
            articles.push(a);
        }
    }
    let mut app = App::new(quoteline::model::Corpus::default(), Rect::new(0, 0, 120, 40));
    let mut selected = None;
    for chunk in articles.chunks(5) {
        app.append_batch(quoteline::pipeline::Batch {
            articles: chunk.to_vec(),
            ..Default::default()
        });
        app.refresh_list(true);
        if let Some(a) = selected {
            assert_eq!(app.list[app.list_selected], a, "the selection moved");
        } else if app.list.len() > 3 {
            app.list_selected = 3;
            selected = Some(app.list[3]);
        }
    }
    let mut corpus = quoteline::model::Corpus::default();
    corpus.articles = articles;
    let whole = App::new(corpus, Rect::new(0, 0, 120, 40));
    assert_eq!(app.list, whole.list);
    assert!(whole.list.len() >= 30, "{} articles", whole.list.len());
}

/// The same with a speaker filter on while the demo corpus arrives four
/// articles at a time, some of them undated: the articles the speaker
/// speaks in, in the order of sorting them at once.
#[test]
fn the_filtered_list_merged_batch_by_batch_is_the_list_sorted_at_once() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut demo = quoteline::load_corpus(&[format!("{root}/assets")], &quoteline::LoadOptions::default());
    for (i, a) in demo.articles.iter_mut().enumerate() {
        if i % 3 == 0 {
            a.date = None;
        }
    }
    let in_articles = |s: usize| {
        let mut articles: Vec<usize> = demo.speakers[s]
            .quotes
            .iter()
            .map(|&q| demo.quotes[q].article)
            .collect();
        articles.dedup();
        articles.len()
    };
    let speaker = (0..demo.speakers.len()).max_by_key(|&s| in_articles(s)).unwrap();
    let mut app = App::new(quoteline::model::Corpus::default(), Rect::new(0, 0, 120, 40));
    app.filter = Some(speaker);
    let mut speakers = demo.speakers.clone();
    for s in &mut speakers {
        s.quotes.clear();
    }
    let ids: Vec<usize> = (0..demo.articles.len()).collect();
    for chunk in ids.chunks(4) {
        let articles: Vec<_> = chunk.iter().map(|&a| demo.articles[a].clone()).collect();
        let quotes = articles
            .iter()
            .flat_map(|a| a.quotes.iter().map(|q| demo.quotes[q].clone()))
            .collect();
        app.append_batch(quoteline::pipeline::Batch {
            articles,
            quotes,
            speakers: std::mem::take(&mut speakers),
            ..Default::default()
        });
        app.refresh_list(true);
    }
    // Sorted at once: the filter set, then the list made again.
    let mut whole = App::new(demo.clone(), Rect::new(0, 0, 120, 40));
    whole.filter = Some(speaker);
    let name = demo.speakers[speaker].name.clone();
    whole.replace_corpus(demo, quoteline::state::UserState::new());
    assert_eq!(whole.filter, Some(speaker), "{name}");
    assert_eq!(app.list, whole.list);
    assert!(whole.list.len() >= 3, "{name} speaks in {} articles", whole.list.len());
}

/// Overlays opened before the corpus has loaded follow it as it arrives:
/// the speaker picker lists the speakers merged across the corpus (the
/// provisional ones it listed are renumbered when speakers merge), and a
/// search typed before any quote arrived finds them once they have.
#[test]
fn overlays_opened_while_loading_follow_the_corpus() {
    let root = env!("CARGO_MANIFEST_DIR");
    let paths = vec![format!("{root}/assets")];
    for typed in ["s", "/water"] {
        let mut app = App::new(Default::default(), Rect::new(0, 0, 120, 40));
        keys(&mut app, typed);
        let loader = super::loading::Loading::start(paths.clone(), Default::default(), Default::default(), None);
        app.loading = Some((Default::default(), loader.started));
        let mut problems = Vec::new();
        while super::take_loaded(&mut app, &loader, &mut problems) {
            render(&app);
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        render(&app);
        let shown = format!("{:?}", app.overlay);
        // As the same overlay opened on the loaded corpus lists.
        keys(&mut app, "\x1b");
        keys(&mut app, typed);
        assert_eq!(shown, format!("{:?}", app.overlay), "{typed}");
        assert!(!shown.contains("matches: []"), "{typed}: {shown}");
    }
}

fn press(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    handle(app, Event::Key(KeyEvent::new(code, modifiers)));
}

fn shown_title(app: &App) -> String {
    let a = app.article.expect("an article is shown");
    app.corpus.articles[a].title.clone().unwrap_or_default()
}

#[test]
fn esc_clearing_the_speaker_filter_keeps_the_article_shown_selected() {
    let mut app = demo_app(120, 40);
    keys(&mut app, "srasmus\n");
    assert!(shown_title(&app).starts_with("Dockworkers"), "{}", shown_title(&app));
    keys(&mut app, "\x1b\x1b");
    assert!(app.filter.is_none());
    assert_eq!(app.list.len(), app.corpus.articles.len());
    assert_eq!(
        app.list.get(app.list_selected).copied(),
        app.article,
        "the list's selection is the article shown"
    );
    assert!(shown_title(&app).starts_with("Dockworkers"));
}

#[test]
fn page_keys_move_a_screenful_of_articles_in_either_layout() {
    // 24 rows: a 23-row pane, 21 inside its border, ten two-row articles.
    for width in [120, 80] {
        let mut app = demo_app(width, 24);
        press(&mut app, KeyCode::PageDown, KeyModifiers::NONE);
        assert_eq!(app.list_selected, 10, "{width} columns");
        press(&mut app, KeyCode::PageDown, KeyModifiers::NONE);
        assert_eq!(app.list_selected, app.list.len() - 1, "{width} columns");
        press(&mut app, KeyCode::PageUp, KeyModifiers::NONE);
        assert_eq!(app.list_selected, app.list.len() - 11, "{width} columns");
    }
}

/// The open list overlay's selected row and length.
fn overlay_selection(app: &App) -> (usize, usize) {
    match &app.overlay {
        super::app::Overlay::Picker { matches, selected, .. } => (*selected, matches.len()),
        super::app::Overlay::Related { entries, selected } => (*selected, entries.len()),
        other => panic!("not a list overlay: {other:?}"),
    }
}

#[test]
fn page_and_end_keys_move_through_list_overlays() {
    // 40 rows: an 18-row overlay, 16 inside its border; the picker types
    // on the first, so a page is 15 speakers, and 8 related quotes of two
    // lines each.
    let mut app = demo_app(120, 40);
    keys(&mut app, "s");
    let (_, speakers) = overlay_selection(&app);
    assert!(speakers > 16, "the demo has more speakers than a page: {speakers}");
    press(&mut app, KeyCode::PageDown, KeyModifiers::NONE);
    assert_eq!(overlay_selection(&app).0, 15);
    press(&mut app, KeyCode::End, KeyModifiers::NONE);
    assert_eq!(overlay_selection(&app).0, speakers - 1);
    press(&mut app, KeyCode::PageDown, KeyModifiers::NONE);
    assert_eq!(overlay_selection(&app).0, speakers - 1, "stays on the last");
    press(&mut app, KeyCode::PageUp, KeyModifiers::NONE);
    assert_eq!(overlay_selection(&app).0, speakers - 16);
    press(&mut app, KeyCode::Home, KeyModifiers::NONE);
    assert_eq!(overlay_selection(&app).0, 0);
    // g and G are typed into the picker, not taken as keys.
    keys(&mut app, "G");
    assert!(matches!(&app.overlay, super::app::Overlay::Picker { input, .. } if input == "G"));

    keys(&mut app, "\x1b\tR");
    let (_, related) = overlay_selection(&app);
    assert!(related > 1, "the first quote has related quotes");
    keys(&mut app, "G");
    assert_eq!(overlay_selection(&app).0, related - 1);
    keys(&mut app, "g");
    assert_eq!(overlay_selection(&app).0, 0);
    press(&mut app, KeyCode::PageDown, KeyModifiers::NONE);
    assert_eq!(overlay_selection(&app).0, (related - 1).min(8));
}

#[test]
fn a_click_in_a_scrolled_list_selects_the_article_under_it() {
    let mut app = demo_app(120, 24);
    keys(&mut app, "G");
    let last = app.list.len() - 1;
    assert_eq!(app.list_selected, last);
    // Ten articles shown, the last at the foot: the first row shows the
    // article ten before it.
    handle(
        &mut app,
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(crossterm::event::MouseButton::Left),
            column: 5,
            row: 1,
            modifiers: KeyModifiers::NONE,
        }),
    );
    assert_eq!(app.list_selected, last - 9);
    // The blank row under the last article drawn (21 rows inside the
    // border hold ten) and the border select nothing.
    for row in [21, 22] {
        handle(
            &mut app,
            Event::Mouse(MouseEvent {
                kind: MouseEventKind::Down(crossterm::event::MouseButton::Left),
                column: 5,
                row,
                modifiers: KeyModifiers::NONE,
            }),
        );
        assert_eq!(app.list_selected, last - 9, "row {row}");
    }
}

#[test]
fn the_end_of_an_article_stays_at_the_foot_of_the_quote_view() {
    let mut app = demo_app(80, 24);
    keys(&mut app, "\nG");
    let (len, height) = (app.quote_view_len(), app.quote_view_height());
    assert!(len > height, "the article is longer than the pane");
    assert_eq!(app.scroll, len - height);
    keys(&mut app, "j");
    assert_eq!(app.scroll, len - height, "no further down");
    press(&mut app, KeyCode::PageDown, KeyModifiers::NONE);
    assert_eq!(app.scroll, len - height, "no further down");
}

#[test]
fn ctrl_c_quits_from_every_overlay_and_prompt() {
    for opening in ["", "?", "s", "/", "R", "\nm", "d"] {
        let mut app = demo_app(120, 40);
        keys(&mut app, opening);
        press(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert!(app.quit, "Ctrl-C after {opening:?}");
    }
}

#[test]
fn the_help_scrolls_where_it_does_not_fit_and_the_status_names_the_keys_bound() {
    let mut app = demo_app(80, 24);
    keys(&mut app, "?");
    let top = render(&app);
    assert!(top.contains("Keys (j/k to scroll)"), "{top}");
    assert!(!top.contains("Press ? or Esc to close."), "{top}");
    keys(&mut app, "G");
    let bottom = render(&app);
    assert!(bottom.contains("Press ? or Esc to close."), "{bottom}");
    assert!(bottom.contains("quit (Ctrl-C always quits)"), "{bottom}");
    // No further than the end, and back up a line at a time.
    keys(&mut app, "jjjk");
    assert_ne!(render(&app), bottom);
    keys(&mut app, "j");
    assert_eq!(render(&app), bottom);
    keys(&mut app, "g");
    assert_eq!(render(&app), top);
    // At the end in a frame that then grew, a line up shows at once.
    keys(&mut app, "G");
    app.resize(Rect::new(0, 0, 80, 28));
    let grown = render(&app);
    assert!(grown.contains("to scroll"), "{grown}");
    keys(&mut app, "k");
    assert_ne!(render(&app), grown);
    // Where it fits, it does not scroll.
    let mut app = demo_app(120, 50);
    keys(&mut app, "?");
    let whole = render(&app);
    assert!(
        whole.contains(" Keys ") && whole.contains("Press ? or Esc to close."),
        "{whole}"
    );
    keys(&mut app, "j");
    assert_eq!(render(&app), whole);

    let mut app = demo_app(120, 40);
    assert!(render(&app).contains("? help  q quit"));
    assert!(app.keymap.apply("quit = [\"x\"]\nhelp = [\"h\"]").is_empty());
    let screen = render(&app);
    assert!(screen.contains("h help  x quit"), "{screen}");
    assert!(app.keymap.apply("quit = []").is_empty());
    assert!(render(&app).contains("h help  Ctrl-C quit"));
    keys(&mut app, "h");
    assert!(render(&app).contains("Press h or Esc to close."));
}

/// The next chunk of articles arrives as a batch, and the list follows.
fn arrive_batch(app: &mut App, chunks: &mut std::slice::Chunks<quoteline::model::Article>) {
    app.append_batch(quoteline::pipeline::Batch {
        articles: chunks.next().expect("a batch left").to_vec(),
        ..Default::default()
    });
    app.refresh_list(true);
}

#[test]
fn while_articles_arrive_the_first_is_shown_until_the_selection_is_moved() {
    let root = env!("CARGO_MANIFEST_DIR");
    let demo = quoteline::load_corpus(&[format!("{root}/assets")], &quoteline::LoadOptions::default());
    // Oldest first, so that each batch brings articles before those shown.
    let mut articles: Vec<_> = demo.articles.iter().filter(|a| a.date.is_some()).cloned().collect();
    articles.sort_by_key(|a| a.date);
    for a in &mut articles {
        a.quotes = Default::default();
        a.story = None;
    }
    let mut app = App::new(quoteline::model::Corpus::default(), Rect::new(0, 0, 120, 40));
    let mut chunks = articles.chunks(3);
    let mut arrive = |app: &mut App| arrive_batch(app, &mut chunks);
    for _ in 0..3 {
        arrive(&mut app);
        assert_eq!(app.list_selected, 0);
        assert_eq!(app.article, app.list.first().copied(), "the newest so far is shown");
    }
    // Keys that move nothing leave it so.
    keys(&mut app, "?\x1br");
    arrive(&mut app);
    assert_eq!(app.list_selected, 0);
    assert_eq!(app.article, app.list.first().copied());
    // Once the selection is moved, the article chosen stays chosen.
    keys(&mut app, "jk");
    let chosen = app.article;
    assert_eq!(chosen, app.list.first().copied());
    arrive(&mut app);
    assert_ne!(app.list_selected, 0, "newer articles came before it");
    assert_eq!(app.list.get(app.list_selected).copied(), chosen);
    assert_eq!(app.article, chosen);
    // Reading the article shown at the top counts as choosing it; so do
    // going to another pane before any article came, and a click there.
    for how in ["open", "tab first", "click"] {
        let mut app = App::new(quoteline::model::Corpus::default(), Rect::new(0, 0, 120, 40));
        let mut chunks = articles.chunks(3);
        let mut arrive = |app: &mut App| arrive_batch(app, &mut chunks);
        if how == "tab first" {
            keys(&mut app, "\t");
        }
        arrive(&mut app);
        match how {
            "open" => keys(&mut app, "\n"),
            "click" => app.click(60, 10),
            _ => {}
        }
        let read = app.article;
        arrive(&mut app);
        assert_eq!(app.article, read, "{how}");
    }
}

/// A folder holding one readable article with one quote.
fn folder_of_one_good_article() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.txt"),
        "Harbour plan\n\n“We will build it,” Mayor Ilse Varga said.\n",
    )
    .unwrap();
    dir
}

#[test]
fn a_load_with_problems_says_so_when_it_ends() {
    let dir = folder_of_one_good_article();
    let path = vec![dir.path().to_str().unwrap().to_string()];
    let app = load_in_background(path.clone(), Default::default());
    let message = app.message.clone().unwrap_or_default();
    assert!(
        message.starts_with("loaded 1 article, 1 quote in") && !message.contains("problem"),
        "{message}"
    );
    std::fs::write(dir.path().join("broken.json"), "{ not json").unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    let mut app = load_in_background(path, Default::default());
    assert_eq!(
        app.load_problems.as_deref(),
        Some("2 files not read (listed when you quit)")
    );
    // Kept in the status line after keys.
    keys(&mut app, "jj");
    assert!(render(&app).contains("2 files not read (listed when you quit)"));
    std::fs::write(
        dir.path().join("legacy.txt"),
        b"A title\n\n\x93Fine,\x94 Lena Brook said.\n",
    )
    .unwrap();
    let app = load_in_background(vec![dir.path().to_str().unwrap().to_string()], Default::default());
    assert_eq!(
        app.load_problems.as_deref(),
        Some("2 files not read, 1 warning (listed when you quit)")
    );
}

#[test]
fn a_quote_near_the_end_is_shown_without_scrolling_past_the_end() {
    let mut app = demo_app(80, 24);
    keys(&mut app, "\n");
    // The article's last quote.
    for _ in 0..20 {
        keys(&mut app, "n");
    }
    let most = app.quote_view_len() - app.quote_view_height();
    assert!(app.scroll <= most, "{} > {most}", app.scroll);
    let before = app.scroll;
    keys(&mut app, "j");
    assert!(app.scroll >= before, "down moved up");
    // Every article's last quote is drawn, in the narrow and the wide layout.
    for (w, h) in [(80, 24), (120, 30)] {
        for a in 0..app.corpus.articles.len() {
            let mut app = demo_app(w, h);
            app.list_selected = app.list.iter().position(|&x| x == a).unwrap();
            keys(&mut app, "\n");
            for _ in 0..30 {
                keys(&mut app, "n");
            }
            let (Some(a), Some(q)) = (app.article, app.quote) else {
                continue;
            };
            // The quote's first line among the article's lines drawn.
            let pane = super::layout::pane_rects(app.size, app.focus)
                .quote
                .expect("the quote view is shown");
            let lines = super::wrap::article_lines(&app.corpus, a, Some(q), app.raw, usize::from(pane.width - 2));
            let line = lines.quote_line.expect("the quote is in its article");
            // The rows view.rs draws the article in.
            let body = usize::from(pane.height - 2 - app.quote_header_rows(pane.width - 2));
            let shown = app.scroll..app.scroll + body;
            assert!(
                shown.contains(&line),
                "{w}x{h}, article {a}: line {line} outside {shown:?}"
            );
        }
    }
}

#[test]
fn escape_sequences_in_a_files_name_never_reach_the_screen() {
    std::env::set_var("NO_COLOR", "1");
    let dir = tempfile::tempdir().unwrap();
    let name = "a\u{1b}[12;40HMOVED\u{1b}[1;1H\u{1b}]0;TITLE\u{7}\tb.txt";
    std::fs::write(dir.path().join(name), "Cursor story\n\n\"Moves,\" said Ida Move.\n").unwrap();
    let corpus = quoteline::load_corpus(
        &[dir.path().to_string_lossy().into_owned()],
        &quoteline::LoadOptions::default(),
    );
    assert_eq!(corpus.articles.len(), 1);
    let a = &corpus.articles[0];
    assert!(a.outlet.is_none(), "the file's name stands for the outlet");
    assert_eq!(a.source(), "aMOVED b.txt");
    let mut app = App::new(corpus, Rect::new(0, 0, 120, 30));
    keys(&mut app, "\n");
    let screen = render(&app);
    assert!(!screen.chars().any(|c| c.is_control() && c != '\n'), "{screen:?}");
    assert!(screen.contains("aMOVED b.txt"), "{screen}");
}

#[test]
fn a_cell_holding_a_control_character_is_drawn_blank() {
    use ratatui::widgets::{Paragraph, Widget};
    let area = Rect::new(0, 0, 12, 1);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    Paragraph::new("a\u{1b}[2Jb\u{202e}c\u{9b}d").render(area, &mut buf);
    assert!(buf.content.iter().any(|c| c.symbol().contains('\u{1b}')));
    view::blank_control_cells(&mut buf);
    let shown: String = buf.content.iter().map(|c| c.symbol()).collect();
    assert!(!shown.chars().any(|c| c.is_control() || c == '\u{202e}'), "{shown:?}");
    assert!(shown.starts_with("a [2Jbc d"), "{shown:?}");
}

#[test]
fn the_same_words_quoted_twice_in_an_article_are_starred_and_noted_apart() {
    std::env::set_var("NO_COLOR", "1");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("dup.txt"),
        "Council split\n\n\"We agree with the plan,\" said Mayor Anna Berg.\n\n\
         Later that day: \"We agree with the plan,\" said Carl Holm, to general surprise.\n",
    )
    .unwrap();
    let paths = [dir.path().join("dup.txt").to_string_lossy().into_owned()];
    let load = || quoteline::load_corpus(&paths, &quoteline::LoadOptions::default());
    let store = quoteline::state::StateFile::new(dir.path().join("state.toml"));
    let mut app = App::new(load(), Rect::new(0, 0, 120, 30));
    app.store = Some(store.clone());
    let said_by = |c: &quoteline::model::Corpus, who: &str| {
        (0..c.quotes.len())
            .find(|&q| c.speaker_name(&c.quotes[q]) == Some(who))
            .unwrap_or_else(|| panic!("a quote by {who}"))
    };
    let (anna, carl) = (said_by(&app.corpus, "Anna Berg"), said_by(&app.corpus, "Carl Holm"));
    app.jump_to(anna);
    keys(&mut app, "*");
    app.jump_to(carl);
    keys(&mut app, "*mfor Carl\n");
    assert!(app.corpus.quotes[anna].starred && app.corpus.quotes[carl].starred);

    let (saved, _) = store.load();
    assert_eq!(
        saved.stars.len(),
        2,
        "two stars saved, not one toggled off: {:?}",
        saved.stars
    );
    let mut fresh = load();
    assert!(quoteline::state::apply(&mut fresh, &saved).is_empty());
    let (anna, carl) = (said_by(&fresh, "Anna Berg"), said_by(&fresh, "Carl Holm"));
    assert!(fresh.quotes[anna].starred && fresh.quotes[carl].starred);
    assert_eq!(fresh.note(carl), Some("for Carl"));
    assert_eq!(fresh.note(anna), None, "the note stays on the quote it was written on");

    // A state written before quotes were told apart names the first.
    let text = std::fs::read_to_string(dir.path().join("state.toml")).unwrap();
    assert_eq!(text.matches("occurrence = 2").count(), 2, "{text}");
    std::fs::write(dir.path().join("state.toml"), text.replace("occurrence = 2\n", "")).unwrap();
    let mut old = load();
    quoteline::state::apply(&mut old, &store.load().0);
    assert_eq!(old.note(said_by(&old, "Anna Berg")), Some("for Carl"));

    // The folder loaded again: the second quote of those words stays
    // selected, not the first.
    app.jump_to(said_by(&app.corpus, "Carl Holm"));
    app.replace_corpus(load(), quoteline::state::UserState::new());
    let q = app.quote.expect("a quote selected");
    assert_eq!(app.corpus.speaker_name(&app.corpus.quotes[q]), Some("Carl Holm"));
}

#[test]
fn a_date_set_by_hand_does_not_move_the_reader_off_the_first_article() {
    let assets = format!("{}/assets", env!("CARGO_MANIFEST_DIR"));
    let plain = load_in_background(vec![assets.clone()], quoteline::state::UserState::new());
    let first = plain.list[0];
    let mut user = quoteline::state::UserState::new();
    let long_ago = chrono::NaiveDate::from_ymd_opt(2020, 1, 1);
    user.set_date(quoteline::state::article_key(&plain.corpus, first), long_ago);
    let app = load_in_background(vec![assets], user);
    assert_ne!(app.list[0], first, "the date moved the article down");
    assert_eq!(app.list_selected, 0);
    assert_eq!(app.article, Some(app.list[0]), "the first article of the list is shown");
}

#[test]
fn an_article_whose_only_quote_is_far_down_opens_with_it_in_sight() {
    std::env::set_var("NO_COLOR", "1");
    let dir = tempfile::tempdir().unwrap();
    let filler: String = (0..60)
        .map(|i| format!("Paragraph {i} of the background, with nothing anyone said in it.\n\n"))
        .collect();
    for (name, title) in [("a.txt", "Deep quote one"), ("b.txt", "Deep quote two")] {
        std::fs::write(
            dir.path().join(name),
            format!("{title}\n\n{filler}\"The water is safe to drink now,\" said Olga Deep.\n"),
        )
        .unwrap();
    }
    let corpus = quoteline::load_corpus(
        &[dir.path().to_string_lossy().into_owned()],
        &quoteline::LoadOptions::default(),
    );
    // The quote's line among the quote view's, and the rows shown, as
    // drawn once the view is on screen (in the narrow layout, after Tab).
    let in_sight = |app: &App| {
        let pane = super::layout::pane_rects(app.size, super::layout::Pane::Quote)
            .quote
            .unwrap();
        let width = usize::from(pane.width - 2);
        let lines = super::wrap::article_lines(&app.corpus, app.article.unwrap(), app.quote, app.raw, width);
        let line = lines.quote_line.expect("the quote is in its article");
        let rows = usize::from(pane.height - 2 - app.quote_header_rows(pane.width - 2));
        (app.scroll..app.scroll + rows).contains(&line)
    };
    for (w, h) in [(120, 30), (80, 24)] {
        let mut app = App::new(corpus.clone(), Rect::new(0, 0, w, h));
        assert!(
            app.scroll > 0 && in_sight(&app),
            "{w}x{h}: the first article, as opened"
        );
        keys(&mut app, "j");
        assert_eq!(app.list_selected, 1);
        assert!(
            app.scroll > 0 && in_sight(&app),
            "{w}x{h}: the next article, browsed to"
        );
    }
    // An article whose quote is on its first screen opens at its top, in
    // the narrow layout too, where the list hides the quote view.
    let mut app = demo_app(80, 24);
    keys(&mut app, "j");
    assert_eq!(app.scroll, 0);
    keys(&mut app, "\t");
    assert!(in_sight(&app) && app.scroll == 0, "scrolled to {}", app.scroll);
}

#[test]
fn a_long_note_is_wrapped_under_the_quote_and_leaves_the_related_hint_in_sight() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(200, 40);
    app.store = Some(quoteline::state::StateFile::new(dir.path().join("state.toml")));
    keys(&mut app, "\n");
    let note = format!(
        "Remember to check {} ENDMARK",
        "the minister's earlier statement ".repeat(4)
    );
    keys(&mut app, &format!("m{note}\n"));
    let screen = render(&app);
    assert!(screen.contains("ENDMARK"), "{screen}");
    assert!(screen.contains("related (] [ R)"), "{screen}");
    let pane = super::layout::pane_rects(app.size, app.focus).quote.unwrap();
    assert_eq!(app.quote_header_rows(pane.width - 2), 4, "two rows of note");
    // A note longer than three rows ends in an ellipsis there.
    keys(&mut app, "m");
    clear_input(&mut app);
    keys(&mut app, &format!("{}\n", "word ".repeat(200)));
    let rows = super::view::note_rows(&app, usize::from(pane.width - 2));
    assert_eq!(rows.len(), 3);
    assert!(rows[2].ends_with('…'), "{rows:?}");
    assert!(render(&app).contains("related (] [ R)"));
}

#[test]
fn a_folder_loaded_again_counts_its_files_problems_as_they_are_now() {
    let dir = folder_of_one_good_article();
    std::fs::write(dir.path().join("broken.json"), "{ not json").unwrap();
    let paths = [dir.path().to_string_lossy().into_owned()];
    let reload = || quoteline::load_corpus(&paths, &quoteline::LoadOptions::default());
    let at_start = vec!["quoteline: warning: keys.toml: unknown action".to_string()];
    let problems = super::problems_after_reload(&at_start, &(reload(), Default::default(), Vec::new()));
    assert_eq!(
        super::count_problems(&problems).as_deref(),
        Some("1 file not read, 1 warning (listed when you quit)")
    );
    // The broken file mended: only the keys file's warning is left.
    std::fs::write(dir.path().join("broken.json"), r#"{"title":"T","content":"Text."}"#).unwrap();
    let warnings = vec!["a correction no longer fits".to_string()];
    let problems = super::problems_after_reload(&at_start, &(reload(), Default::default(), warnings));
    assert_eq!(
        super::count_problems(&problems).as_deref(),
        Some("2 warnings (listed when you quit)")
    );
}

/// A paste is text for the prompt being typed in, never keys: outside a
/// prompt it does nothing but say so; in the search its line break is a
/// space and it searches at once.
#[test]
fn a_paste_is_text_not_keys() {
    let mut app = demo_app(120, 40);
    handle(&mut app, Event::Paste("r\nsq".into()));
    assert!(!app.raw && !app.quit && !app.typing(), "no key of it ran");
    assert!(app.message.as_deref().is_some_and(|m| m.contains("paste ignored")));
    keys(&mut app, "/");
    handle(&mut app, Event::Paste("water\nprices\u{1b}[2J".into()));
    match &app.overlay {
        super::app::Overlay::Search { input, .. } => {
            assert_eq!(input, "water prices", "the escape sequence goes whole")
        }
        other => panic!("search closed: {other:?}"),
    }
    // Spaces pasted are kept; the line break a copied line ends in is not.
    handle(&mut app, Event::Paste(" cuts\n".into()));
    match &app.overlay {
        super::app::Overlay::Search { input, .. } => assert_eq!(input, "water prices cuts"),
        other => panic!("search closed: {other:?}"),
    }
}

/// What is drawn before the terminal's cursor on its row, once `app` is
/// drawn.
fn before_cursor(app: &App) -> String {
    around_cursor(app).0
}

/// What is drawn before the terminal's cursor on its row, and from it on.
fn around_cursor(app: &App) -> (String, String) {
    let mut t = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    t.draw(|f| view::draw(f, app)).unwrap();
    let p = t.get_cursor_position().unwrap();
    let buffer = t.backend().buffer();
    let row = |xs: std::ops::Range<u16>| xs.map(|x| buffer[(x, p.y)].symbol()).collect::<String>();
    (row(0..p.x), row(p.x..app.size.width))
}

/// A prompt's line is edited where its cursor is, as in a shell: Left and
/// Right, Home and End (Ctrl-A and Ctrl-E), Delete; typing, a paste,
/// Backspace, Ctrl-W and Ctrl-U at the cursor. The terminal's cursor is
/// drawn there.
#[test]
fn a_prompts_line_is_edited_where_its_cursor_is() {
    let (_dir, _store, mut app) = demo_app_saving();
    keys(&mut app, "\nm");
    let mv = |app: &mut App, code: KeyCode| press(app, code, KeyModifiers::NONE);
    keys(&mut app, "wter price");
    for _ in 0..9 {
        mv(&mut app, KeyCode::Left);
    }
    keys(&mut app, "a");
    assert_eq!(prompt_input(&app), Some("water price"));
    // Drawn after "> wa", on the prompt's typing row.
    let before = before_cursor(&app);
    assert!(before.ends_with("> wa"), "{before}");
    mv(&mut app, KeyCode::End);
    keys(&mut app, "s");
    mv(&mut app, KeyCode::Home);
    mv(&mut app, KeyCode::Delete);
    assert_eq!(prompt_input(&app), Some("ater prices"));
    ctrl(&mut app, 'e');
    for _ in 0..6 {
        mv(&mut app, KeyCode::Left);
    }
    app.paste("tap ");
    assert_eq!(prompt_input(&app), Some("ater tap prices"));
    mv(&mut app, KeyCode::Right);
    mv(&mut app, KeyCode::Backspace);
    assert_eq!(prompt_input(&app), Some("ater tap rices"));
    ctrl(&mut app, 'w');
    assert_eq!(prompt_input(&app), Some("ater rices"));
    ctrl(&mut app, 'u');
    assert_eq!(prompt_input(&app), Some("rices"));
    ctrl(&mut app, 'a');
    keys(&mut app, "p");
    assert_eq!(prompt_input(&app), Some("prices"));
    // Past either end, it stays there.
    for _ in 0..20 {
        mv(&mut app, KeyCode::Right);
    }
    keys(&mut app, "!");
    assert_eq!(prompt_input(&app), Some("prices!"));
}

/// A long line being edited far from its end keeps the cursor in view.
#[test]
fn a_long_line_shows_where_its_cursor_is() {
    let mut app = demo_app(60, 20);
    keys(&mut app, &format!("/{}water", "tariff ".repeat(12)));
    ctrl(&mut app, 'a');
    keys(&mut app, "X");
    let screen = render(&app);
    let input = screen.lines().find(|l| l.contains("> ")).expect("the input line");
    assert!(input.contains("> Xtariff") && input.contains('…'), "{input}");
    let before = before_cursor(&app);
    assert!(before.ends_with("> X"), "{before}");
    // Further than a line's width from either end: both sides cut, the
    // cursor still after what was typed.
    for _ in 0..60 {
        press(&mut app, KeyCode::Right, KeyModifiers::NONE);
    }
    keys(&mut app, "Y");
    let (before, after) = around_cursor(&app);
    assert!(before.ends_with('Y') && before.contains("> …"), "{before}");
    // And what follows it, the character under it first.
    assert!(after.starts_with("ff tariff") && after.contains('…'), "{after}");
}

/// A character drawn as one (an accent written apart, a flag) is one
/// step of the cursor and one Backspace.
#[test]
fn the_cursor_steps_over_what_is_drawn_as_one_character() {
    let (_dir, _store, mut app) = demo_app_saving();
    keys(&mut app, "\nm");
    app.paste("cafe\u{301} 🇫🇷!");
    press(&mut app, KeyCode::Left, KeyModifiers::NONE);
    press(&mut app, KeyCode::Left, KeyModifiers::NONE);
    press(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    assert_eq!(prompt_input(&app), Some("cafe\u{301}🇫🇷!"));
    press(&mut app, KeyCode::Left, KeyModifiers::NONE);
    press(&mut app, KeyCode::Delete, KeyModifiers::NONE);
    assert_eq!(prompt_input(&app), Some("caf🇫🇷!"));
}
