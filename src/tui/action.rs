//! Everything the user can ask the reader to do. Keys and mouse events map
//! to these; `App::update` is the only place that acts on them.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    NextPane,
    PrevPane,
    Open,
    Back,
    NextQuote,
    PrevQuote,
    SpeakerPicker,
    Search,
    NextRelated,
    PrevRelated,
    RelatedList,
    CompareWordings,
    SetDate,
    Star,
    Note,
    Reattribute,
    MergeSpeaker,
    SplitAlias,
    RenameSpeaker,
    GroupByStory,
    RawView,
    Help,
    Quit,
    /// Ctrl-C: quits from anywhere, an overlay or a prompt open or not
    /// (bound to no other key, and to no key in the keymap file).
    Interrupt,
}

impl Action {
    /// Whether the action changes the corpus (and saves the user's work),
    /// which waits until loading is done.
    pub fn changes_corpus(self) -> bool {
        matches!(
            self,
            Action::SetDate
                | Action::Star
                | Action::Note
                | Action::Reattribute
                | Action::MergeSpeaker
                | Action::SplitAlias
                | Action::RenameSpeaker
        )
    }
}
