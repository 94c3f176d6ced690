//! The terminal reader: three panes over the core library. Key and mouse
//! events map through the keymap to actions, `App::update` changes the
//! state, and `view::draw` draws it.

pub mod action;
pub mod app;
pub mod keymap;
pub mod layout;
pub mod live;
pub mod loading;
pub mod theme;
pub mod view;
pub mod wrap;

#[cfg(test)]
mod tests;

use app::App;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event, KeyCode,
    KeyEventKind, MouseEventKind,
};
use crossterm::execute;
use quoteline::model::Corpus;
use quoteline::state::UserState;
use ratatui::layout::Rect;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Restores the terminal: mouse capture off, raw mode off, main screen.
fn restore() {
    let _ = execute!(std::io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
}

/// [`restore`] without a word when it fails: after a signal the terminal
/// is most likely gone (a hangup), and failing to restore it is no news
/// ("Failed to restore terminal: No such device or address").
fn restore_quietly() {
    let _ = execute!(std::io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    let _ = ratatui::try_restore();
}

/// Runs the reader until the user quits, loading `reload.paths` behind
/// it. The terminal is restored on quit, on error, on panic and on SIGTERM,
/// SIGHUP or SIGINT. Returns how it ended ([`Ended`]): the problems met
/// while loading come after `state_warning` (the state file's, read before).
pub fn run(user: UserState, state_warning: Option<String>, reload: live::Reload) -> std::io::Result<Ended> {
    let (keys, keys_problem) = keymap::Keymap::load();
    // This thread draws every frame.
    quoteline::model::Text::remember_recent_on_this_thread(app::RECENT_TEXTS);
    // The signal that came (0: none), to exit with 128 + its number as a
    // shell expects of a process a signal ended.
    let stop = Arc::new(AtomicUsize::new(0));
    for signal in [SIGTERM, SIGHUP, SIGINT] {
        signal_hook::flag::register_usize(signal, Arc::clone(&stop), signal as usize)?;
    }
    let signalled = |stop: &AtomicUsize| match stop.load(Ordering::Relaxed) {
        0 => None,
        signal => i32::try_from(signal).ok(),
    };
    // When the terminal hangs up, crossterm's reader spins on end of file
    // and never returns to the loop below; a watchdog then ends the
    // process itself once the signal has had a second to be handled.
    {
        let stop = Arc::clone(&stop);
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_millis(200));
            if let Some(signal) = signalled(&stop) {
                std::thread::sleep(Duration::from_secs(1));
                restore_quietly();
                std::process::exit(128 + signal);
            }
        });
    }
    let mut terminal = ratatui::try_init()?;
    // ratatui's hook restores raw mode and the screen; ours also turns
    // mouse capture off first.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // A panic caught while loading (a parser's, or one article's
        // cleaning or extraction, on a live reload too) is not the
        // reader's: the screen stays as it is.
        if quoteline::guard::in_guarded() {
            return;
        }
        let _ = execute!(std::io::stdout(), DisableMouseCapture, DisableBracketedPaste);
        hook(info);
    }));
    let result = (|| {
        // Bracketed paste: a paste arrives as text, not as keys (a line
        // break in it would submit a prompt and the rest run as commands).
        execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste)?;
        let size = terminal.size()?;
        let mut app = App::new(Corpus::default(), Rect::new(0, 0, size.width, size.height));
        app.keymap = keys;
        app.store = reload.store.clone();
        app.user = user;
        let load_began = std::time::SystemTime::now();
        let loader = loading::Loading::start(
            reload.paths.clone(),
            reload.opts.clone(),
            app.user.clone(),
            reload.cache.clone(),
        );
        app.loading = Some((Default::default(), loader.started));
        let mut loader = Some(loader);
        // Printed on exit with the files' problems, and counted on screen.
        let at_start: Vec<String> = [state_warning, keys_problem]
            .into_iter()
            .flatten()
            .map(|p| format!("quoteline: warning: {p}"))
            .collect();
        let mut problems = at_start.clone();
        // Stars, notes and corrections are gone from view: said at once,
        // not only counted when loading ends.
        if !problems.is_empty() {
            app.load_problems = count_problems(&problems);
        }
        let mut live = None;
        let mut reload = Some(reload);
        let mut frames = loading::FrameClock::default();
        let mut key_handled = false;
        while !app.quit && signalled(&stop).is_none() {
            if frames.due(loader.is_some(), key_handled) {
                terminal.draw(|f| view::draw(f, &app))?;
            }
            key_handled = false;
            // Wake up now and then to notice a signal or a changed folder,
            // and often while loading, to take the next batches.
            let wait = if loader.is_some() { 15 } else { 100 };
            if event::poll(Duration::from_millis(wait))? {
                handle(&mut app, event::read()?);
                key_handled = true;
                // Keys first: every waiting key is handled before the next
                // batch is applied.
                continue;
            }
            if let Some(l) = &loader {
                if !take_loaded(&mut app, l, &mut problems) {
                    loader = None;
                    // Folders are watched once they are loaded, and
                    // what changed while they were is loaded again.
                    live = reload.take().and_then(live::Live::start);
                    if let Some(live) = &live {
                        // Not waited for: what it finds comes as an event.
                        let _ = live.catch_up(load_began);
                    }
                }
            }
            if let Some(reloaded) = live.as_mut().and_then(live::Live::poll) {
                problems = problems_after_reload(&at_start, &reloaded);
                app.load_problems = count_problems(&problems);
                app.replace_corpus(reloaded.0, reloaded.1);
            }
        }
        let nothing_loaded = loader.is_none() && app.corpus.articles.is_empty();
        Ok((problems, nothing_loaded))
    })();
    if let Some(signal) = signalled(&stop) {
        restore_quietly();
        // A frame that failed as the terminal went is not the reader's
        // error ("the reader needs a terminal").
        let (problems, nothing_loaded) = result.unwrap_or_default();
        return Ok(Ended {
            problems,
            signal: Some(signal),
            nothing_loaded,
        });
    }
    restore();
    result.map(|(problems, nothing_loaded)| Ended {
        problems,
        signal: None,
        nothing_loaded,
    })
}

