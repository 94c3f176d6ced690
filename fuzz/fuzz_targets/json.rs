//! JSON and JSON Lines records (news-API, articles output, Quotebank).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for name in ["fuzz.json", "fuzz.jsonl"] {
        let (parsed, _) = quoteline::load::parse_bytes(name, data);
        if let Ok(sources) = parsed {
            for s in sources {
                let fields = [
                    Some(&s.text),
                    s.meta.title.as_ref(),
                    s.meta.outlet.as_ref(),
                    s.item.as_ref(),
                ];
                for f in fields.into_iter().flatten() {
                    assert!(!f.chars().any(quoteline::load::decode::is_unsafe_char), "{f:?}");
                }
            }
        }
    }
});
