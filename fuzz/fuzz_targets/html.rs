//! HTML pages and fragments, however broken.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (parsed, _) = quoteline::load::parse_bytes("fuzz.html", data);
    if let Ok(sources) = parsed {
        for s in sources {
            assert!(!s.text.chars().any(quoteline::load::decode::is_unsafe_char));
        }
    }
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = quoteline::load::html::to_text(s);
    }
});
