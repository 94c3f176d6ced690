//! Cleaning any text: blocks and removed spans stay inside the text, on
//! character boundaries, in order.
#![no_main]
use libfuzzer_sys::fuzz_target;
use quoteline::load::{markdown, Source};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let (meta, meta_len) = markdown::front_matter(&text);
    let source = Source {
        file: "fuzz.txt".into(),
        text,
        meta,
        meta_len,
        ..Source::default()
    };
    let article = quoteline::clean::clean(&source);
    let t = &article.text;
    let mut last = 0;
    for b in &article.blocks {
        assert!(b.span.start <= b.span.end && b.span.end <= t.len());
        assert!(t.is_char_boundary(b.span.start) && t.is_char_boundary(b.span.end));
        assert!(b.span.start >= last, "blocks in order");
        last = b.span.end;
    }
    for r in &article.removed {
        assert!(r.span.end <= t.len() && t.is_char_boundary(r.span.start) && t.is_char_boundary(r.span.end));
    }
});
