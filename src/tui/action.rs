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
    GroupByStory,
    RawView,
    Help,
    Quit,
}