/// How the reader ended: the problems met while loading, for stderr, the
/// signal that ended it, if one did, and whether its load ended with
/// nothing read.
pub struct Ended {
    pub problems: Vec<String>,
    pub signal: Option<i32>,
    pub nothing_loaded: bool,
}

/// The problems of the files as a folder was loaded again, after those
/// met before loading (the state and keys files'): the ones printed on
/// exit and counted on screen are the files' as they are now.
fn problems_after_reload(at_start: &[String], (corpus, _, warnings): &live::Reloaded) -> Vec<String> {
    at_start
        .iter()
        .cloned()
        .chain(corpus.diagnostics.iter().map(ToString::to_string))
        .chain(warnings.iter().map(|w| format!("quoteline: warning: {w}")))
        .collect()
}

/// The problems loading met (printed on exit, where they stay readable),
/// counted for the status line: files not read, and warnings.
fn count_problems(problems: &[String]) -> Option<String> {
    let errors = problems.iter().filter(|p| p.starts_with("quoteline: error:")).count();
    let warnings = problems.len() - errors;
    use view::count;
    let counted = match (errors, warnings) {
        (0, 0) => return None,
        (e, 0) => format!("{} not read", count(e, "file")),
        (0, w) => count(w, "warning"),
        (e, w) => format!("{} not read, {}", count(e, "file"), count(w, "warning")),
    };
    Some(format!("{counted} (listed when you quit)"))
}

/// Applies what the loader sent, for at most [`loading::APPLY_BUDGET`].
/// Returns false once loading is over.
pub fn take_loaded(app: &mut App, loader: &loading::Loading, problems: &mut Vec<String>) -> bool {
    use loading::Message;
    let started = std::time::Instant::now();
    let going = loop {
        if started.elapsed() > loading::APPLY_BUDGET {
            break true;
        }
        match loader.try_next() {
            Ok(Some(Message::Progress(p))) => {
                if let Some((progress, _)) = &mut app.loading {
                    *progress = p;
                }
            }
            Ok(Some(Message::Batch(b))) => {
                problems.extend(b.diagnostics.iter().map(ToString::to_string));
                app.append_batch(b);
            }
            Ok(Some(Message::WantCorpus)) => {
                // Every batch is in: the list is complete.
                app.refresh_list(true);
                loader.give_corpus(std::sync::Arc::clone(&app.corpus));
            }
            Ok(Some(Message::Revision(r))) => app.revision_arrived(r),
            Ok(Some(Message::Speakers(r))) => {
                let warnings = app.speakers_merged(r);
                problems.extend(warnings.into_iter().map(|w| format!("quoteline: warning: {w}")));
                loader.give_corpus(std::sync::Arc::clone(&app.corpus));
            }
            Ok(Some(Message::Relations(r, index))) => {
                app.relations_ready(r, index);
                app.load_problems = count_problems(problems);
                // The loader purged at once from the end of reading.
                quoteline::alloc::purge_at_once(false);
                if app.corpus.articles.is_empty() {
                    app.message = Some("nothing could be loaded (the reasons are printed on exit)".into());
                }
                break false;
            }
            Ok(None) => break true,
            Err(()) => {
                // The worker died (it should not): what arrived stays.
                app.loading = None;
                quoteline::alloc::purge_at_once(false);
                break false;
            }
        }
    };
    app.refresh_list(false);
    going
}

/// Applies one terminal event to the app.
pub fn handle(app: &mut App, ev: Event) {
    match ev {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            if app.typing() {
                use app::CursorMove;
                let ctrl = key.modifiers.contains(crossterm::event::KeyModifiers::CONTROL);
                // Line editing as in a shell's prompt.
                match key.code {
                    KeyCode::Char(c) if !ctrl => return app.type_char(c),
                    KeyCode::Backspace => return app.backspace(),
                    KeyCode::Delete => return app.delete_forward(),
                    KeyCode::Char(c @ ('u' | 'w')) if ctrl => return app.erase(c == 'u'),
                    KeyCode::Left => return app.move_cursor(CursorMove::Left),
                    KeyCode::Right => return app.move_cursor(CursorMove::Right),
                    KeyCode::Char('a') if ctrl => return app.move_cursor(CursorMove::Start),
                    KeyCode::Char('e') if ctrl => return app.move_cursor(CursorMove::End),
                    // Over a list (the picker, the search) they go to its
                    // first and last rows.
                    KeyCode::Home if !app.overlay.has_input() => return app.move_cursor(CursorMove::Start),
                    KeyCode::End if !app.overlay.has_input() => return app.move_cursor(CursorMove::End),
                    _ => {}
                }
            }
            if let Some(action) = app.keymap.action_for(key) {
                app.update(action);
            }
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(_) => app.click(m.column, m.row),
            MouseEventKind::ScrollDown => app.wheel(m.column, m.row, true),
            MouseEventKind::ScrollUp => app.wheel(m.column, m.row, false),
            _ => {}
        },
        Event::Paste(text) => app.paste(&text),
        Event::Resize(w, h) => app.resize(Rect::new(0, 0, w, h)),
        _ => {}
    }
}
