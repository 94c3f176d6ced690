//! RSS and Atom feeds.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (parsed, _) = quoteline::load::parse_bytes("fuzz.rss", data);
    if let Ok(sources) = parsed {
        for s in sources {
            assert!(!s.text.chars().any(quoteline::load::decode::is_unsafe_char));
        }
    }
});
