//! Quote pairing and attribution on any text: spans inside the text, on
//! character boundaries, and never overlapping unless one nests in another.
#![no_main]
use libfuzzer_sys::fuzz_target;
use quoteline::load::Source;

fuzz_target!(|data: &[u8]| {
    let source = Source {
        file: "fuzz.txt".into(),
        text: String::from_utf8_lossy(data).into_owned(),
        ..Source::default()
    };
    let article = quoteline::clean::clean(&source);
    let found = quoteline::extract::extract_alone(&article);
    if let Some(problem) = found.span_problem(&article.text) {
        panic!("{problem} in {:?}", article.text);
    }
});
